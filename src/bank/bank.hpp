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

// What a draw weighs categories and questions by: the seed's weights, or a profile's.
struct DrawWeights {
    std::vector<double> categories; // one per rubric, in the rubrics' order
    // Multipliers of question weights by tag (a profile's [tag_weights]): a question takes the
    // largest of its tags' multipliers, 1 when none of its tags is listed.
    std::vector<std::pair<std::string, double>> tags;
    double question_weight(const rubric::Question& question) const;
};

// The seed's weights of the rubrics: what a draw uses unless a profile gives others.
DrawWeights seed_weights(std::span<const rubric::Rubric* const> rubrics);

// Up to `count` distinct questions from the given rubrics (fewer when they hold fewer), each
// rubric in proportion to its seed weight.
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
    std::size_t recent_scored = 0;     // how many sessions that mean is over
};

// The adaptive draw's one knob (the setting adaptive_strength): 0 is the plain draw, 1 the
// default lean; each step multiplies how far the draw leans.
inline constexpr double default_adaptive_strength = 1.0;
inline constexpr double max_adaptive_strength = 3.0;
// The adaptive draw never gives one category more than this chance while another can be drawn,
// so practice never collapses onto a single weak spot.
inline constexpr double adaptive_cap = 0.5;

// What the adaptive draw knows of the user's past sessions.
struct Practice {
    std::map<std::string, CategoryPractice, std::less<>> categories; // by rubric id
    // (rubric id, question id) of the last hold_back_sessions sessions, newest first.
    std::vector<std::pair<std::string, std::string>> recent;
};

struct Factor {
    double score = 1;    // above 1 below the overall mean score, below 1 above it
    double coverage = 1; // grows as its share of practice falls behind its share of the draw
    double cap = 1;      // below 1 only where the cap holds the category at adaptive_cap
    double total() const { return score * coverage * cap; }
};

// The mean score over every category's recent scored sessions (the rubrics in play only).
std::optional<double> overall_mean(std::span<const rubric::Rubric* const> rubrics,
                                   const Practice& practice);

// One factor per rubric, from its weight in `weights` (the seed's or a profile's); all 1 for a
// user with no history, or at strength 0, so the draw is the plain one.
std::vector<Factor> adaptive_factors(std::span<const rubric::Rubric* const> rubrics,
                                     std::span<const double> weights, const Practice& practice,
                                     double strength = default_adaptive_strength);
// The same with the seed's weights.
std::vector<Factor> adaptive_factors(std::span<const rubric::Rubric* const> rubrics,
                                     const Practice& practice,
                                     double strength = default_adaptive_strength);

struct Adjustments {
    std::vector<double> factors; // per rubric, multiplying its weight; empty: all 1
    // Questions held back, newest first: drawn only when the rest of their category is drawn
    // or held back too, and then the one done longest ago comes first.
    std::vector<std::pair<std::string, std::string>> held_back;
};

Adjustments adaptive_adjustments(std::span<const rubric::Rubric* const> rubrics,
                                 std::span<const double> weights, const Practice& practice,
                                 double strength = default_adaptive_strength);
Adjustments adaptive_adjustments(std::span<const rubric::Rubric* const> rubrics,
                                 const Practice& practice,
                                 double strength = default_adaptive_strength);

// How many of a rubric's questions are held back.
std::size_t held_back_in(const rubric::Rubric& rubric, const Adjustments& adjustments);

// The draw with each rubric's weight (from `weights`) multiplied by its factor and recent
// questions held back. With the seed's weights and empty adjustments it is exactly
// draw(rubrics, count, random).
std::vector<Drawn> draw(std::span<const rubric::Rubric* const> rubrics, const DrawWeights& weights,
                        std::size_t count, Random& random, const Adjustments& adjustments = {});
// The same with the seed's weights.
std::vector<Drawn> draw(std::span<const rubric::Rubric* const> rubrics, std::size_t count,
                        Random& random, const Adjustments& adjustments);

// Each rubric's chance of being drawn first, its weight multiplied by its factor.
std::vector<double> shares(std::span<const rubric::Rubric* const> rubrics,
                           std::span<const double> weights, std::span<const double> factors);
std::vector<double> shares(std::span<const rubric::Rubric* const> rubrics,
                           std::span<const double> factors);

} // namespace mockcoach::bank
