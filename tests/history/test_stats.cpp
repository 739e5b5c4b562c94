// The aggregations behind `stats`, on sessions with known answers: means, trends, sparkline
// data, weakest criteria, time per phase, coverage, blind guesses, and the adaptive summary.
#include "history/history.hpp"

#include "fixtures.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <string_view>

using namespace mockcoach;
using namespace mockcoach::history;
using history_fixtures::session;
using transcript::Status;

namespace {

// Oldest first in, newest first out, as load_sessions gives them.
std::vector<Session> newest_first(std::vector<Session> oldest_first) {
    std::reverse(oldest_first.begin(), oldest_first.end());
    return oldest_first;
}

// The id is a string_view, not a const std::string&: a literal would make a temporary string,
// and GCC 14's -Wdangling-reference then suspects the returned reference of pointing into it.
const CategoryStats& category(const Stats& stats, std::string_view rubric) {
    const auto it = std::find_if(stats.categories.begin(), stats.categories.end(),
                                 [&](const auto& c) { return c.rubric == rubric; });
    REQUIRE(it != stats.categories.end());
    return *it;
}

transcript::PhaseTiming phase(std::string name, std::int64_t budget, std::int64_t used) {
    return {std::move(name), budget, 0, used, 0, std::max<std::int64_t>(0, used - budget)};
}

} // namespace

TEST_SUITE_BEGIN("history/stats");

TEST_CASE("a category's mean is the mean of its scored sessions' means") {
    const auto sessions =
        newest_first({session("sd", 1, {2, 2}), session("sd", 2, {3, 4}),
                      session("sd", 3, {}, Status::interrupted), session("sd", 4, {5, 4})});
    const Stats stats = compute_stats(sessions, {});
    const CategoryStats& sd = category(stats, "sd");
    CHECK(sd.sessions == 4);
    CHECK(sd.scored == 3);
    REQUIRE(sd.mean_score);
    CHECK(*sd.mean_score == doctest::Approx((2.0 + 3.5 + 4.5) / 3));
    CHECK(sd.last_scores == std::vector<double>{2.0, 3.5, 4.5});
    CHECK(sd.rubric_name == "sd name");
}

TEST_CASE("the trend is the mean of the last 5 scored sessions against the 5 before") {
    const std::vector<int> means = {1, 1, 2, 2, 3, 3, 3, 3, 4, 4, 5, 5}; // oldest first
    std::vector<Session> sessions;
    for (std::size_t i = 0; i < means.size(); ++i)
        sessions.push_back(session("dsa", static_cast<int>(i) + 1, {means[i]}));
    const Stats stats = compute_stats(newest_first(sessions), {});
    const CategoryStats& dsa = category(stats, "dsa");
    REQUIRE(dsa.trend);
    CHECK(dsa.trend->window == 5);
    CHECK(dsa.trend->recent_mean == doctest::Approx(4.2));   // 3 4 4 5 5
    CHECK(dsa.trend->previous_mean == doctest::Approx(2.6)); // 2 2 3 3 3
    CHECK(dsa.trend->change() == doctest::Approx(1.6));
    CHECK(dsa.last_scores == std::vector<double>{2, 2, 3, 3, 3, 3, 4, 4, 5, 5});
}

TEST_CASE("with fewer than 10 scored sessions the trend compares the last half with the one "
          "before, and needs two") {
    const Stats three = compute_stats(
        newest_first({session("a", 1, {5}), session("a", 2, {3}), session("a", 3, {2})}), {});
    REQUIRE(category(three, "a").trend);
    CHECK(category(three, "a").trend->window == 1);
    CHECK(category(three, "a").trend->change() == doctest::Approx(-1.0));
    const Stats one = compute_stats(std::vector{session("a", 1, {5})}, {});
    CHECK_FALSE(category(one, "a").trend);
}

TEST_CASE("categories are listed most practised first") {
    const Stats stats = compute_stats(
        newest_first({session("b", 1), session("a", 2), session("a", 3), session("c", 4)}), {});
    REQUIRE(stats.categories.size() == 3);
    CHECK(stats.categories[0].rubric == "a");
    CHECK(stats.categories[1].rubric == "b");
    CHECK(stats.categories[2].rubric == "c");
    CHECK(stats.sessions == 4);
}

