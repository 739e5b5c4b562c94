// toml++'s date-times cross into WallTime where TOML is read: the reading and the offset survive
// both ways, negative offsets included.
#include "tomlfile/parse.hpp"

#include <doctest/doctest.h>

using namespace mockcoach;

namespace {

toml::date_time parsed(std::string_view text) {
    const tomlfile::Parsed document = tomlfile::parse("t.toml", text);
    REQUIRE(document.table);
    return *(*document.table)["at"].value<toml::date_time>();
}

} // namespace

TEST_SUITE_BEGIN("tomlfile/parse");

TEST_CASE("a TOML date-time with a positive offset reads as that wall clock reading") {
    const WallTime when = tomlfile::wall_time_of(parsed("at = 2026-11-24T23:58:05+01:00\n"));
    CHECK(when == from_civil({{2026, 11, 24}, 23, 58, 5}, 60));
    CHECK(format_date_time(when, DateTimeForm::iso) == "2026-11-24T23:58:05+01:00");
}

TEST_CASE("a negative offset and a Z survive the round trip to toml++ and back") {
    for (const char* text : {"at = 2025-03-14T09:05:07-03:30\n", "at = 2026-01-01T00:00:00Z\n",
                             "at = 1999-12-31T23:59:59-05:00\n"}) {
        const toml::date_time original = parsed(text);
        const WallTime when = tomlfile::wall_time_of(original);
        CHECK(tomlfile::toml_date_time_of(when) == original);
        CHECK(tomlfile::wall_time_of(tomlfile::toml_date_time_of(when)) == when);
    }
    CHECK(tomlfile::wall_time_of(parsed("at = 2025-03-14T09:05:07-03:30\n")).offset_minutes ==
          -210);
}

TEST_SUITE_END();
