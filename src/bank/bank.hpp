// The question bank and the weighted draw: a category in proportion to its weight, then a
// question in proportion to its own. The random source is passed in, so draws are replayable.
#pragma once

#include "rubric/rubric.hpp"

#include <cstdint>
#include <random>
#include <span>
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

} // namespace mockcoach::bank
