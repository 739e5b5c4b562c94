// Transcript TOML: what to_toml writes reads back field for field, and what a user broke by hand
// is reported at its exact line and column.
#include "transcript/transcript.hpp"

#include <doctest/doctest.h>
#include <string>

using namespace mockcoach;
using namespace mockcoach::transcript;

namespace {

WallTime at(int year, int month, int day, int hour, int minute, int second, int offset_minutes) {
    return from_civil({{year, month, day}, hour, minute, second}, offset_minutes);
}

// Text with everything a TOML basic string has to escape, and some that it must not. No other
// control character: a transcript holding one is refused (see below), and nothing that types
// text lets one in.
const std::string awkward = "say \"hi\" \\ back\\slash\nnew line\ttab\r\nCRLF"
                            " caf\u00e9 \u65e5\u672c \U0001F389 end";

Transcript full_transcript() {
    Transcript t;
    t.id = "20250314-091500-system-design-url-shortener";
    t.status = Status::ended_early;
    t.started_at = at(2025, 3, 14, 9, 15, 0, -300);
    t.ended_at = at(2025, 3, 14, 9, 52, 7, -210);
    t.rubric = "system-design";
    t.rubric_name = "System Design";
    t.question_id = "url-shortener";
    t.question = "Q: " + awkward;
    t.seed = 1234567890123;
    t.speed = 2.5;
    t.clock = "virtual";
    t.mode = "interview";
    t.reflection = "first line\nsecond " + awkward;
    t.category_guess = "coding";
    t.category_guess_correct = false;
    t.phases.push_back(
        {"Clarify", 300, 60, 412, 15, 52, {{0, "note " + awkward}, {95, "two"}}, ""});
    t.phases.push_back({"Design \u00e9", 600, 0, 0, 0, 0, {}, "what I said: " + awkward});
    t.scores.push_back({"structure", "Structure \"S\"", 4});
    t.scores.push_back({"depth", "Technical depth", 1});
    t.skipped = {"communication", "odd \\ id"};
    t.mean_score = mean_of(t.scores);
    return t;
}

// A small transcript that reads without a problem; each error test breaks one line of it.
const std::string valid = R"(format = 1
id = "s1"
status = "completed"
started_at = 2025-01-01T09:00:00Z
ended_at = 2025-01-01T09:30:00Z
rubric = "coding"
question_id = "two-sum"
question = "Find two numbers."

[[phase]]
name = "Plan"
budget_seconds = 60
used_seconds = 50
paused_seconds = 0
overtime_seconds = 0

[[score]]
criterion = "testing"
value = 3
)";

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const auto where = text.find(from);
    REQUIRE(where != std::string::npos);
    return text.replace(where, from.size(), to);
}

Diagnostics problems_of(const std::string& text) {
    Diagnostics diagnostics;
    const auto result = read_transcript("t.toml", text, diagnostics);
    CHECK_FALSE(result.has_value());
    return diagnostics;
}

} // namespace

TEST_SUITE_BEGIN("transcript/transcript");

