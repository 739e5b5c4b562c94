// Rendering of the live screens.
#include "live/screen.hpp"

#include "live/screen_size.hpp"

#include "transcript/render.hpp"
#include "util/text.hpp"

#include <algorithm>
#include <array>
#include <fmt/format.h>
#include <initializer_list>

namespace mockcoach::live {
namespace {

using session::Millis;

// Five rows per glyph; '#' marks a filled cell.
struct Glyph {
    char symbol;
    std::array<std::string_view, 5> rows;
};
constexpr std::array glyphs{
    Glyph{'0', {"###", "# #", "# #", "# #", "###"}},
    Glyph{'1', {"  #", "  #", "  #", "  #", "  #"}},
    Glyph{'2', {"###", "  #", "###", "#  ", "###"}},
    Glyph{'3', {"###", "  #", "###", "  #", "###"}},
    Glyph{'4', {"# #", "# #", "###", "  #", "  #"}},
    Glyph{'5', {"###", "#  ", "###", "  #", "###"}},
    Glyph{'6', {"###", "#  ", "###", "# #", "###"}},
    Glyph{'7', {"###", "  #", "  #", "  #", "  #"}},
    Glyph{'8', {"###", "# #", "###", "# #", "###"}},
    Glyph{'9', {"###", "# #", "###", "  #", "###"}},
    Glyph{':', {" ", "#", " ", "#", " "}},
    Glyph{'+', {"   ", " # ", "###", " # ", "   "}},
    Glyph{'-', {"   ", "   ", "###", "   ", "   "}},
};

std::string percent_bar(std::string_view label, Millis used, Millis budget, const View& view,
                        std::string_view tail) {
    const std::size_t width = width_of(view);
    const std::size_t fixed = label.size() + 2 + 5 + display_width(tail);
    const std::size_t cells = width > fixed + 4 ? std::min<std::size_t>(width - fixed - 1, 40) : 4;
    const long long percent = budget > 0 ? used * 100 / budget : 100;
    return fmt::format("{} {} {:>3}%{}", label, transcript::bar(used, budget, cells), percent,
                       tail);
}

} // namespace

std::string key_help(const View& view, std::string_view full, std::string_view short_form) {
    const Style style(view.colour);
    return style.dim(display_width(full) <= width_of(view) ? std::string(full)
                                                           : fit(short_form, view));
}

Lines big_text(std::string_view text, std::size_t max_width) {
    Lines rows(5);
    for (char c : text) {
        const auto glyph = std::find_if(glyphs.begin(), glyphs.end(),
                                        [c](const Glyph& g) { return g.symbol == c; });
        if (glyph == glyphs.end()) continue;
        for (std::size_t r = 0; r < 5; ++r) {
            if (!rows[r].empty()) rows[r] += ' ';
            for (char cell : glyph->rows[r]) rows[r] += cell == '#' ? "\u2588" : " ";
        }
    }
    if (display_width(rows[0]) > max_width) return {std::string(text)};
    return rows;
}

std::string place_suffix(const View& view) {
    return view.place.empty() ? std::string() : " \u00b7 " + view.place;
}

void add_phase_top(Layout& layout, const session::Engine& engine, const View& view,
                   std::string_view part_word, const TopRanks& ranks) {
    const Style style(view.colour);
    const session::Plan& plan = engine.plan();
    const std::size_t width = width_of(view);
    const std::size_t index = std::min(engine.phase_index(), plan.phases.size() - 1);
    const Millis used = engine.used(index);
    const Millis budget = engine.budget(index);
    const bool over = used >= budget;

    // When the header does not fit, the rubric's name is cut: the part number and " PAUSED"
    // always show, and the line stays within the width.
    const std::string part = place_suffix(view) + fmt::format(" \u00b7 {} {}/{}", part_word,
                                                              index + 1, plan.phases.size());
    const std::string status = engine.paused() ? " PAUSED" : "";
    const std::size_t tail = display_width(part) + status.size();
    const std::string header =
        truncate_to(plan.rubric_name, width > tail ? width - tail : 1) + part;
    layout.add(style.dim(truncate_to(header, width - status.size())) + style.yellow(status),
               always);
    layout.add(style.bold(fit(plan.phases[index].name, view)), always);
    layout.blank(ranks.spacer);

    const std::string clock = over ? format_overtime(ceil_seconds(used - budget))
                                   : format_clock(ceil_seconds(budget - used));
    const std::string of_budget =
        over ? fmt::format("over the {} budget", format_clock(ceil_seconds(budget)))
             : fmt::format("left of {}", format_clock(ceil_seconds(budget)));
    const auto shown = [&](const std::string& text) {
        return over ? style.red(text) : style.bold(text);
    };
    // The time left on one line, with its budget when it fits.
    const Lines one_line{
        shown(clock) +
        style.dim(truncate_to("  " + of_budget, width > clock.size() ? width - clock.size() : 0))};
    const Lines digits = big_text(clock, width);
    if (digits.size() == 1) {
        layout.add(one_line, always);
    } else {
        Lines big;
        for (const auto& row : digits) big.push_back(shown(row));
        big.push_back(style.dim(fit(of_budget, view)));
        layout.add(std::move(big), ranks.big_clock, one_line);
    }
    layout.blank(Rank(ranks.spacer.level, ranks.spacer.order + 1));
    layout.add(fit(percent_bar(fmt::format("{:<7}", part_word), used, budget, view, ""), view),
               ranks.phase_bar);
    const std::string total = fmt::format("  {}/{}", format_clock(engine.used_total() / 1000),
                                          format_clock(ceil_seconds(engine.budget_total())));
    layout.add(fit(percent_bar("session", engine.used_total(), engine.budget_total(), view,
                               width >= 60 ? total : ""),
                   view),
               ranks.session_bar);
}

TextParts add_question(Layout& layout, const session::Plan& plan, const View& view, Rank rest) {
    return add_text(layout, plan.question, width_of(view), "  ", "  ", 2, rest);
}

// What starts the interviewer's follow-up on screen.
constexpr std::string_view interviewer = "Interviewer:";

TextParts add_probe(Layout& layout, const session::Engine& engine, const View& view, Rank rest) {
    const session::Plan& plan = engine.plan();
    const std::size_t index = engine.phase_index();
    if (view.help || !view.probe || view.probe->phase != index ||
        engine.stage() != session::Stage::running ||
        view.probe->index >= plan.phases[index].probes.size())
        return {};
    layout.blank(Rank(0, 2));
    return add_text(layout, plan.phases[index].probes[view.probe->index].text, width_of(view),
                    std::string(interviewer) + " ", "  ", 2, rest);
}

void finish_probe(Layout& layout, const TextParts& probe, const View& view) {
    const Style style(view.colour);
    mark_cut(layout, probe, width_of(view));
    for (const Layout::Id id : probe.ids) {
        std::string& line = layout.lines(id).front();
        line = id == probe.ids.front() ? style.bold(style.yellow(interviewer)) +
                                             style.yellow(line.substr(interviewer.size()))
                                       : style.yellow(line);
    }
}

namespace {

// The running phase's give-up order, from the first given up to the last (a lower level goes
// first; `always` never goes):
//   1. blank lines
//   2. the second and later lines of a long prompt (it is then cut to one line, ending in "…")
//   3. prompts beyond the first three (the "Cover:" heading says how many are not shown)
//   4. the clock's large digits (the time left and its budget stay, on one line)
//   5. the session bar, then the phase bar
//   6. the notes count
//   7. the question's third line onward (the second line then ends in "…"); with `w` (the whole
//      question) the question is kept before every prompt instead
//   8. the "Cover:" heading
//   9. the interviewer's follow-up beyond its second line (the second line then ends in "…")
//  10. the second and third prompts, then the first
// Never given up: the rubric and phase number, the phase's name, the time left, the question's
// first two lines, the follow-up's first two lines, the note being typed or the last message,
// and the key line. The key help (`?`) replaces the prompts, and is given up only after them.
namespace phase_rank {
constexpr int spacer = 0;
constexpr int prompt_wrap = 10;
constexpr int later_prompt = 20;
constexpr int big_clock = 30;
constexpr int session_bar = 40;
constexpr int phase_bar = 50;
constexpr int notes = 60;
constexpr int question = 70;
constexpr int heading = 80;
constexpr int probe = 90;
constexpr int next_prompt = 100;
constexpr int first_prompt = 110;
constexpr int help = 115;
constexpr int whole_question = 120;
} // namespace phase_rank

// The key help of a running phase: each key and what it does.
struct KeyHelp {
    std::string_view key;
    std::string_view does;
};
// One line each at 40 columns, so the help shows whole at 40x15; the key line under it says
// how to close it.
constexpr KeyHelp phase_keys[] = {
    {"space", "pause / resume the clock"},         {"n", "end this phase, go to the next"},
    {"+", "one more minute for this phase"},       {"e", "type a note (the clock runs on)"},
    {"1-9", "tick / untick that prompt"},          {"w", "whole question / first lines"},
    {"x", "hide the interviewer's question"},      {"q", "end now and score yourself"},
    {"y/p/n", "mark key points after the phases"},
};

// The first of `candidates` that fits the width, dimmed; the last one cut to fit if none does.
std::string first_fitting(const View& view, std::initializer_list<std::string> candidates) {
    const std::string* chosen = nullptr;
    for (const std::string& candidate : candidates) {
        chosen = &candidate;
        if (display_width(candidate) <= width_of(view)) break;
    }
    return Style(view.colour).dim(fit(*chosen, view));
}

std::string phase_key_line(const session::Engine& engine, const View& view, bool probe) {
    if (view.draft)
        return key_help(view, "Enter save the note \u00b7 Esc cancel", "Enter save \u00b7 Esc");
    if (view.help) return key_help(view, "? close the help", "? close the help");
    // When paused, the key that matters now is the one that resumes.
    const std::string_view space = engine.paused() ? "space resume" : "space pause";
    const std::string keys =
        fmt::format("{} \u00b7 n next \u00b7 + 1 min \u00b7 e note \u00b7 1-9 tick", space);
    return first_fitting(view, {fmt::format("{} \u00b7 w question{} \u00b7 q end \u00b7 ? help",
                                            keys, probe ? " \u00b7 x dismiss" : ""),
                                fmt::format("{}{} \u00b7 q end \u00b7 ? help", keys,
                                            probe ? " \u00b7 x dismiss" : ""),
                                fmt::format("{}\u00b7n next\u00b7{}q end\u00b7? help", space,
                                            engine.paused() ? "" : "1-9 tick\u00b7")});
}

} // namespace

Lines phase_screen(const session::Engine& engine, const View& view) {
    const Style style(view.colour);
    const session::Plan& plan = engine.plan();
    const std::size_t width = width_of(view);
    const std::size_t index = std::min(engine.phase_index(), plan.phases.size() - 1);
    Layout layout;
    add_phase_top(layout, engine, view, "phase",
                  {phase_rank::spacer, phase_rank::big_clock, phase_rank::session_bar,
                   phase_rank::phase_bar});
    // Of the blank lines, the one above the question goes last, then the one above the prompts.
    layout.blank(Rank(phase_rank::spacer, 3));
    const TextParts question =
        add_question(layout, plan, view,
                     view.whole_question ? phase_rank::whole_question : phase_rank::question);

    // The interviewer's follow-up, while its phase runs (the key help takes its place).
    const TextParts probe_text = add_probe(layout, engine, view, phase_rank::probe);
    const bool probe = !probe_text.ids.empty();

    std::vector<TextParts> prompts;
    std::optional<Layout::Id> heading;
    std::vector<TextParts> help;
    if (view.help) {
        layout.blank(Rank(phase_rank::spacer, 2));
        for (const KeyHelp& key : phase_keys)
            help.push_back(add_text(layout, key.does, width, fmt::format("{:<6} ", key.key),
                                    "       ", 0, Rank(phase_rank::help)));
    } else if (!plan.phases[index].prompts.empty()) {
        layout.blank(Rank(phase_rank::spacer, 2));
        heading = layout.add(std::string(), phase_rank::heading);
        const auto& texts = plan.phases[index].prompts;
        for (std::size_t i = 0; i < texts.size(); ++i) {
            const int rank = i == 0  ? phase_rank::first_prompt
                             : i < 3 ? phase_rank::next_prompt
                                     : phase_rank::later_prompt;
            const std::string box = engine.checked(index, i) ? "\u2713" : "\u25a1";
            const std::string number = i < 9 ? std::to_string(i + 1) : " ";
            TextParts prompt = add_text(layout, texts[i], width,
                                        fmt::format(" {} {} ", number, box), "     ", 0, rank);
            // A wrapped prompt's later lines go before any prompt does.
            for (std::size_t line = 1; line < prompt.ids.size(); ++line)
                layout.set_rank(prompt.ids[line], phase_rank::prompt_wrap);
            prompts.push_back(std::move(prompt));
        }
    }
    layout.fill_here();
    if (view.draft)
        layout.add(truncate_to("note> " + *view.draft, width - 1) + "\u2588", always); // cursor
    else if (!view.message.empty())
        layout.add(fit(view.message, view), always);
    layout.add(fit(fmt::format("notes: {}", engine.note_count()), view), phase_rank::notes);
    layout.add(phase_key_line(engine, view, probe), always);

    layout.fit(rows_of(view));

    mark_cut(layout, question, width);
    finish_probe(layout, probe_text, view);
    for (const TextParts& key : help) mark_cut(layout, key, width);
    std::size_t hidden = 0;
    for (std::size_t i = 0; i < prompts.size(); ++i) {
        mark_cut(layout, prompts[i], width);
        if (!layout.kept(prompts[i].ids.front())) ++hidden;
        // A ticked prompt's mark in green (coloured only now: the cut measures plain text).
        std::string& first = layout.lines(prompts[i].ids.front()).front();
        if (engine.checked(index, i) && style.enabled())
            first.replace(first.find("\u2713"), 3, style.green("\u2713"));
    }
    if (heading)
        layout.lines(*heading).back() = style.bold(
            hidden ? fit(fmt::format("Cover: (+{} more)", hidden), view) : std::string("Cover:"));
    return layout.render();
}

std::string compose(const Lines& lines, Size size) {
    std::string out = "\x1b[H";
    const std::size_t rows = static_cast<std::size_t>(std::max(size.rows, 1));
    for (std::size_t i = 0; i < lines.size() && i < rows; ++i) {
        out += lines[i];
        out += "\x1b[0m\x1b[K";
        if (i + 1 < rows && i + 1 < lines.size()) out += "\r\n";
    }
    out += "\x1b[J";
    return out;
}

} // namespace mockcoach::live
