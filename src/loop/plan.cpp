// Drawing a day's rounds from one seed and fitting each round's phases to its length.
#include "loop/loop.hpp"

#include "bank/bank.hpp"
#include "transcript/store.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <numeric>

namespace mockcoach::loop {

namespace {

// A round's minutes shared among its questions in whole seconds; none: each question its drawn
// rubric's own length.
std::vector<std::int64_t> question_seconds(const RoundSpec& spec) {
    const auto count = static_cast<std::size_t>(std::max(spec.questions, 1));
    if (!spec.minutes) return std::vector<std::int64_t>(count, 0);
    const std::vector<session::Millis> even(count, 1);
    std::vector<std::int64_t> seconds;
    for (const session::Millis share : scale_budgets(even, std::llround(*spec.minutes * 60)))
        seconds.push_back(share / 1000);
    return seconds;
}

// The adjustments with the weight of each category whose questions were all drawn earlier in
// the day taken away, while another still has one: the draw holds questions back only within a
// category, and a day should not repeat a question while it has others to ask.
bank::Adjustments without_spent(std::span<const rubric::Rubric* const> rubrics,
                                const bank::DrawWeights& weights, bank::Adjustments adjustments) {
    std::vector<double> factors(rubrics.size(), 1.0);
    bool any_left = false;
    for (std::size_t i = 0; i < rubrics.size(); ++i) {
        if (bank::held_back_in(*rubrics[i], adjustments) >= rubrics[i]->questions.size())
            factors[i] = 0;
        else
            any_left = any_left || weights.categories[i] > 0;
    }
    if (any_left) adjustments.factors = std::move(factors);
    return adjustments;
}

// Why round `index` cannot ask `spec.questions` questions without one the day asks twice
// (its categories hold fewer, or fewer than the earlier rounds left), or "" when it can.
std::string too_few_questions(const RoundSpec& spec, std::size_t index,
                              std::span<const rubric::Rubric* const> rubrics,
                              const bank::Adjustments& held) {
    std::size_t total = 0;
    std::size_t left = 0;
    for (const rubric::Rubric* rubric : rubrics) {
        total += rubric->questions.size();
        left += rubric->questions.size() -
                std::min(rubric->questions.size(), bank::held_back_in(*rubric, held));
    }
    const auto asked = static_cast<std::size_t>(std::max(spec.questions, 1));
    if (total == 0 || asked <= left) return "";
    const std::string head =
        fmt::format("round {} ({}) asks {} question{}, but its categories hold {}", index + 1,
                    spec.name, asked, asked == 1 ? "" : "s", total);
    const std::string tail = "; a day never asks a question twice: lower its \"questions\" or "
                             "give it more categories";
    if (left == total) return head + tail;
    return head + fmt::format(" and the rounds before it draw {} of them", total - left) + tail;
}

} // namespace

DayDraw plan_day(std::span<const RoundSpec> specs, const rubric::Catalog& catalog,
                 const WeightsFor& weights_for, std::uint64_t seed) {
    DayDraw day;
    // One random source for the whole day, so one seed gives one day.
    bank::Random random(seed);
    bank::Adjustments held;
    for (std::size_t i = 0; i < specs.size(); ++i) {
        const RoundSpec& spec = specs[i];
        std::vector<const rubric::Rubric*> rubrics;
        for (const std::string& id : spec.categories) {
            const rubric::Rubric* found = catalog.find(id);
            if (!found) {
                day.error = fmt::format("round {} ({}) names the category \"{}\", which is not "
                                        "a rubric here",
                                        i + 1, spec.name, id);
                return day;
            }
            rubrics.push_back(found);
        }
        const bank::DrawWeights weights =
            weights_for ? weights_for(rubrics) : bank::seed_weights(rubrics);
        RoundState round;
        round.name = spec.name;
        round.break_seconds = i + 1 < specs.size() ? std::llround(spec.break_minutes * 60) : 0;
        if (const std::string short_of = too_few_questions(spec, i, rubrics, held);
            !short_of.empty()) {
            day.error = short_of;
            return day;
        }
        for (const std::int64_t seconds : question_seconds(spec)) {
            const auto drawn =
                bank::draw(rubrics, weights, 1, random, without_spent(rubrics, weights, held));
            if (drawn.empty()) {
                day.error =
                    fmt::format("round {} ({}) has no questions to draw from", i + 1, spec.name);
                return day;
            }
            const bank::Drawn& pick = drawn.front();
            // Only a category weighted 0 can have kept the day's last questions from the draw.
            const std::pair<std::string, std::string> key{pick.rubric->id, pick.question->id};
            if (std::find(held.held_back.begin(), held.held_back.end(), key) !=
                held.held_back.end()) {
                day.error = fmt::format("round {} ({}) would ask {}/{} twice: the categories "
                                        "left with questions weigh 0 in the profile",
                                        i + 1, spec.name, key.first, key.second);
                return day;
            }
            // Newest first, as the adaptive draw keeps its recent questions.
            held.held_back.insert(held.held_back.begin(), {pick.rubric->id, pick.question->id});
            Slot slot;
            slot.rubric = pick.rubric->id;
            slot.rubric_name = pick.rubric->name;
            slot.question_id = pick.question->id;
            slot.question = pick.question->text;
            slot.budget_seconds =
                seconds > 0 ? seconds : static_cast<std::int64_t>(pick.rubric->total_seconds());
            round.questions.push_back(std::move(slot));
        }
        day.rounds.push_back(std::move(round));
    }
    return day;
}

std::vector<session::Millis> scale_budgets(std::span<const session::Millis> budgets,
                                           std::int64_t total_seconds) {
    std::vector<session::Millis> scaled(budgets.size(), 0);
    if (budgets.empty()) return scaled;
    const auto count = static_cast<std::int64_t>(budgets.size());
    const std::int64_t total = std::max(total_seconds, count);
    const double sum =
        static_cast<double>(std::accumulate(budgets.begin(), budgets.end(), session::Millis{0}));
    // Each phase's exact share, floored; the seconds left go to the largest remainders (the
    // earlier phase on a tie), so the whole seconds sum to the round's length exactly.
    std::vector<double> exact(budgets.size());
    std::vector<std::int64_t> seconds(budgets.size());
    std::int64_t given = 0;
    for (std::size_t i = 0; i < budgets.size(); ++i) {
        exact[i] = sum > 0 ? static_cast<double>(budgets[i]) / sum * static_cast<double>(total)
                           : static_cast<double>(total) / static_cast<double>(count);
        seconds[i] = std::max<std::int64_t>(1, static_cast<std::int64_t>(std::floor(exact[i])));
        given += seconds[i];
    }
    std::vector<std::size_t> order(budgets.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return exact[a] - std::floor(exact[a]) > exact[b] - std::floor(exact[b]);
    });
    for (std::size_t k = 0; given < total; k = (k + 1) % order.size(), ++given) ++seconds[order[k]];
    // A phase raised to its one second may leave the sum over: take it back from the largest.
    while (given > total) {
        const auto largest = std::max_element(seconds.begin(), seconds.end());
        --*largest;
        --given;
    }
    for (std::size_t i = 0; i < budgets.size(); ++i) scaled[i] = seconds[i] * 1000;
    return scaled;
}

void scale_plan(session::Plan& plan, std::int64_t total_seconds) {
    std::vector<session::Millis> budgets;
    for (const session::PhasePlan& phase : plan.phases) budgets.push_back(phase.budget);
    const auto scaled = scale_budgets(budgets, total_seconds);
    for (std::size_t i = 0; i < plan.phases.size(); ++i) {
        session::PhasePlan& phase = plan.phases[i];
        // Follow-ups already placed keep their place in the phase's proportion.
        for (session::Probe& probe : phase.probes)
            if (phase.budget > 0) probe.at = probe.at * scaled[i] / phase.budget / 1000 * 1000;
        phase.budget = scaled[i];
    }
}

std::string loop_id(std::chrono::system_clock::time_point started, std::string_view profile) {
    const CivilTime local = civil_of(local_wall_time(started));
    return fmt::format("{:04}{:02}{:02}-{:02}{:02}{:02}-{}", local.date.year, local.date.month,
                       local.date.day, local.hour, local.minute, local.second,
                       transcript::sanitise(profile, 48));
}

} // namespace mockcoach::loop
