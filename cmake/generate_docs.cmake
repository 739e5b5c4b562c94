# Runs the built mockcoach to write what is installed beside it: the man page (plain and
# gzipped) and the bash, zsh and fish completion scripts; and gzips OUT/changelog. Each comes from the program's own
# command tree, so none can drift from the parser.
# Usage: cmake -DPROGRAM=path/to/mockcoach -DOUT=folder -DGZIP=path/to/gzip -P generate_docs.cmake
foreach(variable PROGRAM OUT GZIP)
  if(NOT ${variable})
    message(FATAL_ERROR "generate_docs.cmake: ${variable} is not set")
  endif()
endforeach()

function(run_to_file file)
  execute_process(COMMAND ${ARGN} OUTPUT_FILE ${file}.tmp RESULT_VARIABLE result ERROR_VARIABLE error)
  if(NOT result EQUAL 0)
    file(REMOVE ${file}.tmp)
    message(FATAL_ERROR "generate_docs.cmake: `${ARGN}` failed (${result}): ${error}")
  endif()
  file(RENAME ${file}.tmp ${file})
endfunction()

file(MAKE_DIRECTORY ${OUT}/man ${OUT}/completions)
run_to_file(${OUT}/man/mockcoach.1 ${PROGRAM} __manpage)
# -n: no name or time stamp in the header, so the same page always gives the same bytes.
run_to_file(${OUT}/man/mockcoach.1.gz ${GZIP} -9n -c ${OUT}/man/mockcoach.1)
run_to_file(${OUT}/completions/mockcoach ${PROGRAM} completion bash)
run_to_file(${OUT}/completions/_mockcoach ${PROGRAM} completion zsh)
run_to_file(${OUT}/completions/mockcoach.fish ${PROGRAM} completion fish)
run_to_file(${OUT}/changelog.gz ${GZIP} -9n -c ${OUT}/changelog)
