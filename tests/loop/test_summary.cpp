// The day's summary: each round's counted session, the weakest round, the totals; and the plan.
#include "loop/loop.hpp"

#include "../history/fixtures.hpp"

#include "util/text.hpp"

#include <doctest/doctest.h>
#include <tuple>

using namespace mockcoach;

namespace {

const std::string day_id = "20261112-090000-ml-engineer-onsite";

loop::LoopState planned_day() {
    loop::LoopState state;
    state.id = day_id;
    state.profile = "ml-engineer-onsite";
    state.profile_name = "ML engineer onsite";
    state.started_at = history_fixtures::at(2, 9);
    for (const auto& [name, rubric, minutes] :
         std::vector<std::tuple<std::string, std::string, int>>{
             {"Coding", "dsa", 45}, {"ML depth", "ml", 45}, {"Behavioral", "behavioral", 30}}) {
        loop::Slot slot;
        slot.rubric = rubric;
        slot.rubric_name = rubric + " name";
        slot.question = "Planned " + rubric + "?";
        slot.budget_seconds = minutes * 60;
        loop::RoundState round;
        round.name = name;
        round.questions = {slot};
        round.break_seconds = 600;
        state.rounds.push_back(round);
    }
    state.rounds.back().break_seconds = 0;
    return state;
}

history::Session round_session(int round, std::vector<int> scores, int used_minutes,
                               transcript::Status status = transcript::Status::completed,
                               int hour = 10) {
    history::Session s = history_fixtures::session(round == 2   ? "ml"
                                                   : round == 1 ? "dsa"
                                                                : "behavioral",
                                                   2, scores, status);
    s.started_at = history_fixtures::at(2, hour);
    s.id += "-" + std::to_string(round) + "-" + std::to_string(hour);
    s.loop = transcript::LoopPlace{day_id, round, 3};
    transcript::PhaseTiming phase;
    phase.name = "all";
    phase.budget_seconds = 45 * 60;
    phase.used_seconds = used_minutes * 60;
    s.phases = {phase};
    return s;
}

} // namespace

TEST_SUITE_BEGIN("loop/summary");

TEST_CASE("the summary gives each round its score and time, the weakest round and the totals") {
    std::vector<history::Session> sessions = {
        round_session(1, {4, 4}, 40), round_session(2, {2, 3}, 44), round_session(3, {5, 4}, 30)};
    sessions.push_back(history_fixtures::session("dsa", 3, {1})); // outside the loop: not counted
    const auto summary = loop::summarise(planned_day(), day_id, sessions);
    REQUIRE(summary.rounds.size() == 3);
    CHECK(summary.rounds[0].name == "Coding");
    CHECK(summary.rounds[0].questions[0].mean == doctest::Approx(4.0));
    CHECK(summary.rounds[1].questions[0].mean == doctest::Approx(2.5));
    CHECK(summary.rounds[1].questions[0].used_seconds == 44 * 60);
    REQUIRE(summary.weakest);
    CHECK(*summary.weakest == 1);
    CHECK(summary.used_seconds == (40 + 44 + 30) * 60);
    CHECK(summary.budget_seconds == 3 * 45 * 60);
    CHECK(*summary.mean == doctest::Approx((4.0 + 2.5 + 4.5) / 3));

    const std::string text = loop::render_summary(summary, Style(Colour::plain), 80);
    CHECK(text.find("Loop " + day_id) != std::string::npos);
    CHECK(text.find("Weakest round: 2 ML depth (2.5)") != std::string::npos);
    CHECK(text.find("Total 1:54:00 of 2:15:00 \u00b7 mean 3.7") != std::string::npos);
}

TEST_CASE("the break after a round says how it went: its score and time against its budget") {
    const std::vector<history::Session> sessions = {round_session(1, {4, 4}, 40),
                                                    round_session(2, {2, 3}, 44)};
    const auto summary = loop::summarise(planned_day(), day_id, sessions);
    REQUIRE(summary.rounds.size() == 3);
    CHECK(loop::round_line(summary.rounds[1]) == "Round 2 (ML depth): 2.5 \u00b7 44:00 of 45:00");
    // A round not run (or never scored) says so rather than showing a dash.
    CHECK(loop::round_line(summary.rounds[2]).starts_with("Round 3 (Behavioral): not scored"));
}

TEST_CASE("the summary as JSON carries each round, its questions and the weakest round") {
    std::vector<history::Session> sessions = {round_session(1, {4, 4}, 40),
                                              round_session(2, {2, 3}, 44)};
    const std::string json = loop::summary_json(loop::summarise(planned_day(), day_id, sessions));
    CHECK(json.starts_with("{\n  \"loop\": \"" + day_id +
                           "\",\n  \"profile_name\": \"ML engineer onsite\""));
    CHECK(json.find("\"weakest_round\": 2") != std::string::npos);
    CHECK(json.find("\"status\": null") != std::string::npos); // round 3: not run
    CHECK(json.find("\"status\": \"completed\",\n          \"attempts\": 1,\n          "
                    "\"mean_score\": 2.5") != std::string::npos);
}

