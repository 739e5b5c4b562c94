// The screen between a loop's rounds: the break's countdown and the keys at every size, what is
// given up first, and the day's plan before the first round.
#include "live/between_screen.hpp"

#include "screens.hpp"
#include "util/text.hpp"

#include <doctest/doctest.h>

using namespace mockcoach;
using namespace mockcoach::live;
using mockcoach::test_screens::check_fits;
using mockcoach::test_screens::contains;
using mockcoach::test_screens::contains_block;
using mockcoach::test_screens::view_of;

namespace {

BetweenRounds a_break(session::Millis left) {
    BetweenRounds what;
    what.title = "Break \u00b7 10:00 before round 2 of 4, ML system design (45 min)";
    what.lines = {"Round 1 (Coding) is saved.", "Next: round 2 of 4, ML system design (45 min)"};
    what.go = "skip the break";
    what.left = left;
    return what;
}

} // namespace

TEST_SUITE_BEGIN("live/between_screen");

TEST_CASE("a break shows its time left in large digits, what comes next, and how to skip it") {
    const View view = view_of(80, 24);
    const Lines lines = between_screen(a_break(9 * 60'000 + 59'500), view);
    check_fits(lines, view);
    CHECK(contains_block(lines, big_text("10:00", 80))); // whole seconds, rounded up
    CHECK(contains(lines, "Next: round 2 of 4, ML system design (45 min)"));
    CHECK(contains(lines, "Enter skip the break \u00b7 q stop the day (resume later)"));
}

TEST_CASE("at 40x15 a break keeps its time left, its title and its keys") {
    for (const auto& [columns, rows] : {std::pair{40, 15}, std::pair{40, 12}, std::pair{120, 40}}) {
        const View view = view_of(columns, rows);
        const Lines lines = between_screen(a_break(61'000), view);
        check_fits(lines, view);
        CHECK(lines.front().starts_with("Break"));
        CHECK((contains(lines, "01:01") || contains_block(lines, big_text("01:01", 40))));
        CHECK(contains(lines, "Enter skip"));
        CHECK(contains(lines, "q stop"));
    }
}

TEST_CASE("when rows run short the lines go before the countdown, and the keys never") {
    BetweenRounds what = a_break(61'000);
    for (int i = 0; i < 6; ++i) what.lines.push_back("line " + std::to_string(i));
    const View view = view_of(40, 12);
    const Lines lines = between_screen(what, view);
    check_fits(lines, view);
    CHECK(contains_block(lines, big_text("01:01", 40)));
    CHECK_FALSE(contains(lines, "line 5"));
    CHECK(contains(lines, "q stop"));
}

TEST_CASE("before the first round the plan shows without a countdown, Enter to begin") {
    BetweenRounds plan;
    plan.title = "mockcoach \u00b7 ML engineer onsite";
    plan.lines = {"round 1: Coding \u00b7 Data Structures & Algorithms \u00b7 45 min",
                  "total: 3:15:00 \u00b7 expected end 12:15"};
    plan.go = "begin round 1";
    const View view = view_of(80, 24);
    const Lines lines = between_screen(plan, view);
    check_fits(lines, view);
    CHECK(contains(lines, "round 1: Coding"));
    CHECK_FALSE(contains(lines, "Time left"));
    CHECK(contains(lines, "Enter begin round 1"));
}

TEST_CASE("a key that does nothing is answered with the keys that do") {
    View view = view_of(80, 24);
    view.message = "Enter skip the break, q stop the day";
    CHECK(contains(between_screen(a_break(1000), view), "Enter skip the break, q stop the day"));
}
