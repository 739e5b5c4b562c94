// Calendar arithmetic without the C library's time zone state: days since 1970 and back.
#pragma once

#include <cstdint>
#include <toml++/toml.h>

namespace mockcoach::history {

std::int64_t days_from_civil(int year, int month, int day);
toml::date civil_from_days(std::int64_t days);
bool valid_date(int year, int month, int day);

} // namespace mockcoach::history
