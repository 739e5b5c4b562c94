// Options whose value is one of an enum's names (--format, --clock, a shell): one CLI11
// transformer over the enum's name table. It describes itself as "{a,b,c}", as CLI::IsMember
// does, so --help, the completions and the man page list the names; a bad value is refused
// with what was wrong and what would do, instead of CLI11's "Check x value in {...} FAILED".
#pragma once

#include "cli/command.hpp"
#include "util/name_table.hpp"
#include "util/suggest.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace mockcoach::cli {

// "a", "a or b", "a, b or c".
std::string or_list(const std::vector<std::string_view>& names);

// The message for a value that is not one of `offered`: a name the table knows but this option
// does not take is refused as such ("history does not offer format "markdown""); any other
// word is unknown, with a suggestion among the offered names. Both end with what would do.
std::string refusal(std::string_view value, bool known,
                    const std::vector<std::string_view>& offered, std::string_view what,
                    std::string_view owner);

// Turns a name from `offered` into the number CLI11 stores in an enum variable. `what` names
// the kind of value ("format"), `owner` the command that takes it ("history").
template <class E, std::size_t N>
CLI::Validator enum_transformer(const NameTable<E, N>& table, std::vector<E> offered,
                                std::string what, std::string owner) {
    std::vector<std::string_view> names;
    for (const E value : offered) names.push_back(table.name_of(value));
    std::string description = "{";
    for (const std::string_view name : names)
        description += (description.size() > 1 ? "," : "") + std::string(name);
    description += "}";
    auto transform = [table, offered, names, what, owner](std::string& input) -> std::string {
        const std::optional<E> value = table.parse(input);
        if (!value || std::find(offered.begin(), offered.end(), *value) == offered.end())
            return refusal(input, value.has_value(), names, what, owner);
        input = std::to_string(static_cast<std::underlying_type_t<E>>(*value));
        return {};
    };
    return CLI::Validator(std::move(transform), std::move(description));
}

// `--NAME VALUE` into `target`, taking the names of `offered` (all of the table's by default).
template <class E, std::size_t N>
CLI::Option* add_enum_option(CLI::App& command, const std::string& name, E& target,
                             const NameTable<E, N>& table, std::vector<E> offered,
                             const std::string& help, const std::string& what,
                             const std::string& value_name) {
    return command.add_option(name, target, help)
        ->type_name(value_name)
        ->transform(enum_transformer(table, std::move(offered), what, command_path(command)));
}

} // namespace mockcoach::cli
