// The live screen through a pseudo-terminal: real keys in, the screen and the transcript out;
// the terminal put back after a signal; kill -9 followed by recover.
#include "pty_session.hpp"
#include "run_binary.hpp"
#include "session_files.hpp"

#include <csignal>
#include <doctest/doctest.h>
#include <fstream>
#include <sys/wait.h>
#include <thread>

using namespace mockcoach;
using namespace mockcoach::testing;

namespace {

std::vector<std::string> live_args(const std::filesystem::path& sessions,
                                   std::vector<std::string> extra = {}) {
    return live_command("start", "url-shortener", sessions, std::move(extra));
}

// The pid of the one child of `parent` (the shell wrapper's mockcoach).
int child_of(int parent) {
    for (int attempt = 0; attempt < 200; ++attempt) {
        std::ifstream children("/proc/" + std::to_string(parent) + "/task/" +
                               std::to_string(parent) + "/children");
        int pid = 0;
        if (children >> pid && pid > 0) return pid;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return -1;
}

// Settings with a hook that writes its pid to HOME/hook.pid, then sleeps 30 s.
void write_hook_settings(const TempDir& home, const std::string& event, int timeout) {
    std::filesystem::create_directories(home.path() / ".config/mockcoach");
    std::ofstream(home.path() / ".config/mockcoach/config.toml")
        << "[hooks]\n"
        << event << " = 'echo $$ > \"$HOME/hook.pid\"; exec sleep 30'\ntimeout = " << timeout
        << "\n";
}

// The pid the hook wrote, once it has (0 if it never did).
int hook_pid(const TempDir& home) {
    int pid = 0;
    for (int attempt = 0; attempt < 500 && pid <= 0; ++attempt) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        std::ifstream(home.path() / "hook.pid") >> pid;
    }
    return pid;
}

// Whether `pid` is gone within `limit`; killed if not, so no test leaves a sleeper behind.
bool gone_within(int pid, std::chrono::milliseconds limit) {
    const auto until = std::chrono::steady_clock::now() + limit;
    for (;;) {
        if (::kill(pid, 0) != 0) return true;
        if (std::chrono::steady_clock::now() > until) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    ::kill(pid, SIGKILL);
    return false;
}

// A rubric of two short phases whose one question has three key points and a follow-up in
// its first phase: at 30 times real speed the follow-up comes about two seconds in (seed 1
// puts it at 01:07 of the phase's 02:00), the budget runs out at four.
std::filesystem::path write_drill_rubric(const TempDir& home) {
    const auto path = home.path() / "drill.toml";
    std::ofstream(path) << R"(format = 1
id = "probe-drill"
name = "Probe Drill"
weight = 1
testing = "Can you take a follow-up mid-answer?"
tip = "Listen to the whole question."

[[phase]]
name = "Talk"
minutes = 2
prompts = ["First point", "Second point"]

[[phase]]
name = "Wrap"
minutes = 1

[[criterion]]
id = "clarity"
name = "Clarity"
levels.1 = "Lost the listener."
levels.3 = "Clear enough."
levels.5 = "Crisp."

[[question]]
id = "hash-collisions"
text = "Explain how a hash map handles collisions."
key_points = ["Names chaining", "Names open addressing", "Says when it resizes"]
followups = [{ phase = "Talk", text = "What happens when the table fills up?" }]
)";
    return path;
}

std::vector<std::string> drill_args(const TempDir& home, std::vector<std::string> extra = {}) {
    extra.insert(extra.begin(),
                 {"--rubrics", write_drill_rubric(home).string(), "--seed", "1", "--speed", "30"});
    return live_command("start", "hash-collisions", home.path() / "s", std::move(extra));
}

// From the running screen: end the interview, skip the key points, every score and the
// reflection.
void end_and_skip_scoring(PtySession& tty) {
    tty.send("q");
    REQUIRE(tty.wait_for("Key point 1 of"));
    tty.send("q");
    REQUIRE(tty.wait_for("Score yourself"));
    tty.send("q");
    REQUIRE(tty.wait_for("Reflection"));
    tty.send("\r");
}

} // namespace

