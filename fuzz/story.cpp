// Fuzzes the story file reader and the name and theme parsers that take what a user types:
// nothing may crash, and a story that is accepted must write back in a form that reads back
// the same.
#include "stories/stories.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace mockcoach;
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);

    // The same bytes as a name and as a theme list, as `star --save-story` would get them.
    if (stories::check_name(bytes).empty()) {
        const std::string stem = stories::slug(stories::trim_name(bytes));
        if (stem.empty() || stem.find('/') != std::string::npos || stem == "." || stem == "..")
            std::abort();
    }
    (void)stories::parse_themes(bytes);

    Diagnostics diagnostics;
    const auto first = stories::read_story("story.toml", bytes, diagnostics);
    if (!first) {
        if (diagnostics.empty()) std::abort(); // a refusal always says why
        return 0;
    }
    const std::string written = stories::to_toml(*first);
    Diagnostics again;
    const auto second = stories::read_story("story.toml", written, again);
    if (!second || stories::to_toml(*second) != written) std::abort();
    return 0;
}
