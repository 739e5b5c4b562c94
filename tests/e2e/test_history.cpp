// history, show, stats and export end to end: the real binary on the example sessions, broken
// and foreign files among them, an empty folder, and the summary index in the cache folder.
#include "run_binary.hpp"
#include "session_files.hpp"

#include "../strings.hpp"

#include <algorithm>
#include <chrono>
#include <doctest/doctest.h>
#include <fstream>
#include <sstream>
#include <sys/stat.h>

using namespace mockcoach;
using namespace mockcoach::testing;
namespace fs = std::filesystem;

namespace {

const fs::path examples = fs::path(MOCKCOACH_SOURCE_DIR) / "sessions";
const char* const example_files[] = {
    "20261124-235805-system-design-url-shortener.toml",
    "20261124-235807-ml-system-design-card-fraud.toml",
    "20261124-235808-behavioral-drive-adoption.toml",
    "20261124-235809-model-evaluation-tree-depth-bias-variance.toml",
};

// A HOME with the four documented example sessions (the folder may gain more examples; these
// four have known answers) in HOME/sessions.
struct Fixture {
    TempDir home;
    fs::path sessions = home.path() / "sessions";
    Fixture() {
        // Dated an hour back: a file changed in the last two seconds is not cached in the index.
        for (const char* name : example_files)
            fs::last_write_time(home.write(fs::path("sessions") / name, slurp(examples / name)),
                                fs::file_time_type::clock::now() - std::chrono::hours(1));
    }
    RunResult run(std::vector<std::string> args, std::vector<std::string> env = {}) const {
        args.push_back("--sessions-dir");
        args.push_back(sessions.string());
        RunOptions options = with_home(home.path());
        options.env = std::move(env);
        return run_mockcoach(args, options);
    }
};

} // namespace

TEST_SUITE_BEGIN("e2e/history");

TEST_CASE("history on the shipped example folder lists every transcript, newest first") {
    const RunResult run = run_mockcoach({"history", "--sessions-dir", examples.string()});
    CHECK(run.exit_code == 0);
    CHECK(run.err == "");
    const auto lines = lines_of(run.out);
    const std::size_t files = files_ending(examples, ".toml").size();
    REQUIRE(lines.size() == files + 2);
    CHECK(lines.front().starts_with("DATE "));
    CHECK(lines.back() == std::to_string(files) + " sessions");
    for (std::size_t i = 2; i + 1 < lines.size(); ++i)
        CHECK(lines[i].substr(0, 16) <= lines[i - 1].substr(0, 16));
}

TEST_CASE("history shows date, category, time against budget, mean score and status") {
    const Fixture f;
    const RunResult run = f.run({"history"});
    CHECK(run.exit_code == 0);
    CHECK(run.err == "");
    CHECK(lines_of(run.out) ==
          std::vector<std::string>{
              "DATE              CATEGORY                 TIME  MEAN  STATUS       QUESTION",
              "2026-11-24 23:58  model-evaluation  05:50/20:00     -  interrupted  Explain the "
              "bias-variance trade-off using the depth of a decision tree, and show how "
              "regularization moves a model along it.",
              "2026-11-24 23:58  behavioral        02:30/02:15   3.0  completed    Describe a time "
              "you got other teams to adopt something you built, such as a shared feature "
              "pipeline or an evaluation harness.",
              "2026-11-24 23:58  ml-system-design  30:50/45:00   3.0  ended-early  Design a fraud "
              "detection system that scores every card transaction within 50 ms, knowing that "
              "confirmed fraud labels arrive weeks later through chargebacks.",
              "2026-11-24 23:58  system-design     42:15/45:00   3.6  completed    Design a URL "
              "shortening service that handles 100 million new links a month.",
              "4 sessions"});
    CHECK_FALSE(contains(run.out, "\x1b"));
}

