// CLI11's parse errors in mockcoach's words: the message the error boundary prints after
// "mockcoach: error: ". Built from the command tree and the parsed line where it can be, so the
// text does not change with CLI11's version (2.4 words many of these differently from 2.1).
#pragma once

#include <CLI/CLI.hpp>
#include <string>

namespace mockcoach::cli {

// For a failed parse of `root`:
//   unknown command "histroy"; did you mean "history"?   (and unknown options: unknown_word.hpp)
//   show: unexpected argument "b"                         (a word beyond the last positional)
//   rubrics needs a command: list, show or validate
//   show needs SESSION                                    (a required positional or option)
//   --speed needs a value
// and CLI11's own message for anything else (an option excluding another: "--json excludes
// --csv").
std::string parse_error_message(const CLI::ParseError& error, CLI::App& root);

} // namespace mockcoach::cli
