// Numeric options checked by mockcoach itself rather than by CLI11's Range and
// NonNegativeNumber. CLI11 2.1 (Debian 12) and 2.4 (Debian 13) word those checks differently and
// disagree on what a number is: 2.4 takes "1_000" and "1'000" and refuses a seed beyond its
// type, 2.1 refuses the first two and turns "-5" into a huge unsigned seed. Here a value is plain
// decimal, judged and worded the same whichever CLI11 parses the command line.
#pragma once

#include <CLI/CLI.hpp>

#include <cstdint>

namespace mockcoach::cli {

// Decimal digits only, from `min` to `max`; help shows "UINT in [MIN - MAX]". The value is
// rewritten without leading zeros before CLI11 converts it, so no version reads "010" as octal.
CLI::Validator whole_number(std::uint64_t min, std::uint64_t max);

// A seed: any whole number up to `max`, with nothing added to the option's help.
CLI::Validator seed_number(std::uint64_t max);

// Digits with at most one decimal point ("2", "0.5", ".5"), from `min` to `max`; no sign,
// exponent, "inf" or "nan". Help shows "FLOAT in [MIN - MAX]".
CLI::Validator decimal_number(double min, double max);

} // namespace mockcoach::cli
