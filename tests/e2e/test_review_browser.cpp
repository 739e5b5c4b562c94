// The report's calibration chart in a real browser: after two reviews, headless Chromium's DOM
// holds the chart with each criterion's label and figures, and its PDF print shows them. Without
// reviews the section is a sentence and no chart. Skipped, with a message, where
// /usr/bin/chromium or /usr/bin/pdftotext is absent (CI installs both: .ci/test-tools).
#include "../strings.hpp"
#include "browser.hpp"
#include "review_scenario.hpp"
#include "run_binary.hpp"

#include <doctest/doctest.h>

using namespace mockcoach;
using namespace mockcoach::testing;
namespace fs = std::filesystem;

namespace {

// The section of the DOM from the calibration section's start to its end.
std::string calibration_section(const std::string& dom) {
    const auto start = dom.find("<section id=\"calibration\">");
    REQUIRE(start != std::string::npos);
    return dom.substr(start, dom.find("</section>", start) - start);
}

} // namespace

TEST_SUITE_BEGIN("e2e/review_browser");

TEST_CASE("the report's calibration chart shows each criterion's gap in headless Chromium") {
    if (!browser_present(NeedsPdf::yes)) return;
    const ReviewScenario s;
    TempDir scratch;
    const fs::path empty_page = scratch.path() / "before.html";
    REQUIRE(s.run({"report", "--out", empty_page.string()}).exit_code == 0);
    s.review_twice();
    const fs::path page = scratch.path() / "report.html";
    REQUIRE(s.run({"report", "--out", page.string()}).exit_code == 0);

    const RunResult dom = run_chromium(scratch, {"--dump-dom", "file://" + page.string()});
    INFO(dom.err);
    REQUIRE(dom.exit_code == 0);
    const std::string section = calibration_section(dom.out);
    CHECK(contains(section, "<svg "));
    CHECK(contains(section, "role=\"img\""));
    CHECK(contains(section, "<title id=\"chart-calibration-title\">Calibration</title>"));
    for (const char* label :
         {"system-design: Technical depth", "system-design: Requirements and scoping",
          "system-design: Communication", "system-design: Trade-offs",
          "system-design: High-level architecture"})
        CHECK(contains(section, label));
    CHECK(contains(section, "+1.5 (you 4.0, reviewers 2.5) over 1 session"));
    CHECK(contains(section, "-1.0 (you 2.0, reviewers 3.0) over 1 session"));
    CHECK(contains(section, "class=\"zero\""));
    // Four bars right of the zero line (one of them, architecture's, of no length) and the
    // legend's; one hatched left of it and the legend's.
    CHECK(count(section, "class=\"calibration-over\"") == 5);
    CHECK(count(section, "class=\"calibration-under\"") == 2);

    // Printed, the chart's text is on the page, labels and figures alike.
    std::string printed;
    for (const std::string& one : printed_pages(scratch, page)) printed += one;
    CHECK(contains(printed, "Your scores against your reviewers"));
    CHECK(contains(printed, "system-design: Technical depth"));
    CHECK(contains(printed, "+1.5 (you 4.0, reviewers 2.5) over 1 session"));

    // Before the reviews, the same section is a sentence and no chart.
    const RunResult before = run_chromium(scratch, {"--dump-dom", "file://" + empty_page.string()});
    REQUIRE(before.exit_code == 0);
    const std::string none = calibration_section(before.out);
    CHECK_FALSE(contains(none, "<svg"));
    CHECK(contains(none, "No reviews yet"));
}

TEST_SUITE_END();
