// A transcript for people and programs: text (the session summary and `show`), Markdown to
// paste into a shared document, and JSON with the transcript's own keys.
#pragma once

#include "transcript/transcript.hpp"
#include "util/json.hpp"
#include "util/style.hpp"

#include <string>

namespace mockcoach::transcript {

// A bar of `width` cells filled in proportion to used/budget (full when over).
std::string bar(std::int64_t used, std::int64_t budget, std::size_t width);

// The question, each phase's time against its budget with its notes, the scores, the
// reflection. `width` is the terminal's (or 80 when piped).
std::string render_text(const Transcript& transcript, const Style& style, std::size_t width);

// The same content as Markdown: headings, a table of phases with their bars, notes under their
// phase, the scores as a table, the reflection. User text is escaped so it renders as typed.
std::string render_markdown(const Transcript& transcript);

// The transcript as one JSON object whose keys are its TOML keys (phase, note and score hold
// arrays); keys that are optional in the TOML are always present here, null when absent.
void write_json(JsonWriter& out, const Transcript& transcript);
std::string render_json(const Transcript& transcript);

// The offset date-time as written in the TOML: "2026-11-24T23:58:05Z".
std::string iso_date_time(const WallTime& when);

} // namespace mockcoach::transcript
