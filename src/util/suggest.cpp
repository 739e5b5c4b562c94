// Typo suggestions for unknown keys and ids.
#include "util/suggest.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

namespace mockcoach {

std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit) {
    // Optimal string alignment: Levenshtein plus the swap of two neighbours ("nxet" -> "next")
    // as one edit, the commonest typo of all. Only three rows of the table are alive at once,
    // and for the short words that "did you mean" compares they live on the stack: a rubric
    // or a scripted session asks this for every unknown word, and an allocation each time was
    // most of what a mistyped line cost.
    const auto same = [](char x, char y) {
        return std::tolower(static_cast<unsigned char>(x)) ==
               std::tolower(static_cast<unsigned char>(y));
    };
    const std::size_t columns = b.size() + 1;
    constexpr std::size_t inline_columns = 48;
    std::array<std::size_t, 3 * inline_columns> inline_rows;
    std::vector<std::size_t> heap_rows;
    std::size_t* rows = inline_rows.data();
    if (columns > inline_columns) {
        heap_rows.resize(3 * columns);
        rows = heap_rows.data();
    }
    // Row i of the table lives at rows[(i % 3) * columns].
    const auto row = [&](std::size_t i) { return rows + (i % 3) * columns; };
    for (std::size_t j = 0; j <= b.size(); ++j) row(0)[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t* current = row(i);
        const std::size_t* previous = row(i - 1);
        current[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1,
                                   previous[j - 1] + (same(a[i - 1], b[j - 1]) ? 0 : 1)});
            if (i > 1 && j > 1 && same(a[i - 1], b[j - 2]) && same(a[i - 2], b[j - 1]))
                current[j] = std::min(current[j], row(i - 2)[j - 2] + 1);
        }
        // No cell of a later row can be below this row's least (nor below the row before's
        // least plus one, which this row's least never exceeds): once past the limit, done.
        if (*std::min_element(current, current + columns) > limit) return limit + 1;
    }
    return std::min(row(a.size())[b.size()], limit + 1);
}

namespace {
template <typename Candidates>
std::optional<std::string> closest(std::string_view word, const Candidates& candidates) {
    // A third of the word's length, at least one edit and at most three: "minuts" finds
    // "minutes", while "id" does not find "tip".
    const std::size_t limit = std::clamp<std::size_t>(word.size() / 3, 1, 3);
    std::optional<std::string> best;
    std::size_t best_distance = limit + 1;
    for (const auto& candidate : candidates) {
        // Lengths further apart than the limit need more edits than it allows: no table to
        // fill, which keeps a 60,000-character "word" from costing a million cells a guess.
        const std::size_t gap = word.size() > candidate.size() ? word.size() - candidate.size()
                                                               : candidate.size() - word.size();
        if (gap > limit) continue;
        const std::size_t distance = edit_distance(word, candidate, limit);
        if (distance < best_distance) {
            best_distance = distance;
            best = std::string(candidate);
        }
    }
    return best;
}
} // namespace

std::optional<std::string> closest_match(std::string_view word,
                                         std::span<const std::string_view> candidates) {
    return closest(word, candidates);
}

std::optional<std::string> closest_match(std::string_view word,
                                         std::span<const std::string> candidates) {
    return closest(word, candidates);
}

namespace {
template <typename Candidates>
std::string suggestion(std::string_view word, const Candidates& candidates) {
    if (auto near = closest(word, candidates)) return "; did you mean \"" + *near + "\"?";
    return {};
}
} // namespace

std::string did_you_mean(std::string_view word, std::span<const std::string_view> candidates) {
    return suggestion(word, candidates);
}

std::string did_you_mean(std::string_view word, std::span<const std::string> candidates) {
    return suggestion(word, candidates);
}

std::string with_suggestion(std::string message, std::string_view word,
                            std::span<const std::string_view> candidates,
                            std::string_view otherwise) {
    const std::string near = suggestion(word, candidates);
    message += near.empty() ? otherwise : std::string_view(near);
    return message;
}

std::string with_suggestion(std::string message, std::string_view word,
                            std::span<const std::string> candidates, std::string_view otherwise) {
    const std::string near = suggestion(word, candidates);
    message += near.empty() ? otherwise : std::string_view(near);
    return message;
}

} // namespace mockcoach
