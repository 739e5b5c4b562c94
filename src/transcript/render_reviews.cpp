// Reviews beside the candidate's own scores, as text, Markdown and JSON.
#include "transcript/render_reviews.hpp"

#include "util/text.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace mockcoach::transcript {

namespace {

std::optional<int> score_of(const std::vector<Score>& scores, std::string_view criterion) {
    for (const Score& score : scores)
        if (score.criterion == criterion) return score.value;
    return std::nullopt;
}

std::string value_text(const std::optional<int>& value) {
    return value ? std::to_string(*value) : "-";
}

// A review's mean over the criteria it scored.
std::optional<double> review_mean(const Review& review) {
    return mean_of(review.scores);
}

// "2 ✓  1 ~" for a review's key-point judgements ("" when it made none).
std::string tally_of(const Review& review) {
    std::size_t counts[3] = {0, 0, 0};
    for (const ReviewedPoint& point : review.key_points) ++counts[static_cast<int>(point.result)];
    std::string tally;
    const char* marks[3] = {"✓", "~", "✗"};
    for (int i = 0; i < 3; ++i)
        if (counts[i] > 0)
            tally += fmt::format("{}{} {}", tally.empty() ? "" : "  ", counts[i], marks[i]);
    return tally;
}

std::string point_text(const Transcript& t, const ReviewedPoint& point) {
    const auto index = static_cast<std::size_t>(point.point - 1);
    return index < t.key_points.size() ? t.key_points[index].text : "";
}

} // namespace

std::vector<ReviewRow> review_rows(const Transcript& t, const CriterionNames& criteria) {
    std::vector<ReviewRow> rows;
    for (ScoreRow& row : score_rows(t, criteria))
        rows.push_back({row.criterion, row.name, row.value, {}, !row.value});
    for (const Review& review : t.reviews)
        for (const Score& score : review.scores)
            if (std::none_of(rows.begin(), rows.end(), [&](const ReviewRow& row) {
                    return row.criterion == score.criterion;
                }))
                rows.push_back({score.criterion, score.name, std::nullopt, {}, false});
    for (ReviewRow& row : rows)
        for (const Review& review : t.reviews)
            row.reviews.push_back(score_of(review.scores, row.criterion));
    return rows;
}

std::vector<std::string> reviewer_labels(const std::vector<Review>& reviews) {
    std::vector<std::string> labels;
    for (std::size_t i = 0; i < reviews.size(); ++i) {
        const auto earlier = std::count_if(reviews.begin(), reviews.begin() + static_cast<long>(i),
                                           [&](const Review& r) { return r.by == reviews[i].by; });
        labels.push_back(earlier == 0 ? reviews[i].by
                                      : fmt::format("{} {}", reviews[i].by, earlier + 1));
    }
    return labels;
}

std::string reviews_text(const Transcript& t, const Style& style, std::size_t width,
                         const CriterionNames& criteria) {
    constexpr std::size_t label_cells = 10; // a reviewer's column heading is cut to this
    constexpr std::size_t min_name = 12;    // the criterion column keeps at least this
    const std::vector<ReviewRow> rows = review_rows(t, criteria);
    std::vector<std::string> labels = reviewer_labels(t.reviews);
    std::vector<std::size_t> widths;
    for (std::string& label : labels) {
        label = truncate_to(label, label_cells);
        widths.push_back(std::max<std::size_t>(3, display_width(label)));
    }
    // The latest reviews that fit beside "self" (4 cells) and a criterion column of min_name.
    std::size_t first = 0, used = 2 + min_name + 2 + 4;
    for (std::size_t i = labels.size(); i-- > 0;) {
        if (used + 2 + widths[i] > width) {
            first = i + 1;
            break;
        }
        used += 2 + widths[i];
    }
    std::size_t name_width = 9; // "Criterion"
    for (const ReviewRow& row : rows) name_width = std::max(name_width, display_width(row.name));
    name_width = std::max(min_name, std::min(name_width, width - (used - min_name)));

    std::string out = fmt::format("\n{}\n", style.bold("Scores"));
    std::string heading = fmt::format("  {}  {}", pad_to("Criterion", name_width), "self");
    for (std::size_t i = first; i < labels.size(); ++i)
        heading += "  " + std::string(widths[i] - display_width(labels[i]), ' ') + labels[i];
    out += style.dim(heading) + "\n";
    const auto line = [&](const std::string& name, const std::string& self,
                          const std::vector<std::string>& values) {
        std::string text =
            fmt::format("  {}  {:>4}", pad_to(truncate_to(name, name_width), name_width), self);
        for (std::size_t i = first; i < values.size(); ++i)
            text += fmt::format("  {:>{}}", values[i], widths[i]);
        return text + "\n";
    };
    for (const ReviewRow& row : rows) {
        std::vector<std::string> values;
        for (const auto& value : row.reviews) values.push_back(value_text(value));
        out += line(row.name,
                    row.self           ? std::to_string(*row.self)
                    : row.self_skipped ? "skip"
                                       : "-",
                    values);
    }
    std::vector<std::string> means;
    for (const Review& review : t.reviews) means.push_back(format_score(review_mean(review)));
    out += line("Mean", format_score(t.mean_score), means);
    if (first > 0)
        for (const auto& text :
             wrap(fmt::format("({} earlier reviews: too wide to show here; --format markdown has "
                              "them)",
                              first),
                  width - 2))
            out += "  " + style.dim(text) + "\n";

    out += fmt::format("\n{}\n", style.bold("Reviews"));
    // Named as the table's columns are: a second review by Sam is "Sam 2" here too.
    const std::vector<std::string> names = reviewer_labels(t.reviews);
    for (std::size_t i = 0; i < t.reviews.size(); ++i) {
        const Review& review = t.reviews[i];
        // "  NAME  2026-11-24 10:05" (16 cells of date), the name cut to fit; the key points
        // follow on the line when they fit, else on their own.
        const std::string when = format_date_time(review.at, DateTimeForm::minutes);
        const std::string name = truncate_to(names[i], width - 4 - display_width(when));
        std::string head = fmt::format("  {}  {}", name, style.dim(when));
        std::size_t head_width = 4 + display_width(name) + display_width(when);
        if (const std::string tally = tally_of(review); !tally.empty()) {
            const std::string part = "key points " + tally;
            if (head_width + 2 + display_width(part) <= width)
                head += "  " + part;
            else
                head += "\n    " + part;
        }
        out += head + "\n";
        if (!review.comment.empty())
            for (const auto& text : wrap(review.comment, width - 4))
                out += fmt::format("    {}\n", text);
    }
    return out;
}

