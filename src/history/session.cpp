// Summaries of transcripts, and the calendar arithmetic they are sorted and filtered by.
#include "history/calendar.hpp"
#include "history/history.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace mockcoach::history {

std::int64_t Session::used_seconds() const {
    std::int64_t total = 0;
    for (const PhaseTime& phase : phases) total += phase.used_seconds;
    return total;
}

std::int64_t Session::budget_seconds() const {
    std::int64_t total = 0;
    for (const PhaseTime& phase : phases) total += phase.budget_seconds;
    return total;
}

Session summarise(const transcript::Transcript& t, std::string file) {
    Session s;
    s.file = std::move(file);
    s.id = t.id;
    s.status = t.status;
    s.mode = t.mode;
    s.started_at = t.started_at;
    s.rubric = t.rubric;
    s.rubric_name = t.rubric_name;
    s.question_id = t.question_id;
    s.question = t.question;
    s.category_guess = t.category_guess;
    s.category_guess_correct = t.category_guess_correct;
    for (const transcript::Phase& phase : t.phases)
        s.phases.push_back({phase.name, phase.budget_seconds, phase.extended_seconds,
                            phase.used_seconds, phase.overtime_seconds});
    s.scores = t.scores;
    return s;
}

std::int64_t days_from_civil(int year, int month, int day) {
    // Howard Hinnant's algorithm: days since 1970-01-01 in the proleptic Gregorian calendar.
    year -= month <= 2;
    const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
    const auto year_of_era = static_cast<std::int64_t>(year - era * 400);
    const std::int64_t day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const std::int64_t day_of_era =
        year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146097 + day_of_era - 719468;
}

toml::date civil_from_days(std::int64_t days) {
    days += 719468;
    const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const std::int64_t day_of_era = days - era * 146097;
    const std::int64_t year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    const std::int64_t day_of_year =
        day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    const std::int64_t mp = (5 * day_of_year + 2) / 153;
    const auto day = static_cast<int>(day_of_year - (153 * mp + 2) / 5 + 1);
    const auto month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    const auto year = static_cast<int>(year_of_era + era * 400 + (month <= 2));
    return toml::date{year, month, day};
}

bool valid_date(int year, int month, int day) {
    if (month < 1 || month > 12 || day < 1) return false;
    static constexpr int lengths[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return day <= lengths[month - 1] + (month == 2 && leap);
}

std::int64_t epoch_seconds(const toml::date_time& when) {
    const std::int64_t days = days_from_civil(when.date.year, when.date.month, when.date.day);
    const std::int64_t local =
        days * 86400 + when.time.hour * 3600 + when.time.minute * 60 + when.time.second;
    return local - (when.offset ? when.offset->minutes * 60 : 0);
}

int day_number(const toml::date& date) {
    return date.year * 10000 + date.month * 100 + date.day;
}

std::string format_started(const toml::date_time& when) {
    return fmt::format("{:04}-{:02}-{:02} {:02}:{:02}", when.date.year, when.date.month,
                       when.date.day, when.time.hour, when.time.minute);
}

} // namespace mockcoach::history
