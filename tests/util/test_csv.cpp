// CSV quoting: plain fields as they are, the rest quoted with quotes doubled.
#include "util/csv.hpp"

#include <doctest/doctest.h>

using namespace mockcoach;

TEST_SUITE_BEGIN("util/csv");

TEST_CASE("csv fields are quoted only when they need it") {
    CHECK(csv_field("plain text") == "plain text");
    CHECK(csv_field("") == "");
    CHECK(csv_field("a,b") == "\"a,b\"");
    CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(csv_field("two\nlines") == "\"two\nlines\"");
    CHECK(csv_field("carriage\rreturn") == "\"carriage\rreturn\"");
}

TEST_CASE("a csv row joins its fields with commas and ends with a newline") {
    CHECK(csv_row({"a", "b,c", ""}) == "a,\"b,c\",\n");
    CHECK(csv_row({}) == "\n");
}

TEST_SUITE_END();
