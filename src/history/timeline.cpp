// Sessions laid out in time for the report's charts: each category's scores with a running
// mean, and the blind sessions with a running accuracy.
#include "history/history.hpp"

#include <algorithm>
#include <deque>
#include <map>

namespace mockcoach::history {

namespace {

// The mean of the last `window` values pushed: the running figure each chart draws as a line.
class RunningMean {
  public:
    explicit RunningMean(std::size_t window) : window_(window) {}
    double push(double value) {
        values_.push_back(value);
        sum_ += value;
        if (values_.size() > window_) {
            sum_ -= values_.front();
            values_.pop_front();
        }
        return sum_ / static_cast<double>(values_.size());
    }

  private:
    std::size_t window_;
    std::deque<double> values_;
    double sum_ = 0;
};

} // namespace

std::vector<ScoreTimeline> score_timelines(std::span<const Session> sessions) {
    struct Building {
        ScoreTimeline timeline;
        std::size_t sessions = 0; // scored or not: the order compute_stats lists categories in
        RunningMean recent{trend_window};
    };
    std::map<std::string, Building, std::less<>> by_rubric;
    for (auto it = sessions.rbegin(); it != sessions.rend(); ++it) {
        auto found = by_rubric.find(it->rubric);
        if (found == by_rubric.end()) {
            found = by_rubric.emplace(it->rubric, Building{}).first;
            found->second.timeline.rubric = it->rubric;
            found->second.timeline.rubric_name = it->rubric_name;
        }
        Building& row = found->second;
        ++row.sessions;
        const auto score = it->mean_score();
        if (!score) continue;
        row.timeline.points.push_back(
            {local_seconds(it->started_at), *score, row.recent.push(*score)});
    }
    std::vector<Building*> rows;
    for (auto& [rubric, row] : by_rubric)
        if (!row.timeline.points.empty()) rows.push_back(&row);
    // The map already sorts by rubric id, so a stable sort keeps that between equal counts.
    std::stable_sort(rows.begin(), rows.end(), [](const Building* a, const Building* b) {
        return a->sessions > b->sessions;
    });
    std::vector<ScoreTimeline> timelines;
    timelines.reserve(rows.size());
    for (Building* row : rows) timelines.push_back(std::move(row->timeline));
    return timelines;
}

std::optional<double> key_point_coverage(const std::vector<transcript::KeyPoint>& points) {
    const transcript::CoverageCounts counts = transcript::count_coverage(points);
    if (counts.checked() == 0) return std::nullopt;
    return (static_cast<double>(counts.covered) + 0.5 * static_cast<double>(counts.partly)) /
           static_cast<double>(counts.checked());
}

std::vector<CoverageTimeline> coverage_timelines(std::span<const Session> sessions) {
    struct Building {
        CoverageTimeline timeline;
        RunningMean recent{trend_window};
    };
    std::map<std::string, Building, std::less<>> by_rubric;
    for (auto it = sessions.rbegin(); it != sessions.rend(); ++it) {
        const auto coverage = key_point_coverage(it->key_points);
        if (!coverage) continue;
        Building& row = by_rubric[it->rubric];
        row.timeline.rubric = it->rubric;
        row.timeline.rubric_name = it->rubric_name;
        row.timeline.points.push_back(
            {local_seconds(it->started_at), *coverage, row.recent.push(*coverage)});
    }
    std::vector<Building*> rows;
    for (auto& [rubric, row] : by_rubric) rows.push_back(&row);
    std::stable_sort(rows.begin(), rows.end(), [](const Building* a, const Building* b) {
        return a->timeline.points.size() > b->timeline.points.size();
    });
    std::vector<CoverageTimeline> timelines;
    timelines.reserve(rows.size());
    for (Building* row : rows) timelines.push_back(std::move(row->timeline));
    return timelines;
}

std::vector<BlindPoint> blind_timeline(std::span<const Session> sessions) {
    std::vector<BlindPoint> points;
    RunningMean accuracy{blind_window};
    for (auto it = sessions.rbegin(); it != sessions.rend(); ++it) {
        if (!it->category_guess) continue;
        const bool right = it->category_guess_correct.value_or(false);
        points.push_back(
            {local_seconds(it->started_at), it->rubric, right, accuracy.push(right ? 1.0 : 0.0)});
    }
    return points;
}

} // namespace mockcoach::history
