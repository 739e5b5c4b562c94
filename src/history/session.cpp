// Summaries of transcripts, and the forms of dates they are filtered and shown by.
#include "history/history.hpp"

namespace mockcoach::history {

std::int64_t Session::used_seconds() const {
    std::int64_t total = 0;
    for (const transcript::PhaseTiming& phase : phases) total += phase.used_seconds;
    return total;
}

std::int64_t Session::budget_seconds() const {
    std::int64_t total = 0;
    for (const transcript::PhaseTiming& phase : phases) total += phase.budget_seconds;
    return total;
}

Session summarise(const transcript::Transcript& t, std::string file) {
    Session s;
    static_cast<transcript::Header&>(s) = t;
    s.file = std::move(file);
    s.phases.assign(t.phases.begin(), t.phases.end()); // each phase's timing, without its notes
    s.scores = t.scores;
    s.key_points = t.key_points;
    for (const transcript::Review& review : t.reviews)
        for (const transcript::Score& score : review.scores)
            s.review_scores.push_back({review.by, score.criterion, score.value});
    for (const transcript::Phase& phase : t.phases) {
        if (phase.used_seconds == 0 && phase.checks.empty()) continue; // never reached
        for (std::size_t i = 0; i < phase.prompts.size(); ++i)
            s.prompts.push_back({phase.prompts[i], phase.ticked(i)});
    }
    return s;
}

int day_number(const Date& date) {
    return date.year * 10000 + date.month * 100 + date.day;
}

std::string format_started(const WallTime& when) {
    return format_date_time(when, DateTimeForm::minutes);
}

} // namespace mockcoach::history
