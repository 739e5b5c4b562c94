// The due-load chart: how many question reviews spaced repetition brings due on each of the
// coming days, so a heavy day can be seen coming (and started early).
#include "report/charts.hpp"
#include "report/report.hpp"
#include "report/svg.hpp"
#include "util/wall_time.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <numeric>

namespace mockcoach::report {

namespace {

constexpr double plot_left = 80;
constexpr double plot_right = chart_width - 20;
constexpr double plot_top = 36;
constexpr double plot_bottom = 236;

std::string day_label(std::int64_t day) {
    return format_date(civil_from_days(day));
}

} // namespace

std::string due_chart(const DueLoad& due) {
    const std::size_t total =
        std::accumulate(due.per_day.begin(), due.per_day.end(), std::size_t{0});
    if (total == 0) return "";
    const std::size_t days = due.per_day.size();
    const std::size_t most = *std::max_element(due.per_day.begin(), due.per_day.end());
    svg::Chart chart(
        "chart-due", chart_width, plot_bottom + 50, "Reviews due per day",
        fmt::format("Questions coming due for review on each of the {} days from {}, by their "
                    "FSRS memory state; those already overdue are counted on the first day. {} "
                    "review{} in all, at most {} on one day.",
                    days, day_label(due.first_day), total, total == 1 ? "" : "s", most));
    chart.rect(plot_left, 8, 24, 12, "due");
    chart.text(plot_left + 30, 18, "reviews due that day (overdue ones on the first)", "legend");

    const svg::Scale y{0, static_cast<double>(std::max<std::size_t>(most, 1)), plot_bottom,
                       plot_top};
    std::vector<svg::Tick> ticks = svg::number_ticks(0, y.from_high, 5);
    // Reviews come whole: a tick at 0.5 would be a count nobody can have.
    std::erase_if(ticks, [](const svg::Tick& t) { return t.value != static_cast<long>(t.value); });
    chart.y_axis(y, ticks, plot_left, plot_right, "reviews");

    const double slot = (plot_right - plot_left) / static_cast<double>(days);
    std::vector<svg::Tick> day_ticks;
    for (std::size_t i = 0; i < days; ++i) {
        const double left = plot_left + slot * static_cast<double>(i);
        const std::int64_t day = due.first_day + static_cast<std::int64_t>(i);
        const std::size_t count = due.per_day[i];
        if (i % 7 == 0)
            day_ticks.push_back({static_cast<double>(i) + 0.5,
                                 i == 0 ? "today" : day_label(day).substr(5)}); // "12-07"
        if (count == 0) continue;
        chart.rect(left + slot * 0.15, y(static_cast<double>(count)), slot * 0.7,
                   plot_bottom - y(static_cast<double>(count)), "due");
        chart.tooltip(
            fmt::format("{}: {} review{} due", day_label(day), count, count == 1 ? "" : "s"));
    }
    const svg::Scale x{0, static_cast<double>(days), plot_left, plot_right};
    chart.x_axis(x, day_ticks, plot_bottom, "day");
    return chart.finish();
}

} // namespace mockcoach::report
