// The report's calibration section: how far the candidate's own scores sit from reviewers'.
#pragma once

#include "history/history.hpp"

#include <string>

namespace mockcoach::report {

// How many criteria the chart shows, largest gap first (the table has them all).
inline constexpr std::size_t calibration_shown = 12;

// Per criterion, a bar from the zero line to the difference (your mean minus your reviewers'),
// with both means and the sessions behind them as the row's note; "" when nothing is compared.
std::string calibration_chart(const history::Calibration& calibration);
// Every criterion's and category's figures, as the chart's text alternative.
std::string calibration_table(const history::Calibration& calibration);

} // namespace mockcoach::report
