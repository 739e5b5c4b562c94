// The interviewer's checks on written STAR answers: word counts, "I" against "we", a number in
// the Result, each part present, the total budget; and rescaling the parts' budgets.
#include "star/star.hpp"

#include "../strings.hpp"

#include <algorithm>
#include <doctest/doctest.h>

using namespace mockcoach;
using namespace mockcoach::star;

namespace {

transcript::Phase part(std::string name, std::string text, std::int64_t used = 30,
                       std::int64_t budget = 30) {
    transcript::Phase phase;
    phase.name = std::move(name);
    phase.text = std::move(text);
    phase.used_seconds = used;
    phase.budget_seconds = budget;
    return phase;
}

// A good answer: Action longest, "I" ahead, a number in Result, on time.
transcript::Transcript good_answer() {
    transcript::Transcript t;
    t.phases = {
        part("Situation", "Our churn model had silently degraded after a schema change.", 28, 30),
        part("Task", "I owned the fix and had two weeks.", 14, 15),
        part("Action",
             "I traced the drop to a renamed feature.\nI wrote a schema check in the pipeline, "
             "and we agreed on alerts. I retrained the model and I ran a shadow test first.",
             58, 60),
        part("Result", "Recall went back up by 12% and the check caught two more breaks.", 29, 30),
    };
    return t;
}

// The check `id` of the answer's checks (a copy: the list is a temporary).
Check check(const transcript::Transcript& answer, std::string_view id) {
    const std::vector<Check> checks = check_answer(answer);
    const auto found =
        std::find_if(checks.begin(), checks.end(), [&](const Check& c) { return c.id == id; });
    REQUIRE(found != checks.end());
    return *found;
}

} // namespace

TEST_SUITE_BEGIN("star/hints");

TEST_CASE("words are runs between blanks that hold a letter or a digit") {
    CHECK(count_words("") == 0);
    CHECK(count_words("   \n\t") == 0);
    CHECK(count_words("I fixed it.") == 3);
    CHECK(count_words("cut p99 latency - by 40%") == 5); // a lone dash is no word
    CHECK(count_words("line one\nline two") == 4);
    CHECK(count_words("caf\u00e9 na\u00efve") == 2);
}

TEST_CASE("I and we are counted as whole words in any case") {
    CHECK(count_pronouns("I did it; we shipped it").i == 1);
    CHECK(count_pronouns("I did it; we shipped it").we == 1);
    const Pronouns mixed = count_pronouns("I'm sure I've seen my own code. We'll see; our team.");
    CHECK(mixed.i == 3);
    CHECK(mixed.we == 2);
    // Not inside other words: "it", "wed", "weekly", "Iran", "mine" alone counts.
    const Pronouns inside = count_pronouns("it was wed weekly in Iran, owe, sweat; mine");
    CHECK(inside.i == 1);
    CHECK(inside.we == 0);
    CHECK(count_pronouns("WE DID. i did.").we == 1);
    CHECK(count_pronouns("WE DID. i did.").i == 1);
}

TEST_CASE("curly apostrophes, i.e. and the US are handled as a reader would") {
    CHECK(count_pronouns("I\u2019m leading; we\u2019re helping").i == 1);
    CHECK(count_pronouns("I\u2019m leading; we\u2019re helping").we == 1);
    CHECK(count_pronouns("the cheap option, i.e. a cache").i == 0);
    CHECK(count_pronouns("we launched in the US and then the EU").we == 1);
    CHECK(count_pronouns("they told us").we == 1);
}

TEST_CASE("a number in the text is a digit or a number word, but not 'one'") {
    CHECK(has_number("latency fell 40%"));
    CHECK(has_number("a 2x speed-up"));
    CHECK(has_number("saved $1.2M"));
    CHECK(has_number("x2 throughput"));
    CHECK(has_number("we halved the cost"));
    CHECK(has_number("three teams adopted it"));
    CHECK(has_number("a tenfold drop in pages"));
    CHECK(has_number("Twice as fast"));
    CHECK_FALSE(has_number("it went well and people were happy"));
    CHECK_FALSE(has_number("one of the best launches"));
    CHECK_FALSE(has_number("we unfold the plan")); // "-fold" counts after a number word only
}

TEST_CASE("a good answer passes every check, in the order an interviewer would ask") {
    const auto checks = check_answer(good_answer());
    REQUIRE(checks.size() == 5);
    CHECK(checks[0].id == "parts-present");
    CHECK(checks[1].id == "action-longest");
    CHECK(checks[2].id == "i-over-we");
    CHECK(checks[3].id == "result-number");
    CHECK(checks[4].id == "budget");
    for (const Check& c : checks) {
        CAPTURE(c.message);
        CHECK(c.passed);
    }
    CHECK(checks[0].message == "all 4 parts have something in them");
    CHECK(checks[2].message == "\"I\" outnumbers \"we\" in Action: 4 to 1");
    CHECK(checks[4].message == "the answer took 02:09 of its 02:15");
}