TEST_SUITE_BEGIN("e2e/live");

TEST_CASE("a live session driven by keys on a terminal shows each screen and saves what happened") {
    TempDir home;
    const auto sessions = home.path() / "s";
    PtySession tty(live_args(sessions, {"--no-bell"}), live_environment(home.path()), 80, 30);
    REQUIRE(tty.wait_for("System Design"));
    REQUIRE(tty.wait_for("Enter start the clock"));
    tty.send("\r");
    REQUIRE(tty.wait_for("phase 1/4"));
    CHECK(tty.wait_for("Functional requirements"));
    CHECK(tty.wait_for("left of 05:00"));
    tty.send("e");
    REQUIRE(tty.wait_for("note>"));
    tty.send("scale first \xc3\xa9");
    tty.send("\r");
    REQUIRE(tty.wait_for("notes: 1"));
    tty.send(" ");
    REQUIRE(tty.wait_for("PAUSED"));
    tty.send(" ");
    tty.send("+");
    tty.send("?");
    REQUIRE(tty.wait_for("one more minute for this phase"));
    tty.send("n");
    REQUIRE(tty.wait_for("phase 2/4"));
    tty.send("\x03"); // Ctrl-C: end the interview, go to the key points, then scoring
    REQUIRE(tty.wait_for("Key point 1 of"));
    tty.send("\x03");
    REQUIRE(tty.wait_for("Score yourself"));
    REQUIRE(tty.wait_for("Requirements and scoping"));
    tty.send("4");
    REQUIRE(tty.wait_for("High-level architecture"));
    tty.send("s");
    for (int i = 0; i < 3; ++i) tty.send("3");
    REQUIRE(tty.wait_for("Reflection"));
    tty.send("kept to time\r");
    tty.send("\r");
    const int status = tty.wait_exit();
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    CHECK(tty.output().find("saved: ") != std::string::npos);
    CHECK(tty.output().find("\x1b[?1049l") != std::string::npos); // left the alternate screen

    const auto t = only_transcript(sessions);
    CHECK(t.status == transcript::Status::ended_early);
    REQUIRE(t.phases[0].notes.size() == 1);
    CHECK(t.phases[0].notes[0].text == "scale first \xc3\xa9");
    CHECK(t.phases[0].extended_seconds == 60);
    CHECK(t.phases[0].paused_seconds >= 0);
    REQUIRE(t.scores.size() == 4);
    CHECK(t.scores[0].value == 4);
    CHECK(t.skipped == std::vector<std::string>{"architecture"});
    CHECK(t.reflection == "kept to time");
}

