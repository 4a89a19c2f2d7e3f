# Debian packages with CPack (`cpack -G DEB` in the build tree), one per
# install component (cmake/CycleInstall.cmake):
#   libcycle_<version>_amd64.deb      the tool, shared libraries, built-in
#                                     plugins (linked in), calendars,
#                                     schemas, manual pages, bash completion
#   libcycle-dev_<version>_amd64.deb  headers, static library, CMake package,
#                                     pkg-config files
# Depends of libcycle is computed by dpkg-shlibdeps from the binaries.
# tests/deb checks them with lintian and installs them (docs/install.md).
set(CYCLE_DEB_DIR ${PROJECT_BINARY_DIR}/packaging)
file(MAKE_DIRECTORY ${CYCLE_DEB_DIR})
# Debian wants the changelog and the manual pages compressed with gzip -9n
# (no timestamp), and a copyright file in each package's doc directory.
execute_process(COMMAND gzip -9n -c ${PROJECT_SOURCE_DIR}/packaging/debian/changelog
                OUTPUT_FILE ${CYCLE_DEB_DIR}/changelog.gz COMMAND_ERROR_IS_FATAL ANY)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
             ${PROJECT_SOURCE_DIR}/packaging/debian/changelog)
foreach(component_package runtime:libcycle dev:libcycle-dev)
  string(REPLACE ":" ";" pair ${component_package})
  list(GET pair 0 component)
  list(GET pair 1 package)
  install(FILES ${PROJECT_SOURCE_DIR}/packaging/debian/copyright ${CYCLE_DEB_DIR}/changelog.gz
          DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/${package} COMPONENT ${component})
endforeach()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME libcycle)
set(CPACK_PACKAGE_VENDOR "libcycle")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
# Each package's synopsis is the first line of its component description
# below. CPack prepends CPACK_PACKAGE_DESCRIPTION_SUMMARY to every one
# unless it is CPack's own default, so it is set to that default.
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${CMAKE_PROJECT_NAME} built using CMake")
set(CPACK_PACKAGE_CONTACT "libcycle maintainers <libcycle@example.org>")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_COMPONENTS_ALL runtime dev)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://github.com/example/libcycle")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS ON)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS_POLICY "=")
# `cycle` finds libcycle.so in the package's own library directory.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS_PRIVATE_DIRS ${CMAKE_INSTALL_FULL_LIBDIR})

set(CPACK_DEBIAN_RUNTIME_PACKAGE_NAME libcycle)
set(CPACK_DEBIAN_RUNTIME_PACKAGE_SECTION utils)
# dpkg runs ldconfig through its trigger (lintian: lacks-ldconfig-trigger).
# CPack also writes postinst/postrm calling ldconfig; lintian warns about
# those (maintscript-calls-ldconfig), which is harmless next to the trigger.
set(CPACK_DEBIAN_RUNTIME_PACKAGE_CONTROL_EXTRA ${PROJECT_SOURCE_DIR}/packaging/debian/triggers)
set(CPACK_DEBIAN_RUNTIME_PACKAGE_RECOMMENDS "curl, git")  # for /usr/share/cycle/ci/cycle-ci.sh
set(CPACK_COMPONENT_RUNTIME_DESCRIPTION
  "multi-year meeting wheels (årshjul) as data: plans, feeds and checks
The cycle command plans each year of a multi-year meeting wheel from a
calendar file, writes iCalendar feeds per audience, and checks plan files
against the wheel's rules (with GitHub and JUnit output for CI). It ships
the Nya perspektiv 2025-2028 wheel of Värmland's municipalities and Region
Värmland, JSON Schemas of the calendar and plan formats for editors, manual
pages and bash completion, and the shared libraries libcycle, its built-in
plugins (libcycle_plugins: iCalendar, JSON, deadlines) and its C API.")
set(CPACK_DEBIAN_DEV_PACKAGE_NAME libcycle-dev)
set(CPACK_DEBIAN_DEV_PACKAGE_SECTION libdevel)
set(CPACK_DEBIAN_DEV_PACKAGE_SHLIBDEPS OFF)
set(CPACK_DEBIAN_DEV_PACKAGE_DEPENDS
  "libcycle (= ${PROJECT_VERSION}), libhowardhinnant-date-dev")
set(CPACK_COMPONENT_DEV_DESCRIPTION
  "multi-year meeting wheels (årshjul): development files
Headers, the static library, the CMake package (find_package(cycle)) and
pkg-config files (cycle, cycle-c) of libcycle, for programs and plugins
that use the library or its C API.")
include(CPack)
