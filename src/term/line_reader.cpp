// Scripted input. The wait is a poll() on the input and the signal pipe at once: a signal that
// lands just before a blocking read() would otherwise be seen only when more input came.
#include "term/line_reader.hpp"

#include <algorithm>
#include <cerrno>
#include <poll.h>
#include <unistd.h>

namespace mockcoach::term {

std::optional<std::string> LineReader::next() {
    constexpr std::size_t max_line = 1 << 20;
    for (;;) {
        const std::size_t newline = buffer_.find('\n');
        if (newline != std::string::npos || buffer_.size() >= max_line ||
            (eof_ && !buffer_.empty())) {
            const std::size_t end = std::min({newline, buffer_.size(), max_line});
            std::string line = buffer_.substr(0, end);
            buffer_.erase(0, std::min(end + 1, buffer_.size()));
            return line;
        }
        if (eof_ || !fill()) return std::nullopt;
    }
}

bool LineReader::fill() {
    for (;;) {
        if (signals_.ending_pending()) return false;
        pollfd fds[2] = {{fd_, POLLIN, 0}, {signals_.fd(), POLLIN, 0}};
        const int ready = ::poll(fds, 2, -1);
        if (ready < 0 && errno != EINTR) break;
        if (ready <= 0) continue;
        if (fds[1].revents != 0 && !signals_.ending_pending()) signals_.take_resize();
        if (fds[0].revents == 0) continue;
        char chunk[4096];
        const ssize_t got = ::read(fd_, chunk, sizeof chunk);
        if (got > 0) {
            buffer_.append(chunk, static_cast<std::size_t>(got));
            return true;
        }
        if (got < 0 && errno == EINTR) continue;
        break; // end of input, or an input that cannot be read: both end the script
    }
    eof_ = true;
    return true;
}

} // namespace mockcoach::term
