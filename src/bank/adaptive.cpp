// The adaptive factors: lean the draw toward the categories a user scores below their overall
// mean in, and has practised less than the draw's share of them (never at all most of all), cap
// any one category's chance, and hold back questions done lately. README, "The adaptive draw",
// has the formula.
#include "bank/bank.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace mockcoach::bank {
namespace {

// The score factor's base: a category a whole point below the overall mean gets this factor at
// strength 1, enough to draw it at least twice its share (README, "The adaptive draw").
constexpr double score_base = 4.0;
// How far from the overall mean the score factor looks: beyond, the lean stops growing, so a
// single disastrous session does not take over the draw.
constexpr double most_below = 1.5;
constexpr double most_above = 1.0;
// The coverage factor at strength 1 for a category that has all its share still to practise:
// 1 + this.
constexpr double coverage_gain = 2.0;
// And once more for one never practised at all, at strength 1: nothing is known of it, and it
// must stand out even when every other category is behind its share too.
constexpr double never_practised = 2.0;

// Caps the category whose chance exceeds adaptive_cap, when another can be drawn: its factor is
// lowered so its chance is exactly the cap. Only one category can exceed a half.
void apply_cap(std::span<const rubric::Rubric* const> rubrics, std::span<const double> weights,
               std::vector<Factor>& factors) {
    std::vector<double> effective;
    for (std::size_t i = 0; i < rubrics.size(); ++i)
        effective.push_back(
            rubrics[i]->questions.empty() ? 0.0 : std::max(0.0, weights[i]) * factors[i].total());
    const double total = std::accumulate(effective.begin(), effective.end(), 0.0);
    if (total <= 0) return;
    const auto top = std::max_element(effective.begin(), effective.end());
    const double others = total - *top;
    if (others <= 0 || *top / total <= adaptive_cap) return;
    // top' / (top' + others) = cap  =>  top' = others * cap / (1 - cap)
    const auto i = static_cast<std::size_t>(top - effective.begin());
    factors[i].cap = others * adaptive_cap / (1 - adaptive_cap) / *top;
}

} // namespace

std::optional<double> overall_mean(std::span<const rubric::Rubric* const> rubrics,
                                   const Practice& practice) {
    double sum = 0;
    std::size_t count = 0;
    for (const rubric::Rubric* rubric : rubrics) {
        const auto it = practice.categories.find(rubric->id);
        if (it == practice.categories.end() || !it->second.recent_mean) continue;
        // A record without a count (built by hand) still counts once.
        const std::size_t n = std::max<std::size_t>(1, it->second.recent_scored);
        sum += *it->second.recent_mean * static_cast<double>(n);
        count += n;
    }
    if (count == 0) return std::nullopt;
    return sum / static_cast<double>(count);
}

std::vector<Factor> adaptive_factors(std::span<const rubric::Rubric* const> rubrics,
                                     const Practice& practice, double strength) {
    return adaptive_factors(rubrics, seed_weights(rubrics).categories, practice, strength);
}

std::vector<Factor> adaptive_factors(std::span<const rubric::Rubric* const> rubrics,
                                     std::span<const double> weights, const Practice& practice,
                                     double strength) {
    std::vector<Factor> factors(rubrics.size());
    strength = std::clamp(strength, 0.0, max_adaptive_strength);
    // Shares and the overall mean are taken within the rubrics in play, so
    // `draw -c a -c b --adaptive` balances a against b only.
    std::size_t total_sessions = 0;
    for (const rubric::Rubric* rubric : rubrics)
        if (auto it = practice.categories.find(rubric->id); it != practice.categories.end())
            total_sessions += it->second.sessions;
    if (total_sessions == 0 || strength == 0) return factors; // the plain draw
    const std::vector<double> draw_shares = shares(rubrics, weights, {});
    const std::optional<double> overall = overall_mean(rubrics, practice);
    for (std::size_t i = 0; i < rubrics.size(); ++i) {
        const auto it = practice.categories.find(rubrics[i]->id);
        const CategoryPractice none;
        const CategoryPractice& record = it != practice.categories.end() ? it->second : none;
        if (record.recent_mean && overall) {
            const double below =
                std::clamp(*overall - *record.recent_mean, -most_above, most_below);
            factors[i].score = std::pow(score_base, strength * below);
        }
        const double draw_share = draw_shares[i];
        if (draw_share > 0) {
            // 0 when practised at least its share, 1 when never practised.
            const double practice_share =
                static_cast<double>(record.sessions) / static_cast<double>(total_sessions);
            const double shortfall = std::max(0.0, draw_share - practice_share) / draw_share;
            factors[i].coverage = 1 + coverage_gain * strength * shortfall;
            if (record.sessions == 0) factors[i].coverage *= std::pow(never_practised, strength);
        }
    }
    apply_cap(rubrics, weights, factors);
    return factors;
}

Adjustments adaptive_adjustments(std::span<const rubric::Rubric* const> rubrics,
                                 const Practice& practice, double strength) {
    return adaptive_adjustments(rubrics, seed_weights(rubrics).categories, practice, strength);
}

Adjustments adaptive_adjustments(std::span<const rubric::Rubric* const> rubrics,
                                 std::span<const double> weights, const Practice& practice,
                                 double strength) {
    Adjustments adjustments;
    for (const Factor& factor : adaptive_factors(rubrics, weights, practice, strength))
        adjustments.factors.push_back(factor.total());
    const std::size_t held = std::min(practice.recent.size(), hold_back_sessions);
    adjustments.held_back.assign(practice.recent.begin(),
                                 practice.recent.begin() + static_cast<std::ptrdiff_t>(held));
    return adjustments;
}

std::size_t held_back_in(const rubric::Rubric& rubric, const Adjustments& adjustments) {
    std::size_t count = 0;
    for (const rubric::Question& question : rubric.questions) {
        const bool held = std::any_of(
            adjustments.held_back.begin(), adjustments.held_back.end(), [&](const auto& pair) {
                return pair.first == rubric.id && pair.second == question.id;
            });
        count += held;
    }
    return count;
}

} // namespace mockcoach::bank
