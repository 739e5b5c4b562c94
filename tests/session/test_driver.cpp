// The one session lifecycle: ending, stopping on a signal, refusing input and saving a story,
// whatever drives the session.
#include "session/driver.hpp"

#include "../temp_folder.hpp"
#include "plans.hpp"
#include "session/clock.hpp"
#include "transcript/transcript.hpp"
#include "util/diagnostic.hpp"

#include <csignal>
#include <doctest/doctest.h>

using namespace mockcoach;
using namespace mockcoach::session;
using mockcoach::test_folders::contents;
using mockcoach::test_folders::TempFolder;
using mockcoach::test_plans::small_plan;

namespace {

struct Session {
    TempFolder folder;
    VirtualClock clock{std::chrono::system_clock::from_time_t(1'700'000'000)};
    Recorder recorder;
    std::vector<std::string> written;

    Session() : recorder(small_plan({60'000, 120'000}), meta(), folder.path(), clock) {}

    static transcript::Transcript meta() {
        transcript::Transcript t;
        t.id = "driven";
        t.mode = "star";
        return t;
    }

    StoryWriter writer(std::string refuse = {}) {
        return [this, refuse](const SaveStory& story) {
            written.push_back(story.name);
            return refuse;
        };
    }

    transcript::Transcript saved(const Ended& ended) const {
        Diagnostics problems;
        auto t = transcript::read_transcript("t", contents(ended.path), problems);
        REQUIRE(t.has_value());
        return *t;
    }
};

} // namespace

TEST_SUITE_BEGIN("session/driver");

TEST_CASE("a session stopped or ended before its clock starts leaves nothing behind") {
    Session stopped;
    const Ended signalled = Driver(stopped.recorder).stop(SIGTERM);
    CHECK(signalled.kind == Ended::Kind::signalled);
    CHECK(signalled.signal == SIGTERM);
    CHECK(signalled.path.empty());
    CHECK(stopped.folder.names().empty());

    Session ended;
    const Ended abandoned = Driver(ended.recorder).end();
    CHECK(abandoned.kind == Ended::Kind::abandoned);
    CHECK(abandoned.path.empty());
    CHECK(ended.folder.names().empty());
}

TEST_CASE("a signal mid-phase saves the session as interrupted and removes the journal") {
    Session s;
    Driver driver(s.recorder);
    s.recorder.submit(EventKind::start);
    s.clock.sleep_until(30'000);
    const Ended ended = driver.stop(SIGHUP);
    CHECK(ended.kind == Ended::Kind::signalled);
    CHECK(ended.signal == SIGHUP);
    CHECK(s.saved(ended).status == transcript::Status::interrupted);
    CHECK(s.folder.names() == std::vector<std::string>{ended.path.filename().string()});
}

TEST_CASE("input that ends mid-phase interrupts; input that ends while scoring finishes") {
    Session running;
    Driver mid(running.recorder);
    running.recorder.submit(EventKind::start);
    const Ended cut = mid.end();
    CHECK(cut.kind == Ended::Kind::saved);
    CHECK(running.saved(cut).status == transcript::Status::interrupted);

    Session scoring;
    Driver late(scoring.recorder);
    scoring.recorder.submit(EventKind::start);
    scoring.recorder.submit(EventKind::quit);
    REQUIRE(scoring.recorder.engine().stage() == Stage::scoring);
    const Ended finished = late.end();
    CHECK(finished.kind == Ended::Kind::saved);
    CHECK(scoring.saved(finished).status != transcript::Status::interrupted);
}

TEST_CASE("a refused line keeps the journal for recover and names the line") {
    Session s;
    Driver driver(s.recorder);
    s.recorder.submit(EventKind::start);
    s.recorder.submit(EventKind::note, "shard by user id");
    const Ended ended = driver.refuse(3, "unknown command");
    CHECK(ended.kind == Ended::Kind::refused);
    CHECK(ended.line == 3);
    CHECK(ended.error == "unknown command");
    CHECK(ended.journal_kept);
    CHECK(s.folder.names() == std::vector<std::string>{s.recorder.journal_path().filename()});
}

TEST_CASE("a refused line in a blank session leaves nothing: no time passed, nothing typed") {
    Session before_start;
    CHECK_FALSE(Driver(before_start.recorder).refuse(1, "typo").journal_kept);
    CHECK(before_start.folder.names().empty());

    Session started;
    started.recorder.submit(EventKind::start);
    started.recorder.submit(EventKind::next);
    started.clock.sleep_until(999);
    CHECK_FALSE(Driver(started.recorder).refuse(2, "typo").journal_kept);
    CHECK(started.folder.names().empty());

    Session a_second;
    a_second.recorder.submit(EventKind::start);
    a_second.clock.sleep_until(1000);
    a_second.recorder.tick();
    CHECK(Driver(a_second.recorder).refuse(2, "typo").journal_kept);
    CHECK(a_second.folder.names().size() == 1);
}

TEST_CASE("a story is saved only while scoring, file first, and only by a driver that saves them") {
    Session s;
    Driver without(s.recorder);
    CHECK_FALSE(without.saves_stories());
    CHECK(without.save_story({"churn", {"ownership"}}) ==
          "save-story is for STAR rehearsals (mockcoach star)");

    Driver driver(s.recorder, s.writer());
    CHECK(driver.saves_stories());
    s.recorder.submit(EventKind::start);
    CHECK(driver.save_story({"churn", {"ownership"}}) ==
          "a story is saved after the last part (next, or quit to end early)");
    CHECK(s.written.empty());
    s.recorder.submit(EventKind::quit);
    CHECK(driver.save_story({"churn", {"ownership"}}) == "");
    CHECK(s.written == std::vector<std::string>{"churn"});
    CHECK(s.recorder.engine().story() == std::optional<std::string>("churn"));
}

TEST_CASE("a story the writer refuses is not recorded in the session") {
    Session s;
    Driver driver(s.recorder, s.writer("name taken"));
    s.recorder.submit(EventKind::start);
    s.recorder.submit(EventKind::quit);
    CHECK(driver.save_story({"churn", {"ownership"}}) == "name taken");
    CHECK_FALSE(s.recorder.engine().story().has_value());
}

TEST_SUITE_END();
