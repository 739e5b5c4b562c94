// The sessions folder: where it is, names built from ids, and writing files so that nothing is
// ever half-written or overwritten (temp file in the same folder, fsync, link into place).
#pragma once

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace mockcoach::transcript {

// --sessions-dir, else $MOCKCOACH_SESSIONS, else $XDG_DATA_HOME/mockcoach/sessions.
std::filesystem::path sessions_folder(const std::optional<std::string>& option);

// Creates the folder if missing and proves it writable; throws IoError saying why not.
void prepare_folder(const std::filesystem::path& folder);

// Lower-case a-z, 0-9 and '-', nothing else: safe as part of a file name on any system.
std::string sanitise(std::string_view text, std::size_t max_length = 48);

// "20261124-233012-system-design-url-shortener" from the local start time and the ids.
std::string session_id(std::chrono::system_clock::time_point started, std::string_view rubric,
                       std::string_view question);

// Writes `bytes` as folder/name atomically; if that name exists, tries name-2, name-3, ...
// (suffix before the extension). Returns the path written. Throws IoError.
std::filesystem::path write_new_file(const std::filesystem::path& folder, std::string_view stem,
                                     std::string_view extension, std::string_view bytes);

// Replaces folder/name atomically (for files mockcoach owns, such as stories). Throws IoError.
void replace_file(const std::filesystem::path& path, std::string_view bytes);

void fsync_folder(const std::filesystem::path& folder);

} // namespace mockcoach::transcript
