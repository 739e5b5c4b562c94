// The three bar charts: time per phase against budget, practice against the bank, and the
// weakest criteria.
#include "report/charts.hpp"
#include "report/report.hpp"
#include "report/svg.hpp"
#include "util/text.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace mockcoach::report {

namespace {

using svg::Anchor;

// Row labels sit left of the bars; long names are cut (the tooltip and the table have them).
constexpr double label_right = 270;
constexpr double bars_left = 280;
constexpr double bars_right = 700; // the notes go right of it
constexpr std::size_t label_columns = 40;

// Below this a rubric's axis is in mm:ss: in minutes a behavioral answer's 2-minute budget
// reads "0.0 / 0.5 / 1.0 / 1.5 min", which nobody times an answer by.
constexpr double clock_axis_below_seconds = 180;

// Minutes on one rubric's axis: each rubric gets its own scale, since a STAR part's 30 s next
// to a system design deep dive's 20 minutes would not show at all on a shared one.
std::vector<svg::Tick> time_ticks(double high_seconds) {
    if (high_seconds < clock_axis_below_seconds) return svg::clock_ticks(high_seconds, 6);
    std::vector<svg::Tick> ticks = svg::number_ticks(0, high_seconds / 60, 6, " min");
    for (auto& tick : ticks) tick.value *= 60;
    return ticks;
}

struct PhaseGroup {
    std::string title;
    std::vector<const history::PhaseStats*> phases; // in the rubric's order
};

std::vector<PhaseGroup> group_phases(const std::vector<history::PhaseStats>& phases,
                                     const std::vector<history::CategoryStats>& categories) {
    std::vector<std::string> order;
    for (const auto& category : categories) order.push_back(category.rubric);
    for (const auto& phase : phases)
        if (std::find(order.begin(), order.end(), phase.rubric) == order.end())
            order.push_back(phase.rubric);
    std::vector<PhaseGroup> groups;
    for (const std::string& rubric : order) {
        PhaseGroup group;
        group.title = rubric;
        for (const auto& category : categories)
            if (category.rubric == rubric && !category.rubric_name.empty())
                group.title = category.rubric_name;
        for (const auto& phase : phases)
            if (phase.rubric == rubric) group.phases.push_back(&phase);
        if (group.phases.empty()) continue;
        std::stable_sort(group.phases.begin(), group.phases.end(),
                         [](const auto* a, const auto* b) { return a->position < b->position; });
        groups.push_back(std::move(group));
    }
    return groups;
}

constexpr double row_height = 22;
constexpr double bar_height = 14;

void phases_legend(svg::Chart& chart, const std::string& overtime_fill) {
    chart.rect(bars_left, 8, 24, 12, "track");
    chart.text(bars_left + 30, 18, "budget", "legend");
    chart.line(bars_left + 96, 4, bars_left + 96, 24, "budget");
    chart.text(bars_left + 104, 18, "end of budget", "legend");
    chart.rect(bars_left + 210, 8, 24, 12, "used");
    chart.text(bars_left + 240, 18, "mean time used", "legend");
    chart.rect(bars_left + 350, 8, 24, 12, "over", overtime_fill);
    chart.text(bars_left + 380, 18, "overtime", "legend");
}

} // namespace

std::string phases_chart(const std::vector<history::PhaseStats>& phases,
                         const std::vector<history::CategoryStats>& categories) {
    const std::vector<PhaseGroup> groups = group_phases(phases, categories);
    if (groups.empty()) return "";
    double height = 34;
    for (const auto& group : groups)
        height += 24 + static_cast<double>(group.phases.size()) * row_height + 30;
    svg::Chart chart(
        "chart-phases", chart_width, height, "Time used against budget, per phase",
        "For each category and each of its phases, in order: the mean time used in the sessions "
        "that finished the phase, in minutes, against the phase's budget. Time beyond the budget "
        "is overtime, drawn hatched; the note on the right gives the figures and how many "
        "sessions overran.");
    const std::string overtime_fill = chart.hatch("overtime", "#fbd3c9", "#b2182b");
    phases_legend(chart, overtime_fill);
    double top = 34;
    for (const auto& group : groups) {
        chart.text(8, top + 16, truncate_to(group.title, 60), "group-title");
        top += 24;
        double high = 0;
        for (const auto* phase : group.phases)
            high = std::max({high, phase->mean_used_seconds, phase->mean_budget_seconds});
        const svg::Scale x{0, std::max(high, 1.0) * 1.05, bars_left, bars_right};
        const double bottom = top + static_cast<double>(group.phases.size()) * row_height;
        const auto ticks = time_ticks(x.from_high);
        for (const auto& tick : ticks)
            chart.line(x(tick.value), top, x(tick.value), bottom, "grid");
        for (const auto* phase : group.phases) {
            const double bar_top = top + (row_height - bar_height) / 2;
            const double used = phase->mean_used_seconds;
            const double budget = phase->mean_budget_seconds;
            chart.text(label_right, top + 15, truncate_to(phase->name, label_columns), "label",
                       Anchor::end);
            chart.rect(x(0), bar_top, x(budget) - x(0), bar_height, "track");
            chart.rect(x(0), bar_top, x(std::min(used, budget)) - x(0), bar_height, "used");
            if (used > budget)
                chart.rect(x(budget), bar_top, x(used) - x(budget), bar_height, "over",
                           overtime_fill);
            chart.line(x(budget), bar_top - 3, x(budget), bar_top + bar_height + 3, "budget");
            std::string note =
                fmt::format("{} of {}", chart_text::clock(used), chart_text::clock(budget));
            if (used > budget) note += fmt::format(" (+{})", chart_text::clock(used - budget));
            note += fmt::format(" \u00b7 {} of {} overran", phase->overran, phase->sessions);
            chart.text(bars_right + 10, top + 15, note, "note");
            chart.tooltip(fmt::format("{}, {}: {}", group.title, phase->name, note));
            top += row_height;
        }
        chart.x_axis(x, ticks, bottom, "");
        top = bottom + 30;
    }
    return chart.finish();
}

