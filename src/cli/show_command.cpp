// `mockcoach show`: one transcript rendered as text, Markdown or JSON.
#include "cli/context.hpp"
#include "cli/format_option.hpp"
#include "cli/history_setup.hpp"

#include "loop/loop.hpp"
#include "tomlfile/tomlfile.hpp"
#include "transcript/render.hpp"
#include "util/errors.hpp"
#include "util/files.hpp"
#include "util/suggest.hpp"

#include <algorithm>
#include <cerrno>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <sys/stat.h>

namespace mockcoach::cli {
namespace fs = std::filesystem;

namespace {

struct Options {
    HistoryOptions history;
    std::string which;
    OutputFormat format = OutputFormat::text;
};

bool looks_like_path(const std::string& text) {
    return text.find('/') != std::string::npos || text.ends_with(".toml");
}

// The loops the folder knows: by their state files, and by the transcripts that name them (a
// day copied without its state file still shows).
std::vector<std::string> loop_ids(Context& context, const Options& options,
                                  const fs::path& folder) {
    std::vector<std::string> ids;
    for (const loop::LoopState& state : loop::load_states(folder).states) ids.push_back(state.id);
    for (const history::Session& s : load_history(context, options.history).sessions)
        if (s.loop && std::find(ids.begin(), ids.end(), s.loop->id) == ids.end())
            ids.push_back(s.loop->id);
    return ids;
}

// `show LOOP_ID`: the day's summary, as `loop` prints it at the end.
int show_loop(Context& context, const Options& options, const std::string& id) {
    if (options.format == OutputFormat::markdown)
        throw UsageError(fmt::format("{} is a loop, shown as text or json; `mockcoach show "
                                     "SESSION --format markdown` shows one of its rounds",
                                     id));
    const fs::path folder = context.sessions_folder(options.history.sessions_dir);
    std::optional<loop::LoopState> state;
    for (loop::LoopState& candidate : loop::load_states(folder).states)
        if (candidate.id == id) state = std::move(candidate);
    const history::Loaded loaded = load_history(context, options.history);
    const loop::Summary summary = loop::summarise(state, id, loaded.sessions);
    if (options.format == OutputFormat::json)
        fmt::print(context.out, "{}", loop::summary_json(summary));
    else
        fmt::print(
            context.out, "{}",
            loop::render_summary(summary, context.out_style(), table_width(context).value_or(80)));
    return history_status(options.history, loaded.skipped);
}

// ID, a part of one (the newest match), "latest", or a file: the transcript's path; none (after
// the friendly message) when the folder has no sessions at all, or when it names a loop (then in
// `loop_id`): a loop id in full, or a part that matches loops and no session.
std::optional<fs::path> resolve(Context& context, const Options& options, int& status,
                                std::string& loop_id) {
    const fs::path folder = context.sessions_folder(options.history.sessions_dir);
    if (options.which == "latest") {
        const history::Loaded loaded =
            load_history(context, options.history, progress_for(options.format));
        status = history_status(options.history, loaded.skipped);
        if (loaded.sessions.empty()) {
            print_no_sessions(context.out, folder);
            return std::nullopt;
        }
        return folder / loaded.sessions.front().file;
    }
    std::error_code error;
    if (looks_like_path(options.which) && fs::is_regular_file(options.which, error))
        return options.which;
    if (fs::is_regular_file(folder / (options.which + ".toml"), error))
        return folder / (options.which + ".toml");
    // A loop: an id in full, or a part that names only one loop and no session.
    std::vector<std::string> loops;
    if (!looks_like_path(options.which))
        for (const std::string& id : loop_ids(context, options, folder)) {
            if (id == options.which) {
                loop_id = id;
                return std::nullopt;
            }
            if (id.find(options.which) != std::string::npos) loops.push_back(id);
        }
    if (looks_like_path(options.which)) {
        struct stat info {};
        const int error = ::stat(options.which.c_str(), &info) == 0 ? 0 : errno;
        if (error == ENOENT) throw UsageError(fmt::format("no such file: {}", options.which));
        throw UsageError(
            fmt::format("{}: {}", options.which, not_a_file_reason(error, info.st_mode)));
    }

    std::vector<std::string> stems;
    std::vector<fs::path> matches;
    for (const fs::path& file : list_files(folder, ".toml")) {
        stems.push_back(file.stem().string());
        if (stems.back().find(options.which) != std::string::npos) matches.push_back(file);
    }
    // A part that matches sessions means a session, as everywhere else (a loop and its first
    // round even share their start time); the loop is named so it stays one step away.
    if (!loops.empty() && !matches.empty()) {
        if (loops.size() == 1)
            fmt::print(context.err,
                       "mockcoach: loop {} also matches \"{}\"; `mockcoach show {}` shows the "
                       "day\n",
                       loops.front(), options.which, loops.front());
        else
            fmt::print(context.err,
                       "mockcoach: {} loops also match \"{}\" ({}); `mockcoach show LOOP_ID` with "
                       "one in full shows its day\n",
                       loops.size(), options.which, fmt::join(loops, ", "));
        loops.clear();
    }
    if (loops.size() > 1) {
        std::string names;
        for (const std::string& id : loops) names += "\n  " + id;
        throw UsageError(fmt::format("\"{}\" matches {} loops; name one in full:{}", options.which,
                                     loops.size(), names));
    }
    if (loops.size() == 1) {
        loop_id = loops.front();
        return std::nullopt;
    }
    if (matches.size() == 1) return matches.front();
    if (matches.empty()) {
        if (stems.empty()) {
            print_no_sessions(context.out, folder);
            return std::nullopt;
        }
        unknown_id("session", options.which, stems);
    }
    // Names start with the start time, so the last in name order is the newest: after months of
    // practice `show url-shortener` means the latest time that question came up.
    fmt::print(context.err, "mockcoach: {} sessions match \"{}\"; showing the newest, {}\n",
               matches.size(), options.which, matches.back().stem().string());
    return matches.back();
}

int show(Context& context, const Options& options) {
    int status = exit_code::ok;
    std::string loop_id;
    const auto found = resolve(context, options, status, loop_id);
    if (!loop_id.empty()) return show_loop(context, options, loop_id);
    if (!found) return status;
    const fs::path& path = *found;
    Diagnostics problems;
    int os_error = 0;
    const auto bytes = read_file(path, tomlfile::max_file_bytes, problems, &os_error);
    // A file that is there but cannot be read is a failure of the system (exit 1), not bad input.
    if (os_error != 0)
        throw IoError(fmt::format("{}: {}", path.string(), problems.front().message));
    const auto record =
        bytes ? transcript::read_transcript(path.string(), *bytes, problems) : std::nullopt;
    if (!record) throw InvalidInput(problems);
    // A skip is saved as an id alone; its name and place come from the rubric, if it is still
    // there. Loaded quietly: showing a transcript is no place to report broken rubric files.
    const transcript::CriterionNames criteria =
        record->skipped.empty()
            ? transcript::CriterionNames{}
            : criterion_names(rubric::build_catalog(context.layers()), record->rubric);
    switch (options.format) {
    case OutputFormat::json:
        fmt::print(context.out, "{}", transcript::render_json(*record));
        break;
    case OutputFormat::markdown:
        fmt::print(context.out, "{}", transcript::render_markdown(*record, criteria));
        break;
    default:
        fmt::print(context.out, "{}",
                   transcript::render_text(*record, context.out_style(),
                                           table_width(context).value_or(80), criteria));
    }
    return status;
}

} // namespace

void add_show_command(CLI::App& app, Context& context, Commands& commands) {
    auto options = std::make_shared<Options>();
    CLI::App* cmd = app.add_subcommand("show", "One session's transcript, rendered");
    cmd->add_option(
           "SESSION", options->which,
           "A session id or part of one (the newest match), `latest`, a transcript file, or "
           "a loop's id (the day's summary)")
        ->required()
        ->type_name("ID|latest|FILE|LOOP_ID");
    add_format_option(*cmd, options->format,
                      {OutputFormat::text, OutputFormat::markdown, OutputFormat::json},
                      "text (default), markdown or json", false);
    add_history_options(*cmd, options->history);
    cmd->footer("Examples:\n  mockcoach show latest\n"
                "  mockcoach show url-shortener --format markdown > for-my-partner.md\n"
                "  mockcoach show ~/Downloads/20261124-235805-system-design-url-shortener.toml\n"
                "  mockcoach show 20261207-091500-ml-engineer-onsite");
    commands.add(cmd, [&context, options] { return show(context, *options); });
}

} // namespace mockcoach::cli
