// The self-pipe signal watch.
#include "term/signals.hpp"

#include <atomic>
#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

namespace mockcoach::term {
namespace {

// Lock-free atomics are safe in a handler, and exchange() takes a flag and clears it in one step:
// with a read and then a store, a signal landing between the two would be wiped out.
std::atomic<int> ending_signal{0};
std::atomic<bool> resized{false};
static_assert(std::atomic<int>::is_always_lock_free && std::atomic<bool>::is_always_lock_free);
int pipe_fds[2] = {-1, -1};
constexpr int watched[4] = {SIGTERM, SIGHUP, SIGINT, SIGWINCH};

extern "C" void on_signal(int signal) {
    if (signal == SIGWINCH)
        resized = true;
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
    resized = false;
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

// Each take drains the pipe first and reads the flag after. A signal that lands after the drain
// leaves its byte behind, so the next wait wakes at once; one that lands before the flag is read
// is taken now. The other way round, its byte could be drained with its flag still unread, and
// the next wait would sleep past it.
int SignalWatch::take_ending() {
    drain();
    return ending_signal.exchange(0);
}

bool SignalWatch::take_resize() {
    drain();
    return resized.exchange(false);
}

SignalWatch::Arrived SignalWatch::take() {
    drain();
    Arrived arrived;
    arrived.ending = ending_signal.exchange(0);
    arrived.resized = resized.exchange(false);
    return arrived;
}

bool SignalWatch::ending_pending() const {
    return ending_signal != 0;
}

} // namespace mockcoach::term
