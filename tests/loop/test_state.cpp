// The loop's state file: a round trip, its errors as FILE:LINE:COLUMN, where it lives, and what
// a resume goes on with.
#include "loop/loop.hpp"

#include "../temp_folder.hpp"
#include "util/errors.hpp"

#include <doctest/doctest.h>
#include <map>

using namespace mockcoach;

namespace {

loop::LoopState two_round_day() {
    loop::LoopState state;
    state.id = "20261207-091500-ml-engineer-onsite";
    state.profile = "ml-engineer-onsite";
    state.profile_name = "ML engineer onsite";
    state.seed = 99;
    state.clock = "virtual";
    state.started_at = from_civil({{2026, 12, 7}, 9, 15, 0}, 60);
    loop::Slot two_sum;
    two_sum.rubric = "dsa";
    two_sum.rubric_name = "Data structures \"and\" algorithms";
    two_sum.question_id = "two-sum";
    two_sum.question = "Find two numbers that sum to a target.";
    two_sum.budget_seconds = 2700;
    two_sum.sessions = {"20261207-091500-dsa-two-sum"};
    two_sum.done = true;
    loop::RoundState coding;
    coding.name = "Coding";
    coding.questions = {two_sum};
    coding.break_seconds = 600;
    coding.break_state = loop::BreakState::skipped;
    loop::Slot story = two_sum;
    story.rubric = "behavioral";
    story.sessions.clear();
    story.done = false;
    loop::RoundState talk;
    talk.name = "Behavioral";
    talk.questions = {story, story};
    talk.questions[1].question_id = "conflict";
    state.rounds = {coding, talk};
    return state;
}

std::string first_error(std::string_view text) {
    Diagnostics problems;
    const auto state = loop::read_state("day.toml", text, problems);
    CHECK_FALSE(state);
    REQUIRE_FALSE(problems.empty());
    return format_diagnostic(problems.front());
}

} // namespace

TEST_SUITE_BEGIN("loop/state");

TEST_CASE("a state file reads back as it was written") {
    const loop::LoopState state = two_round_day();
    Diagnostics problems;
    const auto back = loop::read_state("day.toml", loop::state_to_toml(state), problems);
    REQUIRE(back);
    CHECK(problems.empty());
    CHECK(back->id == state.id);
    CHECK(back->profile_name == state.profile_name);
    CHECK(back->seed == 99);
    CHECK(back->clock == "virtual");
    CHECK(back->started_at == state.started_at);
    CHECK_FALSE(back->finished());
    REQUIRE(back->rounds.size() == 2);
    CHECK(back->rounds == state.rounds);
    CHECK(back->rounds[0].done());
    CHECK(back->rounds[0].break_state == loop::BreakState::skipped);
    CHECK_FALSE(back->rounds[1].done());
    CHECK(back->rounds[1].questions.size() == 2);
    CHECK(back->next_round() == 1);

    loop::LoopState finished = state;
    finished.finished_at = from_civil({{2026, 12, 7}, 12, 40, 5}, 60);
    const auto done = loop::read_state("day.toml", loop::state_to_toml(finished), problems);
    REQUIRE(done);
    CHECK(done->finished_at == finished.finished_at);
}

TEST_CASE("errors in a state file name the file, line and column") {
    const std::string good = loop::state_to_toml(two_round_day());
    std::string bad_break = good;
    bad_break.replace(bad_break.find("break = \"skipped\""), 17, "break = \"later\"");
    const std::string line = std::to_string(
        std::count(good.begin(), good.begin() + static_cast<long>(good.find("break = \"skipped\"")),
                   '\n') +
        1);
    CHECK(first_error(bad_break) ==
          "day.toml:" + line + ":9: error: \"break\" \"later\" is not pending, taken or skipped");
    CHECK(first_error("format = 2\n")
              .starts_with("day.toml:1:10: error: loop state format 2 is "
                           "newer than this mockcoach reads (1); upgrade"));
    CHECK(first_error("format = 1\nid = \"x\"\nprofile = \"p\"\nseed = 1\nstarted_at = "
                      "2026-12-07T09:00:00Z\nround = 3\n")
              .starts_with("day.toml:6:"));
    CHECK(first_error("format = 1\nid = [\n").starts_with("day.toml:"));
    std::string unknown = good;
    unknown.insert(unknown.find("seed = "), "colour = \"red\"\n");
    CHECK(first_error(unknown).find("colour") != std::string::npos);
}

