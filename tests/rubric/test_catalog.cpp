// Layering rubric files into the catalog, and the shipped rubrics compiled into the binary.
#include "fixtures.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <set>
#include <utility>

using namespace mockcoach;
using namespace mockcoach::testing;

namespace {

// A small valid rubric with the given questions.
std::string rubric_toml(std::string_view id, std::string_view name, double weight,
                        const std::vector<std::string>& question_ids) {
    std::string text = fmt::format("id = \"{}\"\nname = \"{}\"\nweight = {}\n"
                                   "[[phase]]\nname = \"Think\"\nminutes = 5\n"
                                   "[[criterion]]\nid = \"clarity\"\nname = \"Clarity\"\n"
                                   "levels.1 = \"a\"\nlevels.3 = \"b\"\nlevels.5 = \"c\"\n",
                                   id, name, weight);
    for (const std::string& q : question_ids)
        text += fmt::format("[[question]]\nid = \"{}\"\ntext = \"Question {}?\"\n", q, q);
    return text;
}

std::string questions_toml(std::string_view rubric_id,
                           const std::vector<std::string>& question_ids) {
    std::string text = fmt::format("rubric = \"{}\"\n", rubric_id);
    for (const std::string& q : question_ids)
        text += fmt::format("[[question]]\nid = \"{}\"\ntext = \"Question {}?\"\n", q, q);
    return text;
}

std::vector<std::string> question_ids(const rubric::Rubric& rubric) {
    std::vector<std::string> ids;
    for (const auto& q : rubric.questions) ids.push_back(q.id);
    return ids;
}

const rubric::Catalog& shipped() {
    static const rubric::Catalog catalog = rubric::build_catalog({rubric::embedded_layer()});
    return catalog;
}

} // namespace

TEST_SUITE_BEGIN("rubric/catalog");

TEST_CASE("every shipped rubric loads with no diagnostics") {
    CHECK(formatted(shipped().diagnostics).empty());
    CHECK(shipped().files_read.size() == 18);
    CHECK(shipped().rubrics.size() == 18);
}

TEST_CASE("the shipped rubrics are the seed's 18 categories and weights, heaviest first") {
    const std::vector<std::pair<std::string, double>> seed{{"machine-learning", 103},
                                                           {"dsa", 39},
                                                           {"behavioral", 20},
                                                           {"system-design", 20},
                                                           {"computer-vision", 11},
                                                           {"ml-system-design", 11},
                                                           {"model-evaluation", 10},
                                                           {"coding", 9},
                                                           {"deep-learning", 8},
                                                           {"model-deployment", 8},
                                                           {"llms", 7},
                                                           {"generative-ai", 6},
                                                           {"reinforcement-learning", 6},
                                                           {"nlp", 5},
                                                           {"sql", 4},
                                                           {"statistics", 3},
                                                           {"mlops", 2},
                                                           {"optimization", 1}};
    std::vector<std::pair<std::string, double>> loaded;
    for (const rubric::Rubric& r : shipped().rubrics) loaded.emplace_back(r.id, r.weight);
    CHECK(loaded == seed);
    double total = 0;
    for (const auto& [id, weight] : seed) total += weight;
    CHECK(total == 273);
}

TEST_CASE("every shipped rubric has at least its weight in questions and 4 to 6 criteria") {
    for (const rubric::Rubric& r : shipped().rubrics) {
        INFO(r.id);
        CHECK(static_cast<double>(r.questions.size()) >= r.weight);
        CHECK(r.criteria.size() >= 4);
        CHECK(r.criteria.size() <= 6);
        CHECK_FALSE(r.phases.empty());
        CHECK_FALSE(r.testing.empty());
        CHECK_FALSE(r.tip.empty());
    }
    CHECK(shipped().question_count() >= 273);
}

TEST_CASE("every shipped question has 4 to 8 key points of its own and 2 to 4 follow-ups") {
    std::set<std::string> seen_points;
    std::size_t questions = 0;
    for (const rubric::Rubric& r : shipped().rubrics) {
        for (const rubric::Question& q : r.questions) {
            INFO(r.id, "/", q.id);
            ++questions;
            CHECK(q.key_points.size() >= 4);
            CHECK(q.key_points.size() <= 8);
            CHECK(q.followups.size() >= 2);
            CHECK(q.followups.size() <= 4);
            // Written for the question: no key point is shared with another one.
            for (const std::string_view point : q.key_points)
                CHECK(seen_points.insert(std::string(point)).second);
            for (const std::string& id : q.also) CHECK(shipped().find(id) != nullptr);
            for (const rubric::Followup& followup : q.followups)
                CHECK(r.find_phase(followup.phase) != nullptr);
        }
    }
    CHECK(questions >= 340);
}

TEST_CASE("every shipped rubric is marked built-in and comes from the file named for its id") {
    for (const rubric::Rubric& r : shipped().rubrics) {
        CHECK(r.origin == "built-in");
        CHECK(r.place.file == "built-in:rubrics/" + r.id + ".toml");
    }
}

