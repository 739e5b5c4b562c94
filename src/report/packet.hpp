// The interviewer's packet: what a partner needs to run one question as a mock interview and
// score it (how to run it, the question, phases and time, follow-ups and when, key points,
// criteria with their anchors, a score sheet), as one printable HTML page or as Markdown.
#pragma once

#include "rubric/rubric.hpp"
#include "session/engine.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace mockcoach::report {

struct Packet {
    // The session's plan, with the follow-ups scheduled: with a seed at the very seconds the
    // engine raises them in a session of that seed; without one, the follow-ups that fit.
    session::Plan plan;
    std::optional<std::uint64_t> seed; // the follow-up times are exact only with a seed
    std::string session_id;            // the session it was written for (`start --partner`)
    std::string start_line;            // else the `start` the candidate runs to match it
};

// The packet for `question` of `rubric`, timed by `seed` when there is one.
Packet make_packet(const rubric::Rubric& rubric, const rubric::Question& question,
                   std::optional<std::uint64_t> seed, std::string session_id = {});

// What both renderers say, so the page and the Markdown hold the same content.
// The steps of "how to run this interview", for someone who has never seen mockcoach; a
// command in them is quoted `like this`.
std::vector<std::string> running_steps(const Packet& packet);
// When to ask `probe` of `phase`: "at 03:12 into the phase" with a seed, else the window,
// "between 01:15 and 03:45 into the phase".
std::string followup_timing(const Packet& packet, const session::PhasePlan& phase,
                            const session::Probe& probe);
// What to do with the scores afterwards: record them with `mockcoach score SESSION --by NAME`
// (the session's id when the packet has one, else `latest`). A command is quoted `like this`.
std::string after_the_interview(const Packet& packet);
// "Total 45:00 · seed 7 · session 20261124-…": the line under the title.
std::string packet_facts(const Packet& packet);

// One self-contained page: inline CSS, no script, nothing fetched, every text escaped; prints
// on paper with no table cut across pages and the score sheet on a page of its own.
std::string render_packet_html(const Packet& packet);
// The same content as GitHub-flavoured Markdown: tables, and `[ ]` boxes on the score sheet.
std::string render_packet_markdown(const Packet& packet);

} // namespace mockcoach::report
