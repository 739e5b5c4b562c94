// The CLI11 app and the one error boundary: nothing below here prints errors or exits.
#include "cli/cli.hpp"
#include "cli/command.hpp"
#include "cli/context.hpp"
#include "cli/parse_error.hpp"

#include "util/errors.hpp"

#include <fmt/format.h>

namespace mockcoach::cli {

int run(int argc, char** argv) {
    Context context;
    Commands commands;
    CLI::App app{"mockcoach: timed mock interviews for ML-engineer candidates.\n"
                 "Draws a question weighted by how often its category comes up, runs the\n"
                 "interview as timed phases with the category's framework on screen, and\n"
                 "saves a self-scored transcript.",
                 "mockcoach"};
    app.set_version_flag("--version", "mockcoach " MOCKCOACH_VERSION);
    app.add_option("--rubrics", context.rubric_paths,
                   "Also load rubrics and question files from this folder or file (repeatable; "
                   "later ones win)")
        ->type_name("PATH");
    app.fallthrough();
    app.require_subcommand(0, 1);
    app.footer("Examples:\n  mockcoach start                     a mock interview, question drawn "
               "by weight\n  mockcoach start --category dsa      only DSA questions\n"
               "  mockcoach star                      rehearse a STAR answer, keep it as a "
               "story\n"
               "  mockcoach loop                      a whole onsite day, rounds and breaks\n"
               "  mockcoach draw --count 5            five questions to think about\n"
               "  mockcoach rubrics list              the frameworks and their share\n"
               "  mockcoach history                   past sessions, newest first\n"
               "  mockcoach stats                     weak spots, overruns, coverage\n"
               "  mockcoach due                       questions due for review\n\n"
               "Run `mockcoach COMMAND --help` for a command's options.");

    add_start_command(app, context, commands);
    add_star_command(app, context, commands);
    add_loop_command(app, context, commands);
    add_stories_command(app, context, commands);
    add_draw_command(app, context, commands);
    add_rubrics_command(app, context, commands);
    add_recover_command(app, context, commands);
    add_history_command(app, context, commands);
    add_show_command(app, context, commands);
    add_score_command(app, context, commands);
    add_stats_command(app, context, commands);
    add_due_command(app, context, commands);
    add_export_command(app, context, commands);
    add_report_command(app, context, commands);
    add_profiles_command(app, context, commands);
    add_packet_command(app, context, commands);
    add_config_command(app, context, commands);
    add_completion_command(app, context, commands);
    add_manpage_command(app, context, commands);
    // Set after the subcommands, so that only the top level offers it.
    app.set_help_all_flag("--help-all", "Print help for every subcommand");

    try {
        app.parse(argc, argv);
        // The command runs once the whole line is known good: a refused line runs nothing.
        if (const CommandBody* body = commands.body(Commands::chosen(app))) return (*body)();
        fmt::print(context.out, "{}", app.help());
        return exit_code::ok;
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        // CLI11 uses exit codes 100-127; a usage error is 2 here, as for every POSIX tool.
        fmt::print(context.err, "mockcoach: error: {}\nRun with --help for usage.\n",
                   parse_error_message(e, app));
        return exit_code::usage;
    } catch (const UsageError& e) {
        // Also what a range check on an option throws from inside the parse (number_option).
        fmt::print(context.err, "mockcoach: error: {}\n", e.what());
        return exit_code::usage;
    } catch (const InvalidInput& e) {
        for (const Diagnostic& d : e.diagnostics)
            fmt::print(context.err, "{}\n", format_diagnostic(d));
        return exit_code::usage;
    } catch (const IoError& e) {
        // "error:" for a failure too: a line that starts "mockcoach: error:" is why the command
        // failed, whatever its exit status; "mockcoach: " alone is a note (a warning, a file
        // kept) on a command that may still succeed.
        fmt::print(context.err, "mockcoach: error: {}\n", e.what());
        return exit_code::failure;
    } catch (const std::exception& e) {
        fmt::print(context.err, "mockcoach: error: {}\n", e.what());
        return exit_code::failure;
    }
}

} // namespace mockcoach::cli
