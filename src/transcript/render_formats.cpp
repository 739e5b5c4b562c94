// Markdown and JSON renderings of a transcript (the text one is in render.cpp).
#include "transcript/render.hpp"
#include "transcript/render_reviews.hpp"

#include "util/text.hpp"

#include <fmt/format.h>

namespace mockcoach::transcript {

namespace {

// Backslash-escapes what Markdown would read as markup inside a line of user text: emphasis,
// code, links, HTML, table cells, and a heading when the text opens a line.
std::string escape(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c == '\n' || c == '\r') {
            out += ' ';
            continue;
        }
        if (std::string_view("\\`*_[]<|~").find(c) != std::string_view::npos ||
            (c == '#' && out.empty()))
            out += '\\';
        out += c;
    }
    return out;
}

// Each non-empty line of a multi-line text, escaped, with `prefix` and a blank line between.
std::string paragraphs(std::string_view text, std::string_view prefix) {
    std::string out;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view line = text.substr(start, end - start);
        if (!line.empty()) {
            if (!out.empty()) { // a blank line between, inside a quote when there is one
                std::string_view blank = prefix;
                while (!blank.empty() && blank.back() == ' ') blank.remove_suffix(1);
                out += fmt::format("{}\n", blank);
            }
            out += fmt::format("{}{}\n", prefix, escape(line));
        }
        start = end + 1;
    }
    return out;
}

std::string phase_remarks(const Phase& phase) {
    std::string remarks;
    const auto add = [&](const std::string& text) {
        remarks += (remarks.empty() ? "" : ", ") + text;
    };
    if (phase.overtime_seconds > 0) add("**" + format_overtime(phase.overtime_seconds) + " over**");
    if (phase.extended_seconds > 0) add(fmt::format("+{} min", phase.extended_seconds / 60));
    if (phase.paused_seconds > 0) add("paused " + format_clock(phase.paused_seconds));
    return remarks;
}

} // namespace

std::string iso_date_time(const WallTime& when) {
    return toml_date_time(when);
}

std::string render_markdown(const Transcript& t, const CriterionNames& criteria) {
    std::string out = fmt::format("## {}: {}\n\n", escape(t.rubric_name), escape(t.question_id));
    out += fmt::format("> {}\n\n", escape(t.question));
    out += fmt::format("{} · {} · {} of {} · mean score {}\n",
                       format_date_time(t.started_at, DateTimeForm::minutes), status_name(t.status),
                       format_clock(t.used_seconds()), format_clock(t.budget_seconds()),
                       format_score(t.mean_score));
    if (t.loop)
        out += fmt::format("\nRound {} of {}{} of loop {}\n", t.loop->round, t.loop->rounds,
                           t.loop->questions > 1 ? fmt::format(" (question {} of {})",
                                                               t.loop->question, t.loop->questions)
                                                 : "",
                           escape(t.loop->id));
    if (t.story) out += fmt::format("\nStory: {}\n", escape(*t.story));
    if (t.category_guess)
        out += fmt::format("\nCategory named blind as {}: {}\n", escape(*t.category_guess),
                           t.category_guess_correct.value_or(false) ? "right" : "wrong");

    out += "\n| Phase | Used | Budget | Time |\n| --- | ---: | ---: | --- |\n";
    for (const Phase& phase : t.phases) {
        const std::string remarks = phase_remarks(phase);
        out +=
            fmt::format("| {} | {} | {} | `{}`{}{} |\n", escape(phase.name),
                        format_clock(phase.used_seconds), format_clock(phase.budget_seconds),
                        bar(phase.used_seconds, phase.budget_seconds + phase.extended_seconds, 10),
                        remarks.empty() ? "" : " ", remarks);
    }
    out += fmt::format("| **Total** | **{}** | **{}** | |\n", format_clock(t.used_seconds()),
                       format_clock(t.budget_seconds()));

    bool notes_heading = false;
    for (const Phase& phase : t.phases) {
        if (phase.notes.empty() && phase.text.empty() && phase.followups.empty() &&
            phase.prompts.empty())
            continue;
        if (!notes_heading) out += "\n### Notes\n";
        notes_heading = true;
        out += fmt::format("\n**{}**\n\n", escape(phase.name));
        if (!phase.text.empty()) out += paragraphs(phase.text, "> ") + "\n";
        for (const Followup& probe : phase.followups)
            out += fmt::format("- `{}` *Interviewer:* {}\n", format_clock(probe.at_seconds),
                               escape(probe.text));
        for (const Note& note : phase.notes)
            out += fmt::format("- `{}` {}\n", format_clock(note.at_seconds), escape(note.text));
        for (std::size_t i = 0; i < phase.prompts.size(); ++i) {
            out +=
                fmt::format("- [{}] {}\n", phase.ticked(i) ? "x" : " ", escape(phase.prompts[i]));
        }
    }
    if (!t.key_points.empty()) {
        out += "\n### Key points\n\n| Key point | Covered |\n| --- | --- |\n";
        for (const KeyPoint& point : t.key_points)
            out += fmt::format("| {} | {} |\n", escape(point.text),
                               point.result ? coverage_name(*point.result) : "not checked");
    }

    if (!t.reviews.empty()) {
        out += reviews_markdown(t, criteria);
    } else if (!t.scores.empty() || !t.skipped.empty()) {
        out += "\n### Scores\n\n| Criterion | Score |\n| --- | ---: |\n";
        for (const ScoreRow& row : score_rows(t, criteria))
            out += fmt::format("| {} | {} |\n", escape(row.name),
                               row.value ? std::to_string(*row.value) : "skipped");
        out += fmt::format("| **Mean** | **{}** |\n", format_score(t.mean_score));
    }
    if (!t.reflection.empty()) {
        out += "\n### Reflection\n\n" + paragraphs(t.reflection, "");
    }
    if (t.scratch) out += render_scratch_markdown(*t.scratch);
    return out;
}

