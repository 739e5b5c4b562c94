// Plain-text rendering of a transcript.
#include "transcript/render.hpp"
#include "transcript/render_reviews.hpp"

#include "util/text.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace mockcoach::transcript {

std::string bar(std::int64_t used, std::int64_t budget, std::size_t width) {
    const double fraction =
        budget > 0 ? std::clamp(static_cast<double>(used) / static_cast<double>(budget), 0.0, 1.0)
                   : 1.0;
    const auto filled = static_cast<std::size_t>(fraction * static_cast<double>(width) + 0.5);
    std::string out;
    for (std::size_t i = 0; i < width; ++i) out += i < filled ? "\u2588" : "\u2591";
    return out;
}

namespace {

// Each line of a multi-line text wrapped to `width` on its own: wrap() alone would run the
// lines together with their newlines inside.
std::vector<std::string> wrap_lines(std::string_view text, std::size_t width) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        for (auto& line : wrap(text.substr(start, end - start), width))
            lines.push_back(std::move(line));
        start = end + 1;
    }
    return lines;
}

} // namespace

std::vector<ScoreRow> score_rows(const Transcript& t, const CriterionNames& criteria) {
    std::vector<ScoreRow> rows;
    std::vector<bool> score_shown(t.scores.size(), false);
    std::vector<bool> skip_shown(t.skipped.size(), false);
    for (const CriterionName& criterion : criteria) {
        for (std::size_t i = 0; i < t.scores.size(); ++i)
            if (!score_shown[i] && t.scores[i].criterion == criterion.id) {
                rows.push_back({t.scores[i].name, t.scores[i].value, t.scores[i].criterion});
                score_shown[i] = true;
            }
        for (std::size_t i = 0; i < t.skipped.size(); ++i)
            if (!skip_shown[i] && t.skipped[i] == criterion.id) {
                rows.push_back({criterion.name, std::nullopt, criterion.id});
                skip_shown[i] = true;
            }
    }
    for (std::size_t i = 0; i < t.scores.size(); ++i)
        if (!score_shown[i])
            rows.push_back({t.scores[i].name, t.scores[i].value, t.scores[i].criterion});
    for (std::size_t i = 0; i < t.skipped.size(); ++i)
        if (!skip_shown[i]) rows.push_back({t.skipped[i], std::nullopt, t.skipped[i]});
    return rows;
}

