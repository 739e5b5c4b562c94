// A session's plan: what make_plan takes from the rubric and the question, and where the
// interviewer's follow-ups fall in each phase (schedule_followups, reproducible from a seed).
#include "session/engine.hpp"

#include <algorithm>

namespace mockcoach::session {

Millis Plan::total_budget() const {
    Millis total = 0;
    for (const PhasePlan& phase : phases) total += phase.budget;
    return total;
}

std::size_t Plan::probe_count() const {
    std::size_t count = 0;
    for (const PhasePlan& phase : phases) count += phase.probes.size();
    return count;
}

bool Plan::accepts_guess(std::string_view id) const {
    return id == rubric_id || std::find(also.begin(), also.end(), id) != also.end();
}

Plan make_plan(const rubric::Rubric& rubric, const rubric::Question& question) {
    Plan plan;
    plan.rubric_id = rubric.id;
    plan.rubric_name = rubric.name;
    plan.question_id = question.id;
    plan.question = question.text;
    plan.testing = rubric.testing;
    plan.tip = rubric.tip;
    for (const rubric::Phase& phase : rubric.phases)
        plan.phases.push_back(
            {phase.name, Millis{phase.budget_seconds()} * 1000, phase.prompts, {}});
    for (const rubric::Criterion& criterion : rubric.criteria)
        plan.criteria.push_back({criterion.id, criterion.name, criterion.levels});
    plan.key_points.assign(question.key_points.begin(), question.key_points.end());
    plan.also = question.also;
    return plan;
}

namespace {

// splitmix64: a small, fully specified generator, so a seed gives the same follow-up times
// with every standard library (std::uniform_int_distribution is not specified bit for bit).
std::uint64_t mix(std::uint64_t x) {
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

} // namespace

FollowupWindow followup_window(Millis budget) {
    // Whole seconds from a quarter to three quarters of the budget.
    return {(budget / 4 + 999) / 1000 * 1000, budget * 3 / 4 / 1000 * 1000};
}

void schedule_followups(Plan& plan, const rubric::Question& question, std::uint64_t seed) {
    std::uint64_t state = mix(seed ^ 0x666f6c6c6f777570ULL); // "followup"
    for (PhasePlan& phase : plan.phases) {
        phase.probes.clear();
        const auto followups = question.followups_in(phase.name);
        const auto [first, last] = followup_window(phase.budget);
        if (followups.empty() || last < first) continue;
        const std::size_t fit = static_cast<std::size_t>((last - first) / probe_spacing) + 1;
        const std::size_t count = std::min(followups.size(), fit);
        // Draw `count` times in the window shrunk by the gaps, sort them, then add the gaps
        // back: every arrangement with the spacing is possible, and none breaks it.
        const Millis slack = last - first - static_cast<Millis>(count - 1) * probe_spacing;
        std::vector<Millis> times;
        for (std::size_t i = 0; i < count; ++i) {
            state = mix(state);
            times.push_back(
                first +
                static_cast<Millis>(state % static_cast<std::uint64_t>(slack / 1000 + 1)) * 1000);
        }
        std::sort(times.begin(), times.end());
        for (std::size_t i = 0; i < count; ++i)
            phase.probes.push_back({times[i] + static_cast<Millis>(i) * probe_spacing,
                                    std::string(followups[i]->text)});
    }
}

} // namespace mockcoach::session
