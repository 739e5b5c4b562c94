// The adaptive draw: factors from scores and practice, plain weights without history, the
// hold-back rule, and replayable draws under a fixed seed.
#include "bank/bank.hpp"

#include "../strings.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <map>
#include <set>
#include <string>
#include <vector>

using namespace mockcoach;

namespace {

rubric::Rubric make_rubric(std::string id, double weight, std::vector<std::string> questions) {
    rubric::Rubric r;
    r.id = std::move(id);
    r.name = r.id;
    r.weight = weight;
    for (auto& question_id : questions) {
        rubric::Question q;
        q.id = std::move(question_id);
        q.text = q.id + "?";
        r.questions.push_back(q);
    }
    return r;
}

std::vector<const rubric::Rubric*> pointers(const std::vector<rubric::Rubric>& rubrics) {
    std::vector<const rubric::Rubric*> result;
    for (const auto& r : rubrics) result.push_back(&r);
    return result;
}

std::vector<std::string> ids(const std::vector<bank::Drawn>& drawn) {
    std::vector<std::string> result;
    for (const auto& d : drawn) result.push_back(d.rubric->id + "/" + d.question->id);
    return result;
}

bank::Practice practised(std::map<std::string, std::pair<std::size_t, std::optional<double>>> by) {
    bank::Practice practice;
    for (const auto& [id, record] : by) practice.categories[id] = {record.first, record.second};
    return practice;
}

const rubric::Catalog& shipped() {
    static const rubric::Catalog catalog = rubric::build_catalog({rubric::embedded_layer()});
    return catalog;
}

} // namespace

TEST_SUITE_BEGIN("bank/adaptive");

TEST_CASE("with no history every factor is 1 and the adaptive draw is the plain draw") {
    const auto rubrics = pointers(shipped().rubrics);
    for (const auto& factor : bank::adaptive_factors(rubrics, {})) {
        CHECK(factor.score == 1.0);
        CHECK(factor.coverage == 1.0);
    }
    const bank::Adjustments none = bank::adaptive_adjustments(rubrics, {});
    for (std::uint64_t seed = 0; seed < 200; ++seed) {
        bank::Random plain(seed), adaptive(seed);
        CHECK(ids(bank::draw(rubrics, 3, plain)) == ids(bank::draw(rubrics, 3, adaptive, none)));
    }
}

TEST_CASE("the score factor grows from 1 at a mean of 5 to 3 at a mean of 1") {
    const std::vector<rubric::Rubric> rubrics = {
        make_rubric("a", 1, {"x"}), make_rubric("b", 1, {"y"}), make_rubric("c", 1, {"z"})};
    // Equal practice, so only the scores differ.
    const auto factors = bank::adaptive_factors(
        pointers(rubrics), practised({{"a", {2, 5.0}}, {"b", {2, 3.0}}, {"c", {2, 1.0}}}));
    CHECK(factors[0].score == doctest::Approx(1.0));
    CHECK(factors[1].score == doctest::Approx(2.0));
    CHECK(factors[2].score == doctest::Approx(3.0));
    for (const auto& factor : factors) CHECK(factor.coverage == doctest::Approx(1.0));
}

TEST_CASE("the coverage factor grows to 2 as a category falls behind its share of the bank") {
    const std::vector<rubric::Rubric> rubrics = {
        make_rubric("a", 3, {"x"}), make_rubric("b", 1, {"y"}), make_rubric("c", 4, {"z"})};
    // Bank shares 3/8, 1/8, 4/8; practice 6/8, 2/8, 0.
    const auto factors = bank::adaptive_factors(
        pointers(rubrics), practised({{"a", {6, std::nullopt}}, {"b", {2, std::nullopt}}}));
    CHECK(factors[0].coverage == doctest::Approx(1.0)); // practised more than its share
    CHECK(factors[1].coverage == doctest::Approx(1.0));
    CHECK(factors[2].coverage == doctest::Approx(2.0)); // never practised
    CHECK(factors[2].score == doctest::Approx(1.0));    // no scores: no lean either way
}

TEST_CASE("a partial shortfall gives a factor between 1 and 2") {
    const std::vector<rubric::Rubric> rubrics = {make_rubric("a", 1, {"x"}),
                                                 make_rubric("b", 1, {"y"})};
    // Shares 1/2 each; b practised 1 in 4: (0.5 - 0.25) / 0.5 = 0.5 short.
    const auto factors =
        bank::adaptive_factors(pointers(rubrics), practised({{"a", {3, 4.0}}, {"b", {1, 2.0}}}));
    CHECK(factors[1].coverage == doctest::Approx(1.5));
    CHECK(factors[1].score == doctest::Approx(2.5));
    CHECK(factors[1].total() == doctest::Approx(3.75));
    CHECK(factors[0].total() == doctest::Approx(1.5));
}

