// The scratchpad in a transcript: written as a literal block a person can read, read back as
// written, the format number it needs, and its place in text, Markdown and JSON.
#include "transcript/scratch_toml.hpp"

#include "transcript/render.hpp"

#include "../strings.hpp"

#include <doctest/doctest.h>
#include <string>

using namespace mockcoach;
using namespace mockcoach::testing;
using namespace mockcoach::transcript;

namespace {

Transcript plain() {
    Transcript t;
    t.id = "s1";
    t.started_at = from_civil({{2026, 12, 7}, 9, 0, 0}, 0);
    t.ended_at = from_civil({{2026, 12, 7}, 9, 40, 0}, 0);
    t.rubric = "system-design";
    t.rubric_name = "System Design";
    t.question_id = "url-shortener";
    t.question = "Design a URL shortener.";
    t.phases.push_back({"Requirements", 300, 0, 300, 0, 0, {}, ""});
    t.phases.push_back({"Design", 600, 0, 600, 0, 0, {}, ""});
    return t;
}

const std::string code = "def shorten(url):\n    return base62(next_id())  # 'ids' \"fast\"\n"
                         "caf\u00e9 \u65e5\u672c\tend\n";

Transcript with_scratch(std::string text = code) {
    Transcript t = plain();
    Scratch pad;
    pad.text = std::move(text);
    pad.bytes = static_cast<std::int64_t>(pad.text.size());
    pad.snapshots.push_back({"Requirements", 300, 12});
    pad.snapshots.push_back({std::nullopt, 2400, pad.bytes});
    t.scratch = pad;
    return t;
}

std::optional<Transcript> round_trip(const Transcript& t) {
    Diagnostics problems;
    auto back = read_transcript("t.toml", to_toml(t), problems);
    CHECK(problems.empty());
    return back;
}

} // namespace

TEST_SUITE_BEGIN("transcript/scratch");

TEST_CASE("the pad is written as a literal block that shows the text as typed") {
    const std::string toml = to_toml(with_scratch());
    CHECK(contains(toml, "\n[scratch]\nbytes = " + std::to_string(code.size()) + "\ntext = '''\n" +
                             code + "'''\n"));
    CHECK(contains(toml, "\n[[scratch.snapshot]]\nafter = \"Requirements\"\nat_seconds = 300\n"
                         "bytes = 12\n"));
    CHECK(contains(toml, "\n[[scratch.snapshot]]\nat_seconds = 2400\n"));
}

TEST_CASE("a transcript with a pad reads back field for field") {
    const auto back = round_trip(with_scratch());
    REQUIRE(back.has_value());
    REQUIRE(back->scratch.has_value());
    CHECK(back->scratch->text == code);
    CHECK(back->scratch->bytes == static_cast<std::int64_t>(code.size()));
    CHECK_FALSE(back->scratch->truncated);
    REQUIRE(back->scratch->snapshots.size() == 2);
    CHECK(back->scratch->snapshots[0].after == "Requirements");
    CHECK(back->scratch->snapshots[0].at_seconds == 300);
    CHECK_FALSE(back->scratch->snapshots[1].after.has_value());
    CHECK(to_toml(*back) == to_toml(with_scratch()));
}

TEST_CASE("text a literal block cannot hold is written as an escaped string and still reads back") {
    for (const std::string& text :
         {std::string("a ''' b"), std::string("ends in a quote'"),
          std::string("\nstarts with a line break"), std::string(""), std::string("x\r\ny")}) {
        CAPTURE(text);
        const auto back = round_trip(with_scratch(text));
        REQUIRE(back.has_value());
        REQUIRE(back->scratch.has_value());
        CHECK(back->scratch->text == text);
    }
    CHECK(toml_text_block("a ''' b") == "\"a ''' b\"");
    CHECK(toml_text_block("x\r\ny") == "\"x\\r\\ny\"");
    CHECK(toml_text_block("two '' quotes") == "'''\ntwo '' quotes'''");
}

TEST_CASE("a cut pad says so in the file and reads back as cut") {
    Transcript t = with_scratch("the beginning");
    t.scratch->bytes = 400'000;
    t.scratch->truncated = true;
    CHECK(contains(to_toml(t), "bytes = 400000\ntruncated = true\n"));
    const auto back = round_trip(t);
    REQUIRE(back.has_value());
    CHECK(back->scratch->truncated);
}

