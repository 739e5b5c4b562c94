// A transcript as text for people: the session summary, and `show` later on.
#pragma once

#include "term/style.hpp"
#include "transcript/transcript.hpp"

#include <string>

namespace mockcoach::transcript {

// A bar of `width` cells filled in proportion to used/budget (full when over).
std::string bar(std::int64_t used, std::int64_t budget, std::size_t width);

// The question, each phase's time against its budget with its notes, the scores, the
// reflection. `width` is the terminal's (or 80 when piped).
std::string render_text(const Transcript& transcript, const term::Style& style, std::size_t width);

} // namespace mockcoach::transcript
