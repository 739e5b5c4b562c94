// The packet as one page for a browser and for paper: semantic sections and tables, system
// fonts, black on white, and print rules that keep every table (and each criterion's anchors)
// whole on a page and give the score sheet a page of its own.
#include "report/html.hpp"
#include "report/packet.hpp"

#include "util/text.hpp"

#include <fmt/format.h>

namespace mockcoach::report {
namespace {

// Boxes are drawn by CSS, not with a glyph such as U+2610, which not every print font has.
constexpr const char* stylesheet = R"css(
:root { color-scheme: light; }
body { margin: 0; background: #fff; color: #000;
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
header, main, footer { max-width: 900px; margin: 0 auto; padding: 0 20px; }
h1 { font-size: 1.6rem; margin: 24px 0 2px; }
h2 { font-size: 1.2rem; margin: 28px 0 6px; padding-top: 10px; border-top: 1px solid #000; }
h3 { font-size: 1rem; margin: 16px 0 4px; }
p.facts { margin: 2px 0 0; }
blockquote.question { margin: 8px 0; padding: 8px 14px; border-left: 4px solid #000;
  font-size: 1.1rem; }
dl { margin: 8px 0; }
dt { font-weight: 700; }
dd { margin: 0 0 6px 20px; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 14px; }
caption { text-align: left; font-weight: 700; padding: 4px 0; }
th, td { border: 1px solid #000; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #fff; }
td.number, th.number { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.when { white-space: nowrap; }
ul.prompts { margin: 0; padding-left: 18px; }
.box { display: inline-block; min-width: 1.3em; height: 1.3em; line-height: 1.3em;
  border: 1.5px solid #000; text-align: center; margin-right: 6px; }
td.boxes { white-space: nowrap; }
td.notes { width: 45%; height: 2.4em; }
td.tick { text-align: center; width: 5em; }
.comments .line { border-bottom: 1px solid #000; height: 2em; }
.comments p { margin: 10px 0 0; font-weight: 700; }
p.hint { font-style: italic; }
code { font-size: 0.92em; }
footer { font-size: 12px; margin-top: 32px; padding-bottom: 24px; }
@media print {
  @page { margin: 14mm; }
  body { font-size: 10.5pt; }
  header, main, footer { max-width: none; padding: 0; }
  table, tr, blockquote, dl, .comments, .criterion { break-inside: avoid; }
  h2, h3, caption { break-after: avoid; }
  section { break-inside: avoid-page; }
  section.sheet { break-before: page; }
  /* Tighter on paper, so that six criteria, seven key points and the comments fit one page. */
  section.sheet p, section.sheet table { font-size: 9.5pt; }
  section.sheet th, section.sheet td { padding: 3px 6px; }
  section.sheet td.notes { height: 1.9em; }
  section.sheet .comments .line { height: 1.6em; }
  section.sheet .comments p { margin-top: 6px; }
}
)css";

std::string head(const Packet& packet) {
    const auto& plan = packet.plan;
    return fmt::format("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                       "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                       "style-src 'unsafe-inline'\">\n"
                       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                       "<title>Interviewer's packet: {} / {}</title>\n<style>{}</style>\n</head>\n"
                       "<body>\n",
                       escape(plan.rubric_id), escape(plan.question_id), stylesheet);
}

// A step escaped, with its `command` spans as <code>.
std::string step_html(const std::string& step) {
    std::string html;
    bool open = false;
    for (char c : escape(step)) {
        if (c != '`') {
            html += c;
            continue;
        }
        html += open ? "</code>" : "<code>";
        open = !open;
    }
    return open ? html + "</code>" : html;
}

std::string how_to(const Packet& packet) {
    std::string html = "<section id=\"how\">\n<h2>How to run this interview</h2>\n<ol>\n";
    for (const auto& step : running_steps(packet)) html += "<li>" + step_html(step) + "</li>\n";
    return html + "</ol>\n</section>\n";
}

std::string question(const Packet& packet) {
    const auto& plan = packet.plan;
    std::string html = fmt::format(
        "<section id=\"question\">\n<h2>The question</h2>\n<blockquote class=\"question\"><p>{}"
        "</p></blockquote>\n<dl>\n<dt>Category</dt><dd>{} ({})</dd>\n",
        escape(plan.question), escape(plan.rubric_name), escape(plan.rubric_id));
    if (!plan.testing.empty())
        html += "<dt>What this round tests</dt><dd>" + escape(plan.testing) + "</dd>\n";
    if (!plan.tip.empty())
        html += "<dt>The framework's advice to candidates</dt><dd>" + escape(plan.tip) + "</dd>\n";
    return html + "</dl>\n</section>\n";
}

std::string phases(const Packet& packet) {
    std::string html = "<section id=\"phases\">\n<h2>Phases and time</h2>\n<table>\n<thead><tr>"
                       "<th class=\"number\">#</th><th>Phase</th><th class=\"number\">Budget</th>"
                       "<th class=\"number\">Starts at</th><th>What the candidate should cover"
                       "</th></tr></thead>\n<tbody>\n";
    session::Millis start = 0;
    for (std::size_t i = 0; i < packet.plan.phases.size(); ++i) {
        const auto& phase = packet.plan.phases[i];
        std::string prompts;
        for (const auto& prompt : phase.prompts) prompts += "<li>" + escape(prompt) + "</li>";
        html += fmt::format(
            "<tr><td class=\"number\">{}</td><td>{}</td><td class=\"number\">{}</td>"
            "<td class=\"number\">{}</td><td>{}</td></tr>\n",
            i + 1, escape(phase.name), format_clock(phase.budget / 1000),
            format_clock(start / 1000),
            prompts.empty() ? std::string() : "<ul class=\"prompts\">" + prompts + "</ul>");
        start += phase.budget;
    }
    return html + fmt::format("</tbody>\n</table>\n<p>Total: {}.</p>\n</section>\n",
                              format_clock(packet.plan.total_budget() / 1000));
}

std::string followups(const Packet& packet) {
    std::string html = "<section id=\"followups\">\n<h2>Follow-ups to ask</h2>\n";
    if (packet.plan.probe_count() == 0)
        return html + "<p>This question has no follow-ups.</p>\n</section>\n";
    html += "<table>\n<thead><tr><th>Phase</th><th>When</th><th>Ask</th></tr></thead>\n<tbody>\n";
    for (const auto& phase : packet.plan.phases)
        for (const auto& probe : phase.probes)
            html += fmt::format("<tr><td>{}</td><td class=\"when\">{}</td><td>{}</td></tr>\n",
                                escape(phase.name), followup_timing(packet, phase, probe),
                                escape(probe.text));
    return html + "</tbody>\n</table>\n</section>\n";
}

std::string key_points(const Packet& packet) {
    std::string html = "<section id=\"key-points\">\n<h2>Key points a strong answer covers</h2>\n";
    if (packet.plan.key_points.empty())
        return html + "<p>This question lists no key points: judge the answer by the criteria "
                      "below.</p>\n</section>\n";
    html += "<p class=\"hint\">For you only: do not read these out.</p>\n<ol>\n";
    for (const auto& point : packet.plan.key_points) html += "<li>" + escape(point) + "</li>\n";
    return html + "</ol>\n</section>\n";
}

std::string criteria(const Packet& packet) {
    std::string html = "<section id=\"criteria\">\n<h2>How to score: the criteria</h2>\n<p>Score "
                       "each criterion from 1 to 5. The anchors say what a 1, a 3 and a 5 look "
                       "like; a 2 or a 4 lies between.</p>\n";
    for (const auto& criterion : packet.plan.criteria) {
        html += fmt::format("<table class=\"criterion\">\n<caption>{}</caption>\n<thead><tr><th "
                            "class=\"number\">Score</th><th>What it looks like</th></tr></thead>"
                            "\n<tbody>\n",
                            escape(criterion.name));
        for (const auto& [level, text] : criterion.levels)
            html += fmt::format("<tr><td class=\"number\">{}</td><td>{}</td></tr>\n", level,
                                escape(text));
        html += "</tbody>\n</table>\n";
    }
    return html + "</section>\n";
}

std::string score_sheet(const Packet& packet) {
    std::string html = fmt::format(
        "<section id=\"score-sheet\" class=\"sheet\">\n<h2>Score sheet</h2>\n<p>Question: {}/{}. "
        "Candidate: ____________________ Date: ____________</p>\n<table>\n<thead><tr><th>"
        "Criterion</th><th>Score (tick one)</th><th>Notes</th></tr></thead>\n<tbody>\n",
        escape(packet.plan.rubric_id), escape(packet.plan.question_id));
    for (const auto& criterion : packet.plan.criteria) {
        std::string boxes;
        for (int score = 1; score <= 5; ++score)
            boxes += fmt::format("<span class=\"box\">{}</span>", score);
        html += fmt::format(
            "<tr><td>{}</td><td class=\"boxes\">{}</td><td class=\"notes\"></td></tr>\n",
            escape(criterion.name), boxes);
    }
    html += "</tbody>\n</table>\n";
    if (!packet.plan.key_points.empty()) {
        html += "<table>\n<thead><tr><th>Key point</th><th class=\"tick\">Covered</th><th "
                "class=\"tick\">Partly</th><th class=\"tick\">Missed</th></tr></thead>\n<tbody>\n";
        const std::string box = "<td class=\"tick\"><span class=\"box\"></span></td>";
        for (const auto& point : packet.plan.key_points)
            html += "<tr><td>" + escape(point) + "</td>" + box + box + box + "</tr>\n";
        html += "</tbody>\n</table>\n";
    }
    html += "<div class=\"comments\">\n<h3>Comments</h3>\n";
    for (const char* label : {"Strongest moment", "One thing to improve", "Other notes"})
        html +=
            fmt::format("<p>{}:</p><div class=\"line\"></div><div class=\"line\"></div>\n", label);
    return html + "</div>\n<h3>After the interview</h3>\n<p>" +
           step_html(after_the_interview(packet)) + "</p>\n</section>\n";
}

} // namespace

std::string render_packet_html(const Packet& packet) {
    const auto& plan = packet.plan;
    return head(packet) +
           fmt::format("<header>\n<h1>Interviewer's packet: {}</h1>\n<p class=\"facts\">{}/{} "
                       "\u00b7 {}</p>\n</header>\n<main>\n",
                       escape(plan.rubric_name), escape(plan.rubric_id), escape(plan.question_id),
                       escape(packet_facts(packet))) +
           how_to(packet) + question(packet) + phases(packet) + followups(packet) +
           key_points(packet) + criteria(packet) + score_sheet(packet) +
           fmt::format("</main>\n<footer>Written by mockcoach {} for practice with a partner: "
                       "see <code>mockcoach packet --help</code>.</footer>\n</body>\n</html>\n",
                       MOCKCOACH_VERSION);
}

} // namespace mockcoach::report
