// Draw profiles end to end: `profiles` lists, shows and validates them, a user's profile
// replaces a shipped one and a broken one is named at its place, and --profile steers the draw
// of draw, start and star.
#include "run_binary.hpp"
#include "session_files.hpp"

#include "../strings.hpp"

#include <doctest/doctest.h>
#include <set>

using namespace mockcoach::testing;
namespace fs = std::filesystem;

namespace {

RunResult run_in(const TempDir& home, std::vector<std::string> args, std::string input = "") {
    RunOptions options = with_home(home.path());
    options.input = std::move(input);
    return run_mockcoach(args, options);
}

// The rubric ids of `draw --format json` output, one per drawn question.
std::set<std::string> drawn_rubrics(const std::string& json) {
    std::set<std::string> ids;
    for (std::size_t at = json.find("\"rubric\":"); at != std::string::npos;
         at = json.find("\"rubric\":", at + 1)) {
        const std::size_t open = json.find('"', at + 9);
        ids.insert(json.substr(open + 1, json.find('"', open + 1) - open - 1));
    }
    return ids;
}

} // namespace

TEST_SUITE_BEGIN("e2e/profiles");

TEST_CASE("profiles lists the shipped profiles with their day, and a use line") {
    TempDir home;
    const RunResult run = run_in(home, {"profiles"});
    CHECK(run.exit_code == 0);
    CHECK(run.err.empty());
    const auto lines = lines_of(run.out);
    REQUIRE(lines.size() >= 5);
    CHECK(lines[0].starts_with("PROFILE "));
    CHECK(contains(run.out, "\nml-engineer-onsite        4 rounds, 3:15:00  built-in  "));
    CHECK(contains(run.out, "\nmlops-platform            draw only          built-in  "));
    CHECK(contains(run.out, "`loop --profile NAME`"));
    const RunResult json = run_in(home, {"profiles", "--format", "json"});
    CHECK(json.exit_code == 0);
    CHECK(contains(json.out, R"("id": "ml-engineer-onsite")"));
    CHECK(contains(json.out, "\"rounds\": 4,\n    \"day_minutes\": 195\n"));
}

TEST_CASE("profiles show gives the draw's shares, the themes and the day") {
    TempDir home;
    const RunResult run = run_in(home, {"profiles", "show", "ml-engineer-onsite"});
    CHECK(run.exit_code == 0);
    // ML system design is a whole 45-minute round of 165 minutes of interviews.
    CHECK(contains(run.out, "\n   27.3%  ml-system-design\n"));
    CHECK(contains(run.out, "  ×2    technical-challenge\n"));
    CHECK(contains(run.out, "  3. ML depth  45:00, 2 questions\n"));
    CHECK(contains(run.out, "     then a break of 10:00\n"));
    const RunResult unknown = run_in(home, {"profiles", "show", "ml-engineer-onsit"});
    CHECK(unknown.exit_code == 2);
    CHECK(unknown.err == "mockcoach: error: unknown profile \"ml-engineer-onsit\"; did you mean "
                         "\"ml-engineer-onsite\"?\n");
}

TEST_CASE("a user's profile replaces the shipped one; a broken one is named at its place") {
    TempDir home;
    home.write(".config/mockcoach/profiles/ml-engineer-onsite.toml",
               "name = \"My onsite\"\n[weights]\nsql = 1\n");
    home.write(
        ".config/mockcoach/profiles/broken.toml",
        "name = \"Broken\"\n[[round]]\nname = \"A\"\ncategories = [\"dsa\"]\nminutes = -5\n");
    const RunResult run = run_in(home, {"profiles"});
    CHECK(run.exit_code == 0);
    CHECK(contains(run.out, "ml-engineer-onsite        draw only          user"));
    CHECK_FALSE(contains(run.out, "\nbroken"));
    CHECK(contains(run.err, "profiles/broken.toml:5:11: error: \"minutes\" must be more than 0"));
    const RunResult draw = run_in(home, {"draw", "--profile", "ml-engineer-onsite", "--count", "3",
                                         "--format", "json", "--seed", "4"});
    CHECK(draw.exit_code == 0);
    CHECK(drawn_rubrics(draw.out) == std::set<std::string>{"sql"});
    const RunResult check = run_in(home, {"profiles", "validate"});
    CHECK(check.exit_code == 2);
    CHECK(contains(check.out, "1 error in 1 of 6 files\n"));
}

