// The STAR rehearsal's live screens as text (pure, like screen.hpp): the plan with the keys to
// come, each part with its prompts and a multi-line editor, and the save-as-story form.
#pragma once

#include "live/screen.hpp"
#include "live/story_form.hpp"

#include <optional>
#include <string>

namespace mockcoach::live {

// The question, the story being rehearsed (if any), the parts with budgets and prompts, and
// how the editor works, before the clock starts.
Lines star_plan_screen(const session::Plan& plan, const std::optional<std::string>& story,
                       const View& view);
// A running part: the clock, the part's prompts, the lines said so far and the line being
// typed (view.draft), the keys.
Lines star_part_screen(const session::Engine& engine, const View& view);
// The save-as-story form.
Lines story_screen(const StoryForm& form, const View& view);

// The keys of a running part, for the screen and the help.
inline constexpr std::string_view star_keys_full =
    "Enter new line \u00b7 Tab next part \u00b7 Ctrl-P pause \u00b7 Ctrl-E +1 min \u00b7 Esc end";
inline constexpr std::string_view star_keys_short =
    "Tab next\u00b7^P pause\u00b7^E +1m\u00b7Esc end";

} // namespace mockcoach::live
