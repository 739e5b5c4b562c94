// The categories and weights a draw uses, from --category, --profile and the settings.
#include "cli/draw_pool.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace mockcoach::cli {

void add_profile_option(CLI::App& command, std::optional<std::string>& profile) {
    command
        .add_option("--profile", profile,
                    "Weigh categories (and question themes) as this profile does, e.g. "
                    "ml-engineer-onsite (see `mockcoach profiles`)")
        ->type_name("NAME");
}

DrawPool draw_pool(Context& context, const std::vector<std::string>& categories,
                   const std::optional<std::string>& profile) {
    DrawPool pool;
    if (!profile) {
        pool.rubrics = context.select_default(categories);
        pool.weights = bank::seed_weights(pool.rubrics);
        return pool;
    }
    pool.profile = &context.profile(*profile);
    pool.rubrics = context.select(categories);
    pool.weights = profile::draw_weights(*pool.profile, pool.rubrics);
    const bool any = std::any_of(pool.weights.categories.begin(), pool.weights.categories.end(),
                                 [](double weight) { return weight > 0; });
    if (!any && !pool.rubrics.empty())
        fmt::print(context.err,
                   "mockcoach: profile \"{}\" gives none of the chosen categories a weight; "
                   "drawing among them evenly\n",
                   pool.profile->id);
    return pool;
}

} // namespace mockcoach::cli
