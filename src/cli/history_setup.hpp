// What history, stats, show, export and the adaptive draw share: the sessions folder read with
// its index, one warning a file that is not a transcript, --strict, dates and categories typed
// on the command line, and the friendly message for a folder with no sessions yet.
#pragma once

#include "cli/context.hpp"
#include "history/history.hpp"

#include <optional>
#include <string>
#include <vector>

namespace mockcoach::cli {

struct HistoryOptions {
    std::optional<std::string> sessions_dir;
    bool strict = false;
};

// --sessions-dir DIR and --strict.
void add_history_options(CLI::App& command, HistoryOptions& options);

// Loads the summaries (through the index), prints a warning line for each skipped file, and
// with --strict sets exit status 2 when any file was skipped.
history::Loaded load_history(Context& context, const HistoryOptions& options);
// The same for whole transcripts.
history::LoadedTranscripts load_all_transcripts(Context& context, const HistoryOptions& options);

// Prints (to `stream`) that there are no sessions yet and how to make one.
void print_no_sessions(std::FILE* stream, const std::filesystem::path& folder);

history::Now now_local();
// --since/--until: a UsageError naming the option and the accepted forms when unreadable.
std::optional<history::DateBound> date_option(std::string_view option,
                                              const std::optional<std::string>& text,
                                              const history::Now& now);
// --category ids must name a rubric in the catalog or in the sessions (a rubric since removed).
void check_categories(Context& context, const std::vector<std::string>& ids,
                      const std::vector<history::Session>& sessions);

// The width to fit tables to: the terminal's, or none when piped.
std::optional<std::size_t> table_width(const Context& context);

// `draw` and `start`: --adaptive / --no-adaptive, defaulting to $MOCKCOACH_ADAPTIVE=1.
struct AdaptiveOptions {
    bool on = false;
    bool off = false;
    bool enabled() const;
};
void add_adaptive_options(CLI::App& command, AdaptiveOptions& options);
// The adjustments from the sessions in the folder (empty when the folder has none).
bank::Adjustments adaptive_adjustments(Context& context,
                                       std::span<const rubric::Rubric* const> rubrics,
                                       const std::optional<std::string>& sessions_dir,
                                       bank::Practice* practice_out = nullptr);

} // namespace mockcoach::cli
