// What `loop` shows between sessions: the day's plan before its first round and the break
// after each round, on the live screen (a countdown, skippable) or in scripted mode (printed
// lines; the script says `skip`, `wait SECONDS` or `quit`).
#pragma once

#include "cli/context.hpp"
#include "cli/session_setup.hpp"

#include <string>
#include <vector>

namespace mockcoach::cli {

struct Pause {
    enum class Kind {
        go,      // the break passed or was skipped, or Enter began the round
        stop,    // q, `quit` or the end of the script: the day stops, to be resumed
        signal,  // an ending signal
        refused, // a bad line of the script (exit 2)
    };
    Kind kind = Kind::go;
    bool skipped = false;       // a break ended early
    session::Millis waited = 0; // session time the break took (to move a virtual clock on)
    int signal = 0;
};

struct BreakPlan {
    std::int64_t seconds = 0;
    std::string next;               // "round 2 of 4, ML system design (45 min)"
    std::vector<std::string> lines; // shown on the live screen above the next round
};

// A break in scripted mode: "break: 10:00 before round 2 of 4, …", then lines until it passes.
Pause scripted_break(Context& context, ScriptInput& input, const RunOptions& options,
                     const BreakPlan& plan);
// A break on the live screen: a countdown to an absolute monotonic deadline, Enter or s skips.
Pause live_break(Context& context, const BreakPlan& plan);
// The day's plan on the live screen before its first round: Enter begins, q stops.
Pause live_plan(Context& context, const std::string& title, const std::vector<std::string>& lines,
                const std::string& go);

} // namespace mockcoach::cli
