// Finding the command the parsed line chose, and its body.
#include "cli/command.hpp"

namespace mockcoach::cli {

std::string command_path(const CLI::App& command) {
    std::string path;
    for (const CLI::App* at = &command; at->get_parent(); at = at->get_parent())
        path = at->get_name() + (path.empty() ? "" : " ") + path;
    return path;
}

const CLI::App& Commands::chosen(const CLI::App& root) {
    const CLI::App* at = &root;
    // Each level takes at most one subcommand (require_subcommand(0, 1) or (1)).
    for (auto subcommands = at->get_subcommands(); !subcommands.empty();
         subcommands = at->get_subcommands())
        at = subcommands.front();
    return *at;
}

const CommandBody* Commands::body(const CLI::App& command) const {
    const auto found = bodies_.find(&command);
    return found == bodies_.end() ? nullptr : &found->second;
}

} // namespace mockcoach::cli
