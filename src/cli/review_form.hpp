// The questions `score SESSION --by NAME` asks at a terminal: each criterion by its anchors,
// the key points, a comment. Pure over its input and output, so tests can answer it.
#pragma once

#include "rubric/rubric.hpp"
#include "transcript/transcript.hpp"

#include <functional>
#include <optional>
#include <string>
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

// Asks for each criterion a value 1-5 or s to skip, then each key point covered, partly or
// missed (or skipped), then a one-line comment; a wrong answer is asked again. None when the
// input ends before the last answer: the caller records nothing.
std::optional<ReviewAnswers> ask_review(const std::vector<rubric::Criterion>& criteria,
                                        const std::vector<std::string>& key_points,
                                        ReviewFormIo& io);

} // namespace mockcoach::cli
