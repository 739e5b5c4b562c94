// Reviews: other people's scores of a session, written after the candidate's own and read back
// with the same strictness as the rest of the transcript.
#include "transcript/review_toml.hpp"
#include "util/text.hpp"

#include <fmt/format.h>

namespace mockcoach::transcript {

using tomlfile::Need;
using tomlfile::TableReader;

std::string reviewer_name_problem(std::string_view name) {
    if (name.empty()) return "a reviewer's name must not be empty";
    if (!unprintable(name).empty() || name.find_first_of("\t\n") != std::string_view::npos)
        return "a reviewer's name must be printable on one line (no control characters)";
    if (char_count(name) > reviewer_name_length)
        return fmt::format("a reviewer's name is at most {} characters", reviewer_name_length);
    if (name == "self")
        return "\"self\" stands for the candidate's own scores; name the reviewer another way";
    return "";
}

std::string reviews_to_toml(const std::vector<Review>& reviews) {
    std::string out;
    for (const Review& review : reviews) {
        out += "\n[[review]]\n";
        out += fmt::format("by = {}\n", toml_quote(review.by));
        out += fmt::format("at = {}\n", toml_date_time(review.at));
        if (!review.comment.empty())
            out += fmt::format("comment = {}\n", toml_quote(review.comment));
        for (const Score& score : review.scores) {
            out += "\n[[review.score]]\n";
            out += fmt::format("criterion = {}\n", toml_quote(score.criterion));
            out += fmt::format("name = {}\n", toml_quote(score.name));
            out += fmt::format("value = {}\n", score.value);
        }
        for (const ReviewedPoint& point : review.key_points) {
            out += "\n[[review.key_point]]\n";
            out += fmt::format("point = {}\n", point.point);
            out += fmt::format("result = {}\n", toml_quote(coverage_name(point.result)));
        }
    }
    return out;
}

namespace {

Score read_score(std::string_view path, const toml::table& table, Diagnostics& diagnostics) {
    TableReader reader(path, table, "[[review.score]]", {"criterion", "name", "value"},
                       diagnostics);
    Score score;
    score.criterion = reader.string("criterion", Need::required).value_or("");
    score.name = reader.string("name", Need::optional).value_or(score.criterion);
    const auto value = reader.integer("value", Need::required);
    if (value && (*value < 1 || *value > 5))
        reader.error(reader.where("value"), "score \"value\" must be 1 to 5");
    score.value = static_cast<int>(value.value_or(0));
    return score;
}

ReviewedPoint read_point(std::string_view path, const toml::table& table, std::size_t key_points,
                         Diagnostics& diagnostics) {
    TableReader reader(path, table, "[[review.key_point]]", {"point", "result"}, diagnostics);
    ReviewedPoint point;
    const auto number = reader.integer("point", Need::required);
    if (number && (*number < 1 || static_cast<std::size_t>(*number) > key_points))
        reader.error(reader.where("point"),
                     key_points == 0
                         ? std::string("\"point\" names a key point, but the transcript has none")
                         : fmt::format("\"point\" is a key point's number, 1 to {}", key_points));
    point.point = static_cast<int>(number.value_or(1));
    if (auto result = reader.string("result", Need::required)) {
        if (auto known = parse_coverage(*result))
            point.result = *known;
        else
            reader.error(reader.where("result"),
                         fmt::format("key point \"result\" \"{}\" is not covered, partly or missed",
                                     *result));
    }
    return point;
}

} // namespace

std::vector<Review> read_reviews(std::string_view path, TableReader& transcript_reader,
                                 std::size_t key_points, Diagnostics& diagnostics) {
    std::vector<Review> reviews;
    for (const toml::table* table : transcript_reader.tables("review", Need::optional)) {
        TableReader reader(path, *table, "[[review]]",
                           {"by", "at", "comment", "score", "key_point"}, diagnostics);
        Review review;
        review.by = reader.string("by", Need::required).value_or("");
        if (reader.node("by") && reader.node("by")->is_string()) {
            if (const std::string problem = reviewer_name_problem(review.by); !problem.empty())
                reader.error(reader.where("by"), problem);
        }
        if (auto when = reader.date_time("at", Need::required)) review.at = *when;
        review.comment = reader.string("comment", Need::optional).value_or("");
        for (const toml::table* score : reader.tables("score", Need::optional))
            review.scores.push_back(read_score(path, *score, diagnostics));
        for (const toml::table* point : reader.tables("key_point", Need::optional))
            review.key_points.push_back(read_point(path, *point, key_points, diagnostics));
        reviews.push_back(std::move(review));
    }
    return reviews;
}

namespace {

// `bytes` with the value of its top-level `format = N` line (before any table) set to `format`;
// "" when there is no such line.
std::string with_format(std::string_view bytes, int format) {
    std::size_t start = 0;
    while (start < bytes.size()) {
        std::size_t end = bytes.find('\n', start);
        if (end == std::string_view::npos) end = bytes.size();
        const std::string_view line = bytes.substr(start, end - start);
        const std::size_t first = line.find_first_not_of(" \t");
        if (first != std::string_view::npos && line[first] == '[') return "";
        if (first != std::string_view::npos && line.substr(first).starts_with("format") &&
            line.find_first_not_of(" \t", first + 6) == line.find('=', first)) {
            std::size_t at = line.find('=', first);
            if (at == std::string_view::npos) return "";
            at = line.find_first_not_of(" \t", at + 1);
            std::size_t digits = at;
            while (digits < line.size() && line[digits] >= '0' && line[digits] <= '9') ++digits;
            if (at == std::string_view::npos || digits == at) return "";
            std::string out(bytes.substr(0, start + at));
            out += std::to_string(format);
            out += bytes.substr(start + digits);
            return out;
        }
        start = end + 1;
    }
    return "";
}

} // namespace

std::string add_review(std::string_view bytes, Transcript& transcript, Review review) {
    transcript.reviews.push_back(std::move(review));
    const std::string canonical = to_toml(transcript);
    std::string appended = with_format(bytes, format_of(transcript));
    if (appended.empty()) return canonical;
    if (!appended.ends_with('\n')) appended += '\n';
    appended += reviews_to_toml({transcript.reviews.back()});
    Diagnostics ignored;
    const auto back = read_transcript("", appended, ignored);
    return back && to_toml(*back) == canonical ? appended : canonical;
}

} // namespace mockcoach::transcript
