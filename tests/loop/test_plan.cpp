// The day's plan: drawn from one seed, no question twice, the profile's weights, and each round's
// phases scaled to whole seconds that sum to its length.
#include "loop/loop.hpp"

#include <doctest/doctest.h>
#include <numeric>
#include <set>

using namespace mockcoach;

namespace {

rubric::Rubric make_rubric(std::string id, double weight, int questions,
                           std::vector<int> phase_minutes = {5, 10}) {
    rubric::Rubric r;
    r.id = id;
    r.name = id + " name";
    r.weight = weight;
    for (int minutes : phase_minutes) {
        rubric::Phase phase;
        phase.name = "phase " + std::to_string(r.phases.size() + 1);
        phase.minutes = minutes;
        r.phases.push_back(phase);
    }
    for (int i = 0; i < questions; ++i) {
        rubric::Question q;
        q.id = id + "-q" + std::to_string(i);
        q.text = "Question " + std::to_string(i) + " of " + id + "?";
        q.weight = 1;
        r.questions.push_back(q);
    }
    return r;
}

rubric::Catalog catalog_of(std::vector<rubric::Rubric> rubrics) {
    rubric::Catalog catalog;
    catalog.rubrics = std::move(rubrics);
    return catalog;
}

const std::vector<loop::RoundSpec> four_rounds = {
    {"Coding", {"dsa", "coding"}, 45, 1, 10},
    {"ML system design", {"design"}, 45, 1, 10},
    {"ML depth", {"ml", "dl"}, 45, 2, 10},
    {"Behavioral", {"behavioral"}, 30, 1, 10},
};

const rubric::Catalog& day_catalog() {
    static const rubric::Catalog catalog =
        catalog_of({make_rubric("dsa", 2, 3), make_rubric("coding", 1, 3),
                    make_rubric("design", 1, 2), make_rubric("ml", 1, 3), make_rubric("dl", 1, 1),
                    make_rubric("behavioral", 1, 2, {20, 10})});
    return catalog;
}

} // namespace

TEST_SUITE_BEGIN("loop/plan");

TEST_CASE("the same seed draws the same day, and another seed may draw another") {
    const auto first = loop::plan_day(four_rounds, day_catalog(), {}, 42);
    const auto again = loop::plan_day(four_rounds, day_catalog(), {}, 42);
    REQUIRE(first.error.empty());
    CHECK(first.rounds == again.rounds);
    bool differs = false;
    for (std::uint64_t seed = 1; seed < 20 && !differs; ++seed)
        differs = loop::plan_day(four_rounds, day_catalog(), {}, seed).rounds != first.rounds;
    CHECK(differs);
}

TEST_CASE("each round draws among its own categories, with its minutes and the break after") {
    const auto day = loop::plan_day(four_rounds, day_catalog(), {}, 7);
    REQUIRE(day.rounds.size() == 4);
    const auto& coding = day.rounds[0].questions.at(0);
    CHECK((coding.rubric == "dsa" || coding.rubric == "coding"));
    CHECK(day.rounds[1].questions.at(0).rubric == "design");
    CHECK(day.rounds[3].questions.at(0).rubric == "behavioral");
    CHECK(day.rounds[0].name == "Coding");
    CHECK(coding.budget_seconds == 45 * 60);
    CHECK(day.rounds[3].budget_seconds() == 30 * 60);
    CHECK(day.rounds[0].break_seconds == 600);
    CHECK(day.rounds[3].break_seconds == 0); // never a break after the last round
}

TEST_CASE("a round of several questions shares its minutes among them in whole seconds") {
    const auto day = loop::plan_day(four_rounds, day_catalog(), {}, 3);
    const auto& depth = day.rounds.at(2).questions;
    REQUIRE(depth.size() == 2);
    CHECK(depth[0].budget_seconds + depth[1].budget_seconds == 45 * 60);
    CHECK(depth[0].budget_seconds == 1350);
    CHECK(depth[0].question_id != depth[1].question_id);
    const std::vector<loop::RoundSpec> odd = {{"Talk", {"behavioral"}, 0.5, 2, 0}};
    const auto halves = loop::plan_day(odd, day_catalog(), {}, 3).rounds.at(0).questions;
    CHECK(halves[0].budget_seconds + halves[1].budget_seconds == 30);
}

