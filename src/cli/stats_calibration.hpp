// The calibration part of `stats`: how far the candidate's own scores sit from reviewers'.
#pragma once

#include "history/history.hpp"
#include "util/json.hpp"
#include "util/style.hpp"

#include <optional>
#include <string>

namespace mockcoach::cli {

// "Calibration" with a table per criterion and per category, or the sentence that says how to
// get reviews when there are none.
std::string calibration_text(const history::Calibration& calibration, const Style& style,
                             std::optional<std::size_t> width);

// The "calibration" key of `stats --format json`: reviewed_sessions, criteria, categories.
void write_calibration_json(JsonWriter& out, const history::Calibration& calibration);

inline constexpr std::string_view no_reviews_yet =
    "No reviews yet: after a session with a partner, `mockcoach score SESSION --by NAME` "
    "records theirs.";

} // namespace mockcoach::cli
