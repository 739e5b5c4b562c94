// `mockcoach show`: one transcript rendered as text, Markdown or JSON.
#include "cli/context.hpp"
#include "cli/format_option.hpp"
#include "cli/history_setup.hpp"
#include "cli/session_file.hpp"

#include "transcript/render.hpp"
#include "util/errors.hpp"

#include <fmt/format.h>

namespace mockcoach::cli {
namespace {

struct Options {
    HistoryOptions history;
    std::string which;
    OutputFormat format = OutputFormat::text;
};

int show(Context& context, const Options& options) {
    int status = exit_code::ok;
    const auto found = find_session_file(context, options.history, options.which,
                                         progress_for(options.format), status, "showing");
    if (!found) return status;
    const SessionFile file = read_session_file(*found);
    const transcript::Transcript& record = file.record;
    // A skip is saved as an id alone; its name and place come from the rubric, if it is still
    // there. Loaded quietly: showing a transcript is no place to report broken rubric files.
    const transcript::CriterionNames criteria =
        record.skipped.empty()
            ? transcript::CriterionNames{}
            : criterion_names(rubric::build_catalog(context.layers()), record.rubric);
    switch (options.format) {
    case OutputFormat::json:
        fmt::print(context.out, "{}", transcript::render_json(record));
        break;
    case OutputFormat::markdown:
        fmt::print(context.out, "{}", transcript::render_markdown(record, criteria));
        break;
    default:
        fmt::print(context.out, "{}",
                   transcript::render_text(record, context.out_style(),
                                           table_width(context).value_or(80), criteria));
    }
    return status;
}

} // namespace

void add_show_command(CLI::App& app, Context& context, Commands& commands) {
    auto options = std::make_shared<Options>();
    CLI::App* cmd = app.add_subcommand("show", "One session's transcript, rendered");
    cmd->add_option(
           "SESSION", options->which,
           "A session id or part of one (the newest match), `latest`, or a transcript file")
        ->required()
        ->type_name("ID|latest|FILE");
    add_format_option(*cmd, options->format,
                      {OutputFormat::text, OutputFormat::markdown, OutputFormat::json},
                      "text (default), markdown or json", false);
    add_history_options(*cmd, options->history);
    cmd->footer("Examples:\n  mockcoach show latest\n"
                "  mockcoach show url-shortener --format markdown > for-my-partner.md\n"
                "  mockcoach show ~/Downloads/20261124-235805-system-design-url-shortener.toml");
    commands.add(cmd, [&context, options] { return show(context, *options); });
}

} // namespace mockcoach::cli
