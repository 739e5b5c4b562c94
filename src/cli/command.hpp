// Commands return their exit status (as timewarrior's `int CmdSummary(...)`): each subcommand
// registers a body here, and the one error boundary runs the chosen one after the whole line
// has parsed, so no status is left in shared state and nothing runs on a line that is refused.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <map>
#include <string>

namespace mockcoach::cli {

using CommandBody = std::function<int()>;

// "rubrics list": the command's words after the program's name ("" for the root).
std::string command_path(const CLI::App& command);

class Commands {
  public:
    void add(const CLI::App* command, CommandBody body) { bodies_[command] = std::move(body); }

    // The deepest subcommand chosen on the parsed line (`rubrics list` gives list's app); the
    // root itself when none was chosen.
    static const CLI::App& chosen(const CLI::App& root);

    // The body registered for `command`, or nullptr (the root, a group like `rubrics`).
    const CommandBody* body(const CLI::App& command) const;

  private:
    std::map<const CLI::App*, CommandBody> bodies_;
};

} // namespace mockcoach::cli
