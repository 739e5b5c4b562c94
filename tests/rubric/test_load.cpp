// Loading one rubric or question file: a good file gives every field, and each file of the broken
// corpus (tests/fixtures/rubrics/broken/, one problem per file) gives exactly its diagnostics.
#include "fixtures.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <filesystem>
#include <fmt/format.h>
#include <set>

using namespace mockcoach;
using namespace mockcoach::testing;

namespace {

rubric::LoadedFile load(std::string_view path, std::string_view bytes, Diagnostics& diagnostics) {
    return rubric::load_file({std::string(path), std::string(bytes)}, diagnostics);
}

// A minimal valid rubric; tests change one line of it.
constexpr std::string_view tiny = "id = \"tiny\"\n"
                                  "name = \"Tiny\"\n"
                                  "weight = 2\n"
                                  "[[phase]]\n"
                                  "name = \"Think\"\n"
                                  "minutes = 5\n"
                                  "[[criterion]]\n"
                                  "id = \"clarity\"\n"
                                  "name = \"Clarity\"\n"
                                  "levels.1 = \"a\"\n"
                                  "levels.3 = \"b\"\n"
                                  "levels.5 = \"c\"\n";

std::string tiny_with(std::string_view from, std::string_view to) {
    std::string text(tiny);
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

} // namespace

TEST_SUITE_BEGIN("rubric/load");

TEST_CASE("a rubric with every field loads with all of them") {
    Diagnostics diagnostics;
    const rubric::LoadedFile loaded =
        rubric::load_file(fixture_file("good/full.toml"), diagnostics);
    CHECK(formatted(diagnostics).empty());
    CHECK_FALSE(loaded.questions.has_value());
    REQUIRE(loaded.rubric.has_value());
    const rubric::Rubric& r = *loaded.rubric;
    CHECK(r.id == "take-home");
    CHECK(r.name == "Take-Home Review");
    CHECK(r.weight == 2.5);
    CHECK(r.testing == "Can you explain code you wrote on your own time?");
    CHECK(r.tip == "Lead with the trade-offs you made.");
    CHECK(r.place.file == "good/full.toml");
    CHECK(r.place.line == 3);
    CHECK(r.place.column == 6);
    CHECK(r.origin.empty()); // set by the catalog, from the layer

    REQUIRE(r.phases.size() == 2);
    CHECK(r.phases[0].name == "Walkthrough");
    CHECK(r.phases[0].minutes == 7.5);
    CHECK(r.phases[0].budget_seconds() == 450);
    CHECK(r.phases[0].prompts == std::vector<std::string>{"Entry points", "Data flow"});
    CHECK(r.phases[1].name == "Questions");
    CHECK(r.phases[1].budget_seconds() == 30);
    CHECK(r.phases[1].prompts.empty());
    CHECK(r.total_seconds() == 480);

    REQUIRE(r.criteria.size() == 2);
    CHECK(r.criteria[0].id == "clarity");
    CHECK(r.criteria[0].name == "Clarity");
    CHECK(r.criteria[0].levels == std::map<int, std::string>{{1, "Lost the listener."},
                                                             {2, "Often unclear."},
                                                             {3, "Clear enough."},
                                                             {4, "Clear throughout."},
                                                             {5, "Crisp and well paced."}});
    CHECK(r.criteria[1].levels.size() == 3);
    CHECK(r.find_criterion("ownership") == &r.criteria[1]);
    CHECK(r.find_criterion("owner") == nullptr);

    REQUIRE(r.questions.size() == 2);
    CHECK(r.questions[0].id == "walk-me-through");
    CHECK(r.questions[0].text == "Walk me through the submission you sent us.");
    CHECK(r.questions[0].weight == 3);
    CHECK(r.questions[0].tags == std::vector<std::string>{"code", "communication"});
    CHECK(r.questions[0].place.line == 35);
    CHECK(r.questions[0].key_points.empty()); // optional: old rubrics stay valid
    CHECK(r.questions[0].followups.empty());
    CHECK(r.questions[1].weight == 1); // the default
    CHECK(r.questions[1].tags.empty());
    CHECK(r.questions[1].also == std::vector<std::string>{"sql"});
    CHECK(r.questions[1].key_points ==
          std::vector<std::string_view>{"Names the two changes that would cut the most risk",
                                        "Says what the extra week would not fix"});
    REQUIRE(r.questions[1].followups.size() == 2);
    CHECK(r.questions[1].followups[0].phase == "Questions");
    CHECK(r.questions[1].followups[0].text == "Which of those changes would you drop first?");
    CHECK(r.questions[1].followups[1].phase == "Walkthrough");
    CHECK(r.questions[1].followups[0].at.line == 49);
    const auto in_walkthrough = r.questions[1].followups_in("Walkthrough");
    REQUIRE(in_walkthrough.size() == 1);
    CHECK(in_walkthrough[0]->text == "Where would the first bug report come from?");
    CHECK(r.questions[1].followups_in("Setup").empty());
    CHECK(r.find_phase("Questions") == &r.phases[1]);
    CHECK(r.find_question("what-would-you-change") == &r.questions[1]);
    CHECK(r.find_question("what") == nullptr);
}

TEST_CASE("key points and follow-ups outlive the file they were read from and the question") {
    std::optional<rubric::Question> copy;
    {
        Diagnostics diagnostics;
        rubric::SourceFile file = fixture_file("good/full.toml");
        rubric::LoadedFile loaded = rubric::load_file(file, diagnostics);
        REQUIRE(loaded.rubric.has_value());
        copy = loaded.rubric->questions.at(1);
        file.bytes.assign(file.bytes.size(), 'x'); // nothing may still point into the bytes
    }
    // The original question, its rubric and the file are gone; the copy's views hold.
    CHECK(copy->key_points.at(1) == "Says what the extra week would not fix");
    CHECK(copy->followups.at(1).phase == "Walkthrough");
    CHECK(copy->followups.at(1).text == "Where would the first bug report come from?");
}

TEST_CASE("a file naming a rubric loads as a question set") {
    Diagnostics diagnostics;
    const rubric::LoadedFile loaded =
        rubric::load_file(fixture_file("addon/extra-sql.toml"), diagnostics);
    CHECK(formatted(diagnostics).empty());
    CHECK_FALSE(loaded.rubric.has_value());
    REQUIRE(loaded.questions.has_value());
    CHECK(loaded.questions->rubric_id == "sql");
    CHECK(loaded.questions->place.line == 2);
    CHECK(loaded.questions->place.column == 10);
    REQUIRE(loaded.questions->questions.size() == 1);
    CHECK(loaded.questions->questions[0].id == "dedupe-latest-event");
    CHECK(loaded.questions->questions[0].tags == std::vector<std::string>{"dedup"});
}

TEST_CASE("a file with any error yields no rubric") {
    Diagnostics diagnostics;
    const auto loaded = rubric::load_file(fixture_file("broken/negative-weight.toml"), diagnostics);
    CHECK(diagnostics.size() == 1);
    CHECK_FALSE(loaded.rubric.has_value());
    CHECK_FALSE(loaded.questions.has_value());
}

TEST_CASE("diagnostics from loading are appended after earlier ones") {
    Diagnostics diagnostics{{"earlier.toml", 1, 1, Severity::error, "kept"}};
    load("t.toml", tiny_with("weight = 2", "weight = -2"), diagnostics);
    REQUIRE(diagnostics.size() == 2);
    CHECK(diagnostics[0].message == "kept");
    CHECK(diagnostics[1].path == "t.toml");
}

// The broken corpus, one file per problem.

TEST_CASE("a TOML syntax error is reported where toml++ found it") {
    CHECK(broken_diagnostics("syntax-error.toml") ==
          std::vector<std::string>{"broken/syntax-error.toml:4:10: error: Error while parsing "
                                   "value: could not determine value type"});
}

TEST_CASE("a rubric without an id is reported at the top of the file") {
    CHECK(broken_diagnostics("missing-id.toml") ==
          std::vector<std::string>{
              "broken/missing-id.toml:1:1: error: the rubric is missing the key \"id\""});
}

TEST_CASE("a rubric without a name is reported at the top of the file") {
    CHECK(broken_diagnostics("missing-name.toml") ==
          std::vector<std::string>{
              "broken/missing-name.toml:1:1: error: the rubric is missing the key \"name\""});
}

TEST_CASE("a rubric without a weight is reported at the top of the file") {
    CHECK(broken_diagnostics("missing-weight.toml") ==
          std::vector<std::string>{
              "broken/missing-weight.toml:1:1: error: the rubric is missing the key \"weight\""});
}

TEST_CASE("a rubric without any phase is reported at the top of the file") {
    CHECK(broken_diagnostics("missing-phase.toml") ==
          std::vector<std::string>{
              "broken/missing-phase.toml:1:1: error: the rubric is missing the key \"phase\""});
}

TEST_CASE("a rubric without any criterion is reported at the top of the file") {
    CHECK(broken_diagnostics("missing-criterion.toml") ==
          std::vector<std::string>{"broken/missing-criterion.toml:1:1: error: the rubric is "
                                   "missing the key \"criterion\""});
}

TEST_CASE("a weight written as a string is reported at its value") {
    CHECK(broken_diagnostics("weight-is-a-string.toml") ==
          std::vector<std::string>{"broken/weight-is-a-string.toml:4:10: error: \"weight\" must "
                                   "be a number, not a string"});
}

TEST_CASE("a number among a phase's prompts is reported at that number") {
    CHECK(broken_diagnostics("prompt-is-a-number.toml") ==
          std::vector<std::string>{"broken/prompt-is-a-number.toml:9:35: error: \"prompts\" must "
                                   "hold only strings, not an integer"});
}

TEST_CASE("a misspelt phase key suggests the right one and the key is still missing") {
    CHECK(broken_diagnostics("unknown-key-minuts.toml") ==
          std::vector<std::string>{
              "broken/unknown-key-minuts.toml:8:1: error: unknown key \"minuts\" in [[phase]]; "
              "did you mean \"minutes\"?",
              "broken/unknown-key-minuts.toml:6:1: error: [[phase]] is missing the key "
              "\"minutes\""});
}

TEST_CASE("a misspelt optional rubric key suggests the right one") {
    CHECK(broken_diagnostics("unknown-key-tips.toml") ==
          std::vector<std::string>{"broken/unknown-key-tips.toml:5:1: error: unknown key "
                                   "\"tips\" in the rubric; did you mean \"tip\"?"});
}

TEST_CASE("an empty rubric id is reported at its value") {
    CHECK(broken_diagnostics("empty-id.toml") ==
          std::vector<std::string>{"broken/empty-id.toml:2:6: error: rubric id \"\" must be 1 to "
                                   "64 of a-z, 0-9 and '-'"});
}

TEST_CASE("a rubric id with capitals and spaces is reported at its value") {
    CHECK(broken_diagnostics("bad-id-characters.toml") ==
          std::vector<std::string>{"broken/bad-id-characters.toml:2:6: error: rubric id \"Tiny "
                                   "Rubric\" must be 1 to 64 of a-z, 0-9 and '-'"});
}

TEST_CASE("a criterion id used twice is reported at the second one") {
    CHECK(broken_diagnostics("duplicate-criterion-id.toml") ==
          std::vector<std::string>{"broken/duplicate-criterion-id.toml:18:6: error: criterion id "
                                   "\"clarity\" is used twice in this rubric"});
}

TEST_CASE("a question id used twice in one file is reported at the second one") {
    CHECK(broken_diagnostics("duplicate-question-id.toml") ==
          std::vector<std::string>{"broken/duplicate-question-id.toml:22:6: error: question id "
                                   "\"why\" is used twice in this file"});
}

TEST_CASE("an empty list of phases is reported once, at the list") {
    CHECK(broken_diagnostics("no-phases.toml") ==
          std::vector<std::string>{
              "broken/no-phases.toml:6:9: error: a rubric needs at least one [[phase]]"});
}

TEST_CASE("an empty list of criteria is reported once, at the list") {
    CHECK(broken_diagnostics("no-criteria.toml") ==
          std::vector<std::string>{
              "broken/no-criteria.toml:5:13: error: a rubric needs at least one [[criterion]]"});
}

TEST_CASE("a phase of zero minutes is reported at its budget") {
    CHECK(broken_diagnostics("zero-minutes.toml") ==
          std::vector<std::string>{"broken/zero-minutes.toml:8:11: error: \"minutes\" must be "
                                   "more than 0 and at most 1440 (0.5 is 30 seconds)"});
}

TEST_CASE("a phase with a negative budget is reported at its line") {
    CHECK(broken_diagnostics("negative-minutes.toml") ==
          std::vector<std::string>{"broken/negative-minutes.toml:8:11: error: \"minutes\" must be "
                                   "more than 0 and at most 1440 (0.5 is 30 seconds)"});
}

TEST_CASE("a negative rubric weight is reported at its value") {
    CHECK(broken_diagnostics("negative-weight.toml") ==
          std::vector<std::string>{
              "broken/negative-weight.toml:4:10: error: \"weight\" must be a number of 0 or more"});
}

TEST_CASE("a criterion without level 3 is reported at its levels") {
    CHECK(broken_diagnostics("missing-level-3.toml") ==
          std::vector<std::string>{"broken/missing-level-3.toml:13:1: error: criterion "
                                   "\"clarity\" needs levels.3: what a 3 means"});
}

TEST_CASE("a level of 7 is reported as not a score") {
    CHECK(broken_diagnostics("level-7.toml") ==
          std::vector<std::string>{"broken/level-7.toml:15:8: error: level \"7\" is not a score: "
                                   "use 1, 2, 3, 4 or 5"});
}

TEST_CASE("an empty level description is reported at its value") {
    CHECK(broken_diagnostics("empty-level.toml") ==
          std::vector<std::string>{"broken/empty-level.toml:13:12: error: level 1 must be a "
                                   "non-empty string saying what that score means"});
}

TEST_CASE("a question without text is reported at its table header") {
    CHECK(broken_diagnostics("question-without-text.toml") ==
          std::vector<std::string>{"broken/question-without-text.toml:17:1: error: [[question]] "
                                   "is missing the key \"text\""});
}

TEST_CASE("a newer format asks for a newer mockcoach") {
    CHECK(broken_diagnostics("newer-format.toml") ==
          std::vector<std::string>{"broken/newer-format.toml:1:10: error: format 2 is newer than "
                                   "this mockcoach reads (1); upgrade mockcoach"});
}

TEST_CASE("a question file without questions is reported at the top of the file") {
    CHECK(broken_diagnostics("question-file-without-questions.toml") ==
          std::vector<std::string>{"broken/question-file-without-questions.toml:1:1: error: a "
                                   "question file needs at least one [[question]]"});
}

TEST_CASE("a file with three distinct problems gets all three reported") {
    CHECK(broken_diagnostics("three-errors.toml") ==
          std::vector<std::string>{
              "broken/three-errors.toml:4:10: error: \"weight\" must be a number of 0 or more",
              "broken/three-errors.toml:8:11: error: \"minutes\" must be a number, not a string",
              "broken/three-errors.toml:15:8: error: level \"9\" is not a score: use 1, 2, 3, 4 "
              "or 5"});
}

TEST_CASE("a follow-up naming a phase the rubric lacks suggests the nearest phase") {
    CHECK(broken_diagnostics("followup-unknown-phase.toml") ==
          std::vector<std::string>{"broken/followup-unknown-phase.toml:21:13: error: follow-up of "
                                   "\"cache\" names phase \"Deep Dvie\", which rubric \"probe\" "
                                   "does not have; did you mean \"Deep Dive\"?"});
}

TEST_CASE("a question file's follow-up is checked against the phases of its rubric") {
    CHECK(broken_diagnostics("question-file-followup-phase.toml") ==
          std::vector<std::string>{
              "broken/question-file-followup-phase.toml:8:13: error: follow-up of \"late-rows\" "
              "names phase \"Deploy\", which rubric \"sql\" does not have; its phases: Clarify, "
              "Approach, Write, Verify"});
}

TEST_CASE("a blank key point is reported at the string itself") {
    CHECK(
        broken_diagnostics("empty-key-point.toml") ==
        std::vector<std::string>{"broken/empty-key-point.toml:7:58: error: key point 2 is empty"});
}

TEST_CASE("a follow-up with a misspelt key is reported with the key it means") {
    CHECK(broken_diagnostics("followup-unknown-key.toml") ==
          std::vector<std::string>{"broken/followup-unknown-key.toml:7:33: error: unknown key "
                                   "\"txt\" in a follow-up; did you mean \"text\"?",
                                   "broken/followup-unknown-key.toml:7:14: error: a follow-up is "
                                   "missing the key \"text\""});
}

TEST_CASE("\"also\" naming an unknown rubric suggests the nearest id") {
    CHECK(broken_diagnostics("also-unknown-rubric.toml") ==
          std::vector<std::string>{"broken/also-unknown-rubric.toml:7:8: error: question "
                                   "\"dedupe\" lists unknown rubric \"statistcs\" in \"also\"; "
                                   "did you mean \"statistics\"?"});
}

TEST_CASE("more than 12 key points or 8 follow-ups are refused, 12 and 8 are not") {
    const auto question = [](int points, int followups) {
        std::string text = "[[question]]\nid = \"q\"\ntext = \"Q\"\nkey_points = [";
        for (int i = 0; i < points; ++i) text += fmt::format("\"point {}\", ", i);
        text += "]\nfollowups = [";
        for (int i = 0; i < followups; ++i)
            text += fmt::format("{{ phase = \"Think\", text = \"probe {}?\" }}, ", i);
        return std::string(tiny) + text + "]\n";
    };
    Diagnostics ok;
    CHECK(load("t.toml", question(12, 8), ok).rubric.has_value());
    CHECK(formatted(ok).empty());
    Diagnostics refused;
    load("t.toml", question(13, 9), refused);
    CHECK(formatted(refused) ==
          std::vector<std::string>{"t.toml:16:14: error: 13 key points is too many: at most 12 (a "
                                   "strong answer's main points, usually 4 to 8)",
                                   "t.toml:17:13: error: 9 follow-ups is too many: at most 8 "
                                   "(usually 2 to 4)"});
}

TEST_CASE("every file of the broken corpus has a test with its expected diagnostics") {
    // The files checked above and in test_catalog.cpp; a new fixture must be added here too.
    const std::set<std::string> tested{"also-unknown-rubric.toml",
                                       "bad-id-characters.toml",
                                       "duplicate-criterion-id.toml",
                                       "duplicate-question-id.toml",
                                       "empty-id.toml",
                                       "empty-key-point.toml",
                                       "empty-level.toml",
                                       "followup-unknown-key.toml",
                                       "followup-unknown-phase.toml",
                                       "level-7.toml",
                                       "missing-criterion.toml",
                                       "missing-id.toml",
                                       "missing-level-3.toml",
                                       "missing-name.toml",
                                       "missing-phase.toml",
                                       "missing-weight.toml",
                                       "negative-minutes.toml",
                                       "negative-weight.toml",
                                       "newer-format.toml",
                                       "no-criteria.toml",
                                       "no-phases.toml",
                                       "prompt-is-a-number.toml",
                                       "question-file-duplicate-question.toml",
                                       "question-file-followup-phase.toml",
                                       "question-file-unknown-rubric.toml",
                                       "question-file-without-questions.toml",
                                       "question-without-text.toml",
                                       "syntax-error.toml",
                                       "three-errors.toml",
                                       "unknown-key-minuts.toml",
                                       "unknown-key-tips.toml",
                                       "weight-is-a-string.toml",
                                       "zero-minutes.toml"};
    std::set<std::string> present;
    for (const auto& file : list_files(fixture_path("broken"), ".toml"))
        present.insert(file.filename().string());
    CHECK(present == tested);
}

// Limits written inline: each boundary value next to the first one refused.

TEST_CASE("an id of 64 characters is accepted and one of 65 is not") {
    Diagnostics ok;
    CHECK(load("t.toml", tiny_with("\"tiny\"", "\"" + std::string(64, 'a') + "\""), ok).rubric);
    CHECK(ok.empty());
    Diagnostics bad;
    CHECK_FALSE(
        load("t.toml", tiny_with("\"tiny\"", "\"" + std::string(65, 'a') + "\""), bad).rubric);
    CHECK(formatted(bad) ==
          std::vector<std::string>{"t.toml:1:6: error: rubric id \"" + std::string(65, 'a') +
                                   "\" must be 1 to 64 of a-z, 0-9 and '-'"});
}

TEST_CASE("a weight of 0 is accepted and a fractional weight is kept") {
    Diagnostics diagnostics;
    const auto zero = load("t.toml", tiny_with("weight = 2", "weight = 0"), diagnostics);
    const auto quarter = load("t.toml", tiny_with("weight = 2", "weight = 0.25"), diagnostics);
    CHECK(diagnostics.empty());
    REQUIRE(zero.rubric);
    REQUIRE(quarter.rubric);
    CHECK(zero.rubric->weight == 0);
    CHECK(quarter.rubric->weight == 0.25);
}

TEST_CASE("a phase of 1440 minutes is accepted and one of 1440.5 is not") {
    Diagnostics ok;
    const auto day = load("t.toml", tiny_with("minutes = 5", "minutes = 1440"), ok);
    CHECK(ok.empty());
    REQUIRE(day.rubric);
    CHECK(day.rubric->total_seconds() == 86400);
    Diagnostics bad;
    CHECK_FALSE(load("t.toml", tiny_with("minutes = 5", "minutes = 1440.5"), bad).rubric);
    CHECK(formatted(bad) ==
          std::vector<std::string>{"t.toml:6:11: error: \"minutes\" must be more than 0 and at "
                                   "most 1440 (0.5 is 30 seconds)"});
}

TEST_CASE("a non-finite budget or weight is refused") {
    Diagnostics minutes;
    load("t.toml", tiny_with("minutes = 5", "minutes = inf"), minutes);
    CHECK(minutes.size() == 1);
    Diagnostics weight;
    load("t.toml", tiny_with("weight = 2", "weight = nan"), weight);
    CHECK(formatted(weight) ==
          std::vector<std::string>{"t.toml:3:10: error: \"weight\" must be a number of 0 or more"});
}

TEST_CASE("a table where a rubric expects an array of tables is a type error") {
    Diagnostics diagnostics;
    load("t.toml", tiny_with("[[phase]]", "[phase]"), diagnostics);
    CHECK(formatted(diagnostics) ==
          std::vector<std::string>{"t.toml:4:1: error: \"phase\" must be an array of tables "
                                   "([[phase]]), not a table"});
}

TEST_CASE("an older format number is refused") {
    Diagnostics diagnostics;
    load("t.toml", "format = 0\n" + std::string(tiny), diagnostics);
    CHECK(formatted(diagnostics) ==
          std::vector<std::string>{"t.toml:1:10: error: format must be 1"});
}

TEST_CASE("a pre-scan problem stops loading before any key is checked") {
    Diagnostics diagnostics;
    const auto loaded =
        load("t.toml", tiny_with("name = \"Tiny\"", "n\xC3\xA4me = \"Tiny\""), diagnostics);
    CHECK_FALSE(loaded.rubric);
    CHECK(formatted(diagnostics) ==
          std::vector<std::string>{"t.toml:2:2: error: non-ASCII character outside a string; put "
                                   "text in quotes"});
}

TEST_SUITE_END();
