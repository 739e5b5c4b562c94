// Fuzzes the date arguments of history, stats, export and report (`7d`, `4w`, `2026-11-01`):
// any text is a bound or a refusal, and a calendar date that is accepted is a real day that
// survives the trip through day counts.
#include "history/history.hpp"
#include "util/wall_time.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace mockcoach;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const history::Now now{1'795'000'000, Date{2026, 11, 25}};
    const auto bound = history::parse_date(text, now);
    if (!bound) return 0;
    if (bound->kind == history::DateBound::Kind::instant) {
        if (bound->epoch > now.epoch) std::abort(); // "N days ago" is never in the future
        return 0;
    }
    const int year = bound->day / 10000, month = bound->day / 100 % 100, day = bound->day % 100;
    if (!valid_date(year, month, day)) std::abort();
    const Date back = civil_from_days(days_from_civil(year, month, day));
    if (back.year != year || back.month != month || back.day != day) std::abort();
    return 0;
}
