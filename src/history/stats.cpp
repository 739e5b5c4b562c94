// The aggregations: per category, weakest criteria, time discipline per phase, coverage of the
// bank, blind guesses; and the summary of practice the adaptive draw leans on.
#include "history/history.hpp"

#include <algorithm>
#include <map>
#include <numeric>

namespace mockcoach::history {

namespace {

double mean(std::span<const double> values) {
    return values.empty() ? 0.0
                          : std::accumulate(values.begin(), values.end(), 0.0) /
                                static_cast<double>(values.size());
}

// Rows keyed by two strings, in first-seen order. Looked up without building a key: stats
// over 100,000 sessions makes a million lookups.
template <typename Row> struct Rows {
    std::map<std::string, std::map<std::string, std::size_t, std::less<>>, std::less<>> index;
    std::vector<Row> rows;
    // The row's position; `created` says whether it is new (and default-constructed).
    std::size_t at(std::string_view a, std::string_view b, bool& created) {
        auto outer = index.find(a);
        if (outer == index.end())
            outer = index.emplace(std::string(a), decltype(outer->second){}).first;
        auto inner = outer->second.find(b);
        created = inner == outer->second.end();
        if (created) {
            inner = outer->second.emplace(std::string(b), rows.size()).first;
            rows.emplace_back();
        }
        return inner->second;
    }
};

std::optional<Trend> trend_of(std::span<const double> scores /* oldest first */) {
    const std::size_t window = std::min(trend_window, scores.size() / 2);
    if (window == 0) return std::nullopt;
    const auto end = scores.end();
    Trend trend;
    trend.window = window;
    trend.recent_mean =
        mean(std::span<const double>(end - static_cast<std::ptrdiff_t>(window), end));
    trend.previous_mean = mean(std::span<const double>(
        end - static_cast<std::ptrdiff_t>(2 * window), end - static_cast<std::ptrdiff_t>(window)));
    return trend;
}

std::vector<CategoryStats> categories_of(std::span<const Session> sessions) {
    Rows<CategoryStats> rows;
    std::vector<std::vector<double>> scores; // per row, oldest first
    for (auto it = sessions.rbegin(); it != sessions.rend(); ++it) {
        bool created = false;
        const std::size_t at = rows.at(it->rubric, "", created);
        CategoryStats& row = rows.rows[at];
        if (created) {
            row.rubric = it->rubric;
            row.rubric_name = it->rubric_name;
            scores.emplace_back();
        }
        ++row.sessions;
        if (const auto score = it->mean_score()) scores[at].push_back(*score);
    }
    for (std::size_t i = 0; i < rows.rows.size(); ++i) {
        CategoryStats& row = rows.rows[i];
        const std::vector<double>& all = scores[i];
        row.scored = all.size();
        if (!all.empty()) row.mean_score = mean(all);
        const std::size_t shown = std::min(sparkline_length, all.size());
        row.last_scores.assign(all.end() - static_cast<std::ptrdiff_t>(shown), all.end());
        row.trend = trend_of(all);
    }
    std::stable_sort(rows.rows.begin(), rows.rows.end(), [](const auto& a, const auto& b) {
        if (a.sessions != b.sessions) return a.sessions > b.sessions;
        return a.rubric < b.rubric;
    });
    return std::move(rows.rows);
}

std::vector<CriterionStats> criteria_of(std::span<const Session> sessions) {
    Rows<CriterionStats> rows;
    std::vector<double> sums;
    for (const Session& session : sessions) {
        for (const transcript::Score& score : session.scores) {
            bool created = false;
            const std::size_t at = rows.at(session.rubric, score.criterion, created);
            CriterionStats& row = rows.rows[at];
            if (created) {
                row.rubric = session.rubric;
                row.criterion = score.criterion;
                row.name = score.name; // the newest session's name for it
                sums.push_back(0);
            }
            ++row.sessions;
            sums[at] += score.value;
        }
    }
    for (std::size_t i = 0; i < rows.rows.size(); ++i)
        rows.rows[i].mean_score = sums[i] / static_cast<double>(rows.rows[i].sessions);
    // Weakest first; between equal means, the one more sessions back comes first.
    std::stable_sort(rows.rows.begin(), rows.rows.end(), [](const auto& a, const auto& b) {
        if (a.mean_score != b.mean_score) return a.mean_score < b.mean_score;
        if (a.sessions != b.sessions) return a.sessions > b.sessions;
        return std::tie(a.rubric, a.criterion) < std::tie(b.rubric, b.criterion);
    });
    return std::move(rows.rows);
}

// A phase counts once it was finished: every phase of a completed session, and in one cut
// short, each phase before the last one that has time on it (the phase in progress when the
// session ended, and those never reached, would only drag the mean down).
bool finished(const Session& session, std::size_t phase) {
    if (session.status == transcript::Status::completed) return true;
    for (std::size_t later = phase + 1; later < session.phases.size(); ++later)
        if (session.phases[later].used_seconds > 0) return true;
    return false;
}

std::vector<PhaseStats> phases_of(std::span<const Session> sessions) {
    Rows<PhaseStats> rows;
    std::vector<std::pair<double, double>> sums; // used, budget
    for (const Session& session : sessions) {
        for (std::size_t i = 0; i < session.phases.size(); ++i) {
            if (!finished(session, i)) continue;
            const transcript::PhaseTiming& phase = session.phases[i];
            bool created = false;
            const std::size_t at = rows.at(session.rubric, phase.name, created);
            PhaseStats& row = rows.rows[at];
            if (created) {
                row.rubric = session.rubric;
                row.name = phase.name;
                row.position = i;
                sums.emplace_back(0, 0);
            }
            ++row.sessions;
            row.overran += phase.overtime_seconds > 0;
            auto& [used, budget] = sums[at];
            used += static_cast<double>(phase.used_seconds);
            budget += static_cast<double>(phase.budget_seconds);
        }
    }
    for (std::size_t i = 0; i < rows.rows.size(); ++i) {
        const double n = static_cast<double>(rows.rows[i].sessions);
        rows.rows[i].mean_used_seconds = sums[i].first / n;
        rows.rows[i].mean_budget_seconds = sums[i].second / n;
    }
    std::stable_sort(rows.rows.begin(), rows.rows.end(), [](const auto& a, const auto& b) {
        if (a.used_share() != b.used_share()) return a.used_share() > b.used_share();
        return std::tie(a.rubric, a.name) < std::tie(b.rubric, b.name);
    });
    return std::move(rows.rows);
}

std::vector<Coverage> coverage_of(std::span<const Session> sessions,
                                  std::span<const BankShare> bank) {
    std::vector<Coverage> rows;
    for (const BankShare& share : bank)
        rows.push_back({share.rubric, share.rubric_name, 0, 0, share.share, false});
    for (const Session& session : sessions) {
        auto it = std::find_if(rows.begin(), rows.end(),
                               [&](const Coverage& row) { return row.rubric == session.rubric; });
        if (it == rows.end()) {
            rows.push_back({session.rubric, session.rubric_name, 0, 0, 0, false});
            it = rows.end() - 1;
        }
        ++it->sessions;
    }
    if (sessions.empty()) return rows;
    // A category never practised comes first (the one the bank holds most of): a small one
    // never touched is more under-practised than a large one done a little less than its share.
    // Only when every category has been practised does the largest shortfall decide.
    Coverage* most = nullptr;
    const auto gap = [](const Coverage& row) { return row.bank_share - row.practice_share; };
    const auto more_under = [&](const Coverage& a, const Coverage& b) {
        const bool a_never = a.sessions == 0, b_never = b.sessions == 0;
        if (a_never != b_never) return a_never;
        return gap(a) > gap(b);
    };
    for (Coverage& row : rows) {
        row.practice_share =
            static_cast<double>(row.sessions) / static_cast<double>(sessions.size());
        if (gap(row) > 0 && (!most || more_under(row, *most))) most = &row;
    }
    if (most) most->most_under_practised = true;
    return rows;
}

std::vector<BlindStats> blind_of(std::span<const Session> sessions) {
    Rows<BlindStats> rows;
    for (auto it = sessions.rbegin(); it != sessions.rend(); ++it) {
        if (!it->category_guess) continue;
        bool created = false;
        BlindStats& row = rows.rows[rows.at(it->rubric, "", created)];
        if (created) {
            row.rubric = it->rubric;
            row.rubric_name = it->rubric_name;
        }
        ++row.sessions;
        row.named_right += it->category_guess_correct.value_or(false);
    }
    std::stable_sort(rows.rows.begin(), rows.rows.end(), [](const auto& a, const auto& b) {
        if (a.sessions != b.sessions) return a.sessions > b.sessions;
        return a.rubric < b.rubric;
    });
    return std::move(rows.rows);
}

std::vector<Miss> misses_of(std::span<const Session> sessions,
                            const std::vector<CategoryStats>& categories) {
    // Keyed by rubric and kind-and-text; a prompt and a key point with the same words stay apart.
    Rows<Miss> rows;
    const auto row_for = [&](const Session& session, Miss::Kind kind,
                             const std::string& text) -> Miss& {
        bool created = false;
        const std::string key = (kind == Miss::Kind::key_point ? "k:" : "p:") + text;
        Miss& row = rows.rows[rows.at(session.rubric, key, created)];
        if (created) {
            row.rubric = session.rubric;
            row.rubric_name = session.rubric_name;
            row.kind = kind;
            row.text = text;
        }
        return row;
    };
    for (const Session& session : sessions) {
        for (const transcript::KeyPoint& point : session.key_points) {
            if (!point.result) continue; // not checked: the session ended first
            Miss& row = row_for(session, Miss::Kind::key_point, point.text);
            ++row.asked;
            row.missed += *point.result == transcript::Coverage::missed;
            row.partly += *point.result == transcript::Coverage::partly;
        }
        for (const PromptTick& prompt : session.prompts) {
            Miss& row = row_for(session, Miss::Kind::prompt, prompt.text);
            ++row.asked;
            row.missed += !prompt.ticked;
        }
    }
    std::vector<Miss> misses;
    for (Miss& row : rows.rows)
        if (row.missed + row.partly > 0) misses.push_back(std::move(row));
    const auto rank = [&](const std::string& rubric) {
        for (std::size_t i = 0; i < categories.size(); ++i)
            if (categories[i].rubric == rubric) return i;
        return categories.size();
    };
    std::stable_sort(misses.begin(), misses.end(), [&](const Miss& a, const Miss& b) {
        if (a.rubric != b.rubric) return rank(a.rubric) < rank(b.rubric);
        if (a.missed_share() != b.missed_share()) return a.missed_share() > b.missed_share();
        if (a.missed != b.missed) return a.missed > b.missed;
        if (a.kind != b.kind) return a.kind == Miss::Kind::key_point;
        return a.text < b.text;
    });
    return misses;
}

} // namespace

Stats compute_stats(std::span<const Session> sessions, std::span<const BankShare> bank) {
    Stats stats;
    stats.sessions = sessions.size();
    stats.categories = categories_of(sessions);
    stats.criteria = criteria_of(sessions);
    stats.phases = phases_of(sessions);
    stats.coverage = coverage_of(sessions, bank);
    stats.blind = blind_of(sessions);
    stats.misses = misses_of(sessions, stats.categories);
    return stats;
}

bank::Practice practice_of(std::span<const Session> sessions) {
    bank::Practice practice;
    std::map<std::string, std::vector<double>, std::less<>> recent_scores; // newest first
    for (const Session& session : sessions) {
        ++practice.categories[session.rubric].sessions;
        auto& scores = recent_scores[session.rubric];
        const auto score = session.mean_score();
        if (score && scores.size() < bank::adaptive_score_window) scores.push_back(*score);
        if (practice.recent.size() < bank::hold_back_sessions)
            practice.recent.emplace_back(session.rubric, session.question_id);
    }
    for (const auto& [rubric, scores] : recent_scores)
        if (!scores.empty()) {
            practice.categories[rubric].recent_mean = mean(scores);
            practice.categories[rubric].recent_scored = scores.size();
        }
    return practice;
}

} // namespace mockcoach::history
