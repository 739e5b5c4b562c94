// The scratchpad: its text made safe to keep, the file created and read, snapshots as journal
// events that round-trip and replay, and the recorder taking them when phases end.
#include "session/scratch.hpp"

#include "../temp_folder.hpp"
#include "plans.hpp"
#include "session/clock.hpp"
#include "session/journal.hpp"
#include "session/recorder.hpp"
#include "session/recover.hpp"
#include "transcript/transcript.hpp"
#include "util/errors.hpp"

#include <algorithm>
#include <chrono>
#include <doctest/doctest.h>

using namespace mockcoach;
using namespace mockcoach::session;
using mockcoach::test_folders::contents;
using mockcoach::test_folders::TempFolder;
using mockcoach::test_plans::small_plan;
using transcript::scratch_limit_bytes;
namespace fs = std::filesystem;

namespace {

constexpr auto limit = static_cast<std::size_t>(scratch_limit_bytes);

transcript::Transcript meta(std::string id = "pad") {
    transcript::Transcript m;
    m.id = std::move(id);
    m.started_at = from_civil({{2026, 12, 7}, 9, 0, 0}, 60);
    m.clock = "virtual";
    return m;
}

// A new empty pad for the recorder's session, kept by it, as `start --scratch` makes one.
fs::path keep_empty_pad(Recorder& recorder, const fs::path& folder) {
    const fs::path pad = scratch_path(folder, recorder.meta().id);
    create_scratch(pad);
    recorder.keep_scratch(pad);
    return pad;
}

VirtualClock fixed_clock() {
    return VirtualClock(std::chrono::system_clock::from_time_t(1'800'000'000));
}

// Text a snapshot must keep exactly: line breaks, quotes of both kinds, a backslash, a tab,
// non-ASCII, and a literal block's own delimiter.
const std::string awkward = "SELECT \"id\", 'name'\n\tFROM users -- caf\u00e9 \u65e5\u672c\n"
                            "path = C:\\temp\n'''not the end'''\n\n";

std::string journal_with(const std::vector<Event>& events) {
    std::string bytes = journal_header(small_plan(), meta());
    for (const Event& event : events) bytes += journal_line(event);
    return bytes;
}

} // namespace

TEST_SUITE_BEGIN("session/scratch");

TEST_CASE("text that a transcript can keep is kept byte for byte") {
    const ScratchText kept = scratch_text(awkward, static_cast<std::int64_t>(awkward.size()));
    CHECK(kept.text == awkward);
    CHECK(kept.bytes == static_cast<std::int64_t>(awkward.size()));
    CHECK_FALSE(kept.truncated);
    CHECK(kept.replaced == 0);
}

TEST_CASE("a CR before a LF is dropped, and control characters and invalid UTF-8 show as U+FFFD") {
    const ScratchText kept = scratch_text("a\r\nb\x1b[2Jc\xff\x7f"
                                          "d\re",
                                          13);
    CHECK(kept.text == "a\nb\uFFFD[2Jc\uFFFD\uFFFDd\uFFFDe");
    CHECK(kept.replaced == 4);
    CHECK(kept.bytes == 14);
}

TEST_CASE("a file over the limit keeps its first 256 KiB, never half a character") {
    std::string bytes(limit - 1, 'x');
    bytes += "\u00e9"; // two bytes across the limit
    const ScratchText cut = scratch_text(bytes, 300'000);
    CHECK(cut.truncated);
    CHECK(cut.bytes == 300'000);
    CHECK(cut.text == std::string(limit - 1, 'x'));

    const std::string exact(limit, 'y');
    const ScratchText whole = scratch_text(exact, scratch_limit_bytes);
    CHECK_FALSE(whole.truncated);
    CHECK(whole.text.size() == limit);
}

TEST_CASE("the notice names the file and says what was kept, and nothing when all was kept") {
    const ScratchText cut = scratch_text(std::string(limit + 1, 'x'), 1'000'000);
    CHECK(scratch_notice("/s/pad.scratch.txt", cut) ==
          "scratchpad /s/pad.scratch.txt is 1000000 bytes, over the 256 KiB a session keeps: the "
          "transcript keeps only its first 256 KiB; the file itself is untouched");
    const ScratchText odd = scratch_text("a\x01", 2);
    CHECK(scratch_notice("p", odd) == "scratchpad p: 1 character (control or invalid UTF-8) kept "
                                      "as U+FFFD; the file itself is untouched");
    CHECK(scratch_notice("p", scratch_text("fine", 4)).empty());
}

TEST_CASE("the file is created empty and never over an existing one") {
    TempFolder folder;
    const fs::path pad = scratch_path(folder.path(), "s1");
    CHECK(pad == folder / "s1.scratch.txt");
    create_scratch(pad);
    CHECK(contents(pad).empty());
    test_folders::write(pad, "mine");
    CHECK_THROWS_AS(create_scratch(pad), IoError);
    CHECK(contents(pad) == "mine");
}

TEST_CASE("only an empty pad is removed when a session never starts") {
    TempFolder folder;
    const fs::path empty = folder / "a.scratch.txt", used = folder / "b.scratch.txt";
    test_folders::write(empty, "");
    test_folders::write(used, "notes");
    remove_scratch_if_empty(empty);
    remove_scratch_if_empty(used);
    CHECK(folder.names() == std::vector<std::string>{"b.scratch.txt"});
}

TEST_CASE("a pad over the limit keeps its beginning and its size, and a missing file says why") {
    TempFolder folder;
    const fs::path pad = folder.write("p.scratch.txt", std::string(limit + 500, 'z'));
    const ScratchRead read = read_scratch_file(pad);
    CHECK(read.problem.empty());
    CHECK(read.kept.truncated);
    CHECK(read.kept.bytes == scratch_limit_bytes + 500);
    CHECK(read.kept.text.size() == limit);
    CHECK(read_scratch_file(folder / "gone.txt").problem == "No such file or directory");
}

TEST_CASE("reading a pad stops past the limit: a terabyte pad is read in a moment") {
    // A sparse file of 1 TiB takes no disk, but a reader that went on to its end would need
    // minutes and the memory to hold it; one that stops one byte past the limit returns at once.
    TempFolder folder;
    const fs::path pad = folder.write("huge.scratch.txt", std::string(limit + 10, 'z'));
    constexpr std::uintmax_t terabyte = std::uintmax_t{1} << 40;
    std::error_code error;
    fs::resize_file(pad, terabyte, error);
    if (error) {
        MESSAGE("no sparse terabyte file here (" << error.message() << "); skipped");
        return;
    }
    const auto before = std::chrono::steady_clock::now();
    const ScratchRead read = read_scratch_file(pad);
    const auto took = std::chrono::steady_clock::now() - before;
    CHECK(read.problem.empty());
    CHECK(read.kept.truncated);
    CHECK(read.kept.bytes == static_cast<std::int64_t>(terabyte));
    CHECK(read.kept.text == std::string(limit, 'z'));
    // A whole read would take minutes even from the page cache; the limit's worth, milliseconds.
    CHECK(took < std::chrono::seconds(10));
}

TEST_CASE(
    "snapshot events round-trip through the journal: newlines, quotes, non-ASCII, the limit") {
    const std::string at_limit(limit, 'q');
    const std::vector<Event> events{{EventKind::start, 0},
                                    {EventKind::next, 60'000},
                                    {EventKind::scratch, 60'000, awkward, 60},
                                    {EventKind::next, 90'000},
                                    {EventKind::scratch, 90'000, at_limit, 400'000}};
    const std::string bytes = journal_with(events);
    Diagnostics problems;
    const auto journal = read_journal("j", bytes, problems);
    CHECK(problems.empty());
    REQUIRE(journal.has_value());
    REQUIRE(journal->events.size() == events.size());
    CHECK(journal->events[2].text == awkward);
    CHECK(journal->events[2].number == 60);
    CHECK(journal->events[4].text == at_limit);
    // Each snapshot is one line of the journal.
    CHECK(std::count(bytes.begin(), bytes.end(), '\n') == 1 + static_cast<long>(events.size()));
}

TEST_CASE("replay keeps the last snapshot's text and when each was taken") {
    const std::vector<Event> events{{EventKind::start, 0},
                                    {EventKind::next, 60'000},
                                    {EventKind::scratch, 60'000, "v1", 2},
                                    {EventKind::next, 90'000},
                                    {EventKind::scratch, 90'000, awkward, 300'000}};
    Diagnostics problems;
    const auto journal = read_journal("j", journal_with(events), problems);
    REQUIRE(journal.has_value());
    const transcript::Transcript t = replay(*journal);
    REQUIRE(t.scratch.has_value());
    CHECK(t.scratch->text == awkward);
    CHECK(t.scratch->bytes == 300'000);
    CHECK(t.scratch->truncated);
    REQUIRE(t.scratch->snapshots.size() == 2);
    CHECK(t.scratch->snapshots[0].after == "Clarify");
    CHECK(t.scratch->snapshots[0].at_seconds == 60);
    CHECK(t.scratch->snapshots[1].after == "Design");
    CHECK(t.scratch->snapshots[1].bytes == 300'000);
}

TEST_CASE("a snapshot before the clock starts is refused, and one after the end is the end's") {
    Engine engine(small_plan());
    CHECK(engine.apply({EventKind::scratch, 0, "x", 1}).error == "the session has not started");
    REQUIRE(engine.apply({EventKind::start, 0}).accepted());
    REQUIRE(engine.apply({EventKind::quit, 5'000}).accepted());
    REQUIRE(engine.apply({EventKind::finish, 9'000}).accepted());
    REQUIRE(engine.apply({EventKind::scratch, 9'000, "final", 5}).accepted());
    REQUIRE(engine.scratch().has_value());
    CHECK_FALSE(engine.scratch()->snapshots.back().after.has_value());
    CHECK(engine.scratch()->snapshots.back().at_seconds == 9);
}

TEST_CASE(
    "the recorder snapshots the pad when a phase ends, only when it changed, and at the end") {
    TempFolder folder;
    VirtualClock clock = fixed_clock();
    Recorder recorder(small_plan(), meta(), folder.path(), clock);
    const fs::path pad = keep_empty_pad(recorder, folder.path());
    REQUIRE(recorder.submit(EventKind::start).accepted());
    clock.sleep_until(20'000);
    REQUIRE(recorder.submit(EventKind::next).accepted()); // still empty: nothing journalled
    CHECK_FALSE(recorder.engine().scratch().has_value());
    test_folders::write(pad, "n = 10^9\n");
    clock.sleep_until(40'000);
    REQUIRE(recorder.submit(EventKind::next).accepted());
    REQUIRE(recorder.engine().scratch().has_value());
    CHECK(recorder.engine().scratch()->text == "n = 10^9\n");
    REQUIRE(recorder.submit(EventKind::next).accepted()); // unchanged: no second snapshot
    CHECK(recorder.engine().scratch()->snapshots.size() == 1);
    CHECK(contents(recorder.journal_path()).find("kind = \"scratch\"") != std::string::npos);
    test_folders::write(pad, "n = 10^9\nqps = n / 86400\n");
    REQUIRE(recorder.submit(EventKind::finish).accepted());
    const fs::path saved = recorder.save();
    Diagnostics problems;
    const auto t = transcript::read_transcript(saved.string(), contents(saved), problems);
    REQUIRE(t.has_value());
    REQUIRE(t->scratch.has_value());
    CHECK(t->scratch->text == "n = 10^9\nqps = n / 86400\n");
    REQUIRE(t->scratch->snapshots.size() == 2);
    CHECK(t->scratch->snapshots[0].after == "Design");
    CHECK_FALSE(t->scratch->snapshots[1].after.has_value());
    CHECK(fs::exists(pad)); // the user's file stays
}

TEST_CASE("a pad over the limit is told once, and an unreadable one keeps its last snapshot") {
    TempFolder folder;
    VirtualClock clock = fixed_clock();
    Recorder recorder(small_plan(), meta(), folder.path(), clock);
    const fs::path pad = scratch_path(folder.path(), recorder.meta().id);
    test_folders::write(pad, std::string(limit + 10, 'w'));
    recorder.keep_scratch(pad);
    REQUIRE(recorder.submit(EventKind::start).accepted());
    REQUIRE(recorder.submit(EventKind::next).accepted());
    const auto told = recorder.take_notices();
    REQUIRE(told.size() == 1);
    CHECK(told[0].find("over the 256 KiB") != std::string::npos);
    REQUIRE(recorder.submit(EventKind::next).accepted());
    CHECK(recorder.take_notices().empty());
    fs::remove(pad);
    REQUIRE(recorder.submit(EventKind::next).accepted());
    const auto missing = recorder.take_notices();
    REQUIRE(missing.size() == 1);
    CHECK(missing[0] == "cannot read the scratchpad " + pad.string() +
                            ": No such file or directory; the transcript keeps its last snapshot");
    CHECK(recorder.engine().scratch()->text.size() == limit);
}

TEST_CASE("a session that never starts removes its still-empty pad with its journal") {
    TempFolder folder;
    VirtualClock clock = fixed_clock();
    Recorder recorder(small_plan(), meta(), folder.path(), clock);
    keep_empty_pad(recorder, folder.path());
    recorder.abandon();
    CHECK(folder.names().empty());
}

TEST_CASE("a session saved with nothing ever written in its pad removes the empty pad") {
    TempFolder folder;
    VirtualClock clock = fixed_clock();
    Recorder recorder(small_plan(), meta(), folder.path(), clock);
    const fs::path pad = keep_empty_pad(recorder, folder.path());
    REQUIRE(recorder.submit(EventKind::start).accepted());
    clock.sleep_until(20'000);
    while (recorder.engine().stage() == Stage::running)
        REQUIRE(recorder.submit(EventKind::next).accepted());
    REQUIRE(recorder.submit(EventKind::finish).accepted());
    const fs::path saved = recorder.save();
    CHECK_FALSE(fs::exists(pad));
    CHECK(folder.names() == std::vector<std::string>{saved.filename().string()});
}

TEST_CASE("a pad that once held text, or is no longer a plain empty file, stays at the end") {
    // Written, then emptied again: the transcript keeps the empty snapshot; the file is the
    // user's.
    {
        TempFolder folder;
        VirtualClock clock = fixed_clock();
        Recorder recorder(small_plan(), meta(), folder.path(), clock);
        const fs::path pad = keep_empty_pad(recorder, folder.path());
        REQUIRE(recorder.submit(EventKind::start).accepted());
        test_folders::write(pad, "draft\n");
        REQUIRE(recorder.submit(EventKind::next).accepted());
        test_folders::write(pad, "");
        while (recorder.engine().stage() == Stage::running)
            REQUIRE(recorder.submit(EventKind::next).accepted());
        REQUIRE(recorder.submit(EventKind::finish).accepted());
        recorder.save();
        CHECK(fs::exists(pad));
    }
    // Replaced by a link to an empty file elsewhere: neither the link nor its target goes.
    {
        TempFolder folder;
        VirtualClock clock = fixed_clock();
        Recorder recorder(small_plan(), meta(), folder.path(), clock);
        const fs::path pad = scratch_path(folder.path(), recorder.meta().id);
        const fs::path elsewhere = folder.write("elsewhere.txt", "");
        fs::create_symlink(elsewhere, pad);
        recorder.keep_scratch(pad);
        REQUIRE(recorder.submit(EventKind::start).accepted());
        while (recorder.engine().stage() == Stage::running)
            REQUIRE(recorder.submit(EventKind::next).accepted());
        REQUIRE(recorder.submit(EventKind::finish).accepted());
        recorder.save();
        CHECK(fs::is_symlink(pad));
        CHECK(fs::exists(elsewhere));
    }
}

TEST_CASE("recover restores the last snapshot of a killed session into its transcript") {
    TempFolder folder;
    VirtualClock clock = fixed_clock();
    {
        Recorder recorder(small_plan(), meta("killed"), folder.path(), clock);
        const fs::path pad = keep_empty_pad(recorder, folder.path());
        REQUIRE(recorder.submit(EventKind::start).accepted());
        test_folders::write(pad, awkward);
        clock.sleep_until(30'000);
        REQUIRE(recorder.submit(EventKind::next).accepted());
    } // the process dies: journal left, nothing saved
    Diagnostics problems;
    const auto recovered = recover_all(folder.path(), problems);
    CHECK(problems.empty());
    REQUIRE(recovered.size() == 1);
    const auto t = transcript::read_transcript("t", contents(recovered[0].transcript), problems);
    REQUIRE(t.has_value());
    REQUIRE(t->scratch.has_value());
    CHECK(t->scratch->text == awkward);
    CHECK(t->status == transcript::Status::interrupted);
}

TEST_SUITE_END();
