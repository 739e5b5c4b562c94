// What every subcommand shares: output streams, the global options, the rubric catalog.
#pragma once

#include "bank/bank.hpp"
#include "rubric/rubric.hpp"
#include "term/style.hpp"

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
    int exit_code = 0;

    term::Style out_style() const { return term::Style(term::colour_for(out)); }

    // The layered catalog (built-in, user folder, --rubrics), loaded once. Files with errors
    // are reported on stderr and left out; the rest load.
    const rubric::Catalog& catalog();
    // The layers it is built from; `extra` adds a top layer (for `rubrics validate PATH`).
    std::vector<rubric::Layer> layers(const std::vector<std::string>& extra = {}) const;

    // Rubrics named by --category (all when none), each id checked with a suggestion.
    std::vector<const rubric::Rubric*> select(const std::vector<std::string>& categories);

  private:
    std::optional<rubric::Catalog> catalog_;
};

// Reads a folder's *.toml (or one file) into a layer; a missing path is a usage error.
rubric::Layer read_layer(const std::string& origin, const std::string& path, bool must_exist);

// "unknown rubric "x"; did you mean "y"?" as a UsageError.
[[noreturn]] void unknown_id(std::string_view what, std::string_view id,
                             const std::vector<std::string>& known);

// A question named "rubric/question" or, when unique, just "question".
bank::Drawn find_question(const rubric::Catalog& catalog, std::string_view reference);

void add_rubrics_command(CLI::App& app, Context& context);
void add_draw_command(CLI::App& app, Context& context);
void add_start_command(CLI::App& app, Context& context);
void add_recover_command(CLI::App& app, Context& context);
void add_star_command(CLI::App& app, Context& context);
void add_stories_command(CLI::App& app, Context& context);
void add_history_command(CLI::App& app, Context& context);
void add_show_command(CLI::App& app, Context& context);
void add_stats_command(CLI::App& app, Context& context);
void add_export_command(CLI::App& app, Context& context);

} // namespace mockcoach::cli
