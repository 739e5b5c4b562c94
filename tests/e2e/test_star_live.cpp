// `mockcoach star` on a pseudo-terminal: typing each part, the keys that do not type, scoring,
// reflection and saving the answer as a story, as a newcomer would at a keyboard.
#include "pty_session.hpp"
#include "run_binary.hpp"
#include "session_files.hpp"

#include <csignal>
#include <doctest/doctest.h>
#include <filesystem>
#include <sys/wait.h>

using namespace mockcoach;
using namespace mockcoach::testing;

namespace {

std::vector<std::string> star_args(const std::filesystem::path& sessions,
                                   std::vector<std::string> extra = {}) {
    // The rubric's own 02:15, as given, not scaled to typing speed.
    extra.insert(extra.begin(), {"--no-bell", "--seconds", "135"});
    return live_command("star", "mentoring", sessions, std::move(extra));
}

} // namespace

TEST_SUITE_BEGIN("e2e/star_live");

TEST_CASE("a live STAR rehearsal types each part, scores it and saves it as a story") {
    TempDir home;
    const auto sessions = home.path() / "s";
    PtySession tty(star_args(sessions), live_environment(home.path()), 80, 30);
    REQUIRE(tty.wait_for("STAR rehearsal"));
    REQUIRE(tty.wait_for("Tab ends the part"));
    tty.send("\r");
    REQUIRE(tty.wait_for("part 1/4"));
    REQUIRE(tty.wait_for("Cover: Context"));
    tty.send("An intern was stuck\r");
    REQUIRE(tty.wait_for("  An intern was stuck"));
    tty.send("on q"); // letters the interview screen uses as keys just type here
    tty.send("\x10"); // Ctrl-P pauses
    REQUIRE(tty.wait_for("PAUSED"));
    tty.send("\x10");
    tty.send("\x05"); // Ctrl-E: one more minute
    REQUIRE(tty.wait_for("left of 01:3"));
    tty.send("\t"); // the line being typed is kept, then the part ends
    REQUIRE(tty.wait_for("part 2/4"));
    tty.send("Help them ship\t");
    REQUIRE(tty.wait_for("part 3/4"));
    tty.send("I paired with her daily\rI reviewed her PRs\r");
    REQUIRE(tty.wait_for("  I reviewed her PRs"));
    tty.send("\t");
    REQUIRE(tty.wait_for("part 4/4"));
    REQUIRE(tty.wait_for("Tab finish"));
    tty.send("She shipped 3 features\t");
    // Issue #19: the checks come before the self-scores.
    REQUIRE(tty.wait_for("Before you score yourself"));
    tty.send("\r");
    // Then the question's key points, one at a time: q leaves the rest unchecked.
    REQUIRE(tty.wait_for("Key point 1 of"));
    tty.send("y");
    REQUIRE(tty.wait_for("Key point 2 of"));
    tty.send("q");
    REQUIRE(tty.wait_for("Score yourself"));
    for (int i = 0; i < 6; ++i) tty.send("4");
    REQUIRE(tty.wait_for("Reflection"));
    tty.send("More structure\r\r");
    REQUIRE(tty.wait_for("Save this answer as a story?"));
    tty.send("Mentoring Ana\r");
    REQUIRE(tty.wait_for("Themes of \"Mentoring Ana\""));
    tty.send("3, leadership\r");
    const int status = tty.wait_exit();
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    CHECK(tty.output().find("Checks an interviewer would make") != std::string::npos);
    CHECK(tty.output().find("story: saved \"Mentoring Ana\"") != std::string::npos);

    const auto t = only_transcript(sessions);
    CHECK(t.mode == "star");
    CHECK(t.status == transcript::Status::completed);
    CHECK(t.story == "Mentoring Ana");
    REQUIRE(t.phases.size() == 4);
    CHECK(t.phases[0].text == "An intern was stuck\non q");
    CHECK(t.phases[0].extended_seconds == 60);
    CHECK(t.phases[1].text == "Help them ship");
    CHECK(t.phases[2].text == "I paired with her daily\nI reviewed her PRs");
    CHECK(t.phases[3].text == "She shipped 3 features");
    REQUIRE(t.key_points.size() >= 4);
    CHECK(t.key_points[0].result == transcript::Coverage::covered);
    CHECK_FALSE(t.key_points[1].result);
    CHECK(t.scores.size() == 6);
    CHECK(t.reflection == "More structure");
    CHECK(std::filesystem::exists(sessions / "stories" / "mentoring-ana.toml"));
}

