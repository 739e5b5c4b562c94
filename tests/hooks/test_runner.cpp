// Hook processes: the facts arrive in the environment, output stays in the log, failures and
// hangs are reported once, and nothing the runner does waits on a hook.
#include "hooks/hooks.hpp"

#include "../strings.hpp"
#include "../temp_folder.hpp"

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <doctest/doctest.h>
#include <fstream>
#include <sstream>

using namespace mockcoach::testing;

using namespace mockcoach;
using namespace mockcoach::hooks;
using mockcoach::test_folders::TempFolder;
namespace fs = std::filesystem;
using std::chrono::milliseconds;
using Clock = std::chrono::steady_clock;

namespace {

Facts phase_facts() {
    Facts facts;
    facts.event = Event::phase_end;
    facts.rubric = "system-design";
    facts.question_id = "url-shortener";
    facts.phase = "Requirements";
    facts.phase_index = 1;
    facts.budget_seconds = 300;
    facts.used_seconds = 301;
    return facts;
}

} // namespace

TEST_SUITE_BEGIN("hooks/runner");

TEST_CASE("the facts are environment variables, the transcript only when there is one") {
    CHECK(environment(phase_facts()) ==
          std::vector<std::string>{"MOCKCOACH_EVENT=phase_end", "MOCKCOACH_RUBRIC=system-design",
                                   "MOCKCOACH_QUESTION_ID=url-shortener",
                                   "MOCKCOACH_PHASE=Requirements", "MOCKCOACH_PHASE_INDEX=1",
                                   "MOCKCOACH_BUDGET_SECONDS=300", "MOCKCOACH_USED_SECONDS=301"});
    Facts end;
    end.event = Event::session_end;
    end.transcript = "/s/x.toml";
    CHECK(environment(end).back() == "MOCKCOACH_TRANSCRIPT=/s/x.toml");
}

TEST_CASE("a hook gets its facts in the environment, never in its text, and its output goes "
          "to the log") {
    const TempFolder folder;
    const fs::path out = folder.path() / "facts";
    Commands commands;
    commands.phase_end = "env | grep '^MOCKCOACH_' | sort > '" + out.string() + "'; echo said";
    Runner runner(commands, folder.path() / "log" / "hooks.log");
    Facts facts = phase_facts();
    facts.phase = "$(touch '" + (folder.path() / "pwned").string() + "')";
    runner.fire(facts);
    runner.finish();
    CHECK(runner.take_reports().empty());
    const std::string seen = slurp(out);
    CHECK(seen.find("MOCKCOACH_EVENT=phase_end\n") != std::string::npos);
    CHECK(seen.find("MOCKCOACH_PHASE=$(touch") != std::string::npos);
    CHECK_FALSE(fs::exists(folder.path() / "pwned"));
    const std::string log = slurp(folder.path() / "log" / "hooks.log");
    CHECK(log.find("== phase_end (phase 1): env") == 0);
    CHECK(log.find("\nsaid\n") != std::string::npos);
}

TEST_CASE("an event without a command runs nothing") {
    const TempFolder folder;
    Runner runner({}, folder.path() / "hooks.log");
    runner.fire(phase_facts());
    CHECK(runner.running() == 0);
    CHECK_FALSE(fs::exists(folder.path() / "hooks.log"));
}

TEST_CASE("a failing hook is reported once, however often it fails") {
    const TempFolder folder;
    Commands commands;
    commands.phase_end = "exit 3";
    Runner runner(commands, folder.path() / "hooks.log");
    runner.fire(phase_facts());
    runner.fire(phase_facts());
    runner.finish();
    const auto reports = runner.take_reports();
    REQUIRE(reports.size() == 1);
    CHECK(reports[0].starts_with("hook phase_end failed with exit status 3: exit 3 (output in "));
    CHECK(runner.take_reports().empty());
}

