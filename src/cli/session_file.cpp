// Finding and reading the one transcript a command is about.
#include "cli/session_file.hpp"

#include "loop/loop.hpp"
#include "tomlfile/tomlfile.hpp"
#include "util/errors.hpp"
#include "util/files.hpp"

#include <algorithm>
#include <cerrno>
#include <fmt/format.h>
#include <sys/stat.h>

namespace mockcoach::cli {
namespace fs = std::filesystem;

namespace {

bool looks_like_path(const std::string& text) {
    return text.find('/') != std::string::npos || text.ends_with(".toml");
}

// How many of the matches a refusal lists: the newest, enough to spot the one meant.
constexpr std::size_t listed_matches = 5;

[[noreturn]] void no_sessions(const fs::path& folder) {
    throw UsageError(fmt::format("no sessions yet in {}, so none to score; `mockcoach start` runs "
                                 "your first mock interview",
                                 folder.string()));
}

// `which` names no session: when it names a loop (in full, or a part of only loop ids), a
// UsageError naming its rounds, since a review is of one interview, not of the day.
void refuse_loop(Context& context, const HistoryOptions& options, const fs::path& folder,
                 const std::string& which) {
    std::vector<std::string> loops;
    const auto add = [&](const std::string& id) {
        if (id.find(which) != std::string::npos &&
            std::find(loops.begin(), loops.end(), id) == loops.end())
            loops.push_back(id);
    };
    for (const loop::LoopState& state : loop::load_states(folder).states) add(state.id);
    const history::Loaded loaded = load_history(context, options, Progress::never);
    for (const history::Session& s : loaded.sessions)
        if (s.loop) add(s.loop->id);
    if (loops.empty()) return;
    const auto exact = std::find(loops.begin(), loops.end(), which);
    if (exact == loops.end() && loops.size() > 1) {
        std::string names;
        for (const std::string& id : loops) names += "\n  " + id;
        throw UsageError(fmt::format("\"{}\" matches no session but {} loops; a review is of one "
                                     "round's session (`mockcoach show LOOP_ID` lists them):{}",
                                     which, loops.size(), names));
    }
    const std::string id = exact != loops.end() ? *exact : loops.front();
    std::vector<const history::Session*> rounds; // newest first, as loaded
    for (const history::Session& s : loaded.sessions)
        if (s.loop && s.loop->id == id) rounds.push_back(&s);
    std::string names;
    for (auto round = rounds.rbegin(); round != rounds.rend(); ++round) {
        const transcript::LoopPlace& place = *(*round)->loop;
        names += place.questions > 1 ? fmt::format("\n  round {}, question {}: {}", place.round,
                                                   place.question, (*round)->id)
                                     : fmt::format("\n  round {}: {}", place.round, (*round)->id);
    }
    if (rounds.empty())
        throw UsageError(fmt::format("{} is a loop (an onsite day), and none of its rounds has a "
                                     "session yet to score",
                                     id));
    throw UsageError(fmt::format("{} is a loop (an onsite day), not a session; a review is of one "
                                 "round: score one of its sessions (`mockcoach show {}` shows the "
                                 "day):{}",
                                 id, id, names));
}

} // namespace

fs::path find_session_to_write(Context& context, const HistoryOptions& options,
                               const std::string& which, Progress progress, int& status) {
    const fs::path folder = context.sessions_folder(options.sessions_dir);
    if (which == "latest") {
        const history::Loaded loaded = load_history(context, options, progress);
        status = history_status(options, loaded.skipped);
        if (loaded.sessions.empty()) no_sessions(folder);
        return folder / loaded.sessions.front().file;
    }
    std::error_code error;
    if (looks_like_path(which) && fs::is_regular_file(which, error)) return which;
    if (fs::is_regular_file(folder / (which + ".toml"), error)) return folder / (which + ".toml");
    if (looks_like_path(which)) {
        struct stat info {};
        const int error = ::stat(which.c_str(), &info) == 0 ? 0 : errno;
        if (error == ENOENT) throw UsageError(fmt::format("no such file: {}", which));
        throw UsageError(fmt::format("{}: {}", which, not_a_file_reason(error, info.st_mode)));
    }

    std::vector<std::string> stems;
    std::vector<fs::path> matches;
    for (const fs::path& file : list_files(folder, ".toml")) {
        stems.push_back(file.stem().string());
        if (stems.back().find(which) != std::string::npos) matches.push_back(file);
    }
    if (matches.size() == 1) return matches.front();
    if (matches.empty()) {
        refuse_loop(context, options, folder, which);
        if (stems.empty()) no_sessions(folder);
        unknown_id("session", which, stems);
    }
    // Names start with the start time, so the last in name order is the newest.
    std::string names;
    for (std::size_t i = 0; i < std::min(matches.size(), listed_matches); ++i)
        names += "\n  " + matches[matches.size() - 1 - i].stem().string();
    if (matches.size() > listed_matches)
        names += fmt::format("\n  and {} older (`mockcoach history` lists them)",
                             matches.size() - listed_matches);
    throw UsageError(fmt::format("\"{}\" matches {} sessions; a review is written into one, so "
                                 "name it in full (or `latest`), newest first:{}",
                                 which, matches.size(), names));
}

SessionFile read_session_file(const fs::path& path) {
    Diagnostics problems;
    int os_error = 0;
    auto bytes = read_file(path, tomlfile::max_file_bytes, problems, &os_error);
    // A file that is there but cannot be read is a failure of the system (exit 1), not bad input.
    if (os_error != 0)
        throw IoError(fmt::format("{}: {}", path.string(), problems.front().message));
    auto record =
        bytes ? transcript::read_transcript(path.string(), *bytes, problems) : std::nullopt;
    if (!record) throw InvalidInput(problems);
    return {path, std::move(*bytes), std::move(*record)};
}

} // namespace mockcoach::cli
