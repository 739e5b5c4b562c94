// Spaced repetition over questions: every scored session is a review of its question, graded
// from how it went, and each question keeps an FSRS-5 memory state (stability, difficulty) and a
// due date. Everything here is derived from the summaries the history index already caches
// (mean score, key points, started_at): deleting the index loses nothing, it is recomputed from
// the transcripts. Pure: "now" and the desired retention are passed in.
#pragma once

#include "history/history.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace mockcoach::history {

// ---- Grades ---------------------------------------------------------------------------------

// FSRS's four ratings, with their numbers.
enum class Grade { again = 1, hard = 2, good = 3, easy = 4 };
std::string_view grade_name(Grade grade); // "again", "hard", "good", "easy"

// How well a session answered its question, 0 to 1: the mean score mapped from 1..5, averaged
// with the key-point coverage when key points were checked. None without a mean score: a
// session nobody scored is no review.
std::optional<double> performance(const Session& session);

// The grade of a performance (the README's table): below 0.375 Again (a mean under 2.5: the
// question was not really answered), below 0.5625 Hard, below 0.8125 Good, else Easy.
Grade grade_of(double performance);

// ---- The FSRS-5 model (open-spaced-repetition's fsrs-rs, as Anki 24.11+ schedules) --------

namespace fsrs {

inline constexpr double decay = -0.5;
inline constexpr double factor = 19.0 / 81.0; // so that recall(S, S) = 0.9
// The 19 default weights FSRS-5 ships with (w0..w18), before any optimisation on a user's own
// reviews: a few dozen sessions are far too few to fit them.
inline constexpr std::array<double, 19> weights = {
    0.40255, 1.18385, 3.173, 15.69105, 7.1949, 0.5345, 1.4604, 0.0046,  1.54575, 0.1192,
    1.01925, 1.9395,  0.11,  0.29605,  2.2698, 0.2315, 2.9898, 0.51655, 0.6621};
inline constexpr double min_stability = 0.01;
inline constexpr double max_stability = 36500;

struct Memory {
    double stability = 0;  // days until recall falls to 90%
    double difficulty = 0; // 1 (easy) to 10 (hard)
};

// The probability of recall `days` after a review, for a memory of this stability.
double recall(double days, double stability);
// Days until recall falls to `retention`.
double interval(double retention, double stability);
// The interval as a whole number of days, at least 1 (as Anki schedules).
std::int64_t interval_days(double retention, double stability);

// The memory after a question's first review.
Memory first_review(Grade grade);
// The memory after a later review `elapsed_days` calendar days after the one before (0: the
// same day, where the short-term formula applies).
Memory next_review(const Memory& memory, Grade grade, std::int64_t elapsed_days);

} // namespace fsrs

// ---- Memory states of questions -------------------------------------------------------------

struct Review {
    std::int64_t day = 0;   // the session's local date, as days since 1970-01-01
    std::int64_t epoch = 0; // when it started, seconds since 1970
    Grade grade = Grade::good;
    double score = 0; // its mean score
};

struct MemoryState {
    std::string rubric;
    std::string rubric_name;
    std::string question_id;
    std::string question; // its text as the newest session recorded it
    double stability = 0;
    double difficulty = 0;
    std::int64_t last_review_day = 0; // days since 1970-01-01, the local date
    std::int64_t last_review_epoch = 0;
    std::size_t reviews = 0;
    std::size_t lapses = 0; // reviews graded Again after the first
    double last_score = 0;
    std::int64_t due_day = 0; // days since 1970-01-01
};

// A question's state after its reviews, oldest first (at least one); only the numbers are
// filled in.
MemoryState replay(std::span<const Review> reviews, double retention);

// Every reviewed question's state, from `sessions` newest first (as loaded): one pass, ordered
// by rubric then question id. A question never scored is not there.
std::vector<MemoryState> memory_states(std::span<const Session> sessions, double retention);

// ---- What is due ----------------------------------------------------------------------------

struct DueQuestion {
    MemoryState state;
    double recall_now = 0;         // R(t, S), t the fractional days since the last review
    std::int64_t overdue_days = 0; // today minus the due day: 0 due today, < 0 not yet
};

struct DueList {
    std::vector<DueQuestion> now;  // due today or earlier: lowest recall now first
    std::vector<DueQuestion> soon; // due within the window: soonest first
};

// The day number (days since 1970-01-01) of a date.
std::int64_t day_of(const Date& date);

// The questions due by `now.today`, and those due in the `within_days` after it.
DueList due_questions(std::span<const MemoryState> states, const Now& now,
                      std::int64_t within_days);

// Reviews due on each of the `days` days from today, overdue ones counted on today.
std::vector<std::size_t> due_load(std::span<const MemoryState> states, const Now& now,
                                  std::size_t days);

} // namespace mockcoach::history
