// Headless Chromium and pdftotext, shared by the browser tests.
#include "browser.hpp"

#include "../strings.hpp"

#include <doctest/doctest.h>

namespace mockcoach::testing {

namespace fs = std::filesystem;

bool browser_present(NeedsPdf pdf) {
    if (!fs::exists(chromium)) {
        MESSAGE("skipped: " << chromium.string()
                            << " is absent (Debian package chromium; CI installs it)");
        return false;
    }
    if (pdf == NeedsPdf::yes && !fs::exists(pdftotext)) {
        MESSAGE("skipped: " << pdftotext.string()
                            << " is absent (Debian package poppler-utils; CI installs it)");
        return false;
    }
    return true;
}

RunResult run_chromium(const TempDir& scratch, std::vector<std::string> args) {
    static int profile = 0;
    std::vector<std::string> argv = {
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--user-data-dir=" + (scratch.path() / ("profile-" + std::to_string(profile++))).string()};
    argv.insert(argv.end(), args.begin(), args.end());
    RunOptions options = with_home(scratch.path() / "home");
    options.timeout = std::chrono::seconds(90);
    return run_binary(chromium, argv, options);
}

std::vector<std::string> printed_pages(const TempDir& scratch, const fs::path& page) {
    const fs::path pdf = page.string() + ".pdf";
    const RunResult print =
        run_chromium(scratch, {"--print-to-pdf=" + pdf.string(), "--no-pdf-header-footer",
                               "file://" + page.string()});
    INFO(print.err);
    REQUIRE(print.exit_code == 0);
    REQUIRE(slurp(pdf).starts_with("%PDF-"));
    const RunResult text = run_binary(pdftotext, {pdf.string(), "-"});
    REQUIRE(text.exit_code == 0);
    std::vector<std::string> pages;
    std::size_t start = 0;
    for (auto end = text.out.find('\f'); end != std::string::npos;
         start = end + 1, end = text.out.find('\f', start))
        pages.push_back(text.out.substr(start, end - start));
    return pages;
}

} // namespace mockcoach::testing
