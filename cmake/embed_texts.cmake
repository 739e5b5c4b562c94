# mockcoach_embed_texts(OUTPUT NAMESPACE FUNCTION FOLDER): a custom command that writes OUTPUT, a
# C++ source defining `std::span<const std::pair<std::string_view, std::string_view>> FUNCTION()`
# in NAMESPACE, holding the name and the text of every FOLDER/*.toml. It runs again when a file
# there changes; CONFIGURE_DEPENDS notices a file added or removed.
set(MOCKCOACH_EMBED_TEXTS_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/write_embedded_texts.cmake)
function(mockcoach_embed_texts output namespace function folder)
  file(GLOB files CONFIGURE_DEPENDS ${folder}/*.toml)
  list(SORT files)
  file(RELATIVE_PATH shown ${PROJECT_BINARY_DIR} ${output})
  add_custom_command(
    OUTPUT ${output}
    COMMAND ${CMAKE_COMMAND} -DOUTPUT=${output} -DNAMESPACE=${namespace} -DFUNCTION=${function}
            "-DFILES=${files}" -P ${MOCKCOACH_EMBED_TEXTS_SCRIPT}
    DEPENDS ${files} ${MOCKCOACH_EMBED_TEXTS_SCRIPT}
    COMMENT "Embedding ${folder}/*.toml in ${shown}"
    VERBATIM)
endfunction()
