// The real binary, run in a temporary HOME: exit codes, what goes to stdout and to stderr.
#include "run_binary.hpp"

#include "../strings.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <string>
#include <utility>
#include <vector>

using namespace mockcoach::testing;

namespace {

const std::string fixtures = std::string(MOCKCOACH_SOURCE_DIR) + "/tests/fixtures/rubrics";

// The shipped rubrics' ids as a refusal lists them: in name order.
const std::string builtin_ids =
    "behavioral, coding, computer-vision, deep-learning, dsa, generative-ai, llms, "
    "machine-learning, ml-system-design, mlops, model-deployment, model-evaluation, nlp, "
    "optimization, reinforcement-learning, sql, statistics or system-design";

// The questions the shipped rubrics hold, from `rubrics validate`'s summary line.
int shipped_questions() {
    const RunResult run = run_mockcoach({"rubrics", "validate"});
    REQUIRE(run.exit_code == 0);
    const std::string prefix = "ok: 18 files checked; 18 rubrics with ";
    REQUIRE(run.out.starts_with(prefix));
    return std::stoi(run.out.substr(prefix.size()));
}

} // namespace

TEST_SUITE_BEGIN("e2e/cli");

TEST_CASE("the --version flag prints the version and exits 0") {
    const RunResult run = run_mockcoach({"--version"});
    CHECK(run.exit_code == 0);
    CHECK(run.out == "mockcoach " MOCKCOACH_VERSION "\n");
    CHECK(run.err == "");
}

TEST_CASE("the --help flag shows usage, the commands and examples, and exits 0") {
    const RunResult run = run_mockcoach({"--help"});
    CHECK(run.exit_code == 0);
    CHECK(contains(run.out, "Usage: mockcoach"));
    CHECK(contains(run.out, "--rubrics PATH"));
    for (const char* command : {"start", "draw", "rubrics"})
        CHECK(contains(run.out, std::string("\n  ") + command + " "));
    CHECK(contains(run.out, "Examples:"));
    CHECK(run.err == "");
}

TEST_CASE("no command at all prints the help and exits 0") {
    const RunResult run = run_mockcoach({});
    CHECK(run.exit_code == 0);
    CHECK(contains(run.out, "Usage: mockcoach"));
}

TEST_CASE("rubrics list shows a header, one row per shipped rubric and a total") {
    const RunResult run = run_mockcoach({"rubrics", "list"});
    CHECK(run.exit_code == 0);
    CHECK(run.err == "");
    const auto lines = lines_of(run.out);
    REQUIRE(lines.size() == 1 + 18 + 1);
    CHECK(lines[0].starts_with("ID "));
    CHECK(lines[0].ends_with("FROM"));
    CHECK(lines[1].starts_with("machine-learning "));
    CHECK(contains(lines[1], " 37.7% "));
    CHECK(lines[18].starts_with("optimization "));
    for (std::size_t i = 1; i <= 18; ++i) CHECK(lines[i].ends_with("  built-in"));
    CHECK(lines[19].starts_with("18 rubrics, "));
}

TEST_CASE("rubrics list --json gives an array of 18 objects with weights and shares") {
    const RunResult run = run_mockcoach({"rubrics", "list", "--json"});
    CHECK(run.exit_code == 0);
    CHECK(run.err == "");
    CHECK(run.out.starts_with("[\n  {\n    \"id\": \"machine-learning\",\n"
                              "    \"name\": \"Machine Learning\",\n"
                              "    \"weight\": 103,\n"
                              "    \"share\": 0.3772893772893773,\n"));
    CHECK(run.out.ends_with("  }\n]\n"));
    CHECK(count(run.out, "\n    \"id\": ") == 18);
    CHECK(count(run.out, "\"origin\": \"built-in\"") == 18);
    CHECK(contains(run.out, "\"id\": \"optimization\",\n    \"name\": \"Optimization\",\n"
                            "    \"weight\": 1,"));
}

TEST_CASE("rubrics show system-design lists its phases with their clocks") {
    const RunResult run = run_mockcoach({"rubrics", "show", "system-design"});
    CHECK(run.exit_code == 0);
    CHECK(run.err == "");
    CHECK(run.out.starts_with("System Design (system-design)  weight 20, 7.3% of the draw, "));
    CHECK(contains(run.out, "\nPhases  5+10+20+10 = 45 min\n"));
    CHECK(contains(run.out, "\n  1. Requirements  05:00\n"));
    CHECK(contains(run.out, "\n  2. High-Level Design  10:00\n"));
    CHECK(contains(run.out, "\n  3. Deep Dive  20:00\n"));
    CHECK(contains(run.out, "\n  4. Trade-offs  10:00\n"));
    CHECK(contains(run.out, "\n     - Draw the architecture\n"));
    CHECK(contains(run.out, "\nCriteria  (score each 1-5)\n"));
    CHECK(contains(run.out, "\n  url-shortener\n"));
    CHECK_FALSE(contains(run.out, "\x1b[")); // no colour when not on a terminal
}

