// The interviewer's packet in a real browser: headless Chromium opens it offline with its text
// all there, prints it to PDF, and no table in the PDF is cut across two pages (read back with
// pdftotext), while the same page without its print rules does cut one, so the check can fail.
// Skipped, with a message, where /usr/bin/chromium or /usr/bin/pdftotext is absent (CI installs
// both: .ci/test-tools).
#include "../strings.hpp"
#include "browser.hpp"
#include "run_binary.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <fstream>

using namespace mockcoach;
using namespace mockcoach::testing;
namespace fs = std::filesystem;

namespace {

constexpr int criteria = 8;
constexpr int points = 12;

// A rubric long enough to fill several pages with tables that each fit on one (so that keeping
// them whole is possible) but not two to a page, each table's first and last rows marked with
// a word found nowhere else, so the pages those rows land on can be told apart.
std::string long_rubric() {
    const std::string filler =
        " is what a careful interviewer writes down when the answer has been heard in full, "
        "with the reasons, the numbers and the trade-offs the candidate weighed along the way";
    std::string toml = "format = 1\nid = \"long\"\nname = \"Long Rubric\"\nweight = 1\n";
    for (int phase = 1; phase <= 6; ++phase)
        toml += fmt::format("[[phase]]\nname = \"Phase {}\"\nminutes = 5\nprompts = [\"{}{}\"]\n",
                            phase,
                            phase == 1   ? "PROMPTFIRST"
                            : phase == 6 ? "PROMPTLAST"
                                         : "Prompt",
                            filler);
    for (int c = 1; c <= criteria; ++c) {
        toml += fmt::format("[[criterion]]\nid = \"c{}\"\nname = \"CRITNAME{}\"\n", c, c);
        for (int level = 1; level <= 5; ++level)
            toml += fmt::format("levels.{} = \"{}{}\"\n", level,
                                level == 1   ? fmt::format("ANCHOR{}LOW", c)
                                : level == 5 ? fmt::format("ANCHOR{}HIGH", c)
                                             : "Level",
                                filler);
    }
    toml += "[[question]]\nid = \"q\"\ntext = \"Design something long enough to print.\"\n"
            "key_points = [\n";
    for (int p = 1; p <= points; ++p) toml += fmt::format("  \"POINT{:02}{}\",\n", p, filler);
    toml += "]\nfollowups = [\n";
    for (int phase = 1; phase <= 6; ++phase)
        toml += fmt::format("  {{ phase = \"Phase {}\", text = \"{}{}\" }},\n", phase,
                            phase == 1   ? "FOLLOWFIRST"
                            : phase == 6 ? "FOLLOWLAST"
                                         : "Follow",
                            filler);
    return toml + "]\n";
}

// Each table's marked rows that share no page: empty when every table is whole on one page.
std::vector<std::string> cut_tables(const std::vector<std::string>& pages) {
    const auto on_one_page = [&](const std::vector<std::string>& words) {
        for (const std::string& page : pages) {
            bool all = true;
            for (const auto& word : words) all = all && contains(page, word);
            if (all) return true;
        }
        return false;
    };
    std::vector<std::vector<std::string>> tables = {
        {"PROMPTFIRST", "PROMPTLAST"},
        {"FOLLOWFIRST", "FOLLOWLAST"},
        // The score sheet's two tables: "tick one" and "Partly" head them there and only there.
        {"tick one", "CRITNAME1", fmt::format("CRITNAME{}", criteria)},
        {"Partly", "POINT01", fmt::format("POINT{:02}", points)},
    };
    for (int c = 1; c <= criteria; ++c)
        tables.push_back({fmt::format("ANCHOR{}LOW", c), fmt::format("ANCHOR{}HIGH", c)});
    std::vector<std::string> cut;
    for (const auto& words : tables) {
        for (const auto& word : words)
            REQUIRE_MESSAGE(on_one_page({word}), word << " is printed nowhere");
        if (!on_one_page(words)) cut.push_back(words.front() + " .. " + words.back());
    }
    return cut;
}

} // namespace

