// Parsing a TOML document with toml++ behind the pre-scan, and what crosses from toml++'s types
// into ours: positions as diagnostics, date-times as WallTime. Only code that reads TOML
// includes this (or reader.hpp), so toml++'s large header stays out of the rest.
#pragma once

#include "tomlfile/tomlfile.hpp"
#include "util/wall_time.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <toml++/toml.h>

namespace mockcoach::tomlfile {

struct Parsed {
    std::optional<toml::table> table; // empty when the file has a syntax error
    Diagnostics diagnostics;
};

Parsed parse(std::string_view path, std::string_view bytes);

// A node's place in its file, for diagnostics about its value.
Diagnostic at(std::string_view path, const toml::source_region& where, std::string message,
              Severity severity = Severity::error);

// A TOML date-time as a WallTime, and back. Fractions of a second are dropped (no file of
// ours writes them); a date-time without an offset reads as UTC (the reader refuses those).
WallTime wall_time_of(const toml::date_time& when);
toml::date_time toml_date_time_of(const WallTime& when);

} // namespace mockcoach::tomlfile
