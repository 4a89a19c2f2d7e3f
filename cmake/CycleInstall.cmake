# cmake --install: headers, libcycle shared and static, the built-in plugins
# (libcycle_plugins), the C API library, the cycle command, a CMake package
# (find_package(cycle)) and pkg-config files (cycle, cycle-c). Plugin authors
# and embedders start from these.
#
# Two install components, one Debian package each (cmake/CyclePackage.cmake):
#   runtime  the tool, the shared libraries, calendars, schemas, manual
#            pages, bash completion, docs                    -> libcycle
#   dev      headers, static library, .so links, CMake package and
#            pkg-config files                                 -> libcycle-dev
# Every install() names its component.
include(CMakePackageConfigHelpers)

set(CYCLE_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/cycle)

# Run paths. Left to itself, CMake gives the build tree's installed targets a
# RUNPATH padded with ':' so that install can rewrite it in place (Ninja
# cannot relink), and an empty RUNPATH entry is the current directory,
# searched for every library at every start. Instead these targets are built
# with their install RUNPATH, and the shared libraries are built where it
# finds them: <build>/<libdir>, as <prefix>/<libdir> once installed (cycle is
# one folder down in both, cli/ and bin/). Check: readelf -d build/dev/cli/cycle.
set_target_properties(cycle cycle_plugins cycle_c PROPERTIES
  LIBRARY_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR}/${CMAKE_INSTALL_LIBDIR}
  INSTALL_RPATH "$ORIGIN"
  BUILD_WITH_INSTALL_RPATH ON)
set_target_properties(cycle_cli PROPERTIES BUILD_WITH_INSTALL_RPATH ON)  # $ORIGIN/../<libdir>

install(TARGETS cycle cycle_static cycle_plugins cycle_c
  EXPORT cycleTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT runtime NAMELINK_COMPONENT dev
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT dev
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT runtime
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(TARGETS cycle_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT runtime)
# One include/cycle/ for the public headers of the core, the built-in
# plugins and the C API.
foreach(part libcycle plugins capi)
  install(DIRECTORY ${part}/include/cycle DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} COMPONENT dev)
endforeach()
install(EXPORT cycleTargets NAMESPACE cycle:: DESTINATION ${CYCLE_CMAKE_DIR} COMPONENT dev)

# Data the tool and editors read: the calendars (the default one is also
# compiled in) and the JSON Schemas of the two file formats.
install(DIRECTORY calendars/ DESTINATION ${CMAKE_INSTALL_DATADIR}/cycle/calendars
        COMPONENT runtime FILES_MATCHING PATTERN "*.toml")
install(FILES schemas/calendar.schema.json schemas/plan.schema.json
        DESTINATION ${CMAKE_INSTALL_DATADIR}/cycle/schemas COMPONENT runtime)
install(FILES completions/cycle.bash RENAME cycle
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions COMPONENT runtime)
# The CI steps (ci/cycle-ci.sh), for pipelines that have the package.
install(PROGRAMS ci/cycle-ci.sh DESTINATION ${CMAKE_INSTALL_DATADIR}/cycle/ci COMPONENT runtime)
if(CYCLE_MAN_PAGES)
  install(DIRECTORY ${CYCLE_MAN_DIR}/ DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT runtime)
endif()
install(FILES README.md DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/libcycle COMPONENT runtime)
install(DIRECTORY docs/ DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/libcycle/docs COMPONENT runtime)

# The plugin API version, read from the header, for the package config.
file(STRINGS libcycle/include/cycle/plugin.hpp _cycle_api REGEX "^#define CYCLE_PLUGIN_API_VERSION ")
string(REGEX REPLACE ".* ([0-9]+)$" "\\1" CYCLE_PLUGIN_API_VERSION "${_cycle_api}")

configure_package_config_file(cmake/cycleConfig.cmake.in
  ${CMAKE_CURRENT_BINARY_DIR}/cycleConfig.cmake
  INSTALL_DESTINATION ${CYCLE_CMAKE_DIR}
  PATH_VARS CMAKE_INSTALL_BINDIR)
# 0.x: a new minor version may break; 1.x and later follow SameMajorVersion.
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/cycleConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/cycleConfig.cmake
              ${CMAKE_CURRENT_BINARY_DIR}/cycleConfigVersion.cmake
        DESTINATION ${CYCLE_CMAKE_DIR} COMPONENT dev)

# pkg-config files find the prefix from where they are (${pcfiledir}), so
# the installed tree can be moved, e.g. `cmake --install --prefix DIR`.
file(RELATIVE_PATH CYCLE_PC_TO_PREFIX /prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig /prefix)
foreach(pc cycle cycle-c)
  configure_file(cmake/${pc}.pc.in ${CMAKE_CURRENT_BINARY_DIR}/${pc}.pc @ONLY)
  install(FILES ${CMAKE_CURRENT_BINARY_DIR}/${pc}.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig
          COMPONENT dev)
endforeach()
