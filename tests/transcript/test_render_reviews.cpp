// Reviews rendered beside the self-scores: a column per reviewer in text and Markdown, the
// reviews in JSON, and a narrow terminal showing the latest reviewers that fit.
#include "transcript/render.hpp"

#include "../strings.hpp"
#include "util/text.hpp"

#include <doctest/doctest.h>

using namespace mockcoach;
using namespace mockcoach::testing;
using namespace mockcoach::transcript;

namespace {

Transcript reviewed() {
    Transcript t;
    t.id = "s1";
    t.rubric = "coding";
    t.rubric_name = "Coding";
    t.question_id = "two-sum";
    t.question = "Find two numbers.";
    t.started_at = from_civil({{2026, 11, 24}, 9, 0, 0}, 0);
    t.ended_at = t.started_at;
    t.phases.push_back({{"Plan", 60, 0, 50, 0, 0}, {}, ""});
    t.scores = {{"testing", "Testing", 4}};
    t.skipped = {"clarity"};
    t.mean_score = mean_of(t.scores);
    t.key_points = {{"Uses a hash map", Coverage::covered}};
    Review sam;
    sam.by = "Sam";
    sam.at = from_civil({{2026, 11, 24}, 10, 0, 0}, 0);
    sam.scores = {{"testing", "Testing", 2}, {"clarity", "Clarity", 3}};
    sam.key_points = {{1, Coverage::partly}};
    sam.comment = "Good | clear";
    Review again = sam;
    again.scores = {{"speed", "Speed", 5}};
    again.comment.clear();
    again.key_points.clear();
    t.reviews = {sam, again};
    return t;
}

} // namespace

TEST_SUITE_BEGIN("transcript/render_reviews");

TEST_CASE("rows put each review's score beside the self-score, criteria only reviewers scored "
          "last") {
    const auto rows = review_rows(reviewed(), {{"clarity", "Clarity"}, {"testing", "Testing"}});
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].name == "Clarity");
    CHECK_FALSE(rows[0].self); // skipped by the candidate
    CHECK(rows[0].self_skipped);
    CHECK_FALSE(rows[2].self_skipped); // only a reviewer scored it
    CHECK(rows[0].reviews == std::vector<std::optional<int>>{3, std::nullopt});
    CHECK(rows[1].self == 4);
    CHECK(rows[2].criterion == "speed");
    CHECK(rows[2].reviews[1] == 5);
    CHECK(reviewer_labels(reviewed().reviews) == std::vector<std::string>{"Sam", "Sam 2"});
}

TEST_CASE("text shows a column per review and each review's key points and comment") {
    const std::string text = render_text(reviewed(), Style(Colour::plain), 80);
    INFO(text);
    CHECK(contains(text, "\nScores\n  Criterion     self  Sam  Sam 2\n"
                         "  Testing          4    2      -\n"
                         "  clarity       skip    3      -\n"
                         "  Speed            -    -      5\n"
                         "  Mean           4.0  2.5    5.0\n"));
    CHECK(contains(text, "\nReviews\n  Sam  2026-11-24 10:00  key points 1 ~\n    Good | clear\n"
                         "  Sam 2  2026-11-24 10:00\n")); // named as its column is
}

TEST_CASE("at 40 columns every line fits, the earliest reviews giving way") {
    Transcript t = reviewed();
    for (const char* name : {"Alexandra the reviewer", "Bo", "Cy", "Di"}) {
        Review extra = t.reviews[0];
        extra.by = name;
        t.reviews.push_back(extra);
    }
    const std::string text = render_text(t, Style(Colour::plain), 40);
    for (const std::string& line : [&] {
             std::vector<std::string> lines;
             std::size_t start = 0;
             for (auto end = text.find('\n'); end != std::string::npos;
                  start = end + 1, end = text.find('\n', start))
                 lines.push_back(text.substr(start, end - start));
             return lines;
         }()) {
        INFO(line);
        CHECK(display_width(line) <= 40);
    }
    CHECK(contains(text, "earlier reviews"));
    CHECK(contains(text, "  Di\n")); // the latest is always shown
}

TEST_CASE("Markdown has a column per review and JSON a review array with key point texts") {
    const std::string md = render_markdown(reviewed());
    CHECK(contains(md, "| Criterion | Self | Sam | Sam 2 |\n| --- | ---: | ---: | ---: |\n"
                       "| Testing | 4 | 2 | - |\n"));
    CHECK(contains(md,
                   "\n**Sam**, 2026-11-24 10:00\n- Uses a hash map: partly\n\n> Good \\| clear\n"));
    const std::string json = render_json(reviewed());
    CHECK(contains(json, "\"review\": [\n    {\n      \"by\": \"Sam\",\n      \"at\": "
                         "\"2026-11-24T10:00:00Z\",\n      \"comment\": \"Good | clear\",\n"
                         "      \"mean_score\": 2.5,\n"));
    CHECK(contains(json, "\"point\": 1,\n          \"text\": \"Uses a hash map\",\n"
                         "          \"result\": \"partly\"\n"));
    // The second review has no comment: null, as every absent value, not "".
    CHECK(contains(json, "\"at\": \"2026-11-24T10:00:00Z\",\n      \"comment\": null,\n"
                         "      \"mean_score\": 5,\n"));
    CHECK_FALSE(contains(json, "\"comment\": \"\""));
}

TEST_SUITE_END();
