// The clocks: a real sleep ends at its deadline or as soon as the signal pipe is readable; a
// virtual one jumps.
#include "session/clock.hpp"

#include <chrono>
#include <doctest/doctest.h>
#include <fcntl.h>
#include <unistd.h>

using namespace mockcoach::session;

TEST_SUITE_BEGIN("session/clock");

TEST_CASE("a real sleep reaches its deadline, sped up as asked") {
    RealClock clock(1000); // 20 s of session time is 20 ms
    CHECK(clock.sleep_until(20'000));
    CHECK(clock.now() >= 20'000);
}

TEST_CASE("a real sleep wakes at once when the signal pipe already holds a byte") {
    int fds[2];
    REQUIRE(::pipe2(fds, O_CLOEXEC) == 0);
    REQUIRE(::write(fds[1], "x", 1) == 1);
    RealClock clock;
    const auto before = std::chrono::steady_clock::now();
    CHECK_FALSE(clock.sleep_until(600'000, fds[0]));
    // A hang guard, not a speed check: the deadline is ten minutes away.
    CHECK(std::chrono::steady_clock::now() - before < std::chrono::seconds(60));
    ::close(fds[0]);
    ::close(fds[1]);
}

TEST_CASE("a virtual sleep jumps to its deadline and never goes back") {
    VirtualClock clock(std::chrono::system_clock::now());
    CHECK(clock.sleep_until(30'000));
    CHECK(clock.now() == 30'000);
    CHECK(clock.sleep_until(10'000));
    CHECK(clock.now() == 30'000);
}

TEST_SUITE_END();
