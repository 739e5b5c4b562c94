// The calibration chart and its table: a diverging bar per criterion around the zero line,
// above it when the candidate scores themself higher than reviewers do, hatched below it.
#include "report/calibration.hpp"
#include "report/charts.hpp"
#include "report/html.hpp"
#include "report/svg.hpp"
#include "util/text.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace mockcoach::report {

namespace {

using svg::Anchor;

constexpr double label_right = 270;
constexpr double bars_left = 280;
constexpr double bars_right = 680; // the notes go right of it
constexpr std::size_t label_columns = 40;
constexpr double line_height = 14; // of a label's second line
constexpr double top_margin = 34;  // room for the legend

std::string label_of(const history::CalibrationRow& row) {
    return fmt::format("{}: {}", row.rubric, row.name);
}

std::string note_of(const history::CalibrationRow& row) {
    return fmt::format("{} (you {}, reviewers {}) over {} session{}",
                       format_score_change(row.difference()), format_score(row.self_mean),
                       format_score(row.reviewers_mean), row.sessions,
                       row.sessions == 1 ? "" : "s");
}

} // namespace

std::string calibration_chart(const history::Calibration& calibration) {
    if (calibration.criteria.empty()) return "";
    const std::size_t shown = std::min(calibration.criteria.size(), calibration_shown);
    double widest = 1;
    for (std::size_t i = 0; i < shown; ++i)
        widest = std::max(widest, std::abs(calibration.criteria[i].difference()));
    const double reach = std::min(4.0, std::ceil(widest)); // scores are 1 to 5: at most 4 apart
    // Labels on up to two lines, never cut at one; rows all as tall as the tallest, so the bars
    // stay evenly spaced.
    std::vector<std::vector<std::string>> labels;
    bool wrapped = false;
    for (std::size_t i = 0; i < shown; ++i) {
        labels.push_back(chart_text::two_lines(label_of(calibration.criteria[i]), label_columns));
        wrapped = wrapped || labels.back().size() > 1;
    }
    const double row_height = wrapped ? 26 + line_height : 26;
    const double bottom = top_margin + static_cast<double>(shown) * row_height;
    svg::Chart chart("chart-calibration", chart_width, bottom + 50, "Calibration",
                     fmt::format("For each of the {} criteria with the largest gap, your mean "
                                 "self-score minus your reviewers' mean for the same sessions: a "
                                 "bar right of the zero line means you score yourself higher "
                                 "than they do, left of it lower.",
                                 shown));
    const std::string under_fill = chart.hatch("under", "#ffffff", "#1b5e20");
    chart.rect(bars_left, 8, 24, 12, "calibration-over");
    chart.text(bars_left + 30, 18, "you score yourself higher", "legend");
    chart.rect(bars_left + 230, 8, 24, 12, "calibration-under", under_fill);
    chart.text(bars_left + 260, 18, "you score yourself lower", "legend");

    const svg::Scale x{-reach, reach, bars_left, bars_right};
    const auto ticks = svg::number_ticks(-reach, reach, 9);
    for (const auto& tick : ticks)
        chart.line(x(tick.value), top_margin, x(tick.value), bottom, "grid");
    double top = top_margin;
    for (std::size_t i = 0; i < shown; ++i) {
        const auto& row = calibration.criteria[i];
        const double middle = top + row_height / 2;
        chart.centred_lines(label_right, middle + 4, labels[i], line_height, "label", Anchor::end);
        const double difference = row.difference();
        const double from = x(std::min(0.0, difference)), to = x(std::max(0.0, difference));
        if (difference >= 0)
            chart.rect(from, middle - 8, to - from, 16, "calibration-over");
        else
            chart.rect(from, middle - 8, to - from, 16, "calibration-under", under_fill);
        chart.tooltip(fmt::format("{}: {}", label_of(row), note_of(row)));
        chart.text(bars_right + 10, middle + 4, note_of(row), "note");
        top += row_height;
    }
    chart.line(x(0), top_margin - 4, x(0), bottom + 4, "zero");
    chart.x_axis(x, ticks, bottom, "your mean minus your reviewers' (score points)");
    return chart.finish();
}

std::string calibration_table(const history::Calibration& calibration) {
    std::string html;
    const auto table = [&](std::string_view caption, bool criteria,
                           const std::vector<history::CalibrationRow>& rows) {
        html += fmt::format("<table>\n<caption>{}</caption>\n<thead><tr><th scope=\"col\">"
                            "Category</th>{}<th scope=\"col\" class=\"number\">You</th><th "
                            "scope=\"col\" class=\"number\">Reviewers</th><th scope=\"col\" "
                            "class=\"number\">Difference</th><th scope=\"col\" "
                            "class=\"number\">Sessions</th></tr></thead>\n<tbody>\n",
                            escape(caption), criteria ? "<th scope=\"col\">Criterion</th>" : "");
        for (const auto& row : rows) {
            html += fmt::format("<tr><td>{}</td>", escape(row.rubric));
            if (criteria) html += fmt::format("<td>{}</td>", escape(row.name));
            html += fmt::format("<td class=\"number\">{}</td><td class=\"number\">{}</td><td "
                                "class=\"number\">{}</td><td class=\"number\">{}</td></tr>\n",
                                format_score(row.self_mean), format_score(row.reviewers_mean),
                                format_score_change(row.difference()), row.sessions);
        }
        html += "</tbody>\n</table>\n";
    };
    table("Every reviewed criterion, largest gap first", true, calibration.criteria);
    table("Per category", false, calibration.categories);
    return html;
}

} // namespace mockcoach::report
