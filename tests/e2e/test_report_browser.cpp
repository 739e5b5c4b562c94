// The report in a real browser: headless Chromium opens the page of the example sessions
// offline, its DOM holds the six charts, and its screenshot shows them. Skipped, with a
// message, where /usr/bin/chromium is absent (CI installs it: .ci/run).
#include "../strings.hpp"
#include "browser.hpp"
#include "run_binary.hpp"

#include <cstdlib>
#include <doctest/doctest.h>
#include <fstream>
#include <sstream>

using namespace mockcoach;
using namespace mockcoach::testing;
namespace fs = std::filesystem;

namespace {

const fs::path examples = fs::path(MOCKCOACH_SOURCE_DIR) / "sessions";

std::string url_of(const fs::path& path) {
    return "file://" + path.string();
}

// The PNG's size after the signature check; 0 when it is not a PNG.
std::size_t png_size(const fs::path& path) {
    const std::string bytes = slurp(path);
    return bytes.starts_with("\x89PNG\r\n\x1a\n") ? bytes.size() : 0;
}

// Tall enough for the whole page of the examples (about 4,600 pixels with its six charts), so
// that every chart counts in the comparison below, not only those above the fold.
fs::path screenshot(const TempDir& scratch, const fs::path& page, const std::string& name) {
    const fs::path png = scratch.path() / (name + ".png");
    const RunResult run = run_chromium(
        scratch, {"--screenshot=" + png.string(), "--window-size=1200,5000", url_of(page)});
    INFO(run.err);
    CHECK(run.exit_code == 0);
    return png;
}

} // namespace

TEST_SUITE_BEGIN("e2e/report_browser");

TEST_CASE("headless Chromium renders the report's six charts and they show on screen") {
    if (!browser_present(NeedsPdf::no)) return;
    TempDir scratch;
    const fs::path page = scratch.path() / "report.html";
    const RunResult report =
        run_mockcoach({"report", "--sessions-dir", examples.string(), "--out", page.string()},
                      with_home(scratch.path() / "home"));
    REQUIRE(report.exit_code == 0);

    // The DOM after parsing: six <svg> elements, each still an image with its labels.
    const RunResult dom = run_chromium(scratch, {"--dump-dom", url_of(page)});
    INFO(dom.err);
    REQUIRE(dom.exit_code == 0);
    CHECK(count(dom.out, "<svg ") == 6);
    CHECK(count(dom.out, "role=\"img\"") == 6);
    CHECK(count(dom.out, "<desc id=\"chart-") == 6);
    CHECK(contains(dom.out, "<desc id=\"chart-due-desc\">")); // the due load, parsed whole
    CHECK(count(dom.out, "<circle ") >= 5);

    // Two pages to compare the screenshot with, so that a page whose charts draw nothing (or a
    // blank screenshot) fails: the same page with its charts cut out, and an empty page.
    const std::string html = slurp(page);
    std::string without_charts = html;
    for (auto at = without_charts.find("<svg "); at != std::string::npos;
         at = without_charts.find("<svg ", at))
        without_charts.erase(at, without_charts.find("</svg>", at) + 6 - at);
    REQUIRE(count(without_charts, "<svg") == 0);
    std::ofstream(scratch.path() / "no-charts.html") << without_charts;
    std::ofstream(scratch.path() / "blank.html") << "<!DOCTYPE html><title>blank</title>";

    const std::size_t full = png_size(screenshot(scratch, page, "report"));
    const std::size_t no_charts =
        png_size(screenshot(scratch, scratch.path() / "no-charts.html", "no-charts"));
    const std::size_t blank = png_size(screenshot(scratch, scratch.path() / "blank.html", "blank"));
    INFO("report.png " << full << " bytes, no-charts.png " << no_charts << ", blank.png " << blank);
    REQUIRE(blank > 0);
    // PNG compresses a uniform area to almost nothing: the bytes measure how much is drawn.
    CHECK(full > 10 * blank);
    CHECK(full > no_charts + no_charts / 2);
    if (const char* keep = std::getenv("MOCKCOACH_KEEP_SCREENSHOT"))
        fs::copy_file(scratch.path() / "report.png", keep, fs::copy_options::overwrite_existing);
}

TEST_SUITE_END();