TEST_CASE("a round without minutes keeps its rubric's own length") {
    const std::vector<loop::RoundSpec> specs = {{"Talk", {"behavioral"}, std::nullopt, 1, 0}};
    const auto day = loop::plan_day(specs, day_catalog(), {}, 1);
    REQUIRE(day.rounds.size() == 1);
    CHECK(day.rounds[0].budget_seconds() == 30 * 60);
}

TEST_CASE("no question comes twice in a day while its categories hold others") {
    const std::vector<loop::RoundSpec> specs = {{"Design", {"design", "dl"}, 45, 2, 0},
                                                {"More", {"design", "dl"}, 45, 1, 0}};
    for (std::uint64_t seed = 0; seed < 50; ++seed) {
        const auto day = loop::plan_day(specs, day_catalog(), {}, seed);
        REQUIRE(day.rounds.size() == 2);
        std::set<std::string> questions;
        for (const auto& round : day.rounds)
            for (const auto& slot : round.questions) questions.insert(slot.question_id);
        CHECK(questions.size() == 3);
    }
}

TEST_CASE("the profile's weights decide the category within a round") {
    const std::vector<loop::RoundSpec> specs = {{"Coding", {"dsa", "coding"}, 45, 1, 0}};
    int coding = 0;
    for (std::uint64_t seed = 0; seed < 200; ++seed) {
        const auto day = loop::plan_day(
            specs, day_catalog(),
            [](std::span<const rubric::Rubric* const> rubrics) {
                bank::DrawWeights weights;
                for (const rubric::Rubric* rubric : rubrics)
                    weights.categories.push_back(rubric->id == "coding" ? 9.0 : 1.0);
                return weights;
            },
            seed);
        coding += day.rounds.at(0).questions.at(0).rubric == "coding";
    }
    // 9 to 1 against the rubrics' own 1 to 2: about 180 of 200.
    CHECK(coding > 160);
}

TEST_CASE("an unknown category or an empty one is an error naming the round") {
    const std::vector<loop::RoundSpec> unknown = {{"Coding", {"nope"}, 45, 1, 0}};
    CHECK(loop::plan_day(unknown, day_catalog(), {}, 1).error ==
          "round 1 (Coding) names the category \"nope\", which is not a rubric here");
    const auto empty_catalog = catalog_of({make_rubric("dsa", 1, 0)});
    const std::vector<loop::RoundSpec> none = {{"Coding", {"dsa"}, 45, 1, 0}};
    CHECK(loop::plan_day(none, empty_catalog, {}, 1).error ==
          "round 1 (Coding) has no questions to draw from");
}

