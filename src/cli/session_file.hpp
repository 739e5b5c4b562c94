// One session's transcript named on the command line, as `show` and `score` take it: an id or a
// part of one, `latest`, or a file.
#pragma once

#include "cli/history_setup.hpp"

#include "transcript/transcript.hpp"

#include <filesystem>
#include <optional>
#include <string>

namespace mockcoach::cli {

// The transcript's path; none (after the friendly message on stdout) when the folder has no
// sessions at all. An unknown id is a UsageError with the nearest one suggested. `status`: the
// history's exit status (--strict), when it was read for `latest`. Several matches: the newest,
// with a line on stderr saying "`verb` the newest" ("showing", "scoring").
std::optional<std::filesystem::path> find_session_file(Context& context,
                                                       const HistoryOptions& options,
                                                       const std::string& which, Progress progress,
                                                       int& status, std::string_view verb);

// A transcript file's bytes and what they say. A file that cannot be read is an IoError (exit
// 1); one that is not a valid transcript an InvalidInput (exit 2).
struct SessionFile {
    std::filesystem::path path;
    std::string bytes;
    transcript::Transcript record;
};
SessionFile read_session_file(const std::filesystem::path& path);

} // namespace mockcoach::cli
