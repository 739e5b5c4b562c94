// The interviewer in the engine: follow-ups timed from the seed and raised at their moments,
// prompts ticked while their phase runs, key points checked before the scores, blind guesses
// that name a rubric the question also fits, and all of it in the record.
#include "session/engine.hpp"

#include "events.hpp"
#include "plans.hpp"
#include "rubric/rubric.hpp"

#include <doctest/doctest.h>
#include <set>

using namespace mockcoach;
using namespace mockcoach::session;
using mockcoach::test_events::ok;
using mockcoach::test_events::refused;
using mockcoach::test_plans::small_plan;

namespace {

rubric::Question question_with(std::vector<rubric::Followup> followups) {
    rubric::Question question;
    question.id = "url-shortener";
    question.text = "Design a URL shortener for a large social network.";
    question.followups = std::move(followups);
    question.key_points = {"Sizes writes from the daily volume", "Picks 7-character base62 codes",
                           "Caches hot redirects"};
    return question;
}

// Three follow-ups for "Design" (a 10-minute phase here), one for "Clarify" (5 minutes).
Plan probing_plan(std::uint64_t seed) {
    Plan plan = small_plan({300'000, 600'000, 120'000});
    const rubric::Question question = question_with({{"Design", "Where does the cache sit?", {}},
                                                     {"Clarify", "What read/write ratio?", {}},
                                                     {"Design", "How are codes made?", {}},
                                                     {"Design", "What if a region fails?", {}}});
    plan.key_points.assign(question.key_points.begin(), question.key_points.end());
    schedule_followups(plan, question, seed);
    return plan;
}

} // namespace

TEST_SUITE_BEGIN("session/coach");

TEST_CASE("follow-ups fall on whole seconds in the middle half of their phase, 90 s apart") {
    for (std::uint64_t seed = 0; seed < 500; ++seed) {
        CAPTURE(seed);
        const Plan plan = probing_plan(seed);
        REQUIRE(plan.phases[0].probes.size() == 1);
        REQUIRE(plan.phases[1].probes.size() == 3);
        CHECK(plan.phases[2].probes.empty());
        CHECK(plan.phases[0].probes[0].text == "What read/write ratio?");
        CHECK(plan.phases[1].probes[0].text == "Where does the cache sit?"); // file order
        CHECK(plan.phases[1].probes[2].text == "What if a region fails?");
        for (const PhasePlan& phase : plan.phases) {
            for (std::size_t i = 0; i < phase.probes.size(); ++i) {
                const Millis at = phase.probes[i].at;
                CHECK(at % 1000 == 0);
                CHECK(at >= phase.budget / 4);
                CHECK(at <= phase.budget * 3 / 4);
                if (i > 0) CHECK(at - phase.probes[i - 1].at >= probe_spacing);
            }
        }
    }
}

TEST_CASE("the same seed gives the same follow-up times; other seeds spread them") {
    const Plan a = probing_plan(42);
    const Plan b = probing_plan(42);
    std::set<Millis> firsts;
    for (std::uint64_t seed = 0; seed < 50; ++seed)
        firsts.insert(probing_plan(seed).phases[0].probes[0].at);
    for (std::size_t p = 0; p < a.phases.size(); ++p)
        for (std::size_t i = 0; i < a.phases[p].probes.size(); ++i)
            CHECK(a.phases[p].probes[i].at == b.phases[p].probes[i].at);
    CHECK(firsts.size() > 20); // 151 possible seconds in Clarify's window
    // The generator is specified bit for bit: these are the same on every machine.
    CHECK(a.phases[0].probes[0].at == probing_plan(42).phases[0].probes[0].at);
}

TEST_CASE("a phase too short for all its follow-ups keeps the first that fit") {
    Plan plan = small_plan({120'000, 30'000});
    schedule_followups(plan,
                       question_with({{"Clarify", "first?", {}},
                                      {"Clarify", "second?", {}},
                                      {"Design", "short phase?", {}}}),
                       1);
    REQUIRE(plan.phases[0].probes.size() == 1); // a 2-minute window of 60 s holds one
    CHECK(plan.phases[0].probes[0].text == "first?");
    REQUIRE(plan.phases[1].probes.size() == 1);
    CHECK(plan.phases[1].probes[0].at >= 8'000);
    CHECK(plan.phases[1].probes[0].at <= 22'000);
    CHECK(plan.probe_count() == 2);
}

TEST_CASE("every shipped question's follow-ups all fit their phases: none is dropped") {
    const rubric::Catalog shipped = rubric::build_catalog({rubric::embedded_layer()});
    for (const rubric::Rubric& r : shipped.rubrics)
        for (const rubric::Question& q : r.questions) {
            INFO(r.id, "/", q.id);
            Plan plan = make_plan(r, q);
            schedule_followups(plan, q, 1);
            CHECK(plan.probe_count() == q.followups.size());
        }
}

TEST_CASE("a follow-up is raised at its exact moment, once, and a pause holds it back") {
    Plan plan = probing_plan(7);
    const Millis at = plan.phases[0].probes[0].at;
    Engine engine(plan);
    ok(engine, EventKind::start, 0);
    CHECK(ok(engine, EventKind::tick, at - 1).probes.empty());
    const Effects raised = ok(engine, EventKind::tick, at);
    REQUIRE(raised.probes.size() == 1);
    CHECK(raised.probes[0].phase == 0);
    CHECK(raised.probes[0].index == 0);
    CHECK(raised.probes[0].at == at);
    CHECK(ok(engine, EventKind::tick, at + 5'000).probes.empty());
    CHECK(engine.raised(0) == 1);

    Engine paused(plan);
    ok(paused, EventKind::start, 0);
    ok(paused, EventKind::pause, 10'000);
    CHECK(ok(paused, EventKind::tick, 40'000).probes.empty()); // the clock is stopped
    ok(paused, EventKind::resume, 10'000 + 60'000);
    CHECK(ok(paused, EventKind::tick, at + 59'999).probes.empty());
    const Effects late = ok(paused, EventKind::tick, at + 60'000);
    REQUIRE(late.probes.size() == 1);
    CHECK(late.probes[0].at == at + 60'000);
}

TEST_CASE("a long tick raises every follow-up it passes, in order, and none in overtime") {
    Plan plan = probing_plan(3);
    plan.auto_advance = true;
    Engine engine(plan);
    ok(engine, EventKind::start, 0);
    const Effects effects = ok(engine, EventKind::tick, 1'100'000);
    REQUIRE(effects.probes.size() == 4);
    CHECK(effects.probes[0].phase == 0);
    for (std::size_t i = 1; i < 4; ++i) {
        CHECK(effects.probes[i].phase == 1);
        CHECK(effects.probes[i].at > effects.probes[i - 1].at);
        CHECK(effects.probes[i].at == 300'000 + plan.phases[1].probes[i - 1].at);
    }
    CHECK(effects.ran_out == std::vector<std::size_t>{0, 1, 2});
    CHECK(engine.stage() == Stage::scoring);

    Engine leaving(probing_plan(3));
    ok(leaving, EventKind::start, 0);
    ok(leaving, EventKind::next, 10'000); // left Clarify before its follow-up
    for (const RaisedProbe& probe : ok(leaving, EventKind::tick, 400'000).probes)
        CHECK(probe.phase == 1);
    CHECK(leaving.raised(0) == 0);
}

TEST_CASE("digits tick a phase's prompts on and off while it runs, with the phase time") {
    Engine engine(small_plan());
    CHECK(refused(engine, EventKind::check, 0, "", 0) == "the session has not started");
    ok(engine, EventKind::start, 0);
    ok(engine, EventKind::check, 12'000, "", 1);
    CHECK(engine.checked(0, 1));
    CHECK_FALSE(engine.checked(0, 0));
    ok(engine, EventKind::check, 15'000, "", 1);
    CHECK_FALSE(engine.checked(0, 1));
    ok(engine, EventKind::check, 20'000, "", 1);
    CHECK(refused(engine, EventKind::check, 21'000, "", 2) == "this phase's prompts are 1 to 2");
    ok(engine, EventKind::next, 30'000);
    ok(engine, EventKind::check, 45'000, "", 0);
    ok(engine, EventKind::quit, 50'000);
    CHECK(refused(engine, EventKind::check, 51'000, "", 0) ==
          "prompts are ticked while their phase runs");
    const transcript::Transcript t = engine.record({});
    REQUIRE(t.phases.size() == 3);
    REQUIRE(t.phases[0].checks.size() == 1);
    CHECK(t.phases[0].checks[0].prompt == 2);
    CHECK(t.phases[0].checks[0].at_seconds == 20);
    REQUIRE(t.phases[1].checks.size() == 1);
    CHECK(t.phases[1].checks[0].prompt == 1);
    CHECK(t.phases[1].checks[0].at_seconds == 15);
    // With a tick anywhere, every phase keeps its prompts, so unticked ones count as missed.
    CHECK(t.phases[2].prompts.size() == 2);
    CHECK(transcript::format_of(t) == 2);
}

TEST_CASE("without ticks, follow-ups or key points the record is a format 1 transcript") {
    Engine engine(small_plan());
    ok(engine, EventKind::start, 0);
    ok(engine, EventKind::quit, 5'000);
    const transcript::Transcript t = engine.record({});
    CHECK(t.phases[0].prompts.empty());
    CHECK(t.key_points.empty());
    CHECK(transcript::format_of(t) == 1);
}

TEST_CASE("key points are checked after the phases, each covered, partly or missed") {
    Engine engine(probing_plan(5));
    ok(engine, EventKind::start, 0);
    CHECK(refused(engine, EventKind::point, 1'000, "covered", 0) ==
          "key points are checked after the last phase (next, or quit to end early)");
    ok(engine, EventKind::tick, 200'000);
    ok(engine, EventKind::quit, 200'000);
    CHECK(engine.next_unchecked_point() == 0u);
    ok(engine, EventKind::point, 201'000, "covered", 0);
    ok(engine, EventKind::point, 202'000, "missed", 2);
    CHECK(engine.next_unchecked_point() == 1u);
    CHECK(refused(engine, EventKind::point, 203'000, "mostly", 1) ==
          "a key point is covered, partly or missed, not \"mostly\"");
    CHECK(refused(engine, EventKind::point, 203'000, "covered", 3) == "key points are 1 to 3");
    ok(engine, EventKind::point, 204'000, "partly", 0); // changed
    const transcript::Transcript t = engine.record({});
    REQUIRE(t.key_points.size() == 3);
    CHECK(t.key_points[0].result == transcript::Coverage::partly);
    CHECK_FALSE(t.key_points[1].result);
    CHECK(t.key_points[2].result == transcript::Coverage::missed);
    REQUIRE(t.phases[0].followups.size() == 1);
    CHECK(t.phases[0].followups[0].text == "What read/write ratio?");
    CHECK(t.phases[0].followups[0].at_seconds == probing_plan(5).phases[0].probes[0].at / 1000);

    Engine none(small_plan());
    ok(none, EventKind::start, 0);
    ok(none, EventKind::quit, 1'000);
    CHECK(refused(none, EventKind::point, 2'000, "covered", 0) ==
          "this question has no key points to check");
}

TEST_CASE("a blind guess naming a rubric the question also fits counts as right") {
    Plan plan = small_plan();
    plan.blind = true;
    plan.also = {"ml-system-design"};
    CHECK(plan.accepts_guess("system-design"));
    CHECK(plan.accepts_guess("ml-system-design"));
    CHECK_FALSE(plan.accepts_guess("dsa"));
    Engine engine(plan);
    ok(engine, EventKind::guess, 0, "ml-system-design");
    ok(engine, EventKind::start, 0);
    ok(engine, EventKind::quit, 1'000);
    CHECK(engine.record({}).category_guess_correct == true);
}
