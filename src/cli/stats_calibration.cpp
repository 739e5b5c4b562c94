// Calibration as text tables and as JSON.
#include "cli/stats_calibration.hpp"

#include "util/text.hpp"

#include <fmt/format.h>

namespace mockcoach::cli {

namespace {

// Text tables show this many criteria; --format json has them all.
constexpr std::size_t criteria_shown = 8;

std::vector<std::string> figures(const history::CalibrationRow& row) {
    return {format_score(row.self_mean), format_score(row.reviewers_mean),
            format_score_change(row.difference()), std::to_string(row.sessions)};
}

void write_row(JsonWriter& out, const history::CalibrationRow& row, bool criterion) {
    out.begin_object().field("rubric", row.rubric).field("rubric_name", row.rubric_name);
    if (criterion) out.field("criterion", row.criterion).field("name", row.name);
    out.field("self_mean", row.self_mean)
        .field("reviewers_mean", row.reviewers_mean)
        .field("difference", row.difference())
        .field("sessions", static_cast<std::uint64_t>(row.sessions))
        .end_object();
}

} // namespace

std::string calibration_text(const history::Calibration& calibration, const Style& style,
                             std::optional<std::size_t> width) {
    std::string out = fmt::format("\n{}\n", style.bold("Calibration (your scores against your "
                                                       "reviewers', largest gap first)"));
    if (calibration.criteria.empty()) {
        const std::string text =
            calibration.reviewed_sessions == 0
                ? std::string(no_reviews_yet)
                : "No reviewed criterion that you scored too: a review is compared criterion "
                  "by criterion with your own scores of that session.";
        for (const auto& line : wrap(text, width.value_or(100))) out += line + "\n";
        return out;
    }
    Table criteria(
        {"CATEGORY", "CRITERION", "SELF", "REVIEWERS", "DIFF", "SESSIONS"},
        {Align::left, Align::left, Align::right, Align::right, Align::right, Align::right});
    for (std::size_t i = 0; i < calibration.criteria.size() && i < criteria_shown; ++i) {
        const auto& row = calibration.criteria[i];
        std::vector<std::string> cells = {row.rubric, row.name};
        for (std::string& figure : figures(row)) cells.push_back(std::move(figure));
        criteria.add(std::move(cells));
    }
    out += criteria.render(width);
    if (calibration.criteria.size() > criteria_shown)
        out += fmt::format("… and {} more criteria (--format json has them all)\n",
                           calibration.criteria.size() - criteria_shown);
    Table categories({"CATEGORY", "SELF", "REVIEWERS", "DIFF", "SESSIONS"},
                     {Align::left, Align::right, Align::right, Align::right, Align::right});
    for (const auto& row : calibration.categories) {
        std::vector<std::string> cells = {row.rubric};
        for (std::string& figure : figures(row)) cells.push_back(std::move(figure));
        categories.add(std::move(cells));
    }
    out += "\n" + categories.render(width);
    for (const auto& line : wrap("DIFF is your mean minus your reviewers': above 0 you rate "
                                 "yourself higher than they do, below 0 lower.",
                                 width.value_or(100)))
        out += style.dim(line) + "\n";
    return out;
}

void write_calibration_json(JsonWriter& out, const history::Calibration& calibration) {
    out.key("calibration")
        .begin_object()
        .field("reviewed_sessions", static_cast<std::uint64_t>(calibration.reviewed_sessions));
    out.key("criteria").begin_array();
    for (const auto& row : calibration.criteria) write_row(out, row, true);
    out.end_array().key("categories").begin_array();
    for (const auto& row : calibration.categories) write_row(out, row, false);
    out.end_array().end_object();
}

} // namespace mockcoach::cli
