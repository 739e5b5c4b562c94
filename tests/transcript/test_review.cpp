// Reviews in the transcript: they read back as written, a transcript without them is written
// byte for byte as before (and keeps its format number), and adding one to a file changes only
// the review's lines and the format number.
#include "transcript/render.hpp"
#include "transcript/transcript.hpp"

#include "../strings.hpp"

#include <doctest/doctest.h>
#include <string>

using namespace mockcoach;
using namespace mockcoach::testing;
using namespace mockcoach::transcript;

namespace {

Transcript plain() {
    Transcript t;
    t.id = "20261124-090000-system-design-url-shortener";
    t.started_at = from_civil({{2026, 11, 24}, 9, 0, 0}, 60);
    t.ended_at = from_civil({{2026, 11, 24}, 9, 45, 0}, 60);
    t.rubric = "system-design";
    t.rubric_name = "System Design";
    t.question_id = "url-shortener";
    t.question = "Design a URL shortener.";
    t.clock = "virtual";
    t.phases.push_back({{"Requirements", 300, 0, 280, 0, 0}, {{30, "a \"note\""}}, ""});
    t.scores = {{"requirements", "Requirements", 4}, {"depth", "Technical depth", 3}};
    t.mean_score = mean_of(t.scores);
    t.reflection = "Sizing took too long.";
    return t;
}

Transcript coached() {
    Transcript t = plain();
    t.key_points = {{"Sizes the writes", Coverage::covered}, {"Caches redirects", std::nullopt}};
    t.phases[0].followups = {{95, "Do links expire?"}};
    return t;
}

Review review_by(std::string by, int requirements, std::string comment = "") {
    Review review;
    review.by = std::move(by);
    review.at = from_civil({{2026, 11, 24}, 10, 5, 0}, 60);
    review.scores = {{"requirements", "Requirements", requirements}};
    review.comment = std::move(comment);
    return review;
}

Transcript read_back(const std::string& text) {
    Diagnostics problems;
    auto t = read_transcript("t.toml", text, problems);
    INFO(text);
    REQUIRE(problems.empty());
    REQUIRE(t);
    return *t;
}

} // namespace

TEST_SUITE_BEGIN("transcript/review");

TEST_CASE("transcripts without reviews round-trip byte for byte and keep format 1 or 2") {
    for (const Transcript& t : {plain(), coached()}) {
        const std::string text = to_toml(t);
        CHECK(to_toml(read_back(text)) == text);
        CHECK_FALSE(uses_format_3(t));
        CHECK(contains(text, t.key_points.empty() ? "\nformat = 1\n" : "\nformat = 2\n"));
        CHECK_FALSE(contains(text, "review"));
    }
}

TEST_CASE("reviews read back field by field, in order, and make the transcript format 3") {
    Transcript t = coached();
    Review first = review_by("Sam \"the partner\" Lee", 3, "Clear API.\tSizing rushed.");
    first.scores.push_back({"depth", "Technical depth", 2});
    first.key_points = {{1, Coverage::partly}, {2, Coverage::missed}};
    t.reviews = {first, review_by("Sam \"the partner\" Lee", 5)};
    const std::string text = to_toml(t);
    CHECK(contains(text, "\nformat = 3\n"));
    CHECK(uses_format_3(t));
    const Transcript back = read_back(text);
    CHECK(to_toml(back) == text);
    REQUIRE(back.reviews.size() == 2);
    const Review& r = back.reviews[0];
    CHECK(r.by == "Sam \"the partner\" Lee");
    CHECK(toml_date_time(r.at) == "2026-11-24T10:05:00+01:00");
    CHECK(r.comment == "Clear API.\tSizing rushed.");
    REQUIRE(r.scores.size() == 2);
    CHECK(r.scores[1].criterion == "depth");
    CHECK(r.scores[1].name == "Technical depth");
    CHECK(r.scores[1].value == 2);
    REQUIRE(r.key_points.size() == 2);
    CHECK(r.key_points[0].point == 1);
    CHECK(r.key_points[0].result == Coverage::partly);
    CHECK(back.reviews[1].scores[0].value == 5);
    CHECK(back.reviews[1].comment.empty());
    // The candidate's own scores are untouched by the reviews beside them.
    CHECK(back.scores.size() == 2);
    CHECK(back.mean_score == 3.5);
}

