// The one `--format` of every command that prints a document, and the --json and --csv flags
// that came before it, kept as aliases so no script breaks.
#pragma once

#include "util/name_table.hpp"

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace mockcoach::cli {

enum class OutputFormat { text, markdown, json, csv, html };
inline constexpr auto output_format_names = name_table<OutputFormat>({
    {OutputFormat::text, "text"},
    {OutputFormat::markdown, "markdown"},
    {OutputFormat::json, "json"},
    {OutputFormat::csv, "csv"},
    {OutputFormat::html, "html"},
});

struct FormatOptions {
    CLI::Option* format = nullptr;
    CLI::Option* json = nullptr; // the alias flags, when added
    CLI::Option* csv = nullptr;
};

// --format FORMAT, taking the formats the command prints (`offered`, the default first: the
// value `target` already holds); `help` says what each looks like. With `aliases`, --json
// and (when offered) --csv too, each the same as --format with its name; they exclude
// --format and each other, as --json and --csv always excluded each other.
FormatOptions add_format_option(CLI::App& command, OutputFormat& target,
                                std::vector<OutputFormat> offered, const std::string& help,
                                bool aliases);

} // namespace mockcoach::cli
