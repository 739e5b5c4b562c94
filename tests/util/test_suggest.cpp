#include "util/suggest.hpp"

#include <algorithm>
#include <cstdint>
#include <doctest/doctest.h>
#include <string>
#include <string_view>
#include <vector>

using namespace mockcoach;

TEST_SUITE_BEGIN("util/suggest");

TEST_CASE("edit distance counts insertions, deletions and substitutions") {
    CHECK(edit_distance("minutes", "minutes") == 0);
    CHECK(edit_distance("minuts", "minutes") == 1);
    CHECK(edit_distance("prompt", "prompts") == 1);
    CHECK(edit_distance("kitten", "sitting") == 3);
    CHECK(edit_distance("", "abc") == 3);
    CHECK(edit_distance("abc", "") == 3);
    CHECK(edit_distance("nxet", "next") == 1);
    CHECK(edit_distance("Minutes", "minutes") == 0);
}

namespace {
// The whole table, as the textbook fills it: what the three-row version must agree with.
std::size_t table_distance(std::string_view a, std::string_view b) {
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
    for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t change = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + change});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    }
    return d[a.size()][b.size()];
}
} // namespace

TEST_CASE("edit distance agrees with the whole table, short words and long ones alike") {
    // Words over a three-letter alphabet, so swaps and repeats are common; lengths up to 70
    // cross the 48 columns kept on the stack.
    std::uint32_t state = 12345;
    const auto next = [&] { return state = state * 1664525u + 1013904223u; };
    const auto word = [&] {
        std::string text(next() % 71, ' ');
        for (char& c : text) c = static_cast<char>('a' + (next() >> 16) % 3);
        return text;
    };
    for (int round = 0; round < 300; ++round) {
        const std::string a = word();
        const std::string b = word();
        CAPTURE(a);
        CAPTURE(b);
        CHECK(edit_distance(a, b) == table_distance(a, b));
        const std::size_t limit = next() % 8;
        CHECK(edit_distance(a, b, limit) == std::min(table_distance(a, b), limit + 1));
    }
}

TEST_CASE("a misspelt key finds its nearest known key, an unrelated word finds none") {
    const std::vector<std::string_view> keys{"name", "minutes", "prompts"};
    CHECK(closest_match("minuts", keys) == "minutes");
    CHECK(closest_match("Prompt", keys) == "prompts");
    CHECK_FALSE(closest_match("budget", keys).has_value());
}

TEST_CASE("a suggestion is worded one way: the message, then did you mean the near word") {
    const std::vector<std::string> commands{"history", "show", "stats"};
    CHECK(with_suggestion("unknown command \"histroy\"", "histroy", commands) ==
          "unknown command \"histroy\"; did you mean \"history\"?");
    CHECK(did_you_mean("stast", commands) == "; did you mean \"stats\"?");
    CHECK(did_you_mean("report", commands) == "");
}

TEST_CASE("with nothing near, the message ends as it is or with what the caller offers") {
    const std::vector<std::string_view> formats{"text", "json"};
    CHECK(with_suggestion("unknown format \"yaml\"", "yaml", formats) == "unknown format \"yaml\"");
    CHECK(with_suggestion("unknown format \"yaml\"", "yaml", formats, "; use text or json") ==
          "unknown format \"yaml\"; use text or json");
    CHECK(with_suggestion("unknown format \"jsno\"", "jsno", formats, "; use text or json") ==
          "unknown format \"jsno\"; did you mean \"json\"?");
}

TEST_SUITE_END();
