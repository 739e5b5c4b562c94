// WallTime: calendar arithmetic without the C library's time zone state, and the date forms.
#include "util/wall_time.hpp"

#include <cstdlib>
#include <fmt/format.h>

namespace mockcoach {

namespace {

constexpr std::int64_t day_seconds = 86400;

// Floor division, so instants before 1970 land on the day they belong to.
std::int64_t floor_div(std::int64_t a, std::int64_t b) {
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

} // namespace

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

Date civil_from_days(std::int64_t days) {
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
    return Date{year, month, day};
}

bool valid_date(int year, int month, int day) {
    if (month < 1 || month > 12 || day < 1) return false;
    static constexpr int lengths[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return day <= lengths[month - 1] + (month == 2 && leap);
}

WallTime from_civil(const CivilTime& local, int offset_minutes) {
    const std::int64_t local_seconds =
        days_from_civil(local.date.year, local.date.month, local.date.day) * day_seconds +
        local.hour * 3600 + local.minute * 60 + local.second;
    return {std::chrono::sys_seconds{std::chrono::seconds{local_seconds - offset_minutes * 60}},
            offset_minutes};
}

CivilTime civil_of(const WallTime& when) {
    const std::int64_t local = local_seconds(when);
    const std::int64_t days = floor_div(local, day_seconds);
    const auto of_day = static_cast<int>(local - days * day_seconds);
    return {civil_from_days(days), of_day / 3600, of_day / 60 % 60, of_day % 60};
}

WallTime from_tm(const std::tm& local) {
    // The fields are kept as the C library gave them and the offset truncated to minutes, so a
    // zone whose offset has seconds (local mean time before 1900) still reads as it showed.
    return from_civil({{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday},
                       local.tm_hour,
                       local.tm_min,
                       local.tm_sec},
                      static_cast<int>(local.tm_gmtoff / 60));
}

WallTime local_wall_time(std::chrono::system_clock::time_point when) {
    const std::time_t seconds = std::chrono::system_clock::to_time_t(when);
    std::tm local{};
    ::localtime_r(&seconds, &local);
    return from_tm(local);
}

std::int64_t epoch_seconds(const WallTime& when) {
    return when.utc.time_since_epoch().count();
}

std::int64_t local_seconds(const WallTime& when) {
    return epoch_seconds(when) + std::int64_t{when.offset_minutes} * 60;
}

std::string format_date(const Date& date) {
    return fmt::format("{:04}-{:02}-{:02}", date.year, date.month, date.day);
}

std::string format_date(const WallTime& when) {
    return format_date(civil_of(when).date);
}

std::string format_date_time(const WallTime& when, DateTimeForm form) {
    const CivilTime local = civil_of(when);
    if (form == DateTimeForm::minutes)
        return fmt::format("{} {:02}:{:02}", format_date(local.date), local.hour, local.minute);
    std::string text = fmt::format("{}T{:02}:{:02}:{:02}", format_date(local.date), local.hour,
                                   local.minute, local.second);
    const int minutes = when.offset_minutes;
    if (minutes == 0) return text + "Z";
    return text + fmt::format("{}{:02}:{:02}", minutes < 0 ? '-' : '+', std::abs(minutes) / 60,
                              std::abs(minutes) % 60);
}

} // namespace mockcoach
