// `mockcoach loop` end to end: a scripted four-round day under the virtual clock, a day killed
// with SIGKILL in round 3 and resumed with rounds 1-2 untouched, history --loop, show LOOP_ID,
// and the errors a user meets.
#include "piped_run.hpp"
#include "run_binary.hpp"
#include "session_files.hpp"

#include "../strings.hpp"

#include "tomlfile/tomlfile.hpp"
#include "util/files.hpp"

#include <csignal>
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <map>
#include <sys/wait.h>

using namespace mockcoach;
using namespace mockcoach::testing;

namespace {

// Four short rounds, one category each, so that a script knows each round's criteria.
const char* short_day = R"(format = 1
name = "A short day"
description = "Four short rounds for the tests"

[[round]]
name = "Coding"
categories = ["dsa"]
minutes = 10
break_minutes = 5

[[round]]
name = "ML system design"
categories = ["ml-system-design"]
minutes = 8
break_minutes = 5

[[round]]
name = "ML depth"
categories = ["machine-learning"]
minutes = 12
break_minutes = 5

[[round]]
name = "Behavioral"
categories = ["behavioral"]
minutes = 6
)";

struct RoundScript {
    int phases;
    std::vector<std::string> criteria;
};
const std::vector<RoundScript> rounds = {
    {5, {"understanding", "approach", "code", "testing", "complexity", "communication"}},
    {4, {"framing", "data-features", "modeling", "production", "evaluation", "trade-offs"}},
    {6,
     {"framing", "algorithm-choice", "fundamentals", "evaluation", "iteration", "communication"}},
    {4, {"structure", "ownership", "technical-substance", "collaboration", "impact", "reflection"}},
};

// Round `n` (from 1) answered in a minute and scored `value` on every criterion.
std::string round_script(int n, int value) {
    const RoundScript& round = rounds[static_cast<std::size_t>(n - 1)];
    std::string script = "note round " + std::to_string(n) + " opening\nwait 60\n";
    for (int i = 0; i < round.phases; ++i) script += "next\n";
    for (const std::string& criterion : round.criteria)
        script += "score " + criterion + " " + std::to_string(value) + "\n";
    return script + "reflect round " + std::to_string(n) + " done\nquit\n";
}

const int scores[] = {4, 3, 2, 5};

std::string whole_day() {
    return round_script(1, 4) + "wait 120\nwait 200\n" + round_script(2, 3) + "skip\n" +
           round_script(3, 2) + "wait 300\n" + round_script(4, 5);
}

// A HOME whose settings hold the short day; the loop's sessions go to HOME/sessions.
std::filesystem::path make_home(const TempDir& home) {
    home.write(".config/mockcoach/profiles/short-day.toml", short_day);
    return home.path() / "sessions";
}

std::vector<std::string> loop_args(const std::filesystem::path& sessions,
                                   std::vector<std::string> extra = {}) {
    std::vector<std::string> args{"loop",    "--profile",      "short-day",
                                  "--clock", "virtual",        "--seed",
                                  "5",       "--sessions-dir", sessions.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
}

transcript::Transcript read_back(const std::filesystem::path& path) {
    Diagnostics problems;
    const auto bytes = read_file(path, tomlfile::max_file_bytes, problems);
    REQUIRE(bytes);
    auto record = transcript::read_transcript(path.string(), *bytes, problems);
    INFO(path.string());
    REQUIRE(record);
    return *record;
}

// The loop's id, from its one state file.
std::string loop_id_in(const std::filesystem::path& sessions) {
    const auto states = files_ending(sessions / "loops", ".toml");
    REQUIRE(states.size() == 1);
    return states.front().stem().string();
}

} // namespace

TEST_SUITE_BEGIN("e2e/loop");

