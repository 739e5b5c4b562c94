// The sessions folder's names.
#include "transcript/store.hpp"

#include "util/wall_time.hpp"

#include <fmt/format.h>

namespace mockcoach::transcript {

std::string sanitise(std::string_view text, std::size_t max_length) {
    std::string out;
    for (char c : text) {
        if (out.size() >= max_length) break;
        const auto u = static_cast<unsigned char>(c);
        if ((u >= 'a' && u <= 'z') || (u >= '0' && u <= '9'))
            out += c;
        else if (u >= 'A' && u <= 'Z')
            out += static_cast<char>(u - 'A' + 'a');
        else if (!out.empty() && out.back() != '-')
            out += '-';
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out.empty() ? "x" : out;
}

std::string session_id(std::chrono::system_clock::time_point started, std::string_view rubric,
                       std::string_view question) {
    const CivilTime local = civil_of(local_wall_time(started));
    return fmt::format("{:04}{:02}{:02}-{:02}{:02}{:02}-{}-{}", local.date.year, local.date.month,
                       local.date.day, local.hour, local.minute, local.second, sanitise(rubric, 32),
                       sanitise(question, 48));
}

} // namespace mockcoach::transcript
