// The README's example of `mockcoach loop`, as written there: the shipped ml-engineer-onsite
// day (rounds of one, two and four questions), stopped in a break and resumed to its summary.
#include "run_binary.hpp"
#include "session_files.hpp"

#include "tomlfile/tomlfile.hpp"
#include "util/files.hpp"

#include <doctest/doctest.h>
#include <map>

using namespace mockcoach;
using namespace mockcoach::testing;

namespace {

// A question: ten minutes, then end it and leave it unscored (README's `q`).
std::string questions(int count) {
    std::string script;
    for (int i = 0; i < count; ++i) script += "wait 600\nquit\nquit\n";
    return script;
}

} // namespace

TEST_SUITE_BEGIN("e2e/loop-shipped");

TEST_CASE("the README's day on the shipped profile stops in a break and resumes to its end") {
    TempDir home;
    const auto sessions = home.path() / "sessions";
    RunOptions options = with_home(home.path());
    options.input = questions(1) + "skip\n" + questions(1) + "wait 600\n" + questions(2) + "quit\n";
    const RunResult first = run_mockcoach(
        {"loop", "--seed", "7", "--clock", "virtual", "--sessions-dir", sessions.string()},
        options);
    INFO(first.err);
    REQUIRE(first.exit_code == 0);
    CHECK(first.out.starts_with("loop: "));
    CHECK(first.out.find("round 3: ML depth \u00b7 2 questions: ") != std::string::npos);
    CHECK(first.out.find("round 4: Behavioral \u00b7 4 questions: Behavioral \u00b7 30 min\n") !=
          std::string::npos);
    CHECK(first.out.find("total: 3:15:00") != std::string::npos);
    CHECK(first.err.find("stopped in the break after round 3") != std::string::npos);
    CHECK(files_ending(sessions, ".toml").size() == 4);

    options.input = questions(4);
    const RunResult second = run_mockcoach(
        {"loop", "--resume", "--clock", "virtual", "--sessions-dir", sessions.string()}, options);
    INFO(second.err);
    REQUIRE(second.exit_code == 0);
    CHECK(second.out.starts_with("resuming at round 4 of 4\n"));
    CHECK(second.out.find("Total 1:20:00 of 2:45:00 \u00b7 mean -") != std::string::npos);

    // Eight sessions: one each for rounds 1 and 2, two for round 3, four for round 4, each
    // with its place in its round and its share of the round's minutes.
    std::map<int, int> per_round;
    for (const auto& file : files_ending(sessions, ".toml")) {
        Diagnostics problems;
        const auto bytes = read_file(file, tomlfile::max_file_bytes, problems);
        REQUIRE(bytes);
        const auto t = transcript::read_transcript(file.string(), *bytes, problems);
        REQUIRE(t);
        REQUIRE(t->loop);
        ++per_round[t->loop->round];
        CHECK(t->loop->questions == std::vector<int>{1, 1, 2, 4}[t->loop->round - 1]);
        CHECK(t->budget_seconds() == std::vector<int>{2700, 2700, 1350, 450}[t->loop->round - 1]);
    }
    CHECK(per_round == std::map<int, int>{{1, 1}, {2, 1}, {3, 2}, {4, 4}});
}

TEST_SUITE_END();
