// Scripted mode's command lines: every command, comments and blanks, and each kind of mistake.
#include "session/script.hpp"

#include <doctest/doctest.h>

using namespace mockcoach;
using namespace mockcoach::session;

namespace {

ScriptEvent event_of(std::string_view line) {
    const auto parsed = parse_script_line(line);
    INFO("line: ", line);
    REQUIRE(parsed.has_value());
    REQUIRE(std::holds_alternative<ScriptCommand>(*parsed));
    const ScriptCommand& command = std::get<ScriptCommand>(*parsed);
    REQUIRE(std::holds_alternative<ScriptEvent>(command));
    return std::get<ScriptEvent>(command);
}

Millis wait_of(std::string_view line) {
    const auto parsed = parse_script_line(line);
    INFO("line: ", line);
    REQUIRE(parsed.has_value());
    REQUIRE(std::holds_alternative<ScriptCommand>(*parsed));
    const ScriptCommand& command = std::get<ScriptCommand>(*parsed);
    REQUIRE(std::holds_alternative<Wait>(command));
    return std::get<Wait>(command).duration;
}

std::string error_of(std::string_view line) {
    const auto parsed = parse_script_line(line);
    INFO("line: ", line);
    REQUIRE(parsed.has_value());
    REQUIRE(std::holds_alternative<ScriptError>(*parsed));
    return std::get<ScriptError>(*parsed).message;
}

} // namespace

TEST_SUITE_BEGIN("session/script");

TEST_CASE("commands without an argument become their events") {
    CHECK(event_of("next").kind == EventKind::next);
    CHECK(event_of("pause").kind == EventKind::pause);
    CHECK(event_of("resume").kind == EventKind::resume);
    CHECK(event_of("quit").kind == EventKind::quit);
    const ScriptEvent next = event_of("next");
    CHECK(next.text.empty());
    CHECK(next.number == 0);
}

TEST_CASE("commands with text keep the rest of the line, trimmed") {
    const ScriptEvent note = event_of("note  cache the   hot keys  ");
    CHECK(note.kind == EventKind::note);
    CHECK(note.text == "cache the   hot keys");
    CHECK(event_of("reflect Too slow at the start.").kind == EventKind::reflect);
    CHECK(event_of("reflect Too slow at the start.").text == "Too slow at the start.");
    CHECK(event_of("guess system-design").kind == EventKind::guess);
    CHECK(event_of("guess system-design").text == "system-design");
    CHECK(event_of("skip depth").kind == EventKind::skip);
    CHECK(event_of("skip depth").text == "depth");
    CHECK(event_of("note\tcaf\u00e9 #1").text == "caf\u00e9 #1");
}

TEST_CASE("score takes a criterion id and a whole number from 1 to 5") {
    const ScriptEvent score = event_of("score depth 4");
    CHECK(score.kind == EventKind::score);
    CHECK(score.text == "depth");
    CHECK(score.number == 4);
    CHECK(event_of("score structure 1").number == 1);
    CHECK(event_of("score structure\t5").number == 5);
}

TEST_CASE("extend takes minutes and wait takes seconds, both in milliseconds") {
    const ScriptEvent extend = event_of("extend 2");
    CHECK(extend.kind == EventKind::extend);
    CHECK(extend.number == 120'000);
    CHECK(event_of("extend 0.5").number == 30'000);
    CHECK(event_of("extend 1440").number == 86'400'000);
    CHECK(wait_of("wait 90") == 90'000);
    CHECK(wait_of("wait 1.5") == 1'500);
    CHECK(wait_of("wait 0") == 0);
    CHECK(wait_of("wait 0.0004") == 0);
    CHECK(wait_of("wait 86400") == 86'400'000);
}

TEST_CASE("blank lines and # comments are not commands") {
    CHECK_FALSE(parse_script_line("").has_value());
    CHECK_FALSE(parse_script_line("   ").has_value());
    CHECK_FALSE(parse_script_line("\t\r").has_value());
    CHECK_FALSE(parse_script_line("# the interview starts here").has_value());
    CHECK_FALSE(parse_script_line("   # indented comment").has_value());
}

TEST_CASE("a line ending in a carriage return reads like one without") {
    CHECK(event_of("next\r").kind == EventKind::next);
    CHECK(event_of("note hello\r").text == "hello");
}

TEST_CASE("a line holding a control character or broken UTF-8 is refused, not saved") {
    CHECK(error_of("note \x1b]0;pwned\x07") ==
          "the line holds the control character U+001B; only text can be typed");
    CHECK(error_of("say a\xc2\x9b"
                   "2J") == "the line holds the control character U+009B; only text can be typed");
    CHECK(error_of("reflect caf\xe9") ==
          "the line holds the invalid UTF-8 byte 0xE9; only text can be typed");
    CHECK(event_of("note a\ttab and caf\u00e9").text == "a\ttab and caf\u00e9");
}

TEST_CASE("an unknown command suggests the nearest one") {
    CHECK(error_of("nxt") == "unknown command \"nxt\"; did you mean \"next\"?");
    CHECK(error_of("scor depth 3") == "unknown command \"scor\"; did you mean \"score\"?");
}

TEST_CASE("an unknown command unlike any lists them all") {
    CHECK(error_of("xyzzy") ==
          "unknown command \"xyzzy\" (commands: " + std::string(script_help()) + ")");
    CHECK(script_help().find("wait SECONDS") != std::string_view::npos);
}

TEST_CASE("score without a whole number from 1 to 5 is an error") {
    const std::string message = "score needs a criterion id and a whole number from 1 to 5";
    CHECK(error_of("score 6") == message);
    CHECK(error_of("score x 3.5") == message);
    CHECK(error_of("score depth 6") == message);
    CHECK(error_of("score depth 0") == message);
    CHECK(error_of("score depth") == message);
    CHECK(error_of("score depth four") == message);
    CHECK(error_of("score") == message);
}

TEST_CASE("wait and extend refuse what is not a number in range") {
    const std::string wait = "wait needs a number of seconds from 0 to 86400";
    const std::string extend = "extend needs a number of minutes from 0 to 1440";
    CHECK(error_of("wait -1") == wait);
    CHECK(error_of("wait") == wait);
    CHECK(error_of("wait 86401") == wait);
    CHECK(error_of("wait 10s") == wait);
    CHECK(error_of("wait inf") == wait);
    CHECK(error_of("wait nan") == wait);
    CHECK(error_of("extend abc") == extend);
    CHECK(error_of("extend -2") == extend);
    CHECK(error_of("extend 1441") == extend);
}

TEST_CASE("commands that need text refuse to go without, and bare ones refuse an argument") {
    CHECK(error_of("note") == "note needs some text");
    CHECK(error_of("note   ") == "note needs some text");
    CHECK(error_of("reflect") == "reflect needs some text");
    CHECK(error_of("guess") == "guess needs some text");
    CHECK(error_of("skip") == "skip needs some text");
    CHECK(error_of("next phase") == "next takes no argument");
    CHECK(error_of("quit now") == "quit takes no argument");
}

TEST_SUITE_END();
