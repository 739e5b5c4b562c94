// The settings file: what it accepts, how it reports mistakes, and which value wins.
#include "settings/settings.hpp"
#include "util/errors.hpp"

#include "../strings.hpp"
#include "../temp_folder.hpp"

#include <doctest/doctest.h>
#include <map>
#include <string>

using namespace mockcoach;
using namespace mockcoach::settings;

namespace {

std::map<std::string, std::string> fake_env;
const char* fake_getenv(const char* name) {
    const auto found = fake_env.find(name);
    return found == fake_env.end() ? nullptr : found->second.c_str();
}

std::vector<std::string> messages(const Diagnostics& problems) {
    std::vector<std::string> lines;
    for (const Diagnostic& d : problems) lines.push_back(format_diagnostic(d));
    return lines;
}

const char* const full = R"(# my defaults
sessions = "/data/interviews"
bell = false
auto_advance = true
adaptive = true
colour = "never"
star_seconds = 90
categories = ["ml-system-design", "dsa"]

[hooks]
phase_end = "notify-send mockcoach \"$MOCKCOACH_PHASE is up\""
overtime = "paplay bell.oga"
session_end = "cp \"$MOCKCOACH_TRANSCRIPT\" ~/backup/"
timeout = 5
)";

} // namespace

TEST_SUITE_BEGIN("settings/settings");

TEST_CASE("every setting is read with the line it was written on") {
    Diagnostics problems;
    const Settings s = parse_settings("config.toml", full, problems);
    CHECK(problems.empty());
    CHECK(*s.sessions == "/data/interviews");
    CHECK(s.sessions.place.line == 2);
    CHECK(*s.bell == false);
    CHECK(*s.auto_advance);
    CHECK(*s.adaptive);
    CHECK(*s.colour == ColourChoice::never);
    CHECK(*s.star_seconds == 90);
    CHECK(*s.categories == std::vector<std::string>{"ml-system-design", "dsa"});
    CHECK(*s.phase_end == "notify-send mockcoach \"$MOCKCOACH_PHASE is up\"");
    CHECK(s.phase_end.place.line == 11);
    CHECK(*s.hook_timeout == 5);
}

TEST_CASE("every mistake is reported at its place, unknown keys with a suggestion") {
    Diagnostics problems;
    (void)parse_settings("config.toml",
                         "sesions = \"/x\"\nbell = \"yes\"\ncolour = \"blue\"\nstar_seconds = 5\n"
                         "[hooks]\nphase_ends = \"x\"\ntimeout = 0\n",
                         problems);
    CHECK(messages(problems) ==
          std::vector<std::string>{
              "config.toml:1:1: error: unknown key \"sesions\" in the settings; did you mean "
              "\"sessions\"?",
              "config.toml:2:8: error: \"bell\" must be true or false, not a string",
              "config.toml:3:10: error: \"colour\" is \"blue\"; use \"auto\", \"always\" or "
              "\"never\"",
              "config.toml:4:16: error: \"star_seconds\" is 5; use 20 to 3600",
              "config.toml:6:1: error: unknown key \"phase_ends\" in [hooks]; did you mean "
              "\"phase_end\"?",
              "config.toml:7:11: error: \"timeout\" is 0 seconds; use 1 to 600",
          });
}

TEST_CASE("a syntax error is reported by the same pre-scan and parser as a rubric") {
    Diagnostics problems;
    (void)parse_settings("config.toml", "bell = true\n\xc3\xa9 = 1\n", problems);
    REQUIRE(problems.size() == 1);
    CHECK(format_diagnostic(problems[0]).starts_with("config.toml:2:1: error: "));
}

