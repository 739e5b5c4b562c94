// The one --format of every command that prints a document, through the real binary: each
// format it offers, the old --json and --csv flags as aliases of it, and a format it does not
// offer refused as a usage error. Then the words the parser does not know: an unknown command
// or option gets a "did you mean".
#include "run_binary.hpp"

#include "../strings.hpp"

#include <doctest/doctest.h>
#include <string>
#include <vector>

using namespace mockcoach::testing;
namespace fs = std::filesystem;

namespace {

using Args = std::vector<std::string>;

const fs::path examples = fs::path(MOCKCOACH_SOURCE_DIR) / "sessions";

// One HOME for every run of a test, so runs that should print the same document can be
// compared byte for byte.
struct Home {
    TempDir home;
    RunResult run(const Args& args) const { return run_mockcoach(args, with_home(home.path())); }
};

std::string fmt_args(const Args& args) {
    std::string line = "mockcoach";
    for (const std::string& arg : args) line += " " + arg;
    return line;
}

Args with(Args args, const Args& more) {
    args.insert(args.end(), more.begin(), more.end());
    return args;
}

// `command` prints the same with --format NAME as with `alias` (when given), a document of
// that kind, and exits 0.
void check_format(const Home& home, const Args& command, const std::string& name,
                  const std::string& starts, const std::string& alias = "") {
    INFO(fmt_args(command) << " --format " << name);
    const RunResult formatted = home.run(with(command, {"--format", name}));
    CHECK(formatted.exit_code == 0);
    CHECK(formatted.out.starts_with(starts));
    if (alias.empty()) return;
    const RunResult aliased = home.run(with(command, {alias}));
    CHECK(aliased.exit_code == 0);
    CHECK(aliased.out == formatted.out);
    CHECK(aliased.err == formatted.err);
}

} // namespace

TEST_SUITE_BEGIN("e2e/format");

TEST_CASE("each command that prints a document takes --format, its default being text") {
    const Home home;
    const std::string sessions = examples.string();
    struct Command {
        Args args;
        std::string json_starts;
    };
    const std::vector<Command> commands = {
        {{"draw", "--seed", "7"}, "[\n"},
        {{"rubrics", "list"}, "[\n"},
        {{"rubrics", "show", "system-design"}, "{\n"},
        {{"config"}, "{\n"},
        {{"stats", "--sessions-dir", sessions}, "{\n"},
        {{"history", "--sessions-dir", sessions}, "[\n"},
        {{"stories", "list", "--sessions-dir", sessions}, "["},
        {{"stories", "coverage", "--sessions-dir", sessions}, "[\n"},
    };
    for (const Command& command : commands) {
        INFO(fmt_args(command.args));
        const RunResult plain = home.run(command.args);
        REQUIRE(plain.exit_code == 0);
        CHECK(home.run(with(command.args, {"--format", "text"})).out == plain.out);
        check_format(home, command.args, "json", command.json_starts, "--json");
    }
}

TEST_CASE("history prints CSV with --format csv or its old --csv") {
    const Home home;
    check_format(home, {"history", "--sessions-dir", examples.string()}, "csv",
                 "started_at,id,status,", "--csv");
}

TEST_CASE("show prints text, markdown or json, and export csv or json") {
    const Home home;
    const Args show = {"show", "latest", "--sessions-dir", examples.string()};
    CHECK(home.run(with(show, {"--format", "text"})).out == home.run(show).out);
    check_format(home, show, "markdown", "## ");
    check_format(home, show, "json", "{\n");
    const Args exported = {"export", "--sessions-dir", examples.string()};
    check_format(home, exported, "csv", "id,started_at,");
    CHECK(home.run(exported).out == home.run(with(exported, {"--format", "csv"})).out);
    check_format(home, exported, "json", "[\n");
}

TEST_CASE("packet prints html (its default) or markdown") {
    const Home home;
    const Args packet = {"packet", "url-shortener"};
    CHECK(home.run(with(packet, {"--format", "html"})).out == home.run(packet).out);
    check_format(home, packet, "html", "<!DOCTYPE html>\n");
    check_format(home, packet, "markdown", "# Interviewer's packet: ");
    const RunResult text = home.run(with(packet, {"--format", "text"}));
    CHECK(text.exit_code == 2);
    CHECK(contains(text.err, "packet does not offer format \"text\"; use html or markdown"));
}

TEST_CASE("a format a command does not print is refused with exit 2, naming the ones it does") {
    const Home home;
    const RunResult history = home.run({"history", "--format", "markdown"});
    CHECK(history.exit_code == 2);
    CHECK(history.out == "");
    CHECK(history.err ==
          "mockcoach: error: --format: history does not offer format \"markdown\"; use "
          "text, json or csv\nRun with --help for usage.\n");
    const RunResult rubrics = home.run({"rubrics", "list", "--format", "csv"});
    CHECK(rubrics.exit_code == 2);
    CHECK(contains(rubrics.err, "rubrics list does not offer format \"csv\"; use text or json"));
    const RunResult exported = home.run({"export", "--format", "text"});
    CHECK(exported.exit_code == 2);
    CHECK(contains(exported.err, "export does not offer format \"text\"; use csv or json"));
}

