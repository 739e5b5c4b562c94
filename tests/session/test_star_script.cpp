// Scripted STAR rehearsals, issue #19: the lines a command prints before the scoring banner
// (its checks), and spoken answers (star --aloud): `say` refused while the parts run, then
// `words PART TEXT` after them, with the scoring banner held back until the words are done.
#include "session/engine.hpp"
#include "session/run_script.hpp"
#include "session/script.hpp"

#include "../temp_folder.hpp"
#include "plans.hpp"
#include "session/clock.hpp"

#include <algorithm>
#include <doctest/doctest.h>

using namespace mockcoach;
using namespace mockcoach::session;
using mockcoach::test_folders::contents;
using mockcoach::test_folders::TempFolder;
using mockcoach::test_plans::small_plan;

namespace {

struct Run {
    TempFolder folder;
    VirtualClock clock{std::chrono::system_clock::from_time_t(1'700'000'000)};
    std::vector<std::string> printed;
    Ended result;

    Run(std::vector<std::string> lines, Delivery delivery) {
        transcript::Transcript meta;
        meta.id = "star";
        meta.mode = delivery == Delivery::aloud ? "star-aloud" : "star";
        Recorder recorder(small_plan({30'000, 60'000}), meta, folder.path(), clock);
        std::size_t next = 0;
        ScriptIo io;
        io.read_line = [&]() -> std::optional<std::string> {
            if (next >= lines.size()) return std::nullopt;
            return lines[next++];
        };
        io.print = [&](const std::string& line) { printed.push_back(line); };
        io.take_signal = [] { return 0; };
        io.delivery = delivery;
        // What the checks would see: the parts' text as it stands when scoring begins.
        io.before_scoring = [&] {
            const Engine& engine = recorder.engine();
            return std::vector<std::string>{"checks: [" + engine.text(0) + "|" + engine.text(1) +
                                            "]"};
        };
        Driver driver(recorder);
        result = run_script(driver, io);
    }

    std::size_t line_of(const std::string& start) const {
        const auto found = std::find_if(printed.begin(), printed.end(),
                                        [&](const auto& line) { return line.starts_with(start); });
        return static_cast<std::size_t>(found - printed.begin());
    }

    transcript::Transcript saved() const {
        Diagnostics problems;
        auto t = transcript::read_transcript("t", contents(result.path), problems);
        REQUIRE(t.has_value());
        return *t;
    }
};

} // namespace

TEST_SUITE_BEGIN("session/star_script");

TEST_CASE("the lines before scoring are printed just before the scoring banner, once") {
    const Run run({"say We had churn.", "next", "say I fixed it.", "next", "score structure 4"},
                  Delivery::typed);
    REQUIRE(run.result.kind == Ended::Kind::saved);
    const std::size_t checks = run.line_of("checks: ");
    REQUIRE(checks < run.printed.size());
    CHECK(run.printed[checks] == "checks: [We had churn.|I fixed it.]");
    CHECK(run.line_of("scoring: ") == checks + 1);
    CHECK(std::count_if(run.printed.begin(), run.printed.end(),
                        [](const auto& line) { return line.starts_with("checks: "); }) == 1);
}

TEST_CASE("ending early with quit still shows the lines before scoring") {
    const Run run({"say Only this.", "quit", "skip structure"}, Delivery::typed);
    CHECK(run.line_of("checks: [Only this.|]") + 1 == run.line_of("scoring: "));
}

TEST_CASE("words is refused in a typed answer, and say in a spoken one") {
    const Run typed({"next", "next", "words Clarify what I asked"}, Delivery::typed);
    CHECK(typed.result.kind == Ended::Kind::refused);
    CHECK(typed.result.line == 3);
    CHECK(typed.result.error.starts_with("words is for spoken answers (star --aloud)"));

    const Run spoken({"say We had churn."}, Delivery::aloud);
    CHECK(spoken.result.kind == Ended::Kind::refused);
    CHECK(spoken.result.error.starts_with("in star --aloud the parts are spoken, not typed"));
}

TEST_CASE("a spoken answer takes its words after the parts, then shows the checks and scoring") {
    const Run run({"wait 20", "next", "wait 50", "next", "words clarify asked about scale",
                   "words 2 sketched the API", "words Design   and the storage", "score depth 3"},
                  Delivery::aloud);
    REQUIRE(run.result.kind == Ended::Kind::saved);
    const std::size_t words = run.line_of("words: the clock has stopped");
    REQUIRE(words < run.printed.size());
    CHECK(run.printed[words] == "words: the clock has stopped; for the story bank, type a few "
                                "words per part: words PART TEXT (Clarify, Design)");
    // The checks read the words typed, and come after them.
    CHECK(run.line_of("checks: [asked about scale|sketched the API\nand the storage]") ==
          words + 1);
    CHECK(run.line_of("scoring: ") == words + 2);
    const transcript::Transcript t = run.saved();
    CHECK(t.phases[0].text == "asked about scale");
    CHECK(t.phases[1].text == "sketched the API\nand the storage");
    CHECK(t.phases[0].used_seconds == 20); // typing the words took no answer time
    CHECK(t.phases[1].used_seconds == 50);
}

TEST_CASE("words names a part that exists, with text, after the last part") {
    const Run early({"words Clarify too soon"}, Delivery::aloud);
    CHECK(early.result.error == "words come after the last part (next, or quit to end early)");
    const Run unknown({"quit", "words Desing the API"}, Delivery::aloud);
    CHECK(unknown.result.error == "there is no part \"Desing\"; did you mean \"Design\"?");
    const Run number({"quit", "words 3 the API"}, Delivery::aloud);
    CHECK(number.result.error.starts_with("there is no part \"3\" (parts: Clarify, Design, or 1 "
                                          "to 2)"));
    const auto parsed = parse_script_line("words Clarify");
    REQUIRE(parsed.has_value());
    CHECK(std::get<ScriptError>(*parsed).message ==
          "words needs a part and some text: words PART TEXT");
}

TEST_CASE("the engine adds words to a part only once the parts are over") {
    Engine engine(small_plan({1'000, 1'000}));
    CHECK(engine.apply({EventKind::start, 0}).accepted());
    CHECK(engine.apply({EventKind::words, 0, "too soon", 0}).error ==
          "the words of a part spoken aloud are typed after the last part");
    CHECK(engine.apply({EventKind::quit, 500}).accepted());
    CHECK(engine.apply({EventKind::words, 600, "asked", 1}).accepted());
    CHECK(engine.apply({EventKind::words, 600, "more", 1}).accepted());
    CHECK(engine.text(1) == "asked\nmore");
    CHECK(engine.apply({EventKind::words, 600, "x", 2}).error == "there is no part 3");
    CHECK(parse_event_name("words") == EventKind::words);
}

TEST_SUITE_END();
