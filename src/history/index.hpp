// The summary index: each transcript's Session keyed by its file name, size and modification
// time, so `history` and `stats` read one file instead of thousands. It is a cache: valid TOML
// a person can read, rebuilt from the transcripts whenever it is missing, stale or unreadable.
#pragma once

#include "history/history.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace mockcoach::history {

// 2: key points and prompt ticks; 3: a round's loop; 4: reviewers' scores (an index of an
// older format is rebuilt, as any stale one is).
inline constexpr int index_format = 4;

// What a summary was taken from: the file's size and modification time when it was read.
struct FileStamp {
    std::int64_t size = 0;
    std::int64_t mtime_ns = 0;
};

struct Index {
    std::string folder;            // the sessions folder it describes, as an absolute path
    std::vector<Session> sessions; // keyed by session.file; newest first as written
    std::vector<FileStamp> stamps; // one for each session
};

std::string index_to_toml(const Index& index);

// Reads exactly what index_to_toml writes, fast (toml++ would take a quarter of a second for
// 10,000 sessions). Anything else, including another format number, is nullopt: the caller
// rebuilds the index from the transcripts.
std::optional<Index> read_index(std::string_view bytes);

} // namespace mockcoach::history
