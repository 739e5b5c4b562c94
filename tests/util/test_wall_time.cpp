// WallTime: an instant with its offset, read back as the wall clock showed it, in the forms
// transcripts, tables and reports write dates in.
#include "util/wall_time.hpp"

#include <doctest/doctest.h>

using namespace mockcoach;

TEST_SUITE_BEGIN("util/wall_time");

TEST_CASE("a positive offset keeps the local reading and puts the instant earlier") {
    const WallTime paris = from_civil({{2026, 11, 24}, 23, 58, 5}, 60);
    CHECK(epoch_seconds(paris) == days_from_civil(2026, 11, 24) * 86400 + 22 * 3600 + 58 * 60 + 5);
    CHECK(local_seconds(paris) == epoch_seconds(paris) + 3600);
    const CivilTime local = civil_of(paris);
    CHECK(local.date == Date{2026, 11, 24});
    CHECK(local.hour == 23);
    CHECK(local.minute == 58);
    CHECK(local.second == 5);
    CHECK(format_date_time(paris, DateTimeForm::iso) == "2026-11-24T23:58:05+01:00");
}

TEST_CASE("a negative offset can put the instant on the next UTC day") {
    const WallTime new_york = from_civil({{2026, 11, 1}, 23, 30, 0}, -300);
    CHECK_FALSE(new_york == from_civil({{2026, 11, 2}, 4, 30, 0}, 0)); // offsets differ
    CHECK(epoch_seconds(new_york) == epoch_seconds(from_civil({{2026, 11, 2}, 4, 30, 0}, 0)));
    CHECK(format_date(new_york) == "2026-11-01"); // the day the user saw
    CHECK(format_date_time(new_york, DateTimeForm::iso) == "2026-11-01T23:30:00-05:00");
    CHECK(format_date_time(from_civil({{2025, 3, 14}, 9, 5, 7}, -210), DateTimeForm::iso) ==
          "2025-03-14T09:05:07-03:30");
}

TEST_CASE("UTC is written with a Z") {
    CHECK(format_date_time(from_civil({{2025, 3, 14}, 9, 5, 7}, 0), DateTimeForm::iso) ==
          "2025-03-14T09:05:07Z");
}

TEST_CASE("the minutes form is the wall clock reading without seconds or offset") {
    CHECK(format_date_time(from_civil({{2026, 1, 2}, 3, 4, 59}, 330), DateTimeForm::minutes) ==
          "2026-01-02 03:04");
}

TEST_CASE("dates are formatted with four-digit years and two-digit months and days") {
    CHECK(format_date(Date{2026, 3, 1}) == "2026-03-01");
    CHECK(format_date(Date{987, 12, 31}) == "0987-12-31");
    CHECK(format_date(from_civil({{2024, 2, 29}, 0, 0, 0}, 0)) == "2024-02-29");
}

TEST_CASE("instants before 1970 read on the right day") {
    const WallTime before = from_civil({{1969, 12, 31}, 23, 59, 59}, 0);
    CHECK(epoch_seconds(before) == -1);
    CHECK(format_date_time(before, DateTimeForm::iso) == "1969-12-31T23:59:59Z");
}

TEST_CASE("a broken-down local time keeps its fields and its offset in minutes") {
    std::tm fields{};
    fields.tm_year = 2025 - 1900;
    fields.tm_mon = 2;
    fields.tm_mday = 14;
    fields.tm_hour = 23;
    fields.tm_min = 59;
    fields.tm_sec = 30;
    fields.tm_gmtoff = -5 * 3600;
    CHECK(from_tm(fields) == from_civil({{2025, 3, 14}, 23, 59, 30}, -300));
}

TEST_CASE("a local wall time is the same instant, to the second") {
    const auto now = std::chrono::system_clock::now();
    CHECK(epoch_seconds(local_wall_time(now)) == std::chrono::system_clock::to_time_t(now));
}

TEST_CASE("days_from_civil and civil_from_days agree, and valid_date knows month lengths") {
    CHECK(days_from_civil(1970, 1, 1) == 0);
    CHECK(civil_from_days(-1) == Date{1969, 12, 31});
    CHECK(civil_from_days(days_from_civil(2000, 2, 29)) == Date{2000, 2, 29});
    CHECK(valid_date(2024, 2, 29));
    CHECK_FALSE(valid_date(2023, 2, 29));
    CHECK_FALSE(valid_date(2023, 13, 1));
}

TEST_SUITE_END();