TEST_CASE("a transcript written by to_toml reads back field by field") {
    const Transcript t = full_transcript();
    Diagnostics diagnostics;
    const auto back = read_transcript("t.toml", to_toml(t), diagnostics);
    REQUIRE(diagnostics.empty());
    REQUIRE(back.has_value());

    CHECK(back->id == t.id);
    CHECK(back->status == Status::ended_early);
    CHECK(back->started_at == t.started_at);
    CHECK(back->ended_at == t.ended_at);
    CHECK(back->started_at.offset_minutes == -300);
    CHECK(back->ended_at.offset_minutes == -210);
    CHECK(back->rubric == t.rubric);
    CHECK(back->rubric_name == t.rubric_name);
    CHECK(back->question_id == t.question_id);
    CHECK(back->question == t.question);
    CHECK(back->seed == 1234567890123);
    CHECK(back->speed == 2.5);
    CHECK(back->clock == "virtual");
    CHECK(back->mode == "interview");
    CHECK(back->reflection == t.reflection);
    CHECK(back->category_guess == "coding");
    CHECK(back->category_guess_correct == false);
    CHECK(back->skipped == t.skipped);

    REQUIRE(back->phases.size() == 2);
    for (std::size_t i = 0; i < 2; ++i) {
        CAPTURE(i);
        const Phase& want = t.phases[i];
        const Phase& got = back->phases[i];
        CHECK(got.name == want.name);
        CHECK(got.budget_seconds == want.budget_seconds);
        CHECK(got.extended_seconds == want.extended_seconds);
        CHECK(got.used_seconds == want.used_seconds);
        CHECK(got.paused_seconds == want.paused_seconds);
        CHECK(got.overtime_seconds == want.overtime_seconds);
        CHECK(got.text == want.text);
        REQUIRE(got.notes.size() == want.notes.size());
        for (std::size_t n = 0; n < want.notes.size(); ++n) {
            CHECK(got.notes[n].at_seconds == want.notes[n].at_seconds);
            CHECK(got.notes[n].text == want.notes[n].text);
        }
    }
    REQUIRE(back->scores.size() == 2);
    CHECK(back->scores[0].criterion == "structure");
    CHECK(back->scores[0].name == "Structure \"S\"");
    CHECK(back->scores[0].value == 4);
    CHECK(back->scores[1].criterion == "depth");
    CHECK(back->scores[1].value == 1);
    REQUIRE(back->mean_score.has_value());
    CHECK(*back->mean_score == doctest::Approx(2.5));
}

TEST_CASE("a transcript without a guess, scores or skips reads back without them") {
    Transcript t = full_transcript();
    t.category_guess.reset();
    t.category_guess_correct.reset();
    t.scores.clear();
    t.skipped.clear();
    t.mean_score.reset();
    t.status = Status::interrupted;
    t.started_at = at(2025, 12, 31, 23, 59, 59, 0);
    const std::string text = to_toml(t);
    CHECK(text.find("category_guess") == std::string::npos);
    CHECK(text.find("mean_score") == std::string::npos);
    CHECK(text.find("started_at = 2025-12-31T23:59:59Z\n") != std::string::npos);
    Diagnostics diagnostics;
    const auto back = read_transcript("t.toml", text, diagnostics);
    REQUIRE(back.has_value());
    CHECK(back->status == Status::interrupted);
    CHECK_FALSE(back->category_guess.has_value());
    CHECK_FALSE(back->category_guess_correct.has_value());
    CHECK(back->scores.empty());
    CHECK(back->skipped.empty());
    CHECK_FALSE(back->mean_score.has_value());
}

TEST_CASE("control characters are written as escapes, so the file stays one line per key") {
    Transcript t = full_transcript();
    t.reflection += std::string("\x01\x1f\x7f", 3) + std::string(1, '\0');
    const std::string text = to_toml(t);
    CHECK(text.find("\\u0001\\u001F\\u007F\\u0000") != std::string::npos);
    CHECK(text.find("\\\"hi\\\" \\\\ back\\\\slash\\nnew line\\ttab\\r\\nCRLF") !=
          std::string::npos);
    CHECK(text.find('\t') == std::string::npos);
    CHECK(text.find('\r') == std::string::npos);
    CHECK(text.find(std::string(1, '\0')) == std::string::npos);
    CHECK(text.find("caf\u00e9 \u65e5\u672c") != std::string::npos); // non-ASCII as it is
}

TEST_CASE("dates keep their UTC offset, negative ones included") {
    CHECK(toml_date_time(at(2025, 3, 14, 9, 5, 7, -300)) == "2025-03-14T09:05:07-05:00");
    CHECK(toml_date_time(at(2025, 3, 14, 9, 5, 7, -210)) == "2025-03-14T09:05:07-03:30");
    CHECK(toml_date_time(at(2025, 3, 14, 9, 5, 7, 330)) == "2025-03-14T09:05:07+05:30");
    CHECK(toml_date_time(at(2025, 3, 14, 9, 5, 7, 0)) == "2025-03-14T09:05:07Z");
}

TEST_CASE("floats are written with a decimal point") {
    CHECK(toml_float(1) == "1.0");
    CHECK(toml_float(2.5) == "2.5");
    CHECK(toml_float(0.1) == "0.1");
}