TEST_CASE("state files live in a subfolder that the sessions folder's readers pass over") {
    CHECK(loop::state_folder("/data/sessions") == std::filesystem::path("/data/sessions/loops"));
}

TEST_CASE("saved states load back newest first, and a broken one is a warning") {
    test_folders::TempFolder home;
    loop::LoopState older = two_round_day();
    loop::LoopState newer = two_round_day();
    newer.id = "20261208-091500-ml-engineer-onsite";
    loop::save_state(home.path(), older);
    loop::save_state(home.path(), newer);
    newer.seed = 5; // saving again replaces the file
    loop::save_state(home.path(), newer);
    {
        std::ofstream broken(loop::state_folder(home.path()) / "broken.toml");
        broken << "format = 1\nid = \n";
    }
    const auto loaded = loop::load_states(home.path());
    REQUIRE(loaded.states.size() == 2);
    CHECK(loaded.states[0].id == newer.id);
    CHECK(loaded.states[0].seed == 5);
    CHECK(loaded.states[1].id == older.id);
    REQUIRE(loaded.problems.size() == 1);
    CHECK(loaded.problems[0].severity == Severity::warning);
    CHECK(loaded.problems[0].path.ends_with("broken.toml"));
}

TEST_CASE("a day being run is locked against a second run of it, and only of it") {
    test_folders::TempFolder home;
    {
        loop::DayLock held(home.path(), "20261207-091500-ml-engineer-onsite");
        CHECK_THROWS_WITH_AS(loop::DayLock(home.path(), "20261207-091500-ml-engineer-onsite"),
                             "loop 20261207-091500-ml-engineer-onsite is running in another "
                             "mockcoach; finish or stop it there first",
                             IoError);
        CHECK_NOTHROW(loop::DayLock(home.path(), "20261208-091500-ml-engineer-onsite"));
    }
    CHECK_NOTHROW(loop::DayLock(home.path(), "20261207-091500-ml-engineer-onsite"));
    // The lock file is hidden: the state files' reader passes it over.
    CHECK(loop::load_states(home.path()).problems.empty());
}

TEST_CASE("resume goes on at the first round not done") {
    loop::LoopState state = two_round_day();
    loop::Slot& first = state.rounds[0].questions[0];
    first.done = false;
    std::map<std::string, transcript::Status> saved;
    const loop::StatusOf status_of =
        [&](const std::string& id) -> std::optional<transcript::Status> {
        const auto found = saved.find(id);
        if (found == saved.end()) return std::nullopt;
        return found->second;
    };

    SUBCASE("a round whose transcript was saved before the state said so is done") {
        saved[first.sessions.back()] = transcript::Status::completed;
        CHECK(loop::resume_point(state, status_of) == 1);
        CHECK(first.done);
    }
    SUBCASE("a round ended early counts as done") {
        saved[first.sessions.back()] = transcript::Status::ended_early;
        CHECK(loop::resume_point(state, status_of) == 1);
    }
    SUBCASE("a round interrupted by a kill is run again") {
        saved[first.sessions.back()] = transcript::Status::interrupted;
        CHECK(loop::resume_point(state, status_of) == 0);
        CHECK_FALSE(first.done);
    }
    SUBCASE("a round whose session left no transcript at all is run again") {
        CHECK(loop::resume_point(state, status_of) == 0);
    }
    SUBCASE("the last attempt decides, not an earlier one") {
        first.sessions = {"first", "second"};
        saved["first"] = transcript::Status::completed;
        saved["second"] = transcript::Status::interrupted;
        CHECK(loop::resume_point(state, status_of) == 0);
    }
    SUBCASE("a round already done is never looked at again") {
        first.done = true;
        saved[first.sessions.back()] = transcript::Status::interrupted;
        CHECK(loop::resume_point(state, status_of) == 1);
        CHECK(first.done);
    }
}

