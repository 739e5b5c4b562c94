// The transcript as text: phases against their budgets, overtime, notes, scores and the mean,
// and nothing wider than the terminal.
#include "transcript/render.hpp"

#include "util/text.hpp"

#include <doctest/doctest.h>
#include <string>
#include <vector>

using namespace mockcoach;
using namespace mockcoach::transcript;

namespace {

const Style plain(Colour::plain);

WallTime noon() {
    return from_civil({{2025, 3, 14}, 12, 0, 0}, 0);
}

Transcript sample() {
    Transcript t;
    t.id = "20250314-120000-data-structures-and-algorithms-longest-substring";
    t.status = Status::ended_early;
    t.started_at = noon();
    t.ended_at = noon();
    t.rubric = "data-structures-and-algorithms";
    t.rubric_name = "Data Structures & Algorithms";
    t.question_id = "longest-substring-without-repeating-characters";
    t.question = "Find the length of the longest substring without repeating characters, and "
                 "explain the complexity of your approach.";
    t.phases.push_back({"Understand requirements",
                        300,
                        60,
                        425,
                        30,
                        65,
                        {{12, "asked about the character set"},
                         {190, "a very long note that goes on and on about sliding windows and "
                               "hash maps until it has to wrap"}},
                        ""});
    t.phases.push_back({"Implement", 600, 0, 540, 0, 0, {}, ""});
    t.phases.push_back({"Test", 120, 0, 0, 0, 0, {}, ""});
    t.scores.push_back({"structure", "Structure", 4});
    t.scores.push_back({"depth", "Technical decisions and trade-offs in the design", 3});
    t.skipped = {"communication-and-collaboration-with-the-interviewer"};
    t.mean_score = mean_of(t.scores);
    t.reflection = "Spent too long clarifying.\nThe window idea came late.";
    return t;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

bool has_line_with(const std::string& text, const std::string& a, const std::string& b = "") {
    for (const std::string& line : lines_of(text))
        if (line.find(a) != std::string::npos && line.find(b) != std::string::npos) return true;
    return false;
}

} // namespace

TEST_SUITE_BEGIN("transcript/render");

TEST_CASE("render_text shows each phase's used time against its budget") {
    const std::string text = render_text(sample(), plain, 80);
    CHECK(has_line_with(text, "Understand requirements", "07:05 / 05:00"));
    CHECK(has_line_with(text, "Implement", "09:00 / 10:00"));
    CHECK(has_line_with(text, "Test", "00:00 / 02:00"));
    CHECK(has_line_with(text, "Total", "16:05 / 17:00"));
    CHECK(has_line_with(text, "Data Structures & Algorithms", "ended-early"));
    CHECK(text.find("Find the length of the longest substring") != std::string::npos);
}

TEST_CASE("render_text shows overtime as +mm:ss over, with extension and pauses") {
    const std::string text = render_text(sample(), plain, 80);
    CHECK(text.find("+01:05 over") != std::string::npos);
    CHECK(text.find("(+1 min)") != std::string::npos);
    CHECK(text.find("paused 00:30") != std::string::npos);
    // Only the phase that ran over says so.
    CHECK_FALSE(has_line_with(text, "Implement", "over"));
}

TEST_CASE("phase and score columns line up whatever the names' characters") {
    Transcript t = sample();
    t.phases[0].name = "\U0001F680 Launch"; // an emoji two columns wide
    t.phases[1].name = "De\u0301ploy";      // a combining mark, no column
    t.phases[2].name = "\u8A2D\u8A08";      // two wide characters
    t.scores[0].name = "\u69CB\u6210";
    const std::string text = render_text(t, plain, 80);
    std::vector<std::size_t> columns; // where each phase line's " / " stands, in columns
    for (const std::string& name : {t.phases[0].name, t.phases[1].name, t.phases[2].name}) {
        const auto start = text.find(name);
        REQUIRE(start != std::string::npos);
        const std::string line = text.substr(start, text.find('\n', start) - start);
        columns.push_back(display_width(line.substr(0, line.find(" / "))));
    }
    CHECK(columns[0] == columns[1]);
    CHECK(columns[1] == columns[2]);
    // The score stands in the same column as the mean's.
    const auto line_at = [&](std::size_t at) {
        const auto start = text.rfind('\n', at) + 1;
        return text.substr(start, text.find('\n', start) - start);
    };
    const std::string score = line_at(text.find("\u69CB\u6210"));
    const std::string mean = line_at(text.find("  Mean"));
    REQUIRE(score.ends_with("  4"));
    REQUIRE(mean.ends_with("  3.5"));
    CHECK(display_width(score) - 1 == display_width(mean) - 3);
}

TEST_CASE("render_text lists notes under their phase with their time") {
    const std::string text = render_text(sample(), plain, 80);
    CHECK(has_line_with(text, "00:12", "asked about the character set"));
    CHECK(has_line_with(text, "03:10", "a very long note"));
    CHECK(text.find("asked about") > text.find("Understand requirements"));
    CHECK(text.find("asked about") < text.find("Implement"));
}

TEST_CASE("render_text lists the scores, the skipped criteria and the mean") {
    const std::string text = render_text(sample(), plain, 80);
    CHECK(has_line_with(text, "Structure", "4"));
    CHECK(has_line_with(text, "Technical decisions", "3"));
    CHECK(has_line_with(text, "communication", "skipped"));
    CHECK(has_line_with(text, "Mean", "3.5"));
    CHECK(has_line_with(text, "Spent too long clarifying."));
    CHECK(has_line_with(text, "The window idea came late."));
}

TEST_CASE("a skipped criterion is shown in full when it fits, however short the scored names") {
    Transcript t = sample();
    t.scores = {{"depth", "Depth", 2}};
    t.skipped = {"communication"};
    t.mean_score = mean_of(t.scores);
    const std::string text = render_text(t, plain, 80);
    CHECK(text.find("  communication  skipped") != std::string::npos);
    CHECK(text.find("  Depth          2") != std::string::npos);
}

TEST_CASE(
    "a skipped criterion is shown by its name in the rubric's order when the rubric is known") {
    Transcript t = sample();
    t.scores = {{"structure", "Structure", 4}, {"trade-offs", "Trade-offs", 3}};
    t.skipped = {"depth"};
    t.mean_score = mean_of(t.scores);
    const CriterionNames criteria{
        {"structure", "Structure"}, {"depth", "Technical depth"}, {"trade-offs", "Trade-offs"}};
    const std::string text = render_text(t, plain, 80, criteria);
    CHECK(text.find("  Structure        4\n  Technical depth  skipped\n  Trade-offs       3\n") !=
          std::string::npos);
    CHECK(text.find("  depth ") == std::string::npos); // never the raw id
}

TEST_CASE("score rows keep what the rubric no longer knows: scores as saved, then skips by id") {
    Transcript t = sample();
    t.scores = {{"gone", "A removed criterion", 2}, {"structure", "Structure", 4}};
    t.skipped = {"also-gone", "depth"};
    const auto rows = score_rows(t, {{"depth", "Technical depth"}, {"structure", "Structure"}});
    REQUIRE(rows.size() == 4);
    CHECK(rows[0].name == "Technical depth");
    CHECK(rows[0].value == std::nullopt);
    CHECK(rows[1].name == "Structure");
    CHECK(rows[1].value == 4);
    CHECK(rows[2].name == "A removed criterion");
    CHECK(rows[3].name == "also-gone");
    // Without the rubric (an old transcript whose rubric is gone): as before.
    const auto bare = score_rows(t, {});
    REQUIRE(bare.size() == 4);
    CHECK(bare[0].name == "A removed criterion");
    CHECK(bare[3].name == "depth");
}

TEST_CASE("overtime, extension and pause move under the bar when they do not fit beside it") {
    Transcript t = sample();
    const std::string narrow = render_text(t, plain, 40);
    CHECK(narrow.find("\n   +01:05 over (+1 min) paused 00:30\n") != std::string::npos);
    t.phases[0].extended_seconds = 0;
    t.phases[0].paused_seconds = 0;
    const std::string wide = render_text(t, plain, 120);
    CHECK(has_line_with(wide, "07:05 / 05:00", "+01:05 over"));
}

TEST_CASE("render_text leaves out scores and the mean when there are none") {
    Transcript t = sample();
    t.scores.clear();
    t.skipped.clear();
    t.mean_score.reset();
    const std::string text = render_text(t, plain, 80);
    CHECK(text.find("Scores") == std::string::npos);
    CHECK(text.find("Mean") == std::string::npos);
}

TEST_CASE("render_text says whether the blind guess was right") {
    Transcript t = sample();
    t.category_guess = "coding";
    t.category_guess_correct = false;
    CHECK(render_text(t, plain, 80).find("Named the category as coding: wrong") !=
          std::string::npos);
    t.category_guess = t.rubric;
    t.category_guess_correct = true;
    CHECK(render_text(t, plain, 80).find(": right") != std::string::npos);
}

TEST_CASE("at width 40 no line of render_text is wider than 40 columns") {
    Transcript t = sample();
    t.category_guess = "statistics-and-probability";
    t.category_guess_correct = false;
    const std::string text = render_text(t, plain, 40);
    for (const std::string& line : lines_of(text)) {
        CAPTURE(line);
        CHECK(display_width(line) <= 40);
    }
    // Narrow, but nothing is lost.
    CHECK(text.find("+01:05 over") != std::string::npos);
    CHECK(text.find("paused 00:30") != std::string::npos);
    CHECK(text.find("ended-early") != std::string::npos);
    CHECK(text.find("skipped") != std::string::npos);
    CHECK(has_line_with(text, "Mean", "3.5"));
}

TEST_CASE("at width 80 no line of render_text is wider than 80 columns") {
    const std::string text = render_text(sample(), plain, 80);
    for (const std::string& line : lines_of(text)) {
        CAPTURE(line);
        CHECK(display_width(line) <= 80);
    }
}

TEST_CASE("a bar fills in proportion to used over budget, and fully when over") {
    CHECK(bar(0, 100, 4) == "\u2591\u2591\u2591\u2591");
    CHECK(bar(50, 100, 4) == "\u2588\u2588\u2591\u2591");
    CHECK(bar(100, 100, 4) == "\u2588\u2588\u2588\u2588");
    CHECK(bar(500, 100, 4) == "\u2588\u2588\u2588\u2588");
    CHECK(display_width(bar(37, 100, 10)) == 10);
}

TEST_SUITE_END();
