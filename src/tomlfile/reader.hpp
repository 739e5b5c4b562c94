// Typed, checked access to a TOML table: unknown keys, missing keys and wrong types all become
// diagnostics at the node's position, and reading goes on so every problem is reported at once.
#pragma once

#include "tomlfile/parse.hpp"

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mockcoach::tomlfile {

enum class Need { required, optional };

class TableReader {
  public:
    // `what` names the table in messages ("[[phase]]", "the rubric"); unknown keys are reported
    // against `known` with a "did you mean" where one is close.
    TableReader(std::string_view path, const toml::table& table, std::string what,
                std::initializer_list<std::string_view> known, Diagnostics& diagnostics);

    std::optional<std::string> string(std::string_view key, Need need);
    std::optional<double> number(std::string_view key, Need need);
    std::optional<std::int64_t> integer(std::string_view key, Need need);
    std::optional<bool> boolean(std::string_view key, Need need);
    // An offset date-time (one without an offset is refused: it names no instant).
    std::optional<WallTime> date_time(std::string_view key, Need need);
    std::optional<std::vector<std::string>> strings(std::string_view key, Need need);
    // An array of tables ([[phase]]); an empty span when absent or mistyped.
    std::vector<const toml::table*> tables(std::string_view key, Need need);
    const toml::table* table(std::string_view key, Need need);

    const toml::node* node(std::string_view key) const { return table_.get(key); }
    toml::source_region where(std::string_view key) const;
    const toml::source_region& where() const { return table_.source(); }
    void error(const toml::source_region& at, std::string message);
    // False, with an error, when the string `value` (of `key`) holds a control character.
    bool printable(std::string_view key, const toml::node& value);
    std::string_view path() const { return path_; }

  private:
    const toml::node* get(std::string_view key, Need need, std::string_view type_name,
                          bool type_ok(const toml::node&));

    std::string path_;
    const toml::table& table_;
    std::string what_;
    Diagnostics& diagnostics_;
};

} // namespace mockcoach::tomlfile
