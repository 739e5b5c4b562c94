// `draw` and `start` with --adaptive end to end: the plain draw without history, --explain's
// table, MOCKCOACH_ADAPTIVE, and a question done lately held back.
#include "pair_home.hpp"
#include "run_binary.hpp"
#include "session_files.hpp"

#include "../strings.hpp"

#include <algorithm>
#include <doctest/doctest.h>

using namespace mockcoach::testing;
namespace fs = std::filesystem;

namespace {

const std::string two_questions =
    pair_rubric({{"first", "The first question?"}, {"second", "The second question?"}});

// A transcript of pair/first, so the adaptive draw holds it back.
std::string done_first() {
    return R"(format = 1
id = "20261120-100000-pair-first"
status = "completed"
mode = "interview"
started_at = 2026-11-20T10:00:00Z
ended_at = 2026-11-20T10:01:00Z
rubric = "pair"
rubric_name = "Pair"
question_id = "first"
question = "The first question?"

[[phase]]
name = "Talk"
budget_seconds = 60
used_seconds = 60
paused_seconds = 0
overtime_seconds = 0

[[score]]
criterion = "clarity"
name = "Clarity"
value = 2
)";
}

struct Fixture : PairHome {
    Fixture() : PairHome(two_questions) {
        home.write("sessions/20261120-100000-pair-first.toml", done_first());
    }
};

} // namespace

TEST_SUITE_BEGIN("e2e/adaptive_draw");

TEST_CASE("with no history the adaptive draw is the plain draw") {
    TempDir home;
    const std::string empty = (home.path() / "none").string();
    for (const char* seed : {"1", "7", "12345"}) {
        const RunResult plain = run_mockcoach({"draw", "--count", "3", "--seed", seed});
        const RunResult adaptive = run_mockcoach(
            {"draw", "--count", "3", "--seed", seed, "--adaptive", "--sessions-dir", empty});
        CHECK(adaptive.exit_code == 0);
        CHECK(adaptive.out == plain.out);
    }
}

TEST_CASE("draw --explain shows each category's weight, factor and chance") {
    const Fixture f;
    const RunResult run = f.run({"draw", "--adaptive", "--explain", "--seed", "3"});
    CHECK(run.exit_code == 0);
    const auto lines = lines_of(run.out);
    REQUIRE(lines.size() > 20);
    CHECK(lines[0] == "Adaptive draw (strength 1, the seed's weights), from 1 past session; "
                      "overall mean 2.0:");
    CHECK(lines[1].starts_with("CATEGORY "));
    CHECK(lines[1].ends_with("WEIGHT  SESSIONS  MEAN  SCORE  PRACTICE  FACTOR  PLAIN  CHANCE  "
                             "HELD BACK"));
    // pair: the only category scored, so at the overall mean (x1.00); practised beyond its share
    // (x1.00); 1 of 2 held back. Every other category was never practised: x6 each.
    const auto pair = std::find_if(lines.begin(), lines.end(),
                                   [](const std::string& l) { return l.starts_with("pair "); });
    REQUIRE(pair != lines.end());
    CHECK(contains(*pair,
                   "  1         1   2.0  \u00d71.00     \u00d71.00   \u00d71.00   0.4%    0.1%"));
    CHECK(pair->ends_with("1 of 2"));
    const auto ml = std::find_if(lines.begin(), lines.end(), [](const std::string& l) {
        return l.starts_with("machine-learning ");
    });
    REQUIRE(ml != lines.end());
    CHECK(contains(*ml, "\u00d71.00     \u00d76.00   \u00d76.00  37.6%   37.7%"));
    CHECK(contains(run.out, "\nseed 3\n"));
}

TEST_CASE("--adaptive-strength 0 is the plain draw's chances; 3 leans further than 1") {
    const Fixture f;
    const auto pair_line = [&](const char* strength) {
        const RunResult run =
            f.run({"draw", "--adaptive", "--explain", "--adaptive-strength", strength});
        REQUIRE(run.exit_code == 0);
        for (const std::string& line : lines_of(run.out))
            if (line.starts_with("pair ")) return line;
        FAIL("no pair line");
        return std::string();
    };
    CHECK(contains(pair_line("0"), "\u00d71.00   0.4%    0.4%"));
    CHECK(contains(pair_line("3"), "\u00d71.00   0.4%    0.0%"));
    const RunResult wild = f.run({"draw", "--adaptive-strength", "4"});
    CHECK(wild.exit_code == 2);
    CHECK(contains(wild.err, "--adaptive-strength must be between 0 and 3"));
}

TEST_CASE("--adaptive-strength without the adaptive draw is refused, not ignored") {
    const Fixture f;
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"draw", "--adaptive-strength", "2", "--explain"},
          std::vector<std::string>{"start", "--adaptive-strength", "2", "--seed", "1", "--clock",
                                   "virtual"}}) {
        CAPTURE(args[0]);
        const RunResult run = f.run(args, {}, "quit\n");
        CHECK(run.exit_code == 2);
        CHECK(run.out.empty());
        CHECK(run.err == "mockcoach: error: --adaptive-strength is how far the adaptive draw "
                         "leans, and this draw is not adaptive: add --adaptive\n");
    }
    const RunResult off = f.run({"draw", "--no-adaptive", "--adaptive-strength", "2"});
    CHECK(off.exit_code == 2);
    CHECK(contains(off.err, "mockcoach: error: --no-adaptive excludes --adaptive-strength"));
    // On by the environment, the strength has a draw to lean.
    const RunResult on =
        f.run({"draw", "--adaptive-strength", "2", "--explain"}, {"MOCKCOACH_ADAPTIVE=1"});
    CHECK(on.exit_code == 0);
    CHECK(on.out.starts_with("Adaptive draw (strength 2, "));
}

