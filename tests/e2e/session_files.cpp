#include "session_files.hpp"

#include "../strings.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <thread>

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
    Diagnostics problems;
    auto record =
        transcript::read_transcript(files.front().string(), slurp(files.front()), problems);
    for (const auto& problem : problems) MESSAGE(format_diagnostic(problem));
    REQUIRE(record.has_value());
    CHECK(record->id == files.front().stem().string());
    return *record;
}

bool journal_holds(const std::filesystem::path& folder, const std::string& text,
                   std::chrono::milliseconds limit) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    for (;;) {
        for (const auto& journal : files_ending(folder, ".journal"))
            if (contains(slurp(journal), text)) return true;
        if (std::chrono::steady_clock::now() >= deadline) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
}

} // namespace mockcoach::testing
