// What start, draw and star draw from: the categories in play (--category, the settings, or
// all) and their weights (the seed's, or --profile's).
#pragma once

#include "cli/context.hpp"

#include <optional>
#include <string>
#include <vector>

namespace mockcoach::cli {

struct DrawPool {
    std::vector<const rubric::Rubric*> rubrics;
    bank::DrawWeights weights; // one category weight per rubric
    const profile::Profile* profile = nullptr;
};

// --profile NAME.
void add_profile_option(CLI::App& command, std::optional<std::string>& profile);

// The pool for --category and --profile. With a profile and no --category every category is in
// play (the profile says which are drawn, not the settings' `categories`).
DrawPool draw_pool(Context& context, const std::vector<std::string>& categories,
                   const std::optional<std::string>& profile);

} // namespace mockcoach::cli