TEST_SUITE_BEGIN("e2e/packet_browser");

TEST_CASE("headless Chromium shows a shipped question's packet and prints it to PDF") {
    if (!browser_present(NeedsPdf::yes)) return;
    TempDir scratch;
    const fs::path page = scratch.path() / "packet.html";
    const RunResult packet = run_mockcoach(
        {"packet", "system-design/url-shortener", "--seed", "3", "--out", page.string()},
        with_home(scratch.path() / "home"));
    REQUIRE(packet.exit_code == 0);

    const RunResult dom = run_chromium(scratch, {"--dump-dom", "file://" + page.string()});
    INFO(dom.err);
    REQUIRE(dom.exit_code == 0);
    CHECK(contains(dom.out, "Design a URL shortening service that handles 100 million new links"));
    CHECK(contains(dom.out, "at 01:21 into the phase"));
    CHECK(contains(dom.out, "<h2>Score sheet</h2>"));
    CHECK(count(dom.out, "<table") == 2 + 5 + 2); // phases, follow-ups, 5 criteria, the sheet
    CHECK_FALSE(contains(dom.out, "<script"));

    const auto pages = printed_pages(scratch, page);
    CHECK(pages.size() >= 2);
    CHECK(contains(pages.front(), "How to run this interview"));
    // The score sheet begins a page of its own.
    bool sheet_starts_page = false;
    for (const auto& text : pages) sheet_starts_page |= text.starts_with("Score sheet");
    CHECK(sheet_starts_page);
}

TEST_CASE("the fullest shipped score sheet, comments included, prints on one Letter page") {
    if (!browser_present(NeedsPdf::yes)) return;
    TempDir scratch;
    const fs::path page = scratch.path() / "packet.html";
    // Of the shipped questions, the one with the most criteria and key points (6 and 7) and the
    // longest key points: its sheet is the longest there is.
    const RunResult packet = run_mockcoach(
        {"packet", "machine-learning/svm-c-gamma", "--seed", "1", "--out", page.string()},
        with_home(scratch.path() / "home"));
    REQUIRE(packet.exit_code == 0);
    const std::string html = slurp(page);
    REQUIRE(count(html, "<td class=\"boxes\">") == 6);
    REQUIRE(count(html, "<td class=\"tick\"><span class=\"box\"></span></td></tr>") == 7);
    const auto pages = printed_pages(scratch, page);
    const auto sheet = std::find_if(pages.begin(), pages.end(), [](const std::string& text) {
        return text.starts_with("Score sheet");
    });
    REQUIRE(sheet != pages.end());
    CHECK(contains(*sheet, "Strongest moment"));
    CHECK(contains(*sheet, "Other notes"));
}

TEST_CASE("no table of a long packet is cut across pages, and without the print rules one is") {
    if (!browser_present(NeedsPdf::yes)) return;
    TempDir scratch;
    const fs::path rubrics = scratch.path() / "rubrics";
    fs::create_directories(rubrics);
    std::ofstream(rubrics / "long.toml") << long_rubric();
    const fs::path page = scratch.path() / "long.html";
    const RunResult packet = run_mockcoach(
        {"--rubrics", rubrics.string(), "packet", "long/q", "--seed", "1", "--out", page.string()},
        with_home(scratch.path() / "home"));
    INFO(packet.err);
    REQUIRE(packet.exit_code == 0);

    const auto pages = printed_pages(scratch, page);
    CHECK(pages.size() >= 4);
    const auto cut = cut_tables(pages);
    for (const auto& table : cut) FAIL_CHECK("cut across pages: " << table);

    // The control: the same page with its print rules taken out cuts at least one table, so
    // the check above would see a cut if the rules stopped working.
    std::string html = slurp(page);
    const auto rules = html.find("@media print");
    REQUIRE(rules != std::string::npos);
    html.erase(rules, html.find("</style>") - rules);
    const fs::path bare = scratch.path() / "bare.html";
    std::ofstream(bare) << html;
    CHECK_FALSE(cut_tables(printed_pages(scratch, bare)).empty());
}

TEST_SUITE_END();
