// The transcript: the saved record of one session, the file that history and stats read.
// TOML a user can open and fix; written atomically and never over another file.
#pragma once

#include "util/diagnostic.hpp"
#include "util/name_table.hpp"
#include "util/wall_time.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mockcoach::transcript {

// Format 2 adds follow-ups, prompt ticks and key points; format 3 the place of a session in an
// onsite loop (`loop`, `round`, `rounds`), the scratchpad ([scratch]) and other people's
// reviews ([[review]]): uses_format_3 lists them. A transcript is written with the lowest format
// that holds what it has, so a mockcoach that reads only an older format reads it as before,
// and refuses one it would misread with "upgrade mockcoach".
inline constexpr int format_version = 3;

// The most of a scratchpad file a session keeps: the first this many bytes (cut at a character
// boundary). A transcript stays far below the 4 MiB a TOML file may have even when every byte
// has to be escaped, and the file itself is never touched.
inline constexpr std::int64_t scratch_limit_bytes = 256 * 1024;

struct Note {
    std::int64_t at_seconds = 0; // from the start of its phase, paused time not counted
    std::string text;
};

// A follow-up the interviewer raised in a phase.
struct Followup {
    std::int64_t at_seconds = 0; // from the start of its phase, paused time not counted
    std::string text;
};

// A prompt ticked as covered during its phase.
struct PromptCheck {
    int prompt = 0; // from 1, in the phase's prompts
    std::int64_t at_seconds = 0;
};

// How much of a key point the answer covered, as the candidate judged it after answering.
enum class Coverage { covered, partly, missed };
inline constexpr auto coverage_names = name_table<Coverage>({
    {Coverage::covered, "covered"},
    {Coverage::partly, "partly"},
    {Coverage::missed, "missed"},
});
inline std::string_view coverage_name(Coverage coverage) {
    return coverage_names.name_of(coverage);
}
inline std::optional<Coverage> parse_coverage(std::string_view name) {
    return coverage_names.parse(name);
}

struct KeyPoint {
    std::string text;
    std::optional<Coverage> result; // none: not checked (the session ended first)
};

// How many key points were judged covered, partly and missed (unchecked ones in none).
struct CoverageCounts {
    std::size_t covered = 0;
    std::size_t partly = 0;
    std::size_t missed = 0;
    std::size_t checked() const { return covered + partly + missed; }
};
CoverageCounts count_coverage(const std::vector<KeyPoint>& points);

// The time a phase took against its plan: what a transcript records of it and what history
// sums up (the index keeps all but paused_seconds).
struct PhaseTiming {
    std::string name;
    std::int64_t budget_seconds = 0; // as planned, before any extension
    std::int64_t extended_seconds = 0;
    std::int64_t used_seconds = 0; // running time in the phase; paused time is apart
    std::int64_t paused_seconds = 0;
    std::int64_t overtime_seconds = 0; // used beyond budget plus extensions
};

// A phase as the transcript holds it: its timing, the notes taken in it, what was said. It
// derives from PhaseTiming rather than holding one so that `phase.used_seconds` reads the
// same everywhere, and a Phase is a PhaseTiming wherever only the timing matters (history).
struct Phase : PhaseTiming {
    std::vector<Note> notes;
    std::string text; // what was said, for STAR rehearsals
    // The phase's prompts, kept when any prompt of the session was ticked, so that the ones
    // left unticked can be counted as missed without the rubric.
    std::vector<std::string> prompts{};
    std::vector<PromptCheck> checks{};
    std::vector<Followup> followups{};
    // Whether prompt `index` (from 0) was ticked.
    bool ticked(std::size_t index) const;
};

struct Score {
    std::string criterion;
    std::string name;
    int value = 0;
};

// A key point of the session as someone else judged it: `point` counts from 1 in the
// transcript's key points.
struct ReviewedPoint {
    int point = 0;
    Coverage result = Coverage::missed;
};

// Another person's scores for a session (the partner who read the question): kept apart from
// the candidate's own, which they never replace. A session may have several, in the order given.
struct Review {
    std::string by; // the reviewer's name as typed: 1 to 40 printable characters, not "self"
    WallTime at;    // when it was recorded, in the user's offset then
    std::vector<Score> scores;
    std::vector<ReviewedPoint> key_points;
    std::string comment;
};

// Why `name` cannot name a reviewer ("" when it can): empty, longer than
// reviewer_name_length characters, a control character, or "self", which stands for the
// candidate's own scores wherever reviews are listed beside them.
inline constexpr std::size_t reviewer_name_length = 40;
std::string reviewer_name_problem(std::string_view name);

enum class Status { completed, ended_early, interrupted };
// As written in a transcript's `status` and typed after `history --status`.
inline constexpr auto status_names = name_table<Status>({
    {Status::completed, "completed"},
    {Status::ended_early, "ended-early"},
    {Status::interrupted, "interrupted"},
});
inline std::string_view status_name(Status status) {
    return status_names.name_of(status);
}
inline std::optional<Status> parse_status(std::string_view name) {
    return status_names.parse(name);
}

