// Reading a TOML file a user wrote: every problem as a positioned diagnostic, never a crash.
// This header is the fence's toml++-free side (limits, the pre-scan), for code that only needs
// to know how much to read; parse.hpp and reader.hpp are where toml++'s types appear.
//
// toml++ 3.3.0 (Debian 12) reaches undefined behaviour or an assertion on some malformed
// input (non-ASCII outside strings, broken table headers, control bytes), so the raw bytes
// are pre-scanned here first and anything it would mishandle is reported at its exact place.
#pragma once

#include "util/diagnostic.hpp"

#include <cstddef>
#include <string_view>

namespace mockcoach::tomlfile {

// Files larger than this are refused unread: no rubric or transcript is anywhere near it.
inline constexpr std::size_t max_file_bytes = 4 * 1024 * 1024;
// Arrays and inline tables nested deeper than this are refused before toml++ recurses.
inline constexpr int max_nesting = 64;

// The problems toml++ must not be shown: invalid UTF-8, control characters, non-ASCII
// outside strings and comments, malformed table headers, excessive nesting.
Diagnostics prescan(std::string_view path, std::string_view bytes);

} // namespace mockcoach::tomlfile
