// STAR rehearsals: the checks an interviewer would make on an answer (shown as hints beside the
// self-score, never as a score), and the parts' budgets rescaled to a chosen total.
#pragma once

#include "session/engine.hpp"
#include "transcript/transcript.hpp"
#include "util/style.hpp"

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

// The checks, in this order: each part present and not empty; Action the longest part (in
// words); "I" outnumbers "we" in Action; Result has a number; the answer within its total
// budget. Checks about Action or Result are left out when the rubric has no part of that name.
std::vector<Check> check_answer(const transcript::Transcript& answer);

// "Checks an interviewer would make (hints, not a score)" and one line per check.
std::string render_checks(const std::vector<Check>& checks, const Style& style, std::size_t width);

// Scales the phases' budgets to add up to `total_seconds`, in whole seconds, keeping their
// proportions (the largest remainders get the spare seconds). Needs a second per phase.
void rescale(session::Plan& plan, std::int64_t total_seconds);

} // namespace mockcoach::star