std::string reviews_markdown(const Transcript& t, const CriterionNames& criteria) {
    const auto escape = [](std::string_view text) {
        std::string out;
        for (char c : text) {
            if (c == '\n' || c == '\r') c = ' ';
            if (std::string_view("\\`*_[]<|~#").find(c) != std::string_view::npos) out += '\\';
            out += c;
        }
        return out;
    };
    const std::vector<std::string> labels = reviewer_labels(t.reviews);
    std::string out = "\n### Scores\n\n| Criterion | Self |";
    std::string rule = "| --- | ---: |";
    for (const std::string& label : labels) {
        out += fmt::format(" {} |", escape(label));
        rule += " ---: |";
    }
    out += "\n" + rule + "\n";
    for (const ReviewRow& row : review_rows(t, criteria)) {
        out += fmt::format("| {} | {} |", escape(row.name),
                           row.self           ? std::to_string(*row.self)
                           : row.self_skipped ? "skipped"
                                              : "-");
        for (const auto& value : row.reviews) out += fmt::format(" {} |", value_text(value));
        out += "\n";
    }
    out += fmt::format("| **Mean** | **{}** |", format_score(t.mean_score));
    for (const Review& review : t.reviews)
        out += fmt::format(" **{}** |", format_score(review_mean(review)));
    out += "\n\n### Reviews\n";
    for (std::size_t i = 0; i < t.reviews.size(); ++i) {
        const Review& review = t.reviews[i];
        out += fmt::format("\n**{}**, {}\n", escape(labels[i]),
                           format_date_time(review.at, DateTimeForm::minutes));
        for (const ReviewedPoint& point : review.key_points)
            out += fmt::format("- {}: {}\n", escape(point_text(t, point)),
                               coverage_name(point.result));
        if (!review.comment.empty()) out += fmt::format("\n> {}\n", escape(review.comment));
    }
    return out;
}

void write_reviews_json(JsonWriter& out, const Transcript& t) {
    out.key("review").begin_array();
    for (const Review& review : t.reviews) {
        out.begin_object()
            .field("by", review.by)
            .field("at", iso_date_time(review.at))
            // Absent, as every absent value in JSON: null rather than "".
            .field("comment", review.comment.empty() ? std::nullopt
                                                     : std::optional<std::string>(review.comment))
            .field("mean_score", review_mean(review));
        out.key("score").begin_array();
        for (const Score& score : review.scores)
            out.begin_object()
                .field("criterion", score.criterion)
                .field("name", score.name)
                .field("value", score.value)
                .end_object();
        out.end_array().key("key_point").begin_array();
        for (const ReviewedPoint& point : review.key_points)
            out.begin_object()
                .field("point", static_cast<std::int64_t>(point.point))
                .field("text", point_text(t, point))
                .field("result", std::string(coverage_name(point.result)))
                .end_object();
        out.end_array().end_object();
    }
    out.end_array();
}

} // namespace mockcoach::transcript
