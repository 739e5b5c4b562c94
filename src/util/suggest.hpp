// "Did you mean …?": the closest known word to a misspelt one.
#pragma once

#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace mockcoach {

// Edit distance: each insertion, deletion, substitution or swap of neighbours is one edit.
// Past `limit` the exact figure does not matter to a caller: the work stops as soon as the
// distance must exceed it, and limit + 1 comes back.
std::size_t edit_distance(std::string_view a, std::string_view b,
                          std::size_t limit = std::numeric_limits<std::size_t>::max() - 1);

// The candidate nearest to `word`, if it is near enough to be a plausible typo.
std::optional<std::string> closest_match(std::string_view word,
                                         std::span<const std::string_view> candidates);
std::optional<std::string> closest_match(std::string_view word,
                                         std::span<const std::string> candidates);

// The one wording of a suggestion, for every unknown id, key, command, option and value:
// `; did you mean "NEAR"?` when a candidate is near `word`, else "".
std::string did_you_mean(std::string_view word, std::span<const std::string_view> candidates);
std::string did_you_mean(std::string_view word, std::span<const std::string> candidates);

// `message` with the suggestion after it; when nothing is near, `otherwise` instead (a list of
// what there is, a pointer to a command), so a far miss still tells the user where to look.
std::string with_suggestion(std::string message, std::string_view word,
                            std::span<const std::string_view> candidates,
                            std::string_view otherwise = {});
std::string with_suggestion(std::string message, std::string_view word,
                            std::span<const std::string> candidates,
                            std::string_view otherwise = {});

} // namespace mockcoach
