// A transcript as Markdown (for a mock partner's shared document) and as JSON (the transcript's
// own keys, every optional one present).
#include "transcript/render.hpp"

#include "../strings.hpp"

#include <doctest/doctest.h>
#include <string>

using namespace mockcoach::testing;

using namespace mockcoach;
using namespace mockcoach::transcript;

namespace {

WallTime at(int hour, int minute) {
    return from_civil({{2026, 11, 24}, hour, minute, 5}, 60);
}

Transcript sample() {
    Transcript t;
    t.id = "20261124-235805-system-design-url-shortener";
    t.status = Status::ended_early;
    t.started_at = at(23, 58);
    t.ended_at = at(23, 59);
    t.rubric = "system-design";
    t.rubric_name = "System Design";
    t.question_id = "url-shortener";
    t.question = "Design a URL shortener for *100M* links | month.";
    t.seed = 11;
    t.clock = "virtual";
    t.phases.push_back({"Requirements", 300, 60, 425, 30, 65, {{0, "100M links, 10:1 reads"}}, ""});
    t.phases.push_back({"Deep Dive", 1200, 0, 600, 0, 0, {{125, "cache_hot <keys>"}}, ""});
    t.scores.push_back({"depth", "Technical depth", 3});
    t.scores.push_back({"trade-offs", "Trade-offs", 4});
    t.skipped = {"communication"};
    t.mean_score = mean_of(t.scores);
    t.reflection = "Good scoping.\n\nNext time: id generation first.";
    t.category_guess = "ml-system-design";
    t.category_guess_correct = false;
    return t;
}

} // namespace

TEST_SUITE_BEGIN("transcript/render_formats");

TEST_CASE("markdown has a heading, the question quoted and the session line") {
    const std::string md = render_markdown(sample());
    CHECK(md.starts_with("## System Design: url-shortener\n\n"));
    CHECK(contains(md, "> Design a URL shortener for \\*100M\\* links \\| month.\n"));
    CHECK(contains(md, "2026-11-24 23:58 · ended-early · 17:05 of 25:00 · mean score 3.5\n"));
    CHECK(contains(md, "Category named blind as ml-system-design: wrong\n"));
}

TEST_CASE("markdown phases are a table with bars against the budget and overtime marked") {
    const std::string md = render_markdown(sample());
    CHECK(contains(md, "| Phase | Used | Budget | Time |\n| --- | ---: | ---: | --- |\n"));
    CHECK(contains(md, "| Requirements | 07:05 | 05:00 | `\u2588\u2588\u2588\u2588\u2588\u2588"
                       "\u2588\u2588\u2588\u2588` **+01:05 over**, +1 min, paused 00:30 |\n"));
    CHECK(contains(md, "| Deep Dive | 10:00 | 20:00 | `\u2588\u2588\u2588\u2588\u2588\u2591"
                       "\u2591\u2591\u2591\u2591` |\n"));
    CHECK(contains(md, "| **Total** | **17:05** | **25:00** | |\n"));
}

TEST_CASE("markdown notes sit under their phase with their time offsets, escaped") {
    const std::string md = render_markdown(sample());
    CHECK(contains(md, "### Notes\n\n**Requirements**\n\n- `00:00` 100M links, 10:1 reads\n"));
    CHECK(contains(md, "**Deep Dive**\n\n- `02:05` cache\\_hot \\<keys>\n"));
}

TEST_CASE("markdown scores are a table with the criterion names, skipped ones and the mean") {
    const std::string md = render_markdown(sample());
    CHECK(contains(md, "### Scores\n\n| Criterion | Score |\n| --- | ---: |\n"
                       "| Technical depth | 3 |\n| Trade-offs | 4 |\n"
                       "| communication | skipped |\n| **Mean** | **3.5** |\n"));
}

TEST_CASE("markdown reflection keeps each line as a paragraph") {
    const std::string md = render_markdown(sample());
    CHECK(md.ends_with("### Reflection\n\nGood scoping.\n\nNext time: id generation first.\n"));
}

