// Reading one profile file: every key, type and value checked, each problem at its place.
#include "profile/profile.hpp"

#include "rubric/reading.hpp"
#include "tomlfile/reader.hpp"
#include "util/suggest.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fmt/format.h>
#include <set>
#include <tuple>

namespace mockcoach::profile {
namespace {

using rubric::check_format;
using rubric::place_of;
using rubric::read_text;
using rubric::valid_id;
using tomlfile::Need;
using tomlfile::TableReader;

// A loop day longer than this is a typo, not an interview: 8 hours.
constexpr double max_round_minutes = 8 * 60;
constexpr double max_break_minutes = 4 * 60;
constexpr std::int64_t max_round_questions = 20;

// A number of minutes in (0, most] (or [0, most] when zero is allowed).
std::optional<double> read_minutes(TableReader& reader, std::string_view key, double most,
                                   bool zero_allowed) {
    const auto minutes = reader.number(key, Need::optional);
    if (!minutes) return std::nullopt;
    const bool low = zero_allowed ? *minutes < 0 : *minutes <= 0;
    if (!std::isfinite(*minutes) || low || *minutes > most) {
        reader.error(reader.where(key),
                     fmt::format("\"{}\" must be {} 0 and at most {:g} (0.5 is 30 seconds)", key,
                                 zero_allowed ? "at least" : "more than", most));
        return std::nullopt;
    }
    return minutes;
}

// [weights] (what = "category") or [tag_weights] (what = "tag").
std::vector<Weight> read_weights(TableReader& reader, std::string_view key, std::string_view what) {
    std::vector<Weight> weights;
    const toml::table* table = reader.table(key, Need::optional);
    if (!table) return weights;
    const std::string path(reader.path());
    bool any_positive = false;
    for (const auto& [key, value] : *table) {
        const std::string_view id = key.str();
        if (!valid_id(id)) {
            reader.error(
                key.source(),
                fmt::format("\"{}\" is not a category id (1 to 64 of a-z, 0-9 and '-')", id));
            continue;
        }
        const auto weight = value.value<double>();
        if (!value.is_number() || !weight || !std::isfinite(*weight) || *weight < 0) {
            reader.error(
                value.source(),
                fmt::format("the weight of {} \"{}\" must be a number of 0 or more", what, id));
            continue;
        }
        any_positive = any_positive || *weight > 0;
        weights.push_back({std::string(id), *weight, place_of(path, key.source())});
    }
    if (table->empty())
        reader.error(table->source(),
                     what == "tag" ? fmt::format("[{}] is empty: give a tag its multiplier, or "
                                                 "leave the table out",
                                                 key)
                                   : fmt::format("[{}] is empty: give each category drawn its "
                                                 "weight, or leave the table out to take the "
                                                 "weights from the rounds",
                                                 key));
    else if (!any_positive && weights.size() == table->size())
        reader.error(table->source(),
                     fmt::format("[{}] must give at least one {} more than 0", key, what));
    return weights;
}

// The round as far as it could be read: its problems are in `diagnostics`, and its categories
// are still checked against the catalog, so one run reports everything.
Round read_round(const std::string& path, const toml::table& table, Diagnostics& diagnostics) {
    TableReader reader(path, table, "[[round]]",
                       {"name", "categories", "minutes", "questions", "break_minutes"},
                       diagnostics);
    Round round;
    round.place = place_of(path, table.source());
    round.name = read_text(reader, "name", Need::required).value_or("");
    round.categories =
        reader.strings("categories", Need::required).value_or(std::vector<std::string>{});
    if (const toml::node* node = reader.node("categories"); node && node->is_array()) {
        const toml::array& items = *node->as_array();
        if (items.empty())
            reader.error(node->source(), "\"categories\" must name at least one category");
        std::set<std::string, std::less<>> seen;
        for (std::size_t i = 0; i < round.categories.size() && i < items.size(); ++i) {
            const std::string& id = round.categories[i];
            round.category_places.push_back(place_of(path, items[i].source()));
            if (!valid_id(id))
                reader.error(items[i].source(), fmt::format("\"{}\" is not a category id", id));
            else if (!seen.insert(id).second)
                reader.error(items[i].source(),
                             fmt::format("category \"{}\" is named twice in this round", id));
        }
    }
    round.minutes = read_minutes(reader, "minutes", max_round_minutes, false);
    round.questions_place = place_of(path, reader.where("questions"));
    if (const auto questions = reader.integer("questions", Need::optional)) {
        if (*questions < 1 || *questions > max_round_questions)
            reader.error(reader.where("questions"),
                         fmt::format("\"questions\" must be 1 to {}", max_round_questions));
        else
            round.questions = static_cast<int>(*questions);
    }
    round.break_minutes =
        read_minutes(reader, "break_minutes", max_break_minutes, true).value_or(0);
    return round;
}

// A format newer than this mockcoach reads: its other keys and sections may be right for that
// format, so nothing else in the file is judged by this one's rules.
bool newer_format(const TableReader& reader) {
    const toml::node* format = reader.node("format");
    return format && format->is_integer() && format->as_integer()->get() > format_version;
}

} // namespace

std::optional<Profile> load_profile(const rubric::SourceFile& file, Diagnostics& diagnostics,
                                    const rubric::Catalog* catalog, Checks checks) {
    auto parsed = tomlfile::parse(file.path, file.bytes);
    const std::size_t before = diagnostics.size();
    diagnostics.insert(diagnostics.end(), parsed.diagnostics.begin(), parsed.diagnostics.end());
    if (!parsed.table) return std::nullopt;
    TableReader reader(file.path, *parsed.table, "the profile",
                       {"format", "name", "description", "weights", "tag_weights", "round"},
                       diagnostics);
    Profile profile;
    profile.id = std::filesystem::path(file.path).stem().string();
    profile.place = {file.path, 1, 1};
    if (!valid_id(profile.id))
        diagnostics.push_back({file.path, 0, 0, Severity::error,
                               fmt::format("a profile's file name is its id: \"{}\" must be 1 to "
                                           "64 of a-z, 0-9 and '-', then .toml",
                                           profile.id)});
    check_format(reader, format_version);
    if (newer_format(reader)) {
        const Diagnostic format_error = diagnostics.back();
        diagnostics.resize(before + parsed.diagnostics.size());
        diagnostics.push_back(format_error);
        return std::nullopt;
    }
    profile.name = read_text(reader, "name", Need::required).value_or("");
    profile.description = reader.string("description", Need::optional).value_or("");
    profile.weights = read_weights(reader, "weights", "category");
    profile.tag_weights = read_weights(reader, "tag_weights", "tag");
    for (const toml::table* table : reader.tables("round", Need::optional))
        profile.rounds.push_back(read_round(file.path, *table, diagnostics));
    if (!reader.node("weights") && !reader.node("round"))
        reader.error(reader.where(), "a profile needs [weights], [[round]] sections, or both");
    if (profile.rounds.size() > 1 && profile.rounds.back().break_minutes > 0) {
        const rubric::Place& last = profile.rounds.back().place;
        diagnostics.push_back({last.file, last.line, last.column, Severity::warning,
                               "the last round's break_minutes is never taken: the day ends "
                               "after it"});
    }
    if (catalog) check_categories(profile, *catalog, diagnostics);
    if (catalog && checks == Checks::day) check_round_questions(profile, *catalog, diagnostics);
    // In the order of the file, as an editor walks it, whichever check found each.
    std::stable_sort(diagnostics.begin() + static_cast<std::ptrdiff_t>(before), diagnostics.end(),
                     [](const Diagnostic& a, const Diagnostic& b) {
                         return std::tie(a.line, a.column) < std::tie(b.line, b.column);
                     });
    for (std::size_t i = before; i < diagnostics.size(); ++i)
        if (diagnostics[i].severity == Severity::error) return std::nullopt;
    return profile;
}

void check_categories(const Profile& profile, const rubric::Catalog& catalog,
                      Diagnostics& diagnostics) {
    const std::vector<std::string> known = catalog.ids();
    const auto check = [&](const std::string& id, const rubric::Place& place) {
        // An id that is not even well formed has its own error already.
        if (!valid_id(id) || catalog.find(id)) return;
        diagnostics.push_back({place.file, place.line, place.column, Severity::error,
                               with_suggestion(fmt::format("unknown category \"{}\"", id), id,
                                               known, "; see `mockcoach rubrics list`")});
    };
    for (const Weight& weight : profile.weights) check(weight.id, weight.place);
    for (const Weight& tag : profile.tag_weights) {
        const bool used = std::any_of(
            catalog.rubrics.begin(), catalog.rubrics.end(), [&](const rubric::Rubric& rubric) {
                return std::any_of(rubric.questions.begin(), rubric.questions.end(),
                                   [&](const rubric::Question& question) {
                                       return std::find(question.tags.begin(), question.tags.end(),
                                                        tag.id) != question.tags.end();
                                   });
            });
        if (!used)
            diagnostics.push_back({tag.place.file, tag.place.line, tag.place.column,
                                   Severity::warning,
                                   fmt::format("no question is tagged \"{}\", so its weight "
                                               "changes nothing",
                                               tag.id)});
    }
    for (const Round& round : profile.rounds)
        for (std::size_t i = 0; i < round.categories.size(); ++i)
            check(round.categories[i],
                  i < round.category_places.size() ? round.category_places[i] : round.place);
}

void check_round_questions(const Profile& profile, const rubric::Catalog& catalog,
                           Diagnostics& diagnostics) {
    for (const Round& round : profile.rounds) {
        std::size_t held = 0;
        bool all_known = true; // an unknown category is check_categories' to report
        for (const std::string& id : round.categories) {
            const rubric::Rubric* found = catalog.find(id);
            all_known = all_known && found;
            if (found) held += found->questions.size();
        }
        const auto asked = static_cast<std::size_t>(round.questions);
        if (all_known && asked > held)
            diagnostics.push_back(
                {round.questions_place.file, round.questions_place.line,
                 round.questions_place.column, Severity::error,
                 fmt::format("the round asks {} question{} but its categories hold {}; a day "
                             "never asks a question twice",
                             asked, asked == 1 ? "" : "s", held)});
    }
}

} // namespace mockcoach::profile