TEST_CASE("history filters by status, category and dates, and --limit keeps the newest") {
    const Fixture f;
    const RunResult cut = f.run({"history", "--status", "interrupted", "--status", "ended-early"});
    CHECK(cut.exit_code == 0);
    CHECK(count(cut.out, "\n2026-") == 2);
    CHECK(contains(cut.out, "interrupted"));
    CHECK(contains(cut.out, "ended-early"));
    CHECK_FALSE(contains(cut.out, "completed"));

    const RunResult one = f.run({"history", "-c", "behavioral"});
    CHECK(count(one.out, "\n2026-") == 1);
    CHECK(contains(one.out, "behavioral  "));

    CHECK(f.run({"history", "--until", "2026-11-24"}).out.ends_with("\n4 sessions\n"));
    CHECK(f.run({"history", "--since", "2026-11-25"}).out == "No sessions match.\n");
    CHECK(f.run({"history", "--since", "2026-11-24", "--until", "today"})
              .out.ends_with("\n4 sessions\n"));

    const RunResult limited = f.run({"history", "--limit", "1"});
    CHECK(count(limited.out, "\n2026-") == 1);
    CHECK(contains(limited.out, "model-evaluation"));
    CHECK(limited.out.ends_with("\n1 of 4 sessions (the newest; see --limit)\n"));
}

TEST_CASE("a date that is not one is a usage error naming the forms that are") {
    const Fixture f;
    const RunResult run = f.run({"history", "--since", "last tuesday"});
    CHECK(run.exit_code == 2);
    CHECK(run.out == "");
    CHECK(run.err ==
          "mockcoach: error: --since: \"last tuesday\" is not a date; use YYYY-MM-DD, today, "
          "yesterday, Nd (N days ago) or Nw (N weeks ago)\n");
    CHECK(f.run({"stats", "--since", "2026-02-30"}).exit_code == 2);
}

TEST_CASE("an unknown category is a usage error with a suggestion") {
    const Fixture f;
    const RunResult run = f.run({"history", "--category", "sytem-design"});
    CHECK(run.exit_code == 2);
    CHECK(run.err ==
          "mockcoach: error: unknown category \"sytem-design\"; did you mean \"system-design\"?\n");
}

TEST_CASE("history --json is one array with the transcript's field names") {
    const Fixture f;
    const RunResult run = f.run({"history", "--json"});
    CHECK(run.exit_code == 0);
    CHECK(run.out.starts_with("[\n  {\n    \"id\": \"20261124-235809-model-evaluation-tree-depth-"
                              "bias-variance\",\n"));
    CHECK(count(run.out, "\n  {\n") == 4);
    CHECK(contains(run.out, "\"started_at\": \"2026-11-24T23:58:05Z\""));
    CHECK(contains(run.out, "\"used_seconds\": 2535,\n    \"budget_seconds\": 2700,\n"
                            "    \"mean_score\": 3.6,"));
    CHECK(contains(run.out, "\"mean_score\": null"));
    CHECK(contains(run.out, "\"category_guess\": \"ml-system-design\",\n"
                            "    \"category_guess_correct\": true"));
    // Outside a loop the loop's keys are there, null.
    CHECK(count(run.out, "\"loop\": null,\n    \"round\": null,\n    \"rounds\": null,\n    "
                         "\"round_question\": null,\n    \"round_questions\": null\n  }") == 4);
    CHECK(run.out.ends_with("}\n]\n"));
}

TEST_CASE("history --csv has a header and one row a session, the question's text last") {
    const Fixture f;
    const RunResult run = f.run({"history", "--csv"});
    CHECK(run.exit_code == 0);
    const auto lines = lines_of(run.out);
    REQUIRE(lines.size() == 5);
    CHECK(lines[0] == "started_at,id,status,mode,rubric,question_id,used_seconds,budget_seconds,"
                      "mean_score,question");
    CHECK(lines[4] == "2026-11-24T23:58:05Z,20261124-235805-system-design-url-shortener,"
                      "completed,interview,system-design,url-shortener,2535,2700,3.6,"
                      "Design a URL shortening service that handles 100 million new links a "
                      "month.");
    // A question with a comma in it is quoted, so the columns before it keep their places.
    CHECK(lines[1].ends_with(",350,1200,,\"Explain the bias-variance trade-off using the depth of "
                             "a decision tree, and show how regularization moves a model along "
                             "it.\""));
}

