// The page around the charts: head, stylesheet, heading, one section per chart with its table,
// and the friendly page for a history with nothing to draw.
#include "report/calibration.hpp"
#include "report/charts.hpp"
#include "report/html.hpp"
#include "report/report.hpp"
#include "report/tables.hpp"

#include <fmt/format.h>

namespace mockcoach::report {

namespace {

// System fonts only, nothing fetched. Charts are styled by class so that a print or a
// high-contrast stylesheet can restyle them. Series differ in lightness and texture (solid,
// hatched, hollow, dashed), never in hue alone, so they survive greyscale printing.
constexpr const char* stylesheet = R"css(
:root { color-scheme: light; }
body { margin: 0; background: #fff; color: #1a1a1a;
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
header, main, footer { max-width: 1040px; margin: 0 auto; padding: 0 20px; }
h1 { font-size: 1.7rem; margin: 28px 0 4px; }
h2 { font-size: 1.25rem; margin: 36px 0 4px; padding-top: 16px; border-top: 1px solid #ddd; }
p.summary, p.explain { color: #444; margin: 4px 0; }
nav ol { margin: 8px 0; padding-left: 20px; columns: 2; }
svg.chart { display: block; width: 100%; height: auto; margin: 10px 0; }
svg.chart text { font-family: inherit; }
.tick { font-size: 11px; fill: #444; }
.axis-label { font-size: 12px; fill: #222; }
.legend, .label { font-size: 12px; fill: #222; }
.note { font-size: 12px; fill: #444; }
.flag { font-size: 11px; font-weight: 700; fill: #111; }
.panel-title, .group-title { font-size: 13px; font-weight: 700; fill: #111; }
.grid { stroke: #e3e3e3; stroke-width: 1; }
.axis { stroke: #666; stroke-width: 1; }
.dot { fill: #a6cee3; stroke: #08306b; stroke-width: 1; }
.recent { fill: none; stroke: #08306b; stroke-width: 2.5; stroke-linejoin: round; }
.track { fill: #ebebeb; }
.used, .practice { fill: #2b5c8a; }
.over { stroke: #b2182b; stroke-width: 1; }
.bank { stroke: #555; stroke-width: 0.75; }
.budget { stroke: #000; stroke-width: 2.5; }
.criterion { fill: #6a51a3; }
.due { fill: #1f6f5c; }
.blind-line { fill: none; stroke: #1b5e20; stroke-width: 2; stroke-dasharray: 6 3; }
.right { fill: #1b5e20; stroke: #1b5e20; stroke-width: 1.5; }
.wrong { fill: #fff; stroke: #1b5e20; stroke-width: 1.5; }
.calibration-over { fill: #6a51a3; }
.calibration-under { stroke: #1b5e20; stroke-width: 1; }
.zero { stroke: #000; stroke-width: 2; }
table { border-collapse: collapse; font-size: 13px; margin: 8px 0; }
caption { text-align: left; font-weight: 700; padding: 4px 0; }
th, td { padding: 3px 10px; border-bottom: 1px solid #e3e3e3; text-align: left; vertical-align: top; }
.number { text-align: right; font-variant-numeric: tabular-nums; }
.number, td:first-child { white-space: nowrap; }
details summary { cursor: pointer; color: #1f4e79; }
.empty { padding: 20px 24px; background: #f4f4f4; border-radius: 6px; }
code { font-size: 0.92em; background: #f0f0f0; padding: 1px 4px; border-radius: 3px; }
footer { color: #666; font-size: 13px; margin-top: 40px; padding-bottom: 28px; }
@media print {
  body { font-size: 10.5pt; }
  h2 { break-after: avoid; }
  svg.chart { break-inside: avoid; }
  nav, details { display: none; }
}
)css";

std::string head() {
    // The policy makes "nothing fetched, nothing run" hold even if a name in a user's file
    // slipped past escaping: no scripts, no requests, only the inline stylesheet.
    return fmt::format("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                       "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                       "style-src 'unsafe-inline'\">\n"
                       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                       "<title>mockcoach report</title>\n<style>{}</style>\n</head>\n<body>\n",
                       stylesheet);
}

std::string summary(const ReportData& data) {
    const Heading& heading = data.heading;
    const std::size_t sessions = data.stats.sessions;
    std::string text;
    if (sessions > 0)
        text = fmt::format("{} session{} from {} to {}", sessions, sessions == 1 ? "" : "s",
                           data.first_day, data.last_day);
    if (!heading.filters.empty()) {
        std::string filters;
        for (const auto& filter : heading.filters) filters += (filters.empty() ? "" : " ") + filter;
        text += fmt::format("{}matching {}", text.empty() ? "" : " \u00b7 ", filters);
    }
    text += fmt::format("{}read from {}", text.empty() ? "" : " \u00b7 ", heading.sessions_folder);
    return fmt::format("<p class=\"summary\">{}</p>\n", escape(text));
}

std::string footer(const ReportData& data) {
    return fmt::format("<footer>Generated on {} by mockcoach {}. The transcripts in the folder "
                       "above are the source; run <code>mockcoach report</code> again for a "
                       "new page.</footer>\n</body>\n</html>\n",
                       escape(data.heading.generated_on), MOCKCOACH_VERSION);
}

struct Section {
    const char* id;
    const char* title;
    const char* explain;
    std::string chart;
    std::string table;
    const char* when_empty;
};

std::string section_html(const Section& s) {
    std::string html =
        fmt::format("<section id=\"{}\">\n<h2>{}</h2>\n<p class=\"explain\">{}</p>\n", s.id,
                    s.title, s.explain);
    if (s.chart.empty())
        return html + fmt::format("<p class=\"empty\">{}</p>\n</section>\n", s.when_empty);
    return html + s.chart + "<details><summary>The numbers</summary>\n" + s.table +
           "</details>\n</section>\n";
}

std::string empty_page(const ReportData& data) {
    const Heading& heading = data.heading;
    std::string message;
    if (heading.sessions_in_folder == 0)
        message = fmt::format(
            "No sessions yet in {}. Run <code>mockcoach start</code> for your first mock "
            "interview (or <code>mockcoach star</code> to rehearse a behavioral answer); its "
            "transcript is saved there, and the next report draws it.",
            escape(heading.sessions_folder));
    else
        message = fmt::format("None of the {} sessions in the folder match these filters. Try a "
                              "wider <code>--since</code> or other categories.",
                              heading.sessions_in_folder);
    return fmt::format("<main>\n<p class=\"empty\">{}</p>\n</main>\n", message);
}

} // namespace

std::string render_html(const ReportData& data) {
    std::string page = head();
    page += "<header>\n<h1>Your mock interview practice</h1>\n" + summary(data) + "</header>\n";
    if (data.stats.sessions == 0) return page + empty_page(data) + footer(data);

    const TimeSpan span{data.first_seconds, data.last_seconds};
    const std::vector<Section> sections = {
        {"scores", "Scores over time",
         "Your mean self-score per session, one panel per category, with the mean of the last "
         "five sessions as a line and the change of the last five against the five before.",
         scores_chart(data.scores, data.stats.categories, span), scores_table(data),
         "No scored sessions yet: score yourself at the end of a session to see a trend."},
        {"key-points", "Key points covered",
         "After each answer you check it against the question's key points: the share you judged "
         "covered (partly counts half), per category over time, and the point missed most.",
         key_points_chart(data.key_points, span), key_points_table(data),
         "No key points checked yet: at the end of a session, mark each key point covered, "
         "partly or missed before scoring."},
        {"criteria", "Weakest criteria",
         "The criteria you scored yourself lowest on, across all sessions, and how many sessions "
         "each mean is over: a low mean over many sessions is a habit, over one it is a hint.",
         criteria_chart(data.stats.criteria), criteria_table(data), "No scores yet."},
        {"calibration", "Your scores against your reviewers'",
         "When a partner scores a session too (<code>mockcoach score SESSION --by NAME</code>), "
         "each criterion's mean self-score against their mean for the same sessions: how far to "
         "trust your own scores, and in which direction.",
         calibration_chart(data.calibration), calibration_table(data.calibration),
         "No reviews yet: after a session with a partner, <code>mockcoach score SESSION --by "
         "NAME</code> records theirs."},
        {"phases", "Time against budget",
         "Where the clock runs away: each phase's mean time used against its budget.",
         phases_chart(data.stats.phases, data.stats.categories), phases_table(data),
         "No finished phases yet."},
        {"coverage", "Practice against the question bank",
         "How your practice is spread over the categories, against how often each comes up.",
         coverage_chart(data.stats.coverage), coverage_table(data), "No categories."},
        {"due", "Reviews due",
         "Spaced repetition brings each question back when you are about to forget it: how "
         "many reviews come due on each of the next 30 days (<code>mockcoach due</code> lists "
         "them, <code>mockcoach start --due</code> runs the most overdue).",
         due_chart(data.due), due_table(data),
         "No review falls due in the next 30 days: every question you have scored is fresh "
         "enough, or none is scored yet."},
        {"blind", "Blind sessions",
         "In a <code>--blind</code> session you name the category before seeing it: recognising "
         "the kind of question is half the answer.",
         blind_chart(data.blind, span), blind_table(data),
         "No blind sessions yet: <code>mockcoach start --blind</code> hides the category until "
         "you name it."},
    };
    page += "<main>\n<nav aria-label=\"Contents\"><ol>";
    for (const auto& s : sections)
        page += fmt::format("<li><a href=\"#{}\">{}</a></li>", s.id, s.title);
    page += "<li><a href=\"#latest\">Latest sessions</a></li></ol></nav>\n";
    for (const auto& s : sections) page += section_html(s);
    page += "<section id=\"latest\">\n<h2>Latest sessions</h2>\n" + latest_table(data) +
            "</section>\n</main>\n";
    return page + footer(data);
}

} // namespace mockcoach::report