TEST_CASE("a hanging hook never holds up the caller, and is killed at its timeout") {
    const TempFolder folder;
    Commands commands;
    commands.overtime = "sleep 30 & sleep 30"; // a child of its own, killed with its group
    // A timeout long enough that the poll below comes before it even on a loaded machine (the
    // suite failed once with 300 ms while fuzzers had both cores).
    commands.timeout = milliseconds(1500);
    Runner runner(commands, folder.path() / "hooks.log");
    Facts facts = phase_facts();
    facts.event = Event::overtime;
    const auto start = Clock::now();
    runner.fire(facts);
    // The bounds below are hang guards, not speed tests: each sits far below the 30 s a hook
    // left running (or waited for) would take.
    CHECK(Clock::now() - start < milliseconds(15000));
    CHECK(runner.running() == 1);
    runner.poll(); // not yet due: nothing happens
    CHECK(runner.running() == 1);
    runner.finish();
    const auto took = Clock::now() - start;
    CHECK(took >= milliseconds(1500));
    CHECK(took < milliseconds(25000));
    CHECK(runner.running() == 0);
    const auto reports = runner.take_reports();
    REQUIRE(reports.size() == 1);
    CHECK(reports[0] ==
          "hook overtime was still running after 1500 ms and was stopped: sleep 30 & sleep 30");
}

TEST_CASE("finish stops the hooks still running when its stop fd turns readable") {
    // Ctrl-C while mockcoach waits for its hooks: they run in sessions of their own, so
    // nothing else would stop them before their timeout.
    const TempFolder folder;
    Commands commands;
    commands.session_end = "sleep 30 & sleep 30";
    commands.timeout = milliseconds(60'000);
    Runner runner(commands, folder.path() / "hooks.log");
    Facts facts = phase_facts();
    facts.event = Event::session_end;
    runner.fire(facts);
    int stop[2];
    REQUIRE(::pipe(stop) == 0);
    REQUIRE(::write(stop[1], "x", 1) == 1);
    const auto start = Clock::now();
    runner.finish(stop[0]);
    CHECK(Clock::now() - start < milliseconds(20'000)); // a hang guard: the hook sleeps 30 s
    CHECK(runner.running() == 0);
    const auto reports = runner.take_reports();
    REQUIRE(reports.size() == 1);
    CHECK(reports[0] == "hook session_end was stopped before it finished: sleep 30 & sleep 30");
    ::close(stop[0]);
    ::close(stop[1]);
}

TEST_CASE("with SIGCHLD ignored, a finished hook is not waited for forever") {
    // A parent may hand mockcoach SIGCHLD ignored; the kernel then reaps hooks itself and
    // waitpid says ECHILD. finish() used to wait for them without end.
    struct Restore {
        struct sigaction old {};
        ~Restore() { ::sigaction(SIGCHLD, &old, nullptr); }
    } restore;
    struct sigaction ignore {};
    ignore.sa_handler = SIG_IGN;
    ::sigaction(SIGCHLD, &ignore, &restore.old);
    const TempFolder folder;
    Commands commands;
    commands.phase_end = "true";
    Runner runner(commands, folder.path() / "hooks.log");
    const auto start = Clock::now();
    runner.fire(phase_facts());
    runner.finish();
    CHECK(Clock::now() - start < milliseconds(30000)); // a hang guard: it used to never return
    CHECK(runner.running() == 0);
    CHECK(runner.take_reports().empty());
}

TEST_CASE("a fact a hook's event does not set is not inherited from mockcoach's environment") {
    const TempFolder folder;
    const fs::path out = folder.path() / "facts";
    ::setenv("MOCKCOACH_TRANSCRIPT", "/stale/session.toml", 1);
    Commands commands;
    commands.phase_end = "echo \"[${MOCKCOACH_TRANSCRIPT-unset}]\" > '" + out.string() + "'";
    Runner runner(commands, folder.path() / "hooks.log");
    runner.fire(phase_facts());
    runner.finish();
    ::unsetenv("MOCKCOACH_TRANSCRIPT");
    CHECK(slurp(out) == "[unset]\n");
}

TEST_SUITE_END();
