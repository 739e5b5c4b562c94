// `mockcoach packet` and `start --partner` end to end: the real binary, what it prints and
// writes, and that a packet's question and follow-up times are its session's.
#include "../strings.hpp"
#include "pty_session.hpp"
#include "run_binary.hpp"
#include "session_files.hpp"

#include "report/html.hpp"
#include "util/text.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <regex>
#include <set>
#include <sstream>
#include <sys/wait.h>

using namespace mockcoach;
using namespace mockcoach::testing;
namespace fs = std::filesystem;

namespace {

RunResult run_in(const TempDir& home, const std::vector<std::string>& args,
                 const std::string& input = "") {
    RunOptions options = with_home(home.path());
    options.input = input;
    return run_mockcoach(args, options);
}

// The value of the line "NAME: VALUE" in `out` ("" when there is none).
std::string line_value(const std::string& out, const std::string& name) {
    for (const std::string& line : lines_of(out))
        if (line.starts_with(name + ": ")) return line.substr(name.size() + 2);
    return "";
}

// The arguments of the `start` line a Markdown packet names ("mockcoach start ..."), after
// "start"; empty when it names none.
std::vector<std::string> start_line_of(const std::string& packet) {
    std::smatch found;
    if (!std::regex_search(packet, found, std::regex("`mockcoach start ([^`]*)`"))) return {};
    std::vector<std::string> args;
    std::istringstream words(found[1].str());
    for (std::string word; words >> word;) args.push_back(word);
    return args;
}

// The follow-up rows of an HTML packet ("<tr><td>PHASE</td><td class="when">at ..."), in order.
std::vector<std::string> followup_rows(const std::string& page) {
    std::vector<std::string> rows;
    static const std::regex row(
        "<tr><td>[^<]*</td><td class=\"when\">[^<]*</td><td>[^<]*</td></tr>");
    for (auto it = std::sregex_iterator(page.begin(), page.end(), row);
         it != std::sregex_iterator(); ++it)
        rows.push_back(it->str());
    return rows;
}

// Every phase to its end, so each follow-up is raised, then a score.
const char* const whole_session = "wait 400\nnext\nwait 700\nnext\nwait 1300\nnext\nwait 650\n"
                                  "next\nscore depth 3\n";

} // namespace

TEST_SUITE_BEGIN("e2e/packet");

TEST_CASE("packet QUESTION prints the whole page, with each follow-up's window") {
    TempDir home;
    const RunResult run = run_in(home, {"packet", "url-shortener"});
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    CHECK(run.out.starts_with("<!DOCTYPE html>\n"));
    CHECK(run.out.ends_with("</html>\n"));
    CHECK(contains(run.out, "Design a URL shortening service that handles 100 million new links"));
    CHECK(contains(run.out, "<td>Requirements</td><td class=\"when\">between 01:15 and 03:45 "
                            "into the phase</td><td>Do links ever expire"));
    CHECK(contains(run.out, "<h2>Score sheet</h2>"));
    CHECK(run.err.empty());

    const RunResult md =
        run_in(home, {"packet", "system-design/url-shortener", "--format", "markdown"});
    REQUIRE(md.exit_code == 0);
    CHECK(md.out.starts_with("# Interviewer's packet: System Design\n"));
    CHECK(contains(md.out, "| Requirements | between 01:15 and 03:45 into the phase |"));
    CHECK(contains(md.out, "[ ] 1 [ ] 2 [ ] 3 [ ] 4 [ ] 5"));
}

TEST_CASE("packet --seed N is about the question start --seed N draws, in its categories") {
    TempDir home;
    const auto sessions = (home.path() / "sessions").string();
    std::set<std::string> questions;
    for (const std::vector<std::string>& extra : {std::vector<std::string>{"--seed", "1"},
                                                  {"--seed", "2"},
                                                  {"--seed", "5"},
                                                  {"--seed", "5", "--category", "behavioral"},
                                                  {"-c", "sql", "--seed", "12"}}) {
        std::vector<std::string> start = {"start", "--clock", "virtual", "--sessions-dir",
                                          sessions};
        start.insert(start.end(), extra.begin(), extra.end());
        // No commands: the plan is printed, the session never starts, nothing is saved.
        const RunResult session = run_in(home, start);
        REQUIRE(session.exit_code == 0);
        const std::string question = line_value(session.out, "question");
        const std::string category = line_value(session.out, "category");
        REQUIRE(!question.empty());
        questions.insert(question);

        std::vector<std::string> packet = {"packet", "--sessions-dir", sessions};
        packet.insert(packet.end(), extra.begin(), extra.end());
        const RunResult page = run_in(home, packet);
        INFO(page.err);
        REQUIRE(page.exit_code == 0);
        CHECK(contains(page.out, "<blockquote class=\"question\"><p>" + report::escape(question) +
                                     "</p></blockquote>"));
        CHECK(contains(page.out, "<dd>" + report::escape(category) + "</dd>"));
        CHECK(contains(page.out, "seed " + extra[extra[0] == "--seed" ? 1 : 3]));
    }
    CHECK(questions.size() >= 3); // the seeds really draw different questions
}

