# cmake --install: headers, libcycle shared and static, the built-in plugins
# (libcycle_plugins), the C API library, the cycle command, a CMake package
# (find_package(cycle)) and pkg-config files (cycle, cycle-c). Plugin authors
# and embedders start from these.
#
# Install components, for a Debian-style split (`cmake --install . --component X`):
#   runtime      the shared libraries (libcycle.so.0, libcycle_plugins.so.0,
#                libcycle_c.so.0): what a program built against cycle needs
#   development  headers, the static library, the .so links, the CMake
#                package and the pkg-config files (-dev)
#   cli          the `cycle` command
include(CMakePackageConfigHelpers)

set(CYCLE_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/cycle)

install(TARGETS cycle cycle_static cycle_plugins cycle_c
  EXPORT cycleTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT runtime NAMELINK_COMPONENT development
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT development
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT runtime
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(TARGETS cycle_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT cli)
# One include/cycle/ for the three parts' public headers.
foreach(part libcycle plugins capi)
  install(DIRECTORY ${part}/include/cycle DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
          COMPONENT development)
endforeach()
install(EXPORT cycleTargets NAMESPACE cycle:: DESTINATION ${CYCLE_CMAKE_DIR}
        COMPONENT development)

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
        DESTINATION ${CYCLE_CMAKE_DIR} COMPONENT development)

# pkg-config files find the prefix from where they are (${pcfiledir}), so
# the installed tree can be moved, e.g. `cmake --install --prefix DIR`.
file(RELATIVE_PATH CYCLE_PC_TO_PREFIX /prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig /prefix)
foreach(pc cycle cycle-c)
  configure_file(cmake/${pc}.pc.in ${CMAKE_CURRENT_BINARY_DIR}/${pc}.pc @ONLY)
  install(FILES ${CMAKE_CURRENT_BINARY_DIR}/${pc}.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig
          COMPONENT development)
endforeach()
