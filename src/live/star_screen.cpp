// Rendering of the STAR rehearsal's screens.
#include "live/star_screen.hpp"

#include "live/screen_size.hpp"

#include "star/star.hpp"
#include "stories/stories.hpp"
#include "util/text.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace mockcoach::live {
namespace {

std::string joined(const std::vector<std::string>& items, std::string_view separator) {
    std::string out;
    for (const std::string& item : items) out += (out.empty() ? "" : std::string(separator)) + item;
    return out;
}

// A line being typed, with the cursor; its tail when it is wider than the screen, so the
// cursor and the newest characters stay in view.
std::string input_line(std::string_view prompt, const std::string& draft, const View& view) {
    const std::size_t width = width_of(view);
    const std::size_t room = width > prompt.size() + 2 ? width - prompt.size() - 1 : 1;
    std::string shown = draft;
    if (display_width(shown) > room) // the newest characters, after "…"
        shown = "\u2026" + shown.substr(suffix_fitting(shown, room - 1));
    return std::string(prompt) + shown + "\u2588";
}

} // namespace

Lines star_plan_screen(const session::Plan& plan, const std::optional<std::string>& story,
                       const View& view, const StarPlanNotes& notes) {
    const Style style(view.colour);
    const std::size_t width = width_of(view);
    Lines head;
    head.push_back(style.bold(fit("mockcoach \u00b7 STAR rehearsal", view)));
    head.emplace_back();
    add_wrapped(head, plan.question, width, "  ");
    Lines parts;
    if (story) parts.push_back(fit(fmt::format("Story: {}", *story), view));
    std::size_t name_width = 0;
    for (const auto& phase : plan.phases)
        name_width = std::max(name_width, display_width(phase.name));
    for (std::size_t i = 0; i < plan.phases.size(); ++i) {
        const auto& phase = plan.phases[i];
        const std::string line_head =
            fmt::format("  {}. {}  {}", i + 1, pad_to(phase.name, name_width),
                        format_clock((phase.budget + 999) / 1000));
        const std::string line = line_head + "  " + joined(phase.prompts, ", ");
        parts.push_back(display_width(line) <= width ? line : fit(line_head, view));
    }
    parts.push_back(fit(fmt::format("     {:<{}}  {}", "total", name_width,
                                    format_clock((plan.total_budget() + 999) / 1000)),
                        view));
    const bool aloud = notes.delivery == session::Delivery::aloud;
    const std::string_view full_how =
        aloud ? "Say your answer out loud: the screen shows each part's prompts and the clock, "
                "Tab moves to the next part. Ctrl-P pauses, Ctrl-E gives one more minute, Esc "
                "ends early. Then type a few words per part (not timed)."
              : "Type what you would say: Enter adds a line, Tab ends the part. Ctrl-P pauses, "
                "Ctrl-E gives one more minute, Esc ends the answer early.";
    const std::string_view short_how =
        aloud ? "Say your answer out loud, Tab next part; then a few words per part."
              : "Type what you would say: Enter adds a line, Tab ends the part.";
    Lines foot;
    if (!view.message.empty()) foot.push_back(fit(view.message, view));
    foot.push_back(
        key_help(view, "Enter start the clock \u00b7 q cancel", "Enter start \u00b7 q cancel"));

    // The richest layout that fits the rows: then the budget's rule on one line and the short
    // instructions, then no blank lines, then no instructions (the part screen has the keys).
    Lines lines;
    for (int lean = 0; lean < 4; ++lean) {
        const bool blanks = lean < 2;
        lines = head;
        if (blanks) lines.emplace_back();
        lines.insert(lines.end(), parts.begin(), parts.end());
        if (!notes.budget_rule.empty()) {
            if (lean == 0)
                add_wrapped(lines, "Budget: " + notes.budget_rule, width, "");
            else
                lines.push_back(fit("Budget: " + notes.budget_rule, view));
        }
        if (!view.scratch.empty()) {
            if (lean == 0)
                add_wrapped(lines, "Scratchpad: " + view.scratch, width, "");
            else
                lines.push_back(scratch_line(view.scratch, width));
        }
        if (blanks) lines.emplace_back();
        if (lean < 3) add_wrapped(lines, lean == 0 ? full_how : short_how, width, "");
        if (blanks) lines.emplace_back();
        lines.insert(lines.end(), foot.begin(), foot.end());
        if (lines.size() <= rows_of(view)) break;
    }
    return lines;
}

