// The packet as GitHub-flavoured Markdown: the page's content, its tables as GFM tables and the
// score sheet's boxes as `[ ]`, for a notes app, a gist or a plain-text printer.
#include "report/packet.hpp"

#include "util/text.hpp"

#include <fmt/format.h>

namespace mockcoach::report {
namespace {

// Text from a rubric file, made inert: the characters Markdown would read as markup are
// backslash-escaped (so "62^7 ~ 3.5 trillion" or a "|" in a table stays text), and a line
// break, which would end a table row or a list item, becomes a space.
std::string inert(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '\\':
        case '`':
        case '*':
        case '_':
        case '[':
        case ']':
        case '<':
        case '>':
        case '|':
        case '~':
        case '#':
            out += '\\';
            out += c;
            break;
        case '\n':
        case '\r':
            out += ' ';
            break;
        default:
            out += c;
        }
    }
    return out;
}

std::string table_row(const std::vector<std::string>& cells) {
    std::string row = "|";
    for (const auto& cell : cells) row += " " + cell + " |";
    return row + "\n";
}

std::string table_head(const std::vector<std::string>& names, const std::vector<bool>& right = {}) {
    std::vector<std::string> rules;
    for (std::size_t i = 0; i < names.size(); ++i)
        rules.push_back(i < right.size() && right[i] ? "---:" : "---");
    return table_row(names) + table_row(rules);
}

std::string phases(const Packet& packet) {
    std::string md = "## Phases and time\n\n" + table_head({"#", "Phase", "Budget", "Starts at",
                                                            "What the candidate should cover"},
                                                           {true, false, true, true, false});
    session::Millis start = 0;
    for (std::size_t i = 0; i < packet.plan.phases.size(); ++i) {
        const auto& phase = packet.plan.phases[i];
        std::string prompts;
        for (const auto& prompt : phase.prompts)
            prompts += (prompts.empty() ? "" : "; ") + inert(prompt);
        md += table_row({std::to_string(i + 1), inert(phase.name),
                         format_clock(phase.budget / 1000), format_clock(start / 1000), prompts});
        start += phase.budget;
    }
    return md + fmt::format("\nTotal: {}.\n\n", format_clock(packet.plan.total_budget() / 1000));
}

std::string followups(const Packet& packet) {
    std::string md = "## Follow-ups to ask\n\n";
    if (packet.plan.probe_count() == 0) return md + "This question has no follow-ups.\n\n";
    md += table_head({"Phase", "When", "Ask"});
    for (const auto& phase : packet.plan.phases)
        for (const auto& probe : phase.probes)
            md += table_row(
                {inert(phase.name), followup_timing(packet, phase, probe), inert(probe.text)});
    return md + "\n";
}

std::string key_points(const Packet& packet) {
    std::string md = "## Key points a strong answer covers\n\n";
    if (packet.plan.key_points.empty())
        return md + "This question lists no key points: judge the answer by the criteria "
                    "below.\n\n";
    md += "*For you only: do not read these out.*\n\n";
    for (std::size_t i = 0; i < packet.plan.key_points.size(); ++i)
        md += fmt::format("{}. {}\n", i + 1, inert(packet.plan.key_points[i]));
    return md + "\n";
}

std::string criteria(const Packet& packet) {
    std::string md = "## How to score: the criteria\n\nScore each criterion from 1 to 5. The "
                     "anchors say what a 1, a 3 and a 5 look like; a 2 or a 4 lies between.\n\n";
    for (const auto& criterion : packet.plan.criteria) {
        md += "### " + inert(criterion.name) + "\n\n" +
              table_head({"Score", "What it looks like"}, {true, false});
        for (const auto& [level, text] : criterion.levels)
            md += table_row({std::to_string(level), inert(text)});
        md += "\n";
    }
    return md;
}

std::string score_sheet(const Packet& packet) {
    std::string md = fmt::format("## Score sheet\n\nQuestion: {}/{}. Candidate: ________ Date: "
                                 "________\n\n",
                                 inert(packet.plan.rubric_id), inert(packet.plan.question_id)) +
                     table_head({"Criterion", "Score (tick one)", "Notes"});
    for (const auto& criterion : packet.plan.criteria)
        md += table_row({inert(criterion.name), "[ ] 1 [ ] 2 [ ] 3 [ ] 4 [ ] 5", ""});
    md += "\n";
    if (!packet.plan.key_points.empty()) {
        md += table_head({"Key point", "Covered", "Partly", "Missed"});
        for (const auto& point : packet.plan.key_points)
            md += table_row({inert(point), "[ ]", "[ ]", "[ ]"});
        md += "\n";
    }
    md += "### Comments\n\n";
    for (const char* label : {"Strongest moment", "One thing to improve", "Other notes"})
        md += fmt::format("{}:\n\n\n", label);
    return md + "### After the interview\n\n" + after_the_interview(packet) + "\n";
}

} // namespace

std::string render_packet_markdown(const Packet& packet) {
    const auto& plan = packet.plan;
    std::string md =
        fmt::format("# Interviewer's packet: {}\n\n{}/{} \u00b7 {}\n\n", inert(plan.rubric_name),
                    inert(plan.rubric_id), inert(plan.question_id), inert(packet_facts(packet)));
    md += "## How to run this interview\n\n";
    const auto steps = running_steps(packet);
    for (std::size_t i = 0; i < steps.size(); ++i)
        md += fmt::format("{}. {}\n", i + 1, steps[i]); // ours, its `code` meant as code
    md += "\n## The question\n\n> " + inert(plan.question) + "\n\n" +
          fmt::format("- **Category:** {} ({})\n", inert(plan.rubric_name), inert(plan.rubric_id));
    if (!plan.testing.empty()) md += "- **What this round tests:** " + inert(plan.testing) + "\n";
    if (!plan.tip.empty())
        md += "- **The framework's advice to candidates:** " + inert(plan.tip) + "\n";
    md += "\n" + phases(packet) + followups(packet) + key_points(packet) + criteria(packet) +
          score_sheet(packet);
    return md;
}

} // namespace mockcoach::report
