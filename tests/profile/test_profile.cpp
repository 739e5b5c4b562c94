// Profiles: the loader's checks at their places, the weights a profile gives the draw (explicit
// or from its rounds), the budget scale of a round, and the shipped profiles against the
// shipped rubrics.
#include "profile/profile.hpp"

#include "../strings.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

using namespace mockcoach;
using mockcoach::testing::contains;

namespace {

std::optional<profile::Profile> load(std::string_view bytes, Diagnostics& diagnostics,
                                     std::string path = "day.toml") {
    return profile::load_profile({std::move(path), std::string(bytes)}, diagnostics);
}

std::string messages(const Diagnostics& diagnostics) {
    std::string all;
    for (const Diagnostic& d : diagnostics) all += format_diagnostic(d) + "\n";
    return all;
}

rubric::Rubric rubric_of(std::string id, double weight, double minutes) {
    rubric::Rubric rubric;
    rubric.id = std::move(id);
    rubric.weight = weight;
    rubric.phases.push_back({"Only", minutes, {}});
    rubric.questions.emplace_back();
    return rubric;
}

} // namespace

TEST_CASE("a profile with rounds reads every field, its id from the file name") {
    Diagnostics diagnostics;
    const auto day = load("name = \"Day\"\ndescription = \"Two rounds\"\n"
                          "[[round]]\nname = \"Code\"\ncategories = [\"dsa\", \"coding\"]\n"
                          "minutes = 45\nbreak_minutes = 10\n"
                          "[[round]]\nname = \"Talk\"\ncategories = [\"behavioral\"]\n"
                          "questions = 3\n",
                          diagnostics, "/home/me/profiles/my-day.toml");
    REQUIRE_MESSAGE(day, messages(diagnostics));
    CHECK(diagnostics.empty());
    CHECK(day->id == "my-day");
    CHECK(day->name == "Day");
    CHECK(day->description == "Two rounds");
    CHECK(day->weights.empty());
    REQUIRE(day->rounds.size() == 2);
    CHECK(day->rounds[0].categories == std::vector<std::string>{"dsa", "coding"});
    CHECK(day->rounds[0].minutes == 45);
    CHECK(day->rounds[0].break_minutes == 10);
    CHECK(day->rounds[0].questions == 1);
    CHECK(day->rounds[1].name == "Talk");
    CHECK_FALSE(day->rounds[1].minutes);
    CHECK(day->rounds[1].questions == 3);
    const rubric::Place& coding = day->rounds[0].category_places[1];
    CHECK(fmt::format("{}:{}:{}", coding.file, coding.line, coding.column) ==
          "/home/me/profiles/my-day.toml:5:22");
}

TEST_CASE("each mistake in a profile is reported at its place") {
    struct Case {
        std::string_view text;
        std::string_view expected;
    };
    const Case cases[] = {
        {"name = \"X\"\n",
         "day.toml:1:1: error: a profile needs [weights], [[round]] sections, or both"},
        {"name = \"X\"\n[weights]\nDSA = 3\n", "day.toml:3:1: error: \"DSA\" is not a category id"},
        {"name = \"X\"\n[weights]\ndsa = -1\n",
         "day.toml:3:7: error: the weight of category \"dsa\" must be a number of 0 or more"},
        {"name = \"X\"\n[weights]\ndsa = 0\n",
         "day.toml:2:1: error: [weights] must give at least one category more than 0"},
        {"name = \"X\"\n[[round]]\nname = \"A\"\ncategories = []\n",
         "day.toml:4:14: error: \"categories\" must name at least one category"},
        {"name = \"X\"\n[[round]]\nname = \"A\"\ncategories = [\"dsa\", \"dsa\"]\n",
         "day.toml:4:22: error: category \"dsa\" is named twice in this round"},
        {"name = \"X\"\n[[round]]\nname = \"A\"\ncategories = [\"dsa\"]\nminutes = 0\n",
         "day.toml:5:11: error: \"minutes\" must be more than 0 and at most 480"},
        {"name = \"X\"\n[[round]]\nname = \"A\"\ncategories = [\"dsa\"]\nquestions = 0\n",
         "day.toml:5:13: error: \"questions\" must be 1 to 20"},
        {"name = \"X\"\n[[round]]\nname = \"A\"\ncategories = [\"dsa\"]\nbreaks = 5\n",
         "day.toml:5:1: error: unknown key \"breaks\""},
        {"format = 2\nname = \"X\"\n[weights]\ndsa = 1\n",
         "day.toml:1:10: error: format 2 is newer than this mockcoach reads (1); upgrade "
         "mockcoach"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.text);
        Diagnostics diagnostics;
        CHECK_FALSE(load(c.text, diagnostics));
        REQUIRE(!diagnostics.empty());
        CHECK_MESSAGE(format_diagnostic(diagnostics.front()).starts_with(c.expected),
                      messages(diagnostics));
    }
}

