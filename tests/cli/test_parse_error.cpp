// CLI11's parse errors in mockcoach's words, from the command tree: a surplus argument, a
// missing command or positional, an option without its value, and unknown words suggested.
#include "cli/parse_error.hpp"

#include <doctest/doctest.h>
#include <string>
#include <vector>

using namespace mockcoach::cli;

namespace {

// `tool show ID`, `tool rubrics list|show`, and an option taking a number.
struct Fixture {
    CLI::App app{"tool", "tool"};
    std::string id;
    double speed = 1;
    Fixture() {
        app.require_subcommand(0, 1);
        CLI::App* show = app.add_subcommand("show", "Show one");
        show->add_option("SESSION", id, "Which")->required();
        show->add_option("--speed", speed, "Speed");
        CLI::App* rubrics = app.add_subcommand("rubrics", "Rubrics");
        rubrics->require_subcommand(1);
        rubrics->add_subcommand("list", "List them");
        rubrics->add_subcommand("validate", "Check them");
        app.add_subcommand("history", "Past sessions");
    }
    // Our message for the parse error, or "" when the line parsed.
    std::string parse(std::vector<std::string> args) {
        std::reverse(args.begin(), args.end()); // CLI11 takes them last first
        try {
            app.parse(args);
        } catch (const CLI::ParseError& e) {
            return parse_error_message(e, app);
        }
        return "";
    }
};

} // namespace

TEST_SUITE_BEGIN("cli/parse_error");

TEST_CASE("an unknown command is named with the closest one") {
    Fixture f;
    CHECK(f.parse({"histroy"}) == "unknown command \"histroy\"; did you mean \"history\"?");
}

TEST_CASE("a word beyond the last positional is named, not CLI11's \"was not expected\"") {
    Fixture f;
    CHECK(f.parse({"show", "a", "b"}) == "show: unexpected argument \"b\"");
    Fixture g;
    CHECK(g.parse({"show", "a", "b", "c"}) == "show: unexpected arguments \"b\" \"c\"");
}

TEST_CASE("a missing command or positional is said with what would do") {
    Fixture f;
    CHECK(f.parse({"rubrics"}) == "rubrics needs a command: list or validate");
    Fixture g;
    CHECK(g.parse({"show"}) == "show needs SESSION");
}

TEST_CASE("an option without its value is said so, without CLI11's type names") {
    Fixture f;
    CHECK(f.parse({"show", "a", "--speed"}) == "--speed needs a value");
}

TEST_SUITE_END();
