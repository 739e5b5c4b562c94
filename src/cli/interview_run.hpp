// One interview session from its plan to its conclusion, as `start` runs it and as `loop` runs
// each of its rounds: the recorder, scripted mode (the plan printed first) or the live screen,
// and the one mapping from how it ended to what is said and the exit status.
#pragma once

#include "cli/context.hpp"
#include "cli/session_setup.hpp"

#include <filesystem>
#include <functional>
#include <optional>
#include <string>

namespace mockcoach::cli {

// What scripted mode prints before the first command: the question and (unless blind) its plan.
void print_plan(Context& context, const session::Plan& plan);

struct InterviewRun {
    bool scripted = false;
    std::uint64_t seed = 0;
    std::string drawn_with; // the options that shaped the draw, when it was drawn (draw_options)
    // Scripted mode's standard input when it goes on after this session (a loop's rounds);
    // none: the session reads its own.
    ScriptInput* input = nullptr;
    std::optional<transcript::LoopPlace> loop; // a round of an onsite loop
    // Told the recorder once its journal exists, before the clock starts (the loop notes the
    // round's session id in its state file then).
    std::function<void(const session::Recorder&)> on_recorder;
    // `start --partner`: writes the interviewer's packet once the session's id is known and
    // returns its path, which is printed before the plan (and shown on the live plan screen).
    // A session that ends with nothing kept (cancelled before the clock started) removes it.
    std::function<std::filesystem::path(const session::Recorder&)> write_packet;
};

struct InterviewResult {
    session::Ended ended;
    int status = 0;              // the exit status conclude() chose
    session::Millis elapsed = 0; // session time the session took, for the next one's clock
};

InterviewResult run_interview(Context& context, SessionSetup& setup, session::Plan plan,
                              const InterviewRun& run);

} // namespace mockcoach::cli
