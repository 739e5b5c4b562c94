// What STAR rehearsals add to sessions: `say` lines in a part's text, the story name (from the
// start or saved while scoring) in the record and the journal, and the script commands `say`
// and `save-story`.
#include "session/engine.hpp"
#include "session/journal.hpp"
#include "session/run_script.hpp"
#include "session/script.hpp"
#include "stories/stories.hpp"

#include "../temp_folder.hpp"
#include "plans.hpp"
#include "session/clock.hpp"

#include "../strings.hpp"

#include <doctest/doctest.h>

using namespace mockcoach;
using namespace mockcoach::session;
using mockcoach::test_folders::contents;
using mockcoach::test_folders::TempFolder;
using mockcoach::test_plans::small_plan;

namespace {

void ok(Engine& engine, EventKind kind, Millis at, std::string text = {}) {
    const Outcome outcome = engine.apply({kind, at, std::move(text), 0});
    INFO("event ", event_name(kind), " at ", at);
    CHECK(outcome.error == "");
}

std::string refused(Engine& engine, EventKind kind, Millis at, std::string text = {}) {
    const Outcome outcome = engine.apply({kind, at, std::move(text), 0});
    CHECK_FALSE(outcome.accepted());
    return outcome.error;
}

template <typename T> T command_of(std::string_view line) {
    const auto parsed = parse_script_line(line, stories::check_story);
    INFO("line: ", line);
    REQUIRE(parsed.has_value());
    REQUIRE(std::holds_alternative<ScriptCommand>(*parsed));
    const ScriptCommand& command = std::get<ScriptCommand>(*parsed);
    REQUIRE(std::holds_alternative<T>(command));
    return std::get<T>(command);
}

WallTime some_time() {
    return from_civil({{2026, 11, 24}, 10, 0, 0}, 0);
}

std::string error_of(std::string_view line) {
    const auto parsed = parse_script_line(line, stories::check_story);
    REQUIRE(parsed.has_value());
    REQUIRE(std::holds_alternative<ScriptError>(*parsed));
    return std::get<ScriptError>(*parsed).message;
}

} // namespace

TEST_SUITE_BEGIN("session/star_session");