TEST_CASE("an option beats the environment, the environment the file, the file the default") {
    Diagnostics problems;
    const Settings s = parse_settings("/home/u/.config/mockcoach/config.toml", full, problems);
    const Settings none;
    fake_env.clear();

    auto folder = sessions_folder(s, std::string("/opt"), fake_getenv);
    CHECK(folder.value == "/opt");
    CHECK(folder.source == Source::option);
    fake_env["MOCKCOACH_SESSIONS"] = "/env";
    folder = sessions_folder(s, std::nullopt, fake_getenv);
    CHECK(folder.value == "/env");
    CHECK(folder.source == Source::environment);
    fake_env.clear();
    folder = sessions_folder(s, std::nullopt, fake_getenv);
    CHECK(folder.value == "/data/interviews");
    CHECK(folder.detail == "config.toml:2");
    CHECK(sessions_folder(none, std::nullopt, fake_getenv).source == Source::fallback);

    CHECK(bell(s, std::nullopt).value == false);
    CHECK(bell(s, true).value == true);
    CHECK(bell(none, std::nullopt).value == true);
    CHECK(auto_advance(s, false).value == false);
    CHECK(auto_advance(s, std::nullopt).value == true);

    fake_env["MOCKCOACH_ADAPTIVE"] = "0";
    CHECK(adaptive(s, std::nullopt, fake_getenv).value == false);
    CHECK(adaptive(s, true, fake_getenv).value == true);
    fake_env["MOCKCOACH_ADAPTIVE"] = "yes";
    CHECK_THROWS_WITH_AS(adaptive(s, std::nullopt, fake_getenv),
                         "MOCKCOACH_ADAPTIVE is \"yes\"; use 1 (on) or 0 (off)", UsageError);
    CHECK(adaptive(s, false, fake_getenv).value == false); // an option never reads it
    fake_env.clear();
    CHECK(adaptive(s, std::nullopt, fake_getenv).source == Source::file);

    fake_env["NO_COLOR"] = "1";
    CHECK(colour(none, fake_getenv).value == ColourChoice::never);
    fake_env.clear();
    CHECK(colour(none, fake_getenv).value == ColourChoice::automatic);

    CHECK(star_seconds(s, std::nullopt).value == 90);
    CHECK(star_seconds(none, std::nullopt).value == std::nullopt);
    CHECK(categories(s, {"nlp"}).value == std::vector<std::string>{"nlp"});
    CHECK(categories(none, {}).value.empty());

    const HookSettings hooks = hook_settings(s, std::string("echo now"), false);
    CHECK(*hooks.phase_end.value == "echo now");
    CHECK(hooks.phase_end.source == Source::option);
    CHECK(*hooks.overtime.value == "paplay bell.oga");
    CHECK(hooks.timeout_seconds.value == 5);
    const HookSettings off = hook_settings(s, std::nullopt, true);
    CHECK_FALSE(off.phase_end.value);
    CHECK_FALSE(off.session_end.value);
    CHECK(hook_settings(none, std::nullopt, false).timeout_seconds.value == 10);
}

TEST_CASE("describe lists every setting once, with where it came from") {
    Diagnostics problems;
    const Settings s = parse_settings("config.toml", "bell = false\n", problems);
    fake_env.clear();
    fake_env["MOCKCOACH_SESSIONS"] = "/env";
    const auto lines = describe(s, std::nullopt, fake_getenv);
    std::vector<std::string> names;
    for (const Line& line : lines) names.push_back(line.name);
    CHECK(names == std::vector<std::string>{
                       "sessions", "bell", "auto_advance", "followups", "voice", "voice_command",
                       "scratch", "adaptive", "adaptive_strength", "retention", "colour",
                       "star_seconds", "star_typing_wpm", "categories", "hooks.phase_end",
                       "hooks.overtime", "hooks.session_end", "hooks.timeout"});
    CHECK(lines[0].value == "/env");
    CHECK(lines[0].source == Source::environment);
    CHECK(lines[1].value == "off");
    CHECK(lines[1].detail == "config.toml:1");
    CHECK(lines[2].source == Source::fallback);
    fake_env.clear();
}

