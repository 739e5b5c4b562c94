// The manual page, written in roff from the same command tree the parser and the completions
// use (so every command and option is in it, with its --help text), plus the sections that
// --help has no room for: files, environment, hooks, exit status, examples.
#pragma once

#include "completion/completion.hpp"

#include <string>
#include <string_view>

namespace mockcoach::manual {

// `text` safe as roff body text: backslashes, '-' (as \-, so options copy as ASCII minus
// signs), a leading '.' or '\'', and non-ASCII characters (as \[uXXXX]) escaped.
std::string roff_escape(std::string_view text);

// The whole page, mockcoach(1). `version` goes in the page's footer.
std::string render_page(const completion::Command& root, std::string_view version);

} // namespace mockcoach::manual
