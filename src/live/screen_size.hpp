// The measures every live screen is drawn to: its width and rows (never below what the
// screens are laid out for), a line cut to the width, text wrapped to it, a countdown's seconds.
#pragma once

#include "live/screen.hpp"
#include "util/text.hpp"

#include <algorithm>
#include <string>
#include <string_view>

namespace mockcoach::live {

inline std::size_t width_of(const View& view) {
    return static_cast<std::size_t>(std::max(view.size.columns, 20));
}

inline std::size_t rows_of(const View& view) {
    return static_cast<std::size_t>(std::max(view.size.rows, 12));
}

inline std::string fit(std::string_view text, const View& view) {
    return truncate_to(text, width_of(view));
}

// Seconds shown on a countdown: rounded up, so "00:00" appears only when time is really up.
inline long long ceil_seconds(session::Millis ms) {
    return ms <= 0 ? 0 : (ms + 999) / 1000;
}

inline void add_wrapped(Lines& lines, std::string_view text, std::size_t width,
                        std::string_view indent = "") {
    for (const auto& line : wrap(text, width > indent.size() + 8 ? width - indent.size() : 8))
        lines.push_back(std::string(indent) + line);
}

} // namespace mockcoach::live