// Where a session stands in an onsite loop (`mockcoach loop`): the day's id and the round.
struct LoopPlace {
    std::string id;
    int round = 1;     // from 1
    int rounds = 1;    // in the day
    int question = 1;  // from 1, in a round that asks several back to back
    int questions = 1; // in the round
    friend bool operator==(const LoopPlace&, const LoopPlace&) = default;
};

// When a snapshot of the scratchpad was taken, and how large the file was then.
struct ScratchSnapshot {
    std::optional<std::string> after; // the phase that had just ended; none: the session's end
    std::int64_t at_seconds = 0;      // session time since the start, pauses included
    std::int64_t bytes = 0;           // the file's size
};

// The scratchpad (SESSION_ID.scratch.txt beside the transcript) as the session last saw it: one
// text, the last snapshot's, since the final code or estimate is what is read again later; the
// snapshots before it are listed by time and size only, so a transcript shows how the pad grew
// without holding every version (several 256 KiB copies would make it hard to read and large).
struct Scratch {
    std::string text;       // at most scratch_limit_bytes, as valid UTF-8 without control chars
    std::int64_t bytes = 0; // the file's size at the last snapshot
    bool truncated = false; // the file was over scratch_limit_bytes: `text` is its beginning
    std::vector<ScratchSnapshot> snapshots; // in time order, the last one `text`'s
};

// A session's top-level metadata: what was asked, when, how it was run, how it ended. Declared
// once: history's summaries and the index reuse it, so a new field is added here alone (and to
// the TOML writer and reader, and to the index if history needs it).
struct Header {
    std::string id;
    Status status = Status::completed;
    std::string mode = "interview"; // "interview" (start) or "star" (a STAR rehearsal)
    WallTime started_at;
    WallTime ended_at;
    std::string rubric;
    std::string rubric_name;
    std::string question_id;
    std::string question;
    std::int64_t seed = 0;
    double speed = 1;
    std::string clock = "real";       // "real" or "virtual"
    std::optional<std::string> story; // the story a STAR rehearsal was of, or was saved as
    std::optional<std::string> category_guess;
    std::optional<bool> category_guess_correct;
    std::optional<LoopPlace> loop; // a round of an onsite loop
    // The options the question was drawn with, when any shaped the draw ("--profile
    // ml-engineer-onsite --adaptive --adaptive-strength 1"), so the seed can be acted on. Kept
    // as a comment on the seed line (draw_comment): a new key would need a new format, which
    // an older mockcoach refuses, and a comment is skipped by every reader.
    std::string drawn_with;
};

// The comment after `seed = N` that holds Header::drawn_with.
inline constexpr std::string_view draw_comment = "  # drawn with ";
// Header::drawn_with as written in `line` (a transcript's seed line, a journal's header line):
// the text after draw_comment to the line's end; empty when there is none.
std::string drawn_with_in(std::string_view line);

// A transcript is its header, its phases, its scores and the reflection. Deriving keeps
// `transcript.id` as it reads everywhere, and slicing gives a Session its header in one copy.
struct Transcript : Header {
    std::optional<double> mean_score;
    std::string reflection;
    std::vector<Phase> phases;
    std::vector<Score> scores;
    std::vector<std::string> skipped; // criteria the user chose not to score
    std::vector<KeyPoint> key_points;
    std::optional<Scratch> scratch; // sessions run with --scratch whose pad was ever written
    std::vector<Review> reviews;

    std::int64_t budget_seconds() const;
    std::int64_t used_seconds() const;
};

std::optional<double> mean_of(const std::vector<Score>& scores);

// Whether a transcript holds what only format 3 has: a place in an onsite loop, a scratchpad,
// reviews.
bool uses_format_3(const Transcript& transcript);
// The format number a transcript is written with: 3 when uses_format_3, else 2 when it holds
// follow-ups, prompt ticks or key points, else 1, so an older mockcoach still reads every
// transcript it could write itself (and refuses a newer one with "upgrade mockcoach").
int format_of(const Transcript& transcript);

// The TOML text of a transcript; read_transcript(to_toml(t)) gives back t.
std::string to_toml(const Transcript& transcript);
std::optional<Transcript> read_transcript(std::string_view path, std::string_view bytes,
                                          Diagnostics& diagnostics);

// The transcript file's bytes with `review` added to `transcript` (its parsed model, which gets
// the review too): the file as it was, its format number raised to format_of's, and the review's
// tables appended, so that a user's comments and layout stay and nothing but the review and the
// format line changes. When the file is laid out so that this would not read back as the model
// with the review, the model's own TOML instead.
std::string add_review(std::string_view bytes, Transcript& transcript, Review review);

// TOML building blocks shared with the journal: a quoted basic string, an offset date-time.
std::string toml_quote(std::string_view text);
// ["a", "b"]: an array of basic strings on one line.
std::string toml_list(const std::vector<std::string>& items);
std::string toml_date_time(const WallTime& when); // "2026-11-24T23:58:05+01:00" or "...Z"
std::string toml_float(double value);             // always with a decimal point: 1 -> "1.0"

} // namespace mockcoach::transcript
