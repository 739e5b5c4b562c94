// The voice's process handling: finding the speaking program as the shell would, speaking one
// utterance after another, and counting the failures.
#include "hooks/voice.hpp"

#include "../strings.hpp"
#include "../temp_folder.hpp"

#include <doctest/doctest.h>

using namespace mockcoach;
using mockcoach::test_folders::TempFolder;

TEST_SUITE_BEGIN("hooks/voice");

TEST_CASE("the program of a command is its first word, found on PATH or by its own path") {
    CHECK(hooks::program_name("  espeak-ng --stdin -v en") == "espeak-ng");
    CHECK(hooks::program_name("   ") == "");
    CHECK(hooks::find_program("sh -c 'cat'", "/nonexistent:/bin") == "/bin/sh");
    CHECK(hooks::find_program("/bin/sh -c 'cat'", "") == "/bin/sh");
    CHECK_FALSE(hooks::find_program("no-such-speaker --fast", "/bin:/usr/bin"));
    CHECK_FALSE(hooks::find_program("/bin", "/bin")); // a folder is not a program
    CHECK_FALSE(hooks::find_program("", "/bin"));
}

TEST_CASE("utterances are spoken one after another, in order, never over each other") {
    const TempFolder folder;
    const auto file = folder.path() / "said.txt";
    // Each utterance takes a while and notes when it starts and ends: overlaps would interleave.
    hooks::Voice voice("read line; echo \"start $line\" >> '" + file.string() +
                       "'; sleep 0.05; echo \"end $line\" >> '" + file.string() + "'");
    voice.say("one");
    voice.say("two");
    voice.say("three");
    CHECK(voice.busy());
    voice.finish(std::chrono::seconds(10));
    CHECK_FALSE(voice.busy());
    CHECK(mockcoach::testing::slurp(file) ==
          "start one\nend one\nstart two\nend two\nstart three\nend three\n");
    CHECK(voice.failures() == 0);
}

TEST_CASE("a command that fails or ignores its input is counted, not fatal") {
    hooks::Voice voice("exit 3");
    voice.say("anything");
    voice.say("more");
    voice.finish(std::chrono::seconds(10));
    CHECK(voice.failures() == 2);
    hooks::Voice deaf("true"); // does not read: the write may meet a closed pipe
    deaf.say(std::string(100, 'x'));
    deaf.finish(std::chrono::seconds(10));
    CHECK(deaf.failures() == 0);
}

TEST_CASE("finish stops what is still speaking after its limit") {
    hooks::Voice slow("sleep 30");
    slow.say("a long speech");
    const auto before = std::chrono::steady_clock::now();
    slow.finish(std::chrono::milliseconds(100));
    CHECK(std::chrono::steady_clock::now() - before < std::chrono::seconds(5));
    CHECK_FALSE(slow.busy());
}

TEST_SUITE_END();
