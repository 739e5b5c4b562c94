# mockcoach_rubric_data(OUTPUT FUNCTION FOLDER): a custom command that writes OUTPUT, a C++
# source defining `std::span<const RubricData> FUNCTION()` with every FOLDER/*.toml rubric as
# static data (src/rubric/gen/). It runs again when a file there, or the generator, changes;
# CONFIGURE_DEPENDS notices a file added or removed. A rubric with a problem fails the build
# with the loader's FILE:LINE:COLUMN diagnostics.
function(mockcoach_rubric_data output function folder)
  file(GLOB files CONFIGURE_DEPENDS ${folder}/*.toml)
  list(SORT files)
  file(RELATIVE_PATH shown ${PROJECT_BINARY_DIR} ${output})
  add_custom_command(
    OUTPUT ${output}
    COMMAND mockcoach_rubric_gen ${function} ${output} ${files}
    DEPENDS mockcoach_rubric_gen ${files}
    COMMENT "Checking ${folder}/*.toml and writing ${shown}"
    VERBATIM)
endfunction()