TEST_CASE("only a transcript with a pad is format 3; one without is written as before") {
    CHECK(format_of(with_scratch()) == 3);
    CHECK(uses_format_3(with_scratch()));
    CHECK(format_of(plain()) == 1);
    CHECK_FALSE(uses_format_3(plain()));
    CHECK(to_toml(plain()).find("scratch") == std::string::npos);
    CHECK(contains(to_toml(with_scratch()), "\nformat = 3\n"));
    const auto back = round_trip(plain());
    REQUIRE(back.has_value());
    CHECK_FALSE(back->scratch.has_value());
}

TEST_CASE("a pad in a transcript of an older format is refused, as an older mockcoach would") {
    std::string toml = to_toml(with_scratch("ok"));
    toml.replace(toml.find("format = 3"), 10, "format = 1");
    Diagnostics problems;
    CHECK_FALSE(read_transcript("t.toml", toml, problems).has_value());
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].message == "[scratch] needs format = 3 (a scratchpad)");
}

TEST_CASE("a control character hand-written into the pad is refused at its place") {
    std::string toml = to_toml(with_scratch("ok"));
    toml.replace(toml.find("'''\nok'''"), 9, "\"bad \\u001b\"");
    Diagnostics problems;
    CHECK_FALSE(read_transcript("t.toml", toml, problems).has_value());
    REQUIRE(problems.size() == 1);
    CHECK(contains(problems[0].message, "\"text\" holds the control character U+001B"));
}

TEST_CASE("text shows the pad under Scratchpad with its snapshots, line by line, unwrapped") {
    const std::string text = render_text(with_scratch(), Style(Colour::plain), 80);
    CHECK(contains(text, "\nScratchpad\n  2 snapshots: after Requirements (05:00), at the end "
                         "(40:00)\n  def shorten(url):\n"
                         "      return base62(next_id())  # 'ids' \"fast\"\n"));
    // At 40 columns the snapshots' line wraps; the pad's lines never do.
    const std::string narrow = render_text(with_scratch(), Style(Colour::plain), 40);
    CHECK(contains(narrow, "\n  2 snapshots: after Requirements\n  (05:00), at the end (40:00)\n"));
    CHECK(contains(narrow, "\n      return base62(next_id())  # 'ids' \"fast\"\n"));
    CHECK_FALSE(contains(render_text(plain(), Style(Colour::plain), 80), "Scratchpad"));
}

TEST_CASE("a cut pad says how large the file was in text and markdown") {
    Transcript t = with_scratch("start");
    t.scratch->bytes = 300'000;
    t.scratch->truncated = true;
    const std::string line = "cut: the file had 300000 bytes; the first 256 KiB are kept";
    CHECK(contains(render_text(t, Style(Colour::plain), 80), "  " + line + "\n"));
    CHECK(contains(render_markdown(t), "**" + line + "**"));
}

TEST_CASE("markdown fences the pad with more backticks than it holds") {
    CHECK(contains(render_markdown(with_scratch()), "### Scratchpad\n\n*2 snapshots: after "
                                                    "Requirements (05:00), at the end (40:00)*\n\n"
                                                    "```text\n" +
                                                        code + "```\n"));
    CHECK(contains(render_markdown(with_scratch("a ```` b")), "\n`````text\na ```` b\n`````\n"));
    CHECK_FALSE(contains(render_markdown(plain()), "Scratchpad"));
}

TEST_CASE("json has the pad under scratch, and null without one") {
    const std::string json = render_json(with_scratch("x = 1\n"));
    CHECK(contains(json, "\"scratch\": {\n    \"bytes\": 6,\n    \"truncated\": false,\n"
                         "    \"text\": \"x = 1\\n\",\n    \"snapshot\": [\n      {\n"
                         "        \"after\": \"Requirements\",\n"));
    CHECK(contains(json, "\"after\": null,\n        \"at_seconds\": 2400,"));
    CHECK(contains(render_json(plain()), "\"scratch\": null\n}"));
}

TEST_SUITE_END();
