// The shipped profiles: profiles/*.toml, compiled in as text when mockcoach is built
// (cmake/embed_texts.cmake) and read like a user's own, so both meet the same checks.
#include "profile/profile.hpp"

#include <span>
#include <string_view>
#include <utility>

namespace mockcoach::profile {

// generated/embedded_profiles.cpp: (file name, contents) of each profiles/*.toml.
std::span<const std::pair<std::string_view, std::string_view>> embedded_profile_texts();

std::vector<rubric::SourceFile> shipped_profile_files() {
    std::vector<rubric::SourceFile> files;
    for (const auto& [name, text] : embedded_profile_texts())
        files.push_back({"built-in:profiles/" + std::string(name), std::string(text)});
    return files;
}

} // namespace mockcoach::profile