TEST_CASE("the catalog finds rubrics by id and counts their questions") {
    const rubric::Catalog catalog =
        rubric::build_catalog({{"one",
                                {{"a.toml", rubric_toml("alpha", "Alpha", 1, {"q1", "q2"})},
                                 {"b.toml", rubric_toml("beta", "Beta", 3, {"q3"})}},
                                {}}});
    CHECK(catalog.ids() == std::vector<std::string>{"beta", "alpha"});
    REQUIRE(catalog.find("alpha") != nullptr);
    CHECK(catalog.find("alpha")->name == "Alpha");
    CHECK(catalog.find("gamma") == nullptr);
    CHECK(catalog.question_count() == 3);
    CHECK(catalog.files_read == std::vector<std::string>{"a.toml", "b.toml"});
}

TEST_CASE("rubrics of equal weight are listed by id") {
    const rubric::Catalog catalog =
        rubric::build_catalog({{"one",
                                {{"z.toml", rubric_toml("zeta", "Zeta", 2, {"q"})},
                                 {"a.toml", rubric_toml("alpha", "Alpha", 2, {"q"})},
                                 {"m.toml", rubric_toml("mu", "Mu", 5, {"q"})}},
                                {}}});
    CHECK(catalog.ids() == std::vector<std::string>{"mu", "alpha", "zeta"});
}

TEST_CASE("a later layer's rubric replaces the built-in one with the same id") {
    const rubric::Catalog catalog = rubric::build_catalog(
        {rubric::embedded_layer(),
         {"user", {{"mine/sql.toml", rubric_toml("sql", "My SQL", 50, {"joins"})}}, {}}});
    CHECK(catalog.diagnostics.empty());
    CHECK(catalog.rubrics.size() == 18);
    const rubric::Rubric* sql = catalog.find("sql");
    REQUIRE(sql != nullptr);
    CHECK(sql->name == "My SQL");
    CHECK(sql->origin == "user");
    CHECK(sql->place.file == "mine/sql.toml");
    CHECK(question_ids(*sql) == std::vector<std::string>{"joins"}); // the built-in ones are gone
    CHECK(catalog.ids()[1] == "sql");                               // placed by its new weight
}

TEST_CASE("the same id in two later layers: the last layer wins without an error") {
    const rubric::Catalog catalog =
        rubric::build_catalog({{"first", {{"1.toml", rubric_toml("x", "First", 1, {"a"})}}, {}},
                               {"second", {{"2.toml", rubric_toml("x", "Second", 1, {"b"})}}, {}},
                               {"third", {{"3.toml", rubric_toml("x", "Third", 1, {"c"})}}, {}}});
    CHECK(catalog.diagnostics.empty());
    REQUIRE(catalog.rubrics.size() == 1);
    CHECK(catalog.rubrics[0].name == "Third");
    CHECK(catalog.rubrics[0].origin == "third");
}

TEST_CASE("a question file in a later layer adds to the built-in rubric") {
    const rubric::Catalog catalog = rubric::build_catalog(
        {rubric::embedded_layer(), {"extra", {fixture_file("addon/extra-sql.toml")}, {}}});
    CHECK(formatted(catalog.diagnostics).empty());
    const rubric::Rubric* sql = catalog.find("sql");
    const rubric::Rubric* builtin_sql = shipped().find("sql");
    REQUIRE(sql != nullptr);
    REQUIRE(builtin_sql != nullptr);
    CHECK(sql->questions.size() == builtin_sql->questions.size() + 1);
    CHECK(sql->questions.back().id == "dedupe-latest-event");
    CHECK(sql->questions.back().place.file == "addon/extra-sql.toml");
    CHECK(sql->origin == "built-in");
    CHECK(catalog.question_count() == shipped().question_count() + 1);
}

TEST_CASE("a question file in an earlier layer adds to the rubric that replaces the built-in") {
    const rubric::Catalog catalog = rubric::build_catalog(
        {rubric::embedded_layer(),
         {"user", {{"more-sql.toml", questions_toml("sql", {"window-rank"})}}, {}},
         {"team", {{"sql.toml", rubric_toml("sql", "Team SQL", 4, {"joins"})}}, {}}});
    CHECK(formatted(catalog.diagnostics).empty());
    const rubric::Rubric* sql = catalog.find("sql");
    REQUIRE(sql != nullptr);
    CHECK(sql->name == "Team SQL");
    CHECK(question_ids(*sql) == std::vector<std::string>{"joins", "window-rank"});
}

TEST_CASE("question files from several layers all add, in layer order") {
    const rubric::Catalog catalog =
        rubric::build_catalog({{"base", {{"r.toml", rubric_toml("r", "R", 1, {"a"})}}, {}},
                               {"one", {{"q1.toml", questions_toml("r", {"b"})}}, {}},
                               {"two", {{"q2.toml", questions_toml("r", {"c", "d"})}}, {}}});
    CHECK(catalog.diagnostics.empty());
    REQUIRE(catalog.find("r") != nullptr);
    CHECK(question_ids(*catalog.find("r")) == std::vector<std::string>{"a", "b", "c", "d"});
}

