// The report's data: the statistics `stats` computes, plus the timelines the charts draw.
#include "report/report.hpp"

#include "util/wall_time.hpp"

#include <algorithm>

namespace mockcoach::report {

ReportData build_report(Heading heading, std::span<const history::Session> sessions,
                        std::span<const history::BankShare> bank, DueLoad due) {
    ReportData data;
    data.heading = std::move(heading);
    data.due = std::move(due);
    data.stats = history::compute_stats(sessions, bank);
    data.scores = history::score_timelines(sessions);
    data.key_points = history::coverage_timelines(sessions);
    data.blind = history::blind_timeline(sessions);
    data.calibration = history::compute_calibration(sessions);
    const std::size_t latest = std::min(latest_shown, sessions.size());
    data.latest.assign(sessions.begin(), sessions.begin() + static_cast<std::ptrdiff_t>(latest));
    if (!sessions.empty()) {
        // Newest first as loaded, but sessions recorded in different zones may interleave.
        const auto [oldest, newest] =
            std::minmax_element(sessions.begin(), sessions.end(), [](const auto& a, const auto& b) {
                return local_seconds(a.started_at) < local_seconds(b.started_at);
            });
        data.first_day = format_date(oldest->started_at);
        data.last_day = format_date(newest->started_at);
        data.first_seconds = local_seconds(oldest->started_at);
        data.last_seconds = local_seconds(newest->started_at);
    }
    return data;
}

std::string default_stem(const std::string& generated_on) {
    return "report-" + generated_on;
}

} // namespace mockcoach::report