namespace {

// A spoken part gives up, first to last: blank lines, a long prompt's second lines, the
// clock's big digits (the time stays on one line), the session bar, then the part bar, the
// question's third line onward, the heading, the interviewer's follow-up beyond its second line,
// and the prompts (the last first). Never: the header, the part's name, the time left, the
// question's first two lines, the follow-up's first two, a message and the keys.
namespace spoken_rank {
constexpr int spacer = 0;
constexpr int prompt_wrap = 10;
constexpr int big_clock = 20;
constexpr int session_bar = 30;
constexpr int part_bar = 40;
constexpr int question = 50;
constexpr int heading = 60;
constexpr int probe = 65;
constexpr int prompt = 70;
} // namespace spoken_rank

// A spoken part: the clock above, the question and the prompts to cover below it, the keys at
// the bottom.
Lines spoken_part_screen(const session::Engine& engine, const View& view) {
    const Style style(view.colour);
    const session::Plan& plan = engine.plan();
    const std::size_t width = width_of(view);
    const std::size_t index = std::min(engine.phase_index(), plan.phases.size() - 1);
    Layout layout;
    add_phase_top(layout, engine, view, "part",
                  {spoken_rank::spacer, spoken_rank::big_clock, spoken_rank::session_bar,
                   spoken_rank::part_bar});
    layout.blank(Rank(spoken_rank::spacer, 3));
    const TextParts question = add_question(layout, plan, view, spoken_rank::question);
    const TextParts probe = add_probe(layout, engine, view, spoken_rank::probe);
    layout.blank(Rank(spoken_rank::spacer, 2));
    layout.add(style.bold(fit("Say it out loud, covering:", view)), spoken_rank::heading);
    std::vector<TextParts> prompts;
    const auto& texts = plan.phases[index].prompts;
    for (std::size_t i = 0; i < texts.size(); ++i) {
        // The first prompts go last.
        TextParts prompt = add_text(layout, texts[i], width, "  \u25a1 ", "    ", 0,
                                    Rank(spoken_rank::prompt, -static_cast<int>(i)));
        for (std::size_t line = 1; line < prompt.ids.size(); ++line)
            layout.set_rank(prompt.ids[line], spoken_rank::prompt_wrap);
        prompts.push_back(std::move(prompt));
    }
    layout.fill_here();
    std::string full(star_spoken_keys_full);
    std::string short_form(star_keys_short);
    if (index + 1 == plan.phases.size()) {
        full.replace(full.find("Tab next part"), 13, "Tab finish");
        short_form.replace(short_form.find("Tab next"), 8, "Tab done");
    }
    if (engine.paused()) {
        full.replace(full.find("Ctrl-P pause"), 12, "Ctrl-P resume");
        short_form.replace(short_form.find("^P pause"), 8, "^P resume");
    }
    if (!view.message.empty()) layout.add(fit(view.message, view), always);
    layout.add(key_help(view, full, short_form), always);
    layout.fit(rows_of(view));
    mark_cut(layout, question, width);
    finish_probe(layout, probe, view);
    for (const TextParts& prompt : prompts) mark_cut(layout, prompt, width);
    return layout.render();
}

// The lines of `text`, wrapped, newest at the bottom: as many as `room` holds, with "…" on top
// when some are left out.
Lines last_lines(const std::string& text, std::size_t room, const View& view) {
    Lines out;
    std::size_t start = 0;
    while (!text.empty() && start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        add_wrapped(out, std::string_view(text).substr(start, end - start), width_of(view), "  ");
        start = end + 1;
    }
    if (room == 0) return {};
    if (out.size() > room) {
        out.erase(out.begin(), out.end() - static_cast<long>(room));
        out.front() = Style(view.colour).dim("  \u2026");
    }
    return out;
}

} // namespace

