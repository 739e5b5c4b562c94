// What hooks and the voice share when they start a child: posix_spawn attributes that put it
// in a session of its own (no terminal to draw on; a timeout can kill its whole group) with a
// clean signal mask and default handlers (the live loop blocks the signals it waits for).
#pragma once

#include <csignal>
#include <spawn.h>

namespace mockcoach::hooks {

class OwnSession {
  public:
    OwnSession() {
        posix_spawnattr_init(&attributes_);
        sigset_t none, all;
        sigemptyset(&none);
        sigfillset(&all);
        posix_spawnattr_setsigmask(&attributes_, &none);
        posix_spawnattr_setsigdefault(&attributes_, &all);
        posix_spawnattr_setflags(&attributes_, POSIX_SPAWN_SETSID | POSIX_SPAWN_SETSIGMASK |
                                                   POSIX_SPAWN_SETSIGDEF);
    }
    ~OwnSession() { posix_spawnattr_destroy(&attributes_); }
    OwnSession(const OwnSession&) = delete;
    OwnSession& operator=(const OwnSession&) = delete;
    const posix_spawnattr_t* get() const { return &attributes_; }

  private:
    posix_spawnattr_t attributes_;
};

} // namespace mockcoach::hooks
