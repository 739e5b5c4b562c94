// The weighted draw without replacement.
#include "bank/bank.hpp"

#include <numeric>

namespace mockcoach::bank {

double Random::unit() {
    return static_cast<double>(engine_() >> 11) * 0x1.0p-53;
}

std::uint64_t fresh_seed() {
    std::random_device device;
    // 63 bits, so that every seed fits a TOML integer in the transcript.
    return ((static_cast<std::uint64_t>(device()) << 32) ^ device()) & 0x7FFF'FFFF'FFFF'FFFFULL;
}

std::size_t pick_weighted(std::span<const double> weights, double unit) {
    if (weights.empty()) return 0;
    double total = 0; // of the positive weights only: the loop below skips the others
    for (double weight : weights)
        if (weight > 0) total += weight;
    if (total <= 0) {
        const auto index = static_cast<std::size_t>(unit * static_cast<double>(weights.size()));
        return std::min(index, weights.size() - 1);
    }
    const double target = unit * total;
    double cumulative = 0;
    std::size_t last_positive = 0;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        if (weights[i] <= 0) continue;
        cumulative += weights[i];
        last_positive = i;
        if (target < cumulative) return i;
    }
    return last_positive; // rounding at the very top of the range
}

std::vector<Drawn> draw(std::span<const rubric::Rubric* const> rubrics, std::size_t count,
                        Random& random) {
    // Questions still in the pool, per rubric; drawn ones are removed so none repeats.
    std::vector<std::vector<const rubric::Question*>> remaining;
    for (const rubric::Rubric* rubric : rubrics) {
        auto& pool = remaining.emplace_back();
        for (const rubric::Question& question : rubric->questions) pool.push_back(&question);
    }
    std::vector<Drawn> drawn;
    while (drawn.size() < count) {
        std::vector<double> category_weights;
        bool any = false;
        for (std::size_t i = 0; i < rubrics.size(); ++i) {
            const bool available = !remaining[i].empty();
            any = any || available;
            category_weights.push_back(available ? rubrics[i]->weight : 0.0);
        }
        if (!any) break;
        // A rubric with questions but weight 0 is drawn only when nothing else is left.
        if (std::accumulate(category_weights.begin(), category_weights.end(), 0.0) <= 0) {
            for (std::size_t i = 0; i < rubrics.size(); ++i)
                category_weights[i] = remaining[i].empty() ? 0.0 : 1.0;
        }
        const std::size_t category = pick_weighted(category_weights, random.unit());
        auto& pool = remaining[category];
        std::vector<double> question_weights;
        for (const rubric::Question* question : pool) question_weights.push_back(question->weight);
        const std::size_t index = pick_weighted(question_weights, random.unit());
        drawn.push_back({rubrics[category], pool[index]});
        pool.erase(pool.begin() + static_cast<std::ptrdiff_t>(index));
    }
    return drawn;
}

std::vector<double> shares(std::span<const rubric::Rubric* const> rubrics) {
    double total = 0;
    for (const rubric::Rubric* rubric : rubrics)
        if (!rubric->questions.empty()) total += rubric->weight;
    std::vector<double> result;
    for (const rubric::Rubric* rubric : rubrics)
        result.push_back(total > 0 && !rubric->questions.empty() ? rubric->weight / total : 0.0);
    return result;
}

} // namespace mockcoach::bank
