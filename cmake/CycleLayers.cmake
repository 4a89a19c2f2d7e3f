# The layers (docs/architecture.md): core (libcycle/) <- built-in plugins
# (plugins/) <- C API (capi/), CLI (cli/). The layer below never includes or
# links the layer above.
#
# Links are checked here, when the project is configured: no core target may
# link a target of plugins/, capi/ or cli/. Includes are checked by the CTest
# test `layers` (cmake/check_layers.cmake), which reads every source file.
set(_cycle_core_targets cycle_objects cycle cycle_static)
set(_cycle_upper_targets cycle_plugins cycle_plugin_json cycle_plugin_ical cycle_plugin_deadlines
                         cycle_c cycle_cli)
foreach(core IN LISTS _cycle_core_targets)
  foreach(property LINK_LIBRARIES INTERFACE_LINK_LIBRARIES)
    get_target_property(_links ${core} ${property})
    if(NOT _links)
      continue()
    endif()
    foreach(link IN LISTS _links)
      string(REGEX REPLACE "^cycle::" "cycle_" _name "${link}")
      if(_name STREQUAL "cycle_plugins" OR _name IN_LIST _cycle_upper_targets)
        message(FATAL_ERROR "layers: the core target ${core} links ${link}, a part above the "
                            "core (docs/architecture.md)")
      endif()
    endforeach()
  endforeach()
endforeach()
