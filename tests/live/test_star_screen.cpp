// The STAR rehearsal's screens as lines (plan, a part with its editor, the story form) at two
// terminal sizes, the story form's keys, and the keys that do not type (Tab, Ctrl-letters).
#include "live/star_screen.hpp"
#include "star/star.hpp"

#include "../session/plans.hpp"
#include "screens.hpp"
#include "util/text.hpp"

#include "../strings.hpp"

#include <algorithm>
#include <doctest/doctest.h>

using namespace mockcoach;
using namespace mockcoach::live;
using mockcoach::test_screens::check_fits;
using mockcoach::test_screens::contains;
using mockcoach::test_screens::view_of;
using namespace mockcoach::term;
using mockcoach::session::Engine;
using mockcoach::session::EventKind;

namespace {

session::Plan star_plan() {
    session::Plan plan;
    plan.rubric_id = "behavioral";
    plan.rubric_name = "Behavioral";
    plan.question_id = "end-to-end-project";
    plan.question = "Tell me about an ML project you owned from problem definition to production.";
    plan.phases = {{"Situation", 30'000, {"Context", "Challenge", "Stakeholders"}},
                   {"Task", 15'000, {"Your role", "Goal", "Constraints"}},
                   {"Action", 60'000, {"What YOU did", "Technical decisions"}},
                   {"Result", 30'000, {"Quantifiable impact"}}};
    plan.criteria = {{"structure", "Structure", {{1, "a"}, {3, "b"}, {5, "c"}}}};
    return plan;
}

Key character(std::string text) {
    return {Key::Type::character, std::move(text)};
}

void type(StoryForm& form, std::string_view text) {
    for (char c : text) form.key(character(std::string(1, c)));
}

const Size sizes[] = {{40, 20}, {80, 24}};

} // namespace

TEST_SUITE_BEGIN("live/star_screen");

TEST_CASE("the star plan screen shows the question, the parts with prompts, and the keys to come") {
    for (const Size size : sizes) {
        const View view = view_of(size.columns, size.rows);
        const Lines lines = star_plan_screen(star_plan(), std::string("Churn model"), view);
        CAPTURE(size.columns);
        check_fits(lines, view);
        CHECK(contains(lines, "STAR rehearsal"));
        CHECK(contains(lines, "Story: Churn model"));
        CHECK(contains(lines, "Action"));
        CHECK(contains(lines, "01:00"));
        CHECK(contains(lines, "02:15"));
        CHECK(contains(lines, "Tab ends the part"));
        CHECK(contains(lines, "Enter start"));
    }
    const Lines wide = star_plan_screen(star_plan(), std::nullopt, view_of(80, 24));
    CHECK(contains(wide, "Context, Challenge, Stakeholders"));
    CHECK_FALSE(contains(wide, "Story:"));
}

TEST_CASE("the star plan screen shows the scratchpad's path, to its file name when narrow") {
    for (const Size size : sizes) {
        View view = view_of(size.columns, size.rows);
        view.scratch = "/home/candidate/.local/share/mockcoach/sessions/"
                       "20261207-175411-behavioral-conflict.scratch.txt";
        const Lines lines = star_plan_screen(star_plan(), std::nullopt, view);
        CAPTURE(size.columns);
        check_fits(lines, view);
        CHECK(contains(lines, "Scratchpad:"));
        CHECK(contains(lines, "Enter start"));
    }
    View narrow = view_of(40, 15);
    narrow.scratch = "/home/candidate/sessions/20261207-175411-behavioral-conflict.scratch.txt";
    CHECK(contains(star_plan_screen(star_plan(), std::nullopt, narrow),
                   "Scratchpad: \u2026vioral-conflict.scratch.txt"));
    View wide = view_of(120, 40);
    wide.scratch = narrow.scratch;
    CHECK(
        contains(star_plan_screen(star_plan(), std::nullopt, wide), "Scratchpad: " + wide.scratch));
}

TEST_CASE("a running part shows its prompts, the lines said so far and the line being typed") {
    Engine engine(star_plan());
    REQUIRE(engine.apply({EventKind::start, 0}).accepted());
    REQUIRE(engine.apply({EventKind::say, 1'000, "We had churn."}).accepted());
    REQUIRE(engine.apply({EventKind::say, 2'000, "Costing a lot."}).accepted());
    for (const Size size : sizes) {
        View view = view_of(size.columns, size.rows);
        view.draft = "The stakeholders";
        const Lines lines = star_part_screen(engine, view);
        CAPTURE(size.columns);
        check_fits(lines, view);
        CHECK(contains(lines, "Behavioral \u00b7 part 1/4"));
        CHECK(contains(lines, "Situation"));
        CHECK(contains(lines, "Cover: Context"));
        CHECK(contains(lines, "  We had churn."));
        CHECK(contains(lines, "  Costing a lot."));
        CHECK(contains(lines, "> The stakeholders\u2588"));
        CHECK(contains(lines, "8 words in this part"));
        CHECK(contains(lines, "Tab next"));
        CHECK(contains(lines, "Esc end"));
    }
    // The wide screen spells the keys out; the last part's Tab finishes.
    CHECK(contains(star_part_screen(engine, view_of(80, 24)),
                   "Enter new line \u00b7 Tab next part \u00b7 Ctrl-P pause \u00b7 Ctrl-E +1 min"));
    for (int i = 0; i < 3; ++i) REQUIRE(engine.apply({EventKind::next, 3'000}).accepted());
    CHECK(contains(star_part_screen(engine, view_of(80, 24)), "Tab finish"));
    CHECK(contains(star_part_screen(engine, view_of(40, 20)), "Tab done"));
}

TEST_CASE("a paused part offers Ctrl-P to resume") {
    Engine engine(star_plan());
    REQUIRE(engine.apply({EventKind::start, 0}).accepted());
    REQUIRE(engine.apply({EventKind::pause, 1'000}).accepted());
    CHECK(contains(star_part_screen(engine, view_of(80, 24)), "Ctrl-P resume"));
    CHECK(contains(star_part_screen(engine, view_of(40, 20)), "^P resume"));
    CHECK_FALSE(contains(star_part_screen(engine, view_of(80, 24)), "Ctrl-P pause"));
}

TEST_CASE("a long answer shows its newest lines and a long line its end, within the screen") {
    Engine engine(star_plan());
    REQUIRE(engine.apply({EventKind::start, 0}).accepted());
    for (int i = 1; i <= 30; ++i)
        REQUIRE(engine.apply({EventKind::say, i * 100, "line " + std::to_string(i)}).accepted());
    for (const Size size : sizes) {
        View view = view_of(size.columns, size.rows);
        view.draft = std::string(100, 'x') + "END";
        const Lines lines = star_part_screen(engine, view);
        CAPTURE(size.columns);
        check_fits(lines, view);
        CHECK(contains(lines, "  line 30"));
        CHECK(std::find(lines.begin(), lines.end(), "  line 1") == lines.end()); // scrolled off
        CHECK(contains(lines, "\u2026 line ")); // the oldest line shown says some are above
        CHECK(contains(lines, "xxxEND\u2588"));
        CHECK(static_cast<int>(lines.size()) == size.rows);
    }
}

TEST_CASE("at 40x15 a typed part keeps the question and the last typed lines in view") {
    Engine engine(star_plan());
    REQUIRE(engine.apply({EventKind::start, 0}).accepted());
    for (int i = 1; i <= 6; ++i)
        REQUIRE(engine.apply({EventKind::say, i * 100, "line " + std::to_string(i)}).accepted());
    for (const Size size : {Size{40, 15}, Size{40, 30}, Size{80, 24}, Size{120, 40}}) {
        CAPTURE(size.columns);
        CAPTURE(size.rows);
        View view = view_of(size.columns, size.rows);
        view.draft = "now";
        const Lines lines = star_part_screen(engine, view);
        check_fits(lines, view);
        CHECK(static_cast<int>(lines.size()) == size.rows);
        CHECK(contains(lines, "  Tell me about an ML project you owned"));
        CHECK(contains(lines, "Situation"));
        CHECK(contains(lines, "part 1/4"));
        CHECK(contains(lines, "left of 00:30"));
        CHECK(contains(lines, "  line 6"));
        CHECK(contains(lines, "  line 5"));
        CHECK(contains(lines, " line 4")); // perhaps "… line 4"
        CHECK(contains(lines, "> now\u2588"));
        CHECK(contains(lines, "Esc end"));
    }
}

TEST_CASE("a STAR part shows the interviewer's follow-up, typed or spoken, at every size") {
    session::Plan plan = star_plan();
    plan.phases[0].probes = {
        {10'000, "Who asked for this project, and what did they expect of it?"}};
    Engine engine(plan);
    REQUIRE(engine.apply({EventKind::start, 0}).accepted());
    const session::Outcome ticked = engine.apply({EventKind::tick, 10'000});
    REQUIRE(ticked.effects.probes.size() == 1);
    for (const auto delivery : {session::Delivery::typed, session::Delivery::aloud}) {
        for (const Size size : {Size{40, 15}, Size{40, 30}, Size{80, 24}, Size{120, 40}}) {
            CAPTURE(size.columns);
            CAPTURE(size.rows);
            View view = view_of(size.columns, size.rows);
            view.probe = ticked.effects.probes.front();
            const Lines lines = star_part_screen(engine, view, delivery);
            check_fits(lines, view);
            CHECK(contains(lines, "Interviewer: Who asked for"));
            CHECK(contains(lines, "  Tell me about an ML project you owned"));
            view.probe.reset();
            CHECK_FALSE(contains(star_part_screen(engine, view, delivery), "Interviewer:"));
        }
    }
}

TEST_CASE("a spoken part shows the question above its prompts") {
    Engine engine(star_plan());
    REQUIRE(engine.apply({EventKind::start, 0}).accepted());
    for (const Size size : {Size{40, 15}, Size{80, 24}}) {
        CAPTURE(size.columns);
        const View view = view_of(size.columns, size.rows);
        const Lines lines = star_part_screen(engine, view, session::Delivery::aloud);
        check_fits(lines, view);
        CHECK(contains(lines, "  Tell me about an ML project you owned"));
        CHECK(contains(lines, "  \u25a1 Stakeholders"));
        CHECK(contains(lines, "Tab next"));
    }
}

TEST_CASE("the story form asks for a name, then themes by number or name") {
    StoryForm form({"ownership", "technical-challenge", "collaboration", "failure", "conflict"});
    for (const Size size : sizes) {
        const View view = view_of(size.columns, size.rows);
        check_fits(story_screen(form, view), view);
        CHECK(contains(story_screen(form, view), "Save this answer as a story?"));
    }
    CHECK(form.key({Key::Type::enter, {}}).kind == StoryForm::Outcome::Kind::typing);
    CHECK(form.message() == "a story needs a name");
    type(form, "../x");
    form.key({Key::Type::enter, {}});
    CHECK(form.message().find("cannot contain") != std::string::npos);
    for (int i = 0; i < 4; ++i) form.key({Key::Type::backspace, {}});
    type(form, "Churn model");
    form.key({Key::Type::enter, {}});
    REQUIRE(form.step() == StoryForm::Step::themes);
    CHECK(form.name() == "Churn model");
    for (const Size size : sizes) {
        const View view = view_of(size.columns, size.rows);
        const Lines lines = story_screen(form, view);
        check_fits(lines, view);
        CHECK(contains(lines, "Themes of \"Churn model\""));
        CHECK(contains(lines, "1. ownership (project ownership)"));
        CHECK(contains(lines, "5. conflict"));
    }
    type(form, "9");
    form.key({Key::Type::enter, {}});
    CHECK(form.message() == "9 is not on the list (1 to 5)");
    form.key({Key::Type::backspace, {}});
    type(form, "1, 5, On Call");
    const StoryForm::Outcome saved = form.key({Key::Type::enter, {}});
    REQUIRE(saved.kind == StoryForm::Outcome::Kind::save);
    CHECK(saved.story.name == "Churn model");
    CHECK(saved.story.themes == std::vector<std::string>{"ownership", "conflict", "on-call"});
}

TEST_CASE("Esc in the story form goes back from the themes, then skips; a refusal asks again") {
    StoryForm form({"ownership"});
    type(form, "churn");
    form.key({Key::Type::enter, {}});
    REQUIRE(form.step() == StoryForm::Step::themes);
    CHECK(form.key({Key::Type::escape, {}}).kind == StoryForm::Outcome::Kind::typing);
    CHECK(form.step() == StoryForm::Step::name);
    CHECK(form.draft() == "churn");
    form.key({Key::Type::enter, {}});
    form.refused("the name is taken");
    CHECK(form.step() == StoryForm::Step::name);
    CHECK(form.message() == "the name is taken");
    CHECK(form.key({Key::Type::ctrl_c, {}}).kind == StoryForm::Outcome::Kind::skip);
}

TEST_CASE("Tab and Ctrl-letters decode as keys that do not type") {
    KeyDecoder keys;
    keys.feed("\t\x10\x05\x01x");
    CHECK(keys.next()->type == Key::Type::tab);
    const auto ctrl_p = keys.next();
    CHECK(ctrl_p->type == Key::Type::control);
    CHECK(ctrl_p->text == "p");
    CHECK(keys.next()->text == "e");
    CHECK(keys.next()->text == "a");
    const auto x = keys.next();
    CHECK(x->type == Key::Type::character);
    CHECK(x->text == "x");
}

const Size issue_sizes[] = {{40, 15}, {80, 24}};

TEST_CASE("the plan screen says the budget's rule and how a spoken answer goes") {
    for (const Size size : issue_sizes) {
        const View view = view_of(size.columns, size.rows);
        CAPTURE(size.columns);
        const Lines typed = star_plan_screen(
            star_plan(), std::nullopt, view,
            {session::Delivery::typed,
             "08:26 for typing: the spoken 02:15 \u00d7 150/40 words a minute (star_typing_wpm)"});
        check_fits(typed, view);
        CHECK(contains(typed, "Budget: 08:26 for typing"));
        CHECK(contains(typed, "Tab ends the part"));
        const Lines spoken = star_plan_screen(
            star_plan(), std::nullopt, view,
            {session::Delivery::aloud, "02:15 for speaking, at about 150 words a minute"});
        check_fits(spoken, view);
        CHECK(contains(spoken, "Budget: 02:15 for speaking"));
        CHECK(contains(spoken, "Say your answer out loud"));
        CHECK_FALSE(contains(spoken, "Enter adds a line"));
    }
}

TEST_CASE("a spoken part shows the clock and the prompts, and no editor") {
    Engine engine(star_plan());
    REQUIRE(engine.apply({EventKind::start, 0}).accepted());
    for (const Size size : issue_sizes) {
        const View view = view_of(size.columns, size.rows);
        const Lines lines = star_part_screen(engine, view, session::Delivery::aloud);
        CAPTURE(size.columns);
        check_fits(lines, view);
        CHECK(contains(lines, "part 1/4"));
        CHECK(contains(lines, "left of 00:30"));
        CHECK(contains(lines, "Say it out loud, covering:"));
        CHECK(contains(lines, "\u25a1 Context"));
        CHECK_FALSE(contains(lines, "> "));
        CHECK_FALSE(contains(lines, "Enter new line"));
    }
    CHECK(contains(star_part_screen(engine, view_of(80, 24), session::Delivery::aloud),
                   "Tab next part \u00b7 Ctrl-P pause \u00b7 Ctrl-E +1 min \u00b7 Esc end"));
}

TEST_CASE("after a spoken answer, each part's words are typed with the part's spoken time") {
    Engine engine(star_plan());
    REQUIRE(engine.apply({EventKind::start, 0}).accepted());
    REQUIRE(engine.apply({EventKind::next, 25'000}).accepted());
    REQUIRE(engine.apply({EventKind::quit, 30'000}).accepted());
    REQUIRE(engine.apply({EventKind::words, 31'000, "churn model broke", 0}).accepted());
    for (const Size size : issue_sizes) {
        View view = view_of(size.columns, size.rows);
        view.draft = "after a schema";
        CAPTURE(size.columns);
        const Lines first = star_words_screen(engine, 0, view);
        check_fits(first, view);
        CHECK(contains(first, "part 1 of 4"));
        CHECK(contains(first, "Situation (00:25 spoken)"));
        CHECK(contains(first, "  churn model broke"));
        CHECK(contains(first, "> after a schema\u2588"));
        CHECK(contains(first, "Tab next"));
        const Lines last = star_words_screen(engine, 3, view);
        check_fits(last, view);
        CHECK(contains(last, "Result (00:00 spoken)"));
        CHECK(contains(last, "Tab finish"));
    }
}

TEST_CASE("the checks screen comes before scoring, with every check, within the screen") {
    std::vector<star::Check> checks{
        {"parts-present", true, "all 4 parts have something in them"},
        {"action-longest", false,
         "Action has 3 words, fewer than Situation (9): spend most of the answer on what you did"},
        {"i-over-we", true, "\"I\" outnumbers \"we\" in Action: 2 to 0"},
        {"result-number", false,
         "Result has no number: quantify the impact (%, time, money, users)"},
        {"budget", false, "nothing was said, so 00:00 of its 02:15 is no answer"}};
    for (const Size size : issue_sizes) {
        const View view = view_of(size.columns, size.rows);
        CAPTURE(size.columns);
        const Lines lines = star_checks_screen(checks, view);
        check_fits(lines, view);
        CHECK(contains(lines, "Before you score yourself"));
        CHECK(contains(lines, "Checks an interviewer would make"));
        CHECK(contains(lines, "\u2713  all 4 parts have something in them"));
        CHECK(contains(lines, "\u2717  nothing was said"));
        CHECK(contains(lines, "Enter score yourself"));
    }
}

TEST_SUITE_END();
