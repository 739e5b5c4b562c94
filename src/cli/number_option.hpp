// Numeric options checked against a range, refused in mockcoach's words: "--speed must be
// between 0.01 and 1000" instead of CLI11's "Value 0 not in range 0.010000 to 1000.000000".
#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>
#include <limits>
#include <string>

namespace mockcoach::cli {

// "--speed must be between 0.01 and 1000": what an option of the range takes. An upper bound
// beyond 2^53 is no bound to a person and left unsaid ("--seed must be a whole number 0 or
// more").
std::string range_refusal(const std::string& option, double low, double high, bool whole);

// Checks `option`'s value as a decimal number in [low, high]. A value outside it, or not a
// number at all, is a UsageError thrown from inside the parse: CLI11 catches only its own
// ValidationError there, so the message reaches the boundary whole, worded here rather than by
// whichever CLI11 version is installed. --help still shows CLI11's own "FLOAT in [a - b]".
CLI::Option* check_decimal(CLI::Option* option, double low, double high);

// The same for a whole number (counts, seeds).
CLI::Option* check_whole(CLI::Option* option, std::uint64_t low,
                         std::uint64_t high = std::numeric_limits<std::uint64_t>::max());

} // namespace mockcoach::cli
