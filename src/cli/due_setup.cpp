// Spaced repetition for the commands: memory states at the retention in force, and the draw of
// `start --due` and `star --due`.
#include "cli/due_setup.hpp"

#include "cli/history_setup.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace mockcoach::cli {

std::vector<history::MemoryState> memory_states(Context& context,
                                                std::span<const history::Session> sessions,
                                                const std::vector<std::string>& categories) {
    std::vector<history::MemoryState> states =
        history::memory_states(sessions, settings::retention(context.settings()).value);
    if (!categories.empty())
        std::erase_if(states, [&](const history::MemoryState& state) {
            return std::find(categories.begin(), categories.end(), state.rubric) ==
                   categories.end();
        });
    return states;
}

std::optional<bank::Drawn> most_overdue(Context& context,
                                        std::span<const rubric::Rubric* const> rubrics,
                                        const std::optional<std::string>& sessions_dir) {
    const history::Loaded loaded = load_history(context, {sessions_dir, false});
    const auto states = memory_states(context, loaded.sessions);
    const history::DueList due = history::due_questions(states, now_local(), 0);
    // Lowest recall first, ties in a fixed order: the same history draws the same question.
    for (const history::DueQuestion& item : due.now)
        for (const rubric::Rubric* rubric : rubrics) {
            if (rubric->id != item.state.rubric) continue;
            // A question since removed from its rubric cannot be run: the next one is.
            if (const rubric::Question* question = rubric->find_question(item.state.question_id))
                return bank::Drawn{rubric, question};
        }
    fmt::print(context.err, "mockcoach: no question is due for review; drawing as usual\n");
    return std::nullopt;
}

} // namespace mockcoach::cli
