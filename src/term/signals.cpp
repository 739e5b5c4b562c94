// The self-pipe signal watch.
#include "term/signals.hpp"

#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

namespace mockcoach::term {
namespace {

volatile std::sig_atomic_t ending_signal = 0;
volatile std::sig_atomic_t resized = 0;
int pipe_fds[2] = {-1, -1};
constexpr int watched[4] = {SIGTERM, SIGHUP, SIGINT, SIGWINCH};

extern "C" void on_signal(int signal) {
    if (signal == SIGWINCH)
        resized = 1;
    else
        ending_signal = signal;
    const int saved = errno;
    const char byte = 1;
    [[maybe_unused]] const auto ignored = ::write(pipe_fds[1], &byte, 1);
    errno = saved;
}

void drain() {
    char buffer[64];
    while (::read(pipe_fds[0], buffer, sizeof buffer) > 0) {}
}

} // namespace

SignalWatch::SignalWatch() {
    if (pipe_fds[0] < 0 && ::pipe2(pipe_fds, O_NONBLOCK | O_CLOEXEC) != 0) pipe_fds[0] = -1;
    ending_signal = 0;
    resized = 0;
    struct sigaction action {};
    action.sa_handler = on_signal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0; // no SA_RESTART: blocking calls return EINTR
    for (int i = 0; i < 4; ++i) sigaction(watched[i], &action, &old_[i]);
}

SignalWatch::~SignalWatch() {
    for (int i = 0; i < 4; ++i) sigaction(watched[i], &old_[i], nullptr);
}

int SignalWatch::fd() const {
    return pipe_fds[0];
}

int SignalWatch::take_ending() {
    const int signal = ending_signal;
    ending_signal = 0;
    drain();
    return signal;
}

bool SignalWatch::take_resize() {
    const bool was = resized != 0;
    resized = 0;
    drain();
    return was;
}

bool SignalWatch::ending_pending() const {
    return ending_signal != 0;
}

} // namespace mockcoach::term