TEST_CASE("the start line a drawn packet names runs its question with its follow-up times, "
          "after --profile and --adaptive too") {
    TempDir home;
    const fs::path history = home.path() / "history";
    // A history for the adaptive draw to weigh: two low-scored system-design sessions.
    for (const char* question : {"url-shortener", "rate-limiter"}) {
        const RunResult past = run_in(home,
                                      {"start", "--question", question, "--clock", "virtual",
                                       "--sessions-dir", history.string()},
                                      "wait 60\nquit\nscore requirements 1\n");
        REQUIRE(past.exit_code == 0);
    }
    int runs = 0;
    for (const std::vector<std::string>& draw :
         {std::vector<std::string>{"--seed", "7", "--profile", "mlops-platform"},
          {"--seed", "7", "--profile", "ml-engineer-onsite", "-c", "dsa"},
          {"--seed", "6", "--adaptive", "--sessions-dir", history.string()},
          {"--seed", "7", "--adaptive", "--adaptive-strength", "2", "--sessions-dir",
           history.string()},
          {"--seed", "5", "-c", "sql"}}) {
        std::string options;
        for (const std::string& word : draw) options += " " + word;
        CAPTURE(options);
        std::vector<std::string> packet = {"packet", "--format", "markdown"};
        packet.insert(packet.end(), draw.begin(), draw.end());
        const RunResult page = run_in(home, packet);
        INFO(page.err);
        REQUIRE(page.exit_code == 0);
        // "RUBRIC/ID · 4 phases, 20:00 in all · seed 7", the packet's third line.
        const std::string third = lines_of(page.out).at(2);
        const std::string drawn = third.substr(0, third.find(' '));
        const std::vector<std::string> line = start_line_of(page.out);
        CHECK(line == std::vector<std::string>{"--question", drawn, "--seed", draw[1]});

        // The printed line, run with --partner: its session is about the packet's question,
        // and its own packet has the same follow-up times as the drawn one.
        const fs::path sessions = home.path() / ("run-" + std::to_string(++runs));
        std::vector<std::string> start = {"start"};
        start.insert(start.end(), line.begin(), line.end());
        start.insert(start.end(),
                     {"--clock", "virtual", "--partner", "--sessions-dir", sessions.string()});
        const RunResult session = run_in(home, start, "wait 1\n");
        INFO(session.err);
        REQUIRE(session.exit_code == 0);
        const transcript::Transcript t = only_transcript(sessions);
        CHECK(t.rubric + "/" + t.question_id == drawn);
        std::vector<std::string> html = {"packet", "--format", "html"};
        html.insert(html.end(), draw.begin(), draw.end());
        const RunResult drawn_page = run_in(home, html);
        REQUIRE(drawn_page.exit_code == 0);
        const auto rows = followup_rows(drawn_page.out);
        CHECK_FALSE(rows.empty());
        CHECK(rows == followup_rows(slurp(line_value(session.out, "interviewer's packet"))));
    }
}

TEST_CASE("packet --out writes the file whole and refuses one that exists, unless --force") {
    TempDir home;
    const fs::path out = home.path() / "packet.html";
    const RunResult printed = run_in(home, {"packet", "url-shortener", "--seed", "3"});
    REQUIRE(printed.exit_code == 0);
    const RunResult written =
        run_in(home, {"packet", "url-shortener", "--seed", "3", "--out", out.string()});
    INFO(written.err);
    REQUIRE(written.exit_code == 0);
    CHECK(written.out == out.string() + "\n");
    CHECK(slurp(out) == printed.out);

    const RunResult again =
        run_in(home, {"packet", "rate-limiter", "--format", "markdown", "--out", out.string()});
    CHECK(again.exit_code == 2);
    CHECK(again.err == "mockcoach: error: " + out.string() +
                           " exists; choose another --out, or add --force to replace it\n");
    CHECK(slurp(out) == printed.out);

    const RunResult forced = run_in(
        home, {"packet", "rate-limiter", "--format", "markdown", "--out", out.string(), "--force"});
    REQUIRE(forced.exit_code == 0);
    CHECK(slurp(out).starts_with("# Interviewer's packet: System Design\n"));
    // Nothing but the file itself: the temp file it was written through is gone.
    std::size_t entries = 0;
    for (const auto& entry : fs::directory_iterator(home.path()))
        entries += entry.is_regular_file() ? 1 : 0;
    CHECK(entries == 1);
}

