// The screen between a loop's rounds: the break's countdown and the keys at every size, what is
// given up first, long lines wrapped while rows are free, the day's plan before the first round,
// and the break's loop on a pseudo-terminal under a virtual clock.
#include "live/between_screen.hpp"

#include "screens.hpp"
#include "util/text.hpp"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <doctest/doctest.h>
#include <fcntl.h>
#include <pty.h>
#include <unistd.h>

using namespace mockcoach;
using namespace mockcoach::live;
using mockcoach::test_screens::check_fits;
using mockcoach::test_screens::contains;
using mockcoach::test_screens::contains_block;
using mockcoach::test_screens::view_of;

namespace {

BetweenRounds a_break(session::Millis left) {
    BetweenRounds what;
    what.title = "Break \u00b7 10:00";
    what.lines = {"Round 1 (Coding): 3.5 \u00b7 41:20 of 45:00, saved.",
                  "Next: round 2 of 4, ML system design (45 min)"};
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

TEST_CASE("at 40x15 the break wraps what comes next instead of cutting it") {
    const View view = view_of(40, 15);
    const Lines lines = between_screen(a_break(600'000), view);
    check_fits(lines, view);
    std::string all;
    for (const std::string& line : lines) all += line + " ";
    // Every word of the round's line and of the next round is on screen, none cut with "…",
    // and the next round is named once, not in the title too.
    CHECK(all.find("\u2026") == std::string::npos);
    CHECK(lines[0] == "Break \u00b7 10:00");
    CHECK(all.find("round 2 of 4") == all.rfind("round 2 of 4"));
    const auto next =
        std::find(lines.begin(), lines.end(), "Next: round 2 of 4, ML system design (45");
    REQUIRE(next != lines.end());
    CHECK(*(next + 1) == "  min)");
}

TEST_CASE("at 40x15 the day's plan wraps its rounds, their minutes and breaks included") {
    BetweenRounds plan;
    plan.title = "mockcoach \u00b7 ML engineer onsite";
    plan.lines = {
        "loop: 20261207-173709-ml-engineer-onsite (ML engineer onsite), 4 rounds, seed 7",
        "round 1: Coding \u00b7 Data Structures & Algorithms \u00b7 45 min, then a 10 min break",
        "round 2: ML system design \u00b7 ML System Design \u00b7 45 min, then a 10 min break",
        "round 3: ML depth \u00b7 2 questions: Machine Learning, Deep Learning \u00b7 45 min, "
        "then a 10 min break",
        "round 4: Behavioral \u00b7 4 questions: Behavioral \u00b7 30 min",
        "total: 3:15:00 \u00b7 expected end 20:52"};
    plan.go = "begin round 1";
    const View view = view_of(40, 15);
    const Lines lines = between_screen(plan, view);
    check_fits(lines, view);
    CHECK(lines.back().find("Enter begin round 1") != std::string::npos);
    for (const char* round : {"round 1: ", "round 2: ", "round 3: ", "round 4: ", "total: "})
        CHECK(contains(lines, round));
    // What was given up would not fit in any row left empty: no row is empty while a row of a
    // line is missing.
    const auto empty = std::count(lines.begin(), lines.end(), std::string());
    std::string all;
    for (const std::string& line : lines) all += line + " ";
    const bool cut = all.find("\u2026") != std::string::npos;
    CHECK((!cut || empty <= 1)); // the one blank before the keys may stay only when nothing is cut
    // At 80 columns every round fits whole, with its minutes and its break.
    const Lines wide = between_screen(plan, view_of(80, 24));
    CHECK(contains(wide, "round 3: ML depth \u00b7 2 questions: Machine Learning, Deep Learning"));
    CHECK(contains(wide, "30 min"));
}

namespace {

// A pseudo-terminal of 40x15 whose output side is read back, and a virtual monotonic clock:
// each wait moves it on by the wait's timeout at once, or, when `key_at` is reached, types the
// key and hands the wait to poll(2) so the loop reads it.
struct VirtualBreak {
    int master = -1;
    int slave = -1;
    std::chrono::steady_clock::time_point start{std::chrono::hours(1)};
    std::chrono::steady_clock::time_point now = start;
    std::vector<int> timeouts;
    std::optional<std::chrono::milliseconds> key_at;
    std::string key;
    std::string shown;

    VirtualBreak() {
        winsize size{};
        size.ws_col = 40;
        size.ws_row = 15;
        REQUIRE(::openpty(&master, &slave, nullptr, nullptr, &size) == 0);
        ::fcntl(master, F_SETFL, ::fcntl(master, F_GETFL) | O_NONBLOCK);
    }
    ~VirtualBreak() {
        ::close(master);
        ::close(slave);
    }
    void drain() {
        char buffer[4096];
        for (ssize_t got; (got = ::read(master, buffer, sizeof buffer)) > 0;)
            shown.append(buffer, static_cast<std::size_t>(got));
    }
    BetweenClock clock() {
        return {[this] { return now; },
                [this](pollfd* fds, std::size_t count, int timeout_ms) {
                    drain();
                    timeouts.push_back(timeout_ms);
                    if (key_at && now - start >= *key_at) {
                        key_at.reset();
                        REQUIRE(::write(master, key.data(), key.size()) ==
                                static_cast<ssize_t>(key.size()));
                        return ::poll(fds, static_cast<nfds_t>(count), 5000);
                    }
                    REQUIRE(timeout_ms >= 0); // a break always has a next repaint
                    now += std::chrono::milliseconds(timeout_ms);
                    return 0;
                }};
    }
    BetweenEnd run(std::chrono::milliseconds length) {
        term::SignalWatch signals;
        term::RawTerminal terminal(slave, slave);
        const BetweenEnd end = run_between(terminal, signals, slave, a_break(0), start + length,
                                           Colour::plain, clock());
        terminal.restore();
        drain();
        return end;
    }
};

} // namespace

TEST_CASE("under a virtual clock a break repaints once a second and ends at its deadline") {
    VirtualBreak test;
    const BetweenEnd end = test.run(std::chrono::milliseconds(3'000));
    CHECK(end.kind == BetweenEnd::Kind::time_up);
    CHECK(test.now - test.start == std::chrono::milliseconds(3'000));
    CHECK(test.timeouts == std::vector<int>{1000, 1000, 1000});
    // Each whole second was shown in large digits, and 00:00 never (the break ends at once).
    const auto showed = [&](std::string_view clock) {
        const Lines rows = big_text(clock, 40);
        return std::all_of(rows.begin(), rows.end(), [&](const std::string& row) {
            return test.shown.find(row) != std::string::npos;
        });
    };
    CHECK(showed("00:03"));
    CHECK(showed("00:02"));
    CHECK(showed("00:01"));
    CHECK_FALSE(showed("00:00"));
    CHECK(test.shown.find("Break") != std::string::npos);
    CHECK(test.shown.find("Enter skip the break \u00b7 q stop") != std::string::npos);
}

TEST_CASE("under a virtual clock a break's partial second is waited out first") {
    VirtualBreak test;
    const BetweenEnd end = test.run(std::chrono::milliseconds(2'400));
    CHECK(end.kind == BetweenEnd::Kind::time_up);
    CHECK(test.timeouts == std::vector<int>{400, 1000, 1000});
}

TEST_CASE("s skips a break at the virtual second it is typed") {
    VirtualBreak test;
    test.key_at = std::chrono::milliseconds(2'000);
    test.key = "s";
    const BetweenEnd end = test.run(std::chrono::milliseconds(10'000));
    CHECK(end.kind == BetweenEnd::Kind::go);
    CHECK(test.now - test.start == std::chrono::milliseconds(2'000));
}

TEST_CASE("a clock that jumps past the deadline ends the break at once") {
    VirtualBreak test;
    test.now = test.start + std::chrono::minutes(30); // a laptop woken from sleep
    const BetweenEnd end = test.run(std::chrono::milliseconds(600'000));
    CHECK(end.kind == BetweenEnd::Kind::time_up);
    CHECK(test.timeouts.empty());
}
