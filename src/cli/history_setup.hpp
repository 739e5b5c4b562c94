// What history, stats, show, export and the adaptive draw share: the sessions folder read with
// its index, one warning a file that is not a transcript, --strict, dates and categories typed
// on the command line, and the friendly message for a folder with no sessions yet.
#pragma once

#include "cli/context.hpp"
#include "cli/draw_pool.hpp"
#include "cli/format_option.hpp"
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

// Whether reading the history may show a progress line on stderr: only for a person at a
// terminal, never beside a document meant for a program (--format json or csv), where a
// script may capture stderr too.
enum class Progress { on_terminal, never };
Progress progress_for(OutputFormat format);

// Loads the summaries (through the index) and prints a warning line for each skipped file.
// Reading many transcripts (a cold index) shows a progress line when `progress` allows it and
// stderr is a terminal; it is erased before anything else is printed.
history::Loaded load_history(Context& context, const HistoryOptions& options,
                             Progress progress = Progress::on_terminal);
// The same for whole transcripts.
history::LoadedTranscripts load_all_transcripts(Context& context, const HistoryOptions& options);
// The exit status of a command that read the history: 2 with --strict when any file was
// skipped, else 0, whatever the command printed.
int history_status(const HistoryOptions& options, const Diagnostics& skipped);

// Prints (to `stream`) that there are no sessions yet and how to make one.
void print_no_sessions(std::FILE* stream, const std::filesystem::path& folder);

history::Now now_local();

// --category, --since and --until: which sessions history, stats and report look at.
struct SelectionOptions {
    std::vector<std::string> categories;
    std::optional<std::string> since;
    std::optional<std::string> until;
};
void add_selection_options(CLI::App& command, SelectionOptions& options);
// Their filter, dates read against `now`: a UsageError naming the option and the accepted forms
// when a date is unreadable.
history::Filter selection_filter(const SelectionOptions& options, const history::Now& now);
// --category ids must name a rubric in the catalog or in the sessions (a rubric since removed).
void check_categories(Context& context, const std::vector<std::string>& ids,
                      const std::vector<history::Session>& sessions);

// The catalog's categories (only those of --category, when given) with their shares of the
// draw: what `stats` and `report` set practice against.
std::vector<history::BankShare> bank_shares(Context& context,
                                            const std::vector<std::string>& categories);

// The width to fit tables to: the terminal's, or none when piped.
std::optional<std::size_t> table_width(const Context& context);

// `draw` and `start`: --adaptive / --no-adaptive, then $MOCKCOACH_ADAPTIVE, then the settings;
// --adaptive-strength, then the settings.
struct AdaptiveOptions {
    bool on = false;
    bool off = false;
    std::optional<double> strength;
    bool enabled(Context& context) const;
    double strength_in_force(Context& context) const;
};
void add_adaptive_options(CLI::App& command, AdaptiveOptions& options);
// The adjustments from the sessions in the folder (empty when the folder has none).
bank::Adjustments adaptive_adjustments(Context& context, const DrawPool& pool,
                                       const std::optional<std::string>& sessions_dir,
                                       double strength, bank::Practice* practice_out = nullptr,
                                       Progress progress = Progress::on_terminal);

} // namespace mockcoach::cli