TEST_CASE("the interviewer's follow-up, prompt ticks and key points, live on a terminal") {
    TempDir home;
    PtySession tty(drill_args(home), live_environment(home.path()), 80, 24);
    REQUIRE(tty.wait_for("Enter start the clock"));
    tty.send("\r");
    REQUIRE(tty.wait_for("phase 1/2"));
    // The question stays on the phase's screen, with the prompts numbered for the digits.
    REQUIRE(tty.wait_for("Explain how a hash map handles collisions."));
    REQUIRE(tty.wait_for("First point"));
    const std::size_t before_probe = tty.output().size();
    REQUIRE(tty.wait_for("Interviewer:"));
    REQUIRE(tty.wait_for("What happens when the table fills up?"));
    // The follow-up rang the bell (the budget's comes later, at four seconds).
    const std::string& out = tty.output();
    const std::size_t shown = out.find("Interviewer:", before_probe);
    CHECK(out.find('\a', before_probe) < shown);
    tty.send("1");
    REQUIRE(tty.wait_for("\u2713"));
    tty.send("q");
    REQUIRE(tty.wait_for("Key point 1 of 3"));
    REQUIRE(tty.wait_for("Names chaining"));
    tty.send("y");
    REQUIRE(tty.wait_for("Key point 2 of 3"));
    tty.send("p");
    REQUIRE(tty.wait_for("Key point 3 of 3 \u00b7 1 left to check"));
    tty.send("\x7f"); // Backspace: back to the second, marked partly
    REQUIRE(tty.wait_for("marked partly"));
    tty.send("p");
    REQUIRE(tty.wait_for("Key point 3 of 3"));
    tty.send("n");
    REQUIRE(tty.wait_for("Score yourself"));
    REQUIRE(tty.wait_for("Key points: 1 covered \u00b7 1 partly \u00b7 1 missed"));
    tty.send("4");
    REQUIRE(tty.wait_for("Reflection"));
    tty.send("\r");
    const int status = tty.wait_exit();
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);

    const auto sessions = home.path() / "s";
    const auto t = only_transcript(sessions);
    REQUIRE(t.phases.size() == 2);
    REQUIRE(t.phases[0].followups.size() == 1);
    CHECK(t.phases[0].followups[0].text == "What happens when the table fills up?");
    CHECK(t.phases[0].followups[0].at_seconds == 67);
    REQUIRE(t.phases[0].checks.size() == 1);
    CHECK(t.phases[0].checks[0].prompt == 1);
    REQUIRE(t.key_points.size() == 3);
    CHECK(t.key_points[0].result == transcript::Coverage::covered);
    CHECK(t.key_points[1].result == transcript::Coverage::partly);
    CHECK(t.key_points[2].result == transcript::Coverage::missed);
    // As the file has them.
    std::ifstream file(files_ending(sessions, ".toml").front());
    const std::string toml((std::istreambuf_iterator<char>(file)), {});
    CHECK(toml.find("[[phase.followup]]") != std::string::npos);
    CHECK(toml.find("[[phase.check]]") != std::string::npos);
    CHECK(toml.find("[[key_point]]") != std::string::npos);
}

TEST_CASE("with --no-bell the follow-up comes without a bell") {
    TempDir home;
    PtySession tty(drill_args(home, {"--no-bell"}), live_environment(home.path()), 80, 24);
    REQUIRE(tty.wait_for("Enter start"));
    tty.send("\r");
    REQUIRE(tty.wait_for("phase 1/2"));
    REQUIRE(tty.wait_for("Interviewer:"));
    REQUIRE(tty.wait_for("table fills up?"));
    REQUIRE(tty.wait_for("x dismiss"));
    CHECK(tty.output().find('\a') == std::string::npos);
    tty.send("x"); // dismissed: the key line offers w again in the room x took
    REQUIRE(tty.wait_for("w question \u00b7 q end"));
    tty.send("\x03");
    REQUIRE(tty.wait_for("Key point 1 of 3"));
    tty.send("q");
    REQUIRE(tty.wait_for("Score yourself"));
    tty.send("q");
    REQUIRE(tty.wait_for("Reflection"));
    tty.send("\r");
    CHECK(WIFEXITED(tty.wait_exit()));
    const auto t = only_transcript(home.path() / "s");
    REQUIRE(t.phases[0].followups.size() == 1);
    REQUIRE(t.key_points.size() == 3);
    CHECK_FALSE(t.key_points[0].result.has_value());
}

