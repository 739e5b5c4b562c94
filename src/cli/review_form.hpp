// The questions `score SESSION --by NAME` asks at a terminal: each criterion by its anchors,
// the key points, a comment. Pure over its input and output, so tests can answer it.
#pragma once

#include "rubric/rubric.hpp"
#include "transcript/transcript.hpp"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mockcoach::cli {

struct ReviewFormIo {
    std::function<std::optional<std::string>()> read_line; // none: input ended (Ctrl-D, Ctrl-C)
    std::function<void(const std::string&)> print;
};

struct ReviewAnswers {
    std::vector<transcript::Score> scores;
    std::vector<transcript::ReviewedPoint> key_points;
    std::string comment;
};

struct ReviewFormOptions {
    std::size_t width = 80;  // the terminal's columns: anchors and key points are wrapped to them
    bool ask_comment = true; // false when the comment was given already (--comment)
};

// Asks for each criterion a value 1-5 or s to skip, then each key point covered, partly or
// missed (y, p, n, as on the session's key-point screen; or skipped), then a one-line comment
// unless `options` says it was given; a wrong answer is asked again. None when the input ends
// before the last answer: the caller records nothing.
std::optional<ReviewAnswers> ask_review(const std::vector<rubric::Criterion>& criteria,
                                        const std::vector<std::string>& key_points,
                                        ReviewFormIo& io, const ReviewFormOptions& options = {});

// `text` wrapped to `width` columns, its first line after `first` and the others after
// `indent` (as wide as `first`), each line ending in a line feed.
std::string wrapped(std::string_view text, std::size_t width, std::string_view first,
                    std::string_view indent);

// The one `mockcoach score` line that records `review` of session `id`, for a review that could
// not be saved: nothing typed is lost.
std::string review_command(const std::string& id, const transcript::Review& review);

} // namespace mockcoach::cli
