// Range checks on numeric options, and the one wording of their refusal.
#include "cli/number_option.hpp"

#include "util/errors.hpp"

#include <charconv>
#include <fmt/format.h>

namespace mockcoach::cli {

namespace {
// Above 2^53 a bound is "no bound" to a person (a seed), and no longer exact as a double.
constexpr double no_upper_bound = 9007199254740992.0;
} // namespace

std::string range_refusal(const std::string& option, double low, double high, bool whole) {
    // {} prints 0.01 as "0.01" and 1000.0 as "1000": the bounds as a person would type them.
    const std::string kind = whole ? "a whole number " : "";
    if (high >= no_upper_bound) return fmt::format("{} must be {}{} or more", option, kind, low);
    return fmt::format("{} must be {}between {} and {}", option, kind, low, high);
}

namespace {

// The option's name as the user knows it: its long name when it has one.
std::string shown_name(const CLI::Option* option) {
    if (!option->get_lnames().empty()) return "--" + option->get_lnames().front();
    if (!option->get_snames().empty()) return "-" + option->get_snames().front();
    return option->get_name();
}

// CLI11's own Range's, for the description --help, the man page and the completions show; none
// for a range without a real upper bound (a seed), which would print a 20-digit number.
template <class T> std::string description(T low, T high) {
    if (static_cast<double>(high) >= no_upper_bound) return {};
    return CLI::Range(low, high).get_description();
}

} // namespace

CLI::Option* check_decimal(CLI::Option* option, double low, double high) {
    const std::string name = shown_name(option);
    auto check = [name, low, high](std::string& input) -> std::string {
        double value = 0;
        const char* end = input.data() + input.size();
        const auto [stop, error] = std::from_chars(input.data(), end, value);
        if (error != std::errc{} || stop != end || !(value >= low && value <= high))
            throw UsageError(range_refusal(name, low, high, false));
        // Handed on as we read it, so the parser library's own conversion (which differs
        // between CLI11 versions) can only agree.
        input = fmt::format("{}", value);
        return {};
    };
    return option->transform(CLI::Validator(std::move(check), description(low, high)));
}

CLI::Option* check_whole(CLI::Option* option, std::uint64_t low, std::uint64_t high) {
    const std::string name = shown_name(option);
    auto check = [name, low, high](std::string& input) -> std::string {
        std::uint64_t value = 0;
        const char* end = input.data() + input.size();
        const auto [stop, error] = std::from_chars(input.data(), end, value);
        if (error != std::errc{} || stop != end || value < low || value > high)
            throw UsageError(
                range_refusal(name, static_cast<double>(low), static_cast<double>(high), true));
        // Rewritten in plain decimal: CLI11 converts integers with base 0, so "010" would
        // otherwise reach the program as 8.
        input = std::to_string(value);
        return {};
    };
    return option->transform(CLI::Validator(std::move(check), description(low, high)));
}

} // namespace mockcoach::cli
