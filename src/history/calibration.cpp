// Calibration: how far the candidate's own scores sit from the scores of the people who
// reviewed the same sessions, per criterion and per category.
#include "history/history.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <utility>

namespace mockcoach::history {

namespace {

// Sums behind one row, before the means are taken.
struct Sums {
    CalibrationRow row;
    double self = 0;
    double reviewers = 0;
};

void add(Sums& sums, double self, double reviewers) {
    sums.self += self;
    sums.reviewers += reviewers;
    ++sums.row.sessions;
}

std::vector<CalibrationRow> finish(std::map<std::pair<std::string, std::string>, Sums>& table) {
    std::vector<CalibrationRow> rows;
    for (auto& [key, sums] : table) {
        const auto n = static_cast<double>(sums.row.sessions);
        sums.row.self_mean = sums.self / n;
        sums.row.reviewers_mean = sums.reviewers / n;
        rows.push_back(std::move(sums.row));
    }
    // Stable over the map's (rubric, criterion) order, so ties keep a fixed order.
    std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
        const double da = std::abs(a.difference()), db = std::abs(b.difference());
        if (std::abs(da - db) > 1e-9) return da > db;
        return a.sessions > b.sessions;
    });
    return rows;
}

} // namespace

Calibration compute_calibration(std::span<const Session> sessions) {
    Calibration calibration;
    std::map<std::pair<std::string, std::string>, Sums> criteria, categories;
    for (const Session& session : sessions) {
        if (!session.review_scores.empty()) ++calibration.reviewed_sessions;
        double session_self = 0, session_reviewers = 0;
        std::size_t compared = 0;
        for (const transcript::Score& score : session.scores) {
            double sum = 0;
            std::size_t count = 0;
            for (const ReviewScore& review : session.review_scores)
                if (review.criterion == score.criterion) {
                    sum += review.value;
                    ++count;
                }
            if (count == 0) continue;
            const double reviewers = sum / static_cast<double>(count);
            Sums& row = criteria[{session.rubric, score.criterion}];
            if (row.row.sessions == 0)
                row.row = {session.rubric, session.rubric_name, score.criterion, score.name};
            add(row, score.value, reviewers);
            session_self += score.value;
            session_reviewers += reviewers;
            ++compared;
        }
        if (compared == 0) continue;
        Sums& row = categories[{session.rubric, ""}];
        if (row.row.sessions == 0) row.row = {session.rubric, session.rubric_name, "", ""};
        add(row, session_self / static_cast<double>(compared),
            session_reviewers / static_cast<double>(compared));
    }
    calibration.criteria = finish(criteria);
    calibration.categories = finish(categories);
    return calibration;
}

} // namespace mockcoach::history
