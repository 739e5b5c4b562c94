#include "session_files.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <fstream>
#include <sstream>

namespace mockcoach::testing {

std::vector<std::filesystem::path> files_ending(const std::filesystem::path& folder,
                                                const std::string& extension) {
    std::vector<std::filesystem::path> found;
    if (!std::filesystem::exists(folder)) return found;
    for (const auto& entry : std::filesystem::directory_iterator(folder))
        if (entry.path().string().ends_with(extension)) found.push_back(entry.path());
    std::sort(found.begin(), found.end());
    return found;
}

transcript::Transcript only_transcript(const std::filesystem::path& folder) {
    const auto files = files_ending(folder, ".toml");
    REQUIRE(files.size() == 1);
    std::ifstream in(files.front(), std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    Diagnostics problems;
    auto record = transcript::read_transcript(files.front().string(), bytes.str(), problems);
    for (const auto& problem : problems) MESSAGE(format_diagnostic(problem));
    REQUIRE(record.has_value());
    CHECK(record->id == files.front().stem().string());
    return *record;
}

} // namespace mockcoach::testing