TEST_CASE("a file that is not a transcript is skipped with one warning, and every report still "
          "comes out") {
    const Fixture f;
    f.home.write("sessions/newer.toml", "# from a later mockcoach\nformat = 4\n");
    f.home.write("sessions/cut.toml", slurp(examples / example_files[0]).substr(0, 300));
    f.home.write("sessions/notes.txt", "not a .toml file: not looked at");
    const std::string newer =
        (f.sessions / "newer.toml").string() +
        ":2:10: warning: not a valid transcript, skipped: transcript format 4 is newer than "
        "this mockcoach reads (1 to 3); upgrade mockcoach";
    for (const std::vector<std::string>& command :
         {std::vector<std::string>{"history"}, {"stats"}, {"export"}, {"show", "latest"}}) {
        CAPTURE(command[0]);
        const RunResult run = f.run(command);
        CHECK(run.exit_code == 0);
        const auto warnings = lines_of(run.err);
        REQUIRE(warnings.size() == 2);
        CHECK(warnings[0].starts_with((f.sessions / "cut.toml").string() + ":"));
        CHECK(contains(warnings[0], ": warning: not a valid transcript, skipped: "));
        CHECK(warnings[1] == newer);
        CHECK(contains(run.out, "model-evaluation"));
    }
    const RunResult strict = f.run({"history", "--strict"});
    CHECK(strict.exit_code == 2);
    CHECK(strict.out.ends_with("\n4 sessions\n"));
    CHECK(lines_of(strict.err).size() == 2);
}

TEST_CASE("an empty or missing sessions folder gives a friendly message, not an error") {
    TempDir home;
    fs::create_directories(home.path() / "empty");
    for (const char* folder : {"empty", "missing"}) {
        const std::string dir = (home.path() / folder).string();
        const std::string message = "No sessions yet in " + dir +
                                    ".\nRun `mockcoach start` for your first mock interview; its "
                                    "transcript will be saved there.\n";
        for (const char* command : {"history", "stats", "show"}) {
            CAPTURE(command);
            std::vector<std::string> args = {command, "--sessions-dir", dir};
            if (std::string(command) == "show") args.push_back("latest");
            const RunResult run = run_mockcoach(args, with_home(home.path()));
            CHECK(run.exit_code == 0);
            CHECK(run.out == message);
            CHECK(run.err == "");
        }
        const RunResult json = run_mockcoach({"history", "--json", "--sessions-dir", dir});
        CHECK(json.exit_code == 0);
        CHECK(json.out == "[]\n");
        CHECK(json.err == message);
        const RunResult csv = run_mockcoach({"export", "--sessions-dir", dir});
        CHECK(csv.exit_code == 0);
        CHECK(lines_of(csv.out).size() == 1); // the header
        CHECK(csv.err == message);
    }
}

TEST_CASE("show renders the latest session, one named by id or part of it, or a file") {
    const Fixture f;
    const RunResult latest = f.run({"show", "latest"});
    CHECK(latest.exit_code == 0);
    CHECK(latest.out.starts_with("Model Evaluation  interrupted\n"));
    // When it was, in the form of history's DATE column (the Markdown had it; the text did not).
    CHECK(contains(latest.out, "\nmodel-evaluation/tree-depth-bias-variance\n2026-11-24 23:58\n"));
    CHECK(contains(latest.out, "Classification Metrics"));
    CHECK(contains(latest.out, "  02:30  bias: too simple; variance: too sensitive to the sample"));

    const RunResult by_id = f.run({"show", "20261124-235805-system-design-url-shortener"});
    CHECK(by_id.exit_code == 0);
    CHECK(contains(by_id.out, "Deep Dive          21:00 / 20:00"));
    CHECK(contains(by_id.out, "+01:00 over"));
    CHECK(contains(by_id.out, "  Mean                      3.6\n"));
    CHECK(f.run({"show", "url-shortener"}).out == by_id.out);
    const RunResult by_file =
        run_mockcoach({"show", (f.sessions / example_files[0]).string()}, with_home(f.home.path()));
    CHECK(by_file.out == by_id.out);
}

