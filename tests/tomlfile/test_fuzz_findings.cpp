// Every input a fuzzer ever crashed on, kept under tests/fixtures/fuzz/ with the diagnostics it
// must now get (NAME.expected beside it, one per line; "ok" when it must be accepted).
#include "../strings.hpp"
#include "rubric/rubric.hpp"
#include "session/journal.hpp"
#include "stories/stories.hpp"
#include "transcript/transcript.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace mockcoach::testing;

using namespace mockcoach;

namespace {

// Reads the input with the reader its name starts with, as the program would.
Diagnostics diagnose(const std::string& name, const std::string& bytes) {
    Diagnostics problems;
    if (name.starts_with("journal-")) {
        if (auto journal = session::read_journal(name, bytes, problems))
            (void)session::replay(*journal);
    } else if (name.starts_with("transcript-")) {
        (void)transcript::read_transcript(name, bytes, problems);
    } else if (name.starts_with("story-")) {
        (void)stories::read_story(name, bytes, problems);
    } else if (name.starts_with("rubric-")) {
        (void)rubric::load_file({name, bytes}, problems);
    } else {
        FAIL("a fuzz fixture's name must start with journal-, transcript-, story- or rubric-: ",
             name);
    }
    return problems;
}

} // namespace

TEST_SUITE_BEGIN("tomlfile/fuzz_findings");

TEST_CASE("every input a fuzzer found gets the diagnostic recorded for it") {
    const std::filesystem::path folder =
        std::filesystem::path(MOCKCOACH_SOURCE_DIR) / "tests/fixtures/fuzz";
    int checked = 0;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        if (entry.path().extension() == ".expected") continue;
        const std::string name = entry.path().filename().string();
        CAPTURE(name);
        std::string expected = slurp(entry.path().string() + ".expected");
        while (!expected.empty() && expected.back() == '\n') expected.pop_back();
        std::string got;
        for (const Diagnostic& d : diagnose(name, slurp(entry.path())))
            got += (got.empty() ? "" : "\n") + format_diagnostic(d);
        CHECK(got == (expected == "ok" ? "" : expected));
        ++checked;
    }
    CHECK(checked >= 1);
}

TEST_SUITE_END();
