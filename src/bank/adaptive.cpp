// The adaptive factors: lean the draw toward the categories a user scores low in and has
// practised less than the bank's share of them, and hold back questions done lately.
#include "bank/bank.hpp"

#include <algorithm>

namespace mockcoach::bank {

std::vector<Factor> adaptive_factors(std::span<const rubric::Rubric* const> rubrics,
                                     const Practice& practice) {
    std::vector<Factor> factors(rubrics.size());
    // Both shares are taken within the rubrics in play, so `draw -c a -c b --adaptive`
    // balances a against b only.
    std::size_t total_sessions = 0;
    for (const rubric::Rubric* rubric : rubrics)
        if (auto it = practice.categories.find(rubric->id); it != practice.categories.end())
            total_sessions += it->second.sessions;
    if (total_sessions == 0) return factors; // no history: the plain seed weights
    const std::vector<double> bank_shares = shares(rubrics);
    for (std::size_t i = 0; i < rubrics.size(); ++i) {
        const auto it = practice.categories.find(rubrics[i]->id);
        const CategoryPractice none;
        const CategoryPractice& record = it != practice.categories.end() ? it->second : none;
        if (record.recent_mean) {
            // 1 at a mean of 5, 3 at a mean of 1.
            const double mean = std::clamp(*record.recent_mean, 1.0, 5.0);
            factors[i].score = 1 + (5 - mean) / 2;
        }
        const double bank_share = bank_shares[i];
        if (bank_share > 0) {
            // 1 when practised at least its share, 2 when never practised.
            const double practice_share =
                static_cast<double>(record.sessions) / static_cast<double>(total_sessions);
            factors[i].coverage = 1 + std::max(0.0, bank_share - practice_share) / bank_share;
        }
    }
    return factors;
}

Adjustments adaptive_adjustments(std::span<const rubric::Rubric* const> rubrics,
                                 const Practice& practice) {
    Adjustments adjustments;
    for (const Factor& factor : adaptive_factors(rubrics, practice))
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