TEST_CASE("say lines join their part's text, one line each, and reach the record") {
    Engine engine(small_plan({60'000, 60'000}));
    ok(engine, EventKind::start, 0);
    ok(engine, EventKind::say, 1'000, "We had churn.");
    ok(engine, EventKind::pause, 2'000);
    ok(engine, EventKind::say, 3'000, "It was costing money."); // typing goes on while paused
    ok(engine, EventKind::resume, 4'000);
    ok(engine, EventKind::next, 5'000);
    ok(engine, EventKind::say, 6'000, "I owned it.");
    CHECK(engine.text(0) == "We had churn.\nIt was costing money.");
    CHECK(engine.text(1) == "I owned it.");
    CHECK(refused(engine, EventKind::say, 7'000) == "say needs some text");
    ok(engine, EventKind::next, 8'000);
    CHECK(refused(engine, EventKind::say, 9'000, "late") ==
          "say is not possible once the phases are over");
    const transcript::Transcript t = engine.record({});
    CHECK(t.phases[0].text == "We had churn.\nIt was costing money.");
    CHECK(t.phases[1].text == "I owned it.");
    CHECK(t.phases[0].notes.empty());
}

TEST_CASE("a story is named while scoring, and the name goes into the record") {
    Engine engine(small_plan({60'000}));
    ok(engine, EventKind::start, 0);
    CHECK(refused(engine, EventKind::story, 1'000, "churn") ==
          "a story is saved after the last part (next, or quit to end early)");
    ok(engine, EventKind::next, 2'000);
    CHECK(refused(engine, EventKind::story, 3'000, "") == "a story needs a name");
    ok(engine, EventKind::story, 3'000, "churn");
    ok(engine, EventKind::story, 4'000, "Churn model"); // the last one counts
    CHECK(engine.story() == "Churn model");
    ok(engine, EventKind::finish, 5'000);
    CHECK(engine.record({}).story == "Churn model");
}

TEST_CASE("a rehearsal of a story keeps the story it started from unless saved as another") {
    Engine engine(small_plan({60'000}));
    transcript::Transcript meta;
    meta.story = "from the start";
    ok(engine, EventKind::start, 0);
    CHECK(engine.record(meta).story == "from the start");
    ok(engine, EventKind::next, 1'000);
    ok(engine, EventKind::story, 2'000, "renamed");
    CHECK(engine.record(meta).story == "renamed");
}

TEST_CASE("the journal keeps the story and every said line, so replay gives them back") {
    Plan plan = small_plan({60'000, 60'000});
    transcript::Transcript meta;
    meta.id = "j";
    meta.mode = "star";
    meta.story = "churn \"model\"";
    meta.started_at = some_time();
    std::string bytes = journal_header(plan, meta);
    const std::vector<Event> events{
        {EventKind::start, 0},    {EventKind::say, 1'000, "We had churn."},
        {EventKind::next, 2'000}, {EventKind::say, 3'000, "I owned it."},
        {EventKind::next, 4'000}, {EventKind::story, 5'000, "saved as"}};
    for (const Event& event : events) bytes += journal_line(event);
    Diagnostics problems;
    const auto journal = read_journal("j.journal", bytes, problems);
    for (const auto& problem : problems) MESSAGE(format_diagnostic(problem));
    CHECK(problems.empty());
    REQUIRE(journal.has_value());
    CHECK(journal->meta.story == "churn \"model\"");
    CHECK(journal->meta.mode == "star");
    const transcript::Transcript t = replay(*journal);
    CHECK(t.phases[0].text == "We had churn.");
    CHECK(t.phases[1].text == "I owned it.");
    CHECK(t.story == "saved as");
    CHECK(t.status == transcript::Status::interrupted);

    // A journal written before stories existed has no story key and still reads.
    Diagnostics old_problems;
    transcript::Transcript old_meta;
    old_meta.started_at = some_time();
    const auto old = read_journal("o.journal", journal_header(plan, old_meta), old_problems);
    REQUIRE(old.has_value());
    CHECK_FALSE(old->meta.story.has_value());
}

TEST_CASE("the transcript writes the story and the parts' text, and reads them back") {
    transcript::Transcript t;
    t.id = "x";
    t.mode = "star";
    t.story = "Churn model";
    t.started_at = t.ended_at = some_time();
    transcript::Phase phase;
    phase.name = "Action";
    phase.text = "I traced it.\nI fixed it.";
    t.phases.push_back(phase);
    const std::string text = transcript::to_toml(t);
    CHECK(text.find("story = \"Churn model\"\n") != std::string::npos);
    Diagnostics problems;
    const auto back = transcript::read_transcript("x.toml", text, problems);
    for (const auto& problem : problems) MESSAGE(format_diagnostic(problem));
    CHECK(problems.empty());
    REQUIRE(back.has_value());
    CHECK(back->story == "Churn model");
    CHECK(back->mode == "star");
    CHECK(back->phases[0].text == "I traced it.\nI fixed it.");
    transcript::Transcript interview;
    interview.phases.push_back(phase);
    CHECK(transcript::to_toml(interview).find("story") == std::string::npos);
}

TEST_CASE("say takes the rest of the line as text") {
    const ScriptEvent say = command_of<ScriptEvent>("say   I led the   migration  ");
    CHECK(say.kind == EventKind::say);
    CHECK(say.text == "I led the   migration");
    CHECK(error_of("say") == "say needs some text");
    CHECK(error_of("sya hello") == "unknown command \"sya\"; did you mean \"say\"?");
}

TEST_CASE("save-story takes a name of several words and then comma-separated themes") {
    const SaveStory story =
        command_of<SaveStory>("save-story Churn model rescue Ownership,failure");
    CHECK(story.name == "Churn model rescue");
    CHECK(story.themes == std::vector<std::string>{"ownership", "failure"});
    CHECK(command_of<SaveStory>("save-story x conflict").name == "x");
}

TEST_CASE("save-story refuses a missing part, a bad name or bad themes") {
    const std::string usage =
        "save-story needs a name and its themes: save-story NAME THEME[,THEME...]";
    CHECK(error_of("save-story") == usage);
    CHECK(error_of("save-story churn") == usage);
    CHECK(error_of("save-story ../etc ownership") ==
          "a story name cannot contain '/' or '\\' (\"../etc\")");
    CHECK(error_of("save-story .. ownership") == "a story name cannot contain \"..\" (\"..\")");
    CHECK(error_of("save-story !! ownership") == "a story name needs a letter or a digit (\"!!\")");
    CHECK(error_of("save-story churn ownership,,x") ==
          "a theme is empty (themes are separated by commas)");
}

namespace {

struct StarRun {
    TempFolder folder;
    VirtualClock clock{std::chrono::system_clock::from_time_t(1'700'000'000)};
    std::vector<std::string> saved_stories;
    Ended result;

    StarRun(std::vector<std::string> lines, bool star, std::string refuse = {}) {
        transcript::Transcript meta;
        meta.id = "star";
        meta.mode = "star";
        Recorder recorder(small_plan({30'000, 60'000}), meta, folder.path(), clock);
        std::size_t next = 0;
        ScriptIo io;
        io.read_line = [&]() -> std::optional<std::string> {
            if (next >= lines.size()) return std::nullopt;
            return lines[next++];
        };
        io.print = [](const std::string&) {};
        io.take_signal = [] { return 0; };
        StoryWriter write_story;
        if (star) io.story_rules = stories::check_story;
        if (star)
            write_story = [&](const SaveStory& story) {
                saved_stories.push_back(story.name);
                return refuse;
            };
        Driver driver(recorder, write_story);
        result = run_script(driver, io);
    }

    transcript::Transcript saved() const {
        Diagnostics problems;
        auto t = transcript::read_transcript("t", contents(result.path), problems);
        REQUIRE(t.has_value());
        return *t;
    }
};

} // namespace

TEST_CASE("a scripted rehearsal saves each part's text and the story it was saved as") {
    const StarRun run({"say We had churn.", "wait 20", "next", "say I built a check.",
                       "say I retrained.", "wait 50", "next", "score structure 4",
                       "save-story churn ownership", "reflect ok"},
                      true);
    REQUIRE(run.result.kind == Ended::Kind::saved);
    CHECK(run.saved_stories == std::vector<std::string>{"churn"});
    const transcript::Transcript t = run.saved();
    CHECK(t.phases[0].text == "We had churn.");
    CHECK(t.phases[1].text == "I built a check.\nI retrained.");
    CHECK(t.story == "churn");
    CHECK(t.status == transcript::Status::completed);
}

TEST_CASE("save-story before the last part, outside star, or refused by the saver is a bad line") {
    const StarRun early({"say hi", "save-story churn ownership"}, true);
    CHECK(early.result.kind == Ended::Kind::refused);
    CHECK(early.result.line == 2);
    CHECK(early.result.error ==
          "a story is saved after the last part (next, or quit to end early)");
    CHECK(early.saved_stories.empty()); // nothing written for a refused line

    const StarRun interview({"next", "next", "save-story churn ownership"}, false);
    CHECK(interview.result.kind == Ended::Kind::refused);
    CHECK(interview.result.error == "save-story is for STAR rehearsals (mockcoach star)");

    const StarRun refused_name({"quit", "save-story churn ownership"}, true, "name taken");
    CHECK(refused_name.result.kind == Ended::Kind::refused);
    CHECK(refused_name.result.error == "name taken");
}

TEST_SUITE_END();
