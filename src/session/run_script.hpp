// Scripted mode: turns command lines (a file, a pipe, a test) into engine events, printing
// plain lines as it goes; the Driver, shared with the live screen, ends and saves the session.
#pragma once

#include "session/driver.hpp"
#include "session/script.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace mockcoach::session {

struct ScriptIo {
    std::function<std::optional<std::string>()> read_line; // nullopt at end of input or on a signal
    std::function<void(const std::string&)> print;         // one line, no newline
    std::function<int()> take_signal;                      // an ending signal that arrived, or 0
    int wake_fd = -1; // readable once a signal has arrived: a `wait` wakes on it
    // Lines of the same input read before this session (a loop's earlier rounds), so that an
    // error names the line of the script as a whole.
    int line_offset = 0;
    // STAR rehearsals: what a story's name and themes must be. Empty in other sessions, where
    // `save-story` is refused.
    StoryRules story_rules;
    // STAR rehearsals: lines printed just before the scoring banner (the interviewer's checks
    // of the answer as it stands), so that they can inform the self-scores.
    std::function<std::vector<std::string>()> before_scoring;
    // star --aloud: `say` is refused while the parts run (they are spoken), and after the last
    // part `words PART TEXT` lines come before the scoring banner.
    Delivery delivery = Delivery::typed;
};

Ended run_script(Driver& driver, ScriptIo& io);

// "phase 2/4: High-Level Design (10:00)" and its prompts, or "scoring: …" once the phases are
// over: for the phase at `index` (the phase count: scoring).
std::string phase_banner(const Engine& engine, std::size_t index);

// "interviewer (Deep Dive, 7:42): TEXT": a follow-up as it is raised, at its time in its phase.
std::string probe_line(const Engine& engine, const RaisedProbe& raised);

} // namespace mockcoach::session
