// The wording of parse errors: which word, option or command was wrong, found in the tree.
#include "cli/parse_error.hpp"

#include "cli/command.hpp"
#include "cli/enum_option.hpp"
#include "cli/unknown_word.hpp"

#include <fmt/format.h>
#include <optional>
#include <string_view>
#include <vector>

namespace mockcoach::cli {
namespace {

// "show: " before a message about show's line; nothing at the top level.
std::string command_prefix(const CLI::App& command) {
    const std::string path = command_path(command);
    return path.empty() ? "" : path + ": ";
}

std::string quoted_list(const std::vector<std::string>& words) {
    std::string out;
    for (const std::string& word : words) out += (out.empty() ? "\"" : " \"") + word + "\"";
    return out;
}

std::string surplus_words(const std::vector<CLI::App*>& path) {
    std::vector<std::string> words;
    for (CLI::App* at : path)
        for (const std::string& word : at->remaining(false)) words.push_back(word);
    return fmt::format("{}unexpected argument{} {}", command_prefix(*path.back()),
                       words.size() == 1 ? "" : "s", quoted_list(words));
}

// What a command is missing: a subcommand, or a required positional or option.
std::optional<std::string> missing(CLI::App& command) {
    if (command.get_require_subcommand_min() > 0 && command.get_subcommands().empty()) {
        std::vector<std::string> names;
        // Hidden ones (no group, like __complete) are left out, as --help leaves them out.
        for (const CLI::App* sub : command.get_subcommands(
                 [](CLI::App* sub) { return !sub->get_group().empty() && !sub->get_disabled(); }))
            names.push_back(sub->get_name());
        const std::vector<std::string_view> views(names.begin(), names.end());
        return fmt::format("{} needs a command: {}", command_path(command), or_list(views));
    }
    for (const CLI::Option* option : command.get_options())
        if (option->get_required() && option->count() == 0)
            return fmt::format("{} needs {}", command_path(command), option->get_name());
    return std::nullopt;
}

// The option an ArgumentMismatch is about: CLI11 starts the message with its name and a colon.
std::optional<std::string> mismatched_option(const std::vector<CLI::App*>& path,
                                             std::string_view message) {
    const std::string_view name = message.substr(0, message.find(':'));
    for (const CLI::App* at : path)
        for (const CLI::Option* option : at->get_options())
            if (option->get_name() == name) return std::string(name);
    return std::nullopt;
}

} // namespace

std::string parse_error_message(const CLI::ParseError& error, CLI::App& root) {
    const bool extras = dynamic_cast<const CLI::ExtrasError*>(&error) != nullptr;
    const bool required = dynamic_cast<const CLI::RequiredError*>(&error) != nullptr;
    // A word left over is said as what it most likely is (an unknown command or option), even
    // when CLI11 noticed first that the command before it needs a subcommand.
    if (extras || required)
        if (auto unknown = unknown_word_message(root)) return *unknown;
    const std::vector<CLI::App*> path = chosen_path(root);
    if (extras) return surplus_words(path);
    if (required)
        if (auto what = missing(*path.back())) return *what;
    if (dynamic_cast<const CLI::ArgumentMismatch*>(&error))
        if (auto option = mismatched_option(path, error.what()))
            return fmt::format("{} needs a value", *option);
    return error.what();
}

} // namespace mockcoach::cli