TEST_CASE("the weakest criteria come first, with the sessions that back them") {
    std::vector<Session> sessions = {session("sd", 1, {2, 4}), session("sd", 2, {2, 4}),
                                     session("sd", 3, {3, 4}), session("beh", 4, {2})};
    sessions[3].scores[0].criterion = "impact";
    sessions[3].scores[0].name = "Impact";
    const Stats stats = compute_stats(newest_first(sessions), {});
    REQUIRE(stats.criteria.size() == 3);
    CHECK(stats.criteria[0].rubric == "beh");
    CHECK(stats.criteria[0].name == "Impact");
    CHECK(stats.criteria[0].mean_score == doctest::Approx(2.0));
    CHECK(stats.criteria[0].sessions == 1);
    CHECK(stats.criteria[1].criterion == "c0");
    CHECK(stats.criteria[1].mean_score == doctest::Approx(7.0 / 3));
    CHECK(stats.criteria[1].sessions == 3);
    CHECK(stats.criteria[2].criterion == "c1");
    CHECK(stats.criteria[2].mean_score == doctest::Approx(4.0));
}

TEST_CASE("between criteria with equal means, the one more sessions back is weaker") {
    const Stats stats = compute_stats(
        newest_first({session("x", 1, {3}), session("y", 2, {3}), session("y", 3, {3})}), {});
    REQUIRE(stats.criteria.size() == 2);
    CHECK(stats.criteria[0].rubric == "y");
    CHECK(stats.criteria[1].rubric == "x");
}

TEST_CASE("time discipline: each phase's mean time used against its budget, most overrun "
          "first") {
    std::vector<Session> sessions;
    for (int used : {1260, 1500, 1200}) {
        Session s = session("sd", static_cast<int>(sessions.size()) + 1);
        s.phases = {phase("Requirements", 300, 300), phase("Deep Dive", 1200, used)};
        sessions.push_back(s);
    }
    const Stats stats = compute_stats(newest_first(sessions), {});
    REQUIRE(stats.phases.size() == 2);
    const PhaseStats& deep = stats.phases[0];
    CHECK(deep.name == "Deep Dive");
    CHECK(deep.sessions == 3);
    CHECK(deep.mean_used_seconds == doctest::Approx(1320));
    CHECK(deep.mean_budget_seconds == doctest::Approx(1200));
    CHECK(deep.used_share() == doctest::Approx(1.1));
    CHECK(deep.overran == 2);
    CHECK(stats.phases[1].name == "Requirements");
    CHECK(stats.phases[1].used_share() == doctest::Approx(1.0));
    CHECK(stats.phases[1].overran == 0);
}

TEST_CASE("a session cut short counts only the phases it finished") {
    Session early = session("sd", 1, {}, Status::ended_early);
    early.phases = {phase("A", 300, 200), phase("B", 600, 100), phase("C", 900, 0)};
    Session done = session("sd", 2);
    done.phases = {phase("A", 300, 400), phase("B", 600, 600), phase("C", 900, 0)};
    const Stats stats = compute_stats(newest_first({early, done}), {});
    const auto find = [&](const std::string& name) {
        return *std::find_if(stats.phases.begin(), stats.phases.end(),
                             [&](const auto& p) { return p.name == name; });
    };
    CHECK(find("A").sessions == 2); // finished in both: B has time after it in the early one
    CHECK(find("A").mean_used_seconds == doctest::Approx(300));
    CHECK(find("B").sessions == 1); // in progress when the early one ended
    CHECK(find("C").sessions == 1); // skipped with `next` in the completed one still counts
}

