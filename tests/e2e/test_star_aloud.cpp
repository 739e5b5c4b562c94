// Issue #19, item 7, end to end with the real binary: `star --aloud` in scripted mode and on a
// pseudo-terminal (spoken parts, then a few words per part, then the checks and the scores),
// and typed budgets scaled to typing speed by star_typing_wpm, said on the plan.
#include "pty_session.hpp"
#include "run_binary.hpp"
#include "session_files.hpp"

#include "../strings.hpp"

#include <doctest/doctest.h>
#include <sys/wait.h>

using namespace mockcoach;
using namespace mockcoach::testing;
namespace fs = std::filesystem;

namespace {

RunResult run(const TempDir& home, std::vector<std::string> args, std::string input = {}) {
    RunOptions options = with_home(home.path());
    options.input = std::move(input);
    return run_mockcoach(args, options);
}

std::vector<std::string> star(const fs::path& sessions, std::vector<std::string> extra = {}) {
    std::vector<std::string> args{"star",    "--question",     "end-to-end-project", "--clock",
                                  "virtual", "--sessions-dir", sessions.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
}

} // namespace

TEST_SUITE_BEGIN("e2e/star_aloud");

TEST_CASE("a scripted spoken answer keeps the spoken budgets and takes its words afterwards") {
    TempDir home;
    const fs::path sessions = home.path() / "s";
    const RunResult session = run(home, star(sessions, {"--aloud"}),
                                  "wait 25\nnext\nwait 10\nnext\nwait 70\nnext\nwait 20\nnext\n"
                                  "words Situation churn model broke silently\n"
                                  "words action I traced a renamed feature, I added a check\n"
                                  "words 4 recall back up 12%\n"
                                  "score structure 4\n");
    INFO(session.out, session.err);
    REQUIRE(session.exit_code == 0);
    CHECK(contains(session.out, "plan: Situation 00:30, Task 00:15, Action 01:00, Result 00:30 "
                                "(total 02:15)\nbudget: 02:15 for speaking, at about 150 words a "
                                "minute\n"));
    const std::size_t words = session.out.find("words: the clock has stopped");
    const std::size_t checks = session.out.find("Checks an interviewer would make");
    const std::size_t scoring = session.out.find("scoring: structure");
    REQUIRE(words != std::string::npos);
    CHECK(words < checks);
    CHECK(checks < scoring);
    CHECK(contains(session.out, "\u2713  Action took the longest: 01:10 of 02:05"));
    CHECK(contains(session.out, "\u2717  no words typed for Task"));
    CHECK(contains(session.out, "\u2713  Result has a number"));

    const transcript::Transcript t = only_transcript(sessions);
    CHECK(t.mode == "star-aloud");
    CHECK(t.phases[0].text == "churn model broke silently");
    CHECK(t.phases[1].text.empty());
    CHECK(t.phases[2].text == "I traced a renamed feature, I added a check");
    CHECK(t.phases[3].text == "recall back up 12%");
    CHECK(t.phases[2].used_seconds == 70);
    CHECK(t.phases[2].budget_seconds == 60);
}

TEST_CASE("say is refused while a spoken answer runs") {
    TempDir home;
    const RunResult session =
        run(home, star(home.path() / "s", {"--aloud"}), "say We had churn.\n");
    CHECK(session.exit_code == 2);
    CHECK(contains(session.err, "in star --aloud the parts are spoken, not typed"));
}

TEST_CASE("a typed answer's budget is scaled to typing speed and the plan says the rule") {
    TempDir home;
    const fs::path sessions = home.path() / "s";
    const RunResult typed = run(home, star(sessions), "quit\n");
    CHECK(contains(typed.out, "plan: Situation 01:53, Task 00:56, Action 03:45, Result 01:52 "
                              "(total 08:26)\nbudget: 08:26 for typing: the spoken 02:15 \u00d7 "
                              "150/40 words a minute (star_typing_wpm)\n"));

    home.write(".config/mockcoach/config.toml", "star_typing_wpm = 60\n");
    CHECK(contains(run(home, star(sessions), "quit\n").out,
                   "budget: 05:38 for typing: the spoken 02:15 \u00d7 150/60 words a minute"));
    const RunResult config = run(home, {"config"});
    CHECK(contains(config.out, "star_typing_wpm"));
    CHECK(contains(config.out, "60 words a minute"));
    // --seconds is the total as given.
    CHECK(contains(run(home, star(sessions, {"--seconds", "90"}), "quit\n").out,
                   "(total 01:30)\nbudget: 01:30 as set by --seconds (not scaled for typing)\n"));

    home.write(".config/mockcoach/config.toml", "star_typing_wpm = 500\n");
    const RunResult bad = run(home, star(sessions), "quit\n");
    CHECK(bad.exit_code == 2);
    CHECK(contains(bad.err, "\"star_typing_wpm\" is 500; use 10 to 150 (words a minute)"));
}

TEST_CASE("a live spoken answer: parts with the clock, then words, checks, scores") {
    TempDir home;
    const auto sessions = home.path() / "s";
    PtySession tty(live_command("star", "mentoring", sessions, {"--no-bell", "--aloud"}),
                   live_environment(home.path()), 40, 15);
    REQUIRE(tty.wait_for("Say your answer"));
    tty.send("\r");
    REQUIRE(tty.wait_for("part 1/4"));
    REQUIRE(tty.wait_for("Say it out loud"));
    tty.send("typed letters do nothing\r");
    tty.send("\t");
    REQUIRE(tty.wait_for("part 2/4"));
    tty.send("\t\t\t");
    REQUIRE(tty.wait_for("Words for the story bank"));
    tty.send("an intern was stuck\t");
    REQUIRE(tty.wait_for("part 2 of 4"));
    tty.send("\t");
    REQUIRE(tty.wait_for("part 3 of 4"));
    tty.send("I paired with her\x1b");
    REQUIRE(tty.wait_for("Before you score yourself"));
    tty.send("\r");
    REQUIRE(tty.wait_for("Key point 1 of"));
    tty.send("p");
    REQUIRE(tty.wait_for("Key point 2 of"));
    tty.send("q");
    REQUIRE(tty.wait_for("Score yourself"));
    for (int i = 0; i < 6; ++i) tty.send("4");
    REQUIRE(tty.wait_for("Reflection"));
    tty.send("\r");
    REQUIRE(tty.wait_for("Save this answer"));
    tty.send("\x1b");
    const int status = tty.wait_exit();
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    const auto t = only_transcript(sessions);
    CHECK(t.mode == "star-aloud");
    CHECK(t.phases[0].text == "an intern was stuck");
    CHECK(t.phases[1].text.empty());
    CHECK(t.phases[2].text == "I paired with her");
    CHECK(t.scores.size() == 6);
}

TEST_SUITE_END();
