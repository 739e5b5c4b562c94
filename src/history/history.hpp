// Reviewing past sessions: the sessions folder read into light summaries (through a cache
// index, so thousands of transcripts read fast), filters, dates as people type them, and the
// aggregations behind `history`, `stats` and the adaptive draw. The transcripts stay the one
// source of truth; everything here can be rebuilt from them.
#pragma once

#include "bank/bank.hpp"
#include "transcript/transcript.hpp"
#include "util/diagnostic.hpp"
#include "util/wall_time.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace mockcoach::history {

// ---- Summaries ------------------------------------------------------------------------------

// What the reports need of one transcript; what the index stores. The header and phase timings
// are the transcript's own types. A summary read from the index holds only what the index
// keeps (see index.hpp): ended_at, seed, speed, clock, story and paused_seconds stay at their
// defaults there, so nothing in history relies on them.
// A prompt of a phase the session reached, and whether it was ticked as covered.
struct PromptTick {
    std::string text;
    bool ticked = false;
};

// One score of one criterion in someone else's review of a session: what calibration sets
// against the candidate's own score of it.
struct ReviewScore {
    std::string by;
    std::string criterion;
    int value = 0;
};

struct Session : transcript::Header {
    std::string file; // the transcript's name inside the sessions folder
    std::vector<transcript::PhaseTiming> phases;
    std::vector<transcript::Score> scores;
    std::vector<transcript::KeyPoint> key_points;
    // Only for sessions where some prompt was ticked: one who never ticks has not missed them.
    std::vector<PromptTick> prompts;
    std::vector<ReviewScore> review_scores; // every review's scores, review after review

    std::optional<double> mean_score() const { return transcript::mean_of(scores); }
    std::int64_t used_seconds() const;
    std::int64_t budget_seconds() const;
};

Session summarise(const transcript::Transcript& transcript, std::string file);

// A calendar date as one comparable number: 2026-11-24 -> 20261124.
int day_number(const Date& date);
// "2026-11-24 23:58", in the zone the session was recorded in (the user's, at the time).
std::string format_started(const WallTime& when);

// ---- Loading --------------------------------------------------------------------------------

struct IndexUse {
    std::size_t reused = 0; // summaries taken from the index
    std::size_t parsed = 0; // transcripts read because the index lacked them or they changed
    bool written = false;   // the index was rewritten
};

struct Loaded {
    bool folder_exists = false;
    std::vector<Session> sessions; // newest first
    // One warning per *.toml file that is not a valid transcript, at its first problem.
    Diagnostics skipped;
    IndexUse index;
};

struct LoadOptions {
    // The summary index to read and refresh; none: read every transcript.
    std::optional<std::filesystem::path> index_file;
    unsigned threads = 0; // for reading transcripts; 0: one per core
    // The time (ns since 1970) by the caller's clock. A file modified less than 2 s before it is
    // read but not cached yet: a change within the file system's timestamp resolution would not
    // move its mtime. 0: cache everything (tests).
    std::int64_t now_ns = 0;
    // Told (done, total) as transcripts are read, always on the calling thread, and once at the
    // end with done == total; not called when the index has every summary. What to show is the
    // caller's business (cli/ draws a line on a terminal).
    std::function<void(std::size_t done, std::size_t total)> progress{};
};

// The cache index of a sessions folder: $XDG_CACHE_HOME/mockcoach/index/, named from a hash of
// the folder's absolute path.
std::filesystem::path index_file_for(const std::filesystem::path& folder);

Loaded load_sessions(const std::filesystem::path& folder, const LoadOptions& options);

// Every transcript in full (for `export`), oldest first, with the same warnings.
struct LoadedTranscripts {
    bool folder_exists = false;
    std::vector<transcript::Transcript> transcripts;
    Diagnostics skipped;
};
LoadedTranscripts load_transcripts(const std::filesystem::path& folder, unsigned threads = 0);

