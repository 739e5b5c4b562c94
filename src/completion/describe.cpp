// The command tree read from the CLI11 app itself, so completions and the man page follow every
// option the parser knows, with no list kept by hand.
#include "completion/completion.hpp"

#include <algorithm>

namespace mockcoach::completion {

bool Option::named(std::string_view name) const {
    return std::find(names.begin(), names.end(), name) != names.end();
}

const Command* Command::find(std::string_view subcommand) const {
    for (const Command& command : subcommands)
        if (command.name == subcommand) return &command;
    return nullptr;
}

namespace {

// CLI::IsMember describes itself as "{a,b,c}", appended to the type name: "TEXT:{a,b,c}".
std::vector<std::string> choices_of(const CLI::Option& option) {
    std::vector<std::string> choices;
    const std::string type = option.get_type_name();
    const auto open = type.find(":{");
    if (open == std::string::npos || !type.ends_with('}')) return choices;
    const std::string_view set = std::string_view(type).substr(open + 2, type.size() - open - 3);
    std::size_t start = 0;
    while (start <= set.size()) {
        std::size_t end = set.find(',', start);
        if (end == std::string_view::npos) end = set.size();
        if (end > start) choices.emplace_back(set.substr(start, end - start));
        start = end + 1;
    }
    return choices;
}

// The type name as --help shows it, without the validator's part: "ID", "DIR", "TEXT".
std::string value_name_of(const CLI::Option& option) {
    const std::string type = option.get_type_name();
    return type.substr(0, type.find(':'));
}

ValueKind kind_of(std::string_view path, const std::vector<std::string>& names,
                  std::span<const ValueRule> rules) {
    for (const ValueRule& rule : rules) {
        if (!rule.command.empty() && rule.command != path) continue;
        if (std::find(names.begin(), names.end(), rule.name) != names.end()) return rule.kind;
    }
    return ValueKind::none;
}

Command describe_at(CLI::App& app, const std::string& path, std::span<const ValueRule> rules) {
    Command command;
    command.name = app.get_name();
    command.help = app.get_description();
    command.footer = app.get_footer();
    if (app.get_parent() && app.get_parent()->get_footer() == command.footer)
        command.footer.clear();
    command.fallthrough = app.get_fallthrough();
    command.needs_subcommand = app.get_require_subcommand_min() > 0;
    for (CLI::Option* option : app.get_options()) {
        if (option->get_group().empty()) continue; // hidden
        const bool repeatable = option->get_expected_max() >= CLI::detail::expected_max_vector_size;
        if (option->get_positional() && !option->nonpositional()) {
            Positional positional;
            positional.name = option->get_name(true, false);
            positional.help = option->get_description();
            positional.repeatable = repeatable;
            positional.required = option->get_required();
            positional.choices = choices_of(*option);
            positional.kind = kind_of(path, {positional.name}, rules);
            command.positionals.push_back(std::move(positional));
            continue;
        }
        Option described;
        for (const std::string& name : option->get_snames()) described.names.push_back("-" + name);
        for (const std::string& name : option->get_lnames()) described.names.push_back("--" + name);
        described.help = option->get_description();
        // A flag expects no value (CLI11 sets expected(0)); an option at least one.
        described.takes_value = option->get_expected_max() > 0 && option->get_type_size_max() > 0;
        if (described.takes_value) described.value_name = value_name_of(*option);
        described.repeatable = repeatable;
        described.required = option->get_required();
        described.is_help = option == app.get_help_ptr() || option == app.get_help_all_ptr();
        described.choices = choices_of(*option);
        described.kind = kind_of(path, described.names, rules);
        command.options.push_back(std::move(described));
    }
    for (CLI::App* sub : app.get_subcommands([](CLI::App* sub) {
             return !sub->get_name().empty() && !sub->get_group().empty() && !sub->get_disabled();
         })) {
        const std::string sub_path = path.empty() ? sub->get_name() : path + " " + sub->get_name();
        command.subcommands.push_back(describe_at(*sub, sub_path, rules));
    }
    return command;
}

} // namespace

Command describe(CLI::App& app, std::span<const ValueRule> rules) {
    return describe_at(app, "", rules);
}

} // namespace mockcoach::completion
