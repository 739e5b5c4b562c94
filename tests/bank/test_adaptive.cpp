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

TEST_CASE("the score factor is 4 to the power of how far a category is below the overall mean") {
    const std::vector<rubric::Rubric> rubrics = {
        make_rubric("a", 1, {"x"}), make_rubric("b", 1, {"y"}), make_rubric("c", 1, {"z"}),
        make_rubric("d", 1, {"w"})};
    // Equal practice, so only the scores differ; the overall mean is 3.5.
    const auto factors = bank::adaptive_factors(
        pointers(rubrics),
        practised({{"a", {2, 4.0}}, {"b", {2, 3.5}}, {"c", {2, 3.0}}, {"d", {2, 3.5}}}));
    CHECK(factors[0].score == doctest::Approx(0.5)); // half a point above: 4^-0.5
    CHECK(factors[1].score == doctest::Approx(1.0));
    CHECK(factors[2].score == doctest::Approx(2.0)); // half a point below: 4^0.5
    for (const auto& factor : factors) CHECK(factor.coverage == doctest::Approx(1.0));
    REQUIRE(bank::overall_mean(pointers(rubrics), practised({{"a", {2, 4.0}}, {"c", {2, 3.0}}})));
}

TEST_CASE("the overall mean weighs each category by its scored sessions") {
    const std::vector<rubric::Rubric> rubrics = {make_rubric("a", 1, {"x"}),
                                                 make_rubric("b", 1, {"y"})};
    bank::Practice practice;
    practice.categories["a"] = {9, 4.0, 9};
    practice.categories["b"] = {1, 2.0, 1};
    CHECK(*bank::overall_mean(pointers(rubrics), practice) == doctest::Approx(3.8));
    CHECK_FALSE(bank::overall_mean(pointers(rubrics), {}));
}

TEST_CASE("the score factor stops growing 1.5 below and 1 above the overall mean") {
    const std::vector<rubric::Rubric> rubrics = {
        make_rubric("a", 10, {"x"}), make_rubric("b", 10, {"y"}), make_rubric("c", 1, {"z"})};
    // Overall mean 3; a is 2 above, c 2 below.
    const auto factors = bank::adaptive_factors(
        pointers(rubrics), practised({{"a", {10, 5.0}}, {"b", {10, 3.0}}, {"c", {10, 1.0}}}));
    CHECK(factors[0].score == doctest::Approx(0.25));
    CHECK(factors[2].score == doctest::Approx(8.0));
}

TEST_CASE(
    "the coverage factor grows to 3 as a category falls behind its share, 6 if never practised") {
    const std::vector<rubric::Rubric> rubrics = {
        make_rubric("a", 3, {"x"}), make_rubric("b", 1, {"y"}), make_rubric("c", 4, {"z"})};
    // Draw shares 3/8, 1/8, 4/8; practice 6/8, 2/8, 0.
    const auto factors = bank::adaptive_factors(
        pointers(rubrics), practised({{"a", {6, std::nullopt}}, {"b", {2, std::nullopt}}}));
    CHECK(factors[0].coverage == doctest::Approx(1.0)); // practised more than its share
    CHECK(factors[1].coverage == doctest::Approx(1.0));
    CHECK(factors[2].coverage == doctest::Approx(6.0)); // never practised: 3, doubled
    CHECK(factors[2].score == doctest::Approx(1.0));    // no scores: no lean either way
}

TEST_CASE("a partial shortfall gives a factor between 1 and 3") {
    const std::vector<rubric::Rubric> rubrics = {make_rubric("a", 1, {"x"}),
                                                 make_rubric("b", 1, {"y"})};
    // Shares 1/2 each; b practised 1 in 4: (0.5 - 0.25) / 0.5 = 0.5 short. Overall mean 3.5.
    const auto factors =
        bank::adaptive_factors(pointers(rubrics), practised({{"a", {3, 4.0}}, {"b", {1, 3.0}}}));
    CHECK(factors[1].coverage == doctest::Approx(2.0));
    CHECK(factors[1].score == doctest::Approx(2.0));
    CHECK(factors[0].score == doctest::Approx(0.5));
    // 1 x 0.5 against 1 x 4: b's chance would be 89%, so the cap holds it at a half.
    CHECK(factors[1].cap == doctest::Approx(0.125));
    CHECK(factors[1].total() == doctest::Approx(0.5));
    CHECK(bank::shares(pointers(rubrics),
                       std::vector<double>{factors[0].total(), factors[1].total()})[1] ==
          doctest::Approx(0.5));
}

TEST_CASE("strength 0 is the plain draw, and a higher strength leans further") {
    const std::vector<rubric::Rubric> rubrics = {
        make_rubric("a", 1, {"x"}), make_rubric("b", 1, {"y"}), make_rubric("c", 2, {"z"})};
    const bank::Practice practice = practised({{"a", {4, 4.0}}, {"b", {4, 3.0}}});
    for (const auto& factor : bank::adaptive_factors(pointers(rubrics), practice, 0.0))
        CHECK(factor.total() == 1.0);
    const auto one = bank::adaptive_factors(pointers(rubrics), practice, 1.0);
    const auto two = bank::adaptive_factors(pointers(rubrics), practice, 2.0);
    CHECK(one[1].score == doctest::Approx(2.0)); // half a point below the mean of 3.5
    CHECK(two[1].score == doctest::Approx(4.0));
    CHECK(one[2].coverage == doctest::Approx(6.0));  // never practised: (1 + 2) x 2
    CHECK(two[2].coverage == doctest::Approx(20.0)); // (1 + 4) x 4
}

TEST_CASE("a profile's weights are the shares practice is measured against") {
    const std::vector<rubric::Rubric> rubrics = {make_rubric("a", 9, {"x"}),
                                                 make_rubric("b", 1, {"y"})};
    // Practised 1 : 1. Against the seed's 9 : 1 a is short; against a profile's 1 : 3, b is.
    const bank::Practice practice = practised({{"a", {5, std::nullopt}}, {"b", {5, std::nullopt}}});
    const auto seed = bank::adaptive_factors(pointers(rubrics), practice);
    CHECK(seed[0].coverage > 1.0);
    CHECK(seed[1].coverage == 1.0);
    const std::vector<double> profile = {1, 3};
    const auto leaned = bank::adaptive_factors(pointers(rubrics), profile, practice);
    CHECK(leaned[0].coverage == 1.0);
    CHECK(leaned[1].coverage == doctest::Approx(1 + 2 * (0.75 - 0.5) / 0.75));
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
    // b, never practised, would take 6 in 7 draws: the cap holds it at a half.
    CHECK(adjustments.factors[1] == doctest::Approx(1.0));
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
