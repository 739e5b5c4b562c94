// Escaping user text into the page, and the stable number format of SVG coordinates.
#include "report/html.hpp"

#include <doctest/doctest.h>

using namespace mockcoach::report;

TEST_SUITE_BEGIN("report/html");

TEST_CASE("escape turns the five HTML-special characters into references") {
    CHECK(escape("<b>\"Tom\" & 'Jerry'</b>") ==
          "&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jerry&#39;&lt;/b&gt;");
}

TEST_CASE("escape keeps UTF-8, tabs and newlines and blanks other control characters") {
    CHECK(escape("caf\u00e9 \u2192 \u8bd5") == "caf\u00e9 \u2192 \u8bd5");
    CHECK(escape("a\tb\nc") == "a\tb\nc");
    CHECK(escape(std::string("a\0b\x1b[31m\x7f", 9)) == "a b [31m ");
}

TEST_CASE("escape leaves an already escaped reference visible as typed") {
    CHECK(escape("&lt;") == "&amp;lt;");
}

TEST_CASE("coordinates have at most one decimal and never a negative zero") {
    CHECK(coordinate(12) == "12");
    CHECK(coordinate(12.34) == "12.3");
    CHECK(coordinate(12.96) == "13");
    CHECK(coordinate(-0.01) == "0");
    CHECK(coordinate(-3.24) == "-3.2");
}

TEST_SUITE_END();
