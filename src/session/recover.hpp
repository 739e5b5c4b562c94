// `mockcoach recover`: every journal in the sessions folder without a finished transcript
// becomes a transcript with status "interrupted", holding everything up to its last event.
#pragma once

#include "util/diagnostic.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace mockcoach::session {

struct Recovered {
    std::filesystem::path journal;
    std::filesystem::path transcript; // empty when it was already saved before the crash
};

// Journals held by a running session are left alone. Unreadable journals are reported in
// `problems` and kept, so nothing is thrown away.
std::vector<Recovered> recover_all(const std::filesystem::path& folder, Diagnostics& problems);

} // namespace mockcoach::session
