// The packet's model and the wording both of its renderers share.
#include "report/packet.hpp"

#include "util/text.hpp"

#include <fmt/format.h>

namespace mockcoach::report {

Packet make_packet(const rubric::Rubric& rubric, const rubric::Question& question,
                   std::optional<std::uint64_t> seed, std::string session_id) {
    Packet packet{session::make_plan(rubric, question), seed, std::move(session_id), {}};
    // Which follow-ups fit a phase does not depend on the seed, only their times do: without a
    // seed any will do to choose them, and the page shows their window instead of a time.
    session::schedule_followups(packet.plan, question, seed.value_or(0));
    return packet;
}

std::vector<std::string> running_steps(const Packet& packet) {
    std::vector<std::string> steps;
    steps.push_back("You play the interviewer. Read the question aloud, once, as it is written "
                    "below; answer clarifying questions briefly, as a real interviewer would.");
    std::string timing = "Keep time per phase with a stopwatch: each phase has a budget. When "
                         "a budget runs out, say so and move on to the next phase.";
    if (!packet.session_id.empty())
        timing += " The candidate's mockcoach screen shows the same phases and clock, so you "
                  "can follow it instead.";
    else if (!packet.start_line.empty())
        timing += fmt::format(" Or let the candidate run `{}`: its screen shows the same phases "
                              "and clock.",
                              packet.start_line);
    steps.push_back(timing);
    if (packet.plan.probe_count() == 0)
        steps.push_back("This question has no follow-ups: where an answer stays shallow, ask "
                        "\"why?\" or \"what would break first?\".");
    else if (packet.seed)
        steps.push_back("Ask each follow-up at the time shown, counted on the phase's clock "
                        "from the start of its phase (pauses not counted). Read it as written "
                        "or in your own words.");
    else
        steps.push_back("Ask each follow-up once, during its phase, within the window shown: "
                        "the middle half of the phase, so the candidate has begun and still "
                        "has time to answer.");
    steps.push_back("Do not give the key points away: they are what a strong answer covers, "
                    "for you to check, not hints. If the candidate stalls, the phase's prompts "
                    "are fair nudges.");
    steps.push_back("At the end, fill in the score sheet: each criterion from 1 to 5 by its "
                    "anchors (1, 3 and 5 are described; 2 and 4 lie between), each key point "
                    "covered, partly or missed, and a comment: the strongest moment and the one "
                    "thing to improve.");
    return steps;
}

std::string followup_timing(const Packet& packet, const session::PhasePlan& phase,
                            const session::Probe& probe) {
    if (packet.seed) return fmt::format("at {} into the phase", format_clock(probe.at / 1000));
    const auto [first, last] = session::followup_window(phase.budget);
    return fmt::format("between {} and {} into the phase", format_clock(first / 1000),
                       format_clock(last / 1000));
}

std::string after_the_interview(const Packet& packet) {
    const std::string session = packet.session_id.empty() ? "latest" : packet.session_id;
    std::string ids;
    for (const auto& criterion : packet.plan.criteria)
        ids += (ids.empty() ? "" : ", ") + criterion.id;
    return fmt::format(
        "Then record your scores in mockcoach, beside the candidate's own: on their computer, "
        "run `mockcoach score {0} --by YOUR-NAME`. It asks for each criterion (1 to 5, or s to "
        "skip), each key point and a one-line comment, and keeps them in the session's record "
        "as your review, never changing the candidate's scores. Or give them in one line: "
        "`mockcoach score {0} --by YOUR-NAME --criterion ID=VALUE ... --key-point N=covered "
        "--comment \"...\"`, with the criteria's ids {1}. `mockcoach show {0}` then lists both "
        "sets of scores side by side, and `mockcoach stats` shows how far the candidate's scores "
        "sit from their reviewers' over many sessions: comparing them is the most useful part "
        "of the practice.",
        session, ids);
}

std::string packet_facts(const Packet& packet) {
    std::string facts = fmt::format("{} phases, {} in all", packet.plan.phases.size(),
                                    format_clock(packet.plan.total_budget() / 1000));
    if (packet.seed) facts += fmt::format(" \u00b7 seed {}", *packet.seed);
    if (!packet.session_id.empty()) facts += " \u00b7 session " + packet.session_id;
    return facts;
}

} // namespace mockcoach::report