TEST_CASE("a break after the last round is a warning, not an error") {
    Diagnostics diagnostics;
    const auto day = load("name = \"X\"\n[[round]]\nname = \"A\"\ncategories = [\"dsa\"]\n"
                          "[[round]]\nname = \"B\"\ncategories = [\"sql\"]\nbreak_minutes = 5\n",
                          diagnostics);
    CHECK(day);
    REQUIRE(diagnostics.size() == 1);
    CHECK(diagnostics[0].severity == Severity::warning);
    CHECK(diagnostics[0].line == 5);
}

TEST_CASE("explicit weights replace the seed's and leave unlisted categories out") {
    Diagnostics diagnostics;
    const auto profile = load("name = \"X\"\n[weights]\nsql = 3\ndsa = 1\n", diagnostics);
    REQUIRE(profile);
    const rubric::Rubric dsa = rubric_of("dsa", 39, 40), sql = rubric_of("sql", 4, 20),
                         ml = rubric_of("machine-learning", 103, 20);
    const rubric::Rubric* rubrics[] = {&ml, &dsa, &sql};
    CHECK(profile::category_weights(*profile, rubrics) == std::vector<double>{0, 1, 3});
}

TEST_CASE("without weights each category gets its share of the day's minutes") {
    Diagnostics diagnostics;
    const auto profile =
        load("name = \"X\"\n"
             "[[round]]\nname = \"Code\"\ncategories = [\"dsa\", \"coding\"]\nminutes = 48\n"
             "[[round]]\nname = \"Design\"\ncategories = [\"sd\"]\nminutes = 45\n"
             "[[round]]\nname = \"Stories\"\ncategories = [\"behavioral\"]\nquestions = 4\n",
             diagnostics);
    REQUIRE(profile);
    // dsa and coding share 48 minutes 3 : 1 by their seed weights; behavioral, with no minutes,
    // takes its rubric's 2.5 minutes four times.
    const rubric::Rubric dsa = rubric_of("dsa", 30, 40), coding = rubric_of("coding", 10, 40),
                         sd = rubric_of("sd", 20, 45),
                         behavioral = rubric_of("behavioral", 20, 2.5),
                         sql = rubric_of("sql", 4, 20);
    const rubric::Rubric* rubrics[] = {&dsa, &coding, &sd, &behavioral, &sql};
    const auto weights = profile::category_weights(*profile, rubrics);
    REQUIRE(weights.size() == 5);
    CHECK(weights[0] == doctest::Approx(36));
    CHECK(weights[1] == doctest::Approx(12));
    CHECK(weights[2] == doctest::Approx(45));
    CHECK(weights[3] == doctest::Approx(10));
    CHECK(weights[4] == 0);
}

TEST_CASE("a round's minutes scale the drawn rubric's budgets, shared among its questions") {
    const rubric::Rubric sd = rubric_of("sd", 20, 40), star = rubric_of("behavioral", 20, 2.5);
    profile::Round design;
    design.categories = {"sd"};
    design.minutes = 45;
    CHECK(profile::question_minutes(design, sd) == 45);
    CHECK(profile::budget_scale(design, sd) == doctest::Approx(45.0 / 40));
    profile::Round stories;
    stories.categories = {"behavioral"};
    stories.minutes = 30;
    stories.questions = 4;
    CHECK(profile::question_minutes(stories, star) == 7.5);
    CHECK(profile::budget_scale(stories, star) == 3);
    profile::Round own;
    own.categories = {"sd"};
    CHECK(profile::question_minutes(own, sd) == 40);
    CHECK(profile::budget_scale(own, sd) == 1);
}