std::string coverage_chart(const std::vector<history::Coverage>& coverage) {
    if (coverage.empty()) return "";
    constexpr double row = 30;
    const double height = 40 + static_cast<double>(coverage.size()) * row + 44;
    double high = 0;
    for (const auto& c : coverage) high = std::max({high, c.practice_share, c.bank_share});
    svg::Chart chart(
        "chart-coverage", chart_width, height, "Practice against the question bank",
        "For each category: its share of your sessions (solid bar) against its share of the "
        "question bank's draw, which follows how often the category comes up in real interviews "
        "(hatched bar). A hatched bar longer than the solid one is a category practised less "
        "than it is asked.");
    const std::string bank_fill = chart.hatch("bank", "#f0f0f0", "#8c8c8c");
    chart.rect(bars_left, 8, 24, 12, "practice");
    chart.text(bars_left + 30, 18, "your practice (% of sessions)", "legend");
    chart.rect(bars_left + 230, 8, 24, 12, "bank", bank_fill);
    chart.text(bars_left + 260, 18, "the question bank (% of the draw)", "legend");

    std::vector<svg::Tick> ticks = svg::number_ticks(0, std::max(high, 0.01) * 100, 6, "%");
    for (auto& tick : ticks) tick.value /= 100;
    const svg::Scale x{0, std::max(high, 0.01), bars_left, bars_right};
    const double bottom = 40 + static_cast<double>(coverage.size()) * row;
    for (const auto& tick : ticks) chart.line(x(tick.value), 40, x(tick.value), bottom, "grid");
    double top = 40;
    for (const auto& c : coverage) {
        const std::string name = c.rubric_name.empty() ? c.rubric : c.rubric_name;
        chart.text(label_right, top + 19, truncate_to(name, label_columns), "label", Anchor::end);
        chart.rect(x(0), top + 4, x(c.practice_share) - x(0), 11, "practice");
        chart.rect(x(0), top + 15, x(c.bank_share) - x(0), 11, "bank", bank_fill);
        const std::string note =
            fmt::format("{} session{}, {} \u00b7 bank {}", c.sessions, c.sessions == 1 ? "" : "s",
                        chart_text::percent(c.practice_share), chart_text::percent(c.bank_share));
        chart.text(bars_right + 10, top + 13, note, "note");
        chart.tooltip(fmt::format("{}: {}", name, note));
        if (c.most_under_practised)
            chart.text(bars_right + 10, top + 26, "\u25c0 the most under-practised", "flag");
        top += row;
    }
    chart.x_axis(x, ticks, bottom, "share (%)");
    return chart.finish();
}

std::string criteria_chart(const std::vector<history::CriterionStats>& criteria) {
    if (criteria.empty()) return "";
    const std::size_t shown = std::min(criteria.size(), weakest_shown);
    std::vector<std::vector<std::string>> labels;
    bool wrapped = false;
    for (std::size_t i = 0; i < shown; ++i) {
        labels.push_back(chart_text::two_lines(
            fmt::format("{}: {}", criteria[i].rubric, criteria[i].name), label_columns));
        wrapped = wrapped || labels.back().size() > 1;
    }
    // Rows are all as tall as the tallest, so the bars stay evenly spaced.
    constexpr double line_height = 14;
    const double row = wrapped ? 26 + line_height : 26;
    const double height = 12 + static_cast<double>(shown) * row + 50;
    svg::Chart chart(
        "chart-criteria", chart_width, height, "Weakest criteria",
        fmt::format("The {} criteria with the lowest mean self-score (1 to 5), weakest at the "
                    "top, each with the number of sessions the mean is over.",
                    shown));
    const svg::Scale x{0, 5, bars_left, bars_right};
    const auto ticks = svg::number_ticks(0, 5, 6);
    const double bottom = 12 + static_cast<double>(shown) * row;
    for (const auto& tick : ticks) chart.line(x(tick.value), 12, x(tick.value), bottom, "grid");
    double top = 12;
    for (std::size_t i = 0; i < shown; ++i) {
        const auto& c = criteria[i];
        const std::string name = fmt::format("{}: {}", c.rubric, c.name);
        const double middle = top + row / 2;
        chart.centred_lines(label_right, middle + 4, labels[i], line_height, "label", Anchor::end);
        chart.rect(x(0), middle - 8, x(c.mean_score) - x(0), 16, "criterion");
        const std::string note = fmt::format("{} over {} session{}", format_score(c.mean_score),
                                             c.sessions, c.sessions == 1 ? "" : "s");
        chart.text(bars_right + 10, middle + 4, note, "note");
        chart.tooltip(fmt::format("{}: {}", name, note));
        top += row;
    }
    chart.x_axis(x, ticks, bottom, "mean self-score (1\u20135)");
    return chart.finish();
}

} // namespace mockcoach::report
