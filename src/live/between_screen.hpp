// Between the rounds of an onsite loop: the day's plan before the first round, and the break
// after each round with a countdown to an absolute monotonic deadline. The screen is a pure
// renderer; run_between() is its small loop of keys, signals and once-a-second repaints.
#pragma once

#include "live/screen.hpp"
#include "term/signals.hpp"

#include <chrono>
#include <functional>
#include <optional>
#include <poll.h>
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
// the day (resume later)". The title and the lines wrap (a hanging indent) while rows are free.
// Gives up, first to last: blank lines, the wrapped rows after a line's first (the last line's
// first; a line cut so ends in "…"), the title's, the lines' first rows (the last first), the
// large countdown (then on one line); never the title's first row or the keys.
Lines between_screen(const BetweenRounds& what, const View& view);

// Where the break's time comes from: the monotonic clock now, and the wait for a key, a signal
// or the next repaint. `cli/` gives the real ones; a test gives a virtual clock that a wait
// moves on by its timeout instead of sleeping.
struct BetweenClock {
    std::function<std::chrono::steady_clock::time_point()> now;
    // As poll(2) on `fds`: how many are ready, 0 when `timeout_ms` passed (-1: no timeout).
    std::function<int(pollfd* fds, std::size_t count, int timeout_ms)> wait;
};

struct BetweenEnd {
    enum class Kind { go, time_up, stop, signal };
    Kind kind = Kind::go;
    int signal = 0;
};

// Shows the screen until Enter or s (go), q (stop), an ending signal, or, with a deadline, the
// end of the break (time_up); repaints once a second and on a resize.
// `deadline` is on `clock`'s time.
BetweenEnd run_between(term::RawTerminal& terminal, term::SignalWatch& signals, int input_fd,
                       BetweenRounds what,
                       std::optional<std::chrono::steady_clock::time_point> deadline, Colour colour,
                       const BetweenClock& clock);

} // namespace mockcoach::live