TEST_CASE("the hand-written valid transcript reads without problems") {
    Diagnostics diagnostics;
    const auto t = read_transcript("t.toml", valid, diagnostics);
    CHECK(diagnostics.empty());
    REQUIRE(t.has_value());
    CHECK(t->rubric_name == "coding"); // defaults to the rubric id
    CHECK(t->mode == "interview");
    CHECK(t->speed == 1);
    CHECK(t->clock == "real");
    CHECK(t->scores[0].name == "testing");
    CHECK(t->mean_score == 3.0);
}

TEST_CASE("a missing key is reported at the top of its table") {
    const Diagnostics top = problems_of(replaced(valid, "question_id = \"two-sum\"\n", ""));
    REQUIRE(top.size() == 1);
    CHECK(top[0].path == "t.toml");
    CHECK(top[0].line == 1);
    CHECK(top[0].column == 1);
    CHECK(top[0].severity == Severity::error);
    CHECK(top[0].message == "the transcript is missing the key \"question_id\"");

    const Diagnostics phase = problems_of(replaced(valid, "used_seconds = 50\n", ""));
    REQUIRE(phase.size() == 1);
    CHECK(phase[0].line == 10);
    CHECK(phase[0].column == 1);
    CHECK(phase[0].message == "[[phase]] is missing the key \"used_seconds\"");
}

TEST_CASE("an unknown status is reported at its value") {
    const Diagnostics problems =
        problems_of(replaced(valid, "status = \"completed\"", "status = \"finished\""));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].line == 3);
    CHECK(problems[0].column == 10);
    CHECK(problems[0].message ==
          "status \"finished\" is not completed, ended-early or interrupted");
}

TEST_CASE("a control character written as an escape is reported at its string") {
    const Diagnostics problems =
        problems_of(replaced(valid, "status = \"completed\"", "status = \"\\u009b2J\""));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].line == 3);
    CHECK(problems[0].column == 10);
    CHECK(problems[0].message == "\"status\" holds the control character U+009B; text may not "
                                 "hold control characters (tabs and line breaks are fine)");
}

TEST_CASE("a score value of 7 is reported at its value") {
    const Diagnostics problems = problems_of(replaced(valid, "value = 3", "value = 7"));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].line == 19);
    CHECK(problems[0].column == 9);
    CHECK(problems[0].message == "score \"value\" must be 1 to 5");
}

TEST_CASE("a transcript of a newer format is refused at its format number, asking for an upgrade") {
    const Diagnostics problems = problems_of(replaced(valid, "format = 1", "format = 4"));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].line == 1);
    CHECK(problems[0].column == 10);
    CHECK(problems[0].message ==
          "transcript format 4 is newer than this mockcoach reads (1 to 3); upgrade mockcoach");
}

TEST_CASE("a round of a loop is written as format 3 and reads back with its place") {
    Transcript t = full_transcript();
    CHECK(format_of(t) == 1);
    t.loop = LoopPlace{"20250314-090000-ml-engineer-onsite", 2, 4};
    const std::string text = to_toml(t);
    CHECK(text.starts_with("# mockcoach transcript: one mock interview. Safe to read and "
                           "edit.\nformat = 3\n"));
    CHECK(text.find("loop = \"20250314-090000-ml-engineer-onsite\"\nround = 2\nrounds = 4\n") !=
          std::string::npos);
    CHECK(text.find("round_question") == std::string::npos); // one question: no more keys
    Diagnostics diagnostics;
    auto back = read_transcript("t.toml", text, diagnostics);
    REQUIRE(back);
    CHECK(back->loop == t.loop);
    t.loop = LoopPlace{"x", 4, 4, 3, 4};
    back = read_transcript("t.toml", to_toml(t), diagnostics);
    REQUIRE(back);
    CHECK(back->loop == t.loop);
    CHECK(diagnostics.empty());
}