TEST_CASE("an empty part is named") {
    transcript::Transcript t = good_answer();
    t.phases[1].text = "";
    t.phases[3].text = "  \n ";
    const Check present = check(t, "parts-present");
    CHECK_FALSE(present.passed);
    CHECK(present.message == "nothing said in Task, Result");
}

TEST_CASE("an Action shorter than another part fails, naming the longer one") {
    transcript::Transcript t = good_answer();
    t.phases[0].text = "A long situation with many many many words in it, far more than anyone "
                       "needs, going on and on about the context and the org chart and more.";
    t.phases[2].text = "I fixed it.";
    const Check longest = check(t, "action-longest");
    CHECK_FALSE(longest.passed);
    CHECK(
        longest.message ==
        "Action has 3 words, fewer than Situation (28): spend most of the answer on what you did");
    t.phases[2].text = t.phases[0].text;
    CHECK(check(t, "action-longest").message.find("as many as Situation") != std::string::npos);
}

TEST_CASE("we outnumbering I in Action fails, and so does an Action without I") {
    transcript::Transcript t = good_answer();
    t.phases[2].text = "We met. We decided. We built it, and I reviewed it.";
    const Check mostly_we = check(t, "i-over-we");
    CHECK_FALSE(mostly_we.passed);
    CHECK(mostly_we.message ==
          "\"we\" outnumbers \"I\" in Action: 3 to 1; say which parts were yours");
    t.phases[2].text = "The model was retrained.";
    CHECK(check(t, "i-over-we").message == "Action never says \"I\": say what you did yourself");
    t.phases[2].text = "I proposed it and we built it.";
    CHECK_FALSE(check(t, "i-over-we").passed);
}

TEST_CASE("a Result without a number fails with advice") {
    transcript::Transcript t = good_answer();
    t.phases[3].text = "Everyone was happy with it.";
    const Check number = check(t, "result-number");
    CHECK_FALSE(number.passed);
    CHECK(number.message == "Result has no number: quantify the impact (%, time, money, users)");
}

TEST_CASE("an answer over its total budget fails by how much, even when each part is close") {
    transcript::Transcript t = good_answer();
    t.phases[2].used_seconds = 90;
    const Check budget = check(t, "budget");
    CHECK_FALSE(budget.passed);
    CHECK(budget.message == "the answer took 02:41, 00:26 over its 02:15");
}

TEST_CASE("checks about Action and Result are left out when the rubric has no such part") {
    transcript::Transcript t;
    t.phases = {part("Clarify", "I asked."), part("Design", "I drew it.")};
    const auto checks = check_answer(t);
    REQUIRE(checks.size() == 2);
    CHECK(checks[0].id == "parts-present");
    CHECK(checks[1].id == "budget");
}

TEST_CASE("the part names are matched whatever their case") {
    transcript::Transcript t = good_answer();
    t.phases[2].name = "ACTION";
    t.phases[3].name = "result";
    CHECK(check_answer(t).size() == 5);
}

TEST_CASE("the checks render as marked lines under a heading that says they are hints") {
    const auto text = render_checks(check_answer(good_answer()), Style(Colour::plain), 80);
    CHECK(text.find("Checks an interviewer would make (hints, not a score)\n") == 0);
    CHECK(text.find("  \u2713  all 4 parts have something in them\n") != std::string::npos);
    transcript::Transcript t = good_answer();
    t.phases[3].text = "fine";
    CHECK(render_checks(check_answer(t), Style(Colour::plain), 80).find("\u2717  Result") !=
          std::string::npos);
}

