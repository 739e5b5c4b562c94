// STAR rehearsals: the checks an interviewer would make on an answer (shown as hints beside the
// self-score, never as a score), and the parts' budgets rescaled to a chosen total.
#pragma once

#include "session/engine.hpp"
#include "session/script.hpp"
#include "transcript/transcript.hpp"
#include "util/style.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mockcoach::star {

struct Check {
    std::string id; // "parts-present", "action-longest", "i-over-we", "result-number", "budget"
    bool passed = false;
    std::string message;
};

// Words: runs of text between blanks that hold a letter or a digit ("-" alone is no word).
std::size_t count_words(std::string_view text);

// First person singular against plural, whole words, any case. "I" counts I, I'm, I've, I'd,
// I'll, me, my, mine and myself; "we" counts we, we're, we've, we'd, we'll, us, our, ours and
// ourselves, except "US" in capitals (the country). Curly apostrophes count as straight ones;
// "i.e." is not an "I".
struct Pronouns {
    std::size_t i = 0;
    std::size_t we = 0;
};
Pronouns count_pronouns(std::string_view text);

// Whether text quantifies something: any digit ("30%", "2x", "$1.2M", "3 weeks"), or a number
// word: two to twelve, the tens, hundred, thousand, million, billion, dozen, percent, half,
// double(d), triple(d), quadrupled, halved, twice, thrice, or one of them with "-fold"
// ("tenfold"). "One" does not count: it is mostly "one of the".
bool has_number(std::string_view text);

// A transcript's `mode` for each way of giving the answer: "star" for typed, "star-aloud" for
// spoken (old readers take any mode, so marking spoken answers needs no new key).
std::string_view mode_name(session::Delivery delivery);
session::Delivery delivery_of(const transcript::Transcript& answer);

// The checks, in this order: each part present and not empty; Action the longest part (in
// words; for a spoken answer in time, since its words are a few typed afterwards); "I"
// outnumbers "we" in Action; Result has a number; the answer within its total budget. Checks
// about Action or Result are left out when the rubric has no part of that name. An empty
// answer (no words typed; spoken: no time used) passes none of them.
std::vector<Check> check_answer(const transcript::Transcript& answer);
// The checks of the answer so far, as the recorder holds it (before scoring).
std::vector<Check> check_answer(const session::Engine& engine, const transcript::Header& meta);

// "Checks an interviewer would make (hints, not a score)" and one line per check.
std::string render_checks(const std::vector<Check>& checks, const Style& style, std::size_t width);

// Words a minute spoken: what the rubric's STAR budgets are for.
inline constexpr std::int64_t speaking_wpm = 150;

// The answer's total budget and the rule that chose it, as the plan screen says it.
struct Budget {
    std::optional<std::int64_t> total_seconds; // nullopt: the rubric's own budgets
    std::string rule; // "08:26 for typing: the spoken 02:15 × 150/40 words a minute ..."
};
// A total set by the user (`set_total`: --seconds or star_seconds, `set_by` naming which) is
// used as given. Otherwise a spoken answer keeps the rubric's budgets, which are for speaking
// (about 150 words a minute), and a typed one gets them × 150 / `typing_wpm`, rounded to whole
// seconds, in the same proportions.
Budget star_budget(std::int64_t rubric_seconds, session::Delivery delivery,
                   std::optional<std::int64_t> set_total, std::string_view set_by,
                   std::int64_t typing_wpm);

// Scales the phases' budgets to add up to `total_seconds`, in whole seconds, keeping their
// proportions (the largest remainders get the spare seconds). Needs a second per phase.
void rescale(session::Plan& plan, std::int64_t total_seconds);

} // namespace mockcoach::star
