// The report's tables. Every cell is escaped: names and questions come from user files.
#include "report/tables.hpp"

#include "report/charts.hpp"
#include "report/html.hpp"
#include "util/text.hpp"
#include "util/wall_time.hpp"

#include <fmt/format.h>

namespace mockcoach::report {

namespace {

enum class Column { text, number };

class HtmlTable {
  public:
    HtmlTable(std::string caption, std::vector<std::pair<std::string, Column>> columns)
        : columns_(std::move(columns)) {
        html_ = fmt::format("<table>\n<caption>{}</caption>\n<thead><tr>", escape(caption));
        for (const auto& [name, kind] : columns_)
            html_ += fmt::format("<th scope=\"col\"{}>{}</th>", class_of(kind), escape(name));
        html_ += "</tr></thead>\n<tbody>\n";
    }
    void add(const std::vector<std::string>& cells) {
        html_ += "<tr>";
        for (std::size_t i = 0; i < cells.size() && i < columns_.size(); ++i)
            html_ += fmt::format("<td{}>{}</td>", class_of(columns_[i].second), escape(cells[i]));
        html_ += "</tr>\n";
    }
    std::string finish() const { return html_ + "</tbody>\n</table>\n"; }

  private:
    static const char* class_of(Column kind) {
        return kind == Column::number ? " class=\"number\"" : "";
    }
    std::vector<std::pair<std::string, Column>> columns_;
    std::string html_;
};

constexpr Column text = Column::text;
constexpr Column number = Column::number;

std::string name_of(const std::string& rubric, const std::string& name) {
    return name.empty() ? rubric : name;
}

std::string rubric_name(const ReportData& data, const std::string& rubric) {
    for (const auto& c : data.stats.categories)
        if (c.rubric == rubric) return name_of(c.rubric, c.rubric_name);
    return rubric;
}

} // namespace

std::string key_points_table(const ReportData& data) {
    HtmlTable table("Key points per category, and the one missed most",
                    {{"Category", text},
                     {"Checked sessions", number},
                     {"Mean covered", number},
                     {"Missed most", text},
                     {"Missed", text}});
    for (const auto& timeline : data.key_points) {
        double sum = 0;
        for (const auto& point : timeline.points) sum += point.coverage;
        std::string missed, times;
        for (const auto& miss : data.stats.misses)
            if (miss.rubric == timeline.rubric && miss.kind == history::Miss::Kind::key_point) {
                missed = miss.text;
                times = fmt::format("{} of {}{}", miss.missed, miss.asked,
                                    miss.partly ? fmt::format(", {} partly", miss.partly) : "");
                break;
            }
        table.add({name_of(timeline.rubric, timeline.rubric_name),
                   std::to_string(timeline.points.size()),
                   chart_text::percent(sum / static_cast<double>(timeline.points.size())), missed,
                   times});
    }
    return table.finish();
}

std::string scores_table(const ReportData& data) {
    HtmlTable table("Scores per category", {{"Category", text},
                                            {"Sessions", number},
                                            {"Scored", number},
                                            {"Mean", number},
                                            {fmt::format("Last {}", history::trend_window), number},
                                            {"The ones before", number},
                                            {"Change", number}});
    for (const auto& c : data.stats.categories) {
        const auto& trend = c.trend;
        table.add(
            {name_of(c.rubric, c.rubric_name), std::to_string(c.sessions), std::to_string(c.scored),
             format_score(c.mean_score),
             trend ? fmt::format("{} ({})", format_score(trend->recent_mean), trend->window) : "-",
             trend ? format_score(trend->previous_mean) : "-",
             trend ? format_score_change(trend->change()) : "-"});
    }
    return table.finish();
}

std::string criteria_table(const ReportData& data) {
    HtmlTable table(
        "Every criterion, weakest first",
        {{"Category", text}, {"Criterion", text}, {"Mean score", number}, {"Sessions", number}});
    for (const auto& c : data.stats.criteria)
        table.add({rubric_name(data, c.rubric), c.name, format_score(c.mean_score),
                   std::to_string(c.sessions)});
    return table.finish();
}

std::string phases_table(const ReportData& data) {
    HtmlTable table("Every phase, most overrun first", {{"Category", text},
                                                        {"Phase", text},
                                                        {"Sessions", number},
                                                        {"Mean used", number},
                                                        {"Budget", number},
                                                        {"Used", number},
                                                        {"Overran", number}});
    for (const auto& p : data.stats.phases)
        table.add({rubric_name(data, p.rubric), p.name, std::to_string(p.sessions),
                   chart_text::clock(p.mean_used_seconds), chart_text::clock(p.mean_budget_seconds),
                   format_percent(p.used_share()), std::to_string(p.overran)});
    return table.finish();
}

std::string coverage_table(const ReportData& data) {
    HtmlTable table("Practice and bank share per category", {{"Category", text},
                                                             {"Sessions", number},
                                                             {"Practice", number},
                                                             {"Bank", number},
                                                             {"", text}});
    for (const auto& c : data.stats.coverage)
        table.add({name_of(c.rubric, c.rubric_name), std::to_string(c.sessions),
                   format_percent(c.practice_share), format_percent(c.bank_share),
                   c.most_under_practised ? "most under-practised" : ""});
    return table.finish();
}

std::string blind_table(const ReportData& data) {
    HtmlTable table("Blind sessions per category",
                    {{"Category", text}, {"Blind sessions", number}, {"Named right", number}});
    for (const auto& b : data.stats.blind)
        table.add({name_of(b.rubric, b.rubric_name), std::to_string(b.sessions),
                   fmt::format("{} ({})", b.named_right,
                               format_percent(static_cast<double>(b.named_right) /
                                              static_cast<double>(b.sessions)))});
    return table.finish();
}

std::string due_table(const ReportData& data) {
    HtmlTable table("Reviews due per day (days with none left out)",
                    {{"Day", text}, {"Reviews due", number}});
    for (std::size_t i = 0; i < data.due.per_day.size(); ++i) {
        if (data.due.per_day[i] == 0) continue;
        const std::int64_t day = data.due.first_day + static_cast<std::int64_t>(i);
        table.add({format_date(civil_from_days(day)) + (i == 0 ? " (today, with the overdue)" : ""),
                   std::to_string(data.due.per_day[i])});
    }
    return table.finish();
}

std::string latest_table(const ReportData& data) {
    HtmlTable table(fmt::format("The {} newest sessions", data.latest.size()),
                    {{"Started", text},
                     {"Category", text},
                     {"Question", text},
                     {"Time / budget", number},
                     {"Score", number},
                     {"Status", text}});
    for (const auto& s : data.latest) {
        std::string status(transcript::status_name(s.status));
        if (s.category_guess)
            status += s.category_guess_correct.value_or(false) ? ", blind: named right"
                                                               : ", blind: named wrong";
        table.add({history::format_started(s.started_at), name_of(s.rubric, s.rubric_name),
                   s.question,
                   fmt::format("{} / {}", format_clock(s.used_seconds()),
                               format_clock(s.budget_seconds())),
                   format_score(s.mean_score()), status});
    }
    return table.finish();
}

} // namespace mockcoach::report