TEST_CASE("final chances are weight times factor over the total") {
    const std::vector<rubric::Rubric> rubrics = {
        make_rubric("a", 3, {"x"}), make_rubric("b", 1, {"y"}), make_rubric("empty", 5, {})};
    const std::vector<double> factors = {1.0, 2.0, 10.0};
    const auto shares = bank::shares(pointers(rubrics), factors);
    CHECK(shares[0] == doctest::Approx(0.6));
    CHECK(shares[1] == doctest::Approx(0.4));
    CHECK(shares[2] == 0.0); // no questions: never drawn
}

TEST_CASE("the adaptive draw follows the final chances") {
    const std::vector<rubric::Rubric> rubrics = {make_rubric("a", 3, {"x"}),
                                                 make_rubric("b", 1, {"y"})};
    bank::Adjustments adjustments;
    adjustments.factors = {1.0, 2.0}; // chances 0.6 and 0.4
    int b = 0;
    const int draws = 20000;
    for (int seed = 0; seed < draws; ++seed) {
        bank::Random random(static_cast<std::uint64_t>(seed));
        b += bank::draw(pointers(rubrics), 1, random, adjustments)[0].rubric->id == "b";
    }
    CHECK(static_cast<double>(b) / draws == doctest::Approx(0.4).epsilon(0.05));
}

TEST_CASE("a question done lately is held back while its category has others") {
    const std::vector<rubric::Rubric> rubrics = {make_rubric("a", 1, {"q1", "q2", "q3"})};
    bank::Adjustments adjustments;
    adjustments.held_back = {{"a", "q1"}, {"a", "q2"}, {"other", "q3"}};
    for (std::uint64_t seed = 0; seed < 100; ++seed) {
        bank::Random random(seed);
        CHECK(ids(bank::draw(pointers(rubrics), 1, random, adjustments)) ==
              std::vector<std::string>{"a/q3"});
    }
    CHECK(bank::held_back_in(rubrics[0], adjustments) == 2);
}

TEST_CASE("when a category is exhausted, the question done longest ago comes back first") {
    const std::vector<rubric::Rubric> rubrics = {make_rubric("a", 1, {"q1", "q2", "q3"})};
    bank::Adjustments adjustments;
    adjustments.held_back = {{"a", "q3"}, {"a", "q1"}, {"a", "q2"}}; // newest first
    for (std::uint64_t seed = 0; seed < 50; ++seed) {
        bank::Random random(seed);
        CHECK(ids(bank::draw(pointers(rubrics), 3, random, adjustments)) ==
              std::vector<std::string>{"a/q2", "a/q1", "a/q3"});
    }
}

TEST_CASE("adaptive_adjustments holds back the recent questions and multiplies the weights") {
    const std::vector<rubric::Rubric> rubrics = {make_rubric("a", 1, {"x", "y"}),
                                                 make_rubric("b", 1, {"z"})};
    bank::Practice practice = practised({{"a", {2, 5.0}}});
    practice.recent = {{"a", "x"}, {"a", "x"}};
    const auto adjustments = bank::adaptive_adjustments(pointers(rubrics), practice);
    REQUIRE(adjustments.factors.size() == 2);
    CHECK(adjustments.factors[0] == doctest::Approx(1.0));
    CHECK(adjustments.factors[1] == doctest::Approx(2.0));
    CHECK(adjustments.held_back.size() == 2);
    CHECK(bank::held_back_in(rubrics[0], adjustments) == 1);
    CHECK(bank::held_back_in(rubrics[1], adjustments) == 0);
}

TEST_CASE("under a fixed seed the adaptive draw is the same every time and never repeats") {
    const auto rubrics = pointers(shipped().rubrics);
    bank::Practice practice = practised({{"machine-learning", {9, 4.5}}, {"dsa", {1, 2.0}}});
    practice.recent = {{"dsa", "top-k-queries"}, {"machine-learning", "kernel-trick"}};
    const auto adjustments = bank::adaptive_adjustments(rubrics, practice);
    bank::Random first(42), second(42);
    const auto a = ids(bank::draw(rubrics, 30, first, adjustments));
    const auto b = ids(bank::draw(rubrics, 30, second, adjustments));
    CHECK(a == b);
    CHECK(std::set<std::string>(a.begin(), a.end()).size() == 30);
    CHECK(std::find(a.begin(), a.end(), "dsa/top-k-queries") == a.end());
    CHECK(std::find(a.begin(), a.end(), "machine-learning/kernel-trick") == a.end());
    // And the lean shows: over many seeds dsa comes up more often than its plain share.
    int dsa = 0, plain_dsa = 0;
    for (std::uint64_t seed = 0; seed < 4000; ++seed) {
        bank::Random adaptive(seed), plain(seed);
        dsa += bank::draw(rubrics, 1, adaptive, adjustments)[0].rubric->id == "dsa";
        plain_dsa += bank::draw(rubrics, 1, plain)[0].rubric->id == "dsa";
    }
    CHECK(dsa * 2 > plain_dsa * 3); // 24% against 14%
}

TEST_SUITE_END();
