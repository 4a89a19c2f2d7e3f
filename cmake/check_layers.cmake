# cmake -DROOT=<source dir> -P check_layers.cmake
#
# The layer below never includes the layer above (docs/architecture.md):
#   libcycle/ (core)       includes no header of plugins/, capi/ or cli/
#   plugins/  (built-in)   includes no header of capi/ or cli/
# A header is "of" a part when a file of that name exists there. Every
# violation is printed as file:line: error: ...; any makes the run fail.
cmake_minimum_required(VERSION 3.25)

if(NOT ROOT)
  message(FATAL_ERROR "usage: cmake -DROOT=<source dir> -P check_layers.cmake")
endif()

# The header names each part defines, as includes would name them.
function(headers_of part out)
  file(GLOB_RECURSE files RELATIVE ${ROOT}/${part} ${ROOT}/${part}/*.hpp ${ROOT}/${part}/*.h)
  set(names "")
  foreach(f IN LISTS files)
    get_filename_component(base ${f} NAME)
    list(APPEND names ${base})
    # Public headers are included as "cycle/x.hpp".
    if(f MATCHES "(^|/)include/(cycle/.*)$")
      list(APPEND names ${CMAKE_MATCH_2})
    endif()
  endforeach()
  set(${out} ${names} PARENT_SCOPE)
endfunction()

headers_of(plugins plugins_headers)
headers_of(capi capi_headers)
headers_of(cli cli_headers)
headers_of(libcycle core_headers)

set(failures 0)
function(check_part part)
  set(forbidden ${ARGN})
  file(GLOB_RECURSE files ${ROOT}/${part}/*.cpp ${ROOT}/${part}/*.hpp ${ROOT}/${part}/*.h
       ${ROOT}/${part}/*.in)
  foreach(f IN LISTS files)
    file(STRINGS ${f} lines)
    set(number 0)
    foreach(line IN LISTS lines)
      math(EXPR number "${number} + 1")
      if(line MATCHES "^[ \t]*#[ \t]*include[ \t]*[<\"]([^>\"]+)[>\"]")
        set(included ${CMAKE_MATCH_1})
        get_filename_component(base ${included} NAME)
        foreach(upper IN LISTS forbidden)
          # A name the core has too (none today) would be the core's own.
          if((included IN_LIST ${upper}_headers OR base IN_LIST ${upper}_headers)
             AND NOT included IN_LIST core_headers)
            file(RELATIVE_PATH rel ${ROOT} ${f})
            message("${rel}:${number}: error: ${part}/ includes ${included}, a header of "
                    "${upper}/: the layer below never includes the layer above "
                    "(docs/architecture.md)")
            math(EXPR failures "${failures} + 1")
            set(failures ${failures} PARENT_SCOPE)
          endif()
        endforeach()
      endif()
    endforeach()
  endforeach()
  set(failures ${failures} PARENT_SCOPE)
endfunction()

check_part(libcycle plugins capi cli)
check_part(plugins capi cli)

if(failures GREATER 0)
  message(FATAL_ERROR "layers: ${failures} include(s) across layers")
endif()
message(STATUS "layers: the core includes nothing of plugins/, capi/ or cli/; the plugins "
               "nothing of capi/ or cli/")
