// Clocks. The real one sleeps on absolute monotonic deadlines, so it neither drifts nor spins.
#include "session/clock.hpp"

#include <cerrno>
#include <ctime>
#include <poll.h>

namespace mockcoach::session {
namespace {

timespec to_timespec(std::chrono::steady_clock::duration span) {
    const auto secs = std::chrono::duration_cast<std::chrono::seconds>(span);
    timespec result{};
    result.tv_sec = static_cast<time_t>(secs.count());
    result.tv_nsec = static_cast<long>(
        std::chrono::duration_cast<std::chrono::nanoseconds>(span - secs).count());
    return result;
}

} // namespace

RealClock::RealClock(double speed)
    : speed_(speed > 0 ? speed : 1), origin_(std::chrono::steady_clock::now()),
      wall_(std::chrono::system_clock::now()) {}

Millis RealClock::now() {
    const auto real = std::chrono::steady_clock::now() - origin_;
    const double ms = std::chrono::duration<double, std::milli>(real).count() * speed_;
    return static_cast<Millis>(ms);
}

std::chrono::steady_clock::time_point RealClock::real_deadline(Millis deadline) const {
    const double real_ms = static_cast<double>(deadline) / speed_;
    return origin_ + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                         std::chrono::duration<double, std::milli>(real_ms + 0.5));
}

bool RealClock::wait_until(Millis deadline, int wake_fd) {
    // ppoll() takes a relative timeout, so it is worked out afresh from the absolute monotonic
    // deadline on every pass: a sleep resumed after a signal aims at the same instant instead of
    // drifting. Polling the signal pipe as well means a signal that lands just before the sleep
    // still wakes it (a plain clock_nanosleep would miss that one and sleep on).
    const auto target = real_deadline(deadline);
    pollfd wake{wake_fd, POLLIN, 0}; // poll() ignores a negative descriptor
    for (;;) {
        const auto left = target - std::chrono::steady_clock::now();
        if (left <= std::chrono::steady_clock::duration::zero()) return true;
        const timespec timeout = to_timespec(left);
        const int ready = ::ppoll(&wake, 1, &timeout, nullptr);
        if (ready > 0 || (ready < 0 && errno == EINTR)) return false;
        if (ready < 0) break; // ppoll() itself failed (out of memory): sleep without the pipe
    }
    const timespec when = to_timespec(target.time_since_epoch());
    // steady_clock is CLOCK_MONOTONIC on Linux.
    return clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &when, nullptr) == 0;
}

} // namespace mockcoach::session
