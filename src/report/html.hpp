// Text into HTML and SVG: every string that came from a user's file goes through `escape`.
#pragma once

#include <string>
#include <string_view>

namespace mockcoach::report {

// Safe in element content and in double- or single-quoted attributes: & < > " ' become
// references, and control characters (which no page needs, and which end XML parsing) become
// spaces.
std::string escape(std::string_view text);

// A number for SVG coordinates: one decimal, no "-0.0", so output is stable across runs.
std::string coordinate(double value);

} // namespace mockcoach::report