TEST_CASE("an unknown format gets a suggestion, or the list when nothing is near") {
    const Home home;
    const RunResult near = home.run({"stats", "--format", "jsno"});
    CHECK(near.exit_code == 2);
    CHECK(near.err ==
          "mockcoach: error: --format: unknown format \"jsno\"; did you mean \"json\"?\n"
          "Run with --help for usage.\n");
    const RunResult far = home.run({"show", "latest", "--format", "yaml"});
    CHECK(far.exit_code == 2);
    CHECK(contains(far.err, "unknown format \"yaml\"; use text, markdown or json\n"));
}

TEST_CASE("an alias and --format together, or --json with --csv, are refused") {
    const Home home;
    const RunResult both = home.run({"history", "--json", "--format", "csv"});
    CHECK(both.exit_code == 2);
    CHECK(contains(both.err, "excludes"));
    const RunResult aliases = home.run({"history", "--json", "--csv"});
    CHECK(aliases.exit_code == 2);
    CHECK(contains(aliases.err, "--json excludes --csv"));
    const RunResult explain = home.run({"draw", "--explain", "--format", "json"});
    CHECK(explain.exit_code == 2);
    CHECK(explain.out == "");
    CHECK(explain.err == "mockcoach: error: --explain excludes --format json\n");
}

TEST_CASE("--clock takes real or virtual, and says which a misspelt one meant") {
    const Home home;
    const RunResult run = home.run({"start", "--clock", "virtul", "--script"});
    CHECK(run.exit_code == 2);
    CHECK(run.err ==
          "mockcoach: error: --clock: unknown clock \"virtul\"; did you mean \"virtual\"?\n"
          "Run with --help for usage.\n");
}

TEST_CASE("an unknown command gets a suggestion and exit 2, and runs nothing") {
    const Home home;
    const RunResult typo = home.run({"histroy"});
    CHECK(typo.exit_code == 2);
    CHECK(typo.out == "");
    CHECK(typo.err == "mockcoach: error: unknown command \"histroy\"; did you mean \"history\"?\n"
                      "Run with --help for usage.\n");
    const RunResult far = home.run({"frobnicate"});
    CHECK(far.exit_code == 2);
    CHECK(far.err ==
          "mockcoach: error: unknown command \"frobnicate\"\nRun with --help for usage.\n");
    const RunResult nested = home.run({"rubrics", "lsit"});
    CHECK(nested.exit_code == 2);
    CHECK(nested.err == "mockcoach: error: unknown command \"lsit\"; did you mean \"list\"?\n"
                        "Run with --help for usage.\n");
}

TEST_CASE("every usage error reads \"mockcoach: error: ...\" in mockcoach's words, exit 2") {
    const Home home;
    const auto refused = [&](const Args& args, const std::string& err) {
        CAPTURE(err);
        const RunResult run = home.run(args);
        CHECK(run.exit_code == 2);
        CHECK(run.out == "");
        CHECK(run.err == err);
    };
    const std::string usage = "\nRun with --help for usage.\n";
    refused({"show", "latest", "extra"},
            "mockcoach: error: show: unexpected argument \"extra\"" + usage);
    refused({"rubrics"},
            "mockcoach: error: rubrics needs a command: list, show or validate" + usage);
    refused({"show"}, "mockcoach: error: show needs SESSION" + usage);
    refused({"start", "--speed"}, "mockcoach: error: --speed needs a value" + usage);
    refused({"start", "--speed", "0"}, "mockcoach: error: --speed must be between 0.01 and 1000\n");
    refused({"draw", "--count", "0"},
            "mockcoach: error: --count must be a whole number between 1 and 100000\n");
    refused({"draw", "--seed", "x"}, "mockcoach: error: --seed must be a whole number 0 or more\n");
    refused({"history", "--status", "interupted"},
            "mockcoach: error: --status: unknown status \"interupted\"; did you mean "
            "\"interrupted\"?" +
                usage);
}

TEST_CASE("an unknown option gets a suggestion from the command's own options, and runs nothing") {
    const Home home;
    const RunResult typo = home.run({"rubrics", "list", "--jsno"});
    CHECK(typo.exit_code == 2);
    CHECK(typo.out == "");
    CHECK(typo.err == "mockcoach: error: unknown option \"--jsno\"; did you mean \"--json\"?\n"
                      "Run with --help for usage.\n");
    // The program-wide options count too: they may follow the command.
    const RunResult global = home.run({"draw", "--rubric=x"});
    CHECK(global.exit_code == 2);
    CHECK(contains(global.err, "unknown option \"--rubric\"; did you mean \"--rubrics\"?"));
}

TEST_SUITE_END();
