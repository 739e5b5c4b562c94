// Reading a TOML file a user wrote: every problem as a positioned diagnostic, never a crash.
//
// toml++ 3.3.0 (Debian 12) reaches undefined behaviour or an assertion on some malformed
// input (non-ASCII outside strings, broken table headers, control bytes), so the raw bytes
// are pre-scanned here first and anything it would mishandle is reported at its exact place.
#pragma once

#include "util/diagnostic.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <toml++/toml.h>

namespace mockcoach::tomlfile {

// Files larger than this are refused unread: no rubric or transcript is anywhere near it.
inline constexpr std::size_t max_file_bytes = 4 * 1024 * 1024;
// Arrays and inline tables nested deeper than this are refused before toml++ recurses.
inline constexpr int max_nesting = 64;

// The problems toml++ must not be shown: invalid UTF-8, control characters, non-ASCII
// outside strings and comments, malformed table headers, excessive nesting.
Diagnostics prescan(std::string_view path, std::string_view bytes);

struct Parsed {
    std::optional<toml::table> table; // empty when the file has a syntax error
    Diagnostics diagnostics;
};

Parsed parse(std::string_view path, std::string_view bytes);

// A node's place in its file, for diagnostics about its value.
Diagnostic at(std::string_view path, const toml::source_region& where, std::string message,
              Severity severity = Severity::error);

} // namespace mockcoach::tomlfile
