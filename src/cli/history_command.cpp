// `mockcoach history`: past sessions, newest first, as a table, JSON or CSV.
#include "cli/context.hpp"
#include "cli/enum_option.hpp"
#include "cli/format_option.hpp"
#include "cli/history_setup.hpp"
#include "cli/number_option.hpp"

#include "loop/loop.hpp"
#include "util/csv.hpp"
#include "util/errors.hpp"
#include "util/json.hpp"
#include "util/text.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace mockcoach::cli {
namespace {

struct Options {
    HistoryOptions history;
    SelectionOptions selection;
    std::vector<transcript::Status> statuses;
    std::optional<std::size_t> limit;
    OutputFormat format = OutputFormat::text;
    bool by_loop = false;
};

std::string time_used(const history::Session& s) {
    return format_clock(s.used_seconds()) + "/" + format_clock(s.budget_seconds());
}

std::vector<std::string> session_row(const history::Session& s) {
    return {history::format_started(s.started_at),
            s.rubric,
            time_used(s),
            format_score(s.mean_score()),
            std::string(transcript::status_name(s.status)),
            s.question};
}

void print_json(Context& context, std::span<const history::Session> sessions) {
    JsonWriter out;
    out.begin_array();
    for (const history::Session& s : sessions) {
        out.begin_object()
            .field("id", s.id)
            .field("file", s.file)
            .field("started_at", transcript::toml_date_time(s.started_at))
            .field("status", std::string(transcript::status_name(s.status)))
            .field("mode", s.mode)
            .field("rubric", s.rubric)
            .field("rubric_name", s.rubric_name)
            .field("question_id", s.question_id)
            .field("question", s.question)
            .field("used_seconds", s.used_seconds())
            .field("budget_seconds", s.budget_seconds())
            .field("mean_score", s.mean_score())
            .field("category_guess", s.category_guess)
            .field("category_guess_correct", s.category_guess_correct);
        // Always present, null outside a loop, as every key of the JSON output is.
        const auto place = [&](int transcript::LoopPlace::*member) {
            return s.loop ? std::optional<std::int64_t>((*s.loop).*member) : std::nullopt;
        };
        out.field("loop", s.loop ? std::optional<std::string>(s.loop->id) : std::nullopt)
            .field("round", place(&transcript::LoopPlace::round))
            .field("rounds", place(&transcript::LoopPlace::rounds))
            .field("round_question", place(&transcript::LoopPlace::question))
            .field("round_questions", place(&transcript::LoopPlace::questions));
        out.end_object();
    }
    out.end_array();
    fmt::print(context.out, "{}", out.str());
}

void print_csv(Context& context, std::span<const history::Session> sessions) {
    // The question's text comes last, so that a script reading the columns by position before
    // it was added reads the same ones.
    std::string out = csv_row({"started_at", "id", "status", "mode", "rubric", "question_id",
                               "used_seconds", "budget_seconds", "mean_score", "question"});
    for (const history::Session& s : sessions) {
        const auto mean = s.mean_score();
        out += csv_row({transcript::toml_date_time(s.started_at), s.id,
                        std::string(transcript::status_name(s.status)), s.mode, s.rubric,
                        s.question_id, std::to_string(s.used_seconds()),
                        std::to_string(s.budget_seconds()), mean ? fmt::format("{}", *mean) : "",
                        s.question});
    }
    fmt::print(context.out, "{}", out);
}

void print_table(Context& context, std::span<const history::Session> sessions,
                 std::size_t matching) {
    Table table({"DATE", "CATEGORY", "TIME", "MEAN", "STATUS", "QUESTION"},
                {Align::left, Align::left, Align::right, Align::right, Align::left, Align::left});
    for (const history::Session& s : sessions) table.add(session_row(s));
    std::string out = table.render(table_width(context));
    if (sessions.size() < matching)
        out +=
            fmt::format("{} of {} sessions (the newest; see --limit)\n", sessions.size(), matching);
    else
        out += fmt::format("{} session{}\n", matching, matching == 1 ? "" : "s");
    fmt::print(context.out, "{}", out);
}

// --loop: each day a header line (its start under the DATE column, id, profile and overall
// mean, as `show LOOP_ID` computes it), its sessions beneath in round order; sessions outside loops
// are left out and counted at the end. One table for all, so the columns line up from day to day.
void print_by_loop(Context& context, std::span<const history::Session> sessions,
                   const std::filesystem::path& folder) {
    std::vector<std::string> ids; // newest day first, as the sessions come
    std::size_t outside = 0;
    for (const history::Session& s : sessions) {
        if (!s.loop) {
            ++outside;
            continue;
        }
        if (std::find(ids.begin(), ids.end(), s.loop->id) == ids.end()) ids.push_back(s.loop->id);
    }
    const loop::LoadedStates states = loop::load_states(folder);
    Table table({"  ROUND", "DATE", "CATEGORY", "TIME", "MEAN", "STATUS", "QUESTION"},
                {Align::left, Align::left, Align::left, Align::right, Align::right, Align::left,
                 Align::left});
    std::vector<std::pair<std::size_t, std::string>> headers; // before row N, this line
    std::size_t rows = 0;
    for (const std::string& id : ids) {
        std::optional<loop::LoopState> state;
        for (const loop::LoopState& candidate : states.states)
            if (candidate.id == id) state = candidate;
        const loop::Summary summary = loop::summarise(state, id, sessions);
        std::vector<const history::Session*> mine;
        for (const history::Session& s : sessions)
            if (s.loop && s.loop->id == id) mine.push_back(&s);
        std::stable_sort(mine.begin(), mine.end(), [](const auto* a, const auto* b) {
            return std::pair(a->loop->round, a->loop->question) <
                   std::pair(b->loop->round, b->loop->question);
        });
        std::string header =
            fmt::format("{}  loop {}", history::format_started(summary.started_at), id);
        if (!summary.profile_name.empty()) header += " \u00b7 " + summary.profile_name;
        header += fmt::format(" \u00b7 mean {}", format_score(summary.mean));
        if (!summary.finished) header += " \u00b7 not finished";
        headers.emplace_back(rows, std::move(header));
        for (const history::Session* s : mine) {
            std::vector<std::string> row = session_row(*s);
            std::string round = fmt::format("  {}/{}", s->loop->round, s->loop->rounds);
            if (s->loop->questions > 1)
                round += fmt::format(" q{}/{}", s->loop->question, s->loop->questions);
            row.insert(row.begin(), std::move(round));
            table.add(std::move(row));
            ++rows;
        }
    }
    const std::string rendered = table.render(table_width(context));
    // A day's line starts with its date under the DATE column, as its rounds' dates do.
    const std::string_view top = std::string_view(rendered).substr(0, rendered.find('\n'));
    const std::string indent(display_width(top.substr(0, top.find("DATE"))), ' ');
    std::string out;
    std::size_t row = 0, next_header = 0, start = 0;
    for (bool first = true; start < rendered.size(); first = false) {
        const std::size_t end = std::min(rendered.find('\n', start), rendered.size());
        if (!first) {
            for (; next_header < headers.size() && headers[next_header].first == row; ++next_header)
                out += indent + context.out_style().bold(headers[next_header].second) + "\n";
            ++row;
        }
        out += rendered.substr(start, end - start) + "\n";
        start = end + 1;
    }
    out += fmt::format("{} loop{}", ids.size(), ids.size() == 1 ? "" : "s");
    if (outside > 0)
        out += fmt::format("; {} session{} outside loops not shown (`mockcoach history` lists "
                           "them)",
                           outside, outside == 1 ? "" : "s");
    fmt::print(context.out, "{}\n", out);
}

int history_report(Context& context, const Options& options) {
    const history::Now now = now_local();
    history::Filter filter = selection_filter(options.selection, now);
    filter.statuses = options.statuses;

    history::Loaded loaded = load_history(context, options.history, progress_for(options.format));
    check_categories(context, options.selection.categories, loaded.sessions);
    const int status = history_status(options.history, loaded.skipped);
    const bool machine = options.format != OutputFormat::text;
    if (options.by_loop && machine)
        throw UsageError("--loop groups the table; --format json gives each session's loop, "
                         "round and question of the round instead");
    if (loaded.sessions.empty()) {
        // JSON and CSV stay valid documents on stdout; the message goes beside them.
        print_no_sessions(machine ? context.err : context.out,
                          context.sessions_folder(options.history.sessions_dir));
        if (!machine) return status;
    }
    history::keep_matching(filter, loaded.sessions);
    const std::size_t matching = loaded.sessions.size();
    const std::size_t shown = std::min(matching, options.limit.value_or(matching));
    const std::span<const history::Session> sessions(loaded.sessions.data(), shown);
    if (options.format == OutputFormat::json)
        print_json(context, sessions);
    else if (options.format == OutputFormat::csv)
        print_csv(context, sessions);
    else if (matching == 0)
        fmt::print(context.out, "No sessions match.\n");
    else if (options.by_loop)
        print_by_loop(context, sessions, context.sessions_folder(options.history.sessions_dir));
    else
        print_table(context, sessions, matching);
    return status;
}

} // namespace

