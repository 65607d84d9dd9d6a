# vnie_embed_data(TARGET FILE...) builds a static library TARGET holding the
# bytes of each FILE (paths relative to the source root), found at run time by
# vnie::EmbeddedData("relative/path").
function(vnie_embed_data target)
  set(generated ${CMAKE_BINARY_DIR}/generated/${target}.cc)
  set(absolute_files "")
  foreach(f IN LISTS ARGN)
    list(APPEND absolute_files ${CMAKE_SOURCE_DIR}/${f})
  endforeach()
  set(list_file ${CMAKE_BINARY_DIR}/generated/${target}.files)
  string(REPLACE ";" "\n" file_lines "${ARGN}")
  file(CONFIGURE OUTPUT ${list_file} CONTENT "${file_lines}")
  add_custom_command(
    OUTPUT ${generated}
    COMMAND ${CMAKE_COMMAND} -DSOURCE_ROOT=${CMAKE_SOURCE_DIR} -DOUTPUT=${generated}
            -DLIST_FILE=${list_file} -P ${CMAKE_SOURCE_DIR}/cmake/EmbedDataGenerate.cmake
    DEPENDS ${absolute_files} ${list_file} ${CMAKE_SOURCE_DIR}/cmake/EmbedDataGenerate.cmake
    VERBATIM
    COMMENT "Embedding ${target} data files")
  add_library(${target} STATIC ${generated} ${CMAKE_SOURCE_DIR}/pipeline/data/embedded_data.cc)
  target_include_directories(${target} PUBLIC ${CMAKE_SOURCE_DIR})
endfunction()
