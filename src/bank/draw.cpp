// The weighted draw without replacement, optionally adjusted by the adaptive factors.
#include "bank/bank.hpp"

#include <algorithm>
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

DrawWeights seed_weights(std::span<const rubric::Rubric* const> rubrics) {
    DrawWeights weights;
    for (const rubric::Rubric* rubric : rubrics) weights.categories.push_back(rubric->weight);
    return weights;
}

double DrawWeights::question_weight(const rubric::Question& question) const {
    std::optional<double> factor;
    for (const auto& [tag, multiplier] : tags)
        if (std::find(question.tags.begin(), question.tags.end(), tag) != question.tags.end())
            factor = std::max(factor.value_or(multiplier), multiplier);
    return question.weight * factor.value_or(1.0);
}

std::vector<Drawn> draw(std::span<const rubric::Rubric* const> rubrics, std::size_t count,
                        Random& random) {
    return draw(rubrics, seed_weights(rubrics), count, random);
}

std::vector<Drawn> draw(std::span<const rubric::Rubric* const> rubrics, std::size_t count,
                        Random& random, const Adjustments& adjustments) {
    return draw(rubrics, seed_weights(rubrics), count, random, adjustments);
}

namespace {

// Where a question stands in the held-back list: 0 for the newest; nullopt when not held.
std::optional<std::size_t> held_position(const rubric::Rubric& rubric,
                                         const rubric::Question& question,
                                         const Adjustments& adjustments) {
    for (std::size_t i = 0; i < adjustments.held_back.size(); ++i) {
        const auto& [rubric_id, question_id] = adjustments.held_back[i];
        if (rubric_id == rubric.id && question_id == question.id) return i;
    }
    return std::nullopt;
}

// The questions of a pool that may be drawn now: those not held back, or when every one is
// held back, the one done longest ago.
std::vector<std::size_t> candidates(const rubric::Rubric& rubric,
                                    const std::vector<const rubric::Question*>& pool,
                                    const Adjustments& adjustments) {
    std::vector<std::size_t> free;
    std::optional<std::size_t> oldest;
    std::size_t oldest_position = 0;
    for (std::size_t i = 0; i < pool.size(); ++i) {
        const auto position = held_position(rubric, *pool[i], adjustments);
        if (!position) {
            free.push_back(i);
        } else if (!oldest || *position > oldest_position) {
            oldest = i;
            oldest_position = *position;
        }
    }
    if (free.empty() && oldest) free.push_back(*oldest);
    return free;
}

} // namespace

std::vector<Drawn> draw(std::span<const rubric::Rubric* const> rubrics, const DrawWeights& weights,
                        std::size_t count, Random& random, const Adjustments& adjustments) {
    // Questions still in the pool, per rubric; drawn ones are removed so none repeats.
    std::vector<std::vector<const rubric::Question*>> remaining;
    for (const rubric::Rubric* rubric : rubrics) {
        auto& pool = remaining.emplace_back();
        for (const rubric::Question& question : rubric->questions) pool.push_back(&question);
    }
    const auto factor = [&](std::size_t i) {
        return i < adjustments.factors.size() ? adjustments.factors[i] : 1.0;
    };
    std::vector<Drawn> drawn;
    while (drawn.size() < count) {
        std::vector<double> category_weights;
        bool any = false;
        for (std::size_t i = 0; i < rubrics.size(); ++i) {
            const bool available = !remaining[i].empty();
            any = any || available;
            category_weights.push_back(available ? weights.categories[i] * factor(i) : 0.0);
        }
        if (!any) break;
        // A rubric with questions but weight 0 is drawn only when nothing else is left.
        if (std::accumulate(category_weights.begin(), category_weights.end(), 0.0) <= 0) {
            for (std::size_t i = 0; i < rubrics.size(); ++i)
                category_weights[i] = remaining[i].empty() ? 0.0 : 1.0;
        }
        const std::size_t category = pick_weighted(category_weights, random.unit());
        auto& pool = remaining[category];
        const auto allowed = candidates(*rubrics[category], pool, adjustments);
        std::vector<double> question_weights;
        for (std::size_t i : allowed) question_weights.push_back(weights.question_weight(*pool[i]));
        const std::size_t index = allowed[pick_weighted(question_weights, random.unit())];
        drawn.push_back({rubrics[category], pool[index]});
        pool.erase(pool.begin() + static_cast<std::ptrdiff_t>(index));
    }
    return drawn;
}

std::vector<double> shares(std::span<const rubric::Rubric* const> rubrics) {
    return shares(rubrics, seed_weights(rubrics).categories, {});
}

std::vector<double> shares(std::span<const rubric::Rubric* const> rubrics,
                           std::span<const double> factors) {
    return shares(rubrics, seed_weights(rubrics).categories, factors);
}

std::vector<double> shares(std::span<const rubric::Rubric* const> rubrics,
                           std::span<const double> weights, std::span<const double> factors) {
    const auto weight = [&](std::size_t i) {
        if (rubrics[i]->questions.empty()) return 0.0;
        return weights[i] * (i < factors.size() ? factors[i] : 1.0);
    };
    double total = 0;
    for (std::size_t i = 0; i < rubrics.size(); ++i) total += weight(i);
    std::vector<double> result;
    for (std::size_t i = 0; i < rubrics.size(); ++i)
        result.push_back(total > 0 ? weight(i) / total : 0.0);
    return result;
}

} // namespace mockcoach::bank
