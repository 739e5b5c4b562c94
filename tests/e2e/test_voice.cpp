// The spoken interviewer through the real binary: what it says and in what order (a stand-in
// command that writes down what it was asked to say), the refusal when the speaking command is
// missing, and once the real espeak-ng writing a WAV file.
#include "../strings.hpp"
#include "run_binary.hpp"
#include "session_files.hpp"

#include <cstdint>
#include <doctest/doctest.h>
#include <fstream>

using namespace mockcoach::testing;
namespace fs = std::filesystem;

namespace {

struct Home {
    TempDir home;
    explicit Home(const std::string& settings = "") {
        if (!settings.empty()) home.write(".config/mockcoach/config.toml", settings);
    }
    RunResult run(std::vector<std::string> args, const std::string& input,
                  std::vector<std::string> env = {}) const {
        args.insert(args.end(), {"--sessions-dir", (home.path() / "sessions").string()});
        RunOptions options = with_home(home.path());
        options.input = input;
        options.env = std::move(env);
        return run_mockcoach(args, options);
    }
    fs::path path(const std::string& name) const { return home.path() / name; }
};

const std::vector<std::string> url_voice = {
    "start", "--question", "url-shortener", "--clock", "virtual", "--seed", "3", "--voice"};

// A stand-in for espeak-ng: appends what it reads to said.txt, one utterance a line.
const std::string recorder_settings = "voice_command = 'cat >> \"$HOME/said.txt\"'\n";

std::uint32_t little_endian(const std::string& bytes, std::size_t at) {
    std::uint32_t value = 0;
    for (std::size_t i = 0; i < 4; ++i)
        value |= static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + i])) << (8 * i);
    return value;
}

} // namespace

TEST_SUITE_BEGIN("e2e/voice");

TEST_CASE("--voice says the question, each phase, each follow-up and two minutes left, in order") {
    const Home home(recorder_settings);
    const RunResult run =
        home.run(url_voice, "wait 100\nwait 200\nnext\nwait 500\nquit\nscore depth 3\n");
    REQUIRE(run.exit_code == 0);
    CHECK(run.err.empty());
    const std::vector<std::string> said = lines_of(slurp(home.path("said.txt")));
    CHECK(said == std::vector<std::string>{
                      "Your question. Design a URL shortening service that handles 100 million "
                      "new links a month.",
                      "Phase 1 of 4: Requirements. 5 minutes.",
                      "Do links ever expire, and can users pick their own custom alias?",
                      "Time is up for Requirements.",
                      "Phase 2 of 4: High-Level Design. 10 minutes.",
                      "Two minutes left in High-Level Design.",
                      "Time. Check your answer against the key points, then score it.",
                  });
}

TEST_CASE("without --voice, or with --no-voice over the setting, nothing is said") {
    const Home home(recorder_settings);
    std::vector<std::string> args(url_voice.begin(), url_voice.end() - 1);
    CHECK(home.run(args, "wait 100\nquit\n").exit_code == 0);
    args.push_back("--no-voice");
    const Home set(recorder_settings + "voice = true\n");
    CHECK(set.run(args, "wait 100\nquit\n").exit_code == 0);
    CHECK_FALSE(fs::exists(home.path("said.txt")));
    CHECK_FALSE(fs::exists(set.path("said.txt")));
}

TEST_CASE("--voice without espeak-ng is refused before the clock starts, with the install line") {
    const Home home;
    const RunResult run = home.run(url_voice, "wait 100\nquit\n", {"PATH=/nonexistent"});
    CHECK(run.exit_code == 2);
    CHECK(contains(run.err, "--voice speaks through espeak-ng, which is not installed; install it "
                            "with `sudo apt install espeak-ng`"));
    CHECK(run.out.empty()); // no question shown, no clock started
    const bool journal_left = fs::exists(home.path("sessions")) &&
                              !files_ending(home.path("sessions"), ".journal").empty();
    CHECK_FALSE(journal_left);

    const Home named("voice = true\nvoice_command = \"say-it-loud --fast\"\n");
    const RunResult missing = named.run({"start", "--question", "url-shortener"}, "quit\n");
    CHECK(missing.exit_code == 2);
    CHECK(contains(missing.err, "voice = true (config.toml:1): voice_command (config.toml:2) "
                                "runs \"say-it-loud\", which is not installed or not on PATH"));
}

TEST_CASE("the real espeak-ng speaks the session's last words into a WAV file of fitting length") {
    if (!fs::exists("/usr/bin/espeak-ng")) {
        MESSAGE("skipped: espeak-ng is not installed (CI installs it: .ci/test-tools)");
        return;
    }
    const Home home("voice_command = 'espeak-ng --stdin -w \"$HOME/said.wav\"'\n");
    const RunResult run = home.run(url_voice, "quit\n");
    REQUIRE(run.exit_code == 0);
    CHECK(run.err.empty());
    const std::string wav = slurp(home.path("said.wav"));
    REQUIRE(wav.size() > 44);
    CHECK(wav.substr(0, 4) == "RIFF");
    CHECK(wav.substr(8, 8) == "WAVEfmt ");
    const std::uint32_t rate = little_endian(wav, 24);
    const std::uint32_t bytes_per_second = little_endian(wav, 28);
    CHECK(rate == 22050);
    REQUIRE(bytes_per_second > 0);
    // The last utterance, "Time. Check your answer against the key points, then score it.",
    // takes a few seconds at espeak-ng's default 175 words a minute.
    const double seconds = static_cast<double>(wav.size() - 44) / bytes_per_second;
    CHECK(seconds > 1.5);
    CHECK(seconds < 8.0);
}

TEST_SUITE_END();
