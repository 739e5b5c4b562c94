// The settings file and hooks through the real binary: `config` and its sources, defaults
// taken from the file, a broken file refused at its place, and hooks fired by a scripted
// session under the virtual clock.
#include "pty_session.hpp"
#include "run_binary.hpp"
#include "session_files.hpp"

#include "../strings.hpp"

#include <chrono>
#include <csignal>
#include <doctest/doctest.h>
#include <fstream>
#include <sstream>
#include <sys/wait.h>

using namespace mockcoach;
using namespace mockcoach::testing;
namespace fs = std::filesystem;

namespace {

// A HOME with a settings file.
struct Home {
    TempDir home;
    fs::path config = home.path() / ".config/mockcoach/config.toml";
    explicit Home(const std::string& settings = "") {
        if (!settings.empty()) home.write(".config/mockcoach/config.toml", settings);
    }
    RunResult run(const std::vector<std::string>& args, const std::string& input = "",
                  std::vector<std::string> env = {}) const {
        RunOptions options = with_home(home.path());
        options.input = input;
        options.env = std::move(env);
        return run_mockcoach(args, options);
    }
    fs::path path(const std::string& relative) const { return home.path() / relative; }
};

// Five minutes and a second of Requirements, then the scoring, then the transcript.
const char* const over_budget = "wait 301\nnext\nquit\nscore depth 3\n";
const std::vector<std::string> start_url = {"start", "--question", "url-shortener", "--clock",
                                            "virtual"};

} // namespace

TEST_SUITE_BEGIN("e2e/settings_hooks");

TEST_CASE("config lists every setting with where it came from") {
    const Home home("bell = false\n\n[hooks]\nsession_end = \"true\"\n");
    const RunResult run = home.run({"config"}, "", {"MOCKCOACH_SESSIONS=/from/env"});
    CHECK(run.exit_code == 0);
    CHECK(run.err.empty());
    CHECK(contains(run.out, "settings file: " + home.config.string() + "\n"));
    const auto lines = lines_of(run.out);
    const auto row = [&](const std::string& name) {
        for (const std::string& line : lines)
            if (line.starts_with(name + " ")) return line;
        return std::string();
    };
    CHECK(contains(row("sessions"), "/from/env"));
    CHECK(row("sessions").ends_with("environment (MOCKCOACH_SESSIONS)"));
    CHECK(row("bell").ends_with("file (config.toml:1)"));
    CHECK(contains(row("bell"), " off "));
    CHECK(row("auto_advance").ends_with("default"));
    CHECK(row("hooks.session_end").ends_with("file (config.toml:4)"));

    const RunResult option = home.run({"config", "--sessions-dir", "/from/option"});
    CHECK(contains(option.out, "option (--sessions-dir)"));

    const RunResult json = home.run({"config", "--json"});
    CHECK(json.exit_code == 0);
    CHECK(contains(json.out, "\"file_exists\": true"));
    CHECK(contains(json.out, "\"name\": \"bell\",\n      \"value\": \"off\",\n      \"source\": "
                             "\"file\",\n      \"detail\": \"config.toml:1\""));
}

TEST_CASE("without a settings file config says so and shows the defaults") {
    const Home home;
    const RunResult run = home.run({"config"});
    CHECK(run.exit_code == 0);
    CHECK(contains(run.out, "(none yet: every setting is a default)"));
    CHECK(count(run.out, " default\n") == 17); // star_typing_wpm (#19); adaptive_strength,
                                               // retention (#17); scratch (#18)
    CHECK(contains(run.out, " environment (NO_COLOR)\n")); // the tests run with NO_COLOR=1
}

TEST_CASE("a broken settings file stops every command that reads it, with each problem at its "
          "place") {
    const Home home("bell = \"no\"\nauto_advanse = true\n");
    for (const std::vector<std::string>& command :
         {std::vector<std::string>{"config"}, {"draw"}, {"history"}}) {
        CAPTURE(command[0]);
        const RunResult run = home.run(command);
        CHECK(run.exit_code == 2);
        CHECK(lines_of(run.err) ==
              std::vector<std::string>{
                  home.config.string() + ":1:8: error: \"bell\" must be true or false, not a "
                                         "string",
                  home.config.string() + ":2:1: error: unknown key \"auto_advanse\" in the "
                                         "settings; did you mean \"auto_advance\"?"});
    }
    CHECK(home.run({"--version"}).exit_code == 0); // help and version need no settings
}

