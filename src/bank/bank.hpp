// The question bank and the weighted draw: a category in proportion to its weight, then a
// question in proportion to its own. The random source is passed in, so draws are replayable.
#pragma once

#include "rubric/rubric.hpp"

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <random>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace mockcoach::bank {

// A seeded generator whose sequence the C++ standard fixes, with our own mapping to [0, 1),
// so one seed gives one draw on every standard library and machine.
class Random {
  public:
    explicit Random(std::uint64_t seed) : engine_(seed) {}
    double unit(); // uniform in [0, 1), from the top 53 bits of one output
    std::uint64_t next() { return engine_(); }

  private:
    std::mt19937_64 engine_;
};

std::uint64_t fresh_seed(); // from the operating system's entropy

// Index of the weight that `unit` (in [0, 1)) falls in, weights taken as a cumulative range;
// when all weights are zero every index is equally likely.
std::size_t pick_weighted(std::span<const double> weights, double unit);

struct Drawn {
    const rubric::Rubric* rubric;
    const rubric::Question* question;
};

// Up to `count` distinct questions from the given rubrics (fewer when they hold fewer).
std::vector<Drawn> draw(std::span<const rubric::Rubric* const> rubrics, std::size_t count,
                        Random& random);

// Each rubric's chance of being drawn first: weight over the total of rubrics with questions.
std::vector<double> shares(std::span<const rubric::Rubric* const> rubrics);

// ---- The adaptive draw (the formula is in the README, "The adaptive draw") ----

// A question done in the last this-many sessions is held back until its category runs out.
inline constexpr std::size_t hold_back_sessions = 20;
// The score factor looks at a category's last this-many scored sessions: recent skill.
inline constexpr std::size_t adaptive_score_window = 10;

struct CategoryPractice {
    std::size_t sessions = 0;
    std::optional<double> recent_mean; // mean of the last scored sessions' mean scores
};

// What the adaptive draw knows of the user's past sessions.
struct Practice {
    std::map<std::string, CategoryPractice, std::less<>> categories; // by rubric id
    // (rubric id, question id) of the last hold_back_sessions sessions, newest first.
    std::vector<std::pair<std::string, std::string>> recent;
};

struct Factor {
    double score = 1;    // grows as the category's recent mean score falls
    double coverage = 1; // grows as its share of practice falls behind its share of the bank
    double total() const { return score * coverage; }
};

// One factor per rubric; all 1 for a user with no history, so the draw is the plain one.
std::vector<Factor> adaptive_factors(std::span<const rubric::Rubric* const> rubrics,
                                     const Practice& practice);

struct Adjustments {
    std::vector<double> factors; // per rubric, multiplying its weight; empty: all 1
    // Questions held back, newest first: drawn only when the rest of their category is drawn
    // or held back too, and then the one done longest ago comes first.
    std::vector<std::pair<std::string, std::string>> held_back;
};

Adjustments adaptive_adjustments(std::span<const rubric::Rubric* const> rubrics,
                                 const Practice& practice);

// How many of a rubric's questions are held back.
std::size_t held_back_in(const rubric::Rubric& rubric, const Adjustments& adjustments);

// The draw with each rubric's weight multiplied by its factor and recent questions held back.
// With empty adjustments it is exactly draw(rubrics, count, random).
std::vector<Drawn> draw(std::span<const rubric::Rubric* const> rubrics, std::size_t count,
                        Random& random, const Adjustments& adjustments);

// Each rubric's chance of being drawn first, its weight multiplied by its factor.
std::vector<double> shares(std::span<const rubric::Rubric* const> rubrics,
                           std::span<const double> factors);

} // namespace mockcoach::bank