TEST_CASE("budgets scale to whole seconds that sum exactly to the round's length") {
    const std::vector<session::Millis> budgets = {300'000, 600'000, 1'200'000, 600'000};
    for (const std::int64_t total : {2700, 2701, 1799, 61, 45 * 60 + 7}) {
        const auto scaled = loop::scale_budgets(budgets, total);
        REQUIRE(scaled.size() == 4);
        CHECK(std::accumulate(scaled.begin(), scaled.end(), session::Millis{0}) == total * 1000);
        for (const auto budget : scaled) CHECK(budget % 1000 == 0);
    }
    // 45 minutes of 5+10+20+10: each phase keeps its share.
    CHECK(loop::scale_budgets(budgets, 2700) ==
          std::vector<session::Millis>{300'000, 600'000, 1'200'000, 600'000});
    CHECK(loop::scale_budgets(budgets, 1350) ==
          std::vector<session::Millis>{150'000, 300'000, 600'000, 300'000});
}

TEST_CASE("a length too short for every phase still gives each one second") {
    const std::vector<session::Millis> budgets = {1'000'000, 1'000, 1'000};
    const auto scaled = loop::scale_budgets(budgets, 3);
    CHECK(scaled == std::vector<session::Millis>{1000, 1000, 1000});
    const auto uneven = loop::scale_budgets(budgets, 10);
    CHECK(std::accumulate(uneven.begin(), uneven.end(), session::Millis{0}) == 10'000);
    CHECK(uneven[1] >= 1000);
}

TEST_CASE("scaling a plan scales its phases and keeps follow-ups inside them") {
    session::Plan plan;
    plan.phases = {{"a", 600'000, {}, {{300'000, "why?"}}}, {"b", 1'200'000, {}, {}}};
    loop::scale_plan(plan, 900);
    CHECK(plan.phases[0].budget == 300'000);
    CHECK(plan.phases[1].budget == 600'000);
    CHECK(plan.phases[0].probes[0].at == 150'000);
    CHECK(plan.total_budget() == 900'000);
}

TEST_CASE("a loop id is the local start time and the profile, safe as a file name") {
    const auto id = loop::loop_id(std::chrono::system_clock::now(), "ML Engineer Onsite");
    CHECK(id.size() == 16 + 18);
    CHECK(id.ends_with("-ml-engineer-onsite"));
}

TEST_CASE("a break in scripted mode takes skip, wait SECONDS or quit") {
    using Kind = loop::BreakLine::Kind;
    const auto command = [](std::string_view line) {
        const auto parsed = loop::parse_break_line(line);
        REQUIRE(parsed);
        return *parsed;
    };
    CHECK(std::get<loop::BreakLine>(command("skip")).kind == Kind::skip);
    CHECK(std::get<loop::BreakLine>(command("  quit ")).kind == Kind::quit);
    const auto wait = std::get<loop::BreakLine>(command("wait 90"));
    CHECK(wait.kind == Kind::wait);
    CHECK(wait.wait == 90'000);
    CHECK_FALSE(loop::parse_break_line(""));
    CHECK_FALSE(loop::parse_break_line("# the coffee"));
    CHECK(std::get<std::string>(command("next")) ==
          "next is not for a break; during a break: skip, wait SECONDS or quit");
    CHECK(std::get<std::string>(command("skip it")) ==
          "during a break: skip, wait SECONDS or quit");
    CHECK(std::get<std::string>(command("wait soon")).find("wait") != std::string::npos);
}

TEST_CASE("a round asking more questions than its categories hold draws no day") {
    // The newcomer's SQL day: ten questions from a category of seven repeated three of them.
    const std::vector<loop::RoundSpec> greedy = {{"Design", {"design", "dl"}, 60, 4, 0}};
    const auto day = loop::plan_day(greedy, day_catalog(), {}, 1);
    CHECK(day.rounds.empty());
    CHECK(day.error == "round 1 (Design) asks 4 questions, but its categories hold 3; a day never "
                       "asks a question twice: lower its \"questions\" or give it more categories");
    // Enough in the round, but not after the rounds before it drew theirs.
    const std::vector<loop::RoundSpec> later = {{"First", {"design"}, 45, 2, 0},
                                                {"Second", {"design", "dl"}, 45, 2, 0}};
    CHECK(loop::plan_day(later, day_catalog(), {}, 1).error ==
          "round 2 (Second) asks 2 questions, but its categories hold 3 and the rounds before it "
          "draw 2 of them; a day never asks a question twice: lower its \"questions\" or give it "
          "more categories");
    const std::vector<loop::RoundSpec> exact = {{"First", {"design"}, 45, 2, 0},
                                                {"Second", {"design", "dl"}, 45, 1, 0}};
    CHECK(loop::plan_day(exact, day_catalog(), {}, 1).error.empty());
}

TEST_CASE("a category weighted 0 never makes the day ask a question twice") {
    const std::vector<loop::RoundSpec> specs = {{"First", {"design"}, 45, 2, 0},
                                                {"Second", {"design", "dl"}, 45, 1, 0}};
    const auto day = loop::plan_day(
        specs, day_catalog(),
        [](std::span<const rubric::Rubric* const> rubrics) {
            bank::DrawWeights weights;
            for (const rubric::Rubric* rubric : rubrics)
                weights.categories.push_back(rubric->id == "dl" ? 0.0 : 1.0);
            return weights;
        },
        3);
    CHECK(day.error.starts_with("round 2 (Second) would ask design/"));
}
