// `mockcoach start` in scripted mode, end to end: the real binary, its output, exit codes and
// the transcript it leaves.
#include "pty_session.hpp"
#include "run_binary.hpp"
#include "session_files.hpp"

#include <csignal>
#include <doctest/doctest.h>
#include <sys/wait.h>

using namespace mockcoach;
using namespace mockcoach::testing;

namespace {

std::vector<std::string> start_args(const std::filesystem::path& sessions) {
    return {"start",   "--question",     "system-design/url-shortener",
            "--clock", "virtual",        "--seed",
            "7",       "--sessions-dir", sessions.string()};
}

const char* full_script = R"(# a whole system design round
note asked about read/write ratio
wait 290
note 10:1 reads
wait 25
next
pause
wait 40
resume
extend 1
wait 650
next
wait 1200
next
wait 100
next
score requirements 4
score architecture 3
skip depth
score communication 5
reflect Scoped well.
reflect Cache "earlier" next time.
)";

} // namespace

TEST_SUITE_BEGIN("e2e/start");

TEST_CASE("a scripted session under the virtual clock saves a transcript that matches the script") {
    TempDir home;
    const auto sessions = home.path() / "sessions";
    RunOptions options = with_home(home.path());
    options.input = full_script;
    const RunResult run = run_mockcoach(start_args(sessions), options);
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    CHECK(run.out.find("phase 1/4: Requirements (05:00)") != std::string::npos);
    CHECK(run.out.find("time: Requirements is over its 05:00 budget") != std::string::npos);
    CHECK(run.out.find("saved: ") != std::string::npos);
    CHECK(files_ending(sessions, ".journal").empty());

    const transcript::Transcript t = only_transcript(sessions);
    CHECK(t.status == transcript::Status::completed);
    CHECK(t.rubric == "system-design");
    CHECK(t.rubric_name == "System Design");
    CHECK(t.question_id == "url-shortener");
    CHECK(t.seed == 7);
    CHECK(t.clock == "virtual");
    REQUIRE(t.phases.size() == 4);
    CHECK(t.phases[0].used_seconds == 315);
    CHECK(t.phases[0].overtime_seconds == 15);
    REQUIRE(t.phases[0].notes.size() == 2);
    CHECK(t.phases[0].notes[0].at_seconds == 0);
    CHECK(t.phases[0].notes[1].at_seconds == 290);
    CHECK(t.phases[0].notes[1].text == "10:1 reads");
    CHECK(t.phases[1].paused_seconds == 40);
    CHECK(t.phases[1].extended_seconds == 60);
    CHECK(t.phases[1].used_seconds == 650);
    CHECK(t.phases[1].overtime_seconds == 0);
    CHECK(t.phases[2].used_seconds == 1200);
    CHECK(t.phases[3].used_seconds == 100);
    REQUIRE(t.scores.size() == 3);
    CHECK(t.scores[0].criterion == "requirements");
    CHECK(t.scores[0].name == "Requirements and scoping");
    CHECK(t.scores[2].value == 5);
    CHECK(t.skipped == std::vector<std::string>{"depth"});
    REQUIRE(t.mean_score.has_value());
    CHECK(*t.mean_score == doctest::Approx(4.0));
    CHECK(t.reflection == "Scoped well.\nCache \"earlier\" next time.");
    CHECK_FALSE(t.category_guess.has_value());
}

TEST_CASE("quit ends the interview early: later phases stay unused and the status says so") {
    TempDir home;
    const auto sessions = home.path() / "s";
    RunOptions options = with_home(home.path());
    options.input = "wait 60\nquit\nscore depth 2\n";
    const RunResult run = run_mockcoach(start_args(sessions), options);
    REQUIRE(run.exit_code == 0);
    const auto t = only_transcript(sessions);
    CHECK(t.status == transcript::Status::ended_early);
    CHECK(t.phases[0].used_seconds == 60);
    CHECK(t.phases[1].used_seconds == 0);
    CHECK(t.scores.size() == 1);
}

TEST_CASE("a bad script line exits 2 with its line number, and recover saves the session so far") {
    TempDir home;
    const auto sessions = home.path() / "s";
    RunOptions options = with_home(home.path());
    options.input = "note before the typo\nwait 30\nnxet\nnote never reached\n";
    const RunResult run = run_mockcoach(start_args(sessions), options);
    CHECK(run.exit_code == 2);
    CHECK(run.err.find("<stdin>:3: error: unknown command \"nxet\"; did you mean \"next\"?") !=
          std::string::npos);
    REQUIRE(files_ending(sessions, ".journal").size() == 1);
    CHECK(files_ending(sessions, ".toml").empty());

    const RunResult recover =
        run_mockcoach({"recover", "--sessions-dir", sessions.string()}, with_home(home.path()));
    CHECK(recover.exit_code == 0);
    CHECK(recover.out.find("recovered: ") != std::string::npos);
    CHECK(files_ending(sessions, ".journal").empty());
    const auto t = only_transcript(sessions);
    CHECK(t.status == transcript::Status::interrupted);
    CHECK(t.phases[0].used_seconds == 30);
    REQUIRE(t.phases[0].notes.size() == 1);
    CHECK(t.phases[0].notes[0].text == "before the typo");
}