// The warning for a file that is not a valid transcript: its first problem's place, and how
// many more there are.
Diagnostic skipped_warning(const Diagnostics& problems);

// ---- Dates and filters ----------------------------------------------------------------------

// The moment a command runs: the instant and the user's local date.
struct Now {
    std::int64_t epoch = 0;
    Date today;
};

// A bound as typed: a calendar date compares with the date a session was recorded on (in the
// user's zone at the time); "7d" or "4w" is an instant that many days or weeks before now.
struct DateBound {
    enum class Kind { day, instant };
    Kind kind = Kind::day;
    int day = 0;            // day_number, for Kind::day
    std::int64_t epoch = 0; // for Kind::instant
};

// "2026-11-01", "today", "yesterday", "7d", "4w"; nullopt when it is none of these.
std::optional<DateBound> parse_date(std::string_view text, const Now& now);
inline constexpr std::string_view date_formats =
    "YYYY-MM-DD, today, yesterday, Nd (N days ago) or Nw (N weeks ago)";

struct Filter {
    std::vector<std::string> categories;      // rubric ids; empty: all
    std::optional<DateBound> since;           // on or after
    std::optional<DateBound> until;           // on or before (a date: that whole day)
    std::vector<transcript::Status> statuses; // empty: all
};

bool matches(const Session& session, const Filter& filter);
// Keeps the sessions that match, in their order.
void keep_matching(const Filter& filter, std::vector<Session>& sessions);

// ---- Aggregations ---------------------------------------------------------------------------

// Sessions scored in the trend's two windows; fewer than 2 * trend_window: halves.
inline constexpr std::size_t trend_window = 5;
inline constexpr std::size_t sparkline_length = 10;

struct Trend {
    std::size_t window = 0; // sessions in each of the two windows
    double recent_mean = 0;
    double previous_mean = 0;
    double change() const { return recent_mean - previous_mean; }
};

struct CategoryStats {
    std::string rubric;
    std::string rubric_name;
    std::size_t sessions = 0;
    std::size_t scored = 0;
    std::optional<double> mean_score; // mean of the scored sessions' means
    std::vector<double> last_scores;  // up to sparkline_length session means, oldest first
    std::optional<Trend> trend;       // from 2 scored sessions on
};

struct CriterionStats {
    std::string rubric;
    std::string criterion;
    std::string name;
    double mean_score = 0;
    std::size_t sessions = 0;
};

// A rubric phase's time discipline over the sessions that finished it.
struct PhaseStats {
    std::string rubric;
    std::string name;
    std::size_t position = 0; // the phase's place in its rubric (0 first), to list them in order
    std::size_t sessions = 0;
    double mean_used_seconds = 0;
    double mean_budget_seconds = 0;
    std::size_t overran = 0; // sessions with overtime in this phase
    double used_share() const {
        return mean_budget_seconds > 0 ? mean_used_seconds / mean_budget_seconds : 0;
    }
};

struct BankShare {
    std::string rubric;
    std::string rubric_name;
    double share = 0; // of the question bank's draw (the seed's distribution)
};

struct Coverage {
    std::string rubric;
    std::string rubric_name;
    std::size_t sessions = 0;
    double practice_share = 0;
    double bank_share = 0;
    bool most_under_practised = false;
};

struct BlindStats {
    std::string rubric;
    std::string rubric_name;
    std::size_t sessions = 0;
    std::size_t named_right = 0;
};

// A key point or prompt and how it went in the sessions that asked it.
struct Miss {
    enum class Kind { key_point, prompt };
    std::string rubric;
    std::string rubric_name;
    Kind kind = Kind::key_point;
    std::string text;
    std::size_t asked = 0;  // sessions that checked it (key points) or reached it (prompts)
    std::size_t missed = 0; // judged missed, or left unticked
    std::size_t partly = 0; // key points judged partly covered
    // Missed counts whole, partly half: the share of the point the answers left out.
    double missed_share() const {
        return asked ? (static_cast<double>(missed) + 0.5 * static_cast<double>(partly)) /
                           static_cast<double>(asked)
                     : 0;
    }
};

