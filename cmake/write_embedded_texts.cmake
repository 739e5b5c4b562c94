# Run by mockcoach_embed_texts (embed_texts.cmake): writes OUTPUT with each of FILES as a raw
# string literal. A file holding the literal's closing delimiter would end it early: refused.
set(delimiter "mockcoach_text")
set(body "")
foreach(file ${FILES})
  file(READ ${file} text)
  string(FIND "${text}" ")${delimiter}\"" clash)
  if(NOT clash EQUAL -1)
    message(FATAL_ERROR "${file} holds \")${delimiter}\"\", which cannot be embedded")
  endif()
  get_filename_component(name ${file} NAME)
  string(APPEND body "    {\"${name}\", R\"${delimiter}(${text})${delimiter}\"},\n")
endforeach()
file(WRITE ${OUTPUT}.tmp
"// Generated from profiles/*.toml by cmake/write_embedded_texts.cmake: do not edit.
#include <span>
#include <string_view>
#include <utility>

namespace ${NAMESPACE} {

std::span<const std::pair<std::string_view, std::string_view>> ${FUNCTION}() {
  static constexpr std::pair<std::string_view, std::string_view> texts[] = {
${body}  };
  return texts;
}

} // namespace ${NAMESPACE}
")
file(RENAME ${OUTPUT}.tmp ${OUTPUT})
