// Every live screen at the sizes a terminal may have (40x15, 40x30, 80x24, 120x40): no line wider
// than the width, no more lines than rows, what must always show (the time left, the phase, the
// keys, the question's first line while a phase runs), and no row cut while rows are free: when
// a screen shows less than it would with room to spare, it has no blank rows.
#include "live/screen.hpp"
#include "live/star_screen.hpp"

#include "../session/plans.hpp"
#include "screens.hpp"
#include "util/text.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <functional>
#include <map>
#include <sstream>

using namespace mockcoach;
using namespace mockcoach::live;
using mockcoach::session::Engine;
using mockcoach::session::EventKind;
using mockcoach::test_screens::contains;
using mockcoach::test_screens::contains_block;
using mockcoach::test_screens::frameworks;
using mockcoach::test_screens::view_of;

namespace {

// The shipped ML System Design rubric's shape: a long question, four to six prompts a phase,
// some longer than 40 columns, a follow-up in the first phase, key points and long levels.
session::Plan interview_plan() {
    session::Plan plan = test_plans::small_plan({300'000, 600'000, 1'200'000, 600'000});
    plan.rubric_name = "ML System Design";
    plan.question = "Design a fraud detection system that scores every card transaction within 50 "
                    "ms, knowing that confirmed fraud labels arrive weeks later through "
                    "chargebacks.";
    plan.testing = "Can you design end-to-end ML systems at scale?";
    plan.tip = "Always discuss scale, latency, accuracy and trade-offs.";
    plan.phases[0].name = "Requirements";
    plan.phases[0].prompts = {
        "Problem: what are we predicting, business goal, success metrics",
        "Scale: QPS, number of users, data volume",
        "Latency: real-time (< 100ms), near real-time (< 1s), batch (min/hours)",
        "Accuracy requirements",
        "Cost: what a wrong decline costs against a missed fraud",
        "Labels: where they come from and when"};
    plan.phases[0].probes = {{60'000, "How would you handle labels that arrive ninety days "
                                      "late, and what would you train on meanwhile?"}};
    plan.key_points = {"Fraud is ~0.1% of transactions: judges by PR-AUC or recall at a fixed "
                       "false-decline rate, never accuracy",
                       "Decisions from expected cost: amount × P(fraud) vs customer friction"};
    plan.criteria[0].levels = {
        {1, "Started on models without saying what is predicted, for whom, or how success is "
            "measured."},
        {3, "Defined the prediction target and an offline metric, but left the business "
            "metric, scale or latency budget vague."},
        {5, "Turned the business goal into a prediction target, offline and online metrics, "
            "QPS, data volume and a latency budget, and used them to drive later choices."}};
    return plan;
}

session::Plan star_plan() {
    session::Plan plan;
    plan.rubric_id = "behavioral";
    plan.rubric_name = "Behavioral";
    plan.question = "Tell me about an ML project you owned from problem definition to production.";
    plan.phases = {{"Situation", 113'000, {"Context", "Challenge", "Stakeholders"}},
                   {"Task", 56'000, {"Your role", "Goal", "Constraints"}},
                   {"Action", 225'000, {"What YOU did", "Technical decisions", "Trade-offs"}},
                   {"Result", 112'000, {"Quantifiable impact", "What you learned"}}};
    plan.criteria = {{"structure", "Structure", {{1, "a"}, {3, "b"}, {5, "c"}}}};
    return plan;
}

// An interview 61 s into its first phase: the follow-up raised, two prompts ticked.
Engine running_interview() {
    Engine engine(interview_plan());
    REQUIRE(engine.apply({EventKind::start, 0}).accepted());
    REQUIRE(engine.apply({EventKind::check, 20'000, {}, 0}).accepted());
    REQUIRE(engine.apply({EventKind::check, 30'000, {}, 2}).accepted());
    REQUIRE(engine.apply({EventKind::tick, 61'000}).accepted());
    REQUIRE(engine.raised(0) == 1);
    return engine;
}

Engine after_the_phases() {
    Engine engine(interview_plan());
    REQUIRE(engine.apply({EventKind::start, 0}).accepted());
    REQUIRE(engine.apply({EventKind::quit, 61'000}).accepted());
    REQUIRE(engine.apply({EventKind::point, 61'000, "covered", 0}).accepted());
    for (int i = 1; i <= 8; ++i)
        REQUIRE(engine
                    .apply({EventKind::reflect, 61'000,
                            "a thought worth keeping, number " + std::to_string(i)})
                    .accepted());
    return engine;
}

Engine running_star() {
    Engine engine(star_plan());
    REQUIRE(engine.apply({EventKind::start, 0}).accepted());
    for (int i = 1; i <= 9; ++i)
        REQUIRE(engine
                    .apply({EventKind::say, i * 1'000,
                            "We had churn costing a lot of money, line " + std::to_string(i)})
                    .accepted());
    REQUIRE(engine.apply({EventKind::tick, 12'000}).accepted());
    return engine;
}

bool blank(const std::string& line) {
    return line.find_first_not_of(' ') == std::string::npos;
}

// The words a frame shows, counted; bars and block digits (which change form with the rows,
// not content) left out.
std::map<std::string, int> words(const Lines& lines) {
    std::map<std::string, int> counted;
    for (const std::string& line : lines) {
        std::istringstream in(line);
        std::string word;
        while (in >> word)
            if (word.find("\u2588") == std::string::npos &&
                word.find("\u2591") == std::string::npos)
                ++counted[word];
    }
    return counted;
}

// Whether `small` leaves out any word `whole` shows.
bool something_cut(const Lines& small, const Lines& whole) {
    const auto shown = words(small);
    for (const auto& [word, count] : words(whole)) {
        const auto found = shown.find(word);
        if (found == shown.end() || found->second < count) return true;
    }
    return false;
}

struct Screen {
    std::string name;
    std::function<Lines(const View&)> render;
    std::vector<std::string> always; // shown at every size
    std::string clock{};             // the time left, when the screen has one
};

void check_screen(const Screen& screen) {
    CAPTURE(screen.name);
    for (const Size size : {Size{40, 15}, Size{40, 30}, Size{80, 24}, Size{120, 40}}) {
        CAPTURE(size.columns);
        CAPTURE(size.rows);
        const View view = view_of(size.columns, size.rows);
        const Lines lines = screen.render(view);
        std::string frame; // the screen as shown, when a check fails
        for (const std::string& line : lines) frame += "\n|" + line;
        CAPTURE(frame);
        CHECK(lines.size() <= static_cast<std::size_t>(size.rows));
        for (const std::string& line : lines) {
            CAPTURE(line);
            CHECK(display_width(line) <= static_cast<std::size_t>(size.columns));
        }
        for (const std::string& text : screen.always) {
            CAPTURE(text);
            CHECK(contains(lines, text));
        }
        if (!screen.clock.empty())
            CHECK((contains(lines, screen.clock) ||
                   contains_block(lines, big_text(screen.clock, 200))));
        // No row cut while rows are free.
        const Lines roomy = screen.render(view_of(size.columns, 200));
        if (something_cut(lines, roomy)) CHECK(std::none_of(lines.begin(), lines.end(), blank));
    }
}

} // namespace

TEST_SUITE_BEGIN("live/sizes");

TEST_CASE("the plan and the blind pick fit every size") {
    check_screen(
        {"plan",
         [](const View& view) { return plan_screen(interview_plan(), true, view); },
         {"mockcoach \u00b7 ML System Design", "  Design a fraud detection", "Enter start"}});
    check_screen({"blind plan",
                  [](const View& view) { return plan_screen(interview_plan(), false, view); },
                  {"blind mock interview", "  Design a fraud detection", "Enter start"}});
    check_screen({"pick",
                  [](const View& view) {
                      View drafting = view;
                      drafting.draft = "1";
                      return pick_screen(interview_plan(), frameworks, drafting);
                  },
                  {"  Design a fraud detection", " 1. Behavioral", "18. System D", "number> 1",
                   "type a number"}});
}

TEST_CASE("a running phase with a follow-up, ticks and a long question fits every size") {
    const Engine engine = running_interview();
    const session::RaisedProbe probe{0, 0, 60'000};
    const std::vector<std::string> always{"ML System Design \u00b7 phase 1/4", "Requirements",
                                          "  Design a fraud detection", "? help"};
    check_screen(
        {"phase",
         [&](const View& view) {
             View shown = view;
             shown.probe = probe;
             return phase_screen(engine, shown);
         },
         {"ML System Design \u00b7 phase 1/4", "Requirements", "  Design a fraud detection",
          "Interviewer: How would you", " 1 \u2713 ", "? help"},
         "03:59"});
    check_screen({"phase, whole question",
                  [&](const View& view) {
                      View shown = view;
                      shown.probe = probe;
                      shown.whole_question = true;
                      return phase_screen(engine, shown);
                  },
                  {"ML System Design \u00b7 phase 1/4", "Requirements", "chargebacks.", "? help"},
                  "03:59"});
    check_screen({"phase, key help",
                  [&](const View& view) {
                      View shown = view;
                      shown.probe = probe; // the help takes its place
                      shown.help = true;
                      return phase_screen(engine, shown);
                  },
                  {"phase 1/4", "Requirements", "  Design a fraud detection", "1-9    tick",
                   "y/p/n  mark key points", "? close the help"},
                  "03:59"});
    check_screen({"phase, typing a note",
                  [&](const View& view) {
                      View shown = view;
                      shown.draft = "cache the features";
                      return phase_screen(engine, shown);
                  },
                  {"phase 1/4", "Requirements", "  Design a fraud detection",
                   "note> cache the features", "Enter save"},
                  "03:59"});
}

TEST_CASE("the screens after the clock fit every size") {
    const Engine engine = after_the_phases();
    check_screen(
        {"key point",
         [&](const View& view) { return key_point_screen(engine, 1, view); },
         {"Key point 2 of 2 \u00b7 1 left to check", "  Decisions from expected", "y/p/n"}});
    check_screen({"scoring",
                  [&](const View& view) { return scoring_screen(engine, view); },
                  {"Score yourself \u00b7 1 of 3", "Key points: 1 covered", "Structure", "1-5"}});
    check_screen({"reflection",
                  [&](const View& view) {
                      View typing = view;
                      typing.draft = "next time";
                      return reflection_screen(engine, typing);
                  },
                  {"Reflection", "number 8", "> next time", "Enter"}});
}

TEST_CASE("a running STAR part fits every size, typed or spoken") {
    const Engine engine = running_star();
    check_screen({"star typed",
                  [&](const View& view) {
                      View typing = view;
                      typing.draft = "and then";
                      return star_part_screen(engine, typing);
                  },
                  {"Behavioral \u00b7 part 1/4", "Situation", "  Tell me about an ML project",
                   "line 9", "> and then", "Esc end"},
                  "01:41"});
    check_screen(
        {"star spoken",
         [&](const View& view) { return star_part_screen(engine, view, session::Delivery::aloud); },
         {"Behavioral \u00b7 part 1/4", "Situation", "  Tell me about an ML project",
          "\u25a1 Context", "Esc end"},
         "01:41"});
}

TEST_SUITE_END();
