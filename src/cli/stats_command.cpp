// `mockcoach stats`: what to practise next: weak categories and criteria, overrun phases,
// categories practised less than the bank holds them, blind guesses.
#include "cli/context.hpp"
#include "cli/due_setup.hpp"
#include "cli/format_option.hpp"
#include "cli/history_setup.hpp"
#include "cli/stats_calibration.hpp"

#include "util/json.hpp"
#include "util/text.hpp"

#include <cmath>
#include <fmt/format.h>

namespace mockcoach::cli {
namespace {

struct Options {
    HistoryOptions history;
    SelectionOptions selection;
    OutputFormat format = OutputFormat::text;
};

// Text tables show this many rows of the long lists; --format json has them all.
constexpr std::size_t weakest_shown = 5;
constexpr std::size_t phases_shown = 8;
constexpr std::size_t misses_shown_per_category = 3;
// The review load `stats` counts ahead: a week, as `due` lists by default.
constexpr std::int64_t due_window_days = 7;

// How many questions are due for review: now, and in the week after today.
struct DueCounts {
    std::size_t now = 0;
    std::size_t soon = 0;
};

// From every session, whatever --since and --until say: a question's memory needs all of its
// reviews. --category still narrows it.
DueCounts due_counts(Context& context, std::span<const history::Session> sessions,
                     const std::vector<std::string>& categories) {
    const auto states = memory_states(context, sessions, categories);
    const auto due = history::due_questions(states, now_local(), due_window_days);
    return {due.now.size(), due.soon.size()};
}

// Wrapped to the terminal, as the other sentences of `stats` are.
std::string due_line(const DueCounts& due, std::optional<std::size_t> width) {
    const std::string text =
        fmt::format("Due for review: {} question{} now, {} more in the "
                    "next {} days (`mockcoach due` lists them)",
                    due.now, due.now == 1 ? "" : "s", due.soon, due_window_days);
    std::string out;
    for (const auto& line : wrap(text, width.value_or(100))) out += line + "\n";
    return out;
}

std::string_view kind_name(history::Miss::Kind kind) {
    return kind == history::Miss::Kind::key_point ? "key point" : "prompt";
}

std::string missed_text(const history::Miss& m) {
    std::string text = fmt::format("{} of {}", m.missed, m.asked);
    if (m.partly > 0) text += fmt::format(" +{} partly", m.partly);
    return text;
}

std::string trend_text(const std::optional<history::Trend>& trend) {
    if (!trend) return "-";
    const std::string change = format_score_change(trend->change());
    if (change == "0.0") return "0.0 \u2192";
    return change + (trend->change() > 0 ? " \u2191" : " \u2193");
}

std::string clock_of(double seconds) {
    return format_clock(std::llround(seconds));
}

std::string print_text(const history::Stats& stats, const Style& style,
                       std::optional<std::size_t> width) {
    std::string out = fmt::format("{}\n", style.bold("Categories"));
    Table categories({"CATEGORY", "SESSIONS", "MEAN", "LAST SCORES", "TREND"},
                     {Align::left, Align::right, Align::right, Align::left, Align::right});
    for (const auto& c : stats.categories)
        categories.add({c.rubric, std::to_string(c.sessions), format_score(c.mean_score),
                        sparkline(c.last_scores, 1, 5), trend_text(c.trend)});
    out += categories.render(width);

    out += fmt::format("\n{}\n", style.bold("Weakest criteria"));
    if (stats.criteria.empty())
        out += "No scores yet.\n";
    else {
        Table criteria({"CATEGORY", "CRITERION", "MEAN", "SESSIONS"},
                       {Align::left, Align::left, Align::right, Align::right});
        for (std::size_t i = 0; i < stats.criteria.size() && i < weakest_shown; ++i) {
            const auto& c = stats.criteria[i];
            criteria.add(
                {c.rubric, c.name, format_score(c.mean_score), std::to_string(c.sessions)});
        }
        out += criteria.render(width);
    }

    out +=
        fmt::format("\n{}\n", style.bold("Time discipline (finished phases, most overrun first)"));
    if (stats.phases.empty())
        out += "No finished phases yet.\n";
    else {
        Table phases(
            {"CATEGORY", "PHASE", "MEAN USED", "BUDGET", "USED", "OVERRAN"},
            {Align::left, Align::left, Align::right, Align::right, Align::right, Align::left});
        for (std::size_t i = 0; i < stats.phases.size() && i < phases_shown; ++i) {
            const auto& p = stats.phases[i];
            phases.add({p.rubric, p.name, clock_of(p.mean_used_seconds),
                        clock_of(p.mean_budget_seconds), format_percent(p.used_share()),
                        fmt::format("{} of {}", p.overran, p.sessions)});
        }
        out += phases.render(width);
        if (stats.phases.size() > phases_shown)
            out += fmt::format("… and {} more phases (--format json has them all)\n",
                               stats.phases.size() - phases_shown);
    }

    out += fmt::format("\n{}\n", style.bold("Coverage (your practice against the question bank)"));
    Table coverage({"CATEGORY", "SESSIONS", "PRACTICE", "BANK", ""},
                   {Align::left, Align::right, Align::right, Align::right, Align::left});
    std::vector<std::string> never;
    for (const auto& c : stats.coverage) {
        coverage.add({c.rubric, std::to_string(c.sessions), format_percent(c.practice_share),
                      format_percent(c.bank_share),
                      c.most_under_practised ? "\u25c0 most under-practised" : ""});
        if (c.sessions == 0) never.push_back(c.rubric);
    }
    out += coverage.render(width);
    if (!never.empty()) {
        std::string list;
        for (const auto& id : never) list += (list.empty() ? "" : ", ") + id;
        for (const auto& line : wrap("Not practised yet: " + list, width.value_or(100)))
            out += line + "\n";
    }

    if (!stats.misses.empty()) {
        out += fmt::format("\n{}\n", style.bold("Most missed (key points checked, prompts "
                                                "left unticked)"));
        Table misses({"CATEGORY", "KIND", "MISSED", "WHAT"},
                     {Align::left, Align::left, Align::left, Align::left});
        std::size_t shown = 0, in_category = 0;
        std::string_view category;
        for (const auto& m : stats.misses) {
            if (m.rubric != category) in_category = 0;
            category = m.rubric;
            if (in_category++ >= misses_shown_per_category) continue;
            misses.add({m.rubric, std::string(kind_name(m.kind)), missed_text(m), m.text});
            ++shown;
        }
        out += misses.render(width);
        if (stats.misses.size() > shown)
            out += fmt::format("… and {} more (--format json has them all)\n",
                               stats.misses.size() - shown);
    }

    if (!stats.blind.empty()) {
        out += fmt::format("\n{}\n", style.bold("Blind sessions (category named right)"));
        Table blind({"CATEGORY", "BLIND", "NAMED RIGHT"},
                    {Align::left, Align::right, Align::right});
        for (const auto& b : stats.blind)
            blind.add({b.rubric, std::to_string(b.sessions),
                       fmt::format("{} ({})", b.named_right,
                                   format_percent(static_cast<double>(b.named_right) /
                                                  static_cast<double>(b.sessions)))});
        out += blind.render(width);
    }
    return out;
}

std::string print_json(const history::Stats& stats, const DueCounts& due,
                       const history::Calibration& calibration) {
    JsonWriter out;
    out.begin_object().field("sessions", static_cast<std::uint64_t>(stats.sessions));
    out.key("categories").begin_array();
    for (const auto& c : stats.categories) {
        out.begin_object()
            .field("rubric", c.rubric)
            .field("rubric_name", c.rubric_name)
            .field("sessions", static_cast<std::uint64_t>(c.sessions))
            .field("scored_sessions", static_cast<std::uint64_t>(c.scored))
            .field("mean_score", c.mean_score);
        out.key("last_scores").begin_array();
        for (double score : c.last_scores) out.value(score);
        out.end_array().key("trend");
        if (!c.trend)
            out.null();
        else
            out.begin_object()
                .field("window", static_cast<std::uint64_t>(c.trend->window))
                .field("recent_mean", c.trend->recent_mean)
                .field("previous_mean", c.trend->previous_mean)
                .field("change", c.trend->change())
                .end_object();
        out.end_object();
    }
    out.end_array().key("criteria").begin_array();
    for (const auto& c : stats.criteria)
        out.begin_object()
            .field("rubric", c.rubric)
            .field("criterion", c.criterion)
            .field("name", c.name)
            .field("mean_score", c.mean_score)
            .field("sessions", static_cast<std::uint64_t>(c.sessions))
            .end_object();
    out.end_array().key("phases").begin_array();
    for (const auto& p : stats.phases)
        out.begin_object()
            .field("rubric", p.rubric)
            .field("name", p.name)
            .field("sessions", static_cast<std::uint64_t>(p.sessions))
            .field("mean_used_seconds", p.mean_used_seconds)
            .field("mean_budget_seconds", p.mean_budget_seconds)
            .field("used_share", p.used_share())
            .field("overran", static_cast<std::uint64_t>(p.overran))
            .end_object();
    out.end_array().key("coverage").begin_array();
    for (const auto& c : stats.coverage)
        out.begin_object()
            .field("rubric", c.rubric)
            .field("rubric_name", c.rubric_name)
            .field("sessions", static_cast<std::uint64_t>(c.sessions))
            .field("practice_share", c.practice_share)
            .field("bank_share", c.bank_share)
            .field("most_under_practised", c.most_under_practised)
            .end_object();
    out.end_array().key("blind").begin_array();
    for (const auto& b : stats.blind)
        out.begin_object()
            .field("rubric", b.rubric)
            .field("rubric_name", b.rubric_name)
            .field("sessions", static_cast<std::uint64_t>(b.sessions))
            .field("named_right", static_cast<std::uint64_t>(b.named_right))
            .end_object();
    out.end_array().key("misses").begin_array();
    for (const auto& m : stats.misses)
        out.begin_object()
            .field("rubric", m.rubric)
            .field("rubric_name", m.rubric_name)
            .field("kind", std::string(kind_name(m.kind)))
            .field("text", m.text)
            .field("asked", static_cast<std::uint64_t>(m.asked))
            .field("missed", static_cast<std::uint64_t>(m.missed))
            .field("partly", static_cast<std::uint64_t>(m.partly))
            .field("missed_share", m.missed_share())
            .end_object();
    out.end_array();
    write_calibration_json(out, calibration);
    // Last, so that scripts reading the keys before it by position read the same ones.
    out.key("due")
        .begin_object()
        .field("now", static_cast<std::uint64_t>(due.now))
        .field("next_days", due_window_days)
        .field("soon", static_cast<std::uint64_t>(due.soon))
        .end_object();
    out.end_object();
    return out.str();
}

int stats_report(Context& context, const Options& options) {
    const history::Now now = now_local();
    const history::Filter filter = selection_filter(options.selection, now);
    history::Loaded loaded = load_history(context, options.history, progress_for(options.format));
    check_categories(context, options.selection.categories, loaded.sessions);
    const int status = history_status(options.history, loaded.skipped);
    const bool json = options.format == OutputFormat::json;
    if (loaded.sessions.empty()) {
        print_no_sessions(json ? context.err : context.out,
                          context.sessions_folder(options.history.sessions_dir));
        if (!json) return status;
    }
    const DueCounts due = due_counts(context, loaded.sessions, options.selection.categories);
    history::keep_matching(filter, loaded.sessions);
    const history::Stats stats =
        history::compute_stats(loaded.sessions, bank_shares(context, options.selection.categories));
    const history::Calibration calibration = history::compute_calibration(loaded.sessions);
    if (json)
        fmt::print(context.out, "{}", print_json(stats, due, calibration));
    else if (stats.sessions == 0)
        fmt::print(context.out, "No sessions match.\n");
    else
        fmt::print(context.out, "{}{}\n{}",
                   print_text(stats, context.out_style(), table_width(context)),
                   calibration_text(calibration, context.out_style(), table_width(context)),
                   due_line(due, table_width(context)));
    return status;
}

} // namespace

void add_stats_command(CLI::App& app, Context& context, Commands& commands) {
    auto options = std::make_shared<Options>();
    CLI::App* cmd =
        app.add_subcommand("stats", "What to practise next: weak spots, overruns, coverage");
    add_selection_options(*cmd, options->selection);
    add_format_option(*cmd, options->format, {OutputFormat::text, OutputFormat::json},
                      "text (default: tables of the first rows) or json (one object with every "
                      "list in full)",
                      true);
    add_history_options(*cmd, options->history);
    cmd->footer("Examples:\n  mockcoach stats\n  mockcoach stats --since 4w\n"
                "  mockcoach stats --category system-design --category ml-system-design "
                "--format json");
    commands.add(cmd, [&context, options] { return stats_report(context, *options); });
}

} // namespace mockcoach::cli
