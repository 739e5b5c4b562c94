// mockcoach(1) as the build makes it (`mockcoach __manpage`): every command and option that
// --help shows is in its place in the page, and groff and man render it without a warning.
#include "../strings.hpp"
#include "run_binary.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <string>
#include <vector>

using namespace mockcoach::testing;

namespace {

std::string roff(std::string text) {
    std::string out;
    for (char c : text) out += c == '-' ? std::string("\\-") : std::string(1, c);
    return out;
}

std::string page() {
    static const std::string text = [] {
        const RunResult run = run_mockcoach({"__manpage"});
        REQUIRE(run.exit_code == 0);
        REQUIRE(run.err == "");
        return run.out;
    }();
    return text;
}

// The lines of a --help section ("Options:", "Subcommands:", "Positionals:"), up to a blank.
std::vector<std::string> section(const std::string& help, const std::string& title) {
    std::vector<std::string> lines;
    bool in = false;
    for (const std::string& line : lines_of(help)) {
        if (line == title) {
            in = true;
        } else if (in && line.empty()) {
            break;
        } else if (in && line.starts_with("  ") && line[2] != ' ') {
            lines.push_back(line.substr(2, line.find(' ', 2) - 2));
        }
    }
    return lines;
}

// The part of the page about one command: from its heading to the next one.
std::string command_part(const std::string& path) {
    const std::string& text = page();
    const std::string heading = ".SS " + roff("mockcoach " + path);
    const auto start = text.find(heading + "\n") != std::string::npos ? text.find(heading + "\n")
                                                                      : text.find(heading + " ");
    if (start == std::string::npos) return {};
    const auto next = text.find("\n.S", start + 1);
    return text.substr(start, next == std::string::npos ? std::string::npos : next - start);
}

// Checks the command at `path` (and, through its help, each subcommand under it).
void check_command(const std::vector<std::string>& path, int& commands, int& options) {
    std::vector<std::string> args = path;
    args.push_back("--help");
    const RunResult help = run_mockcoach(args);
    REQUIRE(help.exit_code == 0);
    std::string joined;
    for (const std::string& word : path) joined += (joined.empty() ? "" : " ") + word;
    INFO("mockcoach " << joined);
    const std::string part =
        path.empty() ? page().substr(page().find(".SH OPTIONS"),
                                     page().find(".SH COMMANDS") - page().find(".SH OPTIONS"))
                     : command_part(joined);
    REQUIRE_FALSE(part.empty());
    ++commands;
    for (const std::string& names : section(help.out, "Options:")) {
        std::size_t start = 0;
        while (start < names.size()) {
            std::size_t end = names.find(',', start);
            if (end == std::string::npos) end = names.size();
            const std::string name = names.substr(start, end - start);
            start = end + 1;
            // -h, --help is given once, under OPTIONS, for every command.
            if (!path.empty() && (name == "-h" || name == "--help")) continue;
            INFO(name);
            CHECK(contains(part, "\\fB" + roff(name) + "\\fR"));
            ++options;
        }
    }
    for (const std::string& positional : section(help.out, "Positionals:")) {
        INFO(positional);
        CHECK(contains(part, "\\fI" + roff(positional) + "\\fR"));
    }
    for (const std::string& sub : section(help.out, "Subcommands:")) {
        CHECK(contains(part, ".TP\n\\fB" + roff(sub) + "\\fR\n") == !path.empty());
        std::vector<std::string> sub_path = path;
        sub_path.push_back(sub);
        check_command(sub_path, commands, options);
    }
}

std::optional<std::filesystem::path> find_tool(const char* name) {
    for (const char* folder : {"/usr/bin", "/bin", "/usr/local/bin"}) {
        const auto path = std::filesystem::path(folder) / name;
        if (std::filesystem::exists(path)) return path;
    }
    return std::nullopt;
}

} // namespace

TEST_SUITE_BEGIN("e2e/manpage");

TEST_CASE("e2e manpage: every command and option shown by --help is in the page, in its place") {
    int commands = 0;
    int options = 0;
    check_command({}, commands, options);
    CHECK(commands >= 18); // the program, 11 commands, 4 of stories, 3 of rubrics, less 1 (-h)
    CHECK(options >= 60);
    const RunResult all = run_mockcoach({"--help-all"});
    for (const char* hidden : {"__complete", "__manpage"}) {
        CHECK_FALSE(contains(all.out, hidden));
        CHECK_FALSE(contains(page(), std::string(".SS mockcoach ") + hidden));
        CHECK_FALSE(contains(page(), std::string(".br\n\\fBmockcoach ") + hidden));
    }
    CHECK(contains(all.out, "--help-all"));
    CHECK(contains(page(), "\\fB\\-\\-help\\-all\\fR"));
}

TEST_CASE("e2e manpage: files, environment, hooks and exit statuses are documented") {
    for (const char* part : {".SH FILES",
                             "$XDG_CONFIG_HOME/mockcoach/rubrics",
                             "config.toml",
                             "[hooks]",
                             "$XDG_CACHE_HOME/mockcoach/index",
                             ".SH ENVIRONMENT",
                             "MOCKCOACH_SESSIONS",
                             "MOCKCOACH_ADAPTIVE",
                             "NO_COLOR",
                             "MOCKCOACH_EVENT",
                             "MOCKCOACH_RUBRIC",
                             "MOCKCOACH_QUESTION_ID",
                             "MOCKCOACH_PHASE",
                             "MOCKCOACH_PHASE_INDEX",
                             "MOCKCOACH_BUDGET_SECONDS",
                             "MOCKCOACH_USED_SECONDS",
                             "MOCKCOACH_TRANSCRIPT",
                             ".SH EXIT STATUS",
                             "128+N",
                             ".SH EXAMPLES"}) {
        INFO(part);
        CHECK(contains(page(), roff(part)));
    }
    CHECK(contains(page(), ".TH MOCKCOACH 1 \"\" \"mockcoach " MOCKCOACH_VERSION "\""));
}

TEST_CASE("e2e manpage: groff and man render the page without a warning") {
    const TempDir folder;
    const auto file = folder.write("mockcoach.1", page());
    const auto groff = find_tool("groff");
    if (!groff) {
        MESSAGE("groff is not installed: the rendering check is skipped");
        return;
    }
    const RunResult rendered = run_binary(*groff, {"-ww", "-man", "-Tutf8", "-z", file.string()});
    CHECK(rendered.exit_code == 0);
    CHECK(rendered.err == "");
    const auto man = find_tool("man");
    if (!man) {
        MESSAGE("man is not installed: the man -l check is skipped");
        return;
    }
    RunOptions options;
    options.env = {"MANWIDTH=80", "MAN_DISABLE_SECCOMP=1"};
    const RunResult shown = run_binary(*man, {"--warnings", "-l", file.string()}, options);
    CHECK(shown.exit_code == 0);
    CHECK(shown.err == "");
    CHECK(contains(shown.out, "mockcoach stories show NAME"));
    CHECK(contains(shown.out, "--sessions-dir DIR"));
}

TEST_SUITE_END();
