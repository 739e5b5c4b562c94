// Reading the rubric fixtures under tests/fixtures/rubrics/, shared by the rubric tests.
#pragma once

#include "rubric/rubric.hpp"
#include "util/files.hpp"

#include "../strings.hpp"

#include <doctest/doctest.h>
#include <string>
#include <string_view>
#include <vector>

namespace mockcoach::testing {

inline std::string fixture_path(std::string_view relative) {
    return std::string(MOCKCOACH_SOURCE_DIR) + "/tests/fixtures/rubrics/" + std::string(relative);
}

// A fixture as a source file named by its path under tests/fixtures/rubrics/, so expected
// diagnostics read "broken/negative-weight.toml:4:10: error: …" on every machine.
inline rubric::SourceFile fixture_file(std::string_view relative) {
    Diagnostics problems;
    auto bytes = read_file(fixture_path(relative), 1024 * 1024, problems);
    for (const Diagnostic& d : problems) FAIL_CHECK(format_diagnostic(d));
    REQUIRE(bytes.has_value());
    return {std::string(relative), std::move(*bytes)};
}

inline std::vector<std::string> formatted(const Diagnostics& diagnostics) {
    std::vector<std::string> lines;
    for (const Diagnostic& d : diagnostics) lines.push_back(format_diagnostic(d));
    return lines;
}

// Every diagnostic for one file of the broken corpus, loaded on top of the shipped rubrics (so
// a question file can name a built-in rubric), in the order they are reported.
inline std::vector<std::string> broken_diagnostics(std::string_view name) {
    const rubric::Catalog catalog = rubric::build_catalog(
        {rubric::embedded_layer(), {"test", {fixture_file("broken/" + std::string(name))}, {}}});
    return formatted(catalog.diagnostics);
}

} // namespace mockcoach::testing
