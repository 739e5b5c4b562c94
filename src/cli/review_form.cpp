// The interactive review: one question a line, in the order the packet's score sheet has them.
#include "cli/review_form.hpp"

#include "util/text.hpp"

#include <algorithm>
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

std::string wrapped(std::string_view text, std::size_t width, std::string_view first,
                    std::string_view indent) {
    const std::size_t room = width > display_width(first) ? width - display_width(first) : 0;
    std::string out;
    for (const std::string& line : wrap(text, room))
        out += fmt::format("{}{}\n", out.empty() ? first : indent, line);
    return out;
}

namespace {

// A question wrapped as `wrapped` does, the answer typed after its last line.
std::string prompt(std::string_view question, std::size_t width) {
    std::string text = wrapped(question, width, "", "");
    text.back() = ' ';
    return text;
}

} // namespace

std::optional<ReviewAnswers> ask_review(const std::vector<rubric::Criterion>& criteria,
                                        const std::vector<std::string>& key_points,
                                        ReviewFormIo& io, const ReviewFormOptions& options) {
    ReviewAnswers answers;
    const std::size_t width = options.width;
    for (const rubric::Criterion& criterion : criteria) {
        io.print("\n" +
                 wrapped(fmt::format("{} ({})", criterion.name, criterion.id), width, "", "  "));
        for (const auto& [level, text] : criterion.levels)
            if (level == 1 || level == 3 || level == 5)
                io.print(wrapped(text, width, fmt::format("  {}  ", level), "     "));
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
        io.print("\n" + wrapped(key_points[i], width,
                                fmt::format("Key point {} of {}: ", i + 1, key_points.size()),
                                "  "));
        // The letters of the session's own key-point screen, so one habit serves both.
        const bool answered =
            ask(io, prompt("covered, partly or missed (y, p, n), or s to skip:", width),
                "Type y (covered), p (partly), n (missed) or s (skip).",
                [&](const std::string& answer) {
                    if (answer == "s") return true;
                    std::optional<transcript::Coverage> result = transcript::parse_coverage(answer);
                    if (answer == "y") result = transcript::Coverage::covered;
                    if (answer == "p") result = transcript::Coverage::partly;
                    if (answer == "n") result = transcript::Coverage::missed;
                    if (!result) return false;
                    answers.key_points.push_back({static_cast<int>(i + 1), *result});
                    return true;
                });
        if (!answered) return std::nullopt;
    }
    if (!options.ask_comment) return answers;
    const bool answered =
        ask(io,
            "\n" + prompt("Comment (one line: the strongest moment, the one thing to improve; "
                          "Enter for none):",
                          width),
            "A comment is printable text on one line.", [&](const std::string& answer) {
                if (!unprintable(answer).empty()) return false;
                answers.comment = answer;
                return true;
            });
    if (!answered) return std::nullopt;
    return answers;
}

// The `mockcoach score` line that gives `review` of session `id` again.
std::string review_command(const std::string& id, const transcript::Review& review) {
    std::string line = "mockcoach score " + shell_word(id) + " --by " + shell_word(review.by);
    for (const transcript::Score& score : review.scores)
        line += fmt::format(" --criterion {}={}", score.criterion, score.value);
    for (const transcript::ReviewedPoint& point : review.key_points)
        line += fmt::format(" --key-point {}={}", point.point, coverage_name(point.result));
    if (!review.comment.empty()) line += " --comment " + shell_word(review.comment);
    return line;
}

} // namespace mockcoach::cli
