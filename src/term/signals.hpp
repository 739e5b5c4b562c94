// Signals as events: handlers only set flags and write a byte to a pipe, so the main loop can
// poll() on the pipe with its other inputs and act (save, redraw) outside any handler.
#pragma once

#include <csignal>

namespace mockcoach::term {

class SignalWatch {
  public:
    // Watches SIGTERM, SIGHUP and SIGINT (ending) and SIGWINCH (resize) until destroyed; the
    // previous handlers are put back then. Handlers do not restart system calls, so a blocking
    // read or sleep returns EINTR and the caller can look.
    SignalWatch();
    ~SignalWatch();
    SignalWatch(const SignalWatch&) = delete;
    SignalWatch& operator=(const SignalWatch&) = delete;

    int fd() const; // becomes readable when a signal arrives
    // The ending signal that arrived (0 if none), and whether the window was resized; each
    // drains the pipe and clears its flag. A loop that wants both calls take(), once a wait:
    // taking them one after the other could drain the byte of a signal the first call missed.
    int take_ending();
    bool take_resize();
    struct Arrived {
        int ending = 0;
        bool resized = false;
    };
    Arrived take();
    bool ending_pending() const;

  private:
    struct sigaction old_[4];
};

} // namespace mockcoach::term
