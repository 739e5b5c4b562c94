// The screens after the clock as lines: the key-point check, the scores with the key-point
// tally, and the reflection, at the sizes a terminal may have.
#include "live/screen.hpp"

#include "../session/plans.hpp"
#include "screens.hpp"
#include "util/text.hpp"

#include <algorithm>
#include <doctest/doctest.h>

using namespace mockcoach;
using namespace mockcoach::live;
using mockcoach::session::Engine;
using mockcoach::session::EventKind;
using mockcoach::test_screens::check_fits;
using mockcoach::test_screens::contains;
using mockcoach::test_screens::view_of;

namespace {

session::Plan with_key_points() {
    session::Plan plan = test_plans::small_plan();
    plan.key_points = {"Estimates the read and write rates and the storage for five years of "
                       "links before choosing a database",
                       "Explains how short codes are generated without collisions",
                       "Puts a cache in front of the redirects"};
    return plan;
}

Engine scoring(const session::Plan& plan) {
    Engine engine(plan);
    REQUIRE(engine.apply({EventKind::start, 0}).accepted());
    REQUIRE(engine.apply({EventKind::quit, 5'000}).accepted());
    return engine;
}

const Size sizes[] = {{40, 15}, {40, 30}, {80, 24}, {120, 40}};

} // namespace

TEST_SUITE_BEGIN("live/scoring_screen");

TEST_CASE("the key-point check shows one point, how many are left and the keys y, p and n") {
    Engine engine = scoring(with_key_points());
    for (const Size size : sizes) {
        CAPTURE(size.columns);
        CAPTURE(size.rows);
        const View view = view_of(size.columns, size.rows);
        const Lines lines = key_point_screen(engine, 0, view);
        check_fits(lines, view);
        CHECK(contains(lines, "Key point 1 of 3 \u00b7 3 left to check"));
        CHECK(contains(lines, "  Estimates the read and write"));
        CHECK(contains(lines, "y/p/n"));
    }
    REQUIRE(engine.apply({EventKind::point, 5'000, "partly", 0}).accepted());
    const Lines second = key_point_screen(engine, 1, view_of(80, 24));
    CHECK(contains(second, "Key point 2 of 3 \u00b7 2 left to check"));
    CHECK(contains(second, "  Explains how short codes"));
    CHECK_FALSE(contains(second, "marked"));
    // Back on the first one, its mark shows.
    CHECK(contains(key_point_screen(engine, 0, view_of(80, 24)), "marked partly"));
}

TEST_CASE("the scoring screen shows the key-point tally") {
    Engine engine = scoring(with_key_points());
    REQUIRE(engine.apply({EventKind::point, 5'000, "covered", 0}).accepted());
    REQUIRE(engine.apply({EventKind::point, 5'000, "missed", 2}).accepted());
    for (const Size size : sizes) {
        CAPTURE(size.columns);
        CAPTURE(size.rows);
        const View view = view_of(size.columns, size.rows);
        const Lines lines = scoring_screen(engine, view);
        check_fits(lines, view);
        CHECK(contains(lines, "Key points: 1 covered \u00b7 0 partly"));
        CHECK(contains(lines, "1 missed"));
        CHECK(contains(lines, "Structure"));
        CHECK(contains(lines, "1-5"));
    }
    CHECK(contains(scoring_screen(engine, view_of(120, 40)), "1 not checked"));
    // Narrow, the keys still say what each does, shorter.
    CHECK(contains(scoring_screen(engine, view_of(120, 40)),
                   "1-5 score \u00b7 s skip this one \u00b7 q stop scoring"));
    CHECK(
        contains(scoring_screen(engine, view_of(40, 15)), "1-5 score \u00b7 s skip \u00b7 q stop"));
    CHECK_FALSE(
        contains(scoring_screen(scoring(test_plans::small_plan()), view_of(80, 24)), "Key points"));
}

TEST_CASE("the reflection keeps its newest lines and the line being typed in view") {
    Engine engine = scoring(test_plans::small_plan());
    for (int i = 1; i <= 20; ++i)
        REQUIRE(
            engine.apply({EventKind::reflect, 5'000, "thought " + std::to_string(i)}).accepted());
    for (const Size size : sizes) {
        CAPTURE(size.columns);
        CAPTURE(size.rows);
        View view = view_of(size.columns, size.rows);
        view.draft = "typing";
        const Lines lines = reflection_screen(engine, view);
        check_fits(lines, view);
        CHECK(contains(lines, "Reflection"));
        CHECK(contains(lines, "thought 20"));
        CHECK(contains(lines, "> typing\u2588"));
        CHECK(contains(lines, "Enter"));
    }
}

TEST_SUITE_END();