void write_json(JsonWriter& out, const Transcript& t) {
    out.begin_object()
        .field("format", format_of(t))
        .field("id", t.id)
        .field("status", std::string(status_name(t.status)))
        .field("mode", t.mode)
        .field("started_at", iso_date_time(t.started_at))
        .field("ended_at", iso_date_time(t.ended_at))
        .field("rubric", t.rubric)
        .field("rubric_name", t.rubric_name)
        .field("question_id", t.question_id)
        .field("question", t.question)
        .field("story", t.story)
        .field("seed", t.seed)
        .field("speed", t.speed)
        .field("clock", t.clock)
        .field("mean_score", t.mean_score)
        .field("reflection", t.reflection)
        .field("category_guess", t.category_guess)
        .field("category_guess_correct", t.category_guess_correct)
        .field("skipped", t.skipped);
    if (t.loop)
        out.field("loop", t.loop->id)
            .field("round", static_cast<std::int64_t>(t.loop->round))
            .field("rounds", static_cast<std::int64_t>(t.loop->rounds))
            .field("round_question", static_cast<std::int64_t>(t.loop->question))
            .field("round_questions", static_cast<std::int64_t>(t.loop->questions));
    out.key("phase").begin_array();
    for (const Phase& phase : t.phases) {
        out.begin_object()
            .field("name", phase.name)
            .field("budget_seconds", phase.budget_seconds)
            .field("extended_seconds", phase.extended_seconds)
            .field("used_seconds", phase.used_seconds)
            .field("paused_seconds", phase.paused_seconds)
            .field("overtime_seconds", phase.overtime_seconds)
            .field("text", phase.text);
        out.key("note").begin_array();
        for (const Note& note : phase.notes)
            out.begin_object()
                .field("at_seconds", note.at_seconds)
                .field("text", note.text)
                .end_object();
        out.end_array();
        out.key("followup").begin_array();
        for (const Followup& probe : phase.followups)
            out.begin_object()
                .field("at_seconds", probe.at_seconds)
                .field("text", probe.text)
                .end_object();
        out.end_array();
        out.field("prompts", phase.prompts);
        out.key("check").begin_array();
        for (const PromptCheck& check : phase.checks)
            out.begin_object()
                .field("prompt", static_cast<std::int64_t>(check.prompt))
                .field("at_seconds", check.at_seconds)
                .end_object();
        out.end_array().end_object();
    }
    out.end_array();
    out.key("key_point").begin_array();
    for (const KeyPoint& point : t.key_points) {
        out.begin_object().field("text", point.text);
        if (point.result)
            out.field("result", std::string(coverage_name(*point.result)));
        else
            out.field("result", std::optional<std::string>{});
        out.end_object();
    }
    out.end_array();
    out.key("score").begin_array();
    for (const Score& score : t.scores)
        out.begin_object()
            .field("criterion", score.criterion)
            .field("name", score.name)
            .field("value", score.value)
            .end_object();
    out.end_array();
    write_reviews_json(out, t);
    write_scratch_json(out, t.scratch);
    out.end_object();
}

std::string render_json(const Transcript& t) {
    JsonWriter out;
    write_json(out, t);
    return out.str();
}

} // namespace mockcoach::transcript