std::string render_text(const Transcript& t, const Style& style, std::size_t width,
                        const CriterionNames& criteria) {
    width = std::clamp<std::size_t>(width, 40, 120);
    std::string out;
    out += fmt::format("{}  {}\n", style.bold(truncate_to(t.rubric_name, width / 2)),
                       status_name(t.status));
    out += style.dim(truncate_to(fmt::format("{}/{}", t.rubric, t.question_id), width)) + "\n";
    out += style.dim(format_date_time(t.started_at, DateTimeForm::minutes)) + "\n"; // as history
    if (t.loop)
        out +=
            style.dim(truncate_to(
                fmt::format("round {} of {}{} of loop {}", t.loop->round, t.loop->rounds,
                            t.loop->questions > 1 ? fmt::format(" (question {} of {})",
                                                                t.loop->question, t.loop->questions)
                                                  : "",
                            t.loop->id),
                width)) +
            "\n";
    for (const auto& line : wrap(t.question, width - 2)) out += fmt::format("  {}\n", line);
    if (t.category_guess) {
        // The guess is cut so that the line with ": wrong" still fits the width.
        out += fmt::format(
            "Named the category as {}: {}\n", truncate_to(*t.category_guess, width - 29),
            t.category_guess_correct.value_or(false) ? style.green("right") : style.red("wrong"));
    }

    std::size_t name_width = 5;
    for (const Phase& phase : t.phases)
        name_width = std::max(name_width, display_width(phase.name));
    name_width = std::min<std::size_t>(name_width, width / 3);
    const std::size_t bar_width = width >= 70 ? 20 : 10;
    out += '\n';
    for (const Phase& phase : t.phases) {
        const std::int64_t budget = phase.budget_seconds + phase.extended_seconds;
        std::string line =
            fmt::format("{}  {} / {}  {}", pad_to(truncate_to(phase.name, name_width), name_width),
                        format_clock(phase.used_seconds), format_clock(phase.budget_seconds),
                        bar(phase.used_seconds, budget, bar_width));
        // Overtime, extension and pauses follow the bar, or go on a line of their own when
        // they would make the line wider than `width` (widths measured before styling).
        std::string extras;
        std::size_t extras_width = 0;
        const auto add = [&](const std::string& text, std::string styled) {
            extras += " " + styled;
            extras_width += 1 + display_width(text);
        };
        if (phase.overtime_seconds > 0) {
            const std::string over = format_overtime(phase.overtime_seconds) + " over";
            add(over, style.red(over));
        }
        if (phase.extended_seconds > 0) {
            const std::string extended = fmt::format("(+{} min)", phase.extended_seconds / 60);
            add(extended, style.dim(extended));
        }
        if (phase.paused_seconds > 0) {
            const std::string paused = fmt::format("paused {}", format_clock(phase.paused_seconds));
            add(paused, style.dim(paused));
        }
        if (display_width(line) + extras_width > width) line += "\n  ";
        out += line + extras + '\n';
        for (const Note& note : phase.notes) {
            const auto lines = wrap(note.text, width - 10);
            for (std::size_t i = 0; i < lines.size(); ++i)
                out += fmt::format("  {}  {}\n", i == 0 ? format_clock(note.at_seconds) : "     ",
                                   lines[i]);
        }
        if (!phase.text.empty()) {
            for (const auto& line_text : wrap_lines(phase.text, width - 4))
                out += fmt::format("    {}\n", style.dim(line_text));
        }
        for (const Followup& probe : phase.followups) {
            const auto lines = wrap("Interviewer: " + probe.text, width - 9);
            for (std::size_t i = 0; i < lines.size(); ++i)
                out += fmt::format("  {}  {}\n", i == 0 ? format_clock(probe.at_seconds) : "     ",
                                   style.dim(lines[i]));
        }
        // A phase never reached has nothing to tick: its prompts are not listed.
        if (!phase.prompts.empty() && (phase.used_seconds > 0 || !phase.checks.empty())) {
            out +=
                fmt::format("  prompts ticked {}/{}\n", phase.checks.size(), phase.prompts.size());
            for (std::size_t i = 0; i < phase.prompts.size(); ++i) {
                const std::string mark = phase.ticked(i) ? style.green("✓") : style.dim("□");
                const auto lines = wrap(phase.prompts[i], width - 6);
                for (std::size_t j = 0; j < lines.size(); ++j)
                    out += fmt::format("  {} {}\n", j == 0 ? mark : " ", lines[j]);
            }
        }
    }
    out += fmt::format("{:<{}}  {} / {}\n", "Total", name_width, format_clock(t.used_seconds()),
                       format_clock(t.budget_seconds()));

    if (!t.key_points.empty()) {
        const CoverageCounts counts = count_coverage(t.key_points);
        // Counts by the marks the list below uses (✓ covered, ~ partly, ✗ missed), zeros left out.
        std::string tally;
        for (const auto& [count, mark] :
             {std::pair{counts.covered, "✓"}, std::pair{counts.partly, "~"},
              std::pair{counts.missed, "✗"}})
            if (count > 0) tally += fmt::format("  {} {}", count, mark);
        out += fmt::format("\n{}{}\n", style.bold("Key points"),
                           tally.empty() ? "  not checked" : tally);
        for (const KeyPoint& point : t.key_points) {
            std::string mark = style.dim("·");
            if (point.result == Coverage::covered) mark = style.green("✓");
            if (point.result == Coverage::partly) mark = style.yellow("~");
            if (point.result == Coverage::missed) mark = style.red("✗");
            const auto lines = wrap(point.text, width - 4);
            for (std::size_t i = 0; i < lines.size(); ++i)
                out += fmt::format("  {} {}\n", i == 0 ? mark : " ", lines[i]);
        }
    }
    if (!t.reviews.empty()) {
        out += reviews_text(t, style, width, criteria);
    } else if (!t.scores.empty() || !t.skipped.empty()) {
        out += fmt::format("\n{}\n", style.bold("Scores"));
        const std::vector<ScoreRow> rows = score_rows(t, criteria);
        std::size_t score_width = 4;
        for (const ScoreRow& row : rows)
            score_width = std::max(score_width, display_width(row.name));
        score_width = std::min(score_width, width - 11); // room for "  NAME  skipped"
        for (const ScoreRow& row : rows)
            out +=
                fmt::format("  {}  {}\n", pad_to(truncate_to(row.name, score_width), score_width),
                            row.value ? std::to_string(*row.value) : style.dim("skipped"));
        out += fmt::format("  {:<{}}  {}\n", "Mean", score_width, format_score(t.mean_score));
    }
    if (!t.reflection.empty()) {
        out += fmt::format("\n{}\n", style.bold("Reflection"));
        for (const auto& line : wrap_lines(t.reflection, width - 2))
            out += fmt::format("  {}\n", line);
    }
    if (t.scratch) out += render_scratch_text(*t.scratch, style, width);
    return out;
}

} // namespace mockcoach::transcript