TEST_CASE("show names the session it picked when several match, and rejects unknown ones") {
    const Fixture f;
    const RunResult several = f.run({"show", "20261124"});
    CHECK(several.exit_code == 0);
    CHECK(several.err == "mockcoach: 4 sessions match \"20261124\"; showing the newest, "
                         "20261124-235809-model-evaluation-tree-depth-bias-variance\n");
    const RunResult unknown = f.run({"show", "url-shortner"});
    CHECK(unknown.exit_code == 2);
    CHECK(contains(unknown.err, "unknown session \"url-shortner\""));
    const RunResult no_file = f.run({"show", "nowhere/x.toml"});
    CHECK(no_file.exit_code == 2);
    CHECK(no_file.err == "mockcoach: error: no such file: nowhere/x.toml\n");
}

TEST_CASE("show of a broken transcript reports each problem at its place and exits 2") {
    const Fixture f;
    f.home.write("sessions/broken.toml", "format = 1\nid = 7\n");
    const RunResult run = f.run({"show", "broken"});
    CHECK(run.exit_code == 2);
    CHECK(run.out == "");
    CHECK(contains(run.err, "broken.toml:2:6: error: \"id\" must be a string, not an integer\n"));
}

TEST_CASE("show --format markdown is ready to paste for a mock partner") {
    const Fixture f;
    const RunResult run = f.run({"show", "card-fraud", "--format", "markdown"});
    CHECK(run.exit_code == 0);
    CHECK(run.out.starts_with("## ML System Design: card-fraud\n\n> Design a fraud detection"));
    CHECK(contains(run.out, "2026-11-24 23:58 · ended-early · 30:50 of 45:00 · mean score 3.0\n"));
    CHECK(contains(run.out, "Category named blind as ml-system-design: right\n"));
    CHECK(contains(run.out, "| High-Level Design | 10:50 | 10:00 | "));
    CHECK(contains(run.out, "**+00:50 over** |\n"));
    CHECK(contains(run.out, "- `10:50` two towers for retrieval, GBDT ranker on top\n"));
    CHECK(contains(run.out, "| Problem framing and metrics | 3 |\n"));
    // Issue #19: a skipped criterion by its name, in the rubric's order (after modeling).
    CHECK(contains(run.out, "| Serving and monitoring | skipped |\n| **Mean**"));
}

TEST_CASE("show --format json is the transcript with its own keys") {
    const Fixture f;
    const RunResult run = f.run({"show", "drive-adoption", "--format", "json"});
    CHECK(run.exit_code == 0);
    CHECK(run.out.starts_with("{\n  \"format\": 1,\n  \"id\": \"20261124-235808-behavioral-"
                              "drive-adoption\",\n"));
    CHECK(contains(run.out, "\"phase\": [\n"));
    CHECK(contains(run.out, "\"text\": \"led the migration myself; said \\\"we\\\" too often\""));
    CHECK(contains(run.out, "\"score\": [\n"));
    CHECK(contains(run.out, "\"mean_score\": 3,"));
}

TEST_CASE("stats shows weak categories and criteria, overrun phases, coverage and blind "
          "guesses") {
    const Fixture f;
    const RunResult run = f.run({"stats"});
    CHECK(run.exit_code == 0);
    CHECK(run.err == "");
    const std::string& out = run.out;
    CHECK(out.starts_with("Categories\nCATEGORY          SESSIONS  MEAN  LAST SCORES  TREND\n"));
    CHECK(contains(out, "\nsystem-design            1   3.6  \u2586                -\n"));
    CHECK(contains(out, "\nmodel-evaluation         1     -                   -\n"));
    CHECK(contains(out, "Weakest criteria\nCATEGORY          CRITERION                    MEAN  "
                        "SESSIONS\nbehavioral        Impact                        2.0         "
                        "1\n"));
    CHECK(contains(out, "Time discipline (finished phases, most overrun first)\n"));
    CHECK(contains(out,
                   "\nbehavioral        Action                 01:20   01:00  133.3%  1 of 1\n"
                   "behavioral        Situation              00:35   00:30  116.7%  1 of 1\n"
                   "ml-system-design  High-Level Design      10:50   10:00  108.3%  1 of 1\n"));
    CHECK(contains(out, "\nmachine-learning               0      0.0%  37.7%  \u25c0 most "
                        "under-practised\n"));
    CHECK(contains(out, "\nsystem-design                  1     25.0%   7.3%\n"));
    CHECK(contains(out, "Not practised yet: machine-learning, dsa, computer-vision, coding,"));
    CHECK(contains(out, "Blind sessions (category named right)\nCATEGORY          BLIND  NAMED "
                        "RIGHT\nml-system-design      1   1 (100.0%)\n"));
}

