// The screens before the clock: the plan, and the framework to pick for --blind.
#include "live/screen.hpp"

#include "live/screen_size.hpp"

#include "util/text.hpp"

#include <algorithm>
#include <cctype>
#include <fmt/format.h>

namespace mockcoach::live {

// The plan gives up, first to last: blank lines, the tip, the "Testing:" line's second line
// onward, the total, the phases (the last first), the "Testing:" line, and the question's third
// line onward; the scratchpad's path and the partner's packet's, each wrapped whole, go just
// before the "Testing:" line, to one line ending in its file name. Never: the title, the question's
// first two lines, that one line, a message and the keys ("Enter start the clock"), so the key that
// starts never falls below the screen.
Lines plan_screen(const session::Plan& plan, bool show_category, const View& view) {
    const Style style(view.colour);
    const std::size_t width = width_of(view);
    Layout layout;
    // In a loop, where the question stands always shows: the rubric's name is cut first.
    const std::string place = place_suffix(view);
    const std::string head = show_category ? "mockcoach \u00b7 " + plan.rubric_name
                                           : std::string("mockcoach \u00b7 blind mock interview");
    const std::size_t tail = display_width(place);
    layout.add(
        style.bold(truncate_to(truncate_to(head, width > tail ? width - tail : 1) + place, width)),
        always);
    layout.blank(Rank(0, 3));
    const TextParts question = add_text(layout, plan.question, width, "  ", "  ", 2, 70);
    std::vector<TextParts> texts;
    if (show_category) {
        if (!plan.testing.empty()) {
            layout.blank(Rank(0, 2));
            texts.push_back(add_text(layout, "Testing: " + plan.testing, width, "", "", 0, 20));
            layout.set_rank(texts.back().ids.front(), 60);
        }
        layout.blank(Rank(0, 1));
        for (std::size_t i = 0; i < plan.phases.size(); ++i) {
            const auto& phase = plan.phases[i];
            layout.add(fit(fmt::format("  {}. {} {}", i + 1, pad_to(phase.name, 22),
                                       format_clock(ceil_seconds(phase.budget))),
                           view),
                       Rank(50, -static_cast<int>(i)));
        }
        layout.add(fit(fmt::format("     {:<22} {}", "total",
                                   format_clock(ceil_seconds(plan.total_budget()))),
                       view),
                   30);
        if (!plan.tip.empty()) {
            layout.blank(Rank(0, 0));
            texts.push_back(add_text(layout, "Tip: " + plan.tip, width, "", "", 0, 10));
        }
    }
    // Not before a --blind guess: the pad's name, a session id, names the category.
    if (!view.scratch.empty() && show_category) {
        // Whole while the rows allow (to copy into an editor), else on one line ending in the
        // file's name, which is never given up.
        layout.blank(Rank(0, -1));
        layout.add(wrap("Scratchpad: " + view.scratch, width), Rank(55),
                   {scratch_line(view.scratch, width)});
    }
    // The partner's packet, for the partner to open while the candidate reads the question; as
    // the pad's, not before a --blind guess (its name names the category too).
    if (!view.packet.empty() && show_category) {
        if (view.scratch.empty()) layout.blank(Rank(0, -1));
        layout.add(wrap("Packet: " + view.packet, width), Rank(55, -1),
                   {path_line("Packet: ", view.packet, width)});
    }
    layout.blank(Rank(0, 4));
    layout.fill_here();
    if (!view.message.empty()) layout.add(fit(view.message, view), always);
    layout.add(
        key_help(view, "Enter start the clock \u00b7 q cancel", "Enter start \u00b7 q cancel"),
        always);
    layout.fit(rows_of(view));
    mark_cut(layout, question, width);
    for (const TextParts& text : texts) mark_cut(layout, text, width);
    return layout.render();
}

std::string scratch_line(std::string_view path, std::size_t width) {
    return path_line("Scratchpad: ", path, width);
}

std::string path_line(std::string_view head, std::string_view path, std::size_t width) {
    if (display_width(head) + display_width(path) <= width)
        return std::string(head) + std::string(path);
    const std::size_t room = width > head.size() + 2 ? width - head.size() - 1 : 1;
    return std::string(head) + "\u2026" + std::string(path.substr(suffix_fitting(path, room)));
}

namespace {

bool same_letters(std::string_view a, std::string_view b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
        return std::tolower(static_cast<unsigned char>(x)) ==
               std::tolower(static_cast<unsigned char>(y));
    });
}

