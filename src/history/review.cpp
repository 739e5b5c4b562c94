// Spaced repetition over questions: grades, the FSRS-5 model, each question's memory state and
// what is due. The formulas are FSRS-5's as open-spaced-repetition's fsrs-rs computes them
// before FSRS-6 (the scheduler in Anki 24.11 and later); the code is our own.
#include "history/review.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

namespace mockcoach::history {

std::string_view grade_name(Grade grade) {
    switch (grade) {
    case Grade::again:
        return "again";
    case Grade::hard:
        return "hard";
    case Grade::good:
        return "good";
    case Grade::easy:
        return "easy";
    }
    return "good";
}

std::optional<double> performance(const Session& session) {
    const std::optional<double> mean = session.mean_score();
    if (!mean) return std::nullopt;
    double p = std::clamp((*mean - 1) / 4, 0.0, 1.0);
    // Key points are what a 1-5 score should be measured against: where they were checked,
    // they weigh as much as the self-score.
    if (const std::optional<double> covered = key_point_coverage(session.key_points))
        p = (p + *covered) / 2;
    return p;
}

Grade grade_of(double performance) {
    if (performance < 0.375) return Grade::again;
    if (performance < 0.5625) return Grade::hard;
    if (performance < 0.8125) return Grade::good;
    return Grade::easy;
}

namespace fsrs {

namespace {

double w(std::size_t i) {
    return weights[i];
}

double number(Grade grade) {
    return static_cast<double>(static_cast<int>(grade));
}

double initial_difficulty(Grade grade) {
    return w(4) - std::exp(w(5) * (number(grade) - 1)) + 1;
}

double clamp_stability(double stability) {
    return std::clamp(stability, min_stability, max_stability);
}

double next_difficulty(double difficulty, Grade grade) {
    const double delta = -w(6) * (number(grade) - 3);
    // Linear damping: the closer to 10, the less a hard grade can add.
    const double damped = difficulty + delta * (10 - difficulty) / 9;
    // Mean reversion toward an Easy first review's difficulty, so it cannot drift for ever.
    const double reverted = w(7) * initial_difficulty(Grade::easy) + (1 - w(7)) * damped;
    return std::clamp(reverted, 1.0, 10.0);
}

double stability_after_success(const Memory& m, double r, Grade grade) {
    const double hard_penalty = grade == Grade::hard ? w(15) : 1;
    const double easy_bonus = grade == Grade::easy ? w(16) : 1;
    return m.stability * (std::exp(w(8)) * (11 - m.difficulty) * std::pow(m.stability, -w(9)) *
                              (std::exp(w(10) * (1 - r)) - 1) * hard_penalty * easy_bonus +
                          1);
}

double stability_after_lapse(const Memory& m, double r) {
    const double forgotten = w(11) * std::pow(m.difficulty, -w(12)) *
                             (std::pow(m.stability + 1, w(13)) - 1) * std::exp(w(14) * (1 - r));
    // A lapse leaves a memory less stable than it was, by at least what an Again the same day
    // would take from it (e^(w17 w18)): fsrs-rs's FSRS-5 since 1.4.4, where the short-term
    // formula is on, as it is here. Capping at S alone let a failure after a long gap leave the
    // stability exactly where it was.
    return std::min(forgotten, m.stability / std::exp(w(17) * w(18)));
}

double stability_same_day(const Memory& m, Grade grade) {
    return m.stability * std::exp(w(17) * (number(grade) - 3 + w(18)));
}

} // namespace

double recall(double days, double stability) {
    return std::pow(1 + factor * std::max(days, 0.0) / stability, decay);
}

double interval(double retention, double stability) {
    return stability / factor * (std::pow(retention, 1 / decay) - 1);
}

std::int64_t interval_days(double retention, double stability) {
    const double days = std::clamp(std::round(interval(retention, stability)), 1.0, max_stability);
    return static_cast<std::int64_t>(days);
}

Memory first_review(Grade grade) {
    const auto index = static_cast<std::size_t>(static_cast<int>(grade) - 1);
    return {clamp_stability(w(index)), std::clamp(initial_difficulty(grade), 1.0, 10.0)};
}

Memory next_review(const Memory& memory, Grade grade, std::int64_t elapsed_days) {
    double stability = 0;
    if (elapsed_days <= 0)
        stability = stability_same_day(memory, grade);
    else {
        const double r = recall(static_cast<double>(elapsed_days), memory.stability);
        stability = grade == Grade::again ? stability_after_lapse(memory, r)
                                          : stability_after_success(memory, r, grade);
    }
    return {clamp_stability(stability), next_difficulty(memory.difficulty, grade)};
}

} // namespace fsrs

MemoryState replay(std::span<const Review> reviews, double retention) {
    MemoryState state;
    if (reviews.empty()) return state;
    fsrs::Memory memory = fsrs::first_review(reviews.front().grade);
    for (std::size_t i = 1; i < reviews.size(); ++i) {
        memory = fsrs::next_review(memory, reviews[i].grade, reviews[i].day - reviews[i - 1].day);
        if (reviews[i].grade == Grade::again) ++state.lapses;
    }
    state.stability = memory.stability;
    state.difficulty = memory.difficulty;
    state.last_review_day = reviews.back().day;
    state.last_review_epoch = reviews.back().epoch;
    state.reviews = reviews.size();
    state.last_score = reviews.back().score;
    state.due_day = state.last_review_day + fsrs::interval_days(retention, memory.stability);
    return state;
}

std::int64_t day_of(const Date& date) {
    return days_from_civil(date.year, date.month, date.day);
}

std::vector<MemoryState> memory_states(std::span<const Session> sessions, double retention) {
    struct Question {
        const Session* newest = nullptr;
        std::vector<Review> reviews;
    };
    std::map<std::pair<std::string_view, std::string_view>, Question> questions;
    for (const Session& session : sessions) {
        const std::optional<double> p = performance(session);
        if (!p) continue;
        Question& question = questions[{session.rubric, session.question_id}];
        if (!question.newest) question.newest = &session;
        question.reviews.push_back({day_of(civil_of(session.started_at).date),
                                    epoch_seconds(session.started_at), grade_of(*p),
                                    *session.mean_score()});
    }
    std::vector<MemoryState> states;
    states.reserve(questions.size());
    for (auto& [key, question] : questions) {
        // Loaded newest first, but sessions recorded in different zones may interleave.
        std::stable_sort(question.reviews.begin(), question.reviews.end(),
                         [](const Review& a, const Review& b) { return a.epoch < b.epoch; });
        MemoryState state = replay(question.reviews, retention);
        state.rubric = question.newest->rubric;
        state.rubric_name = question.newest->rubric_name;
        state.question_id = question.newest->question_id;
        state.question = question.newest->question;
        states.push_back(std::move(state));
    }
    return states;
}

namespace {

DueQuestion due_question(const MemoryState& state, const Now& now, std::int64_t today) {
    const double days = static_cast<double>(now.epoch - state.last_review_epoch) / 86400.0;
    return {state, fsrs::recall(days, state.stability), today - state.due_day};
}

bool same_question_order(const DueQuestion& a, const DueQuestion& b) {
    return std::tie(a.state.rubric, a.state.question_id) <
           std::tie(b.state.rubric, b.state.question_id);
}

} // namespace

DueList due_questions(std::span<const MemoryState> states, const Now& now,
                      std::int64_t within_days) {
    const std::int64_t today = day_of(now.today);
    DueList list;
    for (const MemoryState& state : states) {
        if (state.due_day <= today)
            list.now.push_back(due_question(state, now, today));
        else if (state.due_day <= today + within_days)
            list.soon.push_back(due_question(state, now, today));
    }
    // The one most likely forgotten first; ties (the same recall) by the longest overdue.
    std::sort(list.now.begin(), list.now.end(), [](const DueQuestion& a, const DueQuestion& b) {
        if (a.recall_now != b.recall_now) return a.recall_now < b.recall_now;
        if (a.overdue_days != b.overdue_days) return a.overdue_days > b.overdue_days;
        return same_question_order(a, b);
    });
    std::sort(list.soon.begin(), list.soon.end(), [](const DueQuestion& a, const DueQuestion& b) {
        if (a.state.due_day != b.state.due_day) return a.state.due_day < b.state.due_day;
        if (a.recall_now != b.recall_now) return a.recall_now < b.recall_now;
        return same_question_order(a, b);
    });
    return list;
}

std::vector<std::size_t> due_load(std::span<const MemoryState> states, const Now& now,
                                  std::size_t days) {
    std::vector<std::size_t> load(days, 0);
    if (days == 0) return load;
    const std::int64_t today = day_of(now.today);
    for (const MemoryState& state : states) {
        const std::int64_t offset = std::max<std::int64_t>(state.due_day - today, 0);
        if (offset < static_cast<std::int64_t>(days)) ++load[static_cast<std::size_t>(offset)];
    }
    return load;
}

} // namespace mockcoach::history
