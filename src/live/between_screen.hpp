// Between the rounds of an onsite loop: the day's plan before the first round, and the break
// after each round with a countdown to an absolute monotonic deadline. The screen is a pure
// renderer; run_between() is its small loop of keys, signals and once-a-second repaints.
#pragma once

#include "live/screen.hpp"
#include "term/signals.hpp"

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace mockcoach::live {

struct BetweenRounds {
    std::string title;                   // "Break" or "mockcoach · ML engineer onsite"
    std::vector<std::string> lines;      // the plan, or what comes next
    std::string go;                      // what Enter does: "begin round 1", "skip the break"
    std::optional<session::Millis> left; // a break's time left; none: no countdown
};

// The title, the countdown (large while it fits), the lines, and the keys: "Enter GO · q stop
// the day (resume later)". Gives up, first to last: blank lines, the lines (the last first),
// the large countdown (then on one line); never the title or the keys.
Lines between_screen(const BetweenRounds& what, const View& view);

struct BetweenEnd {
    enum class Kind { go, time_up, stop, signal };
    Kind kind = Kind::go;
    int signal = 0;
};

// Shows the screen until Enter or s (go), q (stop), an ending signal, or, with a deadline, the
// end of the break (time_up); repaints once a second and on a resize.
BetweenEnd run_between(term::RawTerminal& terminal, term::SignalWatch& signals, int input_fd,
                       BetweenRounds what,
                       std::optional<std::chrono::steady_clock::time_point> deadline,
                       Colour colour);

} // namespace mockcoach::live
