// The C++ source the generator writes: rubrics as the static data of rubric/embedded.hpp.
#pragma once

#include "rubric/rubric.hpp"

#include <span>
#include <string>
#include <string_view>

namespace mockcoach::rubric::gen {

struct NamedRubric {
    std::string file; // its name in the rubric folder: "system-design.toml"
    const Rubric* rubric = nullptr;
};

// A source file defining `const RubricSet& FUNCTION()` (in mockcoach::rubric) that holds
// `rubrics` in the order given, every field of each and the line and column of every place.
// The same rubrics give the same bytes.
std::string cpp_source(std::span<const NamedRubric> rubrics, std::string_view function);

// `text` as a C++ string literal: quotes, backslashes, control and non-ASCII bytes escaped
// (octal, so that no following character can extend an escape).
std::string cpp_literal(std::string_view text);

} // namespace mockcoach::rubric::gen
