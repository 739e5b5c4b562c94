// The progress line under a fake clock: nothing for work that ends within a second, at most ten
// redraws a second, the count, rate and time left, and the line erased at the end.
#include "cli/progress_line.hpp"

#include <doctest/doctest.h>
#include <string>
#include <vector>

using namespace mockcoach::cli;
using namespace std::chrono_literals;

namespace {

struct Fake {
    std::chrono::steady_clock::time_point now{};
    std::vector<std::string> writes;
    ProgressLine line{"reading transcripts", [this] { return now; },
                      [this](std::string_view text) { writes.emplace_back(text); }};
};

} // namespace

TEST_SUITE_BEGIN("cli/progress_line");

TEST_CASE("the text gives the count, the rate and the time left") {
    CHECK(progress_text("reading transcripts", 1200, 10000, 2400) ==
          "reading transcripts: 1200 of 10000, 2400 a second, about 4 s left");
    CHECK(progress_text("reading transcripts", 1000, 100000, 1000) ==
          "reading transcripts: 1000 of 100000, 1000 a second, about 1:39 left");
    CHECK(progress_text("reading transcripts", 0, 10, 0) == "reading transcripts: 0 of 10");
}

TEST_CASE("work that ends within about a second draws nothing") {
    Fake fake;
    for (std::size_t done = 1; done <= 10; ++done) {
        fake.now += 50ms;
        fake.line.update(done, 10); // 0.5 s in all
    }
    fake.line.finish();
    CHECK(fake.writes.empty());
}

TEST_CASE("long work is drawn in place, at most ten times a second, then erased") {
    Fake fake;
    // 1000 a second for 10,000: ten seconds, drawn from a quarter second on.
    for (std::size_t done = 10; done < 3000; done += 10) {
        fake.now += 10ms;
        fake.line.update(done, 10000);
    }
    REQUIRE(!fake.writes.empty());
    CHECK(fake.writes.front() ==
          "\r\033[Kreading transcripts: 250 of 10000, 1000 a second, about 10 s left");
    // 2.99 s of work, drawn from 0.25 s on every 0.1 s: 28 lines.
    CHECK(fake.writes.size() == 28);
    fake.line.finish();
    CHECK(fake.writes.back() == "\r\033[K");
    fake.line.finish(); // once is enough
    CHECK(fake.writes.size() == 29);
}

TEST_CASE("nothing done yet is shown only once a second has gone by") {
    Fake fake;
    fake.now += 500ms;
    fake.line.update(0, 100);
    CHECK(fake.writes.empty());
    fake.now += 600ms;
    fake.line.update(0, 100);
    CHECK(fake.writes == std::vector<std::string>{"\r\033[Kreading transcripts: 0 of 100"});
}

TEST_SUITE_END();
