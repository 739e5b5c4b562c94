// What the user meant by a word the parser did not know: an unknown command or option gets
// the one "did you mean" (util/suggest.hpp) instead of CLI11's "The following argument was
// not expected".
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <vector>

namespace mockcoach::cli {

// The apps on the parsed line, from the root to the command chosen.
std::vector<CLI::App*> chosen_path(CLI::App& root);

// After a failed parse of `root`: `unknown command "histroy"; did you mean "history"?` for a
// word where a subcommand was expected, `unknown option "--jsn"; did you mean "--json"?` for
// an option no command on the line takes; nothing when no word was left over, or the word is
// a surplus argument (parse_error.hpp says that one).
std::optional<std::string> unknown_word_message(CLI::App& root);

} // namespace mockcoach::cli
