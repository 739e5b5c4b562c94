// What a hook is told, as environment variables.
#include "hooks/hooks.hpp"

#include <fmt/format.h>

namespace mockcoach::hooks {

const std::optional<std::string>& Commands::command(Event event) const {
    switch (event) {
    case Event::phase_end:
        return phase_end;
    case Event::overtime:
        return overtime;
    case Event::session_end:
        break;
    }
    return session_end;
}

std::vector<std::string> environment(const Facts& facts) {
    std::vector<std::string> env{
        fmt::format("MOCKCOACH_EVENT={}", event_name(facts.event)),
        fmt::format("MOCKCOACH_RUBRIC={}", facts.rubric),
        fmt::format("MOCKCOACH_QUESTION_ID={}", facts.question_id),
        fmt::format("MOCKCOACH_PHASE={}", facts.phase),
        fmt::format("MOCKCOACH_PHASE_INDEX={}", facts.phase_index),
        fmt::format("MOCKCOACH_BUDGET_SECONDS={}", facts.budget_seconds),
        fmt::format("MOCKCOACH_USED_SECONDS={}", facts.used_seconds),
    };
    if (!facts.transcript.empty())
        env.push_back(fmt::format("MOCKCOACH_TRANSCRIPT={}", facts.transcript));
    return env;
}

} // namespace mockcoach::hooks
