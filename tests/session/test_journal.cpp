// The journal: lines out and back in, what survives damage, replay into a transcript, the file
// itself, and recover_all turning leftover journals into interrupted transcripts.
#include "session/journal.hpp"

#include "../temp_folder.hpp"
#include "plans.hpp"
#include "session/clock.hpp"
#include "session/recorder.hpp"
#include "session/recover.hpp"
#include "transcript/transcript.hpp"

#include "../strings.hpp"

#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

using namespace mockcoach;
using namespace mockcoach::session;
using mockcoach::test_folders::contents;
using mockcoach::test_folders::TempFolder;
using mockcoach::test_plans::small_plan;
namespace fs = std::filesystem;

namespace {

WallTime start_time() {
    return from_civil({{2025, 3, 14}, 23, 59, 30}, -300);
}

transcript::Transcript meta() {
    transcript::Transcript m;
    m.id = "20250314-235930-system-design-url-shortener";
    m.mode = "interview";
    m.started_at = start_time();
    m.seed = 987654321;
    m.speed = 2.5;
    m.clock = "virtual";
    return m;
}

Plan awkward_plan() {
    Plan plan = small_plan();
    plan.question = "Design \"tiny\" URLs \\ fast\nsecond line\tcaf\u00e9";
    plan.tip = "Say \"why\".";
    plan.phases[1].prompts.push_back("quotes \" and \\ and \u65e5\u672c");
    plan.blind = true;
    plan.auto_advance = true;
    return plan;
}

const std::vector<Event> some_events{
    {EventKind::guess, 0, "system-design"},
    {EventKind::start, 0},
    {EventKind::note, 12'000, "a \"quoted\" note\\ with\nnew line"},
    {EventKind::pause, 20'000},
    {EventKind::resume, 31'000},
    {EventKind::extend, 40'000, {}, 60'000},
    {EventKind::next, 50'000},
    {EventKind::tick, 60'000},
};

std::string journal_of(const Plan& plan, const std::vector<Event>& events) {
    std::string bytes = journal_header(plan, meta());
    for (const Event& event : events) bytes += journal_line(event);
    return bytes;
}

std::vector<std::string> lines_of(const std::string& bytes) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < bytes.size()) {
        const std::size_t end = bytes.find('\n', start);
        lines.push_back(bytes.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

void check_same_events(const std::vector<Event>& got, const std::vector<Event>& want) {
    REQUIRE(got.size() == want.size());
    for (std::size_t i = 0; i < want.size(); ++i) {
        CAPTURE(i);
        CHECK(got[i].kind == want[i].kind);
        CHECK(got[i].at == want[i].at);
        CHECK(got[i].text == want[i].text);
        CHECK(got[i].number == want[i].number);
    }
}

// A crash: the recorder goes away with its journal still on disk and no transcript saved.
fs::path crashed_session(const fs::path& folder, VirtualClock& clock) {
    transcript::Transcript m = meta();
    m.id = "crashed";
    m.speed = 1; // heartbeats every 10 s of session time
    Recorder recorder(small_plan(), m, folder, clock);
    CHECK(recorder.submit(EventKind::start).accepted());
    clock.sleep_until(30'000);
    CHECK(recorder.submit(EventKind::note, "before the crash").accepted());
    clock.sleep_until(70'000);
    CHECK(recorder.submit(EventKind::next).accepted());
    clock.sleep_until(80'000);
    recorder.tick();
    return recorder.journal_path();
}

VirtualClock fixed_clock() {
    return VirtualClock(std::chrono::system_clock::from_time_t(1'700'000'000));
}

} // namespace

TEST_SUITE_BEGIN("session/journal");

TEST_CASE("the journal header reads back as the plan and the session's meta") {
    const Plan plan = awkward_plan();
    Diagnostics diagnostics;
    const auto journal = read_journal("j", journal_of(plan, {}), diagnostics);
    CHECK(diagnostics.empty());
    REQUIRE(journal.has_value());
    const Plan& got = journal->plan;
    CHECK(got.rubric_id == plan.rubric_id);
    CHECK(got.rubric_name == plan.rubric_name);
    CHECK(got.question_id == plan.question_id);
    CHECK(got.question == plan.question);
    CHECK(got.testing == plan.testing);
    CHECK(got.tip == plan.tip);
    CHECK(got.blind);
    CHECK(got.auto_advance);
    REQUIRE(got.phases.size() == 3);
    for (std::size_t i = 0; i < 3; ++i) {
        CAPTURE(i);
        CHECK(got.phases[i].name == plan.phases[i].name);
        CHECK(got.phases[i].budget == plan.phases[i].budget);
        CHECK(got.phases[i].prompts == plan.phases[i].prompts);
    }
    REQUIRE(got.criteria.size() == 3);
    for (std::size_t i = 0; i < 3; ++i) {
        CAPTURE(i);
        CHECK(got.criteria[i].id == plan.criteria[i].id);
        CHECK(got.criteria[i].name == plan.criteria[i].name);
        CHECK(got.criteria[i].levels == plan.criteria[i].levels);
    }
    CHECK(journal->meta.id == meta().id);
    CHECK(journal->meta.mode == "interview");
    CHECK(journal->meta.started_at == start_time());
    CHECK(journal->meta.seed == 987654321);
    CHECK(journal->meta.speed == 2.5);
    CHECK(journal->meta.clock == "virtual");
    CHECK(journal->events.empty());
}

TEST_CASE("a round of a loop keeps its place through the journal into the replayed transcript") {
    transcript::Transcript round = meta();
    round.loop = transcript::LoopPlace{"20250314-235900-ml-engineer-onsite", 3, 4, 2, 2};
    Diagnostics diagnostics;
    const auto journal =
        read_journal("j", journal_header(small_plan(), round) + journal_line({EventKind::start, 0}),
                     diagnostics);
    REQUIRE(journal);
    CHECK(diagnostics.empty());
    CHECK(journal->meta.loop == round.loop);
    const transcript::Transcript replayed = replay(*journal);
    CHECK(replayed.loop == round.loop);
    CHECK(transcript::format_of(replayed) == 3);
}

TEST_CASE("the draw's options go through the journal into the replayed transcript") {
    transcript::Transcript drawn = meta();
    drawn.drawn_with = "--profile mlops-platform --adaptive --adaptive-strength 2";
    Diagnostics diagnostics;
    const std::string header = journal_header(small_plan(), drawn);
    CHECK(header.ends_with(" }  # drawn with --profile mlops-platform --adaptive "
                           "--adaptive-strength 2\n"));
    const auto journal =
        read_journal("j", header + journal_line({EventKind::start, 0}), diagnostics);
    REQUIRE(journal);
    CHECK(diagnostics.empty());
    CHECK(journal->meta.drawn_with == drawn.drawn_with);
    CHECK(replay(*journal).drawn_with == drawn.drawn_with);
    CHECK(read_journal("j", journal_header(small_plan(), meta()), diagnostics)->meta.drawn_with ==
          "");
}

TEST_CASE("journal lines read back as the same events, one line each") {
    const std::string bytes = journal_of(awkward_plan(), some_events);
    CHECK(lines_of(bytes).size() == 1 + some_events.size());
    CHECK(journal_line({EventKind::extend, 40'000, {}, 60'000}) ==
          "event = { at = 40000, kind = \"extend\", number = 60000 }\n");
    CHECK(journal_line({EventKind::start, 0}) == "event = { at = 0, kind = \"start\" }\n");
    Diagnostics diagnostics;
    const auto journal = read_journal("j", bytes, diagnostics);
    CHECK(diagnostics.empty());
    REQUIRE(journal.has_value());
    check_same_events(journal->events, some_events);
}

TEST_CASE("a torn last line is dropped without a word") {
    std::string bytes = journal_of(small_plan(), some_events);
    bytes.resize(bytes.size() - 10); // the last write stopped part way
    Diagnostics diagnostics;
    const auto journal = read_journal("j", bytes, diagnostics);
    CHECK(diagnostics.empty());
    REQUIRE(journal.has_value());
    check_same_events(journal->events,
                      std::vector<Event>(some_events.begin(), some_events.end() - 1));
}

TEST_CASE("a last line that lacks only its newline is kept") {
    std::string bytes = journal_of(small_plan(), some_events);
    bytes.pop_back();
    Diagnostics diagnostics;
    const auto journal = read_journal("j", bytes, diagnostics);
    CHECK(diagnostics.empty());
    REQUIRE(journal.has_value());
    check_same_events(journal->events, some_events);
}

TEST_CASE("a damaged middle line is a warning at its line and the rest is kept") {
    std::vector<std::string> lines = lines_of(journal_of(small_plan(), some_events));
    lines[3] = "event = { at = 12000, kind = \"no";       // line 4: cut short
    lines[5] = "event = { at = 31000, kind = \"jump\" }"; // line 6: not an event
    std::string bytes;
    for (const std::string& line : lines) bytes += line + "\n";
    Diagnostics diagnostics;
    const auto journal = read_journal("j", bytes, diagnostics);
    REQUIRE(journal.has_value());
    REQUIRE(diagnostics.size() == 2);
    CHECK(diagnostics[0].line == 4);
    CHECK(diagnostics[0].severity == Severity::warning);
    CHECK(diagnostics[1].line == 6);
    CHECK(diagnostics[1].severity == Severity::warning);
    CHECK(diagnostics[1].message == "unknown event \"jump\"");
    std::vector<Event> kept = some_events;
    kept.erase(kept.begin() + 4); // line 6 held event 5
    kept.erase(kept.begin() + 2); // line 4 held event 3
    check_same_events(journal->events, kept);
}

TEST_CASE("an unreadable header is an error and gives no journal") {
    Diagnostics garbage;
    CHECK_FALSE(
        read_journal("j", "this is not toml\n" + journal_line({EventKind::start, 0}), garbage)
            .has_value());
    REQUIRE_FALSE(garbage.empty());
    CHECK(garbage[0].line == 1);
    CHECK(garbage[0].severity == Severity::error);

    Diagnostics not_a_header;
    CHECK_FALSE(read_journal("j", journal_line({EventKind::start, 0}), not_a_header).has_value());
    REQUIRE_FALSE(not_a_header.empty());
    CHECK(not_a_header[0].line == 1);
    CHECK(not_a_header[0].severity == Severity::error);

    Diagnostics empty;
    CHECK_FALSE(read_journal("j", "", empty).has_value());
    REQUIRE(empty.size() == 1);
    CHECK(empty[0].message == "the journal is empty");
}

TEST_CASE("a header without phases is an error") {
    Plan plan = small_plan();
    plan.phases.clear();
    Diagnostics diagnostics;
    CHECK_FALSE(read_journal("j", journal_header(plan, meta()), diagnostics).has_value());
    REQUIRE(diagnostics.size() == 1);
    CHECK(diagnostics[0].message == "the journal header lists no phases");
}

TEST_CASE("replaying a journal gives the engine's record, interrupted when not finished") {
    Engine engine(awkward_plan());
    for (const Event& event : some_events) REQUIRE(engine.apply(event).accepted());
    Diagnostics diagnostics;
    const auto journal = read_journal("j", journal_of(awkward_plan(), some_events), diagnostics);
    REQUIRE(journal.has_value());
    const transcript::Transcript replayed = replay(*journal);

    transcript::Transcript expected = engine.record(meta());
    expected.ended_at = wall_end(expected.started_at, engine.now(), expected.speed);
    CHECK(replayed.status == transcript::Status::interrupted);
    CHECK(transcript::to_toml(replayed) == transcript::to_toml(expected));
    // 60 s of session time at speed 2.5 is 24 s of wall time.
    CHECK(transcript::toml_date_time(replayed.ended_at) == "2025-03-14T23:59:54-05:00");
    CHECK(replayed.category_guess_correct == true);
    REQUIRE(replayed.phases.size() == 3);
    CHECK(replayed.phases[0].used_seconds == 39);
    CHECK(replayed.phases[0].paused_seconds == 11);
    CHECK(replayed.phases[0].extended_seconds == 60);
    CHECK(replayed.phases[1].used_seconds == 10);
    REQUIRE(replayed.phases[0].notes.size() == 1);
    CHECK(replayed.phases[0].notes[0].text == "a \"quoted\" note\\ with\nnew line");
}

TEST_CASE("replaying a finished journal gives a completed transcript with its scores") {
    std::vector<Event> events{{EventKind::start, 0},
                              {EventKind::next, 10'000},
                              {EventKind::next, 20'000},
                              {EventKind::next, 30'000},
                              {EventKind::score, 35'000, "depth", 4},
                              {EventKind::reflect, 36'000, "ok"},
                              {EventKind::finish, 40'000}};
    Diagnostics diagnostics;
    const auto journal = read_journal("j", journal_of(small_plan(), events), diagnostics);
    REQUIRE(journal.has_value());
    const transcript::Transcript replayed = replay(*journal);
    CHECK(replayed.status == transcript::Status::completed);
    REQUIRE(replayed.scores.size() == 1);
    CHECK(replayed.scores[0].value == 4);
    CHECK(replayed.reflection == "ok");
}

TEST_CASE("the wall-clock end is the start plus the unscaled elapsed time, in the start's zone") {
    CHECK(transcript::toml_date_time(wall_end(start_time(), 90'000, 1)) ==
          "2025-03-15T00:01:00-05:00");
    CHECK(transcript::toml_date_time(wall_end(start_time(), 90'000, 2)) ==
          "2025-03-15T00:00:15-05:00");
    CHECK(transcript::toml_date_time(wall_end(start_time(), 0, 1)) == "2025-03-14T23:59:30-05:00");
}

TEST_CASE("a journal file holds its header and every appended line") {
    TempFolder folder;
    JournalFile file(folder.path(), "s", "header\n");
    CHECK(file.path() == folder / "s.journal");
    file.append("one\n");
    file.append("two\n");
    CHECK(contents(file.path()) == "header\none\ntwo\n");
    file.remove();
    CHECK(folder.names().empty());
}

TEST_CASE("a second journal with the same id gets the next free name") {
    TempFolder folder;
    JournalFile first(folder.path(), "s", "1\n");
    JournalFile second(folder.path(), "s", "2\n");
    CHECK(second.path() == folder / "s-2.journal");
    CHECK(contents(first.path()) == "1\n");
    CHECK(contents(second.path()) == "2\n");
}

TEST_CASE("a journal is never named after a transcript or a scratchpad an earlier session left") {
    for (const std::string earlier : {"s.toml", "s.scratch.txt"}) {
        CAPTURE(earlier);
        TempFolder folder;
        test_folders::write(folder / earlier, "an earlier session's file");
        JournalFile file(folder.path(), "s", "header\n");
        CHECK(file.path() == folder / "s-2.journal");
    }
}

TEST_CASE("recover_all turns a crashed session's journal into an interrupted transcript") {
    TempFolder folder;
    VirtualClock clock = fixed_clock();
    const fs::path journal = crashed_session(folder.path(), clock);
    CHECK(journal == folder / "crashed.journal");

    Diagnostics problems;
    const std::vector<Recovered> recovered = recover_all(folder.path(), problems);
    CHECK(problems.empty());
    REQUIRE(recovered.size() == 1);
    CHECK(recovered[0].journal == journal);
    CHECK(recovered[0].transcript == folder / "crashed.toml");
    CHECK_FALSE(fs::exists(journal));
    CHECK(folder.names() == std::vector<std::string>{"crashed.toml"});

    Diagnostics read_problems;
    const auto t =
        transcript::read_transcript("t", contents(folder / "crashed.toml"), read_problems);
    REQUIRE(t.has_value());
    CHECK(t->id == "crashed");
    CHECK(t->status == transcript::Status::interrupted);
    REQUIRE(t->phases.size() == 3);
    CHECK(t->phases[0].used_seconds == 70);
    CHECK(t->phases[0].overtime_seconds == 10);
    CHECK(t->phases[1].used_seconds == 10); // up to the last heartbeat
    REQUIRE(t->phases[0].notes.size() == 1);
    CHECK(t->phases[0].notes[0].text == "before the crash");
}

TEST_CASE("a journal whose transcript was already saved is just removed") {
    TempFolder folder;
    test_folders::write(folder / "saved.toml", "kept as it is");
    std::string header = journal_header(small_plan(), meta());
    header += journal_line({EventKind::start, 0});
    test_folders::write(folder / "saved.journal", header);

    Diagnostics problems;
    const std::vector<Recovered> recovered = recover_all(folder.path(), problems);
    CHECK(problems.empty());
    REQUIRE(recovered.size() == 1);
    CHECK(recovered[0].journal == folder / "saved.journal");
    CHECK(recovered[0].transcript.empty());
    CHECK(folder.names() == std::vector<std::string>{"saved.toml"});
    CHECK(contents(folder / "saved.toml") == "kept as it is");
}

TEST_CASE("a journal locked by a running session is left alone") {
    TempFolder folder;
    VirtualClock clock = fixed_clock();
    transcript::Transcript m = meta();
    m.id = "running";
    Recorder recorder(small_plan(), m, folder.path(), clock);
    REQUIRE(recorder.submit(EventKind::start).accepted());

    Diagnostics problems;
    CHECK(recover_all(folder.path(), problems).empty());
    CHECK(problems.empty());
    CHECK(folder.names() == std::vector<std::string>{"running.journal"});

    // The session goes on undisturbed and saves as usual.
    REQUIRE(recorder.submit(EventKind::quit).accepted());
    REQUIRE(recorder.submit(EventKind::finish).accepted());
    CHECK(recorder.save() == folder / "running.toml");
    CHECK(folder.names() == std::vector<std::string>{"running.toml"});
}

TEST_CASE("an unreadable journal is reported and kept") {
    TempFolder folder;
    test_folders::write(folder / "broken.journal", "not a journal\n");
    Diagnostics problems;
    CHECK(recover_all(folder.path(), problems).empty());
    REQUIRE_FALSE(problems.empty());
    CHECK(problems[0].severity == Severity::error);
    CHECK(folder.names() == std::vector<std::string>{"broken.journal"});
}

TEST_CASE("a crashed session named like an earlier transcript is still recovered") {
    TempFolder folder;
    test_folders::write(folder / "crashed.toml", "an earlier session");
    VirtualClock clock = fixed_clock();
    const fs::path journal = crashed_session(folder.path(), clock);

    Diagnostics problems;
    const std::vector<Recovered> recovered = recover_all(folder.path(), problems);
    REQUIRE(recovered.size() == 1);
    CHECK_FALSE(recovered[0].transcript.empty());
    CHECK(contents(folder / "crashed.toml") == "an earlier session");
    CHECK(folder.names().size() == 2);
    CHECK_FALSE(fs::exists(journal));
}

TEST_SUITE_END();
