// Finding and reading the one transcript a command is about.
#include "cli/session_file.hpp"

#include "tomlfile/tomlfile.hpp"
#include "util/errors.hpp"
#include "util/files.hpp"

#include <cerrno>
#include <fmt/format.h>
#include <sys/stat.h>

namespace mockcoach::cli {
namespace fs = std::filesystem;

namespace {

bool looks_like_path(const std::string& text) {
    return text.find('/') != std::string::npos || text.ends_with(".toml");
}

} // namespace

std::optional<fs::path> find_session_file(Context& context, const HistoryOptions& options,
                                          const std::string& which, Progress progress, int& status,
                                          std::string_view verb) {
    const fs::path folder = context.sessions_folder(options.sessions_dir);
    if (which == "latest") {
        const history::Loaded loaded = load_history(context, options, progress);
        status = history_status(options, loaded.skipped);
        if (loaded.sessions.empty()) {
            print_no_sessions(context.out, folder);
            return std::nullopt;
        }
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
        if (stems.empty()) {
            print_no_sessions(context.out, folder);
            return std::nullopt;
        }
        unknown_id("session", which, stems);
    }
    // Names start with the start time, so the last in name order is the newest: after months of
    // practice `show url-shortener` means the latest time that question came up.
    fmt::print(context.err, "mockcoach: {} sessions match \"{}\"; {} the newest, {}\n",
               matches.size(), which, verb, matches.back().stem().string());
    return matches.back();
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
