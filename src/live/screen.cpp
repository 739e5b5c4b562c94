// Rendering of the live screens.
#include "live/screen.hpp"

#include "transcript/render.hpp"
#include "util/text.hpp"

#include <algorithm>
#include <array>
#include <fmt/format.h>

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

std::size_t width_of(const View& view) {
    return static_cast<std::size_t>(std::max(view.size.columns, 20));
}

std::string fit(std::string_view text, const View& view) {
    return truncate_to(text, width_of(view));
}

// Seconds shown on a countdown: rounded up, so "00:00" appears only when time is really up.
long long ceil_seconds(Millis ms) {
    return ms <= 0 ? 0 : (ms + 999) / 1000;
}

std::string percent_bar(std::string_view label, Millis used, Millis budget, const View& view,
                        std::string_view tail) {
    const std::size_t width = width_of(view);
    const std::size_t fixed = label.size() + 2 + 5 + display_width(tail);
    const std::size_t cells = width > fixed + 4 ? std::min<std::size_t>(width - fixed - 1, 40) : 4;
    const long long percent = budget > 0 ? used * 100 / budget : 100;
    return fmt::format("{} {} {:>3}%{}", label, transcript::bar(used, budget, cells), percent,
                       tail);
}

void add_wrapped(Lines& lines, std::string_view text, std::size_t width,
                 std::string_view indent = "") {
    for (const auto& line : wrap(text, width > indent.size() + 8 ? width - indent.size() : 8))
        lines.push_back(std::string(indent) + line);
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

Lines plan_screen(const session::Plan& plan, bool show_category, const View& view) {
    const Style style(view.colour);
    const std::size_t width = width_of(view);
    Lines lines;
    lines.push_back(
        style.bold(fit(show_category ? "mockcoach \u00b7 " + plan.rubric_name
                                     : std::string("mockcoach \u00b7 blind mock interview"),
                       view)));
    lines.emplace_back();
    add_wrapped(lines, plan.question, width, "  ");
    lines.emplace_back();
    if (show_category) {
        if (!plan.testing.empty()) add_wrapped(lines, "Testing: " + plan.testing, width);
        lines.emplace_back();
        for (std::size_t i = 0; i < plan.phases.size(); ++i) {
            const auto& phase = plan.phases[i];
            lines.push_back(fit(fmt::format("  {}. {} {}", i + 1, pad_to(phase.name, 22),
                                            format_clock(ceil_seconds(phase.budget))),
                                view));
        }
        lines.push_back(fit(
            fmt::format("     {:<22} {}", "total", format_clock(ceil_seconds(plan.total_budget()))),
            view));
        lines.emplace_back();
        if (!plan.tip.empty()) add_wrapped(lines, "Tip: " + plan.tip, width);
        lines.emplace_back();
    }
    if (!view.message.empty()) lines.push_back(fit(view.message, view));
    lines.push_back(
        key_help(view, "Enter start the clock \u00b7 q cancel", "Enter start \u00b7 q cancel"));
    return lines;
}

Lines pick_screen(const session::Plan& plan, const std::vector<std::string>& choices,
                  const View& view) {
    const Style style(view.colour);
    const std::size_t width = width_of(view);
    Lines lines;
    lines.push_back(style.bold(fit("mockcoach \u00b7 name the category silently", view)));
    lines.emplace_back();
    add_wrapped(lines, plan.question, width, "  ");
    lines.emplace_back();
    lines.push_back(fit("Which framework fits this question?", view));
    const std::size_t rows = static_cast<std::size_t>(std::max(view.size.rows, 10));
    const std::size_t room = rows > lines.size() + 3 ? rows - lines.size() - 3 : 1;
    const std::size_t per_column = std::min(choices.size(), room);
    const std::size_t columns = per_column ? (choices.size() + per_column - 1) / per_column : 1;
    const std::size_t column_width = width / std::max<std::size_t>(columns, 1);
    for (std::size_t r = 0; r < per_column; ++r) {
        std::string line;
        for (std::size_t c = 0; c < columns; ++c) {
            const std::size_t i = c * per_column + r;
            if (i >= choices.size()) break;
            std::string cell = truncate_to(fmt::format("{:>2}. {}", i + 1, choices[i]),
                                           column_width > 1 ? column_width - 1 : 1);
            cell.append(column_width - std::min(column_width, display_width(cell)), ' ');
            line += cell;
        }
        lines.push_back(line);
    }
    lines.push_back(fit(fmt::format("number> {}", view.draft.value_or("")), view));
    if (!view.message.empty()) lines.push_back(fit(view.message, view));
    lines.push_back(
        key_help(view, "type a number, Enter \u00b7 q cancel", "number, Enter \u00b7 q"));
    return lines;
}

Lines phase_top(const session::Engine& engine, const View& view, std::string_view part_word,
                bool big_clock) {
    const Style style(view.colour);
    const session::Plan& plan = engine.plan();
    const std::size_t width = width_of(view);
    const std::size_t index = std::min(engine.phase_index(), plan.phases.size() - 1);
    const Millis used = engine.used(index);
    const Millis budget = engine.budget(index);
    const bool over = used >= budget;
    Lines lines;

    // When the header does not fit, the rubric's name is cut: the part number and " PAUSED"
    // always show, and the line stays within the width.
    const std::string part =
        fmt::format(" \u00b7 {} {}/{}", part_word, index + 1, plan.phases.size());
    const std::string status = engine.paused() ? " PAUSED" : "";
    const std::size_t tail = display_width(part) + status.size();
    const std::string header =
        truncate_to(plan.rubric_name, width > tail ? width - tail : 1) + part;
    lines.push_back(style.dim(truncate_to(header, width - status.size())) + style.yellow(status));
    lines.push_back(style.bold(fit(plan.phases[index].name, view)));
    lines.emplace_back();

    const std::string clock = over ? format_overtime(ceil_seconds(used - budget))
                                   : format_clock(ceil_seconds(budget - used));
    const Lines rows = big_clock ? big_text(clock, width) : Lines{clock};
    for (const auto& row : rows) lines.push_back(over ? style.red(row) : style.bold(row));
    lines.push_back(
        style.dim(fit(over ? fmt::format("over the {} budget", format_clock(ceil_seconds(budget)))
                           : fmt::format("left of {}", format_clock(ceil_seconds(budget))),
                      view)));
    lines.emplace_back();
    lines.push_back(
        fit(percent_bar(fmt::format("{:<7}", part_word), used, budget, view, ""), view));
    const std::string total = fmt::format("  {}/{}", format_clock(engine.used_total() / 1000),
                                          format_clock(ceil_seconds(engine.budget_total())));
    lines.push_back(fit(percent_bar("session", engine.used_total(), engine.budget_total(), view,
                                    width >= 60 ? total : ""),
                        view));
    lines.emplace_back();
    return lines;
}

Lines stack(Lines top, Lines body, const Lines& footer, std::size_t rows, const View& view) {
    const std::size_t room =
        rows > top.size() + footer.size() ? rows - top.size() - footer.size() : 0;
    if (body.size() > room) {
        body.resize(room);
        if (room > 0) body.back() = Style(view.colour).dim(fit("  \u2026", view));
    }
    top.insert(top.end(), body.begin(), body.end());
    while (top.size() + footer.size() < rows) top.emplace_back();
    top.insert(top.end(), footer.begin(), footer.end());
    return top;
}

Lines phase_screen(const session::Engine& engine, const View& view) {
    const Style style(view.colour);
    const session::Plan& plan = engine.plan();
    const std::size_t index = std::min(engine.phase_index(), plan.phases.size() - 1);
    Lines lines = phase_top(engine, view, "phase", true);

    Lines footer;
    if (view.draft)
        footer.push_back(truncate_to("note> " + *view.draft, width_of(view) - 1) +
                         "\u2588"); // the cursor
    else if (!view.message.empty())
        footer.push_back(fit(view.message, view));
    footer.push_back(fit(fmt::format("notes: {}", engine.note_count()), view));
    if (view.draft)
        footer.push_back(
            key_help(view, "Enter save the note \u00b7 Esc cancel", "Enter save \u00b7 Esc"));
    else if (engine.paused()) // the key that matters now is the one that resumes
        footer.push_back(key_help(
            view,
            "space resume \u00b7 n next \u00b7 + 1 min \u00b7 e note \u00b7 q end \u00b7 ? help",
            "space resume\u00b7n next\u00b7+1m\u00b7e note\u00b7q end"));
    else
        footer.push_back(key_help(
            view,
            "space pause \u00b7 n next \u00b7 + 1 min \u00b7 e note \u00b7 q end \u00b7 ? help",
            "space pause\u00b7n next\u00b7+1m\u00b7e note\u00b7q end"));

    Lines body;
    if (view.help) {
        body = {"space  pause / resume (paused time is not used time)",
                "n      end this phase, go to the next",
                "+      one more minute for this phase",
                "e      type a note (the clock keeps running)",
                "q      end the interview now and score it",
                "?      this help"};
        for (auto& line : body) line = fit(line, view);
    } else {
        body.push_back(style.bold("Cover:"));
        for (const auto& prompt : plan.phases[index].prompts)
            body.push_back(fit("  \u25a1 " + prompt, view));
    }
    const std::size_t rows = static_cast<std::size_t>(std::max(view.size.rows, 12));
    return stack(std::move(lines), std::move(body), footer, rows, view);
}

Lines scoring_screen(const session::Engine& engine, const View& view) {
    const Style style(view.colour);
    const std::size_t width = width_of(view);
    const session::CriterionPlan* criterion = engine.next_unscored();
    Lines lines;
    const auto& criteria = engine.plan().criteria;
    const std::size_t done = engine.scores().size() + engine.skipped().size();
    lines.push_back(style.dim(fit(fmt::format("Score yourself \u00b7 {} of {}",
                                              std::min(done + 1, criteria.size()), criteria.size()),
                                  view)));
    lines.emplace_back();
    if (criterion) {
        lines.push_back(style.bold(fit(criterion->name, view)));
        lines.emplace_back();
        for (const auto& [level, meaning] : criterion->levels) {
            const auto wrapped = wrap(meaning, width > 6 ? width - 5 : 8);
            for (std::size_t i = 0; i < wrapped.size(); ++i)
                lines.push_back(
                    fmt::format("  {}  {}", i == 0 ? std::to_string(level) : " ", wrapped[i]));
        }
    }
    lines.emplace_back();
    if (!view.message.empty()) lines.push_back(fit(view.message, view));
    lines.push_back(key_help(view, "1-5 score \u00b7 s skip this one \u00b7 q stop scoring",
                             "1-5 \u00b7 s skip \u00b7 q"));
    return lines;
}

Lines reflection_screen(const session::Engine& engine, const View& view) {
    const Style style(view.colour);
    const std::size_t width = width_of(view);
    Lines lines;
    lines.push_back(style.bold(fit("Reflection", view)));
    add_wrapped(lines, "What went well? What would you do differently next time?", width);
    lines.emplace_back();
    const std::string& reflection = engine.reflection();
    std::size_t start = 0;
    while (!reflection.empty() && start <= reflection.size()) {
        std::size_t end = reflection.find('\n', start);
        if (end == std::string::npos) end = reflection.size();
        add_wrapped(lines, std::string_view(reflection).substr(start, end - start), width, "  ");
        start = end + 1;
    }
    lines.push_back(truncate_to("> " + view.draft.value_or(""), width - 1) + "\u2588"); // cursor
    lines.emplace_back();
    lines.push_back(key_help(view, "Enter add the line \u00b7 Enter on an empty line to finish",
                             "Enter line \u00b7 empty Enter done"));
    return lines;
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
