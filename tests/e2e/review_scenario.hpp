// The session the review tests share: url-shortener under the virtual clock with `--partner`,
// scored by the candidate, and the two reviews the tests add to it.
#pragma once

#include "../strings.hpp"
#include "run_binary.hpp"
#include "session_files.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

namespace mockcoach::testing {

struct ReviewScenario {
    TempDir home;
    std::filesystem::path sessions = home.path() / "sessions";
    std::string id;

    ReviewScenario() {
        // Every phase to its end, key points checked, then the candidate's own scores.
        const RunResult started =
            run({"start", "--question", "url-shortener", "--seed", "3", "--clock", "virtual",
                 "--partner"},
                "wait 400\nnext\nwait 700\nnext\nwait 1300\nnext\nwait 650\n"
                "next\npoint 1 covered\npoint 2 partly\npoint 3 missed\n"
                "point 4 covered\nscore requirements 4\nscore architecture 3\n"
                "score depth 4\nscore trade-offs 2\nscore communication 5\n");
        INFO(started.err);
        REQUIRE(started.exit_code == 0);
        id = only_transcript(sessions).id;
    }

    RunResult run(std::vector<std::string> args, const std::string& input = "") const {
        args.push_back("--sessions-dir");
        args.push_back(sessions.string());
        RunOptions options = with_home(home.path());
        options.input = input;
        return run_mockcoach(args, options);
    }

    std::string transcript_bytes() const { return slurp(sessions / (id + ".toml")); }

    // Sam scores four criteria and two key points, with a comment; Ana three criteria.
    void review_twice() const {
        const RunResult sam =
            run({"score", id, "--by", "Sam", "--criterion", "requirements=3", "--criterion",
                 "architecture=3", "--criterion", "depth=2", "--criterion", "trade-offs=3",
                 "--key-point", "1=covered", "--key-point", "3=missed", "--comment",
                 "Clear API; the sizing was rushed."});
        INFO(sam.err);
        REQUIRE(sam.exit_code == 0);
        CHECK(sam.out == fmt::format("Recorded Sam's review of {}: 4 scores, 2 key points, a "
                                     "comment.\nBeside yours: mockcoach show {}\n",
                                     id, id));
        const RunResult ana =
            run({"score", "latest", "--by", "Ana", "--criterion", "requirements=2", "--criterion",
                 "depth=3", "--criterion", "communication=4"});
        INFO(ana.err);
        REQUIRE(ana.exit_code == 0);
    }
};

} // namespace mockcoach::testing
