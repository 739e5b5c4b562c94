// One session's transcript named on the command line, as `score` takes it: an id or a unique
// part of one, `latest`, or a file.
#pragma once

#include "cli/history_setup.hpp"

#include "transcript/transcript.hpp"

#include <filesystem>
#include <optional>
#include <string>

namespace mockcoach::cli {

// The transcript a command that writes to it (`score`) is about: `latest`, a transcript file,
// an id in full, or a part of one that matches exactly one session. Everything else is a
// UsageError saying what would work: no sessions at all; an unknown id (the nearest suggested);
// a loop's id (its rounds named, one of which to name instead); a part that matches several
// sessions (the newest few listed: a write never guesses). `status`: the history's exit status
// (--strict), when it was read for `latest`.
std::filesystem::path find_session_to_write(Context& context, const HistoryOptions& options,
                                            const std::string& which, Progress progress,
                                            int& status);

// A transcript file's bytes and what they say. A file that cannot be read is an IoError (exit
// 1); one that is not a valid transcript an InvalidInput (exit 2).
struct SessionFile {
    std::filesystem::path path;
    std::string bytes;
    transcript::Transcript record;
};
SessionFile read_session_file(const std::filesystem::path& path);

} // namespace mockcoach::cli
