// The manual page's roff, from a small command tree: escaping, and every command and option in
// its place.
#include "../strings.hpp"
#include "manual/manual.hpp"

#include <cctype>
#include <doctest/doctest.h>

using namespace mockcoach::testing;

using namespace mockcoach;

namespace {

completion::Command tree() {
    completion::Command root;
    root.name = "tool";
    root.help = "tool: does things well.\nIt does them in order.";
    completion::Option rubrics;
    rubrics.names = {"--rubrics"};
    rubrics.takes_value = true;
    rubrics.value_name = "PATH";
    rubrics.help = "More rubrics";
    root.options.push_back(rubrics);
    completion::Command start;
    start.name = "start";
    start.help = "Run an interview";
    start.footer = "Examples:\n  tool start --clock virtual\n.dot at the start";
    completion::Option clock;
    clock.names = {"-k", "--clock"};
    clock.takes_value = true;
    clock.value_name = "TEXT";
    clock.help = "How time moves";
    clock.choices = {"real", "virtual"};
    start.options.push_back(clock);
    completion::Option help;
    help.names = {"-h", "--help"};
    help.help = "Print this help";
    help.is_help = true;
    start.options.push_back(help);
    completion::Command show;
    show.name = "show";
    show.help = "One story";
    completion::Positional name;
    name.name = "NAME";
    name.help = "The story's name";
    name.required = true;
    show.positionals.push_back(name);
    completion::Command stories;
    stories.name = "stories";
    stories.help = "Story bank";
    stories.needs_subcommand = true;
    stories.subcommands.push_back(show);
    root.subcommands = {start, stories};
    return root;
}

} // namespace

TEST_SUITE_BEGIN("manual/page");

TEST_CASE("manual: roff escaping keeps backslashes, dashes, leading dots and non-ASCII safe") {
    CHECK(manual::roff_escape("a\\b") == "a\\eb");
    CHECK(manual::roff_escape("--json") == "\\-\\-json");
    CHECK(manual::roff_escape(".start\n'quote") == "\\&.start\n\\&'quote");
    CHECK(manual::roff_escape("mid. sentence") == "mid. sentence");
    CHECK(manual::roff_escape("2\u00bc min \u00d7 2") == "2\\[u00BC] min \\[u00D7] 2");
    CHECK(manual::roff_escape("\xff") == "\\[uFFFD]");
}

TEST_CASE("manual: the page has a title, a name line, and the fixed sections") {
    const std::string page = manual::render_page(tree(), "1.2.3");
    CHECK(contains(page, ".TH TOOL 1 \"\" \"tool 1.2.3\" \"User Commands\"\n"));
    CHECK(contains(page, ".SH NAME\ntool \\- does things well\n"));
    for (const char* section : {".SH SYNOPSIS", ".SH DESCRIPTION", ".SH OPTIONS", ".SH COMMANDS",
                                ".SH FILES", ".SH ENVIRONMENT", ".SH EXIT STATUS", ".SH EXAMPLES"})
        CHECK(contains(page, section));
    CHECK(contains(page, "It does them in order."));
}

TEST_CASE("manual: every command has a section with its options, choices and examples") {
    const std::string page = manual::render_page(tree(), "1.2.3");
    CHECK(contains(page, ".SS tool start\n"));
    CHECK(contains(page, ".SS tool stories COMMAND\n"));
    CHECK(contains(page, ".SS tool stories show NAME\n"));
    CHECK(contains(page, "\\fB\\-k\\fR, \\fB\\-\\-clock\\fR \\fITEXT\\fR\n"));
    CHECK(contains(page, "One of: \\fBreal\\fR, \\fBvirtual\\fR."));
    CHECK(contains(page,
                   ".nf\nExamples:\n  tool start \\-\\-clock virtual\n\\&.dot at the start\n.fi"));
    CHECK(contains(page, "\\fB\\-\\-rubrics\\fR \\fIPATH\\fR\n"));
    CHECK(contains(page, ".TP\n\\fINAME\\fR\nThe story's name.\n"));
    // -h, --help is said once under OPTIONS, not in every command.
    CHECK_FALSE(contains(page, "Print this help"));
}

TEST_CASE("manual: no line of the page starts with a character roff would take as a request") {
    const std::string page = manual::render_page(tree(), "1.2.3");
    std::size_t start = 0;
    while (start < page.size()) {
        const std::size_t end = page.find('\n', start);
        const std::string line = page.substr(start, end - start);
        if (!line.empty() && (line[0] == '.' || line[0] == '\'')) {
            INFO(line);
            const bool request =
                (line.size() >= 2 && std::isupper(static_cast<unsigned char>(line[1]))) ||
                line.starts_with(".\\\"");
            const bool known = line.starts_with(".nf") || line.starts_with(".fi") ||
                               line.starts_with(".sp") || line.starts_with(".nh") ||
                               line.starts_with(".ad") || line.starts_with(".br");
            CHECK((request || known));
        }
        start = end + 1;
    }
}

TEST_SUITE_END();