Lines star_words_screen(const session::Engine& engine, std::size_t part, const View& view) {
    const Style style(view.colour);
    const session::Plan& plan = engine.plan();
    const std::size_t width = width_of(view);
    const std::size_t rows = rows_of(view);
    part = std::min(part, plan.phases.size() - 1);
    Lines lines;
    lines.push_back(style.dim(fit(
        fmt::format("Words for the story bank \u00b7 part {} of {}", part + 1, plan.phases.size()),
        view)));
    lines.push_back(style.bold(fit(fmt::format("{} ({} spoken)", plan.phases[part].name,
                                               format_clock(engine.used(part) / 1000)),
                                   view)));
    add_wrapped(lines,
                "What did you say? A few words, not timed: the checks and the story bank read "
                "them.",
                width, "");
    Lines footer;
    footer.push_back(input_line("> ", view.draft.value_or(""), view));
    if (!view.message.empty()) footer.push_back(fit(view.message, view));
    const bool last = part + 1 == plan.phases.size();
    footer.push_back(key_help(
        view,
        fmt::format("Enter new line \u00b7 Tab {} \u00b7 Esc done", last ? "finish" : "next part"),
        fmt::format("Tab {}\u00b7Esc done", last ? "done" : "next")));
    const std::size_t used = lines.size() + 1 + footer.size();
    const Lines said = last_lines(engine.text(part), rows > used ? rows - used : 0, view);
    lines.emplace_back();
    lines.insert(lines.end(), said.begin(), said.end());
    while (lines.size() + footer.size() < rows) lines.emplace_back();
    lines.insert(lines.end(), footer.begin(), footer.end());
    return lines;
}

Lines star_checks_screen(const std::vector<star::Check>& checks, const View& view) {
    const Style style(view.colour);
    const std::size_t width = width_of(view);
    const std::size_t rows = rows_of(view);
    Lines lines;
    lines.push_back(style.bold(fit("Before you score yourself", view)));
    lines.emplace_back();
    // render_checks wraps to at least 40 columns; narrower screens get the lines cut.
    const std::string text = star::render_checks(checks, style, width);
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        lines.push_back(truncate_to(text.substr(start, end - start), width));
        start = end + 1;
    }
    const std::string keys = key_help(view, "Enter score yourself", "Enter score yourself");
    if (lines.size() + 2 > rows) {
        lines.resize(rows > 2 ? rows - 2 : 0);
        lines.push_back(style.dim(fit("  \u2026", view)));
    } else {
        lines.emplace_back();
    }
    lines.push_back(keys);
    return lines;
}

namespace {

// A typed part gives up, first to last:
//   1. blank lines
//   2. the lines typed before the last three, the oldest first (the first one kept then starts
//      with "…")
//   3. the clock's big digits (the time left stays, on one line)
//   4. the session bar, then the part bar
//   5. the question's third line onward (the second line then ends in "…")
//   6. the word count
//   7. the interviewer's follow-up beyond its second line
//   8. the prompts' second line onward
//   9. the second and third last typed lines
//  10. the prompts' first line
//  11. the last typed line
// Never given up: the header, the part's name, the time left, the question's first two lines,
// the follow-up's first two lines, the line being typed, a message and the keys.
namespace typed_rank {
constexpr int spacer = 0;
constexpr int older_typed = 10;
constexpr int big_clock = 20;
constexpr int session_bar = 30;
constexpr int part_bar = 40;
constexpr int question = 50;
constexpr int words = 60;
constexpr int probe = 65;
constexpr int prompts_rest = 70;
constexpr int recent_typed = 80;
constexpr int prompts_first = 90;
constexpr int last_typed = 100;
} // namespace typed_rank

} // namespace

