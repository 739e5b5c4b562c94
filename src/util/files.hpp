// Reading files and folders of user data with limits, and the standard data locations.
#pragma once

#include "util/diagnostic.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace mockcoach {

// The whole file, or a diagnostic naming it: missing, unreadable, not a regular file, or
// larger than `max_bytes` (refused without reading it all).
std::optional<std::string> read_file(const std::filesystem::path& path, std::size_t max_bytes,
                                     Diagnostics& problems);

// Regular files ending in `extension` directly inside `folder`, sorted by name; other entries
// (folders, FIFOs, broken links) are passed over. A missing folder yields nothing.
std::vector<std::filesystem::path> list_files(const std::filesystem::path& folder,
                                              std::string_view extension);

// $XDG_CONFIG_HOME/mockcoach or ~/.config/mockcoach; $XDG_DATA_HOME/mockcoach or
// ~/.local/share/mockcoach. Relative XDG values are ignored, as the spec says.
std::filesystem::path config_home();
std::filesystem::path data_home();
// $XDG_CACHE_HOME/mockcoach or ~/.cache/mockcoach: files that can be rebuilt, safe to delete.
std::filesystem::path cache_home();

} // namespace mockcoach
