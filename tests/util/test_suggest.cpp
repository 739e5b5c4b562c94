#include "util/suggest.hpp"

#include <doctest/doctest.h>
#include <string_view>
#include <vector>

using namespace mockcoach;

TEST_CASE("edit distance counts insertions, deletions and substitutions") {
    CHECK(edit_distance("minutes", "minutes") == 0);
    CHECK(edit_distance("minuts", "minutes") == 1);
    CHECK(edit_distance("prompt", "prompts") == 1);
    CHECK(edit_distance("kitten", "sitting") == 3);
    CHECK(edit_distance("", "abc") == 3);
}

TEST_CASE("a misspelt key finds its nearest known key, an unrelated word finds none") {
    const std::vector<std::string_view> keys{"name", "minutes", "prompts"};
    CHECK(closest_match("minuts", keys) == "minutes");
    CHECK(closest_match("Prompt", keys) == "prompts");
    CHECK_FALSE(closest_match("budget", keys).has_value());
}
