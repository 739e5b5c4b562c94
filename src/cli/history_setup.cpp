// Loading history for the commands, and the options they share.
#include "cli/history_setup.hpp"

#include "cli/session_setup.hpp"
#include "term/style.hpp"
#include "transcript/store.hpp"
#include "util/errors.hpp"

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <fmt/format.h>

namespace mockcoach::cli {

void add_history_options(CLI::App& command, HistoryOptions& options) {
    add_sessions_dir_option(command, options.sessions_dir);
    command.add_flag("--strict", options.strict,
                     "Exit 2 when a file in the sessions folder is not a valid transcript");
}

namespace {

void report_skipped(Context& context, const Diagnostics& skipped, bool strict) {
    for (const Diagnostic& d : skipped) fmt::print(context.err, "{}\n", format_diagnostic(d));
    if (strict && !skipped.empty()) context.exit_code = exit_code::usage;
}

std::int64_t now_ns() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

} // namespace

history::Loaded load_history(Context& context, const HistoryOptions& options) {
    const auto folder = transcript::sessions_folder(options.sessions_dir);
    history::LoadOptions load;
    load.index_file = history::index_file_for(folder);
    load.now_ns = now_ns();
    history::Loaded loaded = history::load_sessions(folder, load);
    report_skipped(context, loaded.skipped, options.strict);
    return loaded;
}

history::LoadedTranscripts load_all_transcripts(Context& context, const HistoryOptions& options) {
    const auto folder = transcript::sessions_folder(options.sessions_dir);
    history::LoadedTranscripts loaded = history::load_transcripts(folder);
    report_skipped(context, loaded.skipped, options.strict);
    return loaded;
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
    std::tm local{};
    ::localtime_r(&seconds, &local);
    return {static_cast<std::int64_t>(seconds),
            toml::date{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday}};
}

std::optional<history::DateBound> date_option(std::string_view option,
                                              const std::optional<std::string>& text,
                                              const history::Now& now) {
    if (!text) return std::nullopt;
    if (auto bound = history::parse_date(*text, now)) return bound;
    throw UsageError(
        fmt::format("{}: \"{}\" is not a date; use {}", option, *text, history::date_formats));
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
            unknown_id("category", id, known);
}

std::optional<std::size_t> table_width(const Context& context) {
    const int width = term::width_of(context.out);
    if (width <= 0) return std::nullopt;
    return static_cast<std::size_t>(width);
}

bool AdaptiveOptions::enabled() const {
    if (on || off) return on;
    const char* setting = std::getenv("MOCKCOACH_ADAPTIVE");
    return setting && std::string_view(setting) == "1";
}

void add_adaptive_options(CLI::App& command, AdaptiveOptions& options) {
    auto* on = command.add_flag(
        "--adaptive", options.on,
        "Lean the draw toward weak and under-practised categories and hold back recent "
        "questions (default with MOCKCOACH_ADAPTIVE=1)");
    auto* off = command.add_flag("--no-adaptive", options.off,
                                 "The plain weighted draw, even with MOCKCOACH_ADAPTIVE=1");
    on->excludes(off);
}

bank::Adjustments adaptive_adjustments(Context& context,
                                       std::span<const rubric::Rubric* const> rubrics,
                                       const std::optional<std::string>& sessions_dir,
                                       bank::Practice* practice_out) {
    const history::Loaded loaded = load_history(context, {sessions_dir, false});
    const bank::Practice practice = history::practice_of(loaded.sessions);
    if (practice_out) *practice_out = practice;
    return bank::adaptive_adjustments(rubrics, practice);
}

} // namespace mockcoach::cli