TEST_CASE("retention is read, checked against 0.70 to 0.99, and 0.9 by default") {
    Diagnostics problems;
    const Settings s = parse_settings("config.toml", "retention = 0.85\n", problems);
    CHECK(problems.empty());
    CHECK(retention(s).value == 0.85);
    CHECK(retention(s).detail == "config.toml:1");
    CHECK(retention(Settings{}).value == 0.9);
    CHECK(retention(Settings{}).source == Source::fallback);
    Diagnostics bad;
    const Settings lax = parse_settings("config.toml", "\nretention = 0.5\n", bad);
    REQUIRE(bad.size() == 1);
    CHECK(format_diagnostic(bad[0]) ==
          "config.toml:2:13: error: \"retention\" is 0.5; use 0.70 to 0.99 (the recall a "
          "question should still have when it comes due)");
    CHECK_FALSE(lax.retention);
    Diagnostics word;
    parse_settings("config.toml", "retention = \"high\"\n", word);
    CHECK(word.size() == 1);
    Diagnostics whole;
    const Settings one = parse_settings("config.toml", "retention = 1\n", whole);
    CHECK(whole.size() == 1); // 1.0 would never let a question go: refused
    CHECK_FALSE(one.retention);
}

TEST_CASE("star_typing_wpm is read, checked against 10 to 150, and 40 by default") {
    Diagnostics problems;
    const Settings s = parse_settings("config.toml", "star_typing_wpm = 60\n", problems);
    CHECK(problems.empty());
    CHECK(star_typing_wpm(s).value == 60);
    CHECK(star_typing_wpm(s).detail == "config.toml:1");
    CHECK(star_typing_wpm(Settings{}).value == 40);
    CHECK(star_typing_wpm(Settings{}).source == Source::fallback);
    Diagnostics bad;
    const Settings slow = parse_settings("config.toml", "\nstar_typing_wpm = 5\n", bad);
    REQUIRE(bad.size() == 1);
    CHECK(format_diagnostic(bad[0]) ==
          "config.toml:2:19: error: \"star_typing_wpm\" is 5; use 10 to 150 (words a minute)");
    CHECK_FALSE(slow.star_typing_wpm);
}

TEST_CASE("adaptive_strength is read, checked against 0 to 3, 1 by default; an option wins") {
    Diagnostics problems;
    const Settings s = parse_settings("config.toml", "adaptive_strength = 2.5\n", problems);
    CHECK(problems.empty());
    CHECK(adaptive_strength(s, std::nullopt).value == 2.5);
    CHECK(adaptive_strength(s, std::nullopt).detail == "config.toml:1");
    CHECK(adaptive_strength(s, 0.0).value == 0.0);
    CHECK(adaptive_strength(s, 0.0).source == Source::option);
    CHECK(adaptive_strength(Settings{}, std::nullopt).value == 1.0);
    CHECK(adaptive_strength(Settings{}, std::nullopt).source == Source::fallback);
    for (const char* text :
         {"adaptive_strength = 3.5\n", "adaptive_strength = -1\n", "adaptive_strength = nan\n"}) {
        CAPTURE(text);
        Diagnostics bad;
        const Settings wild = parse_settings("config.toml", text, bad);
        REQUIRE(bad.size() == 1);
        CHECK(format_diagnostic(bad[0]).starts_with(
            "config.toml:1:21: error: \"adaptive_strength\" is "));
        CHECK(
            mockcoach::testing::contains(format_diagnostic(bad[0]), "use 0 (the plain draw) to 3"));
        CHECK_FALSE(wild.adaptive_strength);
    }
}