TEST_CASE("coverage sets practice against the bank's shares and marks the most "
          "under-practised") {
    const std::vector<BankShare> bank = {
        {"sd", "System Design", 0.5}, {"ml", "Machine Learning", 0.3}, {"dsa", "DSA", 0.2}};
    const Stats stats =
        compute_stats(newest_first({session("sd", 1), session("sd", 2), session("sd", 3),
                                    session("ml", 4), session("gone", 5)}),
                      bank);
    REQUIRE(stats.coverage.size() == 4);
    CHECK(stats.coverage[0].rubric == "sd");
    CHECK(stats.coverage[0].practice_share == doctest::Approx(0.6));
    CHECK(stats.coverage[0].bank_share == doctest::Approx(0.5));
    CHECK(stats.coverage[1].practice_share == doctest::Approx(0.2));
    CHECK(stats.coverage[2].rubric == "dsa");
    CHECK(stats.coverage[2].sessions == 0);
    CHECK(stats.coverage[2].practice_share == doctest::Approx(0.0));
    CHECK(stats.coverage[2].most_under_practised);
    CHECK_FALSE(stats.coverage[0].most_under_practised);
    CHECK_FALSE(stats.coverage[1].most_under_practised); // 0.3 - 0.2 is less than 0.2 - 0
    CHECK(stats.coverage[3].rubric == "gone");           // a rubric no longer in the catalog
    CHECK(stats.coverage[3].bank_share == doctest::Approx(0.0));
    CHECK(stats.coverage[3].rubric_name == "gone name");
}

TEST_CASE("a category never practised is the most under-practised, however small its share") {
    // Issue 17: machine-learning was named while ten categories had never been practised.
    const std::vector<BankShare> bank = {
        {"sd", "System Design", 0.6}, {"ml", "Machine Learning", 0.35}, {"tiny", "Tiny", 0.05}};
    std::vector<Session> sessions;
    for (int day = 1; day <= 9; ++day) sessions.push_back(session("sd", day));
    sessions.push_back(session("ml", 10)); // 10% of practice against 35%: a 0.25 shortfall
    const Stats stats = compute_stats(newest_first(sessions), bank);
    REQUIRE(stats.coverage.size() == 3);
    CHECK_FALSE(stats.coverage[1].most_under_practised);
    CHECK(stats.coverage[2].most_under_practised); // 0.05 short, but never practised

    sessions.push_back(session("tiny", 11)); // every category practised: the shortfall decides
    const Stats all = compute_stats(newest_first(sessions), bank);
    CHECK(all.coverage[1].most_under_practised);
    CHECK_FALSE(all.coverage[2].most_under_practised);
}

TEST_CASE("blind sessions count how often the category was named right") {
    std::vector<Session> sessions = {session("ml", 1), session("ml", 2), session("ml", 3),
                                     session("sd", 4), session("sd", 5)};
    for (int i : {0, 1, 2, 3}) sessions[i].category_guess = "ml";
    sessions[0].category_guess_correct = true;
    sessions[1].category_guess_correct = false;
    sessions[2].category_guess_correct = true;
    sessions[3].category_guess_correct = false;
    const Stats stats = compute_stats(newest_first(sessions), {});
    REQUIRE(stats.blind.size() == 2);
    CHECK(stats.blind[0].rubric == "ml");
    CHECK(stats.blind[0].sessions == 3);
    CHECK(stats.blind[0].named_right == 2);
    CHECK(stats.blind[1].rubric == "sd");
    CHECK(stats.blind[1].sessions == 1);
    CHECK(stats.blind[1].named_right == 0);
}

TEST_CASE("no sessions give empty lists and shares of zero") {
    const std::vector<BankShare> bank = {{"sd", "System Design", 1.0}};
    const Stats stats = compute_stats(std::vector<Session>{}, bank);
    CHECK(stats.sessions == 0);
    CHECK(stats.categories.empty());
    CHECK(stats.criteria.empty());
    REQUIRE(stats.coverage.size() == 1);
    CHECK(stats.coverage[0].practice_share == 0.0);
    CHECK_FALSE(stats.coverage[0].most_under_practised);
}

TEST_CASE("practice_of counts sessions, takes recent means and the newest questions") {
    std::vector<Session> sessions; // oldest first: 12 dsa sessions scored 1 then 11 scored 5
    sessions.push_back(session("dsa", 1, {1}));
    for (int day = 2; day <= 12; ++day) sessions.push_back(session("dsa", day, {5}));
    sessions.push_back(session("sd", 13, {}, Status::interrupted));
    const bank::Practice practice = practice_of(newest_first(sessions));
    CHECK(practice.categories.at("dsa").sessions == 12);
    // Only the last 10 scored sessions count: the early 1 has dropped out.
    REQUIRE(practice.categories.at("dsa").recent_mean);
    CHECK(*practice.categories.at("dsa").recent_mean == doctest::Approx(5.0));
    CHECK(practice.categories.at("sd").sessions == 1);
    CHECK_FALSE(practice.categories.at("sd").recent_mean);
    REQUIRE(practice.recent.size() == 13);
    CHECK(practice.recent[0] == std::pair<std::string, std::string>{"sd", "q-13"});
    CHECK(practice.recent[12] == std::pair<std::string, std::string>{"dsa", "q-1"});
}

