// JsonWriter: nesting and indentation, commas between items only, escaping, numbers.
#include "util/json.hpp"

#include <cmath>
#include <cstdint>
#include <doctest/doctest.h>
#include <limits>
#include <optional>
#include <string>
#include <vector>

using namespace mockcoach;

TEST_SUITE_BEGIN("util/json");

TEST_CASE("nested objects and arrays are indented by two spaces with commas between items") {
    JsonWriter out;
    out.begin_object()
        .field("id", "dsa")
        .field("weight", 39)
        .key("phases")
        .begin_array()
        .begin_object()
        .field("name", "Clarify")
        .field("minutes", 5.0)
        .end_object()
        .begin_object()
        .field("name", "Code")
        .field("minutes", 0.5)
        .end_object()
        .end_array()
        .field("tags", std::vector<std::string>{"graphs", "bfs"})
        .field("live", true)
        .end_object();
    CHECK(out.str() == "{\n"
                       "  \"id\": \"dsa\",\n"
                       "  \"weight\": 39,\n"
                       "  \"phases\": [\n"
                       "    {\n"
                       "      \"name\": \"Clarify\",\n"
                       "      \"minutes\": 5\n"
                       "    },\n"
                       "    {\n"
                       "      \"name\": \"Code\",\n"
                       "      \"minutes\": 0.5\n"
                       "    }\n"
                       "  ],\n"
                       "  \"tags\": [\n"
                       "    \"graphs\",\n"
                       "    \"bfs\"\n"
                       "  ],\n"
                       "  \"live\": true\n"
                       "}\n");
}

TEST_CASE("empty containers close on the same line") {
    JsonWriter out;
    out.begin_object()
        .key("none")
        .begin_array()
        .end_array()
        .key("nothing")
        .begin_object()
        .end_object()
        .field("tags", std::vector<std::string>{})
        .end_object();
    CHECK(out.str() == "{\n  \"none\": [],\n  \"nothing\": {},\n  \"tags\": []\n}\n");
}

TEST_CASE("an empty top-level array is two brackets and a newline") {
    JsonWriter out;
    out.begin_array().end_array();
    CHECK(out.str() == "[]\n");
}

TEST_CASE("a top-level array of scalars puts each on its own line") {
    JsonWriter out;
    out.begin_array().value(1).value("two").null().value(false).end_array();
    CHECK(out.str() == "[\n  1,\n  \"two\",\n  null,\n  false\n]\n");
}

TEST_CASE("an absent optional is null and a present one is its value") {
    JsonWriter out;
    out.begin_object()
        .field("score", std::optional<double>{})
        .field("mean", std::optional<double>{3.5})
        .end_object();
    CHECK(out.str() == "{\n  \"score\": null,\n  \"mean\": 3.5\n}\n");
}

TEST_CASE("quotes, backslashes and control characters are escaped") {
    CHECK(json_quote("plain") == "\"plain\"");
    CHECK(json_quote("say \"hi\"") == "\"say \\\"hi\\\"\"");
    CHECK(json_quote("C:\\dir") == "\"C:\\\\dir\"");
    CHECK(json_quote("a\nb\rc\td") == "\"a\\nb\\rc\\td\"");
    CHECK(json_quote("\x01\x1f\x7f") == "\"\\u0001\\u001F\\u007F\"");
    CHECK(json_quote(std::string("nul\0byte", 8)) == "\"nul\\u0000byte\"");
    CHECK(json_quote("\b\f") == "\"\\u0008\\u000C\"");
}

TEST_CASE("non-ASCII text passes through unescaped; DEL is escaped, as TOML needs it") {
    CHECK(json_quote("caf\xC3\xA9 \xE2\x9C\x93") == "\"caf\xC3\xA9 \xE2\x9C\x93\"");
    CHECK(json_quote("\x7F") == "\"\\u007F\"");
}

TEST_CASE("keys are escaped like values") {
    JsonWriter out;
    out.begin_object().field("a\"b", "c\nd").end_object();
    CHECK(out.str() == "{\n  \"a\\\"b\": \"c\\nd\"\n}\n");
}

TEST_CASE("numbers are written in the shortest form that reads back the same") {
    const auto one = [](auto number) {
        JsonWriter out;
        out.value(number);
        return out.str();
    };
    CHECK(one(3.0) == "3\n");
    CHECK(one(-2.0) == "-2\n");
    CHECK(one(0.1) == "0.1\n");
    CHECK(one(103.0 / 273.0) == "0.3772893772893773\n");
    CHECK(one(1e20) == "1e+20\n");
    CHECK(one(std::int64_t{-9007199254740993}) == "-9007199254740993\n");
    CHECK(one(std::numeric_limits<std::uint64_t>::max()) == "18446744073709551615\n");
    CHECK(one(42) == "42\n");
}

TEST_CASE("numbers JSON cannot hold are written as null") {
    JsonWriter out;
    out.begin_array()
        .value(std::nan(""))
        .value(std::numeric_limits<double>::infinity())
        .value(-std::numeric_limits<double>::infinity())
        .end_array();
    CHECK(out.str() == "[\n  null,\n  null,\n  null\n]\n");
}

TEST_SUITE_END();