TEST_CASE("stats --category narrows every section and the bank shares to those categories") {
    const Fixture f;
    const RunResult run = f.run({"stats", "-c", "system-design", "-c", "behavioral"});
    CHECK(run.exit_code == 0);
    CHECK_FALSE(contains(run.out, "ml-system-design"));
    CHECK(contains(run.out, "\nbehavioral            1     50.0%  50.0%\n"));
}

TEST_CASE("stats --json is one object with every list in full") {
    const Fixture f;
    const RunResult run = f.run({"stats", "--json"});
    CHECK(run.exit_code == 0);
    CHECK(run.out.starts_with("{\n  \"sessions\": 4,\n  \"categories\": [\n"));
    CHECK(count(run.out, "\"criterion\": ") == 10);
    CHECK(count(run.out, "\"used_share\": ") == 11);
    CHECK(count(run.out, "\"bank_share\": ") == 18);
    CHECK(contains(run.out, "\"most_under_practised\": true"));
    CHECK(contains(run.out, "\"named_right\": 1"));
    CHECK(run.out.ends_with("}\n"));
}

TEST_CASE("export writes one CSV row a session with phases and per-criterion scores as columns") {
    const Fixture f;
    const RunResult run = f.run({"export"});
    CHECK(run.exit_code == 0);
    const std::string header = lines_of(run.out)[0];
    CHECK(header.starts_with("id,started_at,ended_at,status,mode,rubric,rubric_name,question_id,"
                             "question,seed,used_seconds,budget_seconds,mean_score,"));
    CHECK(contains(header, ",phase_5_name,phase_5_budget_seconds,"));
    CHECK_FALSE(contains(header, "phase_6_"));
    CHECK(header.ends_with(",system-design/requirements,system-design/architecture,"
                           "system-design/depth,system-design/trade-offs,"
                           "system-design/communication,ml-system-design/framing,"
                           "ml-system-design/modeling,behavioral/structure,behavioral/ownership,"
                           "behavioral/impact"));
    // Oldest first; the reflection's line break stays inside its quoted field.
    CHECK(contains(run.out, "\n20261124-235805-system-design-url-shortener,2026-11-24T23:58:05Z,"));
    CHECK(contains(run.out, ",\"Good scoping; the deep dive ran a minute over.\nNext time: name "
                            "the id-generation trade-offs before the cache.\",,,,,0,0,"
                            "Requirements,300,0,315,0,15,"));
    CHECK(contains(run.out, ",4,4,3,3,4,,,,,\n"));
    CHECK(count(run.out, "\n20261124-") == 4);
}

TEST_CASE("export --format json --out writes an array of transcripts to a file") {
    const Fixture f;
    const fs::path out = f.home.path() / "all.json";
    const RunResult run = f.run({"export", "--format", "json", "--out", out.string()});
    CHECK(run.exit_code == 0);
    CHECK(run.out == "exported 4 sessions to " + out.string() + "\n");
    const std::string json = slurp(out);
    CHECK(json.starts_with("[\n  {\n    \"format\": 1,\n    \"id\": \"20261124-235805-system-"
                           "design-url-shortener\""));
    CHECK(count(json, "\n  {\n    \"format\": 1,") == 4);
    CHECK(json.ends_with("]\n"));
}

