// Reading files and folders of user data with limits, and the standard data locations.
#pragma once

#include "util/diagnostic.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace mockcoach {

// The whole file, or a diagnostic naming it: missing, unreadable, not a regular file, or
// larger than `max_bytes` (refused without reading it all). When opening or reading failed,
// `os_error` (if given) gets the errno, so a caller can tell an I/O failure from bad input.
std::optional<std::string> read_file(const std::filesystem::path& path, std::size_t max_bytes,
                                     Diagnostics& problems, int* os_error = nullptr);

// Regular files (or links to them) ending in `extension` directly inside `folder`, not hidden,
// sorted by name. A missing folder yields nothing. Entries with such a name that are not
// regular files (a folder, a FIFO, a broken link or a link loop) are passed over, each with a
// warning in `passed_over` when it is given: a file the user meant as data is never ignored
// silently.
std::vector<std::filesystem::path> list_files(const std::filesystem::path& folder,
                                              std::string_view extension,
                                              Diagnostics* passed_over = nullptr);

// Why an entry that is not a regular file is passed over, as the warning says it: "a folder,
// not a file", "a FIFO, not a regular file", "cannot be read: Too many levels of symbolic
// links". `error` is the errno of a failed stat, or 0 with the `mode` it gave.
std::string not_a_file_reason(int error, unsigned mode);

// $XDG_CONFIG_HOME/mockcoach or ~/.config/mockcoach; $XDG_DATA_HOME/mockcoach or
// ~/.local/share/mockcoach. Relative XDG values are ignored, as the spec says.
std::filesystem::path config_home();
std::filesystem::path data_home();
// $XDG_CACHE_HOME/mockcoach or ~/.cache/mockcoach: files that can be rebuilt, safe to delete.
std::filesystem::path cache_home();

} // namespace mockcoach
