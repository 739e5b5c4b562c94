// A progress line for work that takes more than about a second (a cold rebuild of the history
// index reads every transcript): the count, the rate and the time left, redrawn in place on
// stderr and erased when done, so that what follows prints on a clean line. The clock and the
// sink are passed in: the throttling and the text are tested without a terminal or real time.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace mockcoach::cli {

// "reading transcripts: 1200 of 10000, 2400 a second, about 4 s left".
std::string progress_text(std::string_view what, std::size_t done, std::size_t total,
                          double per_second);

class ProgressLine {
  public:
    using Clock = std::function<std::chrono::steady_clock::time_point()>;
    using Sink = std::function<void(std::string_view)>;

    // Nothing is drawn before this much time has passed, nor when the work looks set to end
    // within a second: a warm start must not flicker.
    static constexpr std::chrono::milliseconds first_after{250};
    static constexpr std::chrono::milliseconds worth_showing{1000};
    // At most ten redraws a second: a faster count is unreadable, and each redraw is a write.
    static constexpr std::chrono::milliseconds redraw_every{100};

    ProgressLine(std::string what, Clock now, Sink write);
    ~ProgressLine();
    ProgressLine(const ProgressLine&) = delete;
    ProgressLine& operator=(const ProgressLine&) = delete;

    // `done` of `total` items finished; draws the line when it is due.
    void update(std::size_t done, std::size_t total);
    // Erases the line, if one was drawn. Called by the destructor too.
    void finish();

  private:
    std::string what_;
    Clock now_;
    Sink write_;
    std::chrono::steady_clock::time_point start_;
    std::chrono::steady_clock::time_point last_draw_{};
    bool drawn_ = false;
};

} // namespace mockcoach::cli