Lines star_part_screen(const session::Engine& engine, const View& view,
                       session::Delivery delivery) {
    if (delivery == session::Delivery::aloud) return spoken_part_screen(engine, view);
    const Style style(view.colour);
    const session::Plan& plan = engine.plan();
    const std::size_t width = width_of(view);
    const std::size_t index = std::min(engine.phase_index(), plan.phases.size() - 1);
    Layout layout;
    add_phase_top(
        layout, engine, view, "part",
        {typed_rank::spacer, typed_rank::big_clock, typed_rank::session_bar, typed_rank::part_bar});
    layout.blank(Rank(typed_rank::spacer, 3));
    const TextParts question = add_question(layout, plan, view, typed_rank::question);
    const TextParts probe = add_probe(layout, engine, view, typed_rank::probe);
    TextParts prompts;
    if (!plan.phases[index].prompts.empty()) {
        prompts = add_text(layout, joined(plan.phases[index].prompts, " \u00b7 "), width,
                           "Cover: ", "       ", 0, typed_rank::prompts_rest);
        layout.set_rank(prompts.ids.front(), typed_rank::prompts_first);
    }
    layout.blank(Rank(typed_rank::spacer, 2));

    // The lines said so far, the newest kept longest.
    const std::string& said = engine.text(index);
    Lines said_lines;
    std::size_t start = 0;
    while (!said.empty() && start <= said.size()) {
        std::size_t end = said.find('\n', start);
        if (end == std::string::npos) end = said.size();
        add_wrapped(said_lines, std::string_view(said).substr(start, end - start), width, "  ");
        start = end + 1;
    }
    std::vector<Layout::Id> said_ids;
    for (std::size_t i = 0; i < said_lines.size(); ++i) {
        const std::size_t from_last = said_lines.size() - 1 - i;
        const Rank rank = from_last == 0  ? Rank(typed_rank::last_typed)
                          : from_last < 3 ? Rank(typed_rank::recent_typed, -int(from_last))
                                          : Rank(typed_rank::older_typed, int(i));
        said_ids.push_back(layout.add(said_lines[i], rank));
    }
    layout.fill_here();

    layout.add(input_line("> ", view.draft.value_or(""), view), always);
    const std::size_t words = star::count_words(said) + star::count_words(view.draft.value_or(""));
    if (view.message.empty())
        layout.add(style.dim(fit(
                       fmt::format("{} word{} in this part", words, words == 1 ? "" : "s"), view)),
                   typed_rank::words);
    else
        layout.add(fit(view.message, view), always);
    const bool last = index + 1 == plan.phases.size();
    std::string full(star_keys_full);
    std::string short_form(star_keys_short);
    if (last) {
        full.replace(full.find("Tab next part"), 13, "Tab finish");
        short_form.replace(short_form.find("Tab next"), 8, "Tab done");
    }
    if (engine.paused()) { // the key that matters now is the one that resumes
        full.replace(full.find("Ctrl-P pause"), 12, "Ctrl-P resume");
        short_form.replace(short_form.find("^P pause"), 8, "^P resume");
    }
    layout.add(key_help(view, full, short_form), always);

    layout.fit(rows_of(view));
    mark_cut(layout, question, width);
    finish_probe(layout, probe, view);
    mark_cut(layout, prompts, width);
    mark_older_cut(layout, said_ids, style.dim("\u2026"));
    return layout.render();
}

Lines story_screen(const StoryForm& form, const View& view) {
    const Style style(view.colour);
    const std::size_t width = width_of(view);
    Lines lines;
    if (form.step() == StoryForm::Step::name) {
        lines.push_back(style.bold(fit("Save this answer as a story?", view)));
        add_wrapped(lines,
                    "A story is an answer you keep ready for the questions of its themes; "
                    "rehearse it again with `mockcoach star --story NAME`.",
                    width, "");
        lines.emplace_back();
        lines.push_back(input_line("Name> ", form.draft(), view));
        if (!form.message().empty()) lines.push_back(fit(form.message(), view));
        lines.emplace_back();
        lines.push_back(key_help(view, "Enter next \u00b7 Esc skip (nothing saved as a story)",
                                 "Enter next \u00b7 Esc skip"));
        return lines;
    }
    lines.push_back(style.bold(fit(fmt::format("Themes of \"{}\"", form.name()), view)));
    add_wrapped(lines,
                "Which themes does it answer? Numbers from the list or your own words, "
                "separated by commas.",
                width, "");
    lines.emplace_back();
    const auto& offered = form.offered();
    const std::size_t footer = form.message().empty() ? 3 : 4;
    const std::size_t rows = rows_of(view);
    const std::size_t room = rows > lines.size() + footer ? rows - lines.size() - footer : 1;
    const std::size_t columns = width >= 60 && offered.size() > room ? 2 : 1;
    const std::size_t per_column = std::min(room, (offered.size() + columns - 1) / columns);
    const std::size_t column_width = width / columns;
    for (std::size_t r = 0; r < per_column; ++r) {
        std::string line;
        for (std::size_t c = 0; c < columns; ++c) {
            const std::size_t i = c * per_column + r;
            if (i >= offered.size()) break;
            std::string cell =
                fmt::format("{:>3}. {}", i + 1, stories::theme_with_label(offered[i]));
            cell = truncate_to(cell, column_width > 1 ? column_width - 1 : 1);
            if (c + 1 < columns) cell.append(column_width - display_width(cell), ' ');
            line += cell;
        }
        lines.push_back(line);
    }
    lines.push_back(input_line("Themes> ", form.draft(), view));
    if (!form.message().empty()) lines.push_back(fit(form.message(), view));
    lines.emplace_back();
    lines.push_back(key_help(view, "Enter save the story \u00b7 Esc back to the name",
                             "Enter save \u00b7 Esc back"));
    return lines;
}

} // namespace mockcoach::live
