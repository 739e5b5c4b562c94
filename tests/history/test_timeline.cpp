// The timelines behind the report's charts: scores with a running mean per category, blind
// sessions with a running accuracy, local time, and the order of phases.
#include "history/history.hpp"

#include "fixtures.hpp"

#include <algorithm>
#include <doctest/doctest.h>

using namespace mockcoach;
using namespace mockcoach::history;
using history_fixtures::at;
using history_fixtures::session;

namespace {

std::vector<Session> newest_first(std::vector<Session> oldest_first) {
    std::reverse(oldest_first.begin(), oldest_first.end());
    return oldest_first;
}

Session blind(int day, bool right) {
    Session s = session("sd", day, {3});
    s.category_guess = right ? "sd" : "dsa";
    s.category_guess_correct = right;
    return s;
}

} // namespace

TEST_SUITE_BEGIN("history/timeline");

TEST_CASE("local time is the wall clock the session was recorded at, whatever its zone") {
    CHECK(local_seconds(at(24, 23, 0)) == local_seconds(at(24, 23, 120)));
    CHECK(local_seconds(at(24, 23, -300)) - local_seconds(at(24, 0, 0)) == 23 * 3600);
    CHECK(local_seconds(at(1, 0, 0, 1)) == 1767225600 + 0); // 2026-01-01T00:00
}

TEST_CASE("a score timeline has the scored sessions oldest first, with the mean of the last 5") {
    const std::vector<int> means = {1, 2, 3, 4, 5, 5, 5};
    std::vector<Session> sessions;
    for (std::size_t i = 0; i < means.size(); ++i)
        sessions.push_back(session("dsa", static_cast<int>(i) + 1, {means[i]}));
    sessions.insert(sessions.begin() + 3, session("dsa", 3, {}, transcript::Status::interrupted));
    const auto timelines = score_timelines(newest_first(sessions));
    REQUIRE(timelines.size() == 1);
    const auto& points = timelines[0].points;
    REQUIRE(points.size() == 7);
    CHECK(points[0].score == 1);
    CHECK(points[0].recent_mean == doctest::Approx(1));
    CHECK(points[1].recent_mean == doctest::Approx(1.5));
    CHECK(points[4].recent_mean == doctest::Approx(3));   // 1 2 3 4 5
    CHECK(points[6].recent_mean == doctest::Approx(4.4)); // 3 4 5 5 5
    CHECK(points[6].local_seconds > points[0].local_seconds);
    CHECK(timelines[0].rubric_name == "dsa name");
}

TEST_CASE("score timelines come most practised first and leave out categories never scored") {
    const auto timelines = score_timelines(
        newest_first({session("b", 1, {3}), session("a", 2, {4}), session("b", 3, {2}),
                      session("c", 4, {}), session("c", 5, {}), session("c", 6, {})}));
    REQUIRE(timelines.size() == 2);
    CHECK(timelines[0].rubric == "b");
    CHECK(timelines[1].rubric == "a");
}

TEST_CASE("the blind timeline keeps blind sessions only, with the share right over the last 10") {
    std::vector<Session> sessions{session("sd", 1, {3})};
    for (int day = 2; day <= 13; ++day) sessions.push_back(blind(day, day % 3 != 0));
    const auto points = blind_timeline(newest_first(sessions));
    REQUIRE(points.size() == 12);
    CHECK(points[0].named_right);
    CHECK(points[0].accuracy == doctest::Approx(1));
    CHECK_FALSE(points[1].named_right); // day 3
    CHECK(points[1].accuracy == doctest::Approx(0.5));
    // Days 4 to 13: 6, 9 and 12 wrong.
    CHECK(points[11].accuracy == doctest::Approx(0.7));
    CHECK(points[11].rubric == "sd");
}

TEST_CASE("phase statistics remember each phase's place in its rubric") {
    Session s = session("sd", 1, {3});
    s.phases = {{"Requirements", 300, 0, 200, 0, 0}, {"Design", 600, 0, 900, 0, 300}};
    const Stats stats = compute_stats(std::vector<Session>{s}, {});
    REQUIRE(stats.phases.size() == 2);
    CHECK(stats.phases[0].name == "Design"); // most overrun first
    CHECK(stats.phases[0].position == 1);
    CHECK(stats.phases[1].position == 0);
}

TEST_SUITE_END();