struct Stats {
    std::size_t sessions = 0;
    std::vector<CategoryStats> categories; // most practised first
    std::vector<CriterionStats> criteria;  // weakest first
    std::vector<PhaseStats> phases;        // most overrun first
    std::vector<Coverage> coverage;        // in the order of `bank`, then unknown rubrics
    std::vector<BlindStats> blind;         // most blind sessions first
    // Key points and prompts missed at least once: by category (most practised first), then
    // most missed first (by share, then count), key points before prompts on a tie.
    std::vector<Miss> misses;
};

// `sessions` newest first (as loaded); `bank` the catalog's categories with their shares.
Stats compute_stats(std::span<const Session> sessions, std::span<const BankShare> bank);

// ---- Timelines (the report's charts over time) -------------------------------------------

// Times on the charts are local_seconds (util/wall_time.hpp) of when sessions started.
struct ScorePoint {
    std::int64_t local_seconds = 0;
    double score = 0;       // the session's mean score
    double recent_mean = 0; // over the last `trend_window` scored sessions up to this one
};

struct ScoreTimeline {
    std::string rubric;
    std::string rubric_name;
    std::vector<ScorePoint> points; // scored sessions only, oldest first
};

// One timeline per category with a scored session, in the order of compute_stats's
// categories (most practised first). `sessions` newest first.
std::vector<ScoreTimeline> score_timelines(std::span<const Session> sessions);

// Key-point coverage of each checked session: covered counts 1, partly 0.5, missed 0.
struct CoveragePoint {
    std::int64_t local_seconds = 0;
    double coverage = 0;    // of this session's checked key points
    double recent_mean = 0; // over the last `trend_window` checked sessions up to this one
};

struct CoverageTimeline {
    std::string rubric;
    std::string rubric_name;
    std::vector<CoveragePoint> points; // oldest first
};

// One timeline per category with a session whose key points were checked, most such sessions
// first. `sessions` newest first.
std::vector<CoverageTimeline> coverage_timelines(std::span<const Session> sessions);

// The share of a session's checked key points it covered (partly counts half); none when no key
// point was checked.
std::optional<double> key_point_coverage(const std::vector<transcript::KeyPoint>& points);

// Blind accuracy over this many blind sessions: enough to smooth single guesses out, few
// enough to show change within a month of practice.
inline constexpr std::size_t blind_window = 10;

struct BlindPoint {
    std::int64_t local_seconds = 0;
    std::string rubric;
    bool named_right = false;
    double accuracy = 0; // share named right over the last `blind_window` blind sessions
};

// Every blind session, oldest first. `sessions` newest first.
std::vector<BlindPoint> blind_timeline(std::span<const Session> sessions);

// ---- Calibration: the candidate's own scores against reviewers' ----------------------------

// One criterion's (or a category's) comparison over the sessions that have both a self-score
// and a reviewer's score of it. Within a session, several reviewers' scores are averaged first,
// so a session counts once however many people reviewed it.
struct CalibrationRow {
    std::string rubric;
    std::string rubric_name;
    std::string criterion; // "" in a category's row
    std::string name;      // the criterion's name ("" in a category's row)
    double self_mean = 0;
    double reviewers_mean = 0;
    std::size_t sessions = 0;
    // Positive: you rate yourself higher than your reviewers do.
    double difference() const { return self_mean - reviewers_mean; }
};

struct Calibration {
    std::size_t reviewed_sessions = 0; // sessions with at least one review score
    // Largest absolute difference first (then more sessions, then by id).
    std::vector<CalibrationRow> criteria;
    // A category's session compares the means over the criteria both scored in it.
    std::vector<CalibrationRow> categories;
};

Calibration compute_calibration(std::span<const Session> sessions);

// What the adaptive draw knows of the past: sessions newest first.
bank::Practice practice_of(std::span<const Session> sessions);

} // namespace mockcoach::history