// The fewest columns of `names[i]` that tell it from the others: its first word whole, and on
// up to the first character no other name shares ("Model E…" beside "Model Deployment"), or
// all of it if another name starts with it; "…" counts when it is cut.
std::size_t distinguishable_width(const std::vector<std::string>& names, std::size_t i) {
    const std::string& name = names[i];
    const std::size_t whole = display_width(name);
    const std::size_t first_word = display_width(name.substr(0, name.find(' ')));
    for (std::size_t columns = first_word; columns < whole; ++columns) {
        const std::string_view prefix =
            std::string_view(name).substr(0, prefix_fitting(name, columns));
        const bool shared = std::any_of(names.begin(), names.end(), [&](const std::string& other) {
            return &other != &name && other.size() >= prefix.size() &&
                   same_letters(std::string_view(other).substr(0, prefix.size()), prefix);
        });
        if (!shared) return columns + 1;
    }
    return whole;
}

struct Grid {
    std::size_t columns = 1;
    std::size_t rows = 0;
};

// The fewest columns whose rows fit in `room` with every name still distinguishable; when
// none does, the one with the fewest rows that keeps them distinguishable.
Grid choose_grid(const std::vector<std::string>& choices, std::size_t width, std::size_t room) {
    std::size_t needed = 0; // the widest cell: "NN. " and the distinguishable part of a name
    for (std::size_t i = 0; i < choices.size(); ++i)
        needed = std::max(needed, 4 + distinguishable_width(choices, i));
    std::optional<Grid> fewest_rows;
    for (std::size_t columns = 1; columns <= std::max<std::size_t>(choices.size(), 1); ++columns) {
        const Grid grid{columns, (choices.size() + columns - 1) / columns};
        if (width / columns < needed + 1 && columns > 1) break; // a space between columns
        if (grid.rows <= room) return grid;
        fewest_rows = grid;
    }
    return fewest_rows.value_or(Grid{1, choices.size()});
}

} // namespace

// The pick gives up, first to last: blank lines, the question's third line onward, and the
// line asking which framework fits. Never: the title, the question's first two lines, the
// frameworks (in as few columns as the rows allow, each name cut no shorter than what tells it
// from the others, unless the terminal is too small for that), the number being typed, a
// message and the keys.
Lines pick_screen(const session::Plan& plan, const std::vector<std::string>& choices,
                  const View& view) {
    const Style style(view.colour);
    const std::size_t width = width_of(view);
    const std::size_t rows = rows_of(view);
    const Lines question_lines = wrap(plan.question, width > 10 ? width - 2 : 8);
    // As few columns as leave room for everything, else for what is never given up.
    const std::size_t fixed = 1 + 1 + (view.message.empty() ? 0 : 1) + 1; // title, number, keys
    const std::size_t whole = fixed + 1 + question_lines.size() + 1 + 1;
    const std::size_t least = fixed + std::min<std::size_t>(question_lines.size(), 2);
    Grid grid = choose_grid(choices, width, rows > whole ? rows - whole : 0);
    if (grid.rows + whole > rows)
        grid = choose_grid(choices, width, rows > least ? rows - least : 0);
    if (grid.rows + least > rows && rows > least) {
        // Too small a terminal to tell every name apart (below 40x15): the keys come first.
        grid.rows = rows - least;
        grid.columns = (choices.size() + grid.rows - 1) / grid.rows;
    }
    const std::size_t column_width = width / grid.columns;

    Layout layout;
    layout.add(style.bold(fit("mockcoach \u00b7 name the category silently", view)), always);
    layout.blank(Rank(0, 1));
    const TextParts question = add_text(layout, plan.question, width, "  ", "  ", 2, 20);
    layout.blank(Rank(0, 0));
    layout.add(fit("Which framework fits this question?", view), 30);
    for (std::size_t r = 0; r < grid.rows; ++r) {
        std::string line;
        for (std::size_t c = 0; c < grid.columns; ++c) {
            const std::size_t i = c * grid.rows + r;
            if (i >= choices.size()) break;
            const bool last = c + 1 == grid.columns;
            std::string cell = truncate_to(fmt::format("{:>2}. {}", i + 1, choices[i]),
                                           last ? column_width : column_width - 1);
            if (!last) cell.append(column_width - std::min(column_width, display_width(cell)), ' ');
            line += cell;
        }
        while (!line.empty() && line.back() == ' ') line.pop_back();
        layout.add(fit(line, view), always);
    }
    layout.add(fit(fmt::format("number> {}", view.draft.value_or("")), view), always);
    layout.fill_here();
    if (!view.message.empty()) layout.add(fit(view.message, view), always);
    layout.add(key_help(view, "type a number, Enter \u00b7 q cancel", "number, Enter \u00b7 q"),
               always);
    layout.fit(rows);
    mark_cut(layout, question, width);
    return layout.render();
}

} // namespace mockcoach::live
