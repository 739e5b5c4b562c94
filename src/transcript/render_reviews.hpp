// The reviews part of a rendered transcript, used by render.cpp and render_formats.cpp.
#pragma once

#include "transcript/render.hpp"

namespace mockcoach::transcript {

// "Scores" as a table of the candidate's column beside each reviewer's, then each review's
// key-point tally and comment. For transcripts with reviews; `width` already clamped.
std::string reviews_text(const Transcript& transcript, const Style& style, std::size_t width,
                         const CriterionNames& criteria);
// The same as Markdown: "### Scores" with a column per reviewer, then "### Reviews".
std::string reviews_markdown(const Transcript& transcript, const CriterionNames& criteria);
// The "review" array: each review as its TOML keys, its key points with their text.
void write_reviews_json(JsonWriter& out, const Transcript& transcript);

} // namespace mockcoach::transcript