TEST_CASE("a scripted four-round day under the virtual clock runs to its summary") {
    TempDir home;
    const auto sessions = make_home(home);
    RunOptions options = with_home(home.path());
    options.input = whole_day();
    const RunResult run = run_mockcoach(loop_args(sessions), options);
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    CHECK(run.out.find("round 1: Coding \u00b7 Data Structures & Algorithms \u00b7 10 min, then "
                       "a 5 min break") != std::string::npos);
    CHECK(run.out.find("total: 51:00 \u00b7 expected end") != std::string::npos);
    CHECK(run.out.find("break: 05:00 before round 2 of 4, ML system design (8 min)") !=
          std::string::npos);
    CHECK(run.out.find("break: 03:00 left\nbreak: over") != std::string::npos);
    CHECK(run.out.find("break: skipped with 05:00 left") != std::string::npos);
    CHECK(run.out.find("Weakest round: 3 ML depth (2.0)") != std::string::npos);
    CHECK(run.out.find("Total 04:00 of 36:00 \u00b7 mean 3.5") != std::string::npos);

    const std::string id = loop_id_in(sessions);
    CHECK(id.ends_with("-short-day"));
    const auto files = files_ending(sessions, ".toml");
    REQUIRE(files.size() == 4);
    std::vector<int> seen;
    std::int64_t previous_start = 0;
    for (const auto& file : files) {
        const auto t = read_back(file);
        REQUIRE(t.loop);
        CHECK(t.loop->id == id);
        CHECK(t.loop->rounds == 4);
        CHECK(t.status == transcript::Status::completed);
        CHECK(*t.mean_score == doctest::Approx(scores[t.loop->round - 1]));
        // Each round's phases sum to its minutes: 10, 8, 12 and 6.
        CHECK(t.budget_seconds() == std::vector<int>{600, 480, 720, 360}[t.loop->round - 1]);
        // The virtual clock moves through rounds and breaks: each round starts after the last.
        CHECK(epoch_seconds(t.started_at) > previous_start);
        previous_start = epoch_seconds(t.started_at);
        seen.push_back(t.loop->round);
        CHECK(slurp(file).find("format = 3\n") != std::string::npos);
    }
    CHECK(seen == std::vector<int>{1, 2, 3, 4});
    const std::string state = slurp(sessions / "loops" / (id + ".toml"));
    CHECK(state.find("finished_at = ") != std::string::npos);
    CHECK(state.find("break = \"skipped\"") != std::string::npos);

    SUBCASE("score LOOP_ID refuses, naming the rounds' sessions to score instead") {
        const RunResult score =
            run_mockcoach({"score", id, "--by", "Sam", "--criterion", "communication=3",
                           "--sessions-dir", sessions.string()},
                          with_home(home.path()));
        CHECK(score.exit_code == 2);
        CHECK(score.out.empty());
        CHECK(score.err.starts_with("mockcoach: error: " + id +
                                    " is a loop (an onsite day), not a session; a review is of "
                                    "one round: score one of its sessions (`mockcoach show " +
                                    id + "` shows the day):\n  round 1: "));
        for (const std::filesystem::path& file : files_ending(sessions, ".toml")) {
            const transcript::Transcript t = read_back(file);
            REQUIRE(t.loop);
            CHECK(score.err.find("\n  round " + std::to_string(t.loop->round) + ": " + t.id) !=
                  std::string::npos);
            CHECK(t.reviews.empty());
        }
    }
    SUBCASE("history --loop groups the day under one line with its overall mean") {
        const RunResult history = run_mockcoach(
            {"history", "--loop", "--sessions-dir", sessions.string()}, with_home(home.path()));
        CHECK(history.exit_code == 0);
        CHECK(history.err.empty());
        const auto lines = lines_of(history.out);
        REQUIRE(lines.size() == 7);
        CHECK(lines[1].find("loop " + id + " \u00b7 A short day \u00b7 mean 3.5") !=
              std::string::npos);
        // The day's date stands under DATE, as its rounds' dates do (not under ROUND).
        REQUIRE(lines[0].find("DATE") != std::string::npos);
        CHECK(lines[1].find_first_not_of(' ') == lines[0].find("DATE"));
        CHECK(lines[1].substr(lines[0].find("DATE"), 10) ==
              lines[2].substr(lines[0].find("DATE"), 10));
        CHECK(lines[2].starts_with("  1/4 "));
        CHECK(lines[5].starts_with("  4/4 "));
        CHECK(lines[6] == "1 loop");
    }
    SUBCASE("history --format json gives each session's loop, round and question of the round") {
        const RunResult json =
            run_mockcoach({"history", "--format", "json", "--sessions-dir", sessions.string()},
                          with_home(home.path()));
        CHECK(json.exit_code == 0);
        for (int round = 1; round <= 4; ++round)
            CHECK(json.out.find(fmt::format("\"loop\": \"{}\",\n    \"round\": {},\n    "
                                            "\"rounds\": 4,\n    \"round_question\": 1,\n    "
                                            "\"round_questions\": 1\n",
                                            id, round)) != std::string::npos);
    }
    SUBCASE("show LOOP_ID prints the day's summary, and a part of the id finds it too") {
        const RunResult show = run_mockcoach({"show", id, "--sessions-dir", sessions.string()},
                                             with_home(home.path()));
        CHECK(show.exit_code == 0);
        CHECK(show.out.starts_with("Loop " + id + "\n"));
        CHECK(show.out.find("Weakest round: 3 ML depth (2.0)") != std::string::npos);
        const RunResult part = run_mockcoach(
            {"show", "short-day", "--sessions-dir", sessions.string()}, with_home(home.path()));
        CHECK(part.out == show.out);
        const RunResult json =
            run_mockcoach({"show", id, "--format", "json", "--sessions-dir", sessions.string()},
                          with_home(home.path()));
        CHECK(json.exit_code == 0);
        CHECK(json.out.starts_with("{\n  \"loop\": \"" + id +
                                   "\",\n  \"profile_name\": \"A short day\""));
        CHECK(json.out.find("\"weakest_round\": 3") != std::string::npos);
    }
    SUBCASE("a part that names the loop and its sessions shows the newest session, naming the "
            "loop") {
        // The day's date, or less of it when the virtual day ran past midnight (the rounds'
        // ids then start with the next date): the part must name the loop and every session.
        std::size_t common = 8;
        for (const auto& file : files) {
            const std::string stem = file.stem().string();
            std::size_t same = 0;
            while (same < common && same < stem.size() && stem[same] == id[same]) ++same;
            common = same;
        }
        REQUIRE(common >= 2);
        const std::string part = id.substr(0, common);
        const RunResult show = run_mockcoach({"show", part, "--sessions-dir", sessions.string()},
                                             with_home(home.path()));
        CHECK(show.exit_code == 0);
        CHECK(show.err.starts_with("mockcoach: loop " + id + " also matches \"" + part +
                                   "\"; `mockcoach show " + id + "` shows the day\n"));
        CHECK(show.err.find("4 sessions match \"" + part + "\"; showing the newest, " +
                            files.back().stem().string()) != std::string::npos);
        CHECK_FALSE(show.out.starts_with("Loop "));
        const RunResult newest =
            run_mockcoach({"show", files.back().string(), "--sessions-dir", sessions.string()},
                          with_home(home.path()));
        CHECK(show.out == newest.out);
    }
    SUBCASE("a finished day is not resumed") {
        const RunResult resume = run_mockcoach(
            {"loop", "--resume", "--sessions-dir", sessions.string()}, with_home(home.path()));
        CHECK(resume.exit_code == 2);
        CHECK(resume.err.find("every loop is finished") != std::string::npos);
    }
}