TEST_CASE("the draw's options are a comment on the seed line, read back, in no new format") {
    Transcript t = full_transcript();
    t.drawn_with = "-c dsa --profile ml-engineer-onsite --adaptive --adaptive-strength 1";
    const std::string text = to_toml(t);
    // A comment: every reader skips it, so the format stays what the rest asks for.
    CHECK(format_of(t) == 1);
    CHECK(text.find("\nseed = 1234567890123  # drawn with -c dsa --profile ml-engineer-onsite "
                    "--adaptive --adaptive-strength 1\nspeed = ") != std::string::npos);
    Diagnostics diagnostics;
    auto back = read_transcript("t.toml", text, diagnostics);
    REQUIRE(back);
    CHECK(diagnostics.empty());
    CHECK(back->drawn_with == t.drawn_with);
    CHECK(back->seed == t.seed);
    // Written by hand with CRLF, and absent: nothing or the text, never the line break.
    const std::string crlf = replaced(valid, "question = \"Find two numbers.\"\n",
                                      "question = \"Find two numbers.\"\r\nseed = 4  # drawn "
                                      "with --profile x\r\n");
    back = read_transcript("t.toml", crlf, diagnostics);
    REQUIRE(back);
    CHECK(back->drawn_with == "--profile x");
    back = read_transcript("t.toml", valid, diagnostics);
    REQUIRE(back);
    CHECK(back->drawn_with.empty());
    // A line break in it would end the comment and spill into the document.
    t.drawn_with = "--story 'a\nb = 1'";
    back = read_transcript("t.toml", to_toml(t), diagnostics);
    CHECK(diagnostics.empty());
    REQUIRE(back);
    CHECK(back->drawn_with == "--story 'a b = 1'");
}

TEST_CASE("loop keys in an older format, alone, or out of range are refused at their place") {
    const auto first = [](const std::string& text) {
        const Diagnostics problems = problems_of(text);
        REQUIRE_FALSE(problems.empty());
        return format_diagnostic(problems.front());
    };
    const std::string round =
        replaced(valid, "question = \"Find two numbers.\"\n",
                 "question = \"Find two numbers.\"\nloop = \"day\"\nround = 2\nrounds = 4\n");
    CHECK(first(round) ==
          "t.toml:9:8: error: \"loop\" needs format = 3 (a round of an onsite loop)");
    const std::string three = replaced(round, "format = 1", "format = 3");
    Diagnostics fine;
    CHECK(read_transcript("t.toml", three, fine));
    CHECK(first(replaced(three, "rounds = 4\n", "")) ==
          "t.toml:9:8: error: a round of a loop has \"loop\", \"round\" and \"rounds\" together");
    CHECK(first(replaced(three, "round = 2", "round = 5")) ==
          "t.toml:10:9: error: \"round\" must be 1 to 4 (\"rounds\")");
    CHECK(first(replaced(three, "rounds = 4\n", "rounds = 4\nround_question = 1\n")) ==
          "t.toml:12:18: error: \"round_question\" and \"round_questions\" go together");
}

TEST_CASE("a transcript of format 0 is refused at its format number") {
    const Diagnostics problems = problems_of(replaced(valid, "format = 1", "format = 0"));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].message == "transcript format 0 is not one this mockcoach reads (1 to 3)");
}

TEST_CASE("an unknown key is reported at the key with the nearest known one suggested") {
    const Diagnostics problems =
        problems_of(replaced(valid, "overtime_seconds = 0\n", "overtime_seconds = 0\nnotes = 1\n"));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].line == 16);
    CHECK(problems[0].column == 1);
    CHECK(problems[0].message == "unknown key \"notes\" in [[phase]]; did you mean \"note\"?");
}

TEST_CASE("a negative number of seconds is reported at its value") {
    const Diagnostics problems =
        problems_of(replaced(valid, "paused_seconds = 0", "paused_seconds = -5"));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].line == 14);
    CHECK(problems[0].column == 18);
    CHECK(problems[0].message == "\"paused_seconds\" must not be negative");
}

TEST_CASE("a date without an offset is refused") {
    const Diagnostics problems = problems_of(
        replaced(valid, "ended_at = 2025-01-01T09:30:00Z", "ended_at = 2025-01-01T09:30:00"));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].line == 5);
    CHECK(problems[0].column == 12);
}

TEST_CASE("statuses read back from their names") {
    for (Status s : {Status::completed, Status::ended_early, Status::interrupted})
        CHECK(parse_status(status_name(s)) == s);
    CHECK(status_name(Status::ended_early) == "ended-early");
    CHECK_FALSE(parse_status("ended_early").has_value());
}

TEST_CASE("the totals add up every phase") {
    const Transcript t = full_transcript();
    CHECK(t.budget_seconds() == 900);
    CHECK(t.used_seconds() == 412);
    CHECK_FALSE(mean_of({}).has_value());
}

TEST_SUITE_END();
