// Headless Chromium and pdftotext for the tests of the pages mockcoach writes (the report, the
// interviewer's packet): run offline and isolated, print to PDF, read the PDF back as text.
// Those tests skip, with a message, where a tool is absent (CI installs both: .ci/test-tools).
#pragma once

#include "run_binary.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace mockcoach::testing {

inline const std::filesystem::path chromium = "/usr/bin/chromium";
inline const std::filesystem::path pdftotext = "/usr/bin/pdftotext";

enum class NeedsPdf { no, yes };

// Whether Chromium (and pdftotext, when the test reads PDFs) is here; a MESSAGE naming the
// missing one when not.
bool browser_present(NeedsPdf pdf);

// Headless, offline, and isolated from any profile: no network service is woken (no sync,
// component updates or QUIC), so a run proves the page needs nothing from outside.
RunResult run_chromium(const TempDir& scratch, std::vector<std::string> args);

// The PDF Chromium prints of `page`, as text: one string per page.
std::vector<std::string> printed_pages(const TempDir& scratch, const std::filesystem::path& page);

} // namespace mockcoach::testing