TEST_CASE("a typo before anything happened leaves no journal, so no junk session later") {
    // Each exits 2 before a second of the clock passed or anything was typed.
    for (const std::string input :
         {"bogus cmd\n", "wait abc\n", "score depth 7\n", "next\nnxet\n"}) {
        CAPTURE(input);
        TempDir home;
        const auto sessions = home.path() / "s";
        RunOptions options = with_home(home.path());
        options.input = input;
        const RunResult run = run_mockcoach(start_args(sessions), options);
        CHECK(run.exit_code == 2);
        CHECK(run.err.find("nothing saved") != std::string::npos);
        CHECK(files_ending(sessions, ".journal").empty());
        CHECK(files_ending(sessions, ".toml").empty());
        RunOptions next = with_home(home.path());
        next.input = "wait 5\nquit\n";
        const RunResult again = run_mockcoach(start_args(sessions), next);
        CHECK(again.exit_code == 0);
        CHECK(again.err.find("recovered") == std::string::npos);
        CHECK(files_ending(sessions, ".toml").size() == 1);
    }
    // A blind session: `next` before naming the category is refused the same way.
    TempDir home;
    const auto sessions = home.path() / "s";
    RunOptions options = with_home(home.path());
    options.input = "next\n";
    auto args = start_args(sessions);
    args.push_back("--blind");
    const RunResult run = run_mockcoach(args, options);
    CHECK(run.exit_code == 2);
    CHECK(files_ending(sessions, ".journal").empty());
}

TEST_CASE("the next start recovers a journal left behind and says so") {
    TempDir home;
    const auto sessions = home.path() / "s";
    RunOptions broken = with_home(home.path());
    broken.input = "wait 10\nscore x 9\n";
    REQUIRE(run_mockcoach(start_args(sessions), broken).exit_code == 2);
    RunOptions next = with_home(home.path());
    next.input = "wait 5\nquit\n";
    const RunResult run = run_mockcoach(start_args(sessions), next);
    CHECK(run.exit_code == 0);
    CHECK(run.err.find("recovered an interrupted session") != std::string::npos);
    CHECK(files_ending(sessions, ".toml").size() == 2);
    CHECK(files_ending(sessions, ".journal").empty());
}

TEST_CASE("an unwritable sessions folder fails with exit 1 before the clock starts") {
    TempDir home;
    const auto blocker = home.write("not-a-folder", "a file where a folder should be\n");
    RunOptions options = with_home(home.path());
    options.input = "wait 1\n";
    const RunResult run = run_mockcoach(start_args(blocker / "sessions"), options);
    CHECK(run.exit_code == 1);
    CHECK(run.err.find("cannot create") != std::string::npos);
    CHECK(run.out.find("phase 1/4") == std::string::npos);
}

TEST_CASE("input that ends before any command saves nothing") {
    TempDir home;
    const auto sessions = home.path() / "s";
    RunOptions options = with_home(home.path());
    options.input = "# only a comment\n\n";
    const RunResult run = run_mockcoach(start_args(sessions), options);
    CHECK(run.exit_code == 0);
    CHECK(run.err.find("nothing saved") != std::string::npos);
    CHECK(files_ending(sessions, ".toml").empty());
    CHECK(files_ending(sessions, ".journal").empty());
}

TEST_CASE("a blind session hides the category until the guess and records whether it was right") {
    TempDir home;
    const auto sessions = home.path() / "s";
    RunOptions options = with_home(home.path());
    options.input = "guess ml-system-design\nwait 5\nquit\n";
    auto args = start_args(sessions);
    args.push_back("--blind");
    const RunResult run = run_mockcoach(args, options);
    REQUIRE(run.exit_code == 0);
    CHECK(run.out.find("category: hidden") != std::string::npos);
    CHECK(run.out.find("guess: ml-system-design (wrong)") != std::string::npos);
    const auto t = only_transcript(sessions);
    CHECK(t.category_guess == std::optional<std::string>("ml-system-design"));
    CHECK(t.category_guess_correct == std::optional<bool>(false));

    RunOptions no_guess = with_home(home.path());
    no_guess.input = "wait 5\n";
    const RunResult refused = run_mockcoach(args, no_guess);
    CHECK(refused.exit_code == 2);
    CHECK(refused.err.find("name the category first") != std::string::npos);
}

TEST_CASE("an unknown category is a usage error with a suggestion") {
    TempDir home;
    const RunResult unknown = run_mockcoach(
        {"start", "--category", "sytem-design", "--sessions-dir", (home.path() / "s").string()},
        with_home(home.path()));
    CHECK(unknown.exit_code == 2);
    CHECK(unknown.err.find("did you mean \"system-design\"?") != std::string::npos);
}

TEST_CASE("SIGTERM during a real-clock scripted wait saves an interrupted transcript at once") {
    TempDir home;
    const auto sessions = home.path() / "s";
    PtySession session(
        {MOCKCOACH_BINARY, "start", "--script", "--question", "url-shortener", "--sessions-dir",
         sessions.string()},
        {"HOME=" + home.path().string(), "PATH=/usr/bin:/bin", "TERM=dumb", "NO_COLOR=1"});
    session.send("note kept across the signal\nwait 600\n");
    REQUIRE(session.wait_for("phase 1/4"));
    REQUIRE(session.wait_for("Functional requirements"));
    REQUIRE(journal_holds(sessions, "kept across the signal"));
    session.signal(SIGTERM);
    const int status = session.wait_exit();
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 128 + SIGTERM);
    const auto t = only_transcript(sessions);
    CHECK(t.status == transcript::Status::interrupted);
    REQUIRE(t.phases[0].notes.size() == 1);
    CHECK(t.phases[0].notes[0].text == "kept across the signal");
}

TEST_SUITE_END();