TEST_CASE("resume goes on inside a round of several questions at the first not done") {
    loop::LoopState state = two_round_day();
    state.rounds[1].questions[0].sessions = {"story-1"};
    const loop::StatusOf status_of =
        [](const std::string& id) -> std::optional<transcript::Status> {
        if (id == "story-1") return transcript::Status::completed;
        return std::nullopt;
    };
    CHECK(loop::resume_point(state, status_of) == 1);
    CHECK(state.rounds[1].questions[0].done);
    CHECK_FALSE(state.rounds[1].questions[1].done);
}

TEST_CASE("--resume picks the newest unfinished loop, or the one named") {
    std::vector<loop::LoopState> states(3, two_round_day());
    states[0].id = "20261209-090000-ml-engineer-onsite";
    states[0].finished_at = states[0].started_at;
    states[1].id = "20261208-090000-ml-engineer-onsite";
    states[2].id = "20261207-090000-ml-engineer-onsite";
    CHECK(loop::pick_to_resume(states, "").index == 1u);
    CHECK(loop::pick_to_resume(states, "20261207").index == 2u);
    CHECK(loop::pick_to_resume(states, "onsite").error.starts_with("\"onsite\" matches 3 loops"));
    CHECK(loop::pick_to_resume(states, "nope").error == "no loop \"nope\"");
    CHECK(loop::pick_to_resume(states, "20261209")
              .error.starts_with("loop 20261209-090000-ml-engineer-onsite is finished"));
    states[1].finished_at = states[2].finished_at = states[0].started_at;
    CHECK(loop::pick_to_resume(states, "").error.starts_with("every loop is finished"));
    CHECK(loop::pick_to_resume({}, "").error.starts_with("no loop to resume"));
}

TEST_CASE("two days started in the same second each keep their own state file") {
    test_folders::TempFolder home;
    const std::string id = "20261207-091500-ml-engineer-onsite";
    loop::LoopState first = two_round_day();
    first.id = id;
    first.seed = 1;
    loop::LoopState second = two_round_day();
    second.id = id;
    second.seed = 2;
    {
        // Both running at once: the second's name is the first's, taken.
        const loop::DayLock first_lock = loop::create_state(home.path(), first);
        const loop::DayLock second_lock = loop::create_state(home.path(), second);
        CHECK(first.id == id);
        CHECK(second.id == id + "-2");
        // Each holds its own day: running either again is refused.
        CHECK_THROWS_AS(loop::DayLock(home.path(), id), IoError);
        CHECK_THROWS_AS(loop::DayLock(home.path(), id + "-2"), IoError);
    }
    // One after the other: a finished day's file is never replaced.
    loop::LoopState third = two_round_day();
    third.id = id;
    third.seed = 3;
    { const loop::DayLock lock = loop::create_state(home.path(), third); }
    CHECK(third.id == id + "-3");
    const auto loaded = loop::load_states(home.path());
    REQUIRE(loaded.states.size() == 3);
    std::map<std::string, std::int64_t> seeds;
    for (const loop::LoopState& state : loaded.states) seeds[state.id] = state.seed;
    CHECK(seeds[id] == 1);
    CHECK(seeds[id + "-2"] == 2);
    CHECK(seeds[id + "-3"] == 3);
}

TEST_CASE("a day whose lock is taken but whose file is not written yet keeps its name") {
    test_folders::TempFolder home;
    const std::string id = "20261207-091500-ml-engineer-onsite";
    const loop::DayLock other(home.path(), id); // another mockcoach, just before its first write
    loop::LoopState state = two_round_day();
    state.id = id;
    const loop::DayLock lock = loop::create_state(home.path(), state);
    CHECK(state.id == id + "-2");
    CHECK_FALSE(std::filesystem::exists(loop::state_folder(home.path()) / (id + ".toml")));
}
