// Scripted mode end to end, in memory: lines in, printed lines out, a virtual clock, and the
// transcript (or journal) it leaves in a temp folder.
#include "session/run_script.hpp"

#include "../temp_folder.hpp"
#include "plans.hpp"
#include "session/clock.hpp"
#include "session/journal.hpp"
#include "transcript/transcript.hpp"

#include "../strings.hpp"

#include <csignal>
#include <doctest/doctest.h>

using namespace mockcoach;
using namespace mockcoach::session;
using mockcoach::test_folders::contents;
using mockcoach::test_folders::TempFolder;
using mockcoach::test_plans::small_plan;
namespace fs = std::filesystem;

namespace {

// Runs `lines` as a script against a two-phase plan (1 and 2 minutes) in a fresh folder.
struct ScriptRun {
    TempFolder folder;
    VirtualClock clock{std::chrono::system_clock::from_time_t(1'700'000'000)};
    std::vector<std::string> printed;
    Ended result;
    fs::path journal;

    // `signal_after`: deliver SIGTERM once this many lines have been read (0: never).
    explicit ScriptRun(std::vector<std::string> lines, Plan plan = small_plan({60'000, 120'000}),
                       std::size_t signal_after = 0) {
        transcript::Transcript meta;
        meta.id = "scripted";
        meta.mode = "interview";
        meta.clock = "virtual";
        Recorder recorder(std::move(plan), meta, folder.path(), clock);
        journal = recorder.journal_path();
        std::size_t next = 0;
        ScriptIo io;
        io.read_line = [&]() -> std::optional<std::string> {
            if (next >= lines.size()) return std::nullopt;
            return lines[next++];
        };
        io.print = [&](const std::string& line) { printed.push_back(line); };
        io.take_signal = [&]() { return signal_after && next >= signal_after ? SIGTERM : 0; };
        Driver driver(recorder);
        result = run_script(driver, io);
    }

    transcript::Transcript saved() const {
        REQUIRE_FALSE(result.path.empty());
        Diagnostics problems;
        auto t = transcript::read_transcript("t", contents(result.path), problems);
        CHECK(problems.empty());
        REQUIRE(t.has_value());
        return *t;
    }

    bool printed_line(const std::string& text) const {
        return std::find(printed.begin(), printed.end(), text) != printed.end();
    }
};

Plan blind(Plan plan) {
    plan.blind = true;
    return plan;
}

} // namespace

TEST_SUITE_BEGIN("session/run_script");

TEST_CASE("a full scripted session is saved as completed with exact seconds") {
    const ScriptRun run({"# warm up", "note starting", "wait 45", "pause", "wait 20", "resume",
                         "next", "", "wait 130.4", "note late", "next", "score structure 4",
                         "score depth 3", "skip communication", "reflect went fine"});
    CHECK(run.result.kind == Ended::Kind::saved);
    CHECK(run.result.path == run.folder / "scripted.toml");
    CHECK(run.folder.names() == std::vector<std::string>{"scripted.toml"});

    const transcript::Transcript t = run.saved();
    CHECK(t.status == transcript::Status::completed);
    CHECK(t.clock == "virtual");
    REQUIRE(t.phases.size() == 2);
    CHECK(t.phases[0].used_seconds == 45);
    CHECK(t.phases[0].paused_seconds == 20);
    CHECK(t.phases[0].overtime_seconds == 0);
    REQUIRE(t.phases[0].notes.size() == 1);
    CHECK(t.phases[0].notes[0].at_seconds == 0);
    CHECK(t.phases[0].notes[0].text == "starting");
    CHECK(t.phases[1].used_seconds == 130);
    CHECK(t.phases[1].overtime_seconds == 10);
    REQUIRE(t.phases[1].notes.size() == 1);
    CHECK(t.phases[1].notes[0].at_seconds == 130);
    REQUIRE(t.scores.size() == 2);
    CHECK(t.scores[0].value == 4);
    CHECK(t.scores[1].value == 3);
    CHECK(t.skipped == std::vector<std::string>{"communication"});
    CHECK(t.mean_score == 3.5);
    CHECK(t.reflection == "went fine");
    // The end is the start plus the 195.4 s the session ran, to the second.
    const auto seconds_of = [](const WallTime& when) {
        const CivilTime local = civil_of(when);
        return local.hour * 3600 + local.minute * 60 + local.second;
    };
    CHECK((seconds_of(t.ended_at) - seconds_of(t.started_at) + 86'400) % 86'400 == 195);

    CHECK(run.printed ==
          std::vector<std::string>{
              "phase 1/2: Clarify (01:00)\n  - Clarify: first prompt\n  - Clarify: second prompt",
              "phase 2/2: Design (02:00)\n  - Design: first prompt\n  - Design: second prompt",
              "time: Design is over its 02:00 budget", "scoring: structure, depth, communication"});
}

TEST_CASE("a wait up to a phase's budget says it is used, not over; past it, over") {
    // Over means past the budget: at exactly 01:00 the summary shows no overrun either.
    const ScriptRun exact({"wait 59.999", "wait 0.001", "wait 30"});
    REQUIRE(exact.printed.size() == 2);
    CHECK(exact.printed[1] == "time: Clarify has used its 01:00 budget");
    const ScriptRun past({"wait 59.999", "wait 0.002"});
    REQUIRE(past.printed.size() == 2);
    CHECK(past.printed[1] == "time: Clarify is over its 01:00 budget");
}

TEST_CASE("with auto-advance a wait past several budgets announces every phase it moves to") {
    Plan plan = small_plan({60'000, 120'000, 30'000});
    plan.auto_advance = true;
    const ScriptRun run({"wait 240"}, plan);
    CHECK(run.printed ==
          std::vector<std::string>{
              "phase 1/3: Clarify (01:00)\n  - Clarify: first prompt\n  - Clarify: second prompt",
              "time: Clarify moved on after its 01:00 budget",
              "phase 2/3: Design (02:00)\n  - Design: first prompt\n  - Design: second prompt",
              "time: Design moved on after its 02:00 budget",
              "phase 3/3: Deep dive (00:30)\n  - Deep dive: first prompt\n  - Deep dive: second "
              "prompt",
              "time: Deep dive moved on after its 00:30 budget",
              "scoring: structure, depth, communication"});
}

TEST_CASE("the time line gives the budget with its extension") {
    const ScriptRun run({"extend 1", "wait 121"});
    CHECK(run.printed_line("time: Clarify is over its 02:00 budget"));
}

TEST_CASE("a bad line stops the script with its line number and keeps the journal") {
    const ScriptRun run({"note one", "", "# comment", "score depth 9", "next"});
    CHECK(run.result.kind == Ended::Kind::refused);
    CHECK(run.result.line == 4);
    CHECK(run.result.error == "score needs a criterion id and a whole number from 1 to 5");
    CHECK(run.result.path.empty());
    CHECK(fs::exists(run.journal));
    CHECK(run.folder.names() == std::vector<std::string>{"scripted.journal"});
}

TEST_CASE("a command the engine refuses is a bad line with the engine's message") {
    const ScriptRun run({"pause", "pause"});
    CHECK(run.result.kind == Ended::Kind::refused);
    CHECK(run.result.line == 2);
    CHECK(run.result.error == "already paused");
    // Blank (no time passed, nothing typed): nothing is left for a junk session later.
    CHECK_FALSE(fs::exists(run.journal));
    const ScriptRun with_note({"note cache the hot keys", "pause", "pause"});
    CHECK(with_note.result.line == 3);
    CHECK(fs::exists(with_note.journal));
}

TEST_CASE("the end of input in the middle of a phase saves it as interrupted") {
    const ScriptRun run({"wait 20", "next", "wait 5.6"});
    CHECK(run.result.kind == Ended::Kind::saved);
    CHECK(run.folder.names() == std::vector<std::string>{"scripted.toml"});
    const transcript::Transcript t = run.saved();
    CHECK(t.status == transcript::Status::interrupted);
    CHECK(t.phases[0].used_seconds == 20);
    CHECK(t.phases[1].used_seconds == 6);
}

TEST_CASE("the end of input after quit saves the session as ended early") {
    const ScriptRun run({"wait 10", "quit", "score depth 2"});
    const transcript::Transcript t = run.saved();
    CHECK(t.status == transcript::Status::ended_early);
    CHECK(t.phases[0].used_seconds == 10);
    CHECK(t.phases[1].used_seconds == 0);
}

TEST_CASE("the end of input before any command saves nothing and removes the journal") {
    const ScriptRun run({"", "# nothing to do", "   "});
    CHECK(run.result.kind == Ended::Kind::abandoned);
    CHECK(run.result.path.empty());
    CHECK(run.printed.empty());
    CHECK(run.folder.names().empty());
}

TEST_CASE("a blind session whose script does not guess first stops at that line") {
    const ScriptRun run({"# blind", "next"}, blind(small_plan({60'000, 120'000})));
    CHECK(run.result.kind == Ended::Kind::refused);
    CHECK(run.result.line == 2);
    CHECK(run.result.error == "name the category first (guess RUBRIC_ID)");
}

TEST_CASE("a blind session's guess is printed right or wrong and saved") {
    const ScriptRun right({"guess system-design", "wait 1"}, blind(small_plan({60'000})));
    CHECK(right.printed.front() == "guess: system-design (right)");
    CHECK(right.saved().category_guess_correct == true);

    const ScriptRun wrong({"guess coding", "quit"}, blind(small_plan({60'000})));
    CHECK(wrong.printed.front() == "guess: coding (wrong)");
    CHECK(wrong.saved().category_guess == "coding");
    CHECK(wrong.saved().category_guess_correct == false);
}

TEST_CASE("a signal during the session saves it as interrupted") {
    const ScriptRun run({"wait 30", "wait 30", "next"}, small_plan({60'000, 120'000}), 2);
    CHECK(run.result.kind == Ended::Kind::signalled);
    CHECK(run.result.signal == SIGTERM);
    const transcript::Transcript t = run.saved();
    CHECK(t.status == transcript::Status::interrupted);
    CHECK(t.phases[0].used_seconds == 30); // the second line was never run
}

TEST_CASE("a signal before the session starts saves nothing") {
    const ScriptRun run({"next"}, small_plan({60'000}), 1);
    CHECK(run.result.kind == Ended::Kind::signalled);
    CHECK(run.result.path.empty());
    CHECK(run.folder.names().empty());
}

namespace {

// A virtual clock that records the descriptor each sleep was told to wake on.
class WatchedClock final : public Clock {
  public:
    Millis now() override { return now_; }
    std::chrono::system_clock::time_point wall_start() const override {
        return std::chrono::system_clock::from_time_t(1'700'000'000);
    }
    std::chrono::steady_clock::time_point real_deadline(Millis) const override {
        return std::chrono::steady_clock::now();
    }
    std::vector<int> wake_fds;

  private:
    bool wait_until(Millis deadline, int wake_fd) override {
        wake_fds.push_back(wake_fd);
        now_ = std::max(now_, deadline);
        return true;
    }
    Millis now_ = 0;
};

} // namespace

TEST_CASE("a scripted wait sleeps on the signal pipe it was given, so a signal wakes it") {
    TempFolder folder;
    WatchedClock clock;
    transcript::Transcript meta;
    meta.id = "scripted";
    meta.mode = "interview";
    meta.clock = "virtual";
    Recorder recorder(small_plan({60'000, 120'000}), meta, folder.path(), clock);
    std::vector<std::string> lines = {"wait 30", "wait 10"};
    std::size_t next = 0;
    ScriptIo io;
    io.read_line = [&]() -> std::optional<std::string> {
        if (next >= lines.size()) return std::nullopt;
        return lines[next++];
    };
    io.print = [](const std::string&) {};
    io.take_signal = [] { return 0; };
    io.wake_fd = 42;
    Driver driver(recorder);
    run_script(driver, io);
    CHECK(clock.wake_fds == std::vector<int>{42, 42});
}

TEST_SUITE_END();

TEST_CASE("follow-ups print as interviewer lines at their times, before the budget runs out") {
    Plan plan = small_plan({300'000, 240'000});
    plan.phases[0].probes = {{100'000, "What read/write ratio do you expect?"},
                             {200'000, "Which region fails first?"}};
    plan.phases[1].probes = {{90'000, "Where does the cache sit?"}};
    plan.key_points = {"Sizes the write rate", "Names base62 codes"};
    const ScriptRun run({"wait 99", "check 2", "wait 1", "wait 250", "next", "wait 100", "check 1",
                         "check 1", "check 2", "quit", "point 1 covered", "point 2 partly",
                         "score structure 3"},
                        plan);
    const auto at = [&](const std::string& text) {
        return std::find(run.printed.begin(), run.printed.end(), text) - run.printed.begin();
    };
    const auto first = at("interviewer (Clarify, 01:40): What read/write ratio do you expect?");
    const auto second = at("interviewer (Clarify, 03:20): Which region fails first?");
    const auto over = at("time: Clarify is over its 05:00 budget");
    const auto design = at("interviewer (Design, 01:30): Where does the cache sit?");
    CHECK(first < second);
    CHECK(second < over); // a long wait prints the probe it passed before the budget line
    CHECK(over < design);
    CHECK(design < static_cast<std::ptrdiff_t>(run.printed.size()));
    const auto points = at("key points: mark each, point N covered|partly|missed");
    CHECK(at("  1. Sizes the write rate") == points + 1);
    CHECK(points < at("scoring: structure, depth, communication"));

    const transcript::Transcript t = run.saved();
    REQUIRE(t.phases[0].followups.size() == 2);
    CHECK(t.phases[0].followups[1].at_seconds == 200);
    CHECK(t.phases[0].followups[1].text == "Which region fails first?");
    REQUIRE(t.phases[1].followups.size() == 1);
    REQUIRE(t.phases[0].checks.size() == 1);
    CHECK(t.phases[0].checks[0].prompt == 2);
    CHECK(t.phases[0].checks[0].at_seconds == 99);
    REQUIRE(t.phases[1].checks.size() == 1); // prompt 1 ticked twice is unticked
    CHECK(t.phases[1].checks[0].prompt == 2);
    REQUIRE(t.key_points.size() == 2);
    CHECK(t.key_points[0].result == transcript::Coverage::covered);
    CHECK(t.key_points[1].result == transcript::Coverage::partly);
}

TEST_CASE("a killed session's journal keeps the follow-ups raised and the ticks") {
    Plan plan = small_plan({300'000, 240'000});
    plan.phases[0].probes = {{100'000, "What read/write ratio do you expect?"}};
    plan.key_points = {"Sizes the write rate"};
    // A bad line keeps the journal, as kill -9 would leave it.
    const ScriptRun run({"wait 150", "check 1", "wait 10", "frobnicate"}, plan);
    REQUIRE(run.result.kind == Ended::Kind::refused);
    REQUIRE(run.result.journal_kept);
    const std::string journal = contents(run.journal);
    CHECK(journal.find("kind = \"followup\"") != std::string::npos);
    Diagnostics problems;
    const auto read = read_journal("j", journal, problems);
    REQUIRE(read.has_value());
    const transcript::Transcript t = replay(*read);
    REQUIRE(t.phases[0].followups.size() == 1);
    CHECK(t.phases[0].followups[0].at_seconds == 100);
    REQUIRE(t.phases[0].checks.size() == 1);
    CHECK(t.key_points.size() == 1);
}
