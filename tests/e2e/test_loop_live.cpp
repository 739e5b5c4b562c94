// `mockcoach loop` on a terminal: the day's plan waits for Enter, a round is a live session, and
// the break after it counts down until Enter or s skips it, or q stops the day to be resumed.
#include "pty_session.hpp"
#include "run_binary.hpp"
#include "session_files.hpp"

#include "../strings.hpp"

#include <doctest/doctest.h>
#include <sys/wait.h>

using namespace mockcoach;
using namespace mockcoach::testing;

namespace {

const char* two_rounds = R"(format = 1
name = "Two rounds"
description = "A coding round and a design round, five minutes apart"

[[round]]
name = "Coding"
categories = ["dsa"]
minutes = 10
break_minutes = 5

[[round]]
name = "ML system design"
categories = ["ml-system-design"]
minutes = 8
)";

// A HOME whose settings hold the two-round profile; the loop's sessions go to HOME/s.
std::filesystem::path make_home(const TempDir& home) {
    home.write(".config/mockcoach/profiles/two-rounds.toml", two_rounds);
    return home.path() / "s";
}

// Ends the running round with q and passes its key points, scores and reflection.
void end_round(PtySession& tty) {
    tty.send("q");
    for (int i = 0; i < 4 && !tty.wait_for("Reflection", std::chrono::seconds(3)); ++i)
        tty.send("q");
    tty.send("\r");
}

// Begins the day at its plan, starts round 1 at the round's own plan and ends it: the break after
// round 1 comes next.
void play_round_one(PtySession& tty) {
    REQUIRE(tty.wait_for("Enter begin round 1"));
    tty.send("\r");
    REQUIRE(tty.wait_for("Enter start"));
    tty.send("\r");
    REQUIRE(tty.wait_for("phase 1/"));
    end_round(tty);
}

} // namespace

TEST_SUITE_BEGIN("e2e/loop-live");

TEST_CASE("live, the break after a round counts down and s skips it to the next round") {
    TempDir home;
    const auto sessions = make_home(home);
    PtySession tty({MOCKCOACH_BINARY, "loop", "--profile", "two-rounds", "--seed", "3", "--no-bell",
                    "--sessions-dir", sessions.string()},
                   live_environment(home.path()), 40, 15);
    play_round_one(tty);
    REQUIRE(tty.wait_for("Break"));
    REQUIRE(tty.wait_for("Enter skip"));
    // The next round is named once, on its "Next:" line, not in the title as well.
    CHECK(tty.output().find("Next: round 2 of 2") != std::string::npos);
    CHECK(tty.output().find("before round 2") == std::string::npos);
    tty.send("x"); // not a key of the break: it says which are
    REQUIRE(tty.wait_for("Enter skip the break, q stop"));
    tty.send("s");
    REQUIRE(tty.wait_for("Enter start"));
    tty.send("q"); // round 2's plan: cancelled before its clock started, the day stops
    const int status = tty.wait_exit();
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    CHECK(tty.output().find("go on with `mockcoach loop --resume") != std::string::npos);
    const auto states = files_ending(sessions / "loops", ".toml");
    REQUIRE(states.size() == 1);
    const std::string state = slurp(states.front());
    CHECK(state.find("break = \"skipped\"") != std::string::npos);
    CHECK(state.find("done = true") != std::string::npos);
    CHECK(files_ending(sessions, ".toml").size() == 1);
    CHECK(files_ending(sessions, ".journal").empty());
}

TEST_CASE("live, q on the break stops the day and --resume begins at the next round") {
    TempDir home;
    const auto sessions = make_home(home);
    {
        PtySession tty({MOCKCOACH_BINARY, "loop", "--profile", "two-rounds", "--no-bell",
                        "--sessions-dir", sessions.string()},
                       live_environment(home.path()), 80, 24);
        play_round_one(tty);
        REQUIRE(tty.wait_for("q stop the day (resume later)"));
        tty.send("q");
        const int status = tty.wait_exit();
        REQUIRE(WIFEXITED(status));
        CHECK(WEXITSTATUS(status) == 0);
        CHECK(tty.output().find("stopped in the break after round 1") != std::string::npos);
    }
    PtySession again(
        {MOCKCOACH_BINARY, "loop", "--resume", "--no-bell", "--sessions-dir", sessions.string()},
        live_environment(home.path()), 80, 24);
    REQUIRE(again.wait_for("resuming at round 2 of 2"));
    REQUIRE(again.wait_for("Enter begin round 2"));
    again.send("q");
    const int status = again.wait_exit();
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
}

TEST_SUITE_END();