TEST_CASE("a user's profile replaces the shipped one with its id") {
    const rubric::SourceFile shipped[] = {
        {"built-in:profiles/day.toml", "name = \"Shipped\"\n[weights]\ndsa = 1\n"},
        {"built-in:profiles/other.toml", "name = \"Other\"\n[weights]\nsql = 1\n"}};
    const rubric::SourceFile user[] = {
        {"/u/profiles/day.toml", "name = \"Mine\"\n[weights]\ndsa = 2\n"},
        {"/u/profiles/broken.toml", "name = 3\n"}};
    const profile::ProfileSet set = profile::build_profiles(shipped, user);
    CHECK(set.ids() == std::vector<std::string>{"day", "other"});
    REQUIRE(set.find("day"));
    CHECK(set.find("day")->name == "Mine");
    CHECK(set.find("day")->origin == "user");
    CHECK(set.find("other")->origin == "built-in");
    REQUIRE_FALSE(set.diagnostics.empty());
    for (const Diagnostic& d : set.diagnostics) CHECK(d.path == "/u/profiles/broken.toml");
}

TEST_CASE("every shipped profile loads and names only shipped categories") {
    const auto files = profile::shipped_profile_files();
    REQUIRE(files.size() >= 4);
    const profile::ProfileSet set = profile::build_profiles(files, {});
    CHECK_MESSAGE(set.diagnostics.empty(), messages(set.diagnostics));
    CHECK(set.profiles.size() == files.size());
    const rubric::Catalog catalog = rubric::build_catalog({rubric::embedded_layer()});
    for (const profile::Profile& profile : set.profiles) {
        CAPTURE(profile.id);
        CHECK_FALSE(profile.name.empty());
        CHECK_FALSE(profile.description.empty());
        Diagnostics diagnostics;
        profile::check_categories(profile, catalog, diagnostics);
        profile::check_round_questions(profile, catalog, diagnostics);
        CHECK_MESSAGE(diagnostics.empty(), messages(diagnostics));
    }
    // The example: the onsite gives ML system design the weight of a whole round.
    const profile::Profile* onsite = set.find("ml-engineer-onsite");
    REQUIRE(onsite);
    REQUIRE(onsite->rounds.size() == 4);
    std::vector<const rubric::Rubric*> rubrics;
    for (const rubric::Rubric& rubric : catalog.rubrics) rubrics.push_back(&rubric);
    const auto weights = profile::category_weights(*onsite, rubrics);
    double total = 0, design = 0;
    for (std::size_t i = 0; i < rubrics.size(); ++i) {
        total += weights[i];
        if (rubrics[i]->id == "ml-system-design") design = weights[i];
    }
    CHECK(design == 45);
    CHECK(total == doctest::Approx(165));
}

TEST_CASE("a category the catalog lacks is named with the nearest id") {
    Diagnostics diagnostics;
    const auto profile = load("name = \"X\"\n[weights]\nsytem-design = 1\n", diagnostics);
    REQUIRE(profile);
    const rubric::Catalog catalog = rubric::build_catalog({rubric::embedded_layer()});
    profile::check_categories(*profile, catalog, diagnostics);
    REQUIRE(diagnostics.size() == 1);
    CHECK(
        format_diagnostic(diagnostics[0]) ==
        "day.toml:3:1: error: unknown category \"sytem-design\"; did you mean \"system-design\"?");
}

