// The live screens as lines: the block-font clock, the phase, plan and scoring screens at two
// terminal sizes, compose(), and decoding raw key bytes.
#include "live/screen.hpp"

#include "../session/plans.hpp"
#include "screens.hpp"
#include "term/terminal.hpp"
#include "util/text.hpp"

#include "../strings.hpp"

#include <algorithm>
#include <doctest/doctest.h>

using namespace mockcoach;
using namespace mockcoach::live;
using mockcoach::test_screens::check_fits;
using mockcoach::test_screens::contains;
using mockcoach::test_screens::contains_block;
using mockcoach::test_screens::view_of;
using namespace mockcoach::term;
using mockcoach::session::Engine;
using mockcoach::session::EventKind;
using mockcoach::session::Millis;

namespace {

// Four phases of 1, 2, 3 and 1 minutes, under the longest name a shipped rubric has.
session::Plan four_phases() {
    session::Plan plan = test_plans::small_plan({60'000, 120'000, 180'000, 60'000});
    plan.rubric_name = "Data Structures & Algorithms";
    return plan;
}

// A question of four lines at 40 columns and six prompts, some of them longer than 40
// columns, as the shipped ML System Design rubric has.
session::Plan long_plan() {
    session::Plan plan = four_phases();
    plan.question = "Design a fraud detection system that scores every card transaction within 50 "
                    "ms, knowing that confirmed fraud labels arrive weeks later through "
                    "chargebacks.";
    plan.phases[0].prompts = {
        "Problem: what are we predicting, business goal, success metrics",
        "Scale: QPS, number of users, data volume",
        "Latency: real-time (< 100ms), near real-time (< 1s), batch (min/hours)",
        "Accuracy requirements",
        "Fifth: the prompt after the first few",
        "Sixth: the last prompt"};
    return plan;
}

Engine running_at(Millis at, bool paused = false) {
    Engine engine(four_phases());
    REQUIRE(engine.apply({EventKind::start, 0}).accepted());
    if (paused) REQUIRE(engine.apply({EventKind::pause, 0}).accepted());
    REQUIRE(engine.apply({EventKind::tick, at}).accepted());
    return engine;
}

const Size sizes[] = {{40, 20}, {80, 24}};

} // namespace

TEST_SUITE_BEGIN("live/screen");

TEST_CASE("big_text draws each character in five rows of block cells") {
    const Lines rows = big_text("05:00", 80);
    REQUIRE(rows.size() == 5);
    CHECK(rows[0] ==
          "\u2588\u2588\u2588 \u2588\u2588\u2588   \u2588\u2588\u2588 \u2588\u2588\u2588");
    CHECK(rows[1] == "\u2588 \u2588 \u2588   \u2588 \u2588 \u2588 \u2588 \u2588");
    CHECK(rows[2] == "\u2588 \u2588 \u2588\u2588\u2588   \u2588 \u2588 \u2588 \u2588");
    for (const std::string& row : rows) CHECK(display_width(row) == 17);
}

TEST_CASE("big_text draws the plus and minus of overtime") {
    const Lines rows = big_text("+1", 80);
    REQUIRE(rows.size() == 5);
    CHECK(rows[0] == "      \u2588");
    CHECK(rows[2] == "\u2588\u2588\u2588   \u2588");
    CHECK(big_text("-", 80)[2] == "\u2588\u2588\u2588");
}

TEST_CASE("big_text falls back to one plain line when the terminal is too narrow") {
    CHECK(big_text("05:00", 17).size() == 5);
    CHECK(big_text("05:00", 16) == Lines{"05:00"});
    CHECK(big_text("+01:05", 10) == Lines{"+01:05"});
}