TEST_CASE("a profile naming an unknown category is refused where --profile uses it") {
    TempDir home;
    home.write(".config/mockcoach/profiles/typo.toml",
               "name = \"Typo\"\n[weights]\nsytem-design = 1\n");
    const RunResult run = run_in(home, {"draw", "--profile", "typo"});
    CHECK(run.exit_code == 2);
    CHECK(contains(run.err, "profiles/typo.toml:3:1: error: unknown category \"sytem-design\"; "
                            "did you mean \"system-design\"?"));
    const fs::path file = home.path() / ".config/mockcoach/profiles/typo.toml";
    const RunResult check = run_in(home, {"profiles", "validate", file.string()});
    CHECK(check.exit_code == 2);
    CHECK(contains(check.err, "typo.toml:3:1: error: unknown category"));
}

TEST_CASE("validate gives every error of a profile in one run, and using it names it broken") {
    TempDir home;
    home.write(".config/mockcoach/profiles/mine.toml", "format = 1\n"
                                                       "name = \"Mine\"\n"
                                                       "[[round]]\n"
                                                       "name = \"A\"\n"
                                                       "categories = [\"dsa\", \"codng\"]\n"
                                                       "tempo = 3\n"
                                                       "[weights]\n"
                                                       "ml-sytem-design = 45\n"
                                                       "dsa = \"lots\"\n");
    const fs::path file = home.path() / ".config/mockcoach/profiles/mine.toml";
    const RunResult check = run_in(home, {"profiles", "validate", file.string()});
    CHECK(check.exit_code == 2);
    const auto lines = lines_of(check.err);
    REQUIRE_MESSAGE(lines.size() == 4, check.err);
    CHECK(contains(lines[0], "mine.toml:5:22: error: unknown category \"codng\""));
    CHECK(contains(lines[1], "mine.toml:6:1: error: unknown key \"tempo\""));
    CHECK(contains(lines[2], "mine.toml:8:1: error: unknown category \"ml-sytem-design\"; did "
                             "you mean \"ml-system-design\"?"));
    CHECK(contains(lines[3], "mine.toml:9:7: error: the weight of category \"dsa\""));
    CHECK(contains(check.out, "4 errors in 1 of 1 file\n"));
    for (const char* command : {"draw", "start", "star"}) {
        CAPTURE(command);
        const RunResult use = run_in(
            home, {command, "--profile", "mine", "--sessions-dir", (home.path() / "s").string()});
        CHECK(use.exit_code == 2);
        CHECK(contains(use.err, "mine.toml:8:1: error: unknown category"));
        CHECK(use.err.ends_with("mockcoach: error: profile \"mine\" has errors (above)\n"));
    }
    const RunResult loop =
        run_in(home, {"loop", "--profile", "mine", "--sessions-dir", (home.path() / "s").string()});
    CHECK(loop.exit_code == 2);
    CHECK(loop.err.ends_with("mockcoach: error: profile \"mine\" has errors (above)\n"));
    // A broken file of one's own is what one meant, not the shipped profile of its name.
    home.write(".config/mockcoach/profiles/mlops-platform.toml", "name = 3\n[weights]\nsql = 1\n");
    const RunResult hidden = run_in(home, {"draw", "--profile", "mlops-platform"});
    CHECK(hidden.exit_code == 2);
    CHECK(
        hidden.err.ends_with("mockcoach: error: profile \"mlops-platform\" has errors (above)\n"));
}

TEST_CASE("validate of a profile in a newer format gives that error alone") {
    TempDir home;
    const fs::path file = home.write("new.toml", "format = 2\nname = \"New\"\n[days]\nfirst = 1\n");
    const RunResult check = run_in(home, {"profiles", "validate", file.string()});
    CHECK(check.exit_code == 2);
    CHECK(check.err == file.string() +
                           ":1:10: error: format 2 is newer than this mockcoach reads (1); upgrade "
                           "mockcoach\n");
}