TEST_CASE("killed with SIGKILL in round 3, the day resumes there with rounds 1-2 untouched") {
    TempDir home;
    const auto sessions = make_home(home);
    std::string id;
    {
        PipedRun run(home.path(), loop_args(sessions));
        run.send(round_script(1, 4) + "skip\n" + round_script(2, 3) + "skip\n" +
                 "note round 3 was going well\nwait 90\n");
        REQUIRE(journal_holds(sessions, "round 3 was going well"));
        const RunResult twice = run_mockcoach(
            {"loop", "--resume", "--sessions-dir", sessions.string()}, with_home(home.path()));
        CHECK(twice.exit_code == 1);
        CHECK(twice.err.find("is running in another mockcoach") != std::string::npos);
        const int status = run.kill(SIGKILL);
        CHECK(WIFSIGNALED(status));
    }
    id = loop_id_in(sessions);
    const auto before = files_ending(sessions, ".toml");
    REQUIRE(before.size() == 2);
    const std::string first = slurp(before[0]), second = slurp(before[1]);
    REQUIRE(files_ending(sessions, ".journal").size() == 1);

    // Tab completion offers the day to resume.
    const RunResult complete = run_mockcoach(
        {"__complete", "bash", "--", "loop", "--sessions-dir", sessions.string(), "--resume", ""},
        with_home(home.path()));
    CHECK(lines_of(complete.out) == std::vector<std::string>{"words", id});

    // A day in progress, its state file and a journal beside the transcripts: history reads
    // them without a warning.
    const RunResult history =
        run_mockcoach({"history", "--sessions-dir", sessions.string()}, with_home(home.path()));
    CHECK(history.exit_code == 0);
    CHECK(history.err.empty());

    RunOptions options = with_home(home.path());
    options.input = round_script(3, 2) + "wait 300\n" + round_script(4, 5);
    const RunResult resume = run_mockcoach(
        {"loop", "--resume", "--clock", "virtual", "--sessions-dir", sessions.string()}, options);
    INFO(resume.err);
    REQUIRE(resume.exit_code == 0);
    CHECK(resume.err.find("recovered an interrupted session") != std::string::npos);
    CHECK(resume.out.starts_with("resuming at round 3 of 4\nits question machine-learning/"));
    CHECK(resume.out.find("is asked again from the start; the interrupted attempt is kept as") !=
          std::string::npos);
    CHECK(resume.out.find("round 1:") == std::string::npos);
    CHECK(resume.out.find("Total") != std::string::npos);
    CHECK(resume.out.find("Weakest round: 3 ML depth (2.0)") != std::string::npos);

    // Rounds 1 and 2, byte for byte; round 3 twice: the interrupted attempt, with what was
    // typed, and the one that counts.
    CHECK(slurp(before[0]) == first);
    CHECK(slurp(before[1]) == second);
    CHECK(files_ending(sessions, ".journal").empty());
    int interrupted = 0, completed_third = 0;
    for (const auto& file : files_ending(sessions, ".toml")) {
        const auto t = read_back(file);
        REQUIRE(t.loop);
        CHECK(t.loop->id == id);
        if (t.loop->round != 3) continue;
        if (t.status == transcript::Status::interrupted) {
            ++interrupted;
            REQUIRE_FALSE(t.phases.empty());
            REQUIRE(t.phases[0].notes.size() == 1);
            CHECK(t.phases[0].notes[0].text == "round 3 was going well");
        } else {
            ++completed_third;
        }
    }
    CHECK(interrupted == 1);
    CHECK(completed_third == 1);
    CHECK(files_ending(sessions, ".toml").size() == 5);
}

