// `mockcoach export`: every session (or those --category, --since and --until pick), oldest first,
// as CSV (one row a session, phases and per-criterion scores as columns) or JSON (an array of
// transcripts, with their own keys).
#include "cli/context.hpp"
#include "cli/format_option.hpp"
#include "cli/history_setup.hpp"
#include "cli/out_file.hpp"

#include "transcript/render.hpp"
#include "util/csv.hpp"
#include "util/json.hpp"

#include <fmt/format.h>

namespace mockcoach::cli {
namespace {

struct Options {
    HistoryOptions history;
    SelectionOptions selection;
    OutputFormat format = OutputFormat::csv;
    OutFile out;
};

std::string json_of(const std::vector<transcript::Transcript>& transcripts) {
    JsonWriter out;
    out.begin_array();
    for (const auto& t : transcripts) transcript::write_json(out, t);
    out.end_array();
    return out.str();
}

std::string optional_text(const std::optional<bool>& flag) {
    return flag ? (*flag ? "true" : "false") : "";
}

// Score columns are RUBRIC/CRITERION: the same criterion id means different things in
// different rubrics. In order of first appearance.
std::vector<std::pair<std::string, std::string>>
score_columns(const std::vector<transcript::Transcript>& transcripts) {
    std::vector<std::pair<std::string, std::string>> columns;
    for (const auto& t : transcripts)
        for (const auto& score : t.scores) {
            const std::pair key{t.rubric, score.criterion};
            if (std::find(columns.begin(), columns.end(), key) == columns.end())
                columns.push_back(key);
        }
    return columns;
}

std::string csv_of(const std::vector<transcript::Transcript>& transcripts) {
    static const std::vector<std::string> phase_fields = {
        "name",         "budget_seconds", "extended_seconds",
        "used_seconds", "paused_seconds", "overtime_seconds"};
    std::size_t phase_count = 0;
    for (const auto& t : transcripts) phase_count = std::max(phase_count, t.phases.size());
    const auto scores = score_columns(transcripts);

    std::vector<std::string> header = {"id",
                                       "started_at",
                                       "ended_at",
                                       "status",
                                       "mode",
                                       "rubric",
                                       "rubric_name",
                                       "question_id",
                                       "question",
                                       "seed",
                                       "used_seconds",
                                       "budget_seconds",
                                       "mean_score",
                                       "category_guess",
                                       "category_guess_correct",
                                       "skipped",
                                       "reflection",
                                       "key_points",
                                       "key_points_covered",
                                       "key_points_partly",
                                       "key_points_missed",
                                       "followups",
                                       "prompts_ticked"};
    for (std::size_t i = 1; i <= phase_count; ++i)
        for (const auto& field : phase_fields)
            header.push_back(fmt::format("phase_{}_{}", i, field));
    for (const auto& [rubric, criterion] : scores) header.push_back(rubric + "/" + criterion);

    std::string out = csv_row(header);
    for (const auto& t : transcripts) {
        std::string skipped;
        for (const auto& id : t.skipped) skipped += (skipped.empty() ? "" : ";") + id;
        std::vector<std::string> row = {t.id,
                                        transcript::iso_date_time(t.started_at),
                                        transcript::iso_date_time(t.ended_at),
                                        std::string(transcript::status_name(t.status)),
                                        t.mode,
                                        t.rubric,
                                        t.rubric_name,
                                        t.question_id,
                                        t.question,
                                        std::to_string(t.seed),
                                        std::to_string(t.used_seconds()),
                                        std::to_string(t.budget_seconds()),
                                        t.mean_score ? fmt::format("{}", *t.mean_score) : "",
                                        t.category_guess.value_or(""),
                                        optional_text(t.category_guess_correct),
                                        skipped,
                                        t.reflection};
        const transcript::CoverageCounts counts = transcript::count_coverage(t.key_points);
        std::size_t followups = 0, ticked = 0;
        for (const auto& phase : t.phases) {
            followups += phase.followups.size();
            ticked += phase.checks.size();
        }
        // Counts, empty when the session had none to count (no key points on the question).
        const auto count = [](std::size_t n, bool any) { return any ? std::to_string(n) : ""; };
        const bool points = !t.key_points.empty();
        row.insert(row.end(), {count(t.key_points.size(), points), count(counts.covered, points),
                               count(counts.partly, points), count(counts.missed, points),
                               std::to_string(followups), std::to_string(ticked)});
        for (std::size_t i = 0; i < phase_count; ++i) {
            if (i >= t.phases.size()) {
                row.insert(row.end(), phase_fields.size(), "");
                continue;
            }
            const auto& p = t.phases[i];
            row.insert(row.end(),
                       {p.name, std::to_string(p.budget_seconds),
                        std::to_string(p.extended_seconds), std::to_string(p.used_seconds),
                        std::to_string(p.paused_seconds), std::to_string(p.overtime_seconds)});
        }
        for (const auto& [rubric, criterion] : scores) {
            std::string cell;
            if (rubric == t.rubric)
                for (const auto& score : t.scores)
                    if (score.criterion == criterion) cell = std::to_string(score.value);
            row.push_back(cell);
        }
        out += csv_row(row);
    }
    return out;
}

int export_sessions(Context& context, const Options& options) {
    refuse_existing(options.out);
    const history::Filter filter = selection_filter(options.selection, now_local());
    history::LoadedTranscripts loaded = load_all_transcripts(context, options.history);
    // The filter reads summaries, as in history and stats, so the same options pick the same
    // sessions everywhere.
    std::vector<history::Session> sessions;
    for (const auto& t : loaded.transcripts) sessions.push_back(history::summarise(t, ""));
    check_categories(context, options.selection.categories, sessions);
    if (loaded.transcripts.empty())
        print_no_sessions(context.err, context.sessions_folder(options.history.sessions_dir));
    std::vector<transcript::Transcript> chosen;
    for (std::size_t i = 0; i < sessions.size(); ++i)
        if (history::matches(sessions[i], filter))
            chosen.push_back(std::move(loaded.transcripts[i]));
    if (!loaded.transcripts.empty() && chosen.empty())
        fmt::print(context.err, "mockcoach: no sessions match\n");
    const std::string text =
        options.format == OutputFormat::json ? json_of(chosen) : csv_of(chosen);
    const int status = history_status(options.history, loaded.skipped);
    if (!options.out.path) {
        fmt::print(context.out, "{}", text);
        return status;
    }
    write_out_file(options.out, text);
    fmt::print(context.out, "exported {} session{} to {}\n", chosen.size(),
               chosen.size() == 1 ? "" : "s", *options.out.path);
    return status;
}

} // namespace

void add_export_command(CLI::App& app, Context& context, Commands& commands) {
    auto options = std::make_shared<Options>();
    CLI::App* cmd = app.add_subcommand("export", "Every session as CSV or JSON, oldest first");
    add_format_option(*cmd, options->format, {OutputFormat::csv, OutputFormat::json},
                      "csv (default: one row a session, a column a phase field and a criterion) "
                      "or json (an array of transcripts)",
                      false);
    add_out_options(*cmd, options->out, "Write to FILE, not standard output");
    add_selection_options(*cmd, options->selection);
    add_history_options(*cmd, options->history);
    cmd->footer("Examples:\n  mockcoach export > sessions.csv\n"
                "  mockcoach export --format json --out sessions.json\n"
                "  mockcoach export --since 30d --category system-design");
    commands.add(cmd, [&context, options] { return export_sessions(context, *options); });
}

} // namespace mockcoach::cli
