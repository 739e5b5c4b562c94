// Unknown commands and options, with a suggestion from the command tree itself.
#include "cli/unknown_word.hpp"

#include "util/suggest.hpp"

#include <fmt/format.h>
#include <vector>

namespace mockcoach::cli {

std::vector<CLI::App*> chosen_path(CLI::App& root) {
    std::vector<CLI::App*> path{&root};
    for (auto subcommands = root.get_subcommands(); !subcommands.empty();
         subcommands = path.back()->get_subcommands())
        path.push_back(subcommands.front());
    return path;
}

namespace {

// The long options `command` takes: its own and, as fallthrough passes them up, its parents'.
// Hidden ones (no group) are left out, as --help leaves them out.
std::vector<std::string> long_options(CLI::App& command) {
    std::vector<std::string> names;
    for (CLI::App* at = &command; at; at = at->get_fallthrough() ? at->get_parent() : nullptr)
        for (const CLI::Option* option : at->get_options())
            if (!option->get_group().empty())
                for (const std::string& name : option->get_lnames()) names.push_back("--" + name);
    return names;
}

std::vector<std::string> visible_subcommands(CLI::App& command) {
    std::vector<std::string> names;
    for (const CLI::App* sub : command.get_subcommands([](CLI::App* sub) {
             return !sub->get_name().empty() && !sub->get_group().empty() && !sub->get_disabled();
         }))
        names.push_back(sub->get_name());
    return names;
}

} // namespace

std::optional<std::string> unknown_word_message(CLI::App& root) {
    const std::vector<CLI::App*> path = chosen_path(root);
    CLI::App& command = *path.back();
    // An unknown option of a subcommand is passed up to the root (fallthrough), so the words
    // left over may sit at any level of the line.
    for (CLI::App* at : path) {
        for (const std::string& word : at->remaining(false)) {
            if (word.starts_with("--")) {
                const std::string name = word.substr(0, word.find('='));
                return with_suggestion(fmt::format("unknown option \"{}\"", name), name,
                                       long_options(command));
            }
            // One dash and a letter: too short for a suggestion to be more help than noise.
            if (word.starts_with("-") && word.size() > 1)
                return fmt::format("unknown option \"{}\"", word.substr(0, 2));
            // A plain word is a command only where one was expected: at a command that has
            // subcommands and none was chosen (the last on the line, by construction).
            const std::vector<std::string> commands = visible_subcommands(command);
            if (!commands.empty())
                return with_suggestion(fmt::format("unknown command \"{}\"", word), word, commands);
        }
    }
    return std::nullopt;
}

} // namespace mockcoach::cli