TEST_CASE("a round with --scratch whose pad nobody wrote in leaves no empty pad behind") {
    TempDir home;
    const auto sessions = make_home(home);
    RunOptions options = with_home(home.path());
    options.input = round_script(1, 4) + "wait 60\n";
    const RunResult run = run_mockcoach(loop_args(sessions, {"--scratch"}), options);
    INFO(run.err);
    CHECK(run.exit_code == 0);
    CHECK(run.out.find("scratch: " + sessions.string()) != std::string::npos);
    CHECK(files_ending(sessions, ".toml").size() == 1);
    CHECK(files_ending(sessions, ".scratch.txt").empty());
    CHECK(run.err.find("scratch") == std::string::npos); // quietly
}

TEST_CASE("a script that ends mid-day leaves it to resume, and SIGTERM in a round too") {
    TempDir home;
    const auto sessions = make_home(home);
    RunOptions options = with_home(home.path());
    options.input = round_script(1, 4) + "wait 60\n";
    const RunResult run = run_mockcoach(loop_args(sessions), options);
    CHECK(run.exit_code == 0);
    CHECK(run.err.find("stopped in the break after round 1; the day is saved: go on with "
                       "`mockcoach loop --resume ") != std::string::npos);

    PipedRun resumed(home.path(), {"loop", "--resume", "--clock", "virtual", "--sessions-dir",
                                   sessions.string()});
    resumed.send("note two\nwait 30\n");
    REQUIRE(journal_holds(sessions, "note"));
    const int status = resumed.kill(SIGTERM);
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 128 + SIGTERM);
    // Saved as interrupted at once: no journal is left, and round 2 is asked again on resume.
    CHECK(files_ending(sessions, ".journal").empty());
    CHECK(files_ending(sessions, ".toml").size() == 2);
    options.input = round_script(2, 3) + "quit\n";
    const RunResult again = run_mockcoach(
        {"loop", "--resume", "--clock", "virtual", "--sessions-dir", sessions.string()}, options);
    CHECK(again.exit_code == 0);
    CHECK(again.out.starts_with("resuming at round 2 of 4\n"));
    CHECK(again.err.find("stopped in the break after round 2") != std::string::npos);
}