TEST_CASE("rescaling keeps the STAR proportions and adds up to the total exactly") {
    session::Plan plan;
    plan.phases = {{"Situation", 30'000, {}},
                   {"Task", 15'000, {}},
                   {"Action", 60'000, {}},
                   {"Result", 30'000, {}}};
    session::Plan doubled = plan;
    rescale(doubled, 270);
    CHECK(doubled.phases[0].budget == 60'000);
    CHECK(doubled.phases[1].budget == 30'000);
    CHECK(doubled.phases[2].budget == 120'000);
    CHECK(doubled.phases[3].budget == 60'000);

    session::Plan odd = plan;
    rescale(odd, 100); // 22.2 + 11.1 + 44.4 + 22.2: one spare second
    CHECK(odd.total_budget() == 100'000);
    CHECK(odd.phases[2].budget == 45'000); // Action gets the spare second
    CHECK(odd.phases[0].budget == 22'000);
    CHECK(odd.phases[1].budget == 11'000);
    CHECK(odd.phases[3].budget == 22'000);

    session::Plan tiny = plan;
    rescale(tiny, 4);
    for (const auto& phase : tiny.phases) CHECK(phase.budget == 1'000);
}

TEST_CASE("an empty answer passes no check, not even the budget") {
    transcript::Transcript t = good_answer();
    for (auto& phase : t.phases) phase.text.clear(), phase.used_seconds = 0;
    const std::vector<Check> checks = check_answer(t);
    REQUIRE(checks.size() == 5);
    for (const Check& c : checks) {
        CAPTURE(c.id);
        CHECK_FALSE(c.passed);
    }
    CHECK(check(t, "budget").message == "nothing was said, so 00:00 of its 02:15 is no answer");
}

TEST_CASE("a spoken answer's Action is the longest by time, and its other checks read the words") {
    transcript::Transcript t = good_answer();
    t.mode = "star-aloud";
    for (auto& phase : t.phases) phase.text = "a few words";
    t.phases[3].text = "recall up 12%";
    const Check longest = check(t, "action-longest");
    CHECK(longest.passed);
    CHECK(longest.message == "Action took the longest: 00:58 of 02:09");
    CHECK(check(t, "result-number").passed);
    t.phases[0].used_seconds = 70;
    CHECK(check(t, "action-longest").message ==
          "Action took 00:58, less than Situation (01:10): spend most of the answer on what you "
          "did");
    t.phases[1].text.clear();
    CHECK(check(t, "parts-present").message == "no words typed for Task");
    // Spoken in time with no words typed is still an answer in time...
    t.phases[0].used_seconds = 28;
    for (auto& phase : t.phases) phase.text.clear();
    CHECK(check(t, "budget").message == "the answer took 02:09 of its 02:15");
    // ...but one that used no time is empty.
    for (auto& phase : t.phases) phase.used_seconds = 0;
    CHECK(check(t, "budget").message == "nothing was spoken, so 00:00 of its 02:15 is no answer");
}

TEST_CASE("the checks of an answer in progress read the engine's parts as they stand") {
    session::Plan plan;
    plan.phases = {{"Situation", 30'000, {}}, {"Action", 60'000, {}}, {"Result", 30'000, {}}};
    session::Engine engine(plan);
    CHECK(engine.apply({session::EventKind::start, 0}).accepted());
    CHECK(engine.apply({session::EventKind::say, 1'000, "We had churn."}).accepted());
    CHECK(engine.apply({session::EventKind::next, 10'000}).accepted());
    CHECK(
        engine.apply({session::EventKind::say, 11'000, "I fixed it and I tested it."}).accepted());
    CHECK(engine.apply({session::EventKind::quit, 40'000}).accepted());
    transcript::Header meta;
    meta.mode = "star";
    const std::vector<Check> checks = check_answer(engine, meta);
    REQUIRE(checks.size() == 5);
    CHECK(checks[0].message == "nothing said in Result");
    CHECK(checks[1].passed); // Action the longest
    CHECK(checks[2].passed); // I over we
    CHECK_FALSE(checks[3].passed);
    CHECK(checks[4].message == "the answer took 00:40 of its 02:00");
}

TEST_CASE("typed answers get the spoken budget scaled to typing speed, unless the total is set") {
    const Budget typed = star_budget(135, session::Delivery::typed, std::nullopt, "", 40);
    CHECK(typed.total_seconds == 506); // 135 x 150/40 = 506.25
    CHECK(typed.rule ==
          "08:26 for typing: the spoken 02:15 \u00d7 150/40 words a minute (star_typing_wpm)");
    CHECK(star_budget(135, session::Delivery::typed, std::nullopt, "", 150).total_seconds == 135);
    const Budget spoken = star_budget(135, session::Delivery::aloud, std::nullopt, "", 40);
    CHECK(spoken.total_seconds == std::nullopt);
    CHECK(spoken.rule == "02:15 for speaking, at about 150 words a minute");
    const Budget set = star_budget(135, session::Delivery::typed, 90, "--seconds", 40);
    CHECK(set.total_seconds == 90);
    CHECK(set.rule == "01:30 as set by --seconds (not scaled for typing)");
    CHECK(star_budget(135, session::Delivery::aloud, 90, "star_seconds (config.toml:2)", 40).rule ==
          "01:30 as set by star_seconds (config.toml:2)");
}

TEST_SUITE_END();
