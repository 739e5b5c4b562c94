// Issue #19, items 5 and 6, end to end with the real binary in scripted mode: a skipped
// criterion shown by name in the rubric's order (summary, `show`, Markdown; an old transcript
// whose rubric is gone still shows), and the interviewer's checks printed before the scoring.
#include "run_binary.hpp"
#include "session_files.hpp"

#include "../strings.hpp"

#include <doctest/doctest.h>
#include <fstream>

using namespace mockcoach;
using namespace mockcoach::testing;
namespace fs = std::filesystem;

namespace {

RunResult run(const TempDir& home, std::vector<std::string> args, std::string input = {}) {
    RunOptions options = with_home(home.path());
    options.input = std::move(input);
    return run_mockcoach(args, options);
}

std::vector<std::string> star(const fs::path& sessions, std::vector<std::string> extra = {}) {
    std::vector<std::string> args{"star",    "--question",     "end-to-end-project", "--clock",
                                  "virtual", "--sessions-dir", sessions.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
}

const char* answer = "say We had churn.\nwait 20\nnext\nsay I owned it.\nwait 10\nnext\n"
                     "say I traced it and I fixed it.\nwait 50\nnext\n"
                     "say Recall rose 12%.\nwait 20\nnext\n";

// Where `text` starts in `out`, or npos.
std::size_t at(const std::string& out, std::string_view text) {
    return out.find(text);
}

} // namespace

TEST_SUITE_BEGIN("e2e/star_scoring");

TEST_CASE("a skipped criterion is shown by its name in the rubric's order: summary, show, md") {
    TempDir home;
    const fs::path sessions = home.path() / "s";
    const RunResult session = run(
        home, star(sessions),
        std::string(answer) + "skip ownership\nscore structure 4\nscore technical-substance 3\n");
    INFO(session.out, session.err);
    REQUIRE(session.exit_code == 0);
    for (const std::string& out :
         {session.out, run(home, {"show", "latest", "--sessions-dir", sessions.string()}).out}) {
        const std::size_t structure = at(out, "  STAR structure and pacing           4\n");
        const std::size_t ownership = at(out, "  Personal ownership                  skipped\n");
        const std::size_t decisions = at(out, "  Technical decisions and trade-offs  3\n");
        CHECK(structure != std::string::npos);
        CHECK(ownership != std::string::npos);
        CHECK(decisions != std::string::npos);
        CHECK(structure < ownership);
        CHECK(ownership < decisions);
        CHECK(at(out, "  ownership ") == std::string::npos);
    }
    const RunResult markdown =
        run(home, {"show", "latest", "--format", "markdown", "--sessions-dir", sessions.string()});
    CHECK(contains(markdown.out, "| STAR structure and pacing | 4 |\n| Personal ownership | "
                                 "skipped |\n| Technical decisions and trade-offs | 3 |\n"));
    // The file keeps the id alone, as before.
    const transcript::Transcript t = only_transcript(sessions);
    CHECK(t.skipped == std::vector<std::string>{"ownership"});

    // A transcript whose rubric is gone still shows, its skip by the id it holds.
    std::string text = slurp(files_ending(sessions, ".toml").front());
    text.replace(text.find("rubric = \"behavioral\""), 21, "rubric = \"retired\"");
    home.write("old.toml", text);
    const RunResult old = run(home, {"show", (home.path() / "old.toml").string()});
    CHECK(old.exit_code == 0);
    CHECK(contains(old.out, "  ownership                           skipped\n"));
    CHECK(old.err.empty());
}

TEST_CASE("the checks are printed before the scoring line, and not again in the summary") {
    TempDir home;
    const fs::path sessions = home.path() / "s";
    const RunResult session =
        run(home, star(sessions), std::string(answer) + "score structure 4\n");
    INFO(session.out, session.err);
    REQUIRE(session.exit_code == 0);
    const std::size_t checks = at(session.out, "Checks an interviewer would make");
    const std::size_t scoring = at(session.out, "scoring: structure, ownership");
    REQUIRE(checks != std::string::npos);
    CHECK(checks < scoring);
    CHECK(at(session.out, "\u2713  \"I\" outnumbers \"we\" in Action: 2 to 0") < scoring);
    CHECK(session.out.find("Checks an interviewer would make", checks + 1) == std::string::npos);
}

TEST_CASE("an empty answer passes no check, not even the budget") {
    TempDir home;
    const fs::path sessions = home.path() / "s";
    const RunResult session = run(home, star(sessions), "next\nnext\nnext\nnext\n");
    INFO(session.out, session.err);
    REQUIRE(session.exit_code == 0);
    CHECK(contains(session.out, "\u2717  nothing was said, so 00:00 of its 08:26 is no answer"));
    CHECK_FALSE(contains(session.out, "\u2713"));
}

TEST_CASE("a session ended before scoring shows the checks in its summary") {
    TempDir home;
    const fs::path sessions = home.path() / "s";
    const RunResult session = run(home, star(sessions), "say We had churn.\nwait 5\n");
    INFO(session.out, session.err);
    REQUIRE(session.exit_code == 0);
    CHECK(contains(session.out, "saved: "));
    CHECK(at(session.out, "Checks an interviewer would make") > at(session.out, "saved: "));
}

TEST_SUITE_END();