TEST_CASE("the phase screen shows the phase, its countdown and its prompts") {
    for (const Size size : sizes) {
        CAPTURE(size.columns);
        const View view = view_of(size.columns, size.rows);
        const Lines lines = phase_screen(running_at(15'000), view);
        check_fits(lines, view);
        CHECK(lines.size() == static_cast<std::size_t>(size.rows));
        CHECK(contains(lines, "phase 1/4"));
        CHECK(contains(lines, "Clarify"));
        CHECK(contains_block(lines, big_text("00:45", 80)));
        CHECK(contains(lines, "left of 01:00"));
        CHECK(contains(lines, "Clarify: first prompt"));
        CHECK(contains(lines, "Clarify: second prompt"));
        CHECK(contains(lines, "notes: 0"));
        CHECK_FALSE(contains(lines, "PAUSED"));
    }
}

TEST_CASE("the countdown rounds up, so it reads 00:00 only when time is really up") {
    const View view = view_of(80, 24);
    CHECK(contains_block(phase_screen(running_at(59'001), view), big_text("00:01", 80)));
    CHECK(contains_block(phase_screen(running_at(0), view), big_text("01:00", 80)));
}

TEST_CASE("the phase screen says PAUSED while paused") {
    for (const Size size : sizes) {
        CAPTURE(size.columns);
        const View view = view_of(size.columns, size.rows);
        const Lines lines = phase_screen(running_at(15'000, true), view);
        check_fits(lines, view);
        CHECK(contains(lines, "PAUSED"));
        CHECK(contains(lines, "phase 1/4"));
        CHECK(contains_block(lines, big_text("01:00", 80))); // no time used while paused
    }
}

TEST_CASE("the paused screen offers space to resume, the running one space to pause") {
    for (const Size size : sizes) {
        CAPTURE(size.columns);
        const View view = view_of(size.columns, size.rows);
        const Lines paused = phase_screen(running_at(15'000, true), view);
        CHECK(contains(paused, "space resume"));
        CHECK_FALSE(contains(paused, "space pause"));
        const Lines running = phase_screen(running_at(15'000), view);
        CHECK(contains(running, "space pause"));
        CHECK_FALSE(contains(running, "space resume"));
    }
}

TEST_CASE("the phase screen shows the overtime once the budget is used up") {
    for (const Size size : sizes) {
        CAPTURE(size.columns);
        const View view = view_of(size.columns, size.rows);
        const Lines lines = phase_screen(running_at(75'000), view);
        check_fits(lines, view);
        CHECK(contains_block(lines, big_text("+00:15", 80)));
        CHECK(contains(lines, "over the 01:00 budget"));
        CHECK_FALSE(contains(lines, "left of"));
    }
}

TEST_CASE("the phase screen shows a later phase's number and prompts") {
    Engine engine = running_at(10'000);
    REQUIRE(engine.apply({EventKind::next, 10'000}).accepted());
    REQUIRE(engine.apply({EventKind::note, 12'000, "n"}).accepted());
    const Lines lines = phase_screen(engine, view_of(80, 24));
    CHECK(contains(lines, "phase 2/4"));
    CHECK(contains(lines, "Design: first prompt"));
    CHECK_FALSE(contains(lines, "Clarify: first prompt"));
    CHECK(contains(lines, "notes: 1"));
}

TEST_CASE("a long note being typed stays within the terminal width") {
    for (const Size size : sizes) {
        CAPTURE(size.columns);
        View view = view_of(size.columns, size.rows);
        view.draft = std::string(100, 'n');
        const Lines lines = phase_screen(running_at(15'000), view);
        check_fits(lines, view);
        CHECK(contains(lines, "note> nnn"));
    }
}

TEST_CASE("the question stays on a running phase's screen, its first two lines at least") {
    Engine engine(long_plan());
    REQUIRE(engine.apply({EventKind::start, 0}).accepted());
    for (const Size size : {Size{40, 15}, Size{40, 30}, Size{80, 24}, Size{120, 40}}) {
        CAPTURE(size.columns);
        CAPTURE(size.rows);
        const View view = view_of(size.columns, size.rows);
        const Lines lines = phase_screen(engine, view);
        check_fits(lines, view);
        CHECK(contains(lines, "  Design a fraud detection system"));
        CHECK(contains(lines, "phase 1/4"));
        CHECK(contains(lines, "Clarify"));
        CHECK_FALSE(contains(lines, "05:00")); // a one-minute phase
        CHECK(contains(lines, "left of 01:00"));
        CHECK(contains(lines, "? help"));
    }
    // At 40x15 the first prompts stay, and the heading says how many are not shown.
    const Lines small = phase_screen(engine, view_of(40, 15));
    CHECK(contains(small, " 1 \u25a1 Problem: what are we"));
    CHECK(contains(small, " 3 \u25a1 Latency"));
    CHECK(contains(small, "Cover: (+3 more)"));
    // At 40x30 no prompt is cut while rows are free: the long ones wrap.
    const Lines tall = phase_screen(engine, view_of(40, 30));
    CHECK(contains(tall, "     real-time (< 1s), batch (min/hours)"));
    CHECK(contains(tall, " 6 \u25a1 Sixth: the last prompt"));
    CHECK_FALSE(contains(tall, "\u2026"));
}

TEST_CASE("with w the whole question shows, taking rows from the prompts") {
    session::Plan plan = long_plan();
    plan.question += " Say how you would evaluate it before launch, what you would monitor once it "
                     "runs, and how you would retrain it as fraudsters adapt.";
    Engine engine(plan);
    REQUIRE(engine.apply({EventKind::start, 0}).accepted());
    View view = view_of(40, 15);
    const Lines short_form = phase_screen(engine, view);
    CHECK(contains(short_form, "  Design a fraud detection system"));
    CHECK_FALSE(contains(short_form, "fraudsters"));
    CHECK(contains(short_form, " 3 \u25a1 Latency"));
    CHECK(contains(short_form, " 1 \u25a1 Problem"));
    view.whole_question = true;
    const Lines whole = phase_screen(engine, view);
    check_fits(whole, view);
    CHECK(contains(whole, "fraudsters"));
    CHECK(contains(whole, " 1 \u25a1 Problem"));
    CHECK_FALSE(contains(whole, " 3 \u25a1 Latency"));
    CHECK(contains(whole, "left of 01:00"));
    CHECK(contains(whole, "? help"));
}

TEST_CASE("a ticked prompt shows a check mark instead of a box, until it is unticked") {
    Engine engine = running_at(5'000);
    REQUIRE(engine.apply({EventKind::check, 6'000, {}, 1}).accepted());
    for (const Size size : {Size{40, 15}, Size{80, 24}}) {
        CAPTURE(size.columns);
        const Lines lines = phase_screen(engine, view_of(size.columns, size.rows));
        CHECK(contains(lines, " 1 \u25a1 Clarify: first prompt"));
        CHECK(contains(lines, " 2 \u2713 Clarify: second prompt"));
    }
    REQUIRE(engine.apply({EventKind::check, 7'000, {}, 1}).accepted());
    CHECK(contains(phase_screen(engine, view_of(80, 24)), " 2 \u25a1 Clarify: second prompt"));
}

TEST_CASE("a raised follow-up shows as the interviewer's question while its phase runs") {
    session::Plan plan = long_plan();
    plan.phases[0].probes = {{10'000, "How would you handle labels that arrive ninety days "
                                      "late, and what would you train on meanwhile?"}};
    Engine engine(plan);
    REQUIRE(engine.apply({EventKind::start, 0}).accepted());
    const auto raised = engine.apply({EventKind::tick, 12'000}).effects.probes;
    REQUIRE(raised.size() == 1);
    for (const Size size : {Size{40, 15}, Size{40, 30}, Size{80, 24}, Size{120, 40}}) {
        CAPTURE(size.columns);
        CAPTURE(size.rows);
        View view = view_of(size.columns, size.rows);
        CHECK_FALSE(contains(phase_screen(engine, view), "Interviewer:"));
        view.probe = raised.front();
        const Lines lines = phase_screen(engine, view);
        check_fits(lines, view);
        CHECK(contains(lines, "Interviewer: How would you handle"));
        CHECK(contains(lines, "train on meanwhile?"));
        CHECK(contains(lines, "  Design a fraud detection system"));
        CHECK(contains(lines, " 1 \u25a1 Problem"));
        CHECK(contains(lines, "left of 01:00"));
        CHECK(contains(lines, "? help"));
    }
    View view = view_of(80, 24);
    view.probe = raised.front();
    CHECK(contains(phase_screen(engine, view), "x dismiss"));
    // Its phase over, it is gone even if the loop has not cleared it yet.
    REQUIRE(engine.apply({EventKind::next, 13'000}).accepted());
    CHECK_FALSE(contains(phase_screen(engine, view), "Interviewer:"));
}

TEST_CASE("the key help replaces the prompts, and shows even at 40x15") {
    Engine engine(long_plan());
    REQUIRE(engine.apply({EventKind::start, 0}).accepted());
    for (const Size size : {Size{40, 15}, Size{80, 24}}) {
        CAPTURE(size.columns);
        View view = view_of(size.columns, size.rows);
        view.help = true;
        const Lines lines = phase_screen(engine, view);
        check_fits(lines, view);
        CHECK(contains(lines, "space  pause / resume"));
        CHECK(contains(lines, "1-9    tick / untick that prompt"));
        CHECK(contains(lines, "w      whole question"));
        CHECK(contains(lines, "y/p/n  mark key points"));
        CHECK(contains(lines, "? close the help"));
        CHECK(contains(lines, "  Design a fraud detection system"));
        CHECK_FALSE(contains(lines, "Problem: what are we"));
    }
}

TEST_CASE("the plan screen shows the category, phases and tip when not blind") {
    const View view = view_of(80, 24);
    const Lines lines = plan_screen(four_phases(), true, view);
    check_fits(lines, view);
    CHECK(contains(lines, "Data Structures & Algorithms"));
    CHECK(contains(lines, "Design a URL shortener"));
    CHECK(contains(lines, "Testing: Breaking a vague problem"));
    CHECK(contains(lines, "1. Clarify"));
    CHECK(contains(lines, "Tip: State your assumptions"));
    CHECK(contains(lines, "07:00")); // the total
}

TEST_CASE("the plan screen hides the category when blind") {
    for (const Size size : sizes) {
        CAPTURE(size.columns);
        const View view = view_of(size.columns, size.rows);
        const Lines lines = plan_screen(four_phases(), false, view);
        check_fits(lines, view);
        CHECK(contains(lines, "Design a URL shortener"));
        CHECK(contains(lines, "blind mock interview"));
        CHECK_FALSE(contains(lines, "Data Structures"));
        CHECK_FALSE(contains(lines, "system-design"));
        CHECK_FALSE(contains(lines, "Testing:"));
        CHECK_FALSE(contains(lines, "Tip:"));
        CHECK_FALSE(contains(lines, "Clarify"));
    }
}

TEST_CASE("the scoring screen shows the next criterion with its levels") {
    Engine engine = running_at(1'000);
    REQUIRE(engine.apply({EventKind::quit, 1'000}).accepted());
    REQUIRE(engine.apply({EventKind::score, 1'000, "structure", 3}).accepted());
    const View view = view_of(40, 20);
    const Lines lines = scoring_screen(engine, view);
    check_fits(lines, view);
    CHECK(contains(lines, "2 of 3"));
    CHECK(contains(lines, "Technical depth"));
    CHECK(contains(lines, "5  deep"));
}

TEST_CASE("compose starts at home, clears each line and never writes more lines than rows") {
    const Lines lines{"one", "two", "three", "four"};
    const std::string out = compose(lines, {40, 3});
    CHECK(out.rfind("\x1b[H", 0) == 0);
    CHECK(out == "\x1b[Hone\x1b[0m\x1b[K\r\ntwo\x1b[0m\x1b[K\r\nthree\x1b[0m\x1b[K\x1b[J");

    const std::string screen = compose(phase_screen(running_at(15'000), view_of(40, 20)), {40, 20});
    std::size_t breaks = 0;
    for (std::size_t at = screen.find("\r\n"); at != std::string::npos;
         at = screen.find("\r\n", at + 1))
        ++breaks;
    CHECK(breaks == 19);
    CHECK(screen.rfind("\x1b[H", 0) == 0);
}

TEST_CASE("the key decoder reads letters, Enter, backspace and Ctrl-C") {
    KeyDecoder keys;
    keys.feed("n\r\n\x7f\x08\x03\x04");
    const auto letter = keys.next();
    REQUIRE(letter.has_value());
    CHECK(letter->type == Key::Type::character);
    CHECK(letter->text == "n");
    CHECK(keys.next()->type == Key::Type::enter);
    CHECK(keys.next()->type == Key::Type::enter);
    CHECK(keys.next()->type == Key::Type::backspace);
    CHECK(keys.next()->type == Key::Type::backspace);
    CHECK(keys.next()->type == Key::Type::ctrl_c);
    CHECK(keys.next()->type == Key::Type::ctrl_d);
    CHECK_FALSE(keys.next().has_value());
}

TEST_CASE("the key decoder reads Tab and other control keys by their letter") {
    KeyDecoder keys;
    keys.feed("\t\x10");
    CHECK(keys.next()->type == Key::Type::tab);
    const auto ctrl_p = keys.next();
    REQUIRE(ctrl_p.has_value());
    CHECK(ctrl_p->type == Key::Type::control);
    CHECK(ctrl_p->text == "p");
}

TEST_CASE("the key decoder waits for the rest of a UTF-8 character split across reads") {
    KeyDecoder keys;
    keys.feed("\xc3");
    CHECK_FALSE(keys.next().has_value());
    keys.feed("\xa9x");
    const auto e = keys.next();
    REQUIRE(e.has_value());
    CHECK(e->type == Key::Type::character);
    CHECK(e->text == "\u00e9");
    CHECK(keys.next()->text == "x");
}

TEST_CASE("the key decoder types no C1 control, overlong form or surrogate") {
    KeyDecoder keys;
    keys.feed("\xc2\x9b"     // U+009B, the one-byte CSI
              "\xc0\xaf"     // '/' in an overlong form
              "\xed\xa0\x80" // a UTF-16 surrogate
              "x");
    CHECK(keys.next()->type == Key::Type::other);
    CHECK(keys.next()->type == Key::Type::other);
    CHECK(keys.next()->type == Key::Type::other);
    CHECK(keys.next()->text == "x");
}

TEST_CASE("the key decoder turns an arrow key's escape sequence into one other key") {
    KeyDecoder keys;
    keys.feed("\x1b[A");
    const auto arrow = keys.next();
    REQUIRE(arrow.has_value());
    CHECK(arrow->type == Key::Type::other);
    CHECK_FALSE(keys.next().has_value());

    keys.feed("\x1b[1;5");
    CHECK_FALSE(keys.next().has_value()); // not finished yet
    keys.feed("Cq");
    CHECK(keys.next()->type == Key::Type::other);
    CHECK(keys.next()->text == "q");
}

TEST_CASE("the key decoder reads a lone ESC as escape") {
    KeyDecoder keys;
    keys.feed("\x1b");
    const auto escape = keys.next();
    REQUIRE(escape.has_value());
    CHECK(escape->type == Key::Type::escape);
    CHECK_FALSE(keys.next().has_value());

    keys.feed("\x1bq");
    CHECK(keys.next()->type == Key::Type::escape);
    CHECK(keys.next()->text == "q");
}

TEST_SUITE_END();

TEST_CASE("in a loop a running phase's first line says the round and question, at 40x15 too") {
    for (const Size size : {Size{40, 15}, Size{80, 24}}) {
        CAPTURE(size.columns);
        View view = view_of(size.columns, size.rows);
        view.place = "round 4/4 \u00b7 q 3/4";
        const Lines lines = phase_screen(running_at(15'000, true), view);
        check_fits(lines, view);
        CHECK(lines.front().find("round 4/4 \u00b7 q 3/4 \u00b7 phase 1/4") != std::string::npos);
        CHECK(lines.front().find("PAUSED") != std::string::npos);
    }
    const Lines plain = phase_screen(running_at(15'000), view_of(80, 24));
    CHECK(plain.front() == "Data Structures & Algorithms \u00b7 phase 1/4");
}
