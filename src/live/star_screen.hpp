// The STAR rehearsal's live screens as text (pure, like screen.hpp): the plan with the keys to
// come, each part with its prompts and a multi-line editor (or, spoken, only the clock), the
// words typed after a spoken answer, the checks before scoring, and the save-as-story form.
#pragma once

#include "live/screen.hpp"
#include "live/story_form.hpp"
#include "star/star.hpp"

#include <optional>
#include <string>
#include <vector>

namespace mockcoach::live {

// What the plan screen says besides the plan: how the answer is given, and the budget's rule
// ("08:26 for typing: ...").
struct StarPlanNotes {
    session::Delivery delivery = session::Delivery::typed;
    std::string budget_rule;
};

// The question, the story being rehearsed (if any), the parts with budgets and prompts, the
// budget's rule, and how the answer is given, before the clock starts.
Lines star_plan_screen(const session::Plan& plan, const std::optional<std::string>& story,
                       const View& view, const StarPlanNotes& notes = {});
// A running part: the clock, the part's prompts, the lines said so far and the line being
// typed (view.draft), the keys. Spoken (star --aloud): the clock and the prompts, no editor.
Lines star_part_screen(const session::Engine& engine, const View& view,
                       session::Delivery delivery = session::Delivery::typed);
// star --aloud, after the parts: a few words for part `part` (the clock has stopped), the lines
// typed for it so far and the line being typed.
Lines star_words_screen(const session::Engine& engine, std::size_t part, const View& view);
// Before the self-scores: the interviewer's checks of the answer.
Lines star_checks_screen(const std::vector<star::Check>& checks, const View& view);
// The save-as-story form.
Lines story_screen(const StoryForm& form, const View& view);

// The keys of a running part, for the screen and the help.
inline constexpr std::string_view star_keys_full =
    "Enter new line \u00b7 Tab next part \u00b7 Ctrl-P pause \u00b7 Ctrl-E +1 min \u00b7 Esc end";
inline constexpr std::string_view star_keys_short =
    "Tab next\u00b7^P pause\u00b7^E +1m\u00b7Esc end";
// A spoken part's keys: nothing types, so Enter has no line to add.
inline constexpr std::string_view star_spoken_keys_full =
    "Tab next part \u00b7 Ctrl-P pause \u00b7 Ctrl-E +1 min \u00b7 Esc end";

} // namespace mockcoach::live
