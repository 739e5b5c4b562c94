// HTML escaping and number formatting for the page and its charts.
#include "report/html.hpp"

#include <cmath>
#include <fmt/format.h>

namespace mockcoach::report {

std::string escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            const auto u = static_cast<unsigned char>(c);
            out += (u < 0x20 && c != '\n' && c != '\t') || u == 0x7f ? ' ' : c;
        }
    }
    return out;
}

std::string coordinate(double value) {
    const double rounded = std::round(value * 10) / 10;
    if (rounded == 0) return "0";
    if (rounded == std::floor(rounded)) return fmt::format("{:.0f}", rounded);
    return fmt::format("{:.1f}", rounded);
}

} // namespace mockcoach::report