TEST_CASE("the settings' categories and sessions folder are the defaults, and options win") {
    const Home home("categories = [\"dsa\"]\nsessions = \"~/prep\"\n");
    const RunResult drawn = home.run({"draw", "--count", "4", "--json"});
    CHECK(drawn.exit_code == 0);
    CHECK(count(drawn.out, "\"rubric\": \"dsa\"") == 4);
    const RunResult other = home.run({"draw", "--category", "nlp", "--json"});
    CHECK(count(other.out, "\"rubric\": \"nlp\"") == 1);

    const RunResult session = home.run(start_url, over_budget);
    CHECK(session.exit_code == 0);
    CHECK(files_ending(home.path("prep"), ".toml").size() == 1);
    CHECK(contains(home.run({"history"}).out, "Design a URL shortening service"));

    const Home wrong("categories = [\"dsa\", \"nlpp\"]\n");
    const RunResult refused = wrong.run({"draw"});
    CHECK(refused.exit_code == 2);
    CHECK(contains(refused.err, wrong.config.string() +
                                    ":1:14: error: unknown rubric \"nlpp\" in \"categories\"; did "
                                    "you mean \"nlp\"?"));
}

TEST_CASE("star_seconds sets a STAR answer's total, and --seconds beats it") {
    const Home home("star_seconds = 60\n");
    const std::vector<std::string> star = {"star", "--question", "mentoring", "--clock", "virtual"};
    CHECK(contains(home.run(star, "quit\n").out, "(total 01:00)"));
    auto with_option = star;
    with_option.insert(with_option.end(), {"--seconds", "100"});
    CHECK(contains(home.run(with_option, "quit\n").out, "(total 01:40)"));
}

TEST_CASE("hooks run when a budget runs out, on overtime and after the transcript is saved, "
          "with the facts in their environment") {
    const std::string record = "env | grep '^MOCKCOACH_' | sort > \"$HOME/$MOCKCOACH_EVENT.env\"";
    const Home home("[hooks]\nphase_end = '''" + record + "'''\novertime = '''" + record +
                    "'''\nsession_end = '''" + record + "'''\n");
    const RunResult run = home.run(start_url, over_budget);
    CHECK(run.exit_code == 0);
    CHECK(run.err.empty());
    const std::string phase_end = slurp(home.path("phase_end.env"));
    CHECK(phase_end == "MOCKCOACH_BUDGET_SECONDS=300\nMOCKCOACH_EVENT=phase_end\n"
                       "MOCKCOACH_PHASE=Requirements\nMOCKCOACH_PHASE_INDEX=1\n"
                       "MOCKCOACH_QUESTION_ID=url-shortener\nMOCKCOACH_RUBRIC=system-design\n"
                       "MOCKCOACH_USED_SECONDS=300\n"); // as when it ran out, not at the wait's end
    CHECK(contains(slurp(home.path("overtime.env")), "MOCKCOACH_EVENT=overtime\n"));
    const std::string end = slurp(home.path("session_end.env"));
    CHECK(contains(end, "MOCKCOACH_USED_SECONDS=301\n"));
    const auto saved = files_ending(home.path(".local/share/mockcoach/sessions"), ".toml");
    REQUIRE(saved.size() == 1);
    CHECK(contains(end, "MOCKCOACH_TRANSCRIPT=" + saved[0].string() + "\n"));
}

TEST_CASE("--on-phase-end replaces the settings' command and --no-hooks runs none") {
    const Home home("[hooks]\nphase_end = 'touch \"$HOME/from-file\"'\n");
    auto args = start_url;
    args.insert(args.end(), {"--on-phase-end", "touch \"$HOME/from-option\""});
    CHECK(home.run(args, over_budget).exit_code == 0);
    CHECK(fs::exists(home.path("from-option")));
    CHECK_FALSE(fs::exists(home.path("from-file")));

    auto quiet = start_url;
    quiet.push_back("--no-hooks");
    CHECK(home.run(quiet, over_budget).exit_code == 0);
    CHECK_FALSE(fs::exists(home.path("from-file")));
}

