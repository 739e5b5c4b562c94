// Numeric options judged by mockcoach, not by CLI11: the same answer on every CLI11 version.
#include "cli/number_options.hpp"

#include <algorithm>
#include <charconv>
#include <fmt/format.h>
#include <string>

namespace mockcoach::cli {
namespace {

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

} // namespace

CLI::Validator whole_number(std::uint64_t min, std::uint64_t max) {
    return CLI::Validator(
        [min, max](std::string& text) -> std::string {
            std::uint64_t value = 0;
            const char* end = text.data() + text.size();
            const bool digits = !text.empty() && std::all_of(text.begin(), text.end(), is_digit);
            const auto [stop, error] = std::from_chars(text.data(), end, value);
            if (!digits || error != std::errc() || stop != end || value < min || value > max)
                return fmt::format("\"{}\" is not a whole number from {} to {}", text, min, max);
            text = fmt::format("{}", value);
            return {};
        },
        fmt::format("UINT in [{} - {}]", min, max));
}

CLI::Validator seed_number(std::uint64_t max) {
    return whole_number(0, max).description("");
}

CLI::Validator decimal_number(double min, double max) {
    return CLI::Validator(
        [min, max](std::string& text) -> std::string {
            const auto points = std::count(text.begin(), text.end(), '.');
            const bool plain = std::any_of(text.begin(), text.end(), is_digit) && points <= 1 &&
                               std::all_of(text.begin(), text.end(),
                                           [](char c) { return is_digit(c) || c == '.'; });
            double value = 0;
            const char* end = text.data() + text.size();
            const auto [stop, error] =
                plain ? std::from_chars(text.data(), end, value, std::chars_format::fixed)
                      : std::from_chars_result{text.data(), std::errc::invalid_argument};
            if (!plain || error != std::errc() || stop != end || value < min || value > max)
                return fmt::format("\"{}\" is not a number from {} to {}", text, min, max);
            // The shortest text that reads back as the same double, for CLI11 to convert.
            text = fmt::format("{}", value);
            return {};
        },
        fmt::format("FLOAT in [{} - {}]", min, max));
}

} // namespace mockcoach::cli
