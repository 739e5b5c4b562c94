// Calibration: self-scores against reviewers' for the same sessions, per criterion and per
// category, with every figure worked out by hand in the comments.
#include "history/history.hpp"

#include "fixtures.hpp"

#include <doctest/doctest.h>

using namespace mockcoach;
using namespace mockcoach::history;
using history_fixtures::session;

namespace {

const CalibrationRow* find(const std::vector<CalibrationRow>& rows, const std::string& rubric,
                           const std::string& criterion) {
    for (const auto& row : rows)
        if (row.rubric == rubric && row.criterion == criterion) return &row;
    return nullptr;
}

} // namespace

TEST_SUITE_BEGIN("history/calibration");

TEST_CASE("no reviews give no rows, and say so by counting no reviewed sessions") {
    const std::vector<Session> sessions = {session("coding", 1, {3, 4}), session("coding", 2, {5})};
    const Calibration calibration = compute_calibration(sessions);
    CHECK(calibration.reviewed_sessions == 0);
    CHECK(calibration.criteria.empty());
    CHECK(calibration.categories.empty());
}

TEST_CASE("several reviewers of a session are averaged before sessions are") {
    // Session 1: self c0=4, c1=2; Sam c0=3, Ana c0=2 (mean 2.5), nobody scored c1.
    Session one = session("system-design", 1, {4, 2});
    one.review_scores = {{"Sam", "c0", 3}, {"Ana", "c0", 2}};
    // Session 2: self c0=5, c1=3; Sam c0=5, c1=4.
    Session two = session("system-design", 2, {5, 3});
    two.review_scores = {{"Sam", "c0", 5}, {"Sam", "c1", 4}};
    // Session 3: reviewed, but on a criterion the candidate skipped: nothing to compare.
    Session three = session("coding", 3, {3});
    three.review_scores = {{"Sam", "c7", 1}};
    const std::vector<Session> sessions = {two, one, three, session("coding", 4, {1})};
    const Calibration calibration = compute_calibration(sessions);
    CHECK(calibration.reviewed_sessions == 3);

    // c0: self (4 + 5) / 2 = 4.5; reviewers (2.5 + 5) / 2 = 3.75; +0.75 over 2 sessions.
    const CalibrationRow* c0 = find(calibration.criteria, "system-design", "c0");
    REQUIRE(c0);
    CHECK(c0->name == "Criterion 0");
    CHECK(c0->self_mean == doctest::Approx(4.5));
    CHECK(c0->reviewers_mean == doctest::Approx(3.75));
    CHECK(c0->difference() == doctest::Approx(0.75));
    CHECK(c0->sessions == 2);
    // c1: only session 2: self 3, reviewers 4: -1 over 1 session.
    const CalibrationRow* c1 = find(calibration.criteria, "system-design", "c1");
    REQUIRE(c1);
    CHECK(c1->difference() == doctest::Approx(-1));
    CHECK(c1->sessions == 1);
    CHECK(calibration.criteria.size() == 2);
    // Largest gap first: |-1| before |0.75|.
    CHECK(calibration.criteria[0].criterion == "c1");

    // The category: session 1 compares c0 alone (4 against 2.5), session 2 both criteria
    // ((5 + 3) / 2 = 4 against (5 + 4) / 2 = 4.5). Self (4 + 4) / 2 = 4; reviewers
    // (2.5 + 4.5) / 2 = 3.5; +0.5 over 2 sessions.
    REQUIRE(calibration.categories.size() == 1);
    const CalibrationRow& category = calibration.categories[0];
    CHECK(category.rubric == "system-design");
    CHECK(category.rubric_name == "system-design name");
    CHECK(category.criterion.empty());
    CHECK(category.self_mean == doctest::Approx(4));
    CHECK(category.reviewers_mean == doctest::Approx(3.5));
    CHECK(category.sessions == 2);
}

TEST_CASE("the same criterion id in two categories is two rows") {
    Session a = session("coding", 1, {2});
    a.review_scores = {{"Sam", "c0", 4}};
    Session b = session("sql", 2, {5});
    b.review_scores = {{"Sam", "c0", 4}};
    const std::vector<Session> sessions = {b, a};
    const Calibration calibration = compute_calibration(sessions);
    REQUIRE(calibration.criteria.size() == 2);
    CHECK(calibration.criteria[0].rubric == "coding"); // -2 is further from 0 than +1
    CHECK(calibration.criteria[1].rubric == "sql");
    CHECK(calibration.categories.size() == 2);
}

TEST_CASE("a session's summary carries each review's scores for calibration") {
    transcript::Transcript t = history_fixtures::transcript_of("coding", "two-sum", 1, {3, 4});
    transcript::Review review;
    review.by = "Sam";
    review.scores = {{"c0", "Criterion 0", 2}, {"c1", "Criterion 1", 5}};
    t.reviews = {review, review};
    t.reviews[1].by = "Ana";
    const Session s = summarise(t, "x.toml");
    REQUIRE(s.review_scores.size() == 4);
    CHECK(s.review_scores[2].by == "Ana");
    CHECK(s.review_scores[3].criterion == "c1");
    CHECK(s.review_scores[3].value == 5);
}

TEST_SUITE_END();
