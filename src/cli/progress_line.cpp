// The progress line's text and when it is drawn.
#include "cli/progress_line.hpp"

#include <cmath>
#include <fmt/format.h>

namespace mockcoach::cli {

namespace {

// "\r" back to the line's start, then clear to its end: the next text replaces the last.
constexpr std::string_view erase_line = "\r\033[K";

std::string time_left(double seconds) {
    const auto whole = static_cast<long long>(std::ceil(seconds));
    if (whole < 60) return fmt::format("{} s", whole);
    return fmt::format("{}:{:02}", whole / 60, whole % 60);
}

} // namespace

std::string progress_text(std::string_view what, std::size_t done, std::size_t total,
                          double per_second) {
    std::string text = fmt::format("{}: {} of {}", what, done, total);
    if (per_second > 0 && done < total)
        text += fmt::format(", {:.0f} a second, about {} left", per_second,
                            time_left(static_cast<double>(total - done) / per_second));
    return text;
}

ProgressLine::ProgressLine(std::string what, Clock now, Sink write)
    : what_(std::move(what)), now_(std::move(now)), write_(std::move(write)), start_(now_()) {}

ProgressLine::~ProgressLine() {
    finish();
}

void ProgressLine::update(std::size_t done, std::size_t total) {
    const auto now = now_();
    const auto elapsed = now - start_;
    if (elapsed < first_after || done >= total) return;
    if (drawn_ && now - last_draw_ < redraw_every) return;
    const double seconds = std::chrono::duration<double>(elapsed).count();
    const double per_second = static_cast<double>(done) / seconds;
    // Not worth a line when it will all be over within a second of starting; with nothing done
    // yet there is no telling, so wait out that second.
    const double projected = per_second > 0
                                 ? seconds + static_cast<double>(total - done) / per_second
                                 : (elapsed < worth_showing ? 0.0 : seconds);
    if (!drawn_ && projected < std::chrono::duration<double>(worth_showing).count()) return;
    write_(std::string(erase_line) + progress_text(what_, done, total, per_second));
    drawn_ = true;
    last_draw_ = now;
}

void ProgressLine::finish() {
    if (!drawn_) return;
    write_(erase_line);
    drawn_ = false;
}

} // namespace mockcoach::cli