TEST_CASE("adding a review to a file changes only the format line and appends the review") {
    Transcript t = coached();
    const std::string before = to_toml(t);
    const std::string after = add_review(before, t, review_by("Sam", 2, "Good."));
    const std::string review_lines = after.substr(before.size());
    CHECK(review_lines.starts_with("\n[[review]]\nby = \"Sam\"\nat = 2026-11-24T10:05:00+01:00\n"
                                   "comment = \"Good.\"\n\n[[review.score]]\n"));
    // Everything else is the file as it was, but for format = 2 -> 3.
    std::string expected = before;
    expected.replace(expected.find("format = 2"), 10, "format = 3");
    CHECK(after.substr(0, before.size()) == expected);
    CHECK(after == to_toml(t)); // and the model has the review too
    REQUIRE(t.reviews.size() == 1);

    // A second review by the same name is kept beside the first.
    const std::string twice = add_review(after, t, review_by("Sam", 4));
    CHECK(twice.starts_with(after));
    CHECK(count(twice, "[[review]]") == 2);
    CHECK(read_back(twice).reviews.size() == 2);
}

TEST_CASE("a review goes after a scratchpad's text, which stays as it was") {
    Transcript t = coached();
    t.scratch = Scratch{"writes: 40/s\n quotes\n", 27, false, {{"Requirements", 300, 26}}};
    const std::string before = to_toml(t);
    CHECK(contains(before, "\nformat = 3\n"));
    const std::string after = add_review(before, t, review_by("Sam", 2));
    CHECK(after.starts_with(before)); // already format 3: nothing before the review changes
    const Transcript back = read_back(after);
    REQUIRE(back.scratch);
    CHECK(back.scratch->text == t.scratch->text);
    CHECK(back.reviews.at(0).by == "Sam");
}

TEST_CASE("adding a review keeps what a person wrote into the file by hand") {
    Transcript t = plain();
    std::string edited = to_toml(t);
    edited.insert(edited.find("[[phase]]"), "# I paused here for a phone call\n");
    Transcript parsed = read_back(edited);
    const std::string after = add_review(edited, parsed, review_by("Ana", 3));
    CHECK(contains(after, "# I paused here for a phone call\n"));
    CHECK(after.starts_with("# mockcoach transcript: one mock interview. Safe to read and edit.\n"
                            "format = 3\n"));
    CHECK(read_back(after).reviews.at(0).by == "Ana");
}

TEST_CASE("a file whose format line cannot be found is written from its model instead") {
    // Not a transcript that reads (format is required), but add_review must not guess.
    std::string moved = to_toml(plain());
    moved.erase(moved.find("format = 1\n"), 11);
    Transcript model = plain();
    const std::string written = add_review(moved, model, review_by("Ana", 3));
    CHECK(written == to_toml(model));
}

TEST_CASE("a broken review is reported at its place") {
    Transcript t = coached();
    t.reviews = {review_by("Sam", 3)};
    t.reviews[0].key_points = {{2, Coverage::covered}};
    const std::string good = to_toml(t);
    const auto problems = [](const std::string& text) {
        Diagnostics diagnostics;
        CHECK_FALSE(read_transcript("t.toml", text, diagnostics));
        REQUIRE_FALSE(diagnostics.empty());
        return diagnostics[0].message;
    };
    auto replaced = [&](const std::string& from, const std::string& to) {
        std::string text = good;
        const auto at = text.find(from);
        REQUIRE(at != std::string::npos);
        return text.replace(at, from.size(), to);
    };
    CHECK(problems(
              replaced("value = 3\n\n[[review.key_point]]", "value = 6\n\n[[review.key_point]]")) ==
          "score \"value\" must be 1 to 5");
    CHECK(problems(replaced("point = 2", "point = 3")) ==
          "\"point\" is a key point's number, 1 to 2");
    CHECK(problems(replaced("by = \"Sam\"", "by = \"self\"")) ==
          "\"self\" stands for the candidate's own scores; name the reviewer another way");
    CHECK(contains(problems(replaced("by = \"Sam\"", "bye = \"Sam\"")), "bye"));
    CHECK(contains(problems(replaced("at = 2026-11-24T10:05:00+01:00\n", "")), "\"at\""));
}

TEST_CASE("a reviewer's name is 1 to 40 printable characters on one line, and not self") {
    CHECK(reviewer_name_problem("Sam").empty());
    CHECK(reviewer_name_problem("Zoë Ångström-Ørsted").empty());
    CHECK(reviewer_name_problem(std::string(40, 'x')).empty());
    CHECK_FALSE(reviewer_name_problem(std::string(41, 'x')).empty());
    CHECK_FALSE(reviewer_name_problem("").empty());
    CHECK_FALSE(reviewer_name_problem("self").empty());
    CHECK_FALSE(reviewer_name_problem("Sam\nLee").empty());
    CHECK_FALSE(reviewer_name_problem("Sam\x1b[31m").empty());
}

TEST_SUITE_END();