TEST_CASE("the live screen stays within a 40-column terminal") {
    TempDir home;
    PtySession tty(live_args(home.path() / "s"), live_environment(home.path()), 40, 20);
    REQUIRE(tty.wait_for("Enter start"));
    tty.send("\r");
    REQUIRE(tty.wait_for("phase 1/4"));
    REQUIRE(tty.wait_for("notes: 0"));
    end_and_skip_scoring(tty);
    CHECK(WIFEXITED(tty.wait_exit()));
    // The text between two line breaks (or a repaint's cursor-home), without escape sequences,
    // is what a line shows; none may be wider than the terminal.
    std::string plain;
    const std::string& out = tty.output();
    for (std::size_t i = 0; i < out.size(); ++i) {
        if (out[i] == '\x1b') {
            ++i; // skip to the sequence's final letter
            while (i < out.size() && !((out[i] >= 'A' && out[i] <= 'Z') ||
                                       (out[i] >= 'a' && out[i] <= 'z') || out[i] == '~'))
                ++i;
            if (i < out.size() && out[i] == 'H') plain += '\n'; // a repaint starts a new frame
            continue;
        }
        plain += out[i];
    }
    const std::size_t screen_end = plain.find("saved: "); // the summary after it is plain text
    std::size_t start = 0;
    std::size_t widest = 0;
    std::string widest_line;
    while (start < screen_end) {
        std::size_t end = plain.find('\n', start);
        if (end == std::string::npos || end > screen_end) end = screen_end;
        std::size_t columns = 0;
        for (std::size_t i = start; i < end; ++i)
            if ((static_cast<unsigned char>(plain[i]) & 0xC0) != 0x80 && plain[i] != '\r')
                ++columns;
        if (columns > widest) widest = columns, widest_line = plain.substr(start, end - start);
        start = end + 1;
    }
    INFO("widest line: ", widest_line);
    CHECK(widest <= 40);
}

TEST_CASE("in a 40x15 tmux pane the start key, the checklist and the key help all show") {
    TempDir home;
    PtySession tty(live_args(home.path() / "s", {"--no-bell"}), live_environment(home.path()), 40,
                   15);
    REQUIRE(tty.wait_for("Enter start the clock"));
    tty.send("\r");
    REQUIRE(tty.wait_for("phase 1/4"));
    REQUIRE(tty.wait_for("Functional requirements"));
    tty.send("?");
    REQUIRE(tty.wait_for("1-9    tick / untick that prompt"));
    REQUIRE(tty.wait_for("y/p/n  mark key points"));
    tty.send("?");
    tty.send("1");
    REQUIRE(tty.wait_for("\u2713"));
    end_and_skip_scoring(tty);
    CHECK(WIFEXITED(tty.wait_exit()));
}

TEST_CASE("SIGTERM on the live screen saves an interrupted transcript and restores the terminal") {
    TempDir home;
    const auto sessions = home.path() / "s";
    std::string command = "'" MOCKCOACH_BINARY "' start --question url-shortener --sessions-dir '" +
                          sessions.string() + "'; echo EXIT=$?; stty -a";
    PtySession tty({"/bin/sh", "-c", command}, live_environment(home.path()), 80, 24);
    REQUIRE(tty.wait_for("Enter start"));
    tty.send("\r");
    REQUIRE(tty.wait_for("phase 1/4"));
    tty.send("e");
    tty.send("before the signal\r");
    REQUIRE(tty.wait_for("notes: 1"));
    const int mockcoach = child_of(tty.pid());
    REQUIRE(mockcoach > 0);
    ::kill(mockcoach, SIGTERM);
    REQUIRE(tty.wait_for("EXIT=143"));
    tty.wait_exit();
    const std::string& out = tty.output();
    CHECK(out.find("\x1b[?1049l") != std::string::npos); // alternate screen left
    CHECK(out.find("\x1b[?25h") != std::string::npos);   // cursor shown
    const std::string stty = out.substr(out.find("EXIT=143"));
    CHECK(stty.find(" icanon") != std::string::npos); // line mode back
    CHECK(stty.find("-icanon") == std::string::npos);
    CHECK(stty.find(" echo ") != std::string::npos); // echo back
    CHECK(stty.find("-echo ") == std::string::npos);
    const auto t = only_transcript(sessions);
    CHECK(t.status == transcript::Status::interrupted);
    REQUIRE(t.phases[0].notes.size() == 1);
    CHECK(t.phases[0].notes[0].text == "before the signal");
}

