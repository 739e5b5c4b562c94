// The session engine under explicit event times: every transition, pause accounting, bells,
// extensions, auto-advance, early end, blind guesses, scoring and the record it produces.
#include "session/engine.hpp"

#include "events.hpp"
#include "plans.hpp"

#include "../strings.hpp"

#include <doctest/doctest.h>

using namespace mockcoach;
using namespace mockcoach::session;
using mockcoach::test_events::ok;
using mockcoach::test_events::refused;
using mockcoach::test_plans::small_plan;

namespace {

Plan auto_plan(std::vector<Millis> budgets = {60'000, 120'000, 30'000}) {
    Plan plan = small_plan(std::move(budgets));
    plan.auto_advance = true;
    return plan;
}

Plan blind_plan() {
    Plan plan = small_plan();
    plan.blind = true;
    return plan;
}

} // namespace

TEST_SUITE_BEGIN("session/engine");

TEST_CASE("a new engine is ready, with no time used and nothing recorded") {
    Engine engine(small_plan());
    CHECK(engine.stage() == Stage::ready);
    CHECK(engine.phase_index() == 0);
    CHECK(engine.elapsed() == 0);
    CHECK(engine.used_total() == 0);
    CHECK(engine.budget_total() == 210'000);
    CHECK(engine.status() == transcript::Status::interrupted);
    CHECK(engine.next_unscored()->id == "structure");
}

TEST_CASE("start begins the first phase at the time it happened") {
    Engine engine(small_plan());
    const Effects effects = ok(engine, EventKind::start, 5'000);
    CHECK(effects.phase_changed);
    CHECK_FALSE(effects.bell());
    CHECK(engine.stage() == Stage::running);
    CHECK(engine.phase_index() == 0);
    ok(engine, EventKind::tick, 15'000);
    CHECK(engine.used(0) == 10'000);
    CHECK(engine.elapsed() == 10'000);
    CHECK(engine.now() == 15'000);
}

TEST_CASE("next walks through every phase and then on to scoring") {
    Engine engine(small_plan());
    ok(engine, EventKind::start, 0);
    CHECK(ok(engine, EventKind::next, 10'000).phase_changed);
    CHECK(engine.phase_index() == 1);
    CHECK(ok(engine, EventKind::next, 30'000).phase_changed);
    CHECK(engine.phase_index() == 2);
    CHECK(engine.stage() == Stage::running);
    CHECK(ok(engine, EventKind::next, 35'000).phase_changed);
    CHECK(engine.stage() == Stage::scoring);
    CHECK(engine.phase_index() == 3);
    CHECK(engine.used(0) == 10'000);
    CHECK(engine.used(1) == 20'000);
    CHECK(engine.used(2) == 5'000);

    // Time passing in scoring is no longer phase time.
    ok(engine, EventKind::tick, 100'000);
    CHECK(engine.used(2) == 5'000);
    CHECK(engine.used_total() == 35'000);
    CHECK(engine.elapsed() == 100'000);
}

TEST_CASE("paused time is not used time and is counted as the phase's paused time") {
    Engine engine(small_plan());
    ok(engine, EventKind::start, 0);
    ok(engine, EventKind::pause, 10'000);
    CHECK(engine.paused());
    ok(engine, EventKind::tick, 25'000);
    CHECK(engine.used(0) == 10'000);
    CHECK(engine.paused_time(0) == 15'000);
    ok(engine, EventKind::resume, 30'000);
    CHECK_FALSE(engine.paused());
    ok(engine, EventKind::tick, 40'000);
    CHECK(engine.used(0) == 20'000);
    CHECK(engine.paused_time(0) == 20'000);
    CHECK(engine.elapsed() == 40'000);

    const transcript::Transcript record = engine.record({});
    CHECK(record.phases[0].used_seconds == 20);
    CHECK(record.phases[0].paused_seconds == 20);
}

TEST_CASE("pausing twice or resuming without a pause is refused") {
    Engine engine(small_plan());
    ok(engine, EventKind::start, 0);
    CHECK(refused(engine, EventKind::resume, 1'000) == "not paused");
    ok(engine, EventKind::pause, 2'000);
    CHECK(refused(engine, EventKind::pause, 3'000) == "already paused");
    CHECK(engine.paused());
}

TEST_CASE("next while paused closes the pause and the next phase starts running") {
    Engine engine(small_plan());
    ok(engine, EventKind::start, 0);
    ok(engine, EventKind::pause, 10'000);
    ok(engine, EventKind::next, 18'000);
    CHECK_FALSE(engine.paused());
    CHECK(engine.used(0) == 10'000);
    CHECK(engine.paused_time(0) == 8'000);
    ok(engine, EventKind::tick, 25'000);
    CHECK(engine.used(1) == 7'000);
    CHECK(engine.paused_time(1) == 0);
}

TEST_CASE("the bell rings exactly once when a phase's budget runs out") {
    Engine engine(small_plan());
    ok(engine, EventKind::start, 0);
    CHECK_FALSE(ok(engine, EventKind::tick, 59'999).bell());
    CHECK(engine.overtime(0) == 0);
    const Effects at_budget = ok(engine, EventKind::tick, 60'000);
    CHECK(at_budget.bell());
    CHECK_FALSE(at_budget.phase_changed); // without auto-advance the phase goes on
    CHECK_FALSE(ok(engine, EventKind::tick, 60'001).bell());
    CHECK_FALSE(ok(engine, EventKind::tick, 120'000).bell());
    CHECK(engine.phase_index() == 0);
    CHECK(engine.overtime(0) == 60'000);
}

TEST_CASE("a late tick rings the bell once, on whatever event comes first") {
    Engine engine(small_plan());
    ok(engine, EventKind::start, 0);
    const Outcome note = engine.apply({EventKind::note, 90'000, "late"});
    CHECK(note.accepted());
    CHECK(note.effects.bell());
    CHECK_FALSE(ok(engine, EventKind::tick, 95'000).bell());
}

TEST_CASE("each phase rings its own bell") {
    Engine engine(small_plan());
    ok(engine, EventKind::start, 0);
    CHECK(ok(engine, EventKind::tick, 60'000).bell());
    ok(engine, EventKind::next, 70'000);
    CHECK_FALSE(ok(engine, EventKind::tick, 189'999).bell());
    CHECK(ok(engine, EventKind::tick, 190'000).bell());
}

TEST_CASE("a pause across the budget boundary keeps the bell quiet until the time is used") {
    Engine engine(small_plan());
    ok(engine, EventKind::start, 0);
    ok(engine, EventKind::pause, 50'000);
    CHECK_FALSE(ok(engine, EventKind::tick, 70'000).bell());
    CHECK_FALSE(ok(engine, EventKind::tick, 200'000).bell());
    CHECK_FALSE(ok(engine, EventKind::resume, 200'000).bell());
    CHECK(engine.used(0) == 50'000);
    CHECK(engine.overtime(0) == 0);
    CHECK_FALSE(ok(engine, EventKind::tick, 209'999).bell());
    CHECK(ok(engine, EventKind::tick, 210'000).bell());
    ok(engine, EventKind::tick, 215'000);
    CHECK(engine.overtime(0) == 5'000);
    CHECK(engine.paused_time(0) == 150'000);
}

TEST_CASE("extend grows the current phase's budget and lets the bell ring again") {
    Engine engine(small_plan());
    ok(engine, EventKind::start, 0);
    CHECK(ok(engine, EventKind::tick, 60'000).bell());
    ok(engine, EventKind::tick, 70'000);
    CHECK(engine.overtime(0) == 10'000);
    ok(engine, EventKind::extend, 70'000, {}, 60'000);
    CHECK(engine.budget(0) == 120'000);
    CHECK(engine.budget(1) == 120'000);
    CHECK(engine.budget_total() == 270'000);
    CHECK(engine.overtime(0) == 0);
    CHECK_FALSE(ok(engine, EventKind::tick, 119'999).bell());
    CHECK(ok(engine, EventKind::tick, 120'000).bell());
}

TEST_CASE("an extension made in time moves the bell to the new budget") {
    Engine engine(small_plan());
    ok(engine, EventKind::start, 0);
    ok(engine, EventKind::extend, 30'000, {}, 30'000);
    CHECK_FALSE(ok(engine, EventKind::tick, 60'000).bell());
    CHECK(ok(engine, EventKind::tick, 90'000).bell());
}

TEST_CASE("an extension smaller than the overtime does not ring the bell again") {
    Engine engine(small_plan());
    ok(engine, EventKind::start, 0);
    CHECK(ok(engine, EventKind::tick, 60'000).bell());
    ok(engine, EventKind::extend, 90'000, {}, 10'000);
    CHECK(engine.overtime(0) == 20'000);
    CHECK_FALSE(ok(engine, EventKind::tick, 100'000).bell());
}

TEST_CASE("extend needs a positive amount") {
    Engine engine(small_plan());
    ok(engine, EventKind::start, 0);
    CHECK(refused(engine, EventKind::extend, 1'000, {}, 0) ==
          "extend needs a positive number of minutes");
    CHECK(refused(engine, EventKind::extend, 1'000, {}, -60'000) ==
          "extend needs a positive number of minutes");
    CHECK(engine.budget(0) == 60'000);
}

TEST_CASE("auto-advance changes phase at the exact budget instant even when the tick is late") {
    Engine engine(auto_plan());
    ok(engine, EventKind::start, 0);
    CHECK_FALSE(ok(engine, EventKind::tick, 59'999).phase_changed);
    const Effects effects = ok(engine, EventKind::tick, 75'000);
    CHECK(effects.ran_out == std::vector<std::size_t>{0});
    CHECK(effects.phase_changed);
    CHECK(engine.phase_index() == 1);
    CHECK(engine.used(0) == 60'000);
    CHECK(engine.overtime(0) == 0);
    CHECK(engine.used(1) == 15'000);
    CHECK(engine.now() == 75'000);
}

TEST_CASE("one big tick with auto-advance passes several phases and reaches scoring") {
    Engine engine(auto_plan());
    ok(engine, EventKind::start, 1'000);
    const Effects effects = ok(engine, EventKind::tick, 1'000'000);
    CHECK(effects.ran_out == std::vector<std::size_t>{0, 1, 2}); // each phase's own bell
    CHECK(effects.phase_changed);
    CHECK(engine.stage() == Stage::scoring);
    CHECK(engine.phase_index() == 3);
    CHECK(engine.used(0) == 60'000);
    CHECK(engine.used(1) == 120'000);
    CHECK(engine.used(2) == 30'000);
    CHECK(engine.overtime(2) == 0);
    CHECK_FALSE(engine.ended_early());
}

TEST_CASE("auto-advance counts a pause in the phase it happened in") {
    Engine engine(auto_plan());
    ok(engine, EventKind::start, 0);
    ok(engine, EventKind::pause, 30'000);
    CHECK_FALSE(ok(engine, EventKind::tick, 70'000).phase_changed);
    ok(engine, EventKind::resume, 50'000); // earlier than the last event: counts as 70 s
    CHECK(ok(engine, EventKind::tick, 105'000).phase_changed);
    CHECK(engine.phase_index() == 1);
    CHECK(engine.used(0) == 60'000);
    CHECK(engine.paused_time(0) == 40'000);
    CHECK(engine.used(1) == 5'000);
}

TEST_CASE("an event after auto-advance applies to the phase that is current by then") {
    Engine engine(auto_plan());
    ok(engine, EventKind::start, 0);
    ok(engine, EventKind::note, 70'000, "in the second phase");
    const transcript::Transcript record = engine.record({});
    CHECK(record.phases[0].notes.empty());
    REQUIRE(record.phases[1].notes.size() == 1);
    CHECK(record.phases[1].notes[0].at_seconds == 10);
}

TEST_CASE("quit ends the interview early and leaves the remaining phases unused") {
    Engine engine(small_plan());
    ok(engine, EventKind::start, 0);
    ok(engine, EventKind::next, 10'000);
    const Effects effects = ok(engine, EventKind::quit, 20'000);
    CHECK(effects.phase_changed);
    CHECK(engine.stage() == Stage::scoring);
    CHECK(engine.ended_early());
    CHECK(engine.used(1) == 10'000);
    CHECK(engine.used(2) == 0);
    ok(engine, EventKind::tick, 50'000);
    CHECK(engine.used(1) == 10'000);
    ok(engine, EventKind::finish, 60'000);
    CHECK(engine.stage() == Stage::done);
    CHECK(engine.status() == transcript::Status::ended_early);
    const transcript::Transcript record = engine.record({});
    CHECK(record.status == transcript::Status::ended_early);
    CHECK(record.phases[2].used_seconds == 0);
    CHECK(record.phases[2].paused_seconds == 0);
}

TEST_CASE("quit while paused counts the pause up to the quit") {
    Engine engine(small_plan());
    ok(engine, EventKind::start, 0);
    ok(engine, EventKind::pause, 10'000);
    ok(engine, EventKind::quit, 25'000);
    CHECK_FALSE(engine.paused());
    CHECK(engine.used(0) == 10'000);
    CHECK(engine.paused_time(0) == 15'000);
}

TEST_CASE("quit during scoring stops scoring and keeps a completed interview completed") {
    Engine engine(small_plan({1'000}));
    ok(engine, EventKind::start, 0);
    ok(engine, EventKind::next, 1'000);
    ok(engine, EventKind::quit, 2'000);
    CHECK(engine.stage() == Stage::done);
    CHECK(engine.status() == transcript::Status::completed);
}

TEST_CASE("events before the start are refused with a message") {
    Engine engine(small_plan());
    CHECK(refused(engine, EventKind::pause, 0) == "the session has not started");
    CHECK(refused(engine, EventKind::next, 0) == "the session has not started");
    CHECK(refused(engine, EventKind::note, 0, "early") == "the session has not started");
    CHECK(refused(engine, EventKind::score, 0, "structure", 3) == "the session has not started");
    CHECK(refused(engine, EventKind::finish, 0) == "the session has not started");
    CHECK(engine.stage() == Stage::ready);
}

TEST_CASE("starting twice is refused") {
    Engine engine(small_plan());
    ok(engine, EventKind::start, 0);
    CHECK(refused(engine, EventKind::start, 5'000) == "the session has already started");
    ok(engine, EventKind::tick, 6'000);
    CHECK(engine.used(0) == 6'000);
}

TEST_CASE("scoring while a phase runs is refused") {
    Engine engine(small_plan());
    ok(engine, EventKind::start, 0);
    const std::string message = "scoring comes after the last phase (next, or quit to end early)";
    CHECK(refused(engine, EventKind::score, 1'000, "structure", 4) == message);
    CHECK(refused(engine, EventKind::skip, 1'000, "structure") == message);
    CHECK(refused(engine, EventKind::reflect, 1'000, "too soon") == message);
    CHECK(refused(engine, EventKind::finish, 1'000) == message);
    CHECK(engine.scores().empty());
    CHECK(engine.stage() == Stage::running);
}

TEST_CASE("phase events are refused once the phases are over") {
    Engine engine(small_plan({1'000}));
    ok(engine, EventKind::start, 0);
    ok(engine, EventKind::next, 500);
    CHECK(refused(engine, EventKind::pause, 600) ==
          "pause is not possible once the phases are over");
    CHECK(refused(engine, EventKind::next, 600) == "next is not possible once the phases are over");
    CHECK(refused(engine, EventKind::note, 600, "x") ==
          "note is not possible once the phases are over");
    CHECK(refused(engine, EventKind::extend, 600, {}, 60'000) ==
          "extend is not possible once the phases are over");
}

TEST_CASE("a guess is refused when the session is not blind") {
    Engine engine(small_plan());
    CHECK(refused(engine, EventKind::guess, 0, "system-design") ==
          "guess is only for --blind sessions");
    CHECK_FALSE(engine.guess().has_value());
    ok(engine, EventKind::start, 0);
    const transcript::Transcript record = engine.record({});
    CHECK_FALSE(record.category_guess.has_value());
    CHECK_FALSE(record.category_guess_correct.has_value());
}

TEST_CASE("a blind session cannot start before the category is named") {
    Engine engine(blind_plan());
    CHECK(refused(engine, EventKind::start, 0) == "name the category first (guess RUBRIC_ID)");
    CHECK(engine.stage() == Stage::ready);
    ok(engine, EventKind::guess, 0, "coding");
    ok(engine, EventKind::start, 0);
    CHECK(engine.stage() == Stage::running);
    CHECK(refused(engine, EventKind::guess, 1'000, "system-design") ==
          "the category is named before the clock starts");
    CHECK(engine.guess() == "coding");
}

TEST_CASE("a blind guess may be changed before the start and the last one counts") {
    Engine engine(blind_plan());
    ok(engine, EventKind::guess, 0, "coding");
    ok(engine, EventKind::guess, 0, "system-design");
    ok(engine, EventKind::start, 0);
    CHECK(engine.record({}).category_guess == "system-design");
}

TEST_CASE("a right blind guess is recorded as right") {
    Engine engine(blind_plan());
    ok(engine, EventKind::guess, 0, "system-design");
    ok(engine, EventKind::start, 0);
    const transcript::Transcript record = engine.record({});
    CHECK(record.category_guess == "system-design");
    CHECK(record.category_guess_correct == true);
}

TEST_CASE("a wrong blind guess is recorded as wrong") {
    Engine engine(blind_plan());
    ok(engine, EventKind::guess, 0, "coding");
    ok(engine, EventKind::start, 0);
    const transcript::Transcript record = engine.record({});
    CHECK(record.category_guess == "coding");
    CHECK(record.category_guess_correct == false);
}

namespace {
Engine scoring_engine() {
    Engine engine(small_plan({1'000}));
    ok(engine, EventKind::start, 0);
    ok(engine, EventKind::next, 1'000);
    REQUIRE(engine.stage() == Stage::scoring);
    return engine;
}
} // namespace

TEST_CASE("a score for an unknown criterion is refused with the criteria there are") {
    Engine engine = scoring_engine();
    const std::string message =
        "unknown criterion \"clarity\" (this rubric has: structure, depth, communication)";
    CHECK(refused(engine, EventKind::score, 2'000, "clarity", 3) == message);
    CHECK(refused(engine, EventKind::skip, 2'000, "clarity") == message);
    CHECK(engine.scores().empty());
    CHECK(engine.skipped().empty());
}

TEST_CASE("a misspelt criterion is refused with the nearest id suggested") {
    Engine engine = scoring_engine();
    CHECK(refused(engine, EventKind::score, 2'000, "strucure", 3) ==
          "unknown criterion \"strucure\"; did you mean \"structure\"?");
    CHECK(engine.scores().empty());
}

TEST_CASE("a score outside 1 to 5 is refused") {
    Engine engine = scoring_engine();
    CHECK(refused(engine, EventKind::score, 2'000, "structure", 0) == "a score is 1 to 5");
    CHECK(refused(engine, EventKind::score, 2'000, "structure", 6) == "a score is 1 to 5");
    CHECK(refused(engine, EventKind::score, 2'000, "structure", -3) == "a score is 1 to 5");
    CHECK(engine.scores().empty());
    ok(engine, EventKind::score, 2'000, "structure", 1);
    ok(engine, EventKind::score, 2'000, "depth", 5);
    CHECK(engine.scores().at("structure") == 1);
    CHECK(engine.scores().at("depth") == 5);
}

TEST_CASE("scoring a criterion again replaces its score") {
    Engine engine = scoring_engine();
    ok(engine, EventKind::score, 2'000, "structure", 2);
    ok(engine, EventKind::score, 3'000, "structure", 4);
    CHECK(engine.scores().size() == 1);
    CHECK(engine.scores().at("structure") == 4);
    CHECK(engine.record({}).mean_score == doctest::Approx(4.0));
}

TEST_CASE("a skipped criterion scored later is no longer skipped, and the reverse") {
    Engine engine = scoring_engine();
    ok(engine, EventKind::skip, 2'000, "depth");
    ok(engine, EventKind::skip, 2'000, "depth");
    CHECK(engine.skipped() == std::vector<std::string>{"depth"});
    ok(engine, EventKind::score, 3'000, "depth", 3);
    CHECK(engine.skipped().empty());
    CHECK(engine.scores().at("depth") == 3);
    ok(engine, EventKind::skip, 4'000, "depth");
    CHECK(engine.scores().count("depth") == 0);
    CHECK(engine.skipped() == std::vector<std::string>{"depth"});
}

TEST_CASE("the next unscored criterion passes over scored and skipped ones") {
    Engine engine = scoring_engine();
    CHECK(engine.next_unscored()->id == "structure");
    ok(engine, EventKind::score, 2'000, "structure", 3);
    CHECK(engine.next_unscored()->id == "depth");
    ok(engine, EventKind::skip, 2'000, "depth");
    CHECK(engine.next_unscored()->id == "communication");
    ok(engine, EventKind::score, 2'000, "communication", 5);
    CHECK(engine.next_unscored() == nullptr);
}

TEST_CASE("reflect appends each text as a line of the reflection") {
    Engine engine = scoring_engine();
    ok(engine, EventKind::reflect, 2'000, "Clarified too long.");
    CHECK(engine.reflection() == "Clarified too long.");
    ok(engine, EventKind::reflect, 3'000, "Good capacity estimate.");
    CHECK(engine.reflection() == "Clarified too long.\nGood capacity estimate.");
}

TEST_CASE("finish completes the session and nothing is accepted afterwards") {
    Engine engine = scoring_engine();
    ok(engine, EventKind::finish, 2'000);
    CHECK(engine.stage() == Stage::done);
    CHECK(engine.status() == transcript::Status::completed);
    CHECK(refused(engine, EventKind::score, 3'000, "structure", 3) == "the session has ended");
    CHECK(refused(engine, EventKind::tick, 3'000) == "the session has ended");
    CHECK(engine.now() == 2'000);
}

TEST_CASE("interrupt while a phase runs ends it there with status interrupted") {
    Engine engine(small_plan());
    ok(engine, EventKind::start, 0);
    ok(engine, EventKind::next, 10'000);
    ok(engine, EventKind::interrupt, 25'000);
    CHECK(engine.stage() == Stage::done);
    CHECK(engine.status() == transcript::Status::interrupted);
    CHECK(engine.used(1) == 15'000);
    CHECK(engine.used(2) == 0);
    CHECK(engine.record({}).status == transcript::Status::interrupted);
}

TEST_CASE("interrupt during scoring or before the start is still an interruption") {
    Engine scoring = scoring_engine();
    ok(scoring, EventKind::score, 2'000, "structure", 4);
    ok(scoring, EventKind::interrupt, 3'000);
    CHECK(scoring.status() == transcript::Status::interrupted);
    CHECK(scoring.scores().at("structure") == 4);

    Engine ready(small_plan());
    ok(ready, EventKind::interrupt, 3'000);
    CHECK(ready.stage() == Stage::done);
    CHECK(ready.status() == transcript::Status::interrupted);
    CHECK(ready.used_total() == 0);
}

TEST_CASE("the record keeps the meta and takes everything else from the engine") {
    Engine engine(small_plan());
    ok(engine, EventKind::start, 0);
    ok(engine, EventKind::next, 10'499);          // phase 1 used 10.499 s -> 10
    ok(engine, EventKind::pause, 20'000);         // phase 2 used 9.501 s before the pause
    ok(engine, EventKind::resume, 24'500);        // paused 4.5 s -> 5 (halves round up)
    ok(engine, EventKind::note, 30'000, "cache"); // 9.501 + 5.5 = 15.001 s into the phase -> 15
    ok(engine, EventKind::extend, 31'000, {}, 90'000);
    ok(engine, EventKind::next, 40'999);         // phase 2 used 26.0 s
    ok(engine, EventKind::note, 41'999, "wrap"); // 1 s into phase 3
    ok(engine, EventKind::tick, 80'000);         // phase 3: 39.001 s used, 9.001 s over its 30 s
    ok(engine, EventKind::next, 80'000);
    ok(engine, EventKind::score, 81'000, "communication", 3);
    ok(engine, EventKind::score, 81'000, "structure", 4);
    ok(engine, EventKind::skip, 81'000, "depth");
    ok(engine, EventKind::reflect, 82'000, "Too long on the basics.");
    ok(engine, EventKind::finish, 83'000);

    transcript::Transcript meta;
    meta.id = "20250101-090000-system-design-url-shortener";
    meta.mode = "interview";
    meta.seed = 42;
    meta.speed = 2;
    meta.clock = "virtual";
    meta.question = "replaced by the plan's";
    const transcript::Transcript t = engine.record(meta);

    CHECK(t.id == meta.id);
    CHECK(t.mode == "interview");
    CHECK(t.seed == 42);
    CHECK(t.speed == 2);
    CHECK(t.clock == "virtual");
    CHECK(t.status == transcript::Status::completed);
    CHECK(t.rubric == "system-design");
    CHECK(t.rubric_name == "System Design");
    CHECK(t.question_id == "url-shortener");
    CHECK(t.question == "Design a URL shortener for a large social network.");

    REQUIRE(t.phases.size() == 3);
    CHECK(t.phases[0].name == "Clarify");
    CHECK(t.phases[0].budget_seconds == 60);
    CHECK(t.phases[0].extended_seconds == 0);
    CHECK(t.phases[0].used_seconds == 10);
    CHECK(t.phases[0].paused_seconds == 0);
    CHECK(t.phases[0].overtime_seconds == 0);
    CHECK(t.phases[0].notes.empty());

    CHECK(t.phases[1].name == "Design");
    CHECK(t.phases[1].budget_seconds == 120);
    CHECK(t.phases[1].extended_seconds == 90);
    CHECK(t.phases[1].used_seconds == 26);
    CHECK(t.phases[1].paused_seconds == 5);
    CHECK(t.phases[1].overtime_seconds == 0);
    REQUIRE(t.phases[1].notes.size() == 1);
    CHECK(t.phases[1].notes[0].at_seconds == 15);
    CHECK(t.phases[1].notes[0].text == "cache");

    CHECK(t.phases[2].name == "Deep dive");
    CHECK(t.phases[2].budget_seconds == 30);
    CHECK(t.phases[2].used_seconds == 39);
    CHECK(t.phases[2].overtime_seconds == 9);
    REQUIRE(t.phases[2].notes.size() == 1);
    CHECK(t.phases[2].notes[0].at_seconds == 1);
    CHECK(t.phases[2].notes[0].text == "wrap");

    // Scores follow the rubric's order of criteria, not the order they were given in.
    REQUIRE(t.scores.size() == 2);
    CHECK(t.scores[0].criterion == "structure");
    CHECK(t.scores[0].name == "Structure");
    CHECK(t.scores[0].value == 4);
    CHECK(t.scores[1].criterion == "communication");
    CHECK(t.scores[1].name == "Communication");
    CHECK(t.scores[1].value == 3);
    CHECK(t.skipped == std::vector<std::string>{"depth"});
    REQUIRE(t.mean_score.has_value());
    CHECK(*t.mean_score == doctest::Approx(3.5));
    CHECK(t.reflection == "Too long on the basics.");
    CHECK_FALSE(t.category_guess.has_value());
}

TEST_CASE("a record without scores has no mean") {
    Engine engine = scoring_engine();
    ok(engine, EventKind::skip, 2'000, "structure");
    CHECK_FALSE(engine.record({}).mean_score.has_value());
}

TEST_CASE("a record lists the skipped criteria in the rubric's order, not the order skipped in") {
    Engine engine = scoring_engine();
    ok(engine, EventKind::skip, 2'000, "communication");
    ok(engine, EventKind::skip, 2'000, "structure");
    CHECK(engine.record({}).skipped == std::vector<std::string>{"structure", "communication"});
}

TEST_CASE("event names read back as their kinds") {
    for (EventKind kind :
         {EventKind::start, EventKind::pause, EventKind::resume, EventKind::next, EventKind::extend,
          EventKind::note, EventKind::guess, EventKind::score, EventKind::skip, EventKind::reflect,
          EventKind::quit, EventKind::finish, EventKind::interrupt, EventKind::tick})
        CHECK(parse_event_name(event_name(kind)) == kind);
    CHECK(event_name(EventKind::extend) == "extend");
    CHECK_FALSE(parse_event_name("stop").has_value());
}

TEST_SUITE_END();
