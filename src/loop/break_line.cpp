// The commands of a break in scripted mode.
#include "loop/loop.hpp"

#include "session/script.hpp"

#include <fmt/format.h>

namespace mockcoach::loop {

std::optional<std::variant<BreakLine, std::string>> parse_break_line(std::string_view line) {
    const std::string_view usage = "during a break: skip, wait SECONDS or quit";
    std::size_t start = line.find_first_not_of(" \t\r");
    if (start == std::string_view::npos || line[start] == '#') return std::nullopt;
    const std::string_view text = line.substr(start, line.find_last_not_of(" \t\r") - start + 1);
    if (text == "skip") return BreakLine{BreakLine::Kind::skip};
    if (text.starts_with("skip")) return std::string(usage); // not a session's `skip CRITERION`
    // `wait` and `quit` mean what they mean in a session: the same parser checks them.
    const auto parsed = session::parse_script_line(text);
    if (!parsed) return std::nullopt;
    if (const auto* error = std::get_if<session::ScriptError>(&*parsed))
        return text.starts_with("wait") ? error->message : std::string(usage);
    const auto& command = std::get<session::ScriptCommand>(*parsed);
    if (const auto* wait = std::get_if<session::Wait>(&command))
        return BreakLine{BreakLine::Kind::wait, wait->duration};
    if (const auto* event = std::get_if<session::ScriptEvent>(&command);
        event && event->kind == session::EventKind::quit)
        return BreakLine{BreakLine::Kind::quit};
    return fmt::format("{} is not for a break; {}", text.substr(0, text.find(' ')), usage);
}

} // namespace mockcoach::loop
