// Loading history for the commands, and the options they share.
#include "cli/history_setup.hpp"

#include "cli/number_option.hpp"
#include "cli/progress_line.hpp"
#include "cli/session_setup.hpp"
#include "util/errors.hpp"
#include "util/style.hpp"
#include "util/wall_time.hpp"

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <fmt/format.h>
#include <unistd.h>

namespace mockcoach::cli {

void add_history_options(CLI::App& command, HistoryOptions& options) {
    add_sessions_dir_option(command, options.sessions_dir);
    command.add_flag("--strict", options.strict,
                     "Exit 2 when a file in the sessions folder is not a valid transcript");
}

namespace {

void report_skipped(Context& context, const Diagnostics& skipped) {
    for (const Diagnostic& d : skipped) fmt::print(context.err, "{}\n", format_diagnostic(d));
}

std::int64_t now_ns() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// The sessions folder to read. A missing one is only an empty history; a file in its place is
// a mistake in the option, the environment or config.toml, and said so.
std::filesystem::path folder_to_read(Context& context, const HistoryOptions& options) {
    const auto folder = context.sessions_folder(options.sessions_dir);
    std::error_code error;
    if (std::filesystem::exists(folder, error) && !std::filesystem::is_directory(folder, error))
        throw UsageError(fmt::format("the sessions folder {} is not a folder", folder.string()));
    return folder;
}

} // namespace

Progress progress_for(OutputFormat format) {
    const bool for_programs = format == OutputFormat::json || format == OutputFormat::csv;
    return for_programs ? Progress::never : Progress::on_terminal;
}

history::Loaded load_history(Context& context, const HistoryOptions& options, Progress progress) {
    const auto folder = folder_to_read(context, options);
    history::LoadOptions load;
    load.index_file = history::index_file_for(folder);
    load.now_ns = now_ns();
    std::optional<ProgressLine> line;
    if (progress == Progress::on_terminal && ::isatty(::fileno(context.err))) {
        line.emplace(
            "reading transcripts", [] { return std::chrono::steady_clock::now(); },
            [stream = context.err](std::string_view text) {
                fmt::print(stream, "{}", text);
                std::fflush(stream);
            });
        load.progress = [&line](std::size_t done, std::size_t total) { line->update(done, total); };
    }
    history::Loaded loaded = history::load_sessions(folder, load);
    if (line) line->finish();
    report_skipped(context, loaded.skipped);
    return loaded;
}

history::LoadedTranscripts load_all_transcripts(Context& context, const HistoryOptions& options) {
    const auto folder = folder_to_read(context, options);
    history::LoadedTranscripts loaded = history::load_transcripts(folder);
    report_skipped(context, loaded.skipped);
    return loaded;
}

int history_status(const HistoryOptions& options, const Diagnostics& skipped) {
    return options.strict && !skipped.empty() ? exit_code::usage : exit_code::ok;
}

void print_no_sessions(std::FILE* stream, const std::filesystem::path& folder) {
    fmt::print(stream,
               "No sessions yet in {}.\nRun `mockcoach start` for your first mock interview; "
               "its transcript will be saved there.\n",
               folder.string());
}

history::Now now_local() {
    const auto now = std::chrono::system_clock::now();
    const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
    return {static_cast<std::int64_t>(seconds), civil_of(local_wall_time(now)).date};
}

namespace {

std::optional<history::DateBound> date_option(std::string_view option,
                                              const std::optional<std::string>& text,
                                              const history::Now& now) {
    if (!text) return std::nullopt;
    if (auto bound = history::parse_date(*text, now)) return bound;
    throw UsageError(
        fmt::format("{}: \"{}\" is not a date; use {}", option, *text, history::date_formats));
}

} // namespace

void add_selection_options(CLI::App& command, SelectionOptions& options) {
    command.add_option("-c,--category", options.categories, "Only this rubric (repeatable)")
        ->type_name("ID");
    command.add_option("--since", options.since, "On or after DATE (2026-11-01, today, 7d, 4w)")
        ->type_name("DATE");
    command.add_option("--until", options.until, "On or before DATE")->type_name("DATE");
}

history::Filter selection_filter(const SelectionOptions& options, const history::Now& now) {
    history::Filter filter;
    filter.since = date_option("--since", options.since, now);
    filter.until = date_option("--until", options.until, now);
    filter.categories = options.categories;
    return filter;
}

void check_categories(Context& context, const std::vector<std::string>& ids,
                      const std::vector<history::Session>& sessions) {
    if (ids.empty()) return;
    std::vector<std::string> known = context.catalog().ids();
    for (const history::Session& session : sessions)
        if (std::find(known.begin(), known.end(), session.rubric) == known.end())
            known.push_back(session.rubric);
    for (const std::string& id : ids)
        if (std::find(known.begin(), known.end(), id) == known.end())
            unknown_rubric("category", id, known);
}

std::vector<history::BankShare> bank_shares(Context& context,
                                            const std::vector<std::string>& categories) {
    std::vector<const rubric::Rubric*> rubrics;
    for (const rubric::Rubric& rubric : context.catalog().rubrics)
        if (categories.empty() ||
            std::find(categories.begin(), categories.end(), rubric.id) != categories.end())
            rubrics.push_back(&rubric);
    const std::vector<double> shares = bank::shares(rubrics);
    std::vector<history::BankShare> bank;
    for (std::size_t i = 0; i < rubrics.size(); ++i)
        bank.push_back({rubrics[i]->id, rubrics[i]->name, shares[i]});
    return bank;
}

std::optional<std::size_t> table_width(const Context& context) {
    const int width = width_of(context.out);
    if (width <= 0) return std::nullopt;
    return static_cast<std::size_t>(width);
}

bool AdaptiveOptions::enabled(Context& context) const {
    std::optional<bool> option;
    if (on || off) option = on;
    const bool adaptive =
        settings::adaptive(context.settings(), option, settings::process_environment).value;
    // A strength for a draw that does not lean would be dropped without a word: the user meant
    // the adaptive draw, or meant nothing by it.
    if (strength && !adaptive)
        throw UsageError("--adaptive-strength is how far the adaptive draw leans, and this draw "
                         "is not adaptive: add --adaptive");
    return adaptive;
}

double AdaptiveOptions::strength_in_force(Context& context) const {
    static_assert(settings::max_adaptive_strength == bank::max_adaptive_strength);
    static_assert(settings::default_adaptive_strength == bank::default_adaptive_strength);
    return settings::adaptive_strength(context.settings(), strength).value;
}

void add_adaptive_options(CLI::App& command, AdaptiveOptions& options) {
    auto* on = command.add_flag(
        "--adaptive", options.on,
        "Lean the draw toward weak and under-practised categories and hold back recent "
        "questions (default with MOCKCOACH_ADAPTIVE=1 or adaptive = true in the settings)");
    auto* off = command.add_flag("--no-adaptive", options.off,
                                 "The plain weighted draw, even with MOCKCOACH_ADAPTIVE=1");
    on->excludes(off);
    auto* strength =
        check_decimal(command.add_option("--adaptive-strength", options.strength,
                                         "How far the adaptive draw leans: 0 plain, 1 the default, "
                                         "up to 3 (setting adaptive_strength)"),
                      0.0, settings::max_adaptive_strength);
    strength->excludes(off);
}

bank::Adjustments adaptive_adjustments(Context& context, const DrawPool& pool,
                                       const std::optional<std::string>& sessions_dir,
                                       double strength, bank::Practice* practice_out,
                                       Progress progress) {
    const history::Loaded loaded = load_history(context, {sessions_dir, false}, progress);
    const bank::Practice practice = history::practice_of(loaded.sessions);
    if (practice_out) *practice_out = practice;
    return bank::adaptive_adjustments(pool.rubrics, pool.weights.categories, practice, strength);
}

} // namespace mockcoach::cli
