// The sessions folder's names.
#include "transcript/store.hpp"

#include <ctime>
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
    const std::time_t seconds = std::chrono::system_clock::to_time_t(started);
    std::tm local{};
    ::localtime_r(&seconds, &local);
    return fmt::format("{:04}{:02}{:02}-{:02}{:02}{:02}-{}-{}", local.tm_year + 1900,
                       local.tm_mon + 1, local.tm_mday, local.tm_hour, local.tm_min, local.tm_sec,
                       sanitise(rubric, 32), sanitise(question, 48));
}

} // namespace mockcoach::transcript
