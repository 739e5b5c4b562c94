// Dates as typed on the command line, calendar arithmetic, and the date filters.
#include "history/history.hpp"

#include "fixtures.hpp"

#include <doctest/doctest.h>

using namespace mockcoach;
using namespace mockcoach::history;
using history_fixtures::at;

namespace {

// 2026-03-01 12:00:00Z, a day after a non-leap February.
const Now march_first{days_from_civil(2026, 3, 1) * 86400 + 12 * 3600, Date{2026, 3, 1}};

int day_of(std::string_view text, const Now& now = march_first) {
    const auto bound = parse_date(text, now);
    REQUIRE(bound.has_value());
    REQUIRE(bound->kind == DateBound::Kind::day);
    return bound->day;
}

std::int64_t instant_of(std::string_view text) {
    const auto bound = parse_date(text, march_first);
    REQUIRE(bound.has_value());
    REQUIRE(bound->kind == DateBound::Kind::instant);
    return bound->epoch;
}

} // namespace

TEST_SUITE_BEGIN("history/dates");

TEST_CASE("a calendar date is read as that day") {
    CHECK(day_of("2026-11-01") == 20261101);
    CHECK(day_of("2024-02-29") == 20240229);
    CHECK(day_of("1999-12-31") == 19991231);
}

TEST_CASE("today and yesterday are the user's local dates, across month and year ends") {
    CHECK(day_of("today") == 20260301);
    CHECK(day_of("yesterday") == 20260228);
    const Now leap{0, Date{2024, 3, 1}};
    CHECK(day_of("yesterday", leap) == 20240229);
    const Now new_year{0, Date{2027, 1, 1}};
    CHECK(day_of("yesterday", new_year) == 20261231);
}

TEST_CASE("Nd and Nw are instants that many days or weeks before now") {
    CHECK(instant_of("7d") == march_first.epoch - 7 * 86400);
    CHECK(instant_of("0d") == march_first.epoch);
    CHECK(instant_of("4w") == march_first.epoch - 28 * 86400);
    CHECK(instant_of("365d") == march_first.epoch - 365 * 86400);
}

TEST_CASE("anything else is not a date") {
    for (const char* text : {"", "2026-02-29", "2026-13-01", "2026-00-10", "2026-04-31",
                             "2026-1-01", "2026/11/01", "26-11-01", "7", "d", "w", "-3d", "7m",
                             "7 d", "x7d", "3.5w", "Today", "2026-11-01T10:00", "1234567d"})
        CHECK_MESSAGE(!parse_date(text, march_first), std::string(text));
}

TEST_CASE("days_from_civil and civil_from_days agree with known dates") {
    CHECK(days_from_civil(1970, 1, 1) == 0);
    CHECK(days_from_civil(2000, 3, 1) == 11017);
    CHECK(days_from_civil(1969, 12, 31) == -1);
    for (std::int64_t day : {-1000L, -1L, 0L, 59L, 11016L, 20000L, 20789L}) {
        const Date date = civil_from_days(day);
        CHECK(days_from_civil(date.year, date.month, date.day) == day);
    }
}

TEST_CASE("epoch_seconds takes the offset into account") {
    // 23:30 at UTC-5 is 04:30 the next day in UTC.
    const WallTime utc = from_civil({{2026, 11, 2}, 4, 30, 0}, 0);
    const WallTime new_york = from_civil({{2026, 11, 1}, 23, 30, 0}, -300);
    CHECK(epoch_seconds(utc) == epoch_seconds(new_york));
    CHECK(epoch_seconds(at(1, 0)) == days_from_civil(2026, 11, 1) * 86400);
}

TEST_CASE("a date bound compares with the date the session was recorded on, inclusive") {
    Session late = history_fixtures::session("dsa", 1);
    late.started_at = at(1, 23, -300); // 2026-11-01 23:00 in New York: 11-02 in UTC
    Filter filter;
    filter.since = parse_date("2026-11-01", march_first);
    filter.until = parse_date("2026-11-01", march_first);
    CHECK(matches(late, filter));
    filter.until = parse_date("2026-10-31", march_first);
    CHECK_FALSE(matches(late, filter));
    filter.until.reset();
    filter.since = parse_date("2026-11-02", march_first);
    CHECK_FALSE(matches(late, filter));
}

TEST_CASE("an instant bound compares with the moment the session started") {
    Session s = history_fixtures::session("dsa", 10);
    const std::int64_t start = epoch_seconds(s.started_at);
    Filter filter;
    filter.since = DateBound{DateBound::Kind::instant, 0, start};
    CHECK(matches(s, filter));
    filter.since = DateBound{DateBound::Kind::instant, 0, start + 1};
    CHECK_FALSE(matches(s, filter));
    filter.since.reset();
    filter.until = DateBound{DateBound::Kind::instant, 0, start - 1};
    CHECK_FALSE(matches(s, filter));
}

TEST_CASE("filters by category and status keep the order of the rest") {
    std::vector<Session> sessions = {
        history_fixtures::session("dsa", 5), history_fixtures::session("sql", 4),
        history_fixtures::session("dsa", 3, {}, transcript::Status::interrupted),
        history_fixtures::session("dsa", 2)};
    Filter filter;
    filter.categories = {"dsa"};
    filter.statuses = {transcript::Status::completed};
    keep_matching(filter, sessions);
    REQUIRE(sessions.size() == 2);
    CHECK(sessions[0].question_id == "q-5");
    CHECK(sessions[1].question_id == "q-2");
}

TEST_SUITE_END();
