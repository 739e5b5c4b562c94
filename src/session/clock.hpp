// Where session time comes from: the real monotonic clock (optionally sped up for demos) or a
// virtual clock that moves only when told to, so scripted sessions and tests are exact.
#pragma once

#include "session/engine.hpp"
#include "util/name_table.hpp"
#include "util/wall_time.hpp"

#include <chrono>

namespace mockcoach::session {

// Which clock a session runs on; the name is what `--clock` takes and a transcript's `clock`
// records.
enum class ClockKind { real, virtual_ };
inline constexpr auto clock_kind_names = name_table<ClockKind>({
    {ClockKind::real, "real"},
    {ClockKind::virtual_, "virtual"},
});

class Clock {
  public:
    virtual ~Clock() = default;
    virtual Millis now() = 0; // session time since the clock was made
    virtual std::chrono::system_clock::time_point wall_start() const = 0;
    // Blocks until session time reaches `deadline` (a virtual clock just jumps there); false
    // when `wake_fd` (a signal pipe; -1 for none) became readable or a signal cut the sleep
    // short, so the caller can look at what arrived.
    bool sleep_until(Millis deadline, int wake_fd = -1) { return wait_until(deadline, wake_fd); }
    // The monotonic instant at which session time reaches `deadline` (for poll timeouts).
    virtual std::chrono::steady_clock::time_point real_deadline(Millis deadline) const = 0;

  private:
    virtual bool wait_until(Millis deadline, int wake_fd) = 0;
};

class RealClock final : public Clock {
  public:
    explicit RealClock(double speed = 1);
    Millis now() override;
    std::chrono::system_clock::time_point wall_start() const override { return wall_; }
    std::chrono::steady_clock::time_point real_deadline(Millis deadline) const override;

  private:
    bool wait_until(Millis deadline, int wake_fd) override;

    double speed_;
    std::chrono::steady_clock::time_point origin_;
    std::chrono::system_clock::time_point wall_;
};

class VirtualClock final : public Clock {
  public:
    explicit VirtualClock(std::chrono::system_clock::time_point wall) : wall_(wall) {}
    Millis now() override { return now_; }
    std::chrono::system_clock::time_point wall_start() const override { return wall_; }
    std::chrono::steady_clock::time_point real_deadline(Millis) const override {
        return std::chrono::steady_clock::now();
    }

  private:
    bool wait_until(Millis deadline, int) override {
        now_ = std::max(now_, deadline);
        return true;
    }

    Millis now_ = 0;
    std::chrono::system_clock::time_point wall_;
};

// The wall-clock instant in the local time zone, to the second.
inline WallTime local_date_time(std::chrono::system_clock::time_point when) {
    return local_wall_time(when);
}

} // namespace mockcoach::session
