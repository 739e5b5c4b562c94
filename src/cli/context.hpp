// What every subcommand shares: output streams, the global options, the rubric catalog.
#pragma once

#include "bank/bank.hpp"
#include "cli/command.hpp"
#include "profile/profile.hpp"
#include "rubric/rubric.hpp"
#include "settings/settings.hpp"
#include "transcript/render.hpp"
#include "util/style.hpp"

#include <CLI/CLI.hpp>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

namespace mockcoach::cli {

struct Context {
    std::FILE* out = stdout;
    std::FILE* err = stderr;
    std::vector<std::string> rubric_paths; // --rubrics, in rising priority

    // Colour for a stream: never with NO_COLOR or colour = "never", always with "always",
    // else only on a terminal.
    Colour colour(std::FILE* stream);
    Style out_style() { return Style(colour(out)); }

    // config.toml, read once; an error in it is an InvalidInput (exit 2), as for a rubric.
    const settings::Settings& settings();
    // The sessions folder: --sessions-dir, $MOCKCOACH_SESSIONS, the settings file, the default.
    std::filesystem::path sessions_folder(const std::optional<std::string>& option);

    // The layered catalog (built-in, user folder, --rubrics), loaded once. Files with errors
    // are reported on stderr and left out; the rest load.
    const rubric::Catalog& catalog();
    // The layers it is built from; `extra` adds a top layer (for `rubrics validate PATH`).
    std::vector<rubric::Layer> layers(const std::vector<std::string>& extra = {}) const;

    // Draw profiles: the shipped ones, then $XDG_CONFIG_HOME/mockcoach/profiles, loaded once.
    // Files with problems are reported on stderr and left out, as rubric files are.
    const profile::ProfileSet& profiles();
    // The profile named by --profile: a UsageError with the nearest name when there is none, an
    // InvalidInput when it names a category the catalog does not have.
    const profile::Profile& profile(std::string_view id);

    // Rubrics named by --category (all when none), each id checked with a suggestion.
    std::vector<const rubric::Rubric*> select(const std::vector<std::string>& categories);
    // --category, else the settings' categories (an unknown id there is reported at its place
    // in the file), else all.
    std::vector<const rubric::Rubric*> select_default(const std::vector<std::string>& option);

  private:
    std::optional<rubric::Catalog> catalog_;
    std::optional<profile::ProfileSet> profiles_;
    std::optional<settings::Settings> settings_;
};

// The criteria of rubric `rubric_id`, in its order, so that a transcript's skips are shown by
// name and in their place; empty when `catalog` no longer has that rubric.
transcript::CriterionNames criterion_names(const rubric::Catalog& catalog,
                                           std::string_view rubric_id);

// Reads a folder's *.toml (or one file) into a layer; a missing path is a usage error.
rubric::Layer read_layer(const std::string& origin, const std::string& path, bool must_exist);

// "unknown rubric "x"; did you mean "y"?" as a UsageError.
[[noreturn]] void unknown_id(std::string_view what, std::string_view id,
                             const std::vector<std::string>& known);
// The same for a rubric id (`what`: "category" or "rubric"), but a far miss lists the ids, as
// there are only a few dozen and the user may not know any: "unknown category "nope"; use
// behavioral, coding, … or system-design".
[[noreturn]] void unknown_rubric(std::string_view what, std::string_view id,
                                 const std::vector<std::string>& known);

// A question named "rubric/question" or, when unique, just "question".
bank::Drawn find_question(const rubric::Catalog& catalog, std::string_view reference);

void add_rubrics_command(CLI::App& app, Context& context, Commands& commands);
void add_draw_command(CLI::App& app, Context& context, Commands& commands);
void add_start_command(CLI::App& app, Context& context, Commands& commands);
void add_recover_command(CLI::App& app, Context& context, Commands& commands);
void add_star_command(CLI::App& app, Context& context, Commands& commands);
void add_stories_command(CLI::App& app, Context& context, Commands& commands);
void add_history_command(CLI::App& app, Context& context, Commands& commands);
void add_show_command(CLI::App& app, Context& context, Commands& commands);
void add_score_command(CLI::App& app, Context& context, Commands& commands);
void add_loop_command(CLI::App& app, Context& context, Commands& commands);
void add_stats_command(CLI::App& app, Context& context, Commands& commands);
void add_due_command(CLI::App& app, Context& context, Commands& commands);
void add_export_command(CLI::App& app, Context& context, Commands& commands);
void add_report_command(CLI::App& app, Context& context, Commands& commands);
void add_profiles_command(CLI::App& app, Context& context, Commands& commands);
void add_packet_command(CLI::App& app, Context& context, Commands& commands);
void add_config_command(CLI::App& app, Context& context, Commands& commands);
void add_completion_command(CLI::App& app, Context& context,
                            Commands& commands); // also the hidden __complete
void add_manpage_command(CLI::App& app, Context& context,
                         Commands& commands); // hidden: prints mockcoach(1)

} // namespace mockcoach::cli
