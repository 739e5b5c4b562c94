// TableReader: the one place that turns TOML shape errors into positioned diagnostics.
#include "tomlfile/reader.hpp"

#include "util/suggest.hpp"
#include "util/text.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace mockcoach::tomlfile {

TableReader::TableReader(std::string_view path, const toml::table& table, std::string what,
                         std::initializer_list<std::string_view> known, Diagnostics& diagnostics)
    : path_(path), table_(table), what_(std::move(what)), diagnostics_(diagnostics) {
    const std::vector<std::string_view> candidates(known);
    for (const auto& [key, value] : table_) {
        const std::string_view name = key.str();
        if (std::find(candidates.begin(), candidates.end(), name) != candidates.end()) continue;
        error(key.source(), with_suggestion(fmt::format("unknown key \"{}\" in {}", name, what_),
                                            name, candidates));
    }
}

toml::source_region TableReader::where(std::string_view key) const {
    if (const toml::node* value = table_.get(key)) return value->source();
    return table_.source();
}

void TableReader::error(const toml::source_region& at_region, std::string message) {
    diagnostics_.push_back(at(path_, at_region, std::move(message)));
}

namespace {
const char* type_name_of(const toml::node& node) {
    switch (node.type()) {
    case toml::node_type::string:
        return "a string";
    case toml::node_type::integer:
        return "an integer";
    case toml::node_type::floating_point:
        return "a number";
    case toml::node_type::boolean:
        return "a boolean";
    case toml::node_type::array:
        return "an array";
    case toml::node_type::table:
        return "a table";
    case toml::node_type::date:
        return "a date";
    case toml::node_type::time:
        return "a time";
    case toml::node_type::date_time:
        return "a date-time";
    default:
        return "nothing";
    }
}
} // namespace

const toml::node* TableReader::get(std::string_view key, Need need, std::string_view type_name,
                                   bool type_ok(const toml::node&)) {
    const toml::node* value = table_.get(key);
    if (!value) {
        if (need == Need::required)
            error(table_.source(), fmt::format("{} is missing the key \"{}\"", what_, key));
        return nullptr;
    }
    if (!type_ok(*value)) {
        error(value->source(),
              fmt::format("\"{}\" must be {}, not {}", key, type_name, type_name_of(*value)));
        return nullptr;
    }
    return value;
}

bool TableReader::printable(std::string_view key, const toml::node& value) {
    const std::string problem = unprintable(value.as_string()->get());
    if (problem.empty()) return true;
    // An escape such as \u001b is valid TOML, but printed it would drive the terminal.
    error(value.source(), fmt::format("\"{}\" holds {}; text may not hold control characters "
                                      "(tabs and line breaks are fine)",
                                      key, problem));
    return false;
}

std::optional<std::string> TableReader::string(std::string_view key, Need need) {
    const auto* value =
        get(key, need, "a string", [](const toml::node& n) { return n.is_string(); });
    if (!value || !printable(key, *value)) return std::nullopt;
    return std::string(*value->as_string());
}

std::optional<double> TableReader::number(std::string_view key, Need need) {
    const auto* value =
        get(key, need, "a number", [](const toml::node& n) { return n.is_number(); });
    if (!value) return std::nullopt;
    return value->value<double>();
}

std::optional<std::int64_t> TableReader::integer(std::string_view key, Need need) {
    const auto* value =
        get(key, need, "an integer", [](const toml::node& n) { return n.is_integer(); });
    if (!value) return std::nullopt;
    return value->value<std::int64_t>();
}

std::optional<bool> TableReader::boolean(std::string_view key, Need need) {
    const auto* value =
        get(key, need, "true or false", [](const toml::node& n) { return n.is_boolean(); });
    if (!value) return std::nullopt;
    return value->value<bool>();
}

std::optional<WallTime> TableReader::date_time(std::string_view key, Need need) {
    const auto* value = get(key, need, "a date-time with an offset", [](const toml::node& n) {
        return n.is_date_time() && n.as_date_time()->get().offset.has_value();
    });
    if (!value) return std::nullopt;
    return wall_time_of(value->as_date_time()->get());
}

std::optional<std::vector<std::string>> TableReader::strings(std::string_view key, Need need) {
    const auto* value =
        get(key, need, "an array of strings", [](const toml::node& n) { return n.is_array(); });
    if (!value) return std::nullopt;
    std::vector<std::string> result;
    bool ok = true;
    for (const toml::node& item : *value->as_array()) {
        if (const auto* text = item.as_string()) {
            if (printable(key, item))
                result.emplace_back(text->get());
            else
                ok = false;
        } else {
            error(item.source(),
                  fmt::format("\"{}\" must hold only strings, not {}", key, type_name_of(item)));
            ok = false;
        }
    }
    if (!ok) return std::nullopt;
    return result;
}

std::vector<const toml::table*> TableReader::tables(std::string_view key, Need need) {
    const auto* value = get(key, need, "an array of tables ([[" + std::string(key) + "]])",
                            [](const toml::node& n) { return n.is_array_of_tables(); });
    std::vector<const toml::table*> result;
    if (!value) return result;
    for (const toml::node& item : *value->as_array()) result.push_back(item.as_table());
    return result;
}

const toml::table* TableReader::table(std::string_view key, Need need) {
    const auto* value = get(key, need, "a table", [](const toml::node& n) { return n.is_table(); });
    return value ? value->as_table() : nullptr;
}

} // namespace mockcoach::tomlfile
