// The architecture check: src/'s folders are layers, and a file may include only from its own
// folder or from folders on lower layers; a folder's CMakeLists.txt may link only lower layers.
// The order is read from src/README.md (its ```layers block), so the documentation is the rule.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace mockcoach::architecture {

// Bottom to top; folders on one line are one layer and may not use each other.
using Layers = std::vector<std::vector<std::string>>;

// The ```layers block of a README: one layer a line, folder names separated by blanks. Empty
// when there is no such block.
Layers parse_layers(std::string_view readme);

struct Violation {
    std::filesystem::path file; // relative to the src folder checked
    int line = 0;
    std::string message;
};

// Every #include "FOLDER/..." in the files under `src` and every mockcoach_FOLDER that a
// folder's CMakeLists.txt names, checked against `layers`. Files directly in `src` (main.cpp)
// sit above every layer. A folder in no layer is a violation too, named once.
std::vector<Violation> check_layers(const std::filesystem::path& src, const Layers& layers);

// "session/script.cpp:4: error: session may not use stories (stories/stories.hpp): ..."
std::string format_violation(const Violation& violation);

} // namespace mockcoach::architecture