TEST_CASE("a wait past several budgets with auto-advance runs phase_end once for each phase") {
    // One late tick used to ring one bell: the later phases' hooks and lines were lost.
    const Home home("auto_advance = true\n\n[hooks]\nphase_end = "
                    "'touch \"$HOME/ended-$MOCKCOACH_PHASE_INDEX-$MOCKCOACH_USED_SECONDS\"'\n");
    const RunResult run = home.run(start_url, "wait 3600\nscore depth 3\n");
    CHECK(run.exit_code == 0);
    CHECK(run.err.empty());
    // Each phase left is said to have moved on (not to be over: the tool moved on by itself),
    // and each phase that started is announced.
    CHECK(contains(run.out, "time: Requirements moved on after its 05:00 budget\n"
                            "phase 2/4: High-Level Design (10:00)\n"));
    CHECK(contains(run.out, "time: High-Level Design moved on after its 10:00 budget\n"
                            "phase 3/4: Deep Dive (20:00)\n"));
    CHECK(contains(run.out, "time: Deep Dive moved on after its 20:00 budget\n"
                            "phase 4/4: Trade-offs (10:00)\n"));
    CHECK(contains(run.out, "time: Trade-offs moved on after its 10:00 budget\nkey points: "));
    CHECK(contains(run.out, "\nscoring: "));
    CHECK_FALSE(contains(run.out, "is over its"));
    for (const char* name : {"ended-1-300", "ended-2-600", "ended-3-1200", "ended-4-600"}) {
        CAPTURE(name);
        CHECK(fs::exists(home.path(name)));
    }
}

TEST_CASE("a failing or hanging hook is reported once and the session is saved all the same") {
    const Home home("[hooks]\nphase_end = 'echo oops; exit 7'\nsession_end = 'sleep 30'\n"
                    "timeout = 1\n");
    const RunResult run = home.run(start_url, "wait 301\nnext\nwait 601\nnext\nquit\n");
    CHECK(run.exit_code == 0);
    CHECK(contains(run.out, "saved: "));
    const auto errors = lines_of(run.err);
    REQUIRE(errors.size() == 2);
    CHECK(errors[0].starts_with("mockcoach: hook phase_end failed with exit status 7: echo oops; "
                                "exit 7 (output in " +
                                home.path(".cache/mockcoach/hooks.log").string()));
    CHECK(errors[1] == "mockcoach: hook session_end was still running after 1 s and was stopped: "
                       "sleep 30");
    CHECK(contains(slurp(home.path(".cache/mockcoach/hooks.log")), "\noops\n"));
}

TEST_CASE("config shows the settings, then refuses a category no rubric has, as start would") {
    const Home home("categories = [\"dsa\", \"ml-sytem-design\"]\n");
    const RunResult run = home.run({"config"});
    CHECK(run.exit_code == 2);
    CHECK(contains(run.out, "categories"));
    CHECK(run.err == home.config.string() +
                         ":1:14: error: unknown rubric \"ml-sytem-design\" in \"categories\"; did "
                         "you mean \"ml-system-design\"?\n");
}

TEST_CASE("SIGTERM ends a session at once: its hooks are stopped, not waited for") {
    // The session was saved at once, but mockcoach then waited up to the hooks' timeout.
    const Home home("[hooks]\nsession_end = 'exec sleep 30'\ntimeout = 30\n");
    const fs::path sessions = home.path("s");
    PtySession session(
        {MOCKCOACH_BINARY, "start", "--script", "--question", "url-shortener", "--sessions-dir",
         sessions.string()},
        {"HOME=" + home.home.path().string(), "PATH=/usr/bin:/bin", "TERM=dumb", "NO_COLOR=1"});
    session.send("note before the signal\nwait 600\n");
    REQUIRE(journal_holds(sessions, "before the signal"));
    const auto signalled = std::chrono::steady_clock::now();
    session.signal(SIGTERM);
    const int status = session.wait_exit(std::chrono::milliseconds(60000));
    // A hang guard well under the 30 s the hook would have been waited for.
    CHECK(std::chrono::steady_clock::now() - signalled < std::chrono::seconds(20));
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 128 + SIGTERM);
    CHECK(contains(session.output(), "hook session_end was stopped before it finished"));
    CHECK(only_transcript(sessions).status == transcript::Status::interrupted);
}

TEST_SUITE_END();
