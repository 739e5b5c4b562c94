// Finding and reading what a session left in its folder, for the end-to-end tests.
#pragma once

#include "transcript/transcript.hpp"

#include <chrono>
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

// Whether a journal in `folder` holds `text` within `limit`: what a test waits for before it
// signals a running session, instead of sleeping and hoping the event was written by then.
bool journal_holds(const std::filesystem::path& folder, const std::string& text,
                   std::chrono::milliseconds limit = std::chrono::milliseconds(20000));

} // namespace mockcoach::testing
