// The session's scratchpad: a plain file beside the journal (SESSION_ID.scratch.txt) that the
// candidate edits in their own editor in another pane while the clock runs. mockcoach creates it
// empty, reads it for each snapshot, and never writes, moves or removes it once it holds text:
// it is the user's.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace mockcoach::session {

inline constexpr std::string_view scratch_extension = ".scratch.txt";

// folder/<id>.scratch.txt
std::filesystem::path scratch_path(const std::filesystem::path& folder, std::string_view id);

// Creates the file empty, exclusively: an existing file (of an earlier session) is never
// overwritten. Throws IoError.
void create_scratch(const std::filesystem::path& path);

// Removes the file if it is still empty and a regular file (a session that never started, or
// ended with nothing ever written in its pad, leaves nothing behind); one with text in it is the
// user's and stays.
void remove_scratch_if_empty(const std::filesystem::path& path);

// What a snapshot keeps of the file's bytes.
struct ScratchText {
    std::string text;         // valid UTF-8, without control characters but tab and line feed
    std::int64_t bytes = 0;   // the file's size
    bool truncated = false;   // only its first scratch_limit_bytes are kept
    std::size_t replaced = 0; // invalid UTF-8 bytes and control characters shown as U+FFFD
};

// The text a transcript can hold from `bytes` (the file's beginning, at most one byte over the
// limit) of a file of `size` bytes: cut at the limit on a character boundary, a CR before a LF
// dropped, and what TOML or a terminal must not be given (invalid UTF-8, control characters
// other than tab and line feed) replaced by U+FFFD.
ScratchText scratch_text(std::string_view bytes, std::int64_t size);

struct ScratchRead {
    ScratchText kept;
    std::string problem; // why the file could not be read ("" when it was)
};

// Reads up to the limit from the file (never more, however large it has grown).
ScratchRead read_scratch_file(const std::filesystem::path& path);

// The line to tell the user about a snapshot, or "" when there is nothing to say: the file was
// over the limit, or held characters that were replaced.
std::string scratch_notice(const std::filesystem::path& path, const ScratchText& kept);

} // namespace mockcoach::session