TEST_CASE("a round run again after a kill counts its finished attempt, not the interrupted one") {
    std::vector<history::Session> sessions = {
        round_session(1, {4}, 40), round_session(2, {}, 3, transcript::Status::interrupted, 10),
        round_session(2, {3}, 45, transcript::Status::completed, 11)};
    const auto summary = loop::summarise(planned_day(), day_id, sessions);
    CHECK(summary.rounds[1].questions[0].attempts == 2);
    CHECK(summary.rounds[1].questions[0].status == transcript::Status::completed);
    CHECK(summary.rounds[1].questions[0].mean == doctest::Approx(3.0));
    CHECK(summary.used_seconds == 85 * 60);
}

TEST_CASE("rounds not run yet are listed with their planned length and no score") {
    const auto summary = loop::summarise(planned_day(), day_id,
                                         std::vector<history::Session>{round_session(1, {3}, 40)});
    CHECK_FALSE(summary.rounds[2].questions[0].status);
    CHECK(summary.budget_seconds == (45 + 45 + 30) * 60);
    CHECK(loop::render_summary(summary, Style(Colour::plain), 100).find("not finished") !=
          std::string::npos);
    const std::string text = loop::render_summary(summary, Style(Colour::plain), 40);
    CHECK(text.find("not run") != std::string::npos);
    for (std::size_t start = 0, end; start < text.size(); start = end + 1) {
        end = text.find('\n', start);
        CHECK(display_width(text.substr(start, end - start)) <= 40);
    }
}

TEST_CASE("a round of several questions is scored by their mean and listed a row each") {
    loop::LoopState state = planned_day();
    state.rounds[2].questions.push_back(state.rounds[2].questions[0]);
    auto first = round_session(3, {2}, 10);
    auto second = round_session(3, {4}, 12, transcript::Status::completed, 11);
    first.loop->questions = second.loop->questions = 2;
    second.loop->question = 2;
    const auto summary = loop::summarise(
        state, day_id, std::vector<history::Session>{round_session(1, {5}, 40), first, second});
    REQUIRE(summary.rounds[2].questions.size() == 2);
    CHECK(*summary.rounds[2].mean == doctest::Approx(3.0));
    CHECK(summary.rounds[2].used_seconds == 22 * 60);
    CHECK(*summary.weakest == 2);
    CHECK(*summary.mean == doctest::Approx((5.0 + 2 + 4) / 3));
    const std::string text = loop::render_summary(summary, Style(Colour::plain), 100);
    CHECK(text.find("Behavioral 1/2") != std::string::npos);
    CHECK(text.find("Behavioral 2/2") != std::string::npos);
}

TEST_CASE("without its state file a day is summarised from its transcripts alone") {
    const auto summary = loop::summarise(std::nullopt, day_id,
                                         std::vector<history::Session>{round_session(2, {3}, 40)});
    REQUIRE(summary.rounds.size() == 3);
    CHECK(summary.rounds[0].name == "round 1");
    CHECK(summary.rounds[1].name == "ml name");
    CHECK(summary.rounds[1].questions[0].mean == doctest::Approx(3.0));
}

TEST_CASE("the plan shows each round, its break, the total and the expected end") {
    const auto state = planned_day();
    const std::string plan = loop::render_plan(state, 0, from_civil({{2026, 12, 7}, 9, 0, 0}, 0));
    CHECK(plan.find("round 1: Coding \u00b7 dsa name \u00b7 45 min, then a 10 min break") !=
          std::string::npos);
    CHECK(plan.find("round 3: Behavioral \u00b7 behavioral name \u00b7 30 min\n") !=
          std::string::npos);
    CHECK(plan.find("total: 2:20:00 \u00b7 expected end 11:20") != std::string::npos);
    const std::string rest = loop::render_plan(state, 2, from_civil({{2026, 12, 7}, 9, 0, 0}, 0));
    CHECK(rest.find("round 1") == std::string::npos);
    CHECK(rest.find("expected end 09:30") != std::string::npos);
}

TEST_CASE("the plan counts its rounds in words that agree with the number") {
    auto state = planned_day();
    CHECK(loop::render_plan(state, 0, from_civil({{2026, 12, 7}, 9, 0, 0}, 0))
              .find(", 3 rounds, seed") != std::string::npos);
    state.rounds.resize(1);
    CHECK(loop::render_plan(state, 0, from_civil({{2026, 12, 7}, 9, 0, 0}, 0))
              .find(", 1 round, seed") != std::string::npos);
}
