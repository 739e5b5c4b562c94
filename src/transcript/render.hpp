// A transcript for people and programs: text (the session summary and `show`), Markdown to
// paste into a shared document, and JSON with the transcript's own keys.
#pragma once

#include "transcript/transcript.hpp"
#include "util/json.hpp"
#include "util/style.hpp"

#include <optional>
#include <string>
#include <vector>

namespace mockcoach::transcript {

// A bar of `width` cells filled in proportion to used/budget (full when over).
std::string bar(std::int64_t used, std::int64_t budget, std::size_t width);

// A criterion of the rubric a transcript was scored against. A transcript keeps only the id of
// a criterion skipped on purpose, and its scores apart from its skips; whoever knows the rubric
// passes its criteria, in the rubric's order, so that a skip is shown by name and in its place.
struct CriterionName {
    std::string id;
    std::string name;
};
using CriterionNames = std::vector<CriterionName>;

// One line of the scores: a criterion's name and its score, or no score when it was skipped.
struct ScoreRow {
    std::string name;
    std::optional<int> value;
    std::string criterion{}; // its id
};
// The scores and skips as one list in the order of `criteria`, each by name (a score by the
// name it was saved with). What `criteria` does not know (the rubric has changed or is gone)
// follows: scores as saved, then skips by their id.
std::vector<ScoreRow> score_rows(const Transcript& transcript, const CriterionNames& criteria);

// A criterion's scores side by side: the candidate's own (none when skipped or not scored) and
// each review's, in the order of the transcript's reviews.
struct ReviewRow {
    std::string criterion;
    std::string name;
    std::optional<int> self;
    std::vector<std::optional<int>> reviews;
    bool self_skipped = false; // no self-score because the candidate skipped it on purpose
};
// The rows of score_rows with each review's score beside, then the criteria only reviewers
// scored, in the order the first review that scored them gave them.
std::vector<ReviewRow> review_rows(const Transcript& transcript, const CriterionNames& criteria);
// Each review's label as a column heading: its name, and " 2", " 3" on a name's later reviews.
std::vector<std::string> reviewer_labels(const std::vector<Review>& reviews);

// The question, each phase's time against its budget with its notes, the scores, the
// reflection. `width` is the terminal's (or 80 when piped).
std::string render_text(const Transcript& transcript, const Style& style, std::size_t width,
                        const CriterionNames& criteria = {});

// The same content as Markdown: headings, a table of phases with their bars, notes under their
// phase, the scores as a table, the reflection. User text is escaped so it renders as typed.
std::string render_markdown(const Transcript& transcript, const CriterionNames& criteria = {});

// The transcript as one JSON object whose keys are its TOML keys (phase, note and score hold
// arrays); keys that are optional in the TOML are always present here, null when absent.
void write_json(JsonWriter& out, const Transcript& transcript);
std::string render_json(const Transcript& transcript);

// The scratchpad's section in each rendering (render_scratch.cpp): when its snapshots were
// taken, whether it was cut, and its text as written.
std::string scratch_snapshots_line(const Scratch& scratch); // "2 snapshots: after X (05:00), ..."
std::string render_scratch_text(const Scratch& scratch, const Style& style, std::size_t width);
std::string render_scratch_markdown(const Scratch& scratch);                     // a fenced block
void write_scratch_json(JsonWriter& out, const std::optional<Scratch>& scratch); // or null

// The offset date-time as written in the TOML: "2026-11-24T23:58:05Z".
std::string iso_date_time(const WallTime& when);

} // namespace mockcoach::transcript
