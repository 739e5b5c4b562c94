// What `due`, `stats`, `report` and `start --due`/`star --due` share of spaced repetition: the
// questions' memory states at the retention in force, and the most overdue question that the
// catalog still has.
#pragma once

#include "cli/context.hpp"
#include "history/history.hpp"
#include "history/review.hpp"

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace mockcoach::cli {

// Every reviewed question's memory state, at `retention` from the settings (0.9 by default);
// only those of `categories` when any are given. From the whole history: filtering sessions by
// date first would drop reviews a memory state is made of.
std::vector<history::MemoryState> memory_states(Context& context,
                                                std::span<const history::Session> sessions,
                                                const std::vector<std::string>& categories = {});

// `start --due`, `star --due`: the due question most likely forgotten (lowest recall now) among
// `rubrics`, skipping any the catalog no longer has; none when nothing there is due, after
// saying so on stderr ("drawing as usual"): the caller then draws as it would have.
std::optional<bank::Drawn> most_overdue(Context& context,
                                        std::span<const rubric::Rubric* const> rubrics,
                                        const std::optional<std::string>& sessions_dir);

} // namespace mockcoach::cli
