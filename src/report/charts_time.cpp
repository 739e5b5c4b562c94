// The two charts over time: scores per category (small multiples) and blind accuracy.
#include "report/charts.hpp"
#include "report/svg.hpp"
#include "util/text.hpp"
#include "util/wall_time.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace mockcoach::report {

namespace chart_text {

std::string day(std::int64_t local_seconds) {
    const std::int64_t days =
        local_seconds / 86400 - (local_seconds % 86400 < 0 ? 1 : 0); // floor for dates < 1970
    return format_date(civil_from_days(days));
}

std::string clock(double seconds) {
    return format_clock(std::llround(seconds));
}

std::string percent(double share) {
    return format_percent(share);
}

} // namespace chart_text

namespace {

using svg::Anchor;

// Small multiples rather than one line per category in a single plot: with up to 18
// categories, lines told apart by dash and marker alone would be unreadable, in print above all.
constexpr int panel_columns = 2;
constexpr double panel_width = chart_width / panel_columns;
constexpr double panel_height = 190;
constexpr double legend_height = 34;
constexpr double footer_height = 30;

std::string trend_text(const history::CategoryStats* stats) {
    if (!stats || !stats->trend) return "trend from 2 scored sessions";
    const history::Trend& trend = *stats->trend;
    const std::string change = format_score_change(trend.change());
    const char* arrow = change == "0.0" ? "\u2192" : trend.change() > 0 ? "\u2191" : "\u2193";
    return fmt::format("last {0}: {1} {2} on the {0} before", trend.window, change, arrow);
}

void scores_legend(svg::Chart& chart) {
    chart.circle(70, 16, 4, "dot");
    chart.text(80, 20, "one session's mean score", "legend");
    chart.line(260, 16, 290, 16, "recent");
    chart.text(298, 20, fmt::format("mean of the last {} scored sessions", history::trend_window),
               "legend");
}

void score_panel(svg::Chart& chart, const history::ScoreTimeline& timeline,
                 const history::CategoryStats* stats, double left, double top,
                 std::pair<std::int64_t, std::int64_t> domain) {
    const svg::Scale x{static_cast<double>(domain.first), static_cast<double>(domain.second),
                       left + 64, left + panel_width - 20};
    const svg::Scale y{1, 5, top + 136, top + 36};
    chart.text(
        left + 64, top + 16,
        truncate_to(timeline.rubric_name.empty() ? timeline.rubric : timeline.rubric_name, 48),
        "panel-title");
    chart.text(left + 64, top + 30,
               fmt::format("{} scored, mean {} \u00b7 {}", timeline.points.size(),
                           format_score(stats ? stats->mean_score : std::nullopt),
                           trend_text(stats)),
               "note");
    chart.y_axis(y, svg::number_ticks(1, 5, 5), left + 64, left + panel_width - 20,
                 "score (1\u20135)");
    chart.x_axis(x, svg::date_ticks(domain.first, domain.second, 5), top + 136, "");
    const double radius = timeline.points.size() > 200 ? 2 : 3.5;
    std::vector<std::pair<double, double>> recent;
    for (const auto& point : timeline.points) {
        const double px = x(static_cast<double>(point.local_seconds));
        chart.circle(px, y(point.score), radius, "dot");
        chart.tooltip(
            fmt::format("{}: {}", chart_text::day(point.local_seconds), format_score(point.score)));
        recent.emplace_back(px, y(point.recent_mean));
    }
    if (recent.size() > 1) chart.polyline(recent, "recent");
}

} // namespace

std::string scores_chart(const std::vector<history::ScoreTimeline>& timelines,
                         const std::vector<history::CategoryStats>& categories,
                         const TimeSpan& span) {
    if (timelines.empty()) return "";
    const std::size_t rows = (timelines.size() + panel_columns - 1) / panel_columns;
    const double height = legend_height + static_cast<double>(rows) * panel_height + footer_height;
    std::string description = fmt::format(
        "One panel per category ({} in all), most practised first. Each dot is one session's "
        "mean self-score on a scale of 1 to 5, placed at its date; the line is the mean of the "
        "last {} scored sessions at each point.",
        timelines.size(), history::trend_window);
    svg::Chart chart("chart-scores", chart_width, height, "Mean score per category over time",
                     description);
    scores_legend(chart);
    const auto domain = svg::day_domain(span.first, span.last);
    for (std::size_t i = 0; i < timelines.size(); ++i) {
        const auto stats = std::find_if(categories.begin(), categories.end(), [&](const auto& c) {
            return c.rubric == timelines[i].rubric;
        });
        score_panel(chart, timelines[i], stats == categories.end() ? nullptr : &*stats,
                    static_cast<double>(i % panel_columns) * panel_width,
                    legend_height + static_cast<double>(i / panel_columns) * panel_height, domain);
    }
    chart.text(chart_width / 2, height - 8, "date of the session (local time)", "axis-label",
               Anchor::middle);
    return chart.finish();
}

std::string blind_chart(const std::vector<history::BlindPoint>& points, const TimeSpan& span) {
    if (points.empty()) return "";
    constexpr double height = 300;
    const std::size_t right = static_cast<std::size_t>(
        std::count_if(points.begin(), points.end(), [](const auto& p) { return p.named_right; }));
    svg::Chart chart(
        "chart-blind", chart_width, height, "Naming the category in blind sessions",
        fmt::format(
            "{} blind sessions, {} named right ({}). Each marker is one blind session at "
            "its date: filled when the category was named right, hollow when not; the "
            "line is the share named right over the last {} blind sessions.",
            points.size(), right,
            chart_text::percent(static_cast<double>(right) / static_cast<double>(points.size())),
            history::blind_window));
    chart.circle(70, 16, 4.5, "right");
    chart.text(80, 20, "named right", "legend");
    chart.circle(190, 16, 4.5, "wrong");
    chart.text(200, 20, "named wrong", "legend");
    chart.line(310, 16, 340, 16, "blind-line");
    chart.text(348, 20,
               fmt::format("share named right, last {} blind sessions", history::blind_window),
               "legend");

    const auto domain = svg::day_domain(span.first, span.last);
    const svg::Scale x{static_cast<double>(domain.first), static_cast<double>(domain.second), 64,
                       chart_width - 20};
    const svg::Scale y{0, 1, height - 64, 44};
    std::vector<svg::Tick> ticks = svg::number_ticks(0, 100, 6, "%");
    for (auto& tick : ticks) tick.value /= 100;
    chart.y_axis(y, ticks, 64, chart_width - 20, "named right (%)");
    chart.x_axis(x, svg::date_ticks(domain.first, domain.second, 10), height - 64,
                 "date of the session (local time)");
    std::vector<std::pair<double, double>> line;
    for (const auto& point : points)
        line.emplace_back(x(static_cast<double>(point.local_seconds)), y(point.accuracy));
    if (line.size() > 1) chart.polyline(line, "blind-line");
    for (std::size_t i = 0; i < points.size(); ++i) {
        const auto& point = points[i];
        chart.circle(line[i].first, line[i].second, points.size() > 300 ? 2.5 : 4.5,
                     point.named_right ? "right" : "wrong");
        chart.tooltip(fmt::format(
            "{}, {}: named {}; {} right over the last {}", chart_text::day(point.local_seconds),
            point.rubric, point.named_right ? "right" : "wrong",
            chart_text::percent(point.accuracy), std::min(i + 1, history::blind_window)));
    }
    return chart.finish();
}

} // namespace mockcoach::report