TEST_CASE("Esc ends a live rehearsal early, and skipping the story form saves no story") {
    TempDir home;
    const auto sessions = home.path() / "s";
    PtySession tty(star_args(sessions), live_environment(home.path()), 40, 20);
    REQUIRE(tty.wait_for("Enter start"));
    tty.send("\r");
    REQUIRE(tty.wait_for("part 1/4"));
    tty.send("Only this");
    tty.send("\x1b");
    // Issue #19: the checks come before the self-scores.
    REQUIRE(tty.wait_for("Before you score yourself"));
    tty.send("\r");
    REQUIRE(tty.wait_for("Key point 1 of"));
    tty.send("q");
    REQUIRE(tty.wait_for("Score yourself"));
    tty.send("\x03"); // stop scoring
    REQUIRE(tty.wait_for("Reflection"));
    tty.send("\r");
    REQUIRE(tty.wait_for("Save this answer"));
    tty.send("\x1b");
    const int status = tty.wait_exit();
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    const auto t = only_transcript(sessions);
    CHECK(t.status == transcript::Status::ended_early);
    CHECK(t.phases[0].text == "Only this");
    CHECK_FALSE(t.story.has_value());
    CHECK_FALSE(std::filesystem::exists(sessions / "stories"));
}

TEST_CASE("a live rehearsal of a saved story names it and does not offer to save another") {
    TempDir home;
    const auto sessions = home.path() / "s";
    RunOptions options = with_home(home.path());
    options.input = "next\nnext\nnext\nnext\nsave-story Mentoring Ana leadership\n";
    REQUIRE(run_mockcoach({"star", "--question", "mentoring", "--clock", "virtual",
                           "--sessions-dir", sessions.string()},
                          options)
                .exit_code == 0);
    PtySession tty(
        {MOCKCOACH_BINARY, "star", "--story", "mentoring ana", "--sessions-dir", sessions.string()},
        live_environment(home.path()), 80, 24);
    REQUIRE(tty.wait_for("Story: Mentoring Ana"));
    tty.send("\r");
    REQUIRE(tty.wait_for("part 1/4"));
    tty.send("\x1b");
    // Issue #19: the checks come before the self-scores.
    REQUIRE(tty.wait_for("Before you score yourself"));
    tty.send("\r");
    REQUIRE(tty.wait_for("Key point 1 of"));
    tty.send("q");
    REQUIRE(tty.wait_for("Score yourself"));
    tty.send("\x03");
    REQUIRE(tty.wait_for("Reflection"));
    tty.send("\r");
    const int status = tty.wait_exit();
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    CHECK(tty.output().find("Save this answer") == std::string::npos);
    CHECK(files_ending(sessions, ".toml").size() == 2);
}

TEST_CASE("SIGTERM during a live rehearsal keeps every line, even the one not yet entered") {
    TempDir home;
    const auto sessions = home.path() / "s";
    PtySession tty(star_args(sessions), live_environment(home.path()), 80, 24);
    REQUIRE(tty.wait_for("Enter start"));
    tty.send("\r");
    REQUIRE(tty.wait_for("part 1/4"));
    tty.send("Entered line\r");
    REQUIRE(tty.wait_for("  Entered line"));
    tty.send("half typed");
    REQUIRE(tty.wait_for("> half typed"));
    tty.signal(SIGTERM);
    const int status = tty.wait_exit();
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 128 + SIGTERM);
    const auto t = only_transcript(sessions);
    CHECK(t.status == transcript::Status::interrupted);
    CHECK(t.mode == "star");
    CHECK(t.phases[0].text == "Entered line\nhalf typed");
}

TEST_SUITE_END();