TEST_CASE("markdown leaves out the sections a session does not have") {
    Transcript t = sample();
    t.scores.clear();
    t.mean_score.reset();
    t.skipped.clear();
    t.reflection.clear();
    t.category_guess.reset();
    for (auto& phase : t.phases) phase.notes.clear();
    const std::string md = render_markdown(t);
    CHECK_FALSE(contains(md, "### Notes"));
    CHECK_FALSE(contains(md, "### Scores"));
    CHECK_FALSE(contains(md, "### Reflection"));
    CHECK_FALSE(contains(md, "blind"));
    CHECK(contains(md, "mean score -"));
}

TEST_CASE("json uses the transcript's keys, in its order, with absent ones null") {
    Transcript t = sample();
    t.category_guess.reset();
    t.category_guess_correct.reset();
    const std::string json = render_json(t);
    CHECK(json.starts_with("{\n  \"format\": 1,\n  \"id\": \"20261124-235805-system-design-"
                           "url-shortener\",\n  \"status\": \"ended-early\",\n"));
    CHECK(contains(json, "\"started_at\": \"2026-11-24T23:58:05+01:00\""));
    CHECK(contains(json, "\"story\": null"));
    CHECK(contains(json, "\"mean_score\": 3.5"));
    CHECK(contains(json, "\"category_guess\": null,\n  \"category_guess_correct\": null"));
    CHECK(contains(json, "\"skipped\": [\n    \"communication\"\n  ]"));
    CHECK(contains(json, "\"reflection\": \"Good scoping.\\n\\nNext time: id generation first.\""));
    CHECK(contains(json, "\"phase\": [\n    {\n      \"name\": \"Requirements\",\n"
                         "      \"budget_seconds\": 300,\n      \"extended_seconds\": 60,\n"
                         "      \"used_seconds\": 425,\n      \"paused_seconds\": 30,\n"
                         "      \"overtime_seconds\": 65,\n      \"text\": \"\",\n"
                         "      \"note\": [\n        {\n          \"at_seconds\": 0,\n"));
    CHECK(contains(json, "\"score\": [\n    {\n      \"criterion\": \"depth\",\n"
                         "      \"name\": \"Technical depth\",\n      \"value\": 3\n    },"));
    CHECK(json.ends_with("}\n"));
}

TEST_CASE("markdown escapes a heading mark only where it would open a line") {
    Transcript t = sample();
    t.reflection = "# not a heading\nissue #12 stays";
    const std::string md = render_markdown(t);
    CHECK(md.ends_with("### Reflection\n\n\\# not a heading\n\nissue #12 stays\n"));
}

TEST_CASE("a STAR answer's text shows under its phase, line by line, in markdown and text") {
    Transcript t = sample();
    t.phases[0].notes.clear();
    t.phases[0].text = "Our model had degraded.\nCampaigns targeted the wrong customers.";
    const std::string md = render_markdown(t);
    CHECK(contains(md, "**Requirements**\n\n> Our model had degraded.\n>\n"
                       "> Campaigns targeted the wrong customers.\n\n"));
    // The bug this guards against: the text was wrapped as one line with its newline inside,
    // so the second line started at column 0, outside the phase's indentation.
    const std::string text = render_text(t, Style(Colour::plain), 80);
    CHECK(contains(text, "\n    Our model had degraded.\n    Campaigns targeted the wrong "
                         "customers.\n"));
}

TEST_CASE("markdown shows a skipped criterion by its name, in the rubric's order") {
    Transcript t = sample();
    const std::string text = render_markdown(t, {{"communication", "Communication"},
                                                 {"depth", "Technical depth"},
                                                 {"trade-offs", "Trade-offs"}});
    CHECK(contains(text, "| Communication | skipped |\n| Technical depth | 3 |\n"
                         "| Trade-offs | 4 |\n| **Mean** | **3.5** |\n"));
}

TEST_SUITE_END();
