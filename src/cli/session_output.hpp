// Standard output while a session runs. A reader that goes away (`… | head -3`) must not end
// the session: its transcript is what matters. So SIGPIPE is ignored while this lives, what
// cannot be written is dropped, and the end of the session says so on standard error.
#pragma once

#include <csignal>
#include <cstdio>
#include <string_view>

namespace mockcoach::cli {

class SessionOutput {
  public:
    explicit SessionOutput(std::FILE* out);
    ~SessionOutput();
    SessionOutput(const SessionOutput&) = delete;
    SessionOutput& operator=(const SessionOutput&) = delete;

    // Writes `text` as it is and flushes it; nothing once the reader has gone.
    void print(std::string_view text);
    // The reader went away: some output was not delivered.
    bool cut() const { return cut_; }
    std::FILE* stream() const { return out_; }

  private:
    std::FILE* out_;
    bool cut_ = false;
    struct sigaction previous_ {};
};

} // namespace mockcoach::cli