TEST_CASE("a virtual day resumes on its own clock, after the rounds it already ran") {
    TempDir home;
    const auto sessions = make_home(home);
    RunOptions options = with_home(home.path());
    // Round 1 runs some virtual minutes ahead of the real clock, then the day stops.
    options.input = round_script(1, 4) + "wait 200\nquit\n";
    const RunResult first = run_mockcoach(loop_args(sessions), options);
    REQUIRE(first.exit_code == 0);
    const std::string id = loop_id_in(sessions);
    CHECK(slurp(sessions / "loops" / (id + ".toml")).find("clock = \"virtual\"\n") !=
          std::string::npos);
    // No --clock: the day's own (virtual) clock, so no real waiting and no real-time stamps.
    options.input = round_script(2, 3) + "quit\n";
    const RunResult again =
        run_mockcoach({"loop", "--resume", "--sessions-dir", sessions.string()}, options);
    INFO(again.err);
    REQUIRE(again.exit_code == 0);
    std::map<int, transcript::Transcript> by_round;
    for (const auto& file : files_ending(sessions, ".toml")) {
        const auto t = read_back(file);
        REQUIRE(t.loop);
        by_round.emplace(t.loop->round, t);
    }
    REQUIRE(by_round.size() == 2);
    CHECK(by_round.at(2).clock == "virtual");
    // Round 2 starts after round 1 ended, not at the real now that the virtual day ran past.
    CHECK(epoch_seconds(by_round.at(2).started_at) > epoch_seconds(by_round.at(1).ended_at));
}

TEST_CASE("a profile round asking more questions than its categories hold starts no day") {
    TempDir home;
    const auto sessions = home.path() / "sessions";
    // The shipped sql rubric holds 7 questions; the newcomer's profile asked for 10.
    home.write(".config/mockcoach/profiles/sqlday.toml", "name = \"SQL day\"\n"
                                                         "[[round]]\n"
                                                         "name = \"SQL\"\n"
                                                         "categories = [\"sql\"]\n"
                                                         "minutes = 60\n"
                                                         "questions = 10\n");
    const RunResult validate = run_mockcoach({"profiles", "validate"}, with_home(home.path()));
    CHECK(validate.exit_code == 2);
    CHECK(validate.err.find("sqlday.toml:6:13: error: the round asks 10 questions but its "
                            "categories hold 7") != std::string::npos);
    RunOptions options = with_home(home.path());
    options.input = "quit\n";
    const RunResult loop = run_mockcoach(
        {"loop", "--profile", "sqlday", "--clock", "virtual", "--sessions-dir", sessions.string()},
        options);
    CHECK(loop.exit_code == 2);
    CHECK(loop.err.find("asks 10 questions but its categories hold 7") != std::string::npos);
    CHECK(files_ending(sessions / "loops", ".toml").empty());
}

TEST_CASE("loop's mistakes are usage errors that say what would work") {
    TempDir home;
    const auto sessions = make_home(home);
    const auto run = [&](std::vector<std::string> args, const std::string& input = "") {
        RunOptions options = with_home(home.path());
        options.input = input;
        args.insert(args.end(), {"--sessions-dir", sessions.string()});
        return run_mockcoach(args, options);
    };
    const RunResult draw_only = run({"loop", "--profile", "mlops-platform"});
    CHECK(draw_only.exit_code == 2);
    CHECK(draw_only.err.find("without rounds; a loop needs one with rounds: ") !=
          std::string::npos);
    CHECK(draw_only.err.find("ml-engineer-onsite") != std::string::npos);
    const RunResult unknown = run({"loop", "--profile", "short-dya"});
    CHECK(unknown.exit_code == 2);
    CHECK(unknown.err.find("did you mean \"short-day\"") != std::string::npos);
    const RunResult nothing = run({"loop", "--resume"});
    CHECK(nothing.exit_code == 2);
    CHECK(nothing.err.find("no loop to resume") != std::string::npos);
    const RunResult both = run({"loop", "--resume", "x", "--seed", "3"});
    CHECK(both.exit_code == 2);
    RunOptions options = with_home(home.path());
    options.input = round_script(1, 4) + "next\n";
    const RunResult bad_break = run_mockcoach(loop_args(sessions), options);
    CHECK(bad_break.exit_code == 2);
    CHECK(bad_break.err.find("error: next is not for a break; during a break: skip, wait "
                             "SECONDS or quit") != std::string::npos);
}

TEST_SUITE_END();