TEST_CASE("practice_of remembers only the last hold_back_sessions questions") {
    std::vector<Session> sessions;
    for (int day = 1; day <= 28; ++day) sessions.push_back(session("dsa", day));
    const bank::Practice practice = practice_of(newest_first(sessions));
    REQUIRE(practice.recent.size() == bank::hold_back_sessions);
    CHECK(practice.recent.front().second == "q-28");
    CHECK(practice.recent.back().second == "q-9");
}

TEST_CASE("misses list key points and unticked prompts per category, most missed first") {
    using transcript::Coverage;
    std::vector<Session> sessions; // oldest first
    Session a = session("sd", 1, {3});
    a.key_points = {{"Sizes the write rate", Coverage::missed},
                    {"Caches redirects", Coverage::covered},
                    {"Names base62", Coverage::partly}};
    a.prompts = {{"Draw the architecture", true}, {"APIs", false}};
    Session b = session("sd", 2, {4});
    b.key_points = {{"Sizes the write rate", Coverage::missed},
                    {"Caches redirects", Coverage::covered},
                    {"Names base62", std::nullopt}}; // not checked: not counted as asked
    Session c = session("sd", 3, {4});               // no ticks: its prompts are not counted
    c.key_points = {{"Caches redirects", Coverage::missed}};
    Session d = session("dsa", 4, {2});
    d.key_points = {{"Uses a heap of size k", Coverage::missed}};
    sessions = {a, b, c, d};
    const Stats stats = compute_stats(newest_first(sessions), {});
    REQUIRE(stats.misses.size() == 5);
    // sd is practised most, so it comes first; within it, by the share missed.
    CHECK(stats.misses[0].rubric == "sd");
    CHECK(stats.misses[0].text == "Sizes the write rate");
    CHECK(stats.misses[0].asked == 2);
    CHECK(stats.misses[0].missed == 2);
    CHECK(stats.misses[0].missed_share() == doctest::Approx(1.0));
    CHECK(stats.misses[1].text == "APIs");
    CHECK(stats.misses[1].kind == Miss::Kind::prompt);
    CHECK(stats.misses[1].asked == 1);
    CHECK(stats.misses[2].text == "Names base62");
    CHECK(stats.misses[2].partly == 1);
    CHECK(stats.misses[2].asked == 1);
    CHECK(stats.misses[2].missed_share() == doctest::Approx(0.5));
    CHECK(stats.misses[3].text == "Caches redirects");
    CHECK(stats.misses[3].asked == 3);
    CHECK(stats.misses[3].missed == 1);
    CHECK(stats.misses[4].rubric == "dsa");
}

TEST_CASE("key-point coverage over time: covered 1, partly a half, missed 0, per category") {
    using transcript::Coverage;
    CHECK_FALSE(key_point_coverage({}));
    const std::vector<transcript::KeyPoint> points = {{"a point", Coverage::covered},
                                                      {"b point", Coverage::partly},
                                                      {"c point", Coverage::missed},
                                                      {"d point", std::nullopt}};
    CHECK(*key_point_coverage(points) == doctest::Approx(0.5));
    std::vector<Session> sessions;
    Session a = session("sd", 1);
    a.key_points = {{"x", Coverage::missed}, {"y", Coverage::covered}};
    Session b = session("sd", 2);
    b.key_points = {{"x", Coverage::covered}, {"y", Coverage::covered}};
    Session c = session("dsa", 3); // no key points checked: no point on the chart
    sessions = {a, b, c};
    const auto timelines = coverage_timelines(newest_first(sessions));
    REQUIRE(timelines.size() == 1);
    CHECK(timelines[0].rubric == "sd");
    REQUIRE(timelines[0].points.size() == 2);
    CHECK(timelines[0].points[0].coverage == doctest::Approx(0.5));
    CHECK(timelines[0].points[1].coverage == doctest::Approx(1.0));
    CHECK(timelines[0].points[1].recent_mean == doctest::Approx(0.75));
}

TEST_SUITE_END();