TEST_CASE("draw --profile draws only the profile's categories") {
    TempDir home;
    const RunResult run = run_in(home, {"draw", "--profile", "mlops-platform", "--count", "40",
                                        "--format", "json", "--seed", "11"});
    CHECK(run.exit_code == 0);
    const auto ids = drawn_rubrics(run.out);
    const std::set<std::string> allowed = {"model-deployment", "mlops",  "ml-system-design",
                                           "system-design",    "coding", "sql"};
    for (const std::string& id : ids) CHECK(allowed.count(id) == 1);
    CHECK(ids.count("model-deployment") == 1);
    // With --category outside the profile, the categories are drawn evenly, with a note.
    const RunResult outside = run_in(home, {"draw", "--profile", "mlops-platform", "-c", "nlp"});
    CHECK(outside.exit_code == 0);
    CHECK(contains(outside.err, "gives none of the chosen categories a weight"));
    CHECK(contains(outside.out, "nlp/"));
}

TEST_CASE("a session drawn with --profile names the draw on its seed line") {
    TempDir home;
    const fs::path sessions = home.path() / "s";
    const RunResult run =
        run_in(home,
               {"start", "-c", "mlops", "-c", "sql", "--profile", "mlops-platform", "--seed", "5",
                "--clock", "virtual", "--sessions-dir", sessions.string()},
               "quit\n");
    REQUIRE_MESSAGE(run.exit_code == 0, run.err);
    auto files = files_ending(sessions, ".toml");
    REQUIRE(files.size() == 1);
    CHECK(contains(slurp(files[0]),
                   "\nseed = 5  # drawn with -c mlops -c sql --profile mlops-platform\n"));
    // A named question was not drawn: the seed only times its follow-ups.
    fs::remove(files[0]);
    const RunResult named = run_in(home,
                                   {"start", "--question", "url-shortener", "--seed", "5",
                                    "--clock", "virtual", "--sessions-dir", sessions.string()},
                                   "quit\n");
    REQUIRE(named.exit_code == 0);
    files = files_ending(sessions, ".toml");
    REQUIRE(files.size() == 1);
    CHECK(contains(slurp(files[0]), "\nseed = 5\nspeed = "));
}

TEST_CASE("start --profile draws the session's question from the profile") {
    TempDir home;
    for (const char* seed : {"1", "2", "3", "4", "5"}) {
        const RunResult run =
            run_in(home,
                   {"start", "--profile", "mlops-platform", "--seed", seed, "--clock", "virtual",
                    "--sessions-dir", (home.path() / "s").string()},
                   "quit\n");
        CHECK(run.exit_code == 0);
        const bool from_profile =
            contains(run.out, "(model-deployment)") || contains(run.out, "(mlops)") ||
            contains(run.out, "(ml-system-design)") || contains(run.out, "(system-design)") ||
            contains(run.out, "(coding)") || contains(run.out, "(sql)");
        CHECK_MESSAGE(from_profile, run.out);
    }
    const RunResult both =
        run_in(home, {"start", "--profile", "mlops-platform", "--question", "url-shortener"});
    CHECK(both.exit_code == 2);
    CHECK(contains(both.err, "--question excludes --profile"));
}

TEST_CASE("star --profile leans on the profile's themes, and says when it has none") {
    TempDir home;
    const std::string sessions = (home.path() / "s").string();
    const RunResult run = run_in(home,
                                 {"star", "--profile", "ml-engineer-phone-screen", "--seed", "3",
                                  "--clock", "virtual", "--sessions-dir", sessions},
                                 "quit\n");
    CHECK(run.exit_code == 0);
    CHECK(contains(run.err, "profile \"ml-engineer-phone-screen\" weighs no behavioral themes"));
    const RunResult themed = run_in(home,
                                    {"star", "--profile", "ml-engineer-onsite", "--seed", "3",
                                     "--clock", "virtual", "--sessions-dir", sessions},
                                    "quit\n");
    CHECK(themed.exit_code == 0);
    CHECK(themed.err.empty());
}

TEST_SUITE_END();
