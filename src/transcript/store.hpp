// The sessions folder's names: file-name-safe text and session ids built from the start time.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

namespace mockcoach::transcript {

// Lower-case a-z, 0-9 and '-', nothing else: safe as part of a file name on any system.
std::string sanitise(std::string_view text, std::size_t max_length = 48);

// "20261124-233012-system-design-url-shortener" from the local start time and the ids.
std::string session_id(std::chrono::system_clock::time_point started, std::string_view rubric,
                       std::string_view question);

} // namespace mockcoach::transcript
