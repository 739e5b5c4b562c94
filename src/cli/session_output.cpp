// Session output that survives its reader going away.
#include "cli/session_output.hpp"

#include <fmt/format.h>
#include <system_error>

namespace mockcoach::cli {

SessionOutput::SessionOutput(std::FILE* out) : out_(out) {
    struct sigaction ignore {};
    ignore.sa_handler = SIG_IGN;
    sigemptyset(&ignore.sa_mask);
    ::sigaction(SIGPIPE, &ignore, &previous_);
}

SessionOutput::~SessionOutput() {
    ::sigaction(SIGPIPE, &previous_, nullptr);
}

void SessionOutput::print(std::string_view text) {
    if (cut_) return;
    try {
        fmt::print(out_, "{}", text);
    } catch (const std::system_error&) { // fmt reports a failed write so: EPIPE here
        cut_ = true;
    }
    if (std::fflush(out_) != 0 || std::ferror(out_)) cut_ = true;
    // Nothing more can reach the reader; pointing the stream at /dev/null drops what is still
    // buffered, so neither a later print nor the flush at exit fails (or, once SIGPIPE is
    // back to its default, kills the process after the session was saved).
    if (cut_) std::freopen("/dev/null", "w", out_);
}

} // namespace mockcoach::cli
