// The numbers behind each chart as HTML tables: the charts' text alternative, and what to copy.
#pragma once

#include "report/report.hpp"

#include <string>

namespace mockcoach::report {

std::string scores_table(const ReportData& data);
std::string criteria_table(const ReportData& data);
std::string key_points_table(const ReportData& data);
std::string phases_table(const ReportData& data);
std::string coverage_table(const ReportData& data);
std::string blind_table(const ReportData& data);
std::string due_table(const ReportData& data);
std::string latest_table(const ReportData& data);

} // namespace mockcoach::report
