// Draw profiles and interview loops: a profile reweights the categories for a target interview
// (the seed's distribution stays the default), and a profile with rounds is a whole interview
// day for `mockcoach loop`. Shipped profiles are compiled in (profiles/*.toml); a user's own in
// $XDG_CONFIG_HOME/mockcoach/profiles replace them by id.
#pragma once

#include "bank/bank.hpp"
#include "rubric/rubric.hpp"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace mockcoach::profile {

inline constexpr int format_version = 1;

// A weight given to a category (in [weights]) or a multiplier given to a tag ([tag_weights]).
struct Weight {
    std::string id;
    double weight = 0;
    rubric::Place place;
};

struct Round {
    std::string name; // "ML system design"
    // Rubric ids; the round's question is drawn among them by the profile's weights.
    std::vector<std::string> categories;
    std::vector<rubric::Place> category_places; // one per category, for "unknown category"
    // The round's length: the drawn rubric's phase budgets are scaled so they sum to it (the
    // round's budget scale). None: the rubric's own budgets.
    std::optional<double> minutes;
    // Questions asked back to back in the round, each its own session; they share its minutes
    // (a 30-minute behavioral round is several STAR answers with follow-ups, not one).
    int questions = 1;
    rubric::Place questions_place; // of the "questions" key (the round's when not given)
    double break_minutes = 0;      // the break after this round; never taken after the last
    rubric::Place place;
};

struct Profile {
    std::string id; // the file's name without .toml
    std::string name;
    std::string description;
    // Explicit [weights]; empty when the weights are derived from the rounds.
    std::vector<Weight> weights;
    // Question weights multiplied by tag: a behavioral round that leans on technical challenges,
    // or `star --profile` rehearsing the themes a loop asks about. Unlisted tags count 1.
    std::vector<Weight> tag_weights;
    std::vector<Round> rounds; // empty: a draw profile, not a loop
    std::string origin;        // "built-in" or the user's profiles folder
    rubric::Place place;
};

// What a profile is checked for beyond its own file: as a draw profile (its categories), or also
// as a loop's day (each round's questions against what its categories hold).
enum class Checks { draw, day };

// A profile file: its id is taken from the file name. Its problems are appended to
// `diagnostics`, all of them in one run and in the order of the file; with a catalog, that
// includes its unknown categories (check_categories) and, for Checks::day, rounds that ask more
// than their categories hold (check_round_questions). A file with any error yields nothing.
std::optional<Profile> load_profile(const rubric::SourceFile& file, Diagnostics& diagnostics,
                                    const rubric::Catalog* catalog = nullptr,
                                    Checks checks = Checks::draw);

// Categories the catalog does not have, each at its place with the nearest id.
void check_categories(const Profile& profile, const rubric::Catalog& catalog,
                      Diagnostics& diagnostics);

// A round that asks more questions than its categories hold in the catalog as loaded (user
// rubrics included), at its "questions" key: a loop day never asks a question twice. Only a
// loop needs this; the profile still weights a draw.
void check_round_questions(const Profile& profile, const rubric::Catalog& catalog,
                           Diagnostics& diagnostics);

// Each rubric's weight under the profile, in the order of `rubrics`. With [weights] that is its
// weight there (0 when not listed). Without, the rounds decide: each round's minutes (or, with
// none, the mean length of its rubrics) shared among its categories in proportion to their seed
// weights, so a category gets the share of the draw that it has of the day.
std::vector<double> category_weights(const Profile& profile,
                                     std::span<const rubric::Rubric* const> rubrics);

// The profile's weights for a draw among `rubrics`: category_weights and its tag multipliers.
bank::DrawWeights draw_weights(const Profile& profile,
                               std::span<const rubric::Rubric* const> rubrics);

// The minutes one question of a round takes with rubric `drawn`: the round's minutes shared
// among its questions, or the rubric's own length.
double question_minutes(const Round& round, const rubric::Rubric& drawn);
// How much the round scales rubric `drawn`'s phase budgets: 1 when it gives no minutes.
double budget_scale(const Round& round, const rubric::Rubric& drawn);

struct ProfileSet {
    std::vector<Profile> profiles; // by id
    Diagnostics diagnostics;
    // Ids of the files left out for their errors: asking for one is not asking for an unknown
    // profile. A broken file of the user's hides a shipped profile with its id, since the user
    // meant their own.
    std::vector<std::string> broken;

    const Profile* find(std::string_view id) const;
    bool is_broken(std::string_view id) const;
    std::vector<std::string> ids() const;
};

// The shipped files, then the user's: a user profile replaces a shipped one with its id. With a
// catalog, a profile naming a category it does not have is broken too.
ProfileSet build_profiles(std::span<const rubric::SourceFile> shipped,
                          std::span<const rubric::SourceFile> user,
                          const rubric::Catalog* catalog = nullptr);

// The shipped profiles/*.toml, compiled in (origin "built-in:profiles/NAME.toml").
std::vector<rubric::SourceFile> shipped_profile_files();

} // namespace mockcoach::profile
