// `--out FILE [--force]`, as `report` and `export` take them: the file is written whole and
// atomically, and a file already there is the user's, replaced only with --force.
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace mockcoach::cli {

struct OutFile {
    std::optional<std::string> path;
    bool force = false;
};

// -o,--out FILE (described by `help`) and --force, which needs it.
void add_out_options(CLI::App& command, OutFile& out, const std::string& help);

// A UsageError (exit 2) when FILE is empty, or exists and --force was not given: called before the
// work, so that a refusal comes at once. write_out_file checks again, atomically.
void refuse_existing(const OutFile& out);

// Writes `bytes` as FILE: never over an existing file without --force (UsageError).
void write_out_file(const OutFile& out, std::string_view bytes);

} // namespace mockcoach::cli
