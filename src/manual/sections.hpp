// The hand-written parts of the manual page, as roff: the longer description, then FILES,
// ENVIRONMENT, EXIT STATUS, EXAMPLES and SEE ALSO.
#pragma once

#include <string_view>

namespace mockcoach::manual {

std::string_view description_section();
std::string_view trailing_sections();

} // namespace mockcoach::manual