TEST_CASE("rubrics show with an unknown id exits 2 and suggests a close one") {
    const RunResult near = run_mockcoach({"rubrics", "show", "sistem-design"});
    CHECK(near.exit_code == 2);
    CHECK(near.out == "");
    CHECK(near.err == "mockcoach: error: unknown rubric \"sistem-design\"; did you mean "
                      "\"system-design\"?\n");
    const RunResult far = run_mockcoach({"rubrics", "show", "nope"});
    CHECK(far.exit_code == 2);
    CHECK(far.err == "mockcoach: error: unknown rubric \"nope\"; use " + builtin_ids + "\n");
}

TEST_CASE("rubrics validate passes the shipped rubrics with exit 0") {
    const RunResult run = run_mockcoach({"rubrics", "validate"});
    CHECK(run.exit_code == 0);
    CHECK(run.err == "");
    CHECK(run.out.starts_with("ok: 18 files checked; 18 rubrics with "));
    CHECK(run.out.ends_with(" questions loaded\n"));
}

TEST_CASE("rubrics validate on a broken file exits 2 with each problem at FILE:LINE:COLUMN") {
    const std::string file = fixtures + "/broken/three-errors.toml";
    const RunResult run = run_mockcoach({"rubrics", "validate", file});
    CHECK(run.exit_code == 2);
    CHECK(lines_of(run.err) ==
          std::vector<std::string>{
              file + ":4:10: error: \"weight\" must be a number of 0 or more",
              file + ":8:11: error: \"minutes\" must be a number, not a string",
              file + ":15:8: error: level \"9\" is not a score: use 1, 2, 3, 4 or 5"});
    CHECK(run.out == "3 errors in 1 of 1 file\n");
}

TEST_CASE("rubrics validate on a folder reports a rubric id defined twice") {
    const std::string folder = fixtures + "/same-id";
    const RunResult run = run_mockcoach({"rubrics", "validate", folder});
    CHECK(run.exit_code == 2);
    CHECK(run.err == folder + "/second.toml:2:6: error: rubric id \"tiny\" is already defined in " +
                         folder + "/first.toml:2\n");
    CHECK(run.out == "1 error in 1 of 2 files\n");
}

TEST_CASE("rubrics validate accepts a question file that adds to a built-in rubric") {
    const int shipped = shipped_questions();
    const RunResult run =
        run_mockcoach({"rubrics", "validate", fixtures + "/addon/extra-sql.toml"});
    CHECK(run.exit_code == 0);
    CHECK(run.err == "");
    CHECK(run.out == "ok: 1 file checked; 18 rubrics with " + std::to_string(shipped + 1) +
                         " questions loaded\n");
}

TEST_CASE("rubrics validate judges only the paths given, not a broken user folder") {
    TempDir home;
    home.write(".config/mockcoach/rubrics/bad.toml", "id = 1\n");
    const RunResult run = run_mockcoach({"rubrics", "validate", fixtures + "/good/full.toml"},
                                        with_home(home.path()));
    CHECK(run.exit_code == 0);
    CHECK(run.err == "");
}

TEST_CASE("a rubrics folder given with --rubrics shows in rubrics list with FROM set to it") {
    const std::string folder = fixtures + "/custom";
    const RunResult run = run_mockcoach({"--rubrics", folder, "rubrics", "list"});
    CHECK(run.exit_code == 0);
    CHECK(run.err == "");
    const auto lines = lines_of(run.out);
    REQUIRE(lines.size() == 1 + 19 + 1);
    const auto row = std::find_if(lines.begin(), lines.end(), [](const std::string& line) {
        return line.starts_with("take-home ");
    });
    REQUIRE(row != lines.end());
    CHECK(row->ends_with("  " + folder));
    CHECK(contains(*row, " Take-Home Review "));
    CHECK(lines.back().starts_with("19 rubrics, "));
}

