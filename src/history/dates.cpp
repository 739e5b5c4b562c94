// Dates as the user types them: 2026-11-01, today, yesterday, 7d, 4w.
#include "history/history.hpp"

#include <charconv>

namespace mockcoach::history {

namespace {

std::optional<int> digits(std::string_view text) {
    if (text.empty() || text.size() > 6 || text.front() < '0' || text.front() > '9')
        return std::nullopt;
    int value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
    return value;
}

DateBound day_bound(const Date& date) {
    return {DateBound::Kind::day, day_number(date), 0};
}

} // namespace

std::optional<DateBound> parse_date(std::string_view text, const Now& now) {
    if (text == "today") return day_bound(now.today);
    if (text == "yesterday") {
        const auto today = days_from_civil(now.today.year, now.today.month, now.today.day);
        return day_bound(civil_from_days(today - 1));
    }
    if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
        const auto year = digits(text.substr(0, 4));
        const auto month = digits(text.substr(5, 2));
        const auto day = digits(text.substr(8, 2));
        if (!year || !month || !day || !valid_date(*year, *month, *day)) return std::nullopt;
        return day_bound(Date{*year, *month, *day});
    }
    if (text.size() >= 2 && (text.back() == 'd' || text.back() == 'w')) {
        const auto count = digits(text.substr(0, text.size() - 1));
        if (!count) return std::nullopt;
        const std::int64_t days = text.back() == 'w' ? *count * std::int64_t{7} : *count;
        return DateBound{DateBound::Kind::instant, 0, now.epoch - days * 86400};
    }
    return std::nullopt;
}

} // namespace mockcoach::history