void add_history_command(CLI::App& app, Context& context, Commands& commands) {
    auto options = std::make_shared<Options>();
    CLI::App* cmd = app.add_subcommand("history", "Past sessions, newest first");
    add_selection_options(*cmd, options->selection);
    cmd->add_option("--status", options->statuses,
                    "Only sessions with this status: completed, ended-early or interrupted "
                    "(repeatable)")
        ->type_name("S")
        // The enum's own transformer, so a misspelt status gets "did you mean" like any value.
        ->transform(
            enum_transformer(transcript::status_names,
                             {transcript::Status::completed, transcript::Status::ended_early,
                              transcript::Status::interrupted},
                             "status", "history"));
    check_whole(cmd->add_option("-n,--limit", options->limit, "Only the newest N")->type_name("N"),
                1, 100000000);
    add_format_option(*cmd, options->format,
                      {OutputFormat::text, OutputFormat::json, OutputFormat::csv},
                      "text (default: a table), json (an array, one object a session) or csv "
                      "(with a header row)",
                      true);
    cmd->add_flag("--loop", options->by_loop,
                  "Group by onsite loop: a line per day (date, profile, overall mean), its "
                  "rounds beneath; sessions outside loops are left out");
    add_history_options(*cmd, options->history);
    cmd->footer("Examples:\n  mockcoach history\n  mockcoach history --since 4w --category dsa\n"
                "  mockcoach history --loop\n"
                "  mockcoach history --status interrupted --status ended-early\n"
                "  mockcoach history --format json --limit 10");
    commands.add(cmd, [&context, options] { return history_report(context, *options); });
}

} // namespace mockcoach::cli
