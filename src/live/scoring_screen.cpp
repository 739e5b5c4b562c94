// The screens after the clock: the key-point check, the self-scores and the reflection.
#include "live/screen.hpp"

#include "live/screen_size.hpp"

#include "util/text.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <string_view>
#include <vector>

namespace mockcoach::live {
namespace {

// The lines of `text` (newline separated), each wrapped to `width` after `indent`.
Lines text_lines(const std::string& text, std::size_t width, std::string_view indent) {
    Lines lines;
    std::size_t start = 0;
    while (!text.empty() && start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        add_wrapped(lines, std::string_view(text).substr(start, end - start), width, indent);
        start = end + 1;
    }
    return lines;
}

} // namespace

namespace {

// The tally's counts: "1 covered", "0 partly", "1 missed" and "2 not checked" if any.
std::vector<std::string> tally_items(const session::Engine& engine) {
    std::size_t counts[3] = {0, 0, 0};
    std::size_t unchecked = 0;
    for (std::size_t i = 0; i < engine.plan().key_points.size(); ++i) {
        if (const auto& coverage = engine.point(i))
            ++counts[static_cast<std::size_t>(*coverage)];
        else
            ++unchecked;
    }
    std::vector<std::string> items{fmt::format("{} covered", counts[0]),
                                   fmt::format("{} partly", counts[1]),
                                   fmt::format("{} missed", counts[2])};
    if (unchecked) items.push_back(fmt::format("{} not checked", unchecked));
    return items;
}

constexpr std::string_view tally_head = "Key points: ";
constexpr std::string_view tally_separator = " \u00b7 ";

} // namespace

std::string key_point_tally(const session::Engine& engine) {
    std::string tally(tally_head);
    const auto items = tally_items(engine);
    for (std::size_t i = 0; i < items.size(); ++i)
        tally += (i ? std::string(tally_separator) : "") + items[i];
    return tally;
}

namespace {

// The tally on as many lines as the width needs, never breaking a count from its word.
Lines tally_lines(const session::Engine& engine, std::size_t width) {
    Lines lines{std::string(tally_head)};
    bool first = true;
    for (const std::string& item : tally_items(engine)) {
        const std::string next = first ? item : std::string(tally_separator) + item;
        if (!first && display_width(lines.back()) + display_width(next) > width)
            lines.push_back(std::string(tally_head.size(), ' ') + item);
        else
            lines.back() += next;
        first = false;
    }
    for (std::string& line : lines) line = truncate_to(line, width);
    return lines;
}

} // namespace

// The key-point check gives up, first to last: blank lines, "Did you cover it?", the key
// point's third line onward, the line of choices. Never: the count, the key point's first two
// lines, its mark so far, a message and the keys.
Lines key_point_screen(const session::Engine& engine, std::size_t index, const View& view) {
    const Style style(view.colour);
    const std::size_t width = width_of(view);
    const auto& points = engine.plan().key_points;
    Layout layout;
    if (points.empty()) return layout.render();
    index = std::min(index, points.size() - 1);
    std::size_t left = 0;
    for (std::size_t i = 0; i < points.size(); ++i) left += engine.point(i) ? 0 : 1;
    layout.add(style.dim(fit(fmt::format("Key point {} of {} \u00b7 {} left to check", index + 1,
                                         points.size(), left),
                             view)),
               always);
    layout.blank(Rank(0, 2));
    layout.add(fit("Did you cover it?", view), 10);
    const TextParts point = add_text(layout, points[index], width, "  ", "  ", 2, 20);
    if (const auto& coverage = engine.point(index)) {
        layout.blank(Rank(0, 1));
        layout.add(fit(fmt::format("marked {}", transcript::coverage_name(*coverage)), view),
                   always);
    }
    layout.blank(Rank(0, 0));
    layout.add(fit("y covered   p partly   n missed", view), 30);
    layout.fill_here();
    if (!view.message.empty()) layout.add(fit(view.message, view), always);
    layout.add(key_help(view,
                        "y/p/n mark \u00b7 Backspace previous \u00b7 Enter next \u00b7 q to the "
                        "scores",
                        "y/p/n \u00b7 Bksp back \u00b7 q scores"),
               always);
    layout.fit(rows_of(view));
    mark_cut(layout, point, width);
    for (const Layout::Id id : point.ids)
        layout.lines(id).front() = style.bold(layout.lines(id).front());
    return layout.render();
}

// The scores give up, first to last: blank lines, each level's second line onward (its first
// line then ends in "…"), the key-point tally, each level's first line. Never: the count, the
// criterion's name, a message and the keys.
Lines scoring_screen(const session::Engine& engine, const View& view) {
    const Style style(view.colour);
    const std::size_t width = width_of(view);
    const session::CriterionPlan* criterion = engine.next_unscored();
    const auto& criteria = engine.plan().criteria;
    const std::size_t done = engine.scores().size() + engine.skipped().size();
    Layout layout;
    layout.add(style.dim(fit(fmt::format("Score yourself \u00b7 {} of {}",
                                         std::min(done + 1, criteria.size()), criteria.size()),
                             view)),
               always);
    if (!engine.plan().key_points.empty()) {
        const Lines tally = tally_lines(engine, width);
        for (std::size_t i = 0; i < tally.size(); ++i)
            layout.add(tally[i], Rank(30, -static_cast<int>(i)));
    }
    layout.blank(Rank(0, 2));
    std::vector<TextParts> levels;
    if (criterion) {
        layout.add(style.bold(fit(criterion->name, view)), always);
        layout.blank(Rank(0, 1));
        for (const auto& [level, meaning] : criterion->levels)
            levels.push_back(
                add_text(layout, meaning, width, fmt::format("  {}  ", level), "     ", 0, 10));
        for (const TextParts& text : levels) layout.set_rank(text.ids.front(), 40);
    }
    layout.blank(Rank(0, 0));
    layout.fill_here();
    if (!view.message.empty()) layout.add(fit(view.message, view), always);
    layout.add(key_help(view, "1-5 score \u00b7 s skip this one \u00b7 q stop scoring",
                        "1-5 score \u00b7 s skip \u00b7 q stop"),
               always);
    layout.fit(rows_of(view));
    for (const TextParts& text : levels) mark_cut(layout, text, width);
    return layout.render();
}

// The reflection gives up, first to last: blank lines, the lines written before the last one
// (the oldest first; the first one kept then starts with "…"), the question's second line
// onward, the last line written. Never: the title, the question's first line, the line being
// typed and the keys.
Lines reflection_screen(const session::Engine& engine, const View& view) {
    const Style style(view.colour);
    const std::size_t width = width_of(view);
    Layout layout;
    layout.add(style.bold(fit("Reflection", view)), always);
    const TextParts question = add_text(
        layout, "What went well? What would you do differently next time?", width, "", "", 1, 30);
    layout.blank(Rank(0, 1));
    const Lines written = text_lines(engine.reflection(), width, "  ");
    std::vector<Layout::Id> ids;
    for (std::size_t i = 0; i < written.size(); ++i)
        ids.push_back(
            layout.add(written[i], i + 1 == written.size() ? Rank(40) : Rank(20, int(i))));
    layout.add(truncate_to("> " + view.draft.value_or(""), width - 1) + "\u2588", always); // cursor
    layout.blank(Rank(0, 0));
    layout.fill_here();
    layout.add(key_help(view, "Enter add the line \u00b7 Enter on an empty line to finish",
                        "Enter line \u00b7 empty Enter done"),
               always);
    layout.fit(rows_of(view));
    mark_cut(layout, question, width);
    mark_older_cut(layout, ids, style.dim("\u2026"));
    return layout.render();
}

} // namespace mockcoach::live
