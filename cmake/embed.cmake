# shujian_embed(TARGET FUNCTION_NAME BASE_DIR FILES...)
#
# Compiles data files (SQL migrations, shipped rules) into TARGET, so the binary is complete
# on its own. Generates a source defining
#   std::span<const shujian::EmbeddedFile> FUNCTION_NAME();
# whose entries carry the path relative to BASE_DIR and the file's bytes. The file in the
# repository stays the single source of truth; the build copies it in.
function(shujian_embed target function base_dir)
  set(out "${CMAKE_CURRENT_BINARY_DIR}/${function}_embedded.cc")
  set(files ${ARGN})
  add_custom_command(
    OUTPUT "${out}"
    COMMAND ${CMAKE_COMMAND} -DOUT=${out} -DFUNCTION=${function} -DBASE=${base_dir}
            "-DFILES=${files}" -P "${CMAKE_SOURCE_DIR}/cmake/embed_generate.cmake"
    DEPENDS ${files} "${CMAKE_SOURCE_DIR}/cmake/embed_generate.cmake"
    COMMENT "Embedding ${function}"
    VERBATIM)
  target_sources(${target} PRIVATE "${out}")
endfunction()
