// Finding and reading what a session left in its folder, for the end-to-end tests.
#pragma once

#include "transcript/transcript.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace mockcoach::testing {

// The files in `folder` whose names end in `extension`, sorted.
std::vector<std::filesystem::path> files_ending(const std::filesystem::path& folder,
                                                const std::string& extension);

// The one transcript in `folder`, read back; fails the test when there is not exactly one or it
// does not read.
transcript::Transcript only_transcript(const std::filesystem::path& folder);

} // namespace mockcoach::testing
