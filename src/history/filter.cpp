// Which sessions a report covers: categories, a date range, statuses.
#include "history/history.hpp"

#include <algorithm>

namespace mockcoach::history {

namespace {

// <0 when the session is before the bound, 0 on it (the same day), >0 after.
int compare(const Session& session, const DateBound& bound) {
    if (bound.kind == DateBound::Kind::day) {
        const int day = day_number(civil_of(session.started_at).date);
        return day < bound.day ? -1 : day > bound.day ? 1 : 0;
    }
    const std::int64_t epoch = epoch_seconds(session.started_at);
    return epoch < bound.epoch ? -1 : epoch > bound.epoch ? 1 : 0;
}

} // namespace

bool matches(const Session& session, const Filter& filter) {
    if (!filter.categories.empty() && std::find(filter.categories.begin(), filter.categories.end(),
                                                session.rubric) == filter.categories.end())
        return false;
    if (!filter.statuses.empty() && std::find(filter.statuses.begin(), filter.statuses.end(),
                                              session.status) == filter.statuses.end())
        return false;
    if (filter.since && compare(session, *filter.since) < 0) return false;
    if (filter.until && compare(session, *filter.until) > 0) return false;
    return true;
}

void keep_matching(const Filter& filter, std::vector<Session>& sessions) {
    std::erase_if(sessions, [&](const Session& session) { return !matches(session, filter); });
}

} // namespace mockcoach::history
