// The interactive review: one question a line, in the order the packet's score sheet has them.
#include "cli/review_form.hpp"

#include "util/text.hpp"

#include <fmt/format.h>

namespace mockcoach::cli {

namespace {

std::string trimmed(std::string text) {
    const auto first = text.find_first_not_of(" \t\r");
    if (first == std::string::npos) return "";
    return text.substr(first, text.find_last_not_of(" \t\r") - first + 1);
}

// Asks `question` until `accept` takes the answer; none when the input ends.
template <typename Accept>
bool ask(ReviewFormIo& io, const std::string& question, const std::string& again, Accept accept) {
    for (;;) {
        io.print(question);
        const auto line = io.read_line();
        if (!line) return false;
        if (accept(trimmed(*line))) return true;
        io.print(again + "\n");
    }
}

} // namespace

std::optional<ReviewAnswers> ask_review(const std::vector<rubric::Criterion>& criteria,
                                        const std::vector<std::string>& key_points,
                                        ReviewFormIo& io) {
    ReviewAnswers answers;
    for (const rubric::Criterion& criterion : criteria) {
        io.print(fmt::format("\n{} ({})\n", criterion.name, criterion.id));
        for (const auto& [level, text] : criterion.levels)
            if (level == 1 || level == 3 || level == 5)
                io.print(fmt::format("  {}  {}\n", level, text));
        const bool answered =
            ask(io, "Score 1-5, or s to skip: ", "Type 1, 2, 3, 4 or 5, or s to skip.",
                [&](const std::string& answer) {
                    if (answer == "s") return true;
                    if (answer.size() != 1 || answer[0] < '1' || answer[0] > '5') return false;
                    answers.scores.push_back({criterion.id, criterion.name, answer[0] - '0'});
                    return true;
                });
        if (!answered) return std::nullopt;
    }
    for (std::size_t i = 0; i < key_points.size(); ++i) {
        io.print(
            fmt::format("\nKey point {} of {}: {}\n", i + 1, key_points.size(), key_points[i]));
        const bool answered =
            ask(io, "covered, partly or missed (c, p, m), or s to skip: ",
                "Type c (covered), p (partly), m (missed) or s (skip).",
                [&](const std::string& answer) {
                    if (answer == "s") return true;
                    std::optional<transcript::Coverage> result = transcript::parse_coverage(answer);
                    if (answer == "c") result = transcript::Coverage::covered;
                    if (answer == "p") result = transcript::Coverage::partly;
                    if (answer == "m") result = transcript::Coverage::missed;
                    if (!result) return false;
                    answers.key_points.push_back({static_cast<int>(i + 1), *result});
                    return true;
                });
        if (!answered) return std::nullopt;
    }
    const bool answered =
        ask(io,
            "\nComment (one line: the strongest moment, the one thing to improve; Enter for "
            "none): ",
            "A comment is printable text on one line.", [&](const std::string& answer) {
                if (!unprintable(answer).empty()) return false;
                answers.comment = answer;
                return true;
            });
    if (!answered) return std::nullopt;
    return answers;
}

} // namespace mockcoach::cli
