// Lines from a file descriptor (scripted mode's standard input) that an ending signal cuts short.
#pragma once

#include "term/signals.hpp"

#include <optional>
#include <string>

namespace mockcoach::term {

class LineReader {
  public:
    LineReader(int fd, SignalWatch& signals) : fd_(fd), signals_(signals) {}

    // The next line without its newline; nullopt at end of input or once an ending signal has
    // arrived, however long the input stays silent. Lines longer than 1 MiB come in pieces.
    std::optional<std::string> next();

  private:
    bool fill(); // one read, waiting on the input and the signal pipe together

    int fd_;
    SignalWatch& signals_;
    std::string buffer_;
    bool eof_ = false;
};

} // namespace mockcoach::term