TEST_CASE("a session drawn adaptively names the draw and its strength on its seed line") {
    const Fixture f;
    const RunResult run =
        f.run({"start", "--seed", "2", "--clock", "virtual"}, {"MOCKCOACH_ADAPTIVE=1"}, "quit\n");
    REQUIRE_MESSAGE(run.exit_code == 0, run.err);
    std::size_t found = 0;
    for (const fs::path& file : files_ending(f.sessions, ".toml")) {
        if (file.filename() == "20261120-100000-pair-first.toml") continue;
        ++found;
        CHECK(contains(slurp(file), "\nseed = 2  # drawn with --adaptive --adaptive-strength 1\n"));
    }
    CHECK(found == 1);
}

TEST_CASE("draw --explain with --category counts the sessions its figures use") {
    const Fixture f;
    std::string other = done_first();
    for (const auto& [from, to] : {std::pair<std::string, std::string>{"pair-first", "sql-x"},
                                   {"rubric = \"pair\"", "rubric = \"sql\""},
                                   {"question_id = \"first\"", "question_id = \"x\""},
                                   {"value = 2", "value = 4"}})
        other.replace(other.find(from), from.size(), to);
    f.home.write("sessions/20261121-100000-sql-x.toml", other);
    const RunResult all = f.run({"draw", "--adaptive", "--explain"});
    CHECK(all.out.starts_with("Adaptive draw (strength 1, the seed's weights), from 2 past "
                              "sessions; overall mean 3.0:\n"));
    const RunResult some = f.run({"draw", "--adaptive", "--explain", "-c", "pair", "-c", "dsa"});
    CHECK(some.exit_code == 0);
    CHECK(some.out.starts_with("Adaptive draw (strength 1, the seed's weights), from the 1 past "
                               "session in these categories (2 in all); overall mean 2.0:\n"));
}

TEST_CASE("the adaptive_strength setting is the default strength; the option wins") {
    const Fixture f;
    f.home.write(".config/mockcoach/config.toml", "adaptive_strength = 0\n");
    const RunResult file = f.run({"draw", "--adaptive", "--explain"});
    CHECK(file.out.starts_with("Adaptive draw (strength 0, "));
    const RunResult option = f.run({"draw", "--adaptive", "--explain", "--adaptive-strength", "2"});
    CHECK(option.out.starts_with("Adaptive draw (strength 2, "));
}

TEST_CASE("MOCKCOACH_ADAPTIVE=1 makes the draw adaptive, and --no-adaptive turns it off") {
    const Fixture f;
    const RunResult on = f.run({"draw", "--explain"}, {"MOCKCOACH_ADAPTIVE=1"});
    CHECK(on.out.starts_with("Adaptive draw (strength 1, the seed's weights), from 1 past "
                             "session; overall mean 2.0:\n"));
    const RunResult off = f.run({"draw", "--explain", "--no-adaptive"}, {"MOCKCOACH_ADAPTIVE=1"});
    CHECK(off.out.starts_with("Plain draw (the seed's weights; --adaptive to adapt):\n"));
    const RunResult unset = f.run({"draw", "--explain"});
    CHECK(unset.out.starts_with("Plain draw"));
    const RunResult both = f.run({"draw", "--adaptive", "--no-adaptive"});
    CHECK(both.exit_code == 2);
    CHECK(f.run({"draw", "--explain", "--json"}).exit_code == 2);
}

TEST_CASE("MOCKCOACH_ADAPTIVE with a value other than 1 or 0 is refused, not taken as off") {
    const Fixture f;
    const RunResult yes = f.run({"draw"}, {"MOCKCOACH_ADAPTIVE=yes"});
    CHECK(yes.exit_code == 2);
    CHECK(yes.out.empty());
    CHECK(yes.err == "mockcoach: error: MOCKCOACH_ADAPTIVE is \"yes\"; use 1 (on) or 0 (off)\n");
    CHECK(f.run({"draw", "--no-adaptive"}, {"MOCKCOACH_ADAPTIVE=yes"}).exit_code == 0);
    CHECK(f.run({"config"}, {"MOCKCOACH_ADAPTIVE=true"}).exit_code == 2);
}

TEST_CASE("the adaptive draw holds back a question done lately until its category runs out") {
    const Fixture f;
    for (const char* seed : {"1", "2", "3", "4", "5"}) {
        const RunResult run = f.run({"draw", "-c", "pair", "--adaptive", "--seed", seed});
        CHECK(run.exit_code == 0);
        CHECK(contains(run.out, "pair/second"));
        const RunResult both =
            f.run({"draw", "-c", "pair", "--adaptive", "--count", "2", "--seed", seed});
        CHECK(lines_of(both.out)[0].ends_with("pair/second"));
        CHECK(lines_of(both.out)[2].ends_with("pair/first"));
    }
}

TEST_CASE("start --adaptive draws from the adaptive pool, and its session counts next time") {
    const Fixture f;
    const RunResult run =
        f.run({"start", "-c", "pair", "--adaptive", "--seed", "1", "--clock", "virtual"}, {},
              "wait 60\nnext\nscore clarity 4\n");
    CHECK(run.exit_code == 0);
    CHECK(run.out.starts_with("question: The second question?\n"));
    // Both questions are recent now; "first", done longer ago, comes back first.
    for (const char* seed : {"1", "2", "3"}) {
        const RunResult again = f.run({"draw", "-c", "pair", "--adaptive", "--seed", seed});
        CHECK(again.out.starts_with("Pair  pair/first\n"));
    }
}

TEST_SUITE_END();
