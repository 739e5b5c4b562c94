// The transcript: the saved record of one session, the file that history and stats read.
// TOML a user can open and fix; written atomically and never over another file.
#pragma once

#include "util/diagnostic.hpp"
#include "util/name_table.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <toml++/toml.h>
#include <vector>

namespace mockcoach::transcript {

inline constexpr int format_version = 1;

struct Note {
    std::int64_t at_seconds = 0; // from the start of its phase, paused time not counted
    std::string text;
};

struct Phase {
    std::string name;
    std::int64_t budget_seconds = 0; // as planned, before any extension
    std::int64_t extended_seconds = 0;
    std::int64_t used_seconds = 0; // running time in the phase; paused time is apart
    std::int64_t paused_seconds = 0;
    std::int64_t overtime_seconds = 0; // used beyond budget plus extensions
    std::vector<Note> notes;
    std::string text; // what was said, for STAR rehearsals
};

struct Score {
    std::string criterion;
    std::string name;
    int value = 0;
};

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

struct Transcript {
    std::string id;
    Status status = Status::completed;
    toml::date_time started_at;
    toml::date_time ended_at;
    std::string rubric;
    std::string rubric_name;
    std::string question_id;
    std::string question;
    std::int64_t seed = 0;
    double speed = 1;
    std::string clock = "real";       // "real" or "virtual"
    std::string mode = "interview";   // "interview" (start) or "star" (a STAR rehearsal)
    std::optional<std::string> story; // the story a STAR rehearsal was of, or was saved as
    std::optional<double> mean_score;
    std::string reflection;
    std::optional<std::string> category_guess;
    std::optional<bool> category_guess_correct;
    std::vector<Phase> phases;
    std::vector<Score> scores;
    std::vector<std::string> skipped; // criteria the user chose not to score

    std::int64_t budget_seconds() const;
    std::int64_t used_seconds() const;
};

std::optional<double> mean_of(const std::vector<Score>& scores);

// The TOML text of a transcript; read_transcript(to_toml(t)) gives back t.
std::string to_toml(const Transcript& transcript);
std::optional<Transcript> read_transcript(std::string_view path, std::string_view bytes,
                                          Diagnostics& diagnostics);

// TOML building blocks shared with the journal: a quoted basic string, an offset date-time.
std::string toml_quote(std::string_view text);
std::string toml_date_time(const toml::date_time& when);
std::string toml_float(double value); // always with a decimal point: 1 -> "1.0"

} // namespace mockcoach::transcript
