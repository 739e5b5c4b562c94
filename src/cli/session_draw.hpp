// The question `start` draws when none is named, in one place: `packet --seed` draws through it
// too, so a packet and a session of the same seed (and categories, and history when adaptive)
// are about the same question.
#pragma once

#include "cli/context.hpp"
#include "cli/history_setup.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace mockcoach::cli {

// One question from `categories` (the settings' when none), weighed as `profile` says (the
// seed's weights without one), drawn by `seed`; adaptive (from the sessions in `sessions_dir`)
// when `adaptive` says so. A UsageError when there is none to draw.
bank::Drawn draw_session_question(Context& context, const std::vector<std::string>& categories,
                                  const std::optional<std::string>& profile,
                                  const AdaptiveOptions& adaptive,
                                  const std::optional<std::string>& sessions_dir,
                                  std::uint64_t seed);

// The options of that draw that shaped it, as a command line takes them ("-c dsa --profile
// mlops-platform --adaptive --adaptive-strength 1"); empty for the plain draw of every category.
// With the same seed (and, when adaptive, the same history) they draw the same question.
std::string draw_options(Context& context, const std::vector<std::string>& categories,
                         const std::optional<std::string>& profile,
                         const AdaptiveOptions& adaptive);

} // namespace mockcoach::cli
