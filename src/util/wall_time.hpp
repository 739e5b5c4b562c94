// WallTime, the one date-time type: an instant with the UTC offset it was recorded in, the
// calendar arithmetic under it, and the forms dates are written in. The TOML library never
// appears here: tomlfile/ converts its date-times at the edge where TOML is read.
#pragma once

#include <chrono>
#include <cstdint>
#include <ctime>
#include <string>

namespace mockcoach {

// A calendar date as people read it, in the proleptic Gregorian calendar.
struct Date {
    int year = 1970;
    int month = 1; // 1 to 12
    int day = 1;   // 1 to 31
    friend bool operator==(const Date&, const Date&) = default;
};

// What a wall clock showed: a date and a time of day, in no particular zone.
struct CivilTime {
    Date date;
    int hour = 0;
    int minute = 0;
    int second = 0;
};

// A moment as it was recorded: the instant, and the UTC offset of the zone it was recorded in
// (east of UTC positive: 60 for Paris in winter, -300 for New York). Kept as UTC plus offset
// rather than as calendar fields (toml::date_time's way) so that instants order, subtract and
// add as numbers; the calendar fields are derived where a date is shown. Equal when both the
// instant and the offset are, as two TOML offset date-times are.
struct WallTime {
    std::chrono::sys_seconds utc{};
    int offset_minutes = 0;
    friend bool operator==(const WallTime&, const WallTime&) = default;
};

// Days since 1970-01-01 of a date, and back; neither consults the C library's time zone.
std::int64_t days_from_civil(int year, int month, int day);
Date civil_from_days(std::int64_t days);
bool valid_date(int year, int month, int day);

// The moment whose wall clock, `offset_minutes` east of UTC, showed `local`; and back.
WallTime from_civil(const CivilTime& local, int offset_minutes);
CivilTime civil_of(const WallTime& when);

// A broken-down local time from localtime_r: its fields as they are, its tm_gmtoff as the
// offset (in whole minutes, as TOML writes it). The one builder from the C library's time.
WallTime from_tm(const std::tm& local);
// An instant in the user's current time zone, to the second.
WallTime local_wall_time(std::chrono::system_clock::time_point when);

// Seconds since 1970-01-01T00:00:00Z.
std::int64_t epoch_seconds(const WallTime& when);
// The wall-clock reading as seconds since 1970, ignoring the offset: a session lands on the
// day and hour the user saw, whatever zone they were in at the time.
std::int64_t local_seconds(const WallTime& when);

// "2026-11-24": the one place a date is formatted.
std::string format_date(const Date& date);
// The date the wall clock showed where `when` was recorded.
std::string format_date(const WallTime& when);

enum class DateTimeForm {
    iso,     // "2026-11-24T23:58:05+01:00", "Z" for UTC: what transcripts and journals hold
    minutes, // "2026-11-24 23:58", in the zone it was recorded in: tables and summaries
};
std::string format_date_time(const WallTime& when, DateTimeForm form);

} // namespace mockcoach
