// The scratchpad end to end: a scripted session fed through a pipe while the test writes into
// the pad from outside, as a candidate's editor in another pane would; then kill -9 and
// `recover`, a normal end, `show` and `export`, and no pad without --scratch.
#include "piped_run.hpp"
#include "pty_session.hpp"
#include "run_binary.hpp"
#include "session_files.hpp"

#include "../strings.hpp"

#include <csignal>
#include <doctest/doctest.h>
#include <fstream>
#include <regex>
#include <stdexcept>
#include <sys/wait.h>
#include <thread>

using namespace mockcoach;
using namespace mockcoach::testing;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> start_args(const fs::path& sessions, std::vector<std::string> extra) {
    std::vector<std::string> args{"start",
                                  "--question",
                                  "system-design/url-shortener",
                                  "--clock",
                                  "virtual",
                                  "--seed",
                                  "7",
                                  "--no-followups",
                                  "--sessions-dir",
                                  sessions.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
}

// The one file ending in `extension` in `folder`, once it is there.
fs::path appears(const fs::path& folder, const std::string& extension) {
    for (int attempt = 0; attempt < 2000; ++attempt) {
        const auto found = files_ending(folder, extension);
        if (found.size() == 1) return found.front();
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    FAIL("no " << extension << " file appeared in " << folder);
    return {};
}

// Rewritten as an editor saves: a new file renamed over the old one.
void save_as_editor(const fs::path& pad, const std::string& text) {
    const fs::path temporary = pad.string() + ".swp";
    std::ofstream(temporary, std::ios::binary) << text;
    fs::rename(temporary, pad);
}

const std::string estimate = "writes: 100M/day = 1160/s\nreads: 10:1 -> \"11.6k/s\"\n"
                             "storage: 500 B x 100M x 365 x 5 \u2248 91 TB\n";

} // namespace

TEST_SUITE_BEGIN("e2e/scratch");

TEST_CASE("kill -9 after a phase keeps the pad's last snapshot, and recover puts it in the "
          "transcript") {
    TempDir home;
    const fs::path sessions = home.path() / "s";
    PipedRun session(home.path(), start_args(sessions, {"--scratch"}));
    const fs::path pad = appears(sessions, ".scratch.txt");
    CHECK(slurp(pad).empty());
    session.send("wait 60\n");
    save_as_editor(pad, estimate);
    session.send("next\n"); // the end of Requirements: a snapshot
    REQUIRE(journal_holds(sessions, "kind = \"scratch\""));
    save_as_editor(pad, estimate + "never snapshotted\n");
    const int status = session.kill(SIGKILL);
    CHECK(WIFSIGNALED(status));
    // A second kill must not become kill(-1, SIGKILL), which would end every process we own.
    CHECK_THROWS_AS(session.kill(SIGKILL), std::logic_error);
    CHECK(files_ending(sessions, ".toml").empty());

    const RunResult recover =
        run_mockcoach({"recover", "--sessions-dir", sessions.string()}, with_home(home.path()));
    CHECK(recover.exit_code == 0);
    const transcript::Transcript t = only_transcript(sessions);
    CHECK(t.status == transcript::Status::interrupted);
    REQUIRE(t.scratch.has_value());
    CHECK(t.scratch->text == estimate);
    REQUIRE(t.scratch->snapshots.size() == 1);
    CHECK(t.scratch->snapshots[0].after == "Requirements");
    CHECK(t.scratch->snapshots[0].at_seconds == 60);
    // The pad is the user's: still there, with what was written after the last snapshot.
    CHECK(slurp(pad) == estimate + "never snapshotted\n");
}

TEST_CASE("after kill -9, recover removes a pad nothing was written in, as a session's end "
          "does, and keeps one written in since") {
    TempDir home;
    const fs::path sessions = home.path() / "s";
    PipedRun session(home.path(), start_args(sessions, {"--scratch"}));
    const fs::path pad = appears(sessions, ".scratch.txt");
    session.send("wait 60\nnext\nnote the pad stays empty\n");
    REQUIRE(journal_holds(sessions, "the pad stays empty"));
    std::string written;
    SUBCASE("never written: it goes") {}
    SUBCASE("written after the last snapshot: it stays, as the user's") {
        written = "a schema, never snapshotted\n";
        save_as_editor(pad, written);
    }
    const int status = session.kill(SIGKILL);
    CHECK(WIFSIGNALED(status));
    const RunResult recover =
        run_mockcoach({"recover", "--sessions-dir", sessions.string()}, with_home(home.path()));
    CHECK(recover.exit_code == 0);
    const transcript::Transcript t = only_transcript(sessions);
    CHECK(t.status == transcript::Status::interrupted);
    CHECK_FALSE(t.scratch.has_value());
    if (written.empty())
        CHECK_FALSE(fs::exists(pad));
    else
        CHECK(slurp(pad) == written);
}

TEST_CASE("a session that runs to its end keeps the pad's final text, and show and export "
          "print it") {
    TempDir home;
    const fs::path sessions = home.path() / "s";
    fs::path pad;
    {
        PipedRun session(home.path(), start_args(sessions, {"--scratch"}));
        pad = appears(sessions, ".scratch.txt");
        session.send("wait 30\n");
        save_as_editor(pad, "v1\n");
        session.send("next\n");
        REQUIRE(journal_holds(sessions, "text = \"v1\\n\""));
        save_as_editor(pad, estimate);
        session.send("quit\n");
        session.send("score requirements 4\n");
        // The end of the script: scoring is finished, the session saved.
        const int status = session.finish();
        CHECK(WIFEXITED(status));
        CHECK(WEXITSTATUS(status) == 0);
        CHECK(contains(session.output(), "\nscratch: " + pad.string() + "\n"));
    }
    const transcript::Transcript t = only_transcript(sessions);
    CHECK(t.status == transcript::Status::ended_early);
    REQUIRE(t.scratch.has_value());
    CHECK(t.scratch->text == estimate);
    // After Requirements, and after High-Level Design (which quit ended); not again at the
    // end, where the pad had not changed.
    REQUIRE(t.scratch->snapshots.size() == 2);
    CHECK(t.scratch->snapshots[0].after == "Requirements");
    CHECK(t.scratch->snapshots[1].after == "High-Level Design");
    CHECK(fs::exists(pad));

    const RunResult show = run_mockcoach({"show", "latest", "--sessions-dir", sessions.string()},
                                         with_home(home.path()));
    CHECK(show.exit_code == 0);
    CHECK(contains(show.out, "\nScratchpad\n"));
    CHECK(contains(show.out, "\n  writes: 100M/day = 1160/s\n  reads: 10:1 -> \"11.6k/s\"\n"));
    const RunResult json =
        run_mockcoach({"export", "--format", "json", "--sessions-dir", sessions.string()},
                      with_home(home.path()));
    CHECK(json.exit_code == 0);
    CHECK(contains(json.out, "\"scratch\": {"));
    CHECK(contains(json.out, "\"text\": \"writes: 100M/day = 1160/s\\nreads: 10:1 -> "
                             "\\\"11.6k/s\\\"\\n"));
}

TEST_CASE("without --scratch there is no pad, and the transcript and show are as before") {
    TempDir home;
    const fs::path sessions = home.path() / "s";
    RunOptions options = with_home(home.path());
    options.input = "wait 30\nnext\nquit\nscore requirements 4\n";
    const RunResult run = run_mockcoach(start_args(sessions, {}), options);
    CHECK(run.exit_code == 0);
    CHECK_FALSE(contains(run.out, "scratch:"));
    CHECK(files_ending(sessions, ".scratch.txt").empty());
    const transcript::Transcript t = only_transcript(sessions);
    CHECK_FALSE(t.scratch.has_value());
    // Format 2 as before (the question has key points), not the scratchpad's 3.
    CHECK(contains(slurp(files_ending(sessions, ".toml").front()), "\nformat = 2\n"));
    const RunResult show = run_mockcoach({"show", "latest", "--sessions-dir", sessions.string()},
                                         with_home(home.path()));
    CHECK_FALSE(contains(show.out, "Scratchpad"));
}

TEST_CASE("a --blind session shows the pad's path, which names the category, only after the "
          "guess") {
    TempDir home;
    const fs::path sessions = home.path() / "s";
    RunOptions options = with_home(home.path());
    options.input = "guess coding\nwait 30\nnext\n";
    const RunResult run = run_mockcoach(start_args(sessions, {"--scratch", "--blind"}), options);
    CHECK(run.exit_code == 0);
    const std::size_t guess = run.out.find("guess: coding (wrong)\n");
    const std::size_t path = run.out.find("scratch: ");
    REQUIRE(guess != std::string::npos);
    REQUIRE(path != std::string::npos);
    CHECK(path > guess);
    // Nothing was written in it, so the empty pad went when the session ended.
    CHECK(files_ending(sessions, ".scratch.txt").empty());
}

TEST_CASE("the scratch setting turns the pad on, and --no-scratch off again") {
    TempDir home;
    home.write(".config/mockcoach/config.toml", "scratch = true\n");
    const fs::path sessions = home.path() / "s";
    RunOptions options = with_home(home.path());
    options.input = "wait 30\nnext\n";
    const RunResult on = run_mockcoach(start_args(sessions, {}), options);
    CHECK(on.exit_code == 0);
    CHECK(contains(on.out, "scratch: " + sessions.string()));
    // Nothing was written in it: no snapshot is kept, and the empty pad goes without a word.
    CHECK(files_ending(sessions, ".scratch.txt").empty());
    CHECK_FALSE(only_transcript(sessions).scratch.has_value());
    CHECK_FALSE(contains(on.err, "scratch"));
    const fs::path other = home.path() / "t";
    const RunResult off = run_mockcoach(start_args(other, {"--no-scratch"}), options);
    CHECK(off.exit_code == 0);
    CHECK(files_ending(other, ".scratch.txt").empty());
}

TEST_CASE("the live plan screen shows the pad's path, and cancelling removes the still-empty "
          "pad") {
    TempDir home;
    const fs::path sessions = home.path() / "s";
    PtySession tty(live_command("start", "url-shortener", sessions, {"--scratch"}),
                   live_environment(home.path()), 80, 24);
    REQUIRE(tty.wait_for("Scratchpad:"));
    REQUIRE(tty.wait_for("Enter start"));
    const auto pads = files_ending(sessions, ".scratch.txt");
    REQUIRE(pads.size() == 1);
    // The screen's text without its escape sequences and line ends: the path, wrapped at the
    // screen's width, reads whole again.
    const std::string shown =
        std::regex_replace(tty.output(), std::regex("\x1b\\[[0-9;?]*[A-Za-z]|\r|\n"), "");
    CHECK(contains(shown, "Scratchpad:"));
    CHECK(contains(shown, pads.front().string()));
    tty.send("q");
    CHECK(WIFEXITED(tty.wait_exit()));
    CHECK(files_ending(sessions, ".scratch.txt").empty());
    CHECK(files_ending(sessions, ".journal").empty());
}

TEST_SUITE_END();
