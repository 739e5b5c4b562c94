// `mockcoach config`: each effective setting and where it came from (default, the settings
// file, the environment, an option), so a surprise has an explanation.
#include "cli/context.hpp"
#include "cli/format_option.hpp"
#include "cli/history_setup.hpp"
#include "cli/session_setup.hpp"

#include "util/errors.hpp"
#include "util/json.hpp"
#include "util/text.hpp"

#include <fmt/format.h>

namespace mockcoach::cli {
namespace {

struct Options {
    OutputFormat format = OutputFormat::text;
    std::optional<std::string> sessions_dir;
};

std::string from(const settings::Line& line) {
    const auto source = settings::source_name(line.source);
    return line.detail.empty() ? std::string(source) : fmt::format("{} ({})", source, line.detail);
}

void print_settings(Context& context, const Options& options) {
    const settings::Settings& current = context.settings();
    const auto lines =
        settings::describe(current, options.sessions_dir, settings::process_environment);
    if (options.format == OutputFormat::json) {
        JsonWriter json;
        json.begin_object();
        json.field("file", current.file.string());
        json.field("file_exists", current.exists);
        json.key("settings").begin_array();
        for (const settings::Line& line : lines) {
            json.begin_object();
            json.field("name", line.name);
            json.field("value", line.value);
            json.field("source", std::string(settings::source_name(line.source)));
            json.field("detail", line.detail);
            json.end_object();
        }
        json.end_array().end_object();
        fmt::print(context.out, "{}", json.str());
        return;
    }
    fmt::print(context.out, "settings file: {}{}\n\n", current.file.string(),
               current.exists ? "" : " (none yet: every setting is a default)");
    Table table({"setting", "value", "from"});
    for (const settings::Line& line : lines) table.add({line.name, line.value, from(line)});
    fmt::print(context.out, "{}", table.render(table_width(context)));
}

int config(Context& context, const Options& options) {
    print_settings(context, options);
    // What the file says is shown first, then what start and draw would refuse in it: a
    // category no rubric has (exit 2, as there).
    (void)context.select_default({});
    return exit_code::ok;
}

} // namespace

void add_config_command(CLI::App& app, Context& context, Commands& commands) {
    auto options = std::make_shared<Options>();
    CLI::App* cmd = app.add_subcommand(
        "config", "Show each setting in force and where it came from (config.toml, environment)");
    add_format_option(*cmd, options->format, {OutputFormat::text, OutputFormat::json},
                      "text (default: a table) or json (one object, for scripts)", true);
    add_sessions_dir_option(*cmd, options->sessions_dir);
    cmd->footer("Settings live in $XDG_CONFIG_HOME/mockcoach/config.toml (default "
                "~/.config/mockcoach/config.toml);\nthe README lists every key. Options win over "
                "the environment, the environment over\nthe file, the file over the defaults.");
    commands.add(cmd, [&context, options] { return config(context, *options); });
}

} // namespace mockcoach::cli
