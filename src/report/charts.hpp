// The report's seven charts, each one <svg> string ("" when there is nothing to draw).
#pragma once

#include "history/history.hpp"
#include "report/report.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace mockcoach::report {

// Every chart is drawn this wide (in SVG units) and scaled down by the page to fit.
inline constexpr double chart_width = 1000;

// The sessions' first and last local_seconds: charts over time all span the whole report, so
// that they line up when read one under the other.
struct TimeSpan {
    std::int64_t first = 0;
    std::int64_t last = 0;
};

// Mean score per category over time: one panel per category, a dot per session and a line for
// the mean of the last five, the trend in the panel's title.
std::string scores_chart(const std::vector<history::ScoreTimeline>& timelines,
                         const std::vector<history::CategoryStats>& categories,
                         const TimeSpan& span);
// Key points judged covered per category over time: panels as the scores chart's, 0-100%.
std::string key_points_chart(const std::vector<history::CoverageTimeline>& timelines,
                             const TimeSpan& span);
// Blind sessions: whether the category was named right, and the running accuracy.
std::string blind_chart(const std::vector<history::BlindPoint>& points, const TimeSpan& span);
// Mean time used per rubric phase against its budget, overtime hatched.
std::string phases_chart(const std::vector<history::PhaseStats>& phases,
                         const std::vector<history::CategoryStats>& categories);
// Each category's share of practice against its share of the question bank.
std::string coverage_chart(const std::vector<history::Coverage>& coverage);
// The weakest criteria's mean scores, with the sessions behind each.
std::string criteria_chart(const std::vector<history::CriterionStats>& criteria);

// Reviews due per day over the coming days, a bar a day, overdue ones on the first.
std::string due_chart(const DueLoad& due);

// Shared by the chart files.
namespace chart_text {
// "2026-11-24" of a local_seconds value.
std::string day(std::int64_t local_seconds);
// "12:30" of a number of seconds, rounded.
std::string clock(double seconds);
// A share as "37.7%".
std::string percent(double share);
// A row's label on at most two lines of `columns`, the second cut if need be: a rubric's name
// and a criterion's name together are often longer than one line, and cut at one ("Model
// choice and trai…") they lose the words that tell criteria apart.
std::vector<std::string> two_lines(const std::string& label, std::size_t columns);
} // namespace chart_text

} // namespace mockcoach::report
