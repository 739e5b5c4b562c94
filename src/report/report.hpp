// `mockcoach report`: the history drawn as one self-contained HTML page (inline CSS and SVG,
// nothing fetched, no scripts), from the same summaries and statistics as `stats`.
#pragma once

#include "history/history.hpp"

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace mockcoach::report {

// What the page says about itself; the caller decides it (the page reads no clock).
struct Heading {
    std::string generated_on;           // "2026-11-25"
    std::string sessions_folder;        // where the transcripts were read from
    std::vector<std::string> filters;   // as the user typed them: "--since 4w"
    std::size_t sessions_in_folder = 0; // before the filters: "none yet" or "none match"
};

// How many of the newest sessions the page lists by name.
inline constexpr std::size_t latest_shown = 10;
// How many of the weakest criteria the chart shows (the table has them all).
inline constexpr std::size_t weakest_shown = 10;

// Spaced repetition's load ahead: the reviews due on each day from `first_day` (today), overdue
// ones counted on it. The caller computes it (it needs the clock and the whole history).
inline constexpr std::size_t due_load_days = 30;
struct DueLoad {
    std::int64_t first_day = 0; // days since 1970-01-01
    std::vector<std::size_t> per_day;
};

struct ReportData {
    Heading heading;
    history::Stats stats;
    std::vector<history::ScoreTimeline> scores;
    std::vector<history::CoverageTimeline> key_points;
    std::vector<history::BlindPoint> blind;
    history::Calibration calibration;
    std::vector<history::Session> latest; // newest first
    std::string first_day;                // "2026-11-24", of the oldest session; "" with none
    std::string last_day;
    // The same span as history::local_seconds: the time axis every chart over time shares.
    std::int64_t first_seconds = 0;
    std::int64_t last_seconds = 0;
    DueLoad due;
};

// `sessions` newest first, already filtered; `bank` the categories' shares of the draw.
ReportData build_report(Heading heading, std::span<const history::Session> sessions,
                        std::span<const history::BankShare> bank, DueLoad due = {});

// The whole page. The same data gives the same bytes.
std::string render_html(const ReportData& data);

// "report-2026-11-25": the stem of the file written when no --out is given.
std::string default_stem(const std::string& generated_on);

} // namespace mockcoach::report