TEST_CASE("a question file naming an unknown rubric suggests the nearest id") {
    CHECK(broken_diagnostics("question-file-unknown-rubric.toml") ==
          std::vector<std::string>{"broken/question-file-unknown-rubric.toml:1:10: error: "
                                   "unknown rubric \"sistem-design\"; did you mean "
                                   "\"system-design\"?"});
}

TEST_CASE("a question file naming a rubric nothing like any id points to the list") {
    const rubric::Catalog catalog =
        rubric::build_catalog({rubric::embedded_layer(),
                               {"u", {{"q.toml", questions_toml("gardening", {"roses"})}}, {}}});
    CHECK(formatted(catalog.diagnostics) ==
          std::vector<std::string>{"q.toml:1:10: error: unknown rubric \"gardening\"; see "
                                   "`mockcoach rubrics list`"});
}

TEST_CASE("a question file repeating a question id of its rubric is reported with the first") {
    CHECK(broken_diagnostics("question-file-duplicate-question.toml") ==
          std::vector<std::string>{"broken/question-file-duplicate-question.toml:4:6: error: "
                                   "question id \"churn-labels\" is already in rubric \"sql\" "
                                   "(built-in:rubrics/sql.toml:91)"});
}

TEST_CASE("two question files adding the same id: the second is reported and the first kept") {
    const rubric::Catalog catalog = rubric::build_catalog(
        {{"base", {{"r.toml", rubric_toml("r", "R", 1, {"a"})}}, {}},
         {"one",
          {{"q1.toml", questions_toml("r", {"b", "c"})}, {"q2.toml", questions_toml("r", {"c"})}},
          {}}});
    CHECK(formatted(catalog.diagnostics) ==
          std::vector<std::string>{
              "q2.toml:3:6: error: question id \"c\" is already in rubric \"r\" (q1.toml:6)"});
    REQUIRE(catalog.find("r") != nullptr);
    CHECK(question_ids(*catalog.find("r")) == std::vector<std::string>{"a", "b", "c"});
    CHECK(catalog.find("r")->questions.back().place.file == "q1.toml");
}

TEST_CASE("two rubrics with the same id in one folder: the second is reported, the first kept") {
    const rubric::Catalog catalog = rubric::build_catalog(
        {{"folder",
          {fixture_file("same-id/first.toml"), fixture_file("same-id/second.toml")},
          {}}});
    CHECK(formatted(catalog.diagnostics) ==
          std::vector<std::string>{"same-id/second.toml:2:6: error: rubric id \"tiny\" is already "
                                   "defined in same-id/first.toml:2"});
    REQUIRE(catalog.rubrics.size() == 1);
    CHECK(catalog.rubrics[0].name == "Tiny");
    CHECK(catalog.rubrics[0].place.file == "same-id/first.toml");
}

TEST_CASE("a broken file does not take the other files of its layer down") {
    const rubric::Catalog catalog = rubric::build_catalog(
        {rubric::embedded_layer(),
         {"user",
          {fixture_file("broken/negative-weight.toml"), fixture_file("good/full.toml"),
           fixture_file("broken/question-file-unknown-rubric.toml"),
           fixture_file("addon/extra-sql.toml")},
          {}}});
    CHECK(catalog.diagnostics.size() == 2);
    for (const Diagnostic& d : catalog.diagnostics) CHECK(d.path.starts_with("broken/"));
    CHECK(catalog.rubrics.size() == 19);
    REQUIRE(catalog.find("take-home") != nullptr);
    CHECK(catalog.find("take-home")->origin == "user");
    CHECK(catalog.find("tiny") == nullptr);
    CHECK(catalog.find("sql")->questions.back().id == "dedupe-latest-event");
}

TEST_CASE("a broken override leaves the built-in rubric in place") {
    std::string broken = rubric_toml("sql", "Broken SQL", -1, {"joins"});
    const rubric::Catalog catalog =
        rubric::build_catalog({rubric::embedded_layer(), {"user", {{"sql.toml", broken}}, {}}});
    CHECK(catalog.diagnostics.size() == 1);
    REQUIRE(catalog.find("sql") != nullptr);
    CHECK(catalog.find("sql")->origin == "built-in");
}

TEST_CASE("files that could not be read are part of the catalog's diagnostics") {
    const Diagnostic unreadable{"gone.toml", 0, 0, Severity::error, "cannot open: denied"};
    const rubric::Catalog catalog = rubric::build_catalog(
        {{"user", {{"r.toml", rubric_toml("r", "R", 1, {"a"})}}, {unreadable}}});
    CHECK(formatted(catalog.diagnostics) ==
          std::vector<std::string>{"gone.toml: error: cannot open: denied"});
    CHECK(catalog.rubrics.size() == 1);
}

TEST_SUITE_END();