TEST_CASE("rubrics in the user's config folder are loaded and marked as the user's") {
    TempDir home;
    home.write(".config/mockcoach/rubrics/take-home.toml",
               "id = \"take-home\"\nname = \"Mine\"\nweight = 1\n"
               "[[phase]]\nname = \"Talk\"\nminutes = 5\n"
               "[[criterion]]\nid = \"c\"\nname = \"C\"\n"
               "levels.1 = \"a\"\nlevels.3 = \"b\"\nlevels.5 = \"c\"\n"
               "[[question]]\nid = \"q\"\ntext = \"Why?\"\n");
    const RunResult run = run_mockcoach({"rubrics", "list"}, with_home(home.path()));
    CHECK(run.exit_code == 0);
    CHECK(run.err == "");
    CHECK(contains(run.out, "\ntake-home "));
    CHECK(contains(run.out, "  user\n"));
}

TEST_CASE("a broken file in the user's folder is reported and the rest still loads") {
    TempDir home;
    const auto bad =
        home.write(".config/mockcoach/rubrics/bad.toml", "id = \"bad\"\nweight = -1\n");
    const RunResult run = run_mockcoach({"rubrics", "list"}, with_home(home.path()));
    CHECK(run.exit_code == 0);
    CHECK(contains(run.err,
                   bad.string() + ":2:10: error: \"weight\" must be a number of 0 or more\n"));
    CHECK(contains(run.err, "\nmockcoach: 4 problems in rubric files; those files were skipped"));
    CHECK(lines_of(run.out).size() == 1 + 18 + 1);
}

TEST_CASE("a --rubrics path that does not exist exits 2") {
    const RunResult run =
        run_mockcoach({"--rubrics", fixtures + "/no-such-folder", "rubrics", "list"});
    CHECK(run.exit_code == 2);
    CHECK(run.out == "");
    CHECK(run.err == "mockcoach: error: no such file or folder: " + fixtures + "/no-such-folder\n");
}

TEST_CASE("draw --seed 7 --count 3 --json is the same on every run") {
    const RunResult first = run_mockcoach({"draw", "--seed", "7", "--count", "3", "--json"});
    const RunResult second = run_mockcoach({"draw", "--seed", "7", "--count", "3", "--json"});
    CHECK(first.exit_code == 0);
    CHECK(first.err == "");
    CHECK(first.out == second.out);
    CHECK(first.out.starts_with("[\n  {\n    \"rubric\": \""));
    CHECK(count(first.out, "\n    \"rubric\": \"") == 3);
    CHECK(count(first.out, "\n    \"question_id\": \"") == 3);
    CHECK(count(first.out, "\n    \"text\": \"") == 3);
    CHECK(count(first.out, "\n    \"seed\": 7\n") == 3);
    const RunResult other = run_mockcoach({"draw", "--seed", "8", "--count", "3", "--json"});
    CHECK(other.out != first.out);
}

TEST_CASE("draw --seed 42 gives the same questions as the library's golden draw") {
    const RunResult run = run_mockcoach({"draw", "--seed", "42", "--count", "3", "--json"});
    CHECK(run.exit_code == 0);
    const auto first = run.out.find("\"question_id\": \"small-imbalanced-cv\"");
    const auto second = run.out.find("\"question_id\": \"confusion-matrix-math\"");
    const auto third = run.out.find("\"question_id\": \"gan-dynamics\"");
    CHECK(first < second);
    CHECK(second < third);
    CHECK(third != std::string::npos);
}

TEST_CASE("draw without --json prints each question and the seed to replay it") {
    const RunResult run = run_mockcoach({"draw", "--seed", "42"});
    CHECK(run.exit_code == 0);
    CHECK(run.out.starts_with("Model Evaluation  model-evaluation/small-imbalanced-cv\n  "));
    CHECK(run.out.ends_with("\nseed 42\n"));
}

TEST_CASE("draw --category limits the draw to that rubric") {
    const RunResult run =
        run_mockcoach({"draw", "--category", "sql", "--count", "5", "--seed", "1", "--json"});
    CHECK(run.exit_code == 0);
    CHECK(count(run.out, "\"rubric\": \"sql\"") == 5);
}

TEST_CASE("draw asking for more questions than there are draws them all and says so") {
    TempDir home;
    home.write(".config/mockcoach/rubrics/more.toml",
               "rubric = \"take-home\"\n[[question]]\nid = \"extra\"\ntext = \"More?\"\n");
    const std::vector<std::string> args{
        "--rubrics", fixtures + "/custom", "draw", "--category", "take-home", "--count", "1000",
        "--json"};
    const RunResult two = run_mockcoach(args, with_home(home.path()));
    CHECK(two.exit_code == 0);
    CHECK(count(two.out, "\"rubric\": \"take-home\"") == 2);
    CHECK(two.err == "mockcoach: only 2 questions match; drawing all of them\n");
    const RunResult one = run_mockcoach(args);
    CHECK(one.exit_code == 0);
    CHECK(count(one.out, "\"rubric\": \"take-home\"") == 1);
    CHECK(one.err == "mockcoach: only 1 question matches; drawing it\n");
}

