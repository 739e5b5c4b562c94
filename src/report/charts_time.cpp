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

std::vector<std::string> two_lines(const std::string& label, std::size_t columns) {
    std::vector<std::string> lines = wrap(label, columns);
    if (lines.size() <= 2) return lines;
    std::string rest = lines[1];
    for (std::size_t i = 2; i < lines.size(); ++i) rest += " " + lines[i];
    return {lines[0], truncate_to(rest, columns)};
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

// One panel of a small-multiples chart over time: a dot per session and a line for the mean
// of the recent ones.
struct PanelPoint {
    std::int64_t local_seconds = 0;
    double value = 0;
    double recent = 0;
    std::string tooltip;
};

struct PanelAxis {
    double low = 0;
    double high = 1;
    std::vector<svg::Tick> ticks;
    std::string label;
};

void time_panel(svg::Chart& chart, const std::string& title, const std::string& note,
                const PanelAxis& axis, const std::vector<PanelPoint>& points, double left,
                double top, std::pair<std::int64_t, std::int64_t> domain) {
    const svg::Scale x{static_cast<double>(domain.first), static_cast<double>(domain.second),
                       left + 64, left + panel_width - 20};
    const svg::Scale y{axis.low, axis.high, top + 136, top + 36};
    chart.text(left + 64, top + 16, truncate_to(title, 48), "panel-title");
    chart.text(left + 64, top + 30, note, "note");
    chart.y_axis(y, axis.ticks, left + 64, left + panel_width - 20, axis.label);
    chart.x_axis(x, svg::date_ticks(domain.first, domain.second, 5), top + 136, "");
    const double radius = points.size() > 200 ? 2 : 3.5;
    std::vector<std::pair<double, double>> recent;
    for (const PanelPoint& point : points) {
        const double px = x(static_cast<double>(point.local_seconds));
        chart.circle(px, y(point.value), radius, "dot");
        chart.tooltip(point.tooltip);
        recent.emplace_back(px, y(point.recent));
    }
    if (recent.size() > 1) chart.polyline(recent, "recent");
}

std::string panel_title(const std::string& rubric, const std::string& name) {
    return name.empty() ? rubric : name;
}

void score_panel(svg::Chart& chart, const history::ScoreTimeline& timeline,
                 const history::CategoryStats* stats, double left, double top,
                 std::pair<std::int64_t, std::int64_t> domain) {
    std::vector<PanelPoint> points;
    for (const auto& point : timeline.points)
        points.push_back({point.local_seconds, point.score, point.recent_mean,
                          fmt::format("{}: {}", chart_text::day(point.local_seconds),
                                      format_score(point.score))});
    time_panel(chart, panel_title(timeline.rubric, timeline.rubric_name),
               fmt::format("{} scored, mean {} \u00b7 {}", timeline.points.size(),
                           format_score(stats ? stats->mean_score : std::nullopt),
                           trend_text(stats)),
               {1, 5, svg::number_ticks(1, 5, 5), "score (1\u20135)"}, points, left, top, domain);
}

std::vector<svg::Tick> percent_ticks() {
    std::vector<svg::Tick> ticks = svg::number_ticks(0, 100, 6, "%");
    for (auto& tick : ticks) tick.value /= 100;
    return ticks;
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

std::string key_points_chart(const std::vector<history::CoverageTimeline>& timelines,
                             const TimeSpan& span) {
    if (timelines.empty()) return "";
    const std::size_t rows = (timelines.size() + panel_columns - 1) / panel_columns;
    const double height = legend_height + static_cast<double>(rows) * panel_height + footer_height;
    svg::Chart chart(
        "chart-key-points", chart_width, height, "Key points covered per category over time",
        fmt::format("One panel per category ({} in all), most checked first. Each dot is one "
                    "session's share of the question's key points you judged covered (partly "
                    "counts half), placed at its date; the line is the mean of the last {} "
                    "checked sessions at each point.",
                    timelines.size(), history::trend_window));
    chart.circle(70, 16, 4, "dot");
    chart.text(80, 20, "one session's key points covered", "legend");
    chart.line(320, 16, 350, 16, "recent");
    chart.text(358, 20, fmt::format("mean of the last {} checked sessions", history::trend_window),
               "legend");
    const auto domain = svg::day_domain(span.first, span.last);
    for (std::size_t i = 0; i < timelines.size(); ++i) {
        const history::CoverageTimeline& timeline = timelines[i];
        std::vector<PanelPoint> points;
        double sum = 0;
        for (const auto& point : timeline.points) {
            sum += point.coverage;
            points.push_back({point.local_seconds, point.coverage, point.recent_mean,
                              fmt::format("{}: {} covered", chart_text::day(point.local_seconds),
                                          chart_text::percent(point.coverage))});
        }
        time_panel(chart, panel_title(timeline.rubric, timeline.rubric_name),
                   fmt::format("{} checked, mean {} covered", timeline.points.size(),
                               chart_text::percent(sum / static_cast<double>(points.size()))),
                   {0, 1, percent_ticks(), "covered (%)"}, points,
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
    chart.y_axis(y, percent_ticks(), 64, chart_width - 20, "named right (%)");
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
