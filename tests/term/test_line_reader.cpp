// Scripted input lines, and an ending signal that must end a silent input at once, even when it
// lands before the reader starts waiting (the race CI once lost: a 600 s wait slept on).
#include "term/line_reader.hpp"

#include <csignal>
#include <doctest/doctest.h>
#include <fcntl.h>
#include <string>
#include <unistd.h>

using mockcoach::term::LineReader;
using mockcoach::term::SignalWatch;

namespace {

// A pipe whose write end stays open, so a read of it blocks until something is written.
struct Pipe {
    int fds[2] = {-1, -1};
    Pipe() { REQUIRE(::pipe2(fds, O_CLOEXEC) == 0); }
    ~Pipe() {
        for (const int fd : fds)
            if (fd >= 0) ::close(fd);
    }
    void write(const std::string& text) const {
        REQUIRE(::write(fds[1], text.data(), text.size()) == static_cast<ssize_t>(text.size()));
    }
    void close_writer() {
        ::close(fds[1]);
        fds[1] = -1;
    }
};

} // namespace

TEST_SUITE_BEGIN("term/line_reader");

TEST_CASE("lines come in order, the last one without its newline at end of input") {
    SignalWatch signals;
    Pipe input;
    LineReader reader(input.fds[0], signals);
    input.write("note one\r\nwait 5\nlast");
    input.close_writer();
    CHECK(reader.next() == std::optional<std::string>("note one\r"));
    CHECK(reader.next() == std::optional<std::string>("wait 5"));
    CHECK(reader.next() == std::optional<std::string>("last"));
    CHECK(reader.next() == std::nullopt);
}

TEST_CASE("an ending signal that arrived before the read ends a silent input") {
    SignalWatch signals;
    Pipe input;
    LineReader reader(input.fds[0], signals);
    REQUIRE(std::raise(SIGTERM) == 0);
    CHECK(reader.next() == std::nullopt); // would block for ever if the signal went unseen
    CHECK(signals.take_ending() == SIGTERM);
}

TEST_CASE("a resize is not the end: the next line still comes") {
    SignalWatch signals;
    Pipe input;
    LineReader reader(input.fds[0], signals);
    REQUIRE(std::raise(SIGWINCH) == 0);
    input.write("next\n");
    CHECK(reader.next() == std::optional<std::string>("next"));
    CHECK_FALSE(signals.ending_pending());
}

TEST_SUITE_END();
