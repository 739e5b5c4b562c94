// The enum options' transformer on a CLI11 app of its own: names become enum values, the
// formats a command offers are the only ones it takes, the aliases set the same value, and a
// refused value says what was wrong and what would do.
#include "cli/enum_option.hpp"
#include "cli/format_option.hpp"

#include <doctest/doctest.h>
#include <string>
#include <vector>

using namespace mockcoach;
using namespace mockcoach::cli;

namespace {

// A `tool report` command printing text, json or csv, with the old --json and --csv.
struct Fixture {
    CLI::App app{"tool", "tool"};
    CLI::App* report = app.add_subcommand("report", "A report");
    OutputFormat format = OutputFormat::text;
    FormatOptions added;
    Fixture() {
        added = add_format_option(*report, format,
                                  {OutputFormat::text, OutputFormat::json, OutputFormat::csv},
                                  "text, json or csv", true);
    }
    // The parse error's message, or "" when the line parsed.
    std::string parse(std::vector<std::string> args) {
        std::reverse(args.begin(), args.end()); // CLI11 takes them last first
        try {
            app.parse(args);
        } catch (const CLI::ParseError& e) {
            return e.what();
        }
        return "";
    }
};

} // namespace

TEST_SUITE_BEGIN("cli/enum_option");

TEST_CASE("--format turns the name typed into the enum value") {
    Fixture f;
    CHECK(f.parse({"report", "--format", "csv"}) == "");
    CHECK(f.format == OutputFormat::csv);
}

TEST_CASE("without --format the value set before stays: the command's default") {
    Fixture f;
    CHECK(f.parse({"report"}) == "");
    CHECK(f.format == OutputFormat::text);
}

TEST_CASE("--json and --csv are the same as --format json and --format csv") {
    Fixture json;
    CHECK(json.parse({"report", "--json"}) == "");
    CHECK(json.format == OutputFormat::json);
    Fixture csv;
    CHECK(csv.parse({"report", "--csv"}) == "");
    CHECK(csv.format == OutputFormat::csv);
}

TEST_CASE("an alias is left out for a format the command does not offer") {
    CLI::App app{"tool", "tool"};
    OutputFormat format = OutputFormat::text;
    const FormatOptions added =
        add_format_option(app, format, {OutputFormat::text, OutputFormat::markdown}, "", true);
    CHECK(added.json == nullptr);
    CHECK(added.csv == nullptr);
    CHECK(app.get_option_no_throw("--json") == nullptr);
}

TEST_CASE("the transformer names a format the command does not offer, and what it does") {
    Fixture f;
    CHECK(f.parse({"report", "--format", "markdown"}) ==
          "--format: report does not offer format \"markdown\"; use text, json or csv");
}

TEST_CASE("the transformer suggests the near name for a misspelt one, else lists them") {
    Fixture near;
    CHECK(near.parse({"report", "--format", "cvs"}) ==
          "--format: unknown format \"cvs\"; did you mean \"csv\"?");
    Fixture far;
    CHECK(far.parse({"report", "--format", "yaml"}) ==
          "--format: unknown format \"yaml\"; use text, json or csv");
    // The enum's number is not a name: CLI11 would otherwise take "2" as json.
    Fixture number;
    CHECK(number.parse({"report", "--format", "2"}) ==
          "--format: unknown format \"2\"; use text, json or csv");
}

TEST_CASE("the transformer describes itself as the set of names, for help and completion") {
    Fixture f;
    CHECK(f.added.format->get_type_name() == "FORMAT:{text,json,csv}");
}

TEST_CASE("a list of names reads as a sentence") {
    CHECK(or_list({"text"}) == "text");
    CHECK(or_list({"text", "json"}) == "text or json");
    CHECK(or_list({"text", "markdown", "json"}) == "text, markdown or json");
}

TEST_SUITE_END();