TEST_CASE("a round asking more questions than its categories hold is an error at \"questions\"") {
    const std::string_view text = "name = \"SQL day\"\n"
                                  "[[round]]\n"
                                  "name = \"SQL\"\n"
                                  "categories = [\"sql\", \"stats\"]\n"
                                  "minutes = 60\n"
                                  "questions = 4\n";
    Diagnostics diagnostics;
    const auto profile = load(text, diagnostics);
    REQUIRE(profile);
    rubric::Catalog catalog;
    catalog.rubrics = {rubric_of("sql", 1, 10), rubric_of("stats", 1, 10)};
    catalog.rubrics[0].questions.resize(2);
    profile::check_round_questions(*profile, catalog, diagnostics);
    REQUIRE(diagnostics.size() == 1);
    CHECK(format_diagnostic(diagnostics[0]) ==
          "day.toml:6:13: error: the round asks 4 questions but its categories hold 3; a day "
          "never asks a question twice");

    // The catalog as loaded decides: a user's rubric that adds a question makes it enough.
    catalog.rubrics[1].questions.resize(2);
    Diagnostics enough;
    profile::check_round_questions(*profile, catalog, enough);
    CHECK_MESSAGE(enough.empty(), messages(enough));
}

TEST_CASE("every error of a profile comes in one run, in the order of the file") {
    // The round is read after [weights] and the categories are checked last, so without the
    // sort these would come out as 9, 6, 8, 5.
    Diagnostics diagnostics;
    const rubric::Catalog catalog = rubric::build_catalog({rubric::embedded_layer()});
    const auto profile = profile::load_profile({"mine.toml", "format = 1\n"
                                                             "name = \"Mine\"\n"
                                                             "[[round]]\n"
                                                             "name = \"A\"\n"
                                                             "categories = [\"dsa\", \"codng\"]\n"
                                                             "tempo = 3\n"
                                                             "[weights]\n"
                                                             "ml-sytem-design = 45\n"
                                                             "machine-learning = -3\n"},
                                               diagnostics, &catalog);
    CHECK_FALSE(profile);
    std::vector<std::string> places;
    for (const Diagnostic& d : diagnostics)
        places.push_back(fmt::format("{}:{}", d.line, d.column));
    const std::vector<std::string> in_file_order = {"5:22", "6:1", "8:1", "9:20"};
    CHECK_MESSAGE(places == in_file_order, messages(diagnostics));
    CHECK(contains(messages(diagnostics), "5:22: error: unknown category \"codng\""));
    CHECK(contains(messages(diagnostics),
                   "8:1: error: unknown category \"ml-sytem-design\"; did you mean "
                   "\"ml-system-design\"?"));
}

TEST_CASE("a format newer than this mockcoach reads is the only error reported") {
    // A profile of format 2 may well lay out its sections differently: "needs [weights]" or an
    // unknown key would be errors of this format, not of that file.
    Diagnostics diagnostics;
    CHECK_FALSE(load("format = 2\nname = \"X\"\n[days]\nfirst = 1\n", diagnostics));
    REQUIRE_MESSAGE(diagnostics.size() == 1, messages(diagnostics));
    CHECK(format_diagnostic(diagnostics[0]) ==
          "day.toml:1:10: error: format 2 is newer than this mockcoach reads (1); upgrade "
          "mockcoach");
    // An older or nonsense format is not such a file: everything else is still checked.
    diagnostics.clear();
    CHECK_FALSE(load("format = 0\nname = \"X\"\n", diagnostics));
    CHECK(diagnostics.size() == 2);
}

TEST_CASE("a broken profile is left out and remembered as broken, hiding a shipped one") {
    const rubric::SourceFile shipped[] = {
        {"built-in:profiles/day.toml", "name = \"Shipped\"\n[weights]\ndsa = 1\n"}};
    const rubric::SourceFile user[] = {
        {"/u/profiles/day.toml", "name = 3\n[weights]\ndsa = 1\n"},
        {"/u/profiles/typo.toml", "name = \"T\"\n[weights]\ndsx = 1\n"}};
    const rubric::Catalog catalog = rubric::build_catalog({rubric::embedded_layer()});
    const profile::ProfileSet set = profile::build_profiles(shipped, user, &catalog);
    CHECK_FALSE(set.find("day"));
    CHECK(set.is_broken("day"));
    // Only the catalog knows that dsx is no category.
    CHECK(set.is_broken("typo"));
    CHECK_FALSE(set.is_broken("other"));
    CHECK(profile::build_profiles(shipped, user).find("typo"));
}
