# shujian_layer(NAME SOURCES... [DEPS layer...] [LIBS lib...])
#
# Declares the static library `shujian_<NAME>` for src/<NAME>. Its headers are reachable as
# "<NAME>/..." only through an include root made for this layer alone
# (<build>/layers/<NAME>/<NAME> -> src/<NAME>), exported PUBLIC. A layer that does not link
# another therefore cannot include its headers: the dependency rule of
# docs/design/architecture.md is checked by the compiler.
function(shujian_layer name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS;LIBS" ${ARGN})
  set(root "${CMAKE_BINARY_DIR}/layers/${name}")
  file(MAKE_DIRECTORY "${root}")
  file(CREATE_LINK "${CMAKE_SOURCE_DIR}/src/${name}" "${root}/${name}" SYMBOLIC)
  add_library(shujian_${name} STATIC ${ARG_SOURCES})
  target_include_directories(shujian_${name} PUBLIC "${root}")
  foreach(dep IN LISTS ARG_DEPS)
    target_link_libraries(shujian_${name} PUBLIC shujian_${dep})
  endforeach()
  if(ARG_LIBS)
    target_link_libraries(shujian_${name} PUBLIC ${ARG_LIBS})
  endif()
endfunction()