TEST_CASE("followups default on, voice off, voice_command espeak-ng; options win over the file") {
    CHECK(followups(Settings{}, std::nullopt).value);
    CHECK_FALSE(voice(Settings{}, std::nullopt).value);
    CHECK(voice_command(Settings{}).value == "espeak-ng --stdin");
    Diagnostics problems;
    const Settings s = parse_settings(
        "config.toml", "followups = false\nvoice = true\nvoice_command = \"say -f -\"\n", problems);
    CHECK(problems.empty());
    CHECK_FALSE(followups(s, std::nullopt).value);
    CHECK(followups(s, std::nullopt).detail == "config.toml:1");
    CHECK(followups(s, true).value);
    CHECK(followups(s, true).detail == "--followups");
    CHECK(voice(s, std::nullopt).value);
    CHECK_FALSE(voice(s, false).value);
    CHECK(voice(s, false).detail == "--no-voice");
    CHECK(voice_command(s).value == "say -f -");
    CHECK(voice_command(s).detail == "config.toml:3");
    Diagnostics bad;
    const Settings blank = parse_settings("config.toml", "voice_command = \"  \"\n", bad);
    REQUIRE(bad.size() == 1);
    CHECK(format_diagnostic(bad[0]) == "config.toml:1:17: error: \"voice_command\" must name a "
                                       "command (it reads the text on standard input)");
    CHECK_FALSE(blank.voice_command);
}

TEST_CASE("a leading ~/ in the sessions folder is the home folder") {
    const char* home = std::getenv("HOME");
    REQUIRE(home != nullptr);
    CHECK(expand_home("~/prep") == std::string(home) + "/prep");
    CHECK(expand_home("/abs/~/x") == "/abs/~/x");
    CHECK(expand_home("~other/x") == "~other/x");
}

TEST_CASE(
    "a relative sessions folder is read from the settings file's folder, not the current one") {
    Diagnostics problems;
    fake_env.clear();
    const Settings relative = parse_settings("/home/u/.config/mockcoach/config.toml",
                                             "sessions = \"prep/s\"\n", problems);
    CHECK(sessions_folder(relative, std::nullopt, fake_getenv).value ==
          "/home/u/.config/mockcoach/prep/s");
    const Settings absolute = parse_settings("/home/u/.config/mockcoach/config.toml",
                                             "sessions = \"/srv/s\"\n", problems);
    CHECK(sessions_folder(absolute, std::nullopt, fake_getenv).value == "/srv/s");
    CHECK(problems.empty());
}

TEST_CASE("settings that cannot be read are an error, not the defaults in silence") {
    const test_folders::TempFolder folder;
    std::ofstream(folder.path() / "config") << "not a folder";
    Diagnostics problems;
    const Settings loaded = load_settings(folder.path() / "config" / "config.toml", problems);
    CHECK_FALSE(loaded.exists);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].severity == Severity::error);
    CHECK(problems[0].message.starts_with("cannot read the settings: "));
    Diagnostics none;
    CHECK_FALSE(load_settings(folder.path() / "absent" / "config.toml", none).exists);
    CHECK(none.empty());
}

TEST_CASE("scratch is off by default, read from the file, and an option wins") {
    CHECK_FALSE(scratch(Settings{}, std::nullopt).value);
    CHECK(scratch(Settings{}, std::nullopt).source == Source::fallback);
    Diagnostics problems;
    const Settings s = parse_settings("config.toml", "bell = true\nscratch = true\n", problems);
    CHECK(problems.empty());
    CHECK(scratch(s, std::nullopt).value);
    CHECK(scratch(s, std::nullopt).detail == "config.toml:2");
    CHECK_FALSE(scratch(s, false).value);
    CHECK(scratch(s, false).detail == "--no-scratch");
    CHECK(scratch(Settings{}, true).detail == "--scratch");
    Diagnostics bad;
    parse_settings("config.toml", "scratch = \"yes\"\n", bad);
    REQUIRE(bad.size() == 1);
    CHECK(format_diagnostic(bad[0]) ==
          "config.toml:1:11: error: \"scratch\" must be true or false, not a string");
}

TEST_SUITE_END();
