// What a profile means for the draw and the day, and the set of profiles in force.
#include "profile/profile.hpp"

#include <algorithm>
#include <filesystem>
#include <fmt/format.h>
#include <map>

namespace mockcoach::profile {
namespace {

double total_minutes(const rubric::Rubric& rubric) {
    return static_cast<double>(rubric.total_seconds()) / 60.0;
}

const rubric::Rubric* find(std::span<const rubric::Rubric* const> rubrics, std::string_view id) {
    for (const rubric::Rubric* rubric : rubrics)
        if (rubric->id == id) return rubric;
    return nullptr;
}

} // namespace

double question_minutes(const Round& round, const rubric::Rubric& drawn) {
    return round.minutes ? *round.minutes / static_cast<double>(round.questions)
                         : total_minutes(drawn);
}

double budget_scale(const Round& round, const rubric::Rubric& drawn) {
    const double own = total_minutes(drawn);
    return round.minutes && own > 0 ? question_minutes(round, drawn) / own : 1.0;
}

std::vector<double> category_weights(const Profile& profile,
                                     std::span<const rubric::Rubric* const> rubrics) {
    std::vector<double> weights(rubrics.size(), 0.0);
    const auto index_of = [&](std::string_view id) -> std::optional<std::size_t> {
        for (std::size_t i = 0; i < rubrics.size(); ++i)
            if (rubrics[i]->id == id) return i;
        return std::nullopt;
    };
    if (!profile.weights.empty()) {
        for (const Weight& weight : profile.weights)
            if (const auto i = index_of(weight.id)) weights[*i] = weight.weight;
        return weights;
    }
    for (const Round& round : profile.rounds) {
        // The round's categories present here, and their seed weights.
        double seed_total = 0;
        double length_total = 0;
        std::size_t present = 0;
        for (const std::string& id : round.categories) {
            if (const rubric::Rubric* rubric = find(rubrics, id)) {
                seed_total += rubric->weight;
                length_total += total_minutes(*rubric);
                ++present;
            }
        }
        if (present == 0) continue;
        const double minutes = round.minutes ? *round.minutes
                                             : length_total / static_cast<double>(present) *
                                                   static_cast<double>(round.questions);
        for (const std::string& id : round.categories) {
            const auto i = index_of(id);
            if (!i) continue;
            // Categories with no seed weight share the round equally.
            weights[*i] += seed_total > 0 ? minutes * rubrics[*i]->weight / seed_total
                                          : minutes / static_cast<double>(present);
        }
    }
    return weights;
}

bank::DrawWeights draw_weights(const Profile& profile,
                               std::span<const rubric::Rubric* const> rubrics) {
    bank::DrawWeights weights;
    weights.categories = category_weights(profile, rubrics);
    for (const Weight& tag : profile.tag_weights) weights.tags.emplace_back(tag.id, tag.weight);
    return weights;
}

const Profile* ProfileSet::find(std::string_view id) const {
    for (const Profile& profile : profiles)
        if (profile.id == id) return &profile;
    return nullptr;
}

bool ProfileSet::is_broken(std::string_view id) const {
    return std::find(broken.begin(), broken.end(), id) != broken.end();
}

std::vector<std::string> ProfileSet::ids() const {
    std::vector<std::string> ids;
    for (const Profile& profile : profiles) ids.push_back(profile.id);
    return ids;
}

ProfileSet build_profiles(std::span<const rubric::SourceFile> shipped,
                          std::span<const rubric::SourceFile> user,
                          const rubric::Catalog* catalog) {
    ProfileSet set;
    std::map<std::string, Profile, std::less<>> by_id;
    const auto add = [&](std::span<const rubric::SourceFile> files, std::string_view origin) {
        for (const rubric::SourceFile& file : files) {
            if (auto profile = load_profile(file, set.diagnostics, catalog)) {
                profile->origin = origin;
                by_id.insert_or_assign(profile->id, std::move(*profile));
            } else {
                std::string id = std::filesystem::path(file.path).stem().string();
                by_id.erase(id);
                set.broken.push_back(std::move(id));
            }
        }
    };
    add(shipped, "built-in");
    add(user, "user");
    for (auto& [id, profile] : by_id) set.profiles.push_back(std::move(profile));
    return set;
}

} // namespace mockcoach::profile
