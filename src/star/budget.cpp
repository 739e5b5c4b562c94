// How long a STAR answer may take: the rubric's budgets are for speaking, so a typed answer's
// are scaled to typing speed unless the user set the total.
#include "star/star.hpp"

#include "util/text.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace mockcoach::star {

Budget star_budget(std::int64_t rubric_seconds, session::Delivery delivery,
                   std::optional<std::int64_t> set_total, std::string_view set_by,
                   std::int64_t typing_wpm) {
    const bool typed = delivery == session::Delivery::typed;
    if (set_total)
        return {set_total, fmt::format("{} as set by {}{}", format_clock(*set_total), set_by,
                                       typed ? " (not scaled for typing)" : "")};
    if (!typed)
        return {std::nullopt, fmt::format("{} for speaking, at about {} words a minute",
                                          format_clock(rubric_seconds), speaking_wpm)};
    typing_wpm = std::max<std::int64_t>(typing_wpm, 1);
    const std::int64_t total =
        std::llround(static_cast<double>(rubric_seconds) * static_cast<double>(speaking_wpm) /
                     static_cast<double>(typing_wpm));
    return {total, fmt::format("{} for typing: the spoken {} \u00d7 {}/{} words a minute "
                               "(star_typing_wpm)",
                               format_clock(total), format_clock(rubric_seconds), speaking_wpm,
                               typing_wpm)};
}

} // namespace mockcoach::star