TEST_CASE("export picks sessions with --category, --since and --until as history does") {
    const Fixture f;
    const RunResult one = f.run({"export", "-c", "behavioral", "--since", "2026-11-24"});
    CHECK(one.exit_code == 0);
    CHECK(one.err == "");
    CHECK(count(one.out, "\n20261124-") == 1);
    CHECK(contains(one.out, "\n20261124-235808-behavioral-drive-adoption,"));

    const RunResult none = f.run({"export", "--format", "json", "--until", "2026-11-23"});
    CHECK(none.exit_code == 0);
    CHECK(none.out == "[]\n");
    CHECK(none.err == "mockcoach: no sessions match\n");

    const RunResult typo = f.run({"export", "-c", "behavorial"});
    CHECK(typo.exit_code == 2);
    CHECK(contains(typo.err, "did you mean \"behavioral\"?"));
    CHECK(f.run({"export", "--since", "someday"}).exit_code == 2);
}

TEST_CASE("export --out refuses a file that exists, and --force replaces it") {
    // It used to replace the file in silence: a spreadsheet of the user's own, say.
    const Fixture f;
    const fs::path out = f.home.write("mine.csv", "my own notes\n");
    const RunResult refused = f.run({"export", "--out", out.string()});
    CHECK(refused.exit_code == 2);
    CHECK(refused.err == "mockcoach: error: " + out.string() +
                             " exists; choose another --out, or add --force to replace it\n");
    CHECK(slurp(out) == "my own notes\n");
    const RunResult forced = f.run({"export", "--out", out.string(), "--force"});
    CHECK(forced.exit_code == 0);
    CHECK(slurp(out).starts_with("id,"));
    CHECK(f.run({"export", "--force"}).exit_code == 2); // --force needs --out
}

TEST_CASE("the summary index lives in the cache folder and follows the transcripts") {
    const Fixture f;
    REQUIRE(f.run({"history"}).exit_code == 0);
    const auto indexes = files_ending(f.home.path() / ".cache/mockcoach/index", ".toml");
    REQUIRE(indexes.size() == 1);
    CHECK(count(slurp(indexes[0]), "[[session]]") == 4);
    fs::remove(f.sessions / example_files[1]);
    const RunResult after = f.run({"history"});
    CHECK(after.out.ends_with("\n3 sessions\n"));
    CHECK_FALSE(contains(after.out, "card-fraud"));
    CHECK(count(slurp(indexes[0]), "[[session]]") == 3);
    fs::remove(indexes[0]); // safe to delete: rebuilt
    CHECK(f.run({"stats"}).out == f.run({"stats"}).out);
    CHECK(fs::exists(indexes[0]));
}

TEST_CASE("show names what a path is when it is not a transcript file, and I/O failures exit 1") {
    const Fixture f;
    const TempDir folder;
    const fs::path fifo = folder.path() / "fifo.toml";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    const RunResult on_fifo = f.run({"show", fifo.string()});
    CHECK(on_fifo.exit_code == 2);
    CHECK(on_fifo.err == "mockcoach: error: " + fifo.string() + ": a FIFO, not a regular file\n");
    const RunResult on_folder = f.run({"show", folder.path().string() + "/"});
    CHECK(on_folder.exit_code == 2);
    CHECK(contains(on_folder.err, ": a folder, not a file\n"));
    CHECK(f.run({"show", (folder.path() / "none.toml").string()}).err ==
          "mockcoach: error: no such file: " + (folder.path() / "none.toml").string() + "\n");
    // A regular file whose read fails (even for root): an I/O failure, not bad input.
    const RunResult unreadable = f.run({"show", "/proc/self/mem"});
    CHECK(unreadable.exit_code == 1);
    CHECK(unreadable.err.starts_with("mockcoach: error: /proc/self/mem: cannot read: "));
}

TEST_CASE("a sessions folder that is a file is a usage error, not an empty history") {
    const Fixture f;
    const fs::path file = f.sessions / example_files[0];
    for (const char* command : {"history", "stats", "report"}) {
        CAPTURE(command);
        RunOptions options = with_home(f.home.path());
        const RunResult run = run_mockcoach({command, "--sessions-dir", file.string()}, options);
        CHECK(run.exit_code == 2);
        CHECK(run.err ==
              "mockcoach: error: the sessions folder " + file.string() + " is not a folder\n");
    }
}

TEST_SUITE_END();