TEST_CASE("Ctrl-C while a session_end hook runs stops the hook too, and exits 130") {
    // Hooks run in sessions of their own, so the terminal's Ctrl-C never reaches them: they
    // used to outlive mockcoach when it was interrupted while waiting for them.
    TempDir home;
    const auto sessions = home.path() / "s";
    write_hook_settings(home, "session_end", 60);
    PtySession tty(live_args(sessions, {"--no-bell"}), live_environment(home.path()), 80, 24);
    REQUIRE(tty.wait_for("Enter start"));
    tty.send("\r");
    REQUIRE(tty.wait_for("phase 1/4"));
    end_and_skip_scoring(tty);
    REQUIRE(tty.wait_for("saved: "));
    const int hook = hook_pid(home);
    REQUIRE(hook > 0);
    std::this_thread::sleep_for(std::chrono::milliseconds(300)); // into the wait for the hook
    tty.send("\x03");
    const int status = tty.wait_exit();
    CHECK(gone_within(hook, std::chrono::milliseconds(0)));
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 130);
    CHECK(tty.output().find("hook session_end was stopped before it finished") !=
          std::string::npos);
    CHECK(only_transcript(sessions).status == transcript::Status::ended_early);
}

TEST_CASE("a hanging hook is stopped at its timeout while the session is paused") {
    // Paused, the live screen slept until a key came, so a hook outran its timeout.
    TempDir home;
    write_hook_settings(home, "phase_end", 1);
    // At 600 times real speed the first phase's five minutes last half a second.
    PtySession tty(live_args(home.path() / "s", {"--no-bell", "--speed", "600"}),
                   live_environment(home.path()), 80, 24);
    REQUIRE(tty.wait_for("Enter start"));
    tty.send("\r");
    REQUIRE(tty.wait_for("over the 05:00 budget"));
    tty.send(" ");
    REQUIRE(tty.wait_for("PAUSED"));
    const int hook = hook_pid(home);
    REQUIRE(hook > 0);
    // Stopped after 1 s and reaped a tick later; without the fix it sleeps its 30 s.
    CHECK(gone_within(hook, std::chrono::milliseconds(10'000)));
    end_and_skip_scoring(tty);
    CHECK(WIFEXITED(tty.wait_exit()));
    CHECK(tty.output().find("hook phase_end was still running after 1 s") != std::string::npos);
}

TEST_CASE("kill -9 in the middle loses nothing typed: recover gives it all back") {
    TempDir home;
    const auto sessions = home.path() / "s";
    PtySession tty(live_args(sessions), live_environment(home.path()), 80, 24);
    REQUIRE(tty.wait_for("Enter start"));
    tty.send("\r");
    REQUIRE(tty.wait_for("phase 1/4"));
    tty.send("efirst\r");
    REQUIRE(tty.wait_for("notes: 1"));
    tty.send("n");
    REQUIRE(tty.wait_for("phase 2/4"));
    tty.send("esecond\r");
    REQUIRE(tty.wait_for("notes: 2"));
    tty.signal(SIGKILL);
    tty.wait_exit();
    CHECK(files_ending(sessions, ".toml").empty());
    REQUIRE(files_ending(sessions, ".journal").size() == 1);

    const RunResult recover =
        run_mockcoach({"recover", "--sessions-dir", sessions.string()}, with_home(home.path()));
    CHECK(recover.exit_code == 0);
    const auto t = only_transcript(sessions);
    CHECK(t.status == transcript::Status::interrupted);
    REQUIRE(t.phases[0].notes.size() == 1);
    CHECK(t.phases[0].notes[0].text == "first");
    REQUIRE(t.phases[1].notes.size() == 1);
    CHECK(t.phases[1].notes[0].text == "second");
    CHECK(files_ending(sessions, ".journal").empty());
}

TEST_SUITE_END();
