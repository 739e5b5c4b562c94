// `mockcoach report`: the history as one self-contained HTML page of charts, written to a new
// file (never over one, unless --force) and its path printed.
#include "cli/context.hpp"
#include "cli/due_setup.hpp"
#include "cli/history_setup.hpp"
#include "cli/out_file.hpp"

#include "report/report.hpp"
#include "util/atomic_file.hpp"
#include "util/errors.hpp"
#include "util/files.hpp"
#include "util/wall_time.hpp"

#include <fmt/format.h>

namespace mockcoach::cli {
namespace {

struct Options {
    HistoryOptions history;
    SelectionOptions selection;
    OutFile out;
};

// Reports are kept beside the default sessions folder ($XDG_DATA_HOME/mockcoach/sessions),
// whatever --sessions-dir says: that folder holds transcripts only, and may be a synced or
// shared one where a generated page does not belong.
std::filesystem::path reports_folder() {
    return data_home() / "reports";
}

std::filesystem::path save(const Options& options, const std::string& generated_on,
                           const std::string& html) {
    if (options.out.path) {
        write_out_file(options.out, html);
        return *options.out.path;
    }
    const std::filesystem::path folder = reports_folder();
    prepare_folder(folder);
    // A second report on the same day gets -2, -3, ...: an earlier one is never replaced.
    return write_new_file(folder, report::default_stem(generated_on), ".html", html);
}

std::vector<std::string> typed_filters(const SelectionOptions& options) {
    std::vector<std::string> filters;
    if (options.since) filters.push_back("--since " + *options.since);
    if (options.until) filters.push_back("--until " + *options.until);
    for (const auto& id : options.categories) filters.push_back("--category " + id);
    return filters;
}

int write_report(Context& context, const Options& options) {
    refuse_existing(options.out);
    const history::Now now = now_local();
    const history::Filter filter = selection_filter(options.selection, now);
    history::Loaded loaded = load_history(context, options.history);
    check_categories(context, options.selection.categories, loaded.sessions);
    const auto folder = context.sessions_folder(options.history.sessions_dir);
    if (loaded.sessions.empty()) print_no_sessions(context.err, folder);

    report::Heading heading;
    heading.generated_on = format_date(now.today);
    heading.sessions_folder = folder.string();
    heading.filters = typed_filters(options.selection);
    heading.sessions_in_folder = loaded.sessions.size();
    // Before the filters: a question's memory needs every review of it; --category narrows.
    report::DueLoad due{history::day_of(now.today), {}};
    const auto states = memory_states(context, loaded.sessions, options.selection.categories);
    due.per_day = history::due_load(states, now, report::due_load_days);
    history::keep_matching(filter, loaded.sessions);
    const report::ReportData data =
        report::build_report(std::move(heading), loaded.sessions,
                             bank_shares(context, options.selection.categories), std::move(due));
    const std::filesystem::path path =
        save(options, data.heading.generated_on, report::render_html(data));
    fmt::print(context.out, "{}\n", path.string());
    return history_status(options.history, loaded.skipped);
}

} // namespace

void add_report_command(CLI::App& app, Context& context, Commands& commands) {
    auto options = std::make_shared<Options>();
    CLI::App* cmd = app.add_subcommand(
        "report", "Your practice as one HTML page of charts (works offline, prints well)");
    add_selection_options(*cmd, options->selection);
    add_out_options(*cmd, options->out,
                    "Write the page to FILE (default: a new file in "
                    "$XDG_DATA_HOME/mockcoach/reports/)");
    add_history_options(*cmd, options->history);
    cmd->footer("Examples:\n  mockcoach report\n  mockcoach report --since 4w --out week.html\n"
                "  mockcoach report --category system-design --category ml-system-design");
    commands.add(cmd, [&context, options] { return write_report(context, *options); });
}

} // namespace mockcoach::cli
