// CSV as RFC 4180 has it: comma-separated, CRLF-free (\n) rows, fields quoted only when they
// hold a comma, a quote or a line break, quotes doubled inside.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace mockcoach {

std::string csv_field(std::string_view text);
// One row, fields joined by commas and ended by a newline.
std::string csv_row(const std::vector<std::string>& fields);

} // namespace mockcoach
