// `mockcoach report` end to end: the real binary on the example sessions, where the page goes,
// never overwriting a file without --force, the friendly empty page, and bad options.
#include "../strings.hpp"
#include "run_binary.hpp"
#include "session_files.hpp"

#include <doctest/doctest.h>
#include <fstream>
#include <sstream>

using namespace mockcoach;
using namespace mockcoach::testing;
namespace fs = std::filesystem;

namespace {

const fs::path examples = fs::path(MOCKCOACH_SOURCE_DIR) / "sessions";

} // namespace

TEST_SUITE_BEGIN("e2e/report");

TEST_CASE("report --out writes the page of the example sessions and prints its path") {
    TempDir home;
    const fs::path out = home.path() / "report.html";
    const RunResult run =
        run_mockcoach({"report", "--sessions-dir", examples.string(), "--out", out.string()},
                      with_home(home.path()));
    CHECK(run.exit_code == 0);
    CHECK(run.err == "");
    CHECK(run.out == out.string() + "\n");
    const std::string html = slurp(out);
    CHECK(html.starts_with("<!DOCTYPE html>"));
    CHECK(count(html, "<svg ") == 6); // the examples' reviews are all due by now: a due chart
    CHECK(contains(html, "id=\"chart-due\""));
    CHECK(contains(html, "Design a URL shortening service"));
    CHECK(contains(html, "read from " + examples.string()));
    CHECK(files_ending(home.path(), ".html").size() == 1); // and no temp file left
}

TEST_CASE("report refuses to overwrite a file unless --force, and leaves it as it was") {
    TempDir home;
    const fs::path out = home.write("mine.html", "my own notes\n");
    const std::vector<std::string> args = {"report", "--sessions-dir", examples.string(), "--out",
                                           out.string()};
    const RunResult refused = run_mockcoach(args, with_home(home.path()));
    CHECK(refused.exit_code == 2);
    CHECK(refused.out == "");
    CHECK(contains(refused.err, "mine.html exists; choose another --out, or add --force"));
    CHECK(slurp(out) == "my own notes\n");

    std::vector<std::string> forced = args;
    forced.push_back("--force");
    const RunResult replaced = run_mockcoach(forced, with_home(home.path()));
    CHECK(replaced.exit_code == 0);
    CHECK(count(slurp(out), "<svg ") == 6);
    CHECK(files_ending(home.path(), ".html").size() == 1);
}

TEST_CASE("--force without --out is a usage error") {
    const RunResult run = run_mockcoach({"report", "--force"});
    CHECK(run.exit_code == 2);
    CHECK(contains(run.err, "--force"));
}

TEST_CASE("an empty --out is a usage error for report and export alike") {
    for (const char* command : {"report", "export"}) {
        CAPTURE(command);
        const RunResult run = run_mockcoach({command, "--out", ""});
        CHECK(run.exit_code == 2);
        CHECK(run.err == "mockcoach: error: --out needs a file name\n");
    }
}

TEST_CASE("without --out the report goes to the data folder's reports, a new file each time") {
    TempDir home;
    const std::vector<std::string> args = {"report", "--sessions-dir", examples.string()};
    const RunResult first = run_mockcoach(args, with_home(home.path()));
    const RunResult second = run_mockcoach(args, with_home(home.path()));
    REQUIRE(first.exit_code == 0);
    REQUIRE(second.exit_code == 0);
    const fs::path reports = home.path() / ".local/share/mockcoach/reports";
    CHECK(files_ending(reports, ".html").size() == 2);
    const fs::path first_path = first.out.substr(0, first.out.size() - 1);
    const fs::path second_path = second.out.substr(0, second.out.size() - 1);
    CHECK(first_path.parent_path() == reports);
    const std::string name = first_path.filename().string();
    CHECK(name.starts_with("report-20"));
    CHECK(second_path == reports / (name.substr(0, name.size() - 5) + "-2.html"));
    CHECK(slurp(first_path) == slurp(second_path)); // the same day, the same sessions
}

TEST_CASE("report of an empty or missing sessions folder is a friendly page, not an error") {
    TempDir home;
    fs::create_directories(home.path() / "empty");
    for (const char* folder : {"empty", "missing"}) {
        CAPTURE(folder);
        const fs::path out = home.path() / (std::string(folder) + ".html");
        const RunResult run = run_mockcoach(
            {"report", "--sessions-dir", (home.path() / folder).string(), "--out", out.string()},
            with_home(home.path()));
        CHECK(run.exit_code == 0);
        CHECK(run.out == out.string() + "\n");
        CHECK(contains(run.err, "No sessions yet"));
        const std::string html = slurp(out);
        CHECK(contains(html, "No sessions yet in "));
        CHECK(count(html, "<svg") == 0);
    }
}

TEST_CASE("report filters by category and date like stats") {
    TempDir home;
    const fs::path out = home.path() / "sd.html";
    const RunResult run =
        run_mockcoach({"report", "--sessions-dir", examples.string(), "--category", "system-design",
                       "--since", "2026-11-24", "--out", out.string()},
                      with_home(home.path()));
    REQUIRE(run.exit_code == 0);
    const std::string html = slurp(out);
    CHECK(contains(html, "1 session from 2026-11-24 to 2026-11-24"));
    CHECK(contains(html, "matching --since 2026-11-24 --category system-design"));
    CHECK(count(html, "<svg ") == 5); // no blind session among them
    CHECK_FALSE(contains(html, "card-fraud"));
}

TEST_CASE("report rejects an unreadable date and an unknown category, writing nothing") {
    TempDir home;
    const fs::path out = home.path() / "r.html";
    for (const auto& bad : std::vector<std::vector<std::string>>{{"--since", "last tuesday"},
                                                                 {"--category", "sytem-design"}}) {
        std::vector<std::string> args = {"report", "--sessions-dir", examples.string(), "--out",
                                         out.string()};
        args.insert(args.end(), bad.begin(), bad.end());
        const RunResult run = run_mockcoach(args, with_home(home.path()));
        CHECK(run.exit_code == 2);
        CHECK_FALSE(fs::exists(out));
    }
}

TEST_CASE("report into a folder that does not exist fails with exit 1 and says why") {
    TempDir home;
    const RunResult run = run_mockcoach({"report", "--sessions-dir", examples.string(), "--out",
                                         (home.path() / "no" / "such" / "r.html").string()},
                                        with_home(home.path()));
    CHECK(run.exit_code == 1);
    CHECK(contains(run.err, "No such file or directory"));
}

TEST_SUITE_END();