TEST_CASE("an unknown question is a usage error with a suggestion; so is no question at all") {
    TempDir home;
    const RunResult typo = run_in(home, {"packet", "url-shortner"});
    CHECK(typo.exit_code == 2);
    CHECK(contains(typo.err, "unknown question \"url-shortner\""));
    CHECK(contains(typo.err, "did you mean \"url-shortener\"?"));
    CHECK(typo.out.empty());

    const RunResult nothing = run_in(home, {"packet"});
    CHECK(nothing.exit_code == 2);
    CHECK(contains(nothing.err, "name a QUESTION (RUBRIC/ID, or ID when unique), or give --seed"));

    const RunResult both = run_in(home, {"packet", "url-shortener", "--category", "sql"});
    CHECK(both.exit_code == 2);
}

TEST_CASE("start --partner writes the session's packet, with its follow-up times, before the "
          "plan") {
    TempDir home;
    const fs::path sessions = home.path() / "sessions";
    const RunResult run = run_in(home,
                                 {"start", "--question", "url-shortener", "--seed", "3", "--clock",
                                  "virtual", "--partner", "--sessions-dir", sessions.string()},
                                 whole_session);
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    CHECK(run.out.starts_with("interviewer's packet: "));
    CHECK(run.out.find("interviewer's packet: ") < run.out.find("\nquestion: "));
    const fs::path path = line_value(run.out, "interviewer's packet");
    REQUIRE(fs::exists(path));
    CHECK(path.parent_path() == sessions);

    const transcript::Transcript t = only_transcript(sessions);
    CHECK(path.filename() == t.id + ".packet.html");
    const std::string page = slurp(path);
    CHECK(contains(page, "session " + t.id));
    std::size_t raised = 0;
    for (const auto& phase : t.phases) {
        for (const auto& followup : phase.followups) {
            ++raised;
            CHECK(contains(page, fmt::format("<tr><td>{}</td><td class=\"when\">at {} into the "
                                             "phase</td><td>{}</td></tr>",
                                             report::escape(phase.name),
                                             format_clock(followup.at_seconds),
                                             report::escape(followup.text))));
        }
    }
    CHECK(raised == 3);
}

TEST_CASE("start --partner at a terminal shows the packet on the plan screen, and a cancel "
          "before the clock removes it") {
    TempDir home;
    const fs::path sessions = home.path() / "sessions";
    PtySession tty(live_command("start", "url-shortener", sessions, {"--partner", "--seed", "3"}),
                   live_environment(home.path()), 120, 30);
    REQUIRE(tty.wait_for("Enter start"));
    const auto packets = files_ending(sessions, ".packet.html");
    REQUIRE(packets.size() == 1);
    // The plan screen's text, without escape sequences and line ends: "Packet: PATH" is on it
    // (the "interviewer's packet: PATH" line printed before it is hidden behind it).
    const std::string shown =
        std::regex_replace(tty.output(), std::regex("\x1b\\[[0-9;?]*[A-Za-z]|\r|\n"), "");
    CHECK(contains(shown, "Packet: " + packets.front().string()));
    tty.send("q");
    REQUIRE(tty.wait_for("nothing saved"));
    CHECK(WIFEXITED(tty.wait_exit()));
    CHECK(files_ending(sessions, ".packet.html").empty());
    CHECK(files_ending(sessions, ".journal").empty());
}

TEST_CASE("a scripted start --partner that never starts removes its packet; one that does keeps "
          "it") {
    TempDir home;
    const fs::path sessions = home.path() / "sessions";
    const std::vector<std::string> args = {
        "start",  "--question", "url-shortener",  "--clock",        "virtual", "--partner",
        "--seed", "3",          "--sessions-dir", sessions.string()};
    const RunResult never = run_in(home, args);
    REQUIRE(never.exit_code == 0);
    CHECK(contains(never.out, "interviewer's packet: "));
    CHECK(files_ending(sessions, ".packet.html").empty());
    // A typo before anything happened leaves nothing either.
    const RunResult typo = run_in(home, args, "wiat 3\n");
    CHECK(typo.exit_code == 2);
    CHECK(files_ending(sessions, ".packet.html").empty());
    const RunResult ran = run_in(home, args, "wait 60\n");
    REQUIRE(ran.exit_code == 0);
    CHECK(files_ending(sessions, ".packet.html").size() == 1);
}

TEST_CASE("without --partner no packet is written") {
    TempDir home;
    const fs::path sessions = home.path() / "sessions";
    const RunResult run = run_in(home,
                                 {"start", "--question", "url-shortener", "--clock", "virtual",
                                  "--sessions-dir", sessions.string()},
                                 whole_session);
    REQUIRE(run.exit_code == 0);
    CHECK_FALSE(contains(run.out, "interviewer's packet"));
    CHECK(files_ending(sessions, ".packet.html").empty());
}

TEST_SUITE_END();
