// `mockcoach history`: past sessions, newest first, as a table, JSON or CSV.
#include "cli/context.hpp"
#include "cli/history_setup.hpp"
#include "cli/number_options.hpp"

#include "util/csv.hpp"
#include "util/errors.hpp"
#include "util/json.hpp"
#include "util/text.hpp"

#include <fmt/format.h>

namespace mockcoach::cli {
namespace {

struct Options {
    HistoryOptions history;
    SelectionOptions selection;
    std::vector<std::string> statuses;
    std::optional<std::size_t> limit;
    bool json = false;
    bool csv = false;
};

std::string time_used(const history::Session& s) {
    return format_clock(s.used_seconds()) + "/" + format_clock(s.budget_seconds());
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
            .field("category_guess_correct", s.category_guess_correct)
            .end_object();
    }
    out.end_array();
    fmt::print(context.out, "{}", out.str());
}

void print_csv(Context& context, std::span<const history::Session> sessions) {
    std::string out = csv_row({"started_at", "id", "status", "mode", "rubric", "question_id",
                               "used_seconds", "budget_seconds", "mean_score"});
    for (const history::Session& s : sessions) {
        const auto mean = s.mean_score();
        out += csv_row({transcript::toml_date_time(s.started_at), s.id,
                        std::string(transcript::status_name(s.status)), s.mode, s.rubric,
                        s.question_id, std::to_string(s.used_seconds()),
                        std::to_string(s.budget_seconds()), mean ? fmt::format("{}", *mean) : ""});
    }
    fmt::print(context.out, "{}", out);
}

void print_table(Context& context, std::span<const history::Session> sessions,
                 std::size_t matching) {
    Table table({"DATE", "CATEGORY", "TIME", "MEAN", "STATUS", "QUESTION"},
                {Align::left, Align::left, Align::right, Align::right, Align::left, Align::left});
    for (const history::Session& s : sessions)
        table.add({history::format_started(s.started_at), s.rubric, time_used(s),
                   format_score(s.mean_score()), std::string(transcript::status_name(s.status)),
                   s.question});
    std::string out = table.render(table_width(context));
    if (sessions.size() < matching)
        out +=
            fmt::format("{} of {} sessions (the newest; see --limit)\n", sessions.size(), matching);
    else
        out += fmt::format("{} session{}\n", matching, matching == 1 ? "" : "s");
    fmt::print(context.out, "{}", out);
}

void history_report(Context& context, const Options& options) {
    const history::Now now = now_local();
    history::Filter filter = selection_filter(options.selection, now);
    for (const std::string& name : options.statuses)
        filter.statuses.push_back(*transcript::parse_status(name));

    history::Loaded loaded = load_history(context, options.history);
    check_categories(context, options.selection.categories, loaded.sessions);
    const bool machine = options.json || options.csv;
    if (loaded.sessions.empty()) {
        // JSON and CSV stay valid documents on stdout; the message goes beside them.
        print_no_sessions(machine ? context.err : context.out,
                          context.sessions_folder(options.history.sessions_dir));
        if (!machine) return;
    }
    history::keep_matching(filter, loaded.sessions);
    const std::size_t matching = loaded.sessions.size();
    const std::size_t shown = std::min(matching, options.limit.value_or(matching));
    const std::span<const history::Session> sessions(loaded.sessions.data(), shown);
    if (options.json) return print_json(context, sessions);
    if (options.csv) return print_csv(context, sessions);
    if (matching == 0) {
        fmt::print(context.out, "No sessions match.\n");
        return;
    }
    print_table(context, sessions, matching);
}

} // namespace

void add_history_command(CLI::App& app, Context& context) {
    auto options = std::make_shared<Options>();
    CLI::App* cmd = app.add_subcommand("history", "Past sessions, newest first");
    add_selection_options(*cmd, options->selection);
    cmd->add_option("--status", options->statuses,
                    "Only sessions with this status: completed, ended-early or interrupted "
                    "(repeatable)")
        ->type_name("S")
        ->check(CLI::IsMember({"completed", "ended-early", "interrupted"}));
    cmd->add_option("-n,--limit", options->limit, "Only the newest N")
        ->type_name("N")
        ->transform(whole_number(1, 100000000));
    auto* json = cmd->add_flag("--json", options->json, "A JSON array, one object a session");
    auto* csv = cmd->add_flag("--csv", options->csv, "CSV with a header row");
    json->excludes(csv);
    add_history_options(*cmd, options->history);
    cmd->footer("Examples:\n  mockcoach history\n  mockcoach history --since 4w --category dsa\n"
                "  mockcoach history --status interrupted --status ended-early\n"
                "  mockcoach history --json --limit 10");
    cmd->callback([&context, options] { history_report(context, *options); });
}

} // namespace mockcoach::cli