TEST_CASE("--category with an unknown id exits 2, listing the ids when none is close") {
    const RunResult run = run_mockcoach({"draw", "--category", "nope"});
    CHECK(run.exit_code == 2);
    CHECK(run.out == "");
    CHECK(run.err == "mockcoach: error: unknown category \"nope\"; use " + builtin_ids + "\n");
    for (const char* command : {"start", "history", "stats", "export"}) {
        CAPTURE(command);
        const RunResult refused = run_mockcoach({command, "-c", "nope"});
        CHECK(refused.exit_code == 2);
        CHECK(contains(refused.err, "unknown category \"nope\"; use behavioral, coding, "));
    }
    const RunResult near = run_mockcoach({"draw", "--category", "dsb"});
    CHECK(near.exit_code == 2);
    CHECK(near.err == "mockcoach: error: unknown category \"dsb\"; did you mean \"dsa\"?\n");
}

TEST_CASE("an unknown option exits 2 and points to --help") {
    const RunResult run = run_mockcoach({"--bogus"});
    CHECK(run.exit_code == 2);
    CHECK(run.out == "");
    CHECK(contains(run.err, "--bogus"));
    CHECK(run.err.ends_with("Run with --help for usage.\n"));
}

TEST_CASE("draw --count 0 exits 2") {
    const RunResult run = run_mockcoach({"draw", "--count", "0"});
    CHECK(run.exit_code == 2);
    CHECK(run.out == "");
    CHECK(contains(run.err, "--count"));
}

// CLI11 2.1 (Debian 12) and 2.4 (Debian 13) disagreed on all of these: the wording of a range,
// "1_000" (2.4 took it), a negative or too large seed (2.1 wrapped it into a valid one).
TEST_CASE("numbers on the command line are plain decimal, with one wording on every CLI11") {
    const std::vector<std::pair<std::vector<std::string>, std::string>> refused = {
        {{"draw", "--count", "abc"}, "--count must be a whole number between 1 and 100000"},
        {{"draw", "--count", "0"}, "--count must be a whole number between 1 and 100000"},
        {{"draw", "--count", "1_000"}, "--count must be a whole number between 1 and 100000"},
        {{"draw", "--count", "0x10"}, "--count must be a whole number between 1 and 100000"},
        {{"draw", "--count", "+5"}, "--count must be a whole number between 1 and 100000"},
        {{"draw", "--seed", "-5"}, "--seed must be a whole number 0 or more"},
        {{"draw", "--seed", "18446744073709551616"}, "--seed must be a whole number 0 or more"},
        {{"start", "--seed", "9223372036854775808"}, "--seed must be a whole number 0 or more"},
        {{"star", "--seconds", "100.5"}, "--seconds must be a whole number between 20 and 3600"},
        {{"history", "--limit", "1e3"}, "--limit must be a whole number between 1 and 100000000"},
        {{"start", "--speed", "nan"}, "--speed must be between 0.01 and 1000"},
        {{"start", "--speed", "0.001"}, "--speed must be between 0.01 and 1000"},
    };
    // Not a structured binding: clang 14 cannot capture one in CAPTURE's lambda.
    for (const auto& refusal : refused) {
        const std::string& message = refusal.second;
        CAPTURE(message);
        const RunResult run = run_mockcoach(refusal.first);
        CHECK(run.exit_code == 2);
        CHECK(run.out == "");
        CHECK(run.err.starts_with("mockcoach: error: " + message + "\n"));
    }
    // A leading zero is decimal, never octal: 010 draws what 10 draws.
    CHECK(run_mockcoach({"draw", "--count", "010", "--seed", "7"}).out ==
          run_mockcoach({"draw", "--count", "10", "--seed", "7"}).out);
    CHECK(run_mockcoach({"draw", "--seed", "007"}).out ==
          run_mockcoach({"draw", "--seed", "7"}).out);
}

TEST_CASE("rubrics without a subcommand is a usage error") {
    const RunResult run = run_mockcoach({"rubrics"});
    CHECK(run.exit_code == 2);
    CHECK(run.out == "");
}

TEST_SUITE_END();
