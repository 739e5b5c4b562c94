// The summary index: what it writes is TOML, it reads back exactly, and anything it did not
// write is refused (so the caller rebuilds it) rather than half read.
#include "history/index.hpp"

#include "tomlfile/parse.hpp"

#include "fixtures.hpp"

#include <doctest/doctest.h>

using namespace mockcoach;
using namespace mockcoach::history;

namespace {

Index sample() {
    Index index;
    index.folder = "/home/someone/sessions \"quoted\"";
    Session a = history_fixtures::session("system-design", 1, {4, 3});
    a.question = "Tricky: \"quotes\", back\\slash, tab\there,\nnew line, caf\u00e9 \U0001F600";
    a.rubric_name = "System Design";
    a.mode = "star";
    a.status = transcript::Status::ended_early;
    a.started_at = history_fixtures::at(3, 23, -330);
    a.category_guess = "ml-system-design";
    a.category_guess_correct = false;
    a.loop = transcript::LoopPlace{"20261203-090000-ml-engineer-onsite", 3, 4, 2, 2};
    a.phases = {{"Requirements", 300, 60, 315, 0, 15}, {"Deep Dive", 1200, 0, 0, 0, 0}};
    a.scores[1].name = "Name, with \"comma\"";
    a.key_points = {{"Sizes writes: 1,150/s", transcript::Coverage::covered},
                    {"Names \"base62\"", transcript::Coverage::partly},
                    {"Caches redirects", std::nullopt}};
    a.prompts = {{"Draw the architecture", true}, {"APIs", false}};
    a.review_scores = {
        {"Sam \"the partner\"", "c1", 3}, {"Sam \"the partner\"", "c2", 5}, {"Alex", "c1", 2}};
    index.sessions.push_back(a);
    index.stamps.push_back({1832, 1732492685123456789});
    Session b = history_fixtures::session("dsa", 2, {}, transcript::Status::interrupted);
    index.sessions.push_back(b); // no phases, no scores
    index.stamps.push_back({12, 0});
    return index;
}

void check_same(const Session& x, const Session& y) {
    CHECK(x.file == y.file);
    CHECK(x.id == y.id);
    CHECK(x.status == y.status);
    CHECK(x.mode == y.mode);
    CHECK(transcript::toml_date_time(x.started_at) == transcript::toml_date_time(y.started_at));
    CHECK(x.rubric == y.rubric);
    CHECK(x.rubric_name == y.rubric_name);
    CHECK(x.question_id == y.question_id);
    CHECK(x.question == y.question);
    CHECK(x.category_guess == y.category_guess);
    CHECK(x.category_guess_correct == y.category_guess_correct);
    CHECK(x.loop == y.loop);
    REQUIRE(x.phases.size() == y.phases.size());
    for (std::size_t i = 0; i < x.phases.size(); ++i) {
        CHECK(x.phases[i].name == y.phases[i].name);
        CHECK(x.phases[i].budget_seconds == y.phases[i].budget_seconds);
        CHECK(x.phases[i].extended_seconds == y.phases[i].extended_seconds);
        CHECK(x.phases[i].used_seconds == y.phases[i].used_seconds);
        CHECK(x.phases[i].overtime_seconds == y.phases[i].overtime_seconds);
    }
    REQUIRE(x.key_points.size() == y.key_points.size());
    for (std::size_t i = 0; i < x.key_points.size(); ++i) {
        CHECK(x.key_points[i].text == y.key_points[i].text);
        CHECK(x.key_points[i].result == y.key_points[i].result);
    }
    REQUIRE(x.prompts.size() == y.prompts.size());
    for (std::size_t i = 0; i < x.prompts.size(); ++i) {
        CHECK(x.prompts[i].text == y.prompts[i].text);
        CHECK(x.prompts[i].ticked == y.prompts[i].ticked);
    }
    REQUIRE(x.scores.size() == y.scores.size());
    for (std::size_t i = 0; i < x.scores.size(); ++i) {
        CHECK(x.scores[i].criterion == y.scores[i].criterion);
        CHECK(x.scores[i].name == y.scores[i].name);
        CHECK(x.scores[i].value == y.scores[i].value);
    }
    REQUIRE(x.review_scores.size() == y.review_scores.size());
    for (std::size_t i = 0; i < x.review_scores.size(); ++i) {
        CHECK(x.review_scores[i].by == y.review_scores[i].by);
        CHECK(x.review_scores[i].criterion == y.review_scores[i].criterion);
        CHECK(x.review_scores[i].value == y.review_scores[i].value);
    }
}

std::string replaced(std::string text, std::string_view from, std::string_view to) {
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

} // namespace

TEST_SUITE_BEGIN("history/index");

TEST_CASE("the index reads back what it wrote, escapes and optional keys included") {
    const Index index = sample();
    const auto back = read_index(index_to_toml(index));
    REQUIRE(back);
    CHECK(back->folder == index.folder);
    REQUIRE(back->sessions.size() == 2);
    REQUIRE(back->stamps.size() == 2);
    for (std::size_t i = 0; i < 2; ++i) {
        CHECK(back->stamps[i].size == index.stamps[i].size);
        CHECK(back->stamps[i].mtime_ns == index.stamps[i].mtime_ns);
        check_same(back->sessions[i], index.sessions[i]);
    }
    CHECK_FALSE(back->sessions[1].category_guess);
    CHECK_FALSE(back->sessions[1].category_guess_correct);
    CHECK(back->sessions[0].loop->round == 3);
    CHECK(back->sessions[0].loop->question == 2);
    CHECK_FALSE(back->sessions[1].loop);
}

TEST_CASE("the index is TOML that toml++ reads, with the transcript's key names") {
    const std::string text = index_to_toml(sample());
    const auto parsed = tomlfile::parse("index.toml", text);
    REQUIRE(parsed.table);
    const toml::table& table = *parsed.table;
    CHECK(table["format"].value<std::int64_t>() == index_format);
    const toml::array* sessions = table["session"].as_array();
    REQUIRE(sessions);
    REQUIRE(sessions->size() == 2);
    const toml::table& first = *sessions->get(0)->as_table();
    CHECK(first["question"].value<std::string>() == sample().sessions[0].question);
    CHECK(first["mtime_ns"].value<std::int64_t>() == 1732492685123456789);
    CHECK(first["phases"][0][0].value<std::string>() == "Requirements");
    CHECK(first["phases"][0][3].value<std::int64_t>() == 315);
    CHECK(first["scores"][1][2].value<std::int64_t>() == 3);
    CHECK(first["review_scores"][2][0].value<std::string>() == "Alex");
    CHECK(first["review_scores"][1][2].value<std::int64_t>() == 5);
    CHECK(first["started_at"].as_date_time()->get().offset->minutes == -330);
}

TEST_CASE("an empty index has the header and no sessions") {
    const auto back = read_index(index_to_toml(Index{"/x", {}, {}}));
    REQUIRE(back);
    CHECK(back->folder == "/x");
    CHECK(back->sessions.empty());
}

TEST_CASE("anything the index writer would not write is refused") {
    const std::string good = index_to_toml(sample());
    REQUIRE(read_index(good));
    CHECK_FALSE(read_index(""));
    CHECK_FALSE(read_index("format = 4\n"));                               // no folder
    CHECK_FALSE(read_index(replaced(good, "format = 4", "format = 5")));   // a newer index
    CHECK_FALSE(read_index(replaced(good, "format = 4", "format = 3")));   // an older one
    CHECK_FALSE(read_index(replaced(good, "\"c2\", 5]", "\"c2\", 6]")));   // a review score of 6
    CHECK_FALSE(read_index(replaced(good, "\"partly\"]", "\"mostly\"]"))); // no such result
    CHECK_FALSE(read_index(replaced(good, ", true]", ", yes]")));
    CHECK_FALSE(read_index(good.substr(0, good.size() / 2)));         // cut mid-session
    CHECK_FALSE(read_index(good.substr(0, good.rfind("scores = ")))); // a key missing
    CHECK_FALSE(read_index(replaced(good, "size = 12\n", "size = 12\nsize = 13\n")));
    CHECK_FALSE(read_index(replaced(good, "mode = \"star\"", "mood = \"star\"")));
    CHECK_FALSE(read_index(replaced(good, "status = \"interrupted\"", "status = \"paused\"")));
    CHECK_FALSE(read_index(replaced(good, "size = 12", "size = twelve")));
    CHECK_FALSE(read_index(replaced(good, "\"Requirements\", 300", "\"Requirements\" 300")));
    CHECK_FALSE(
        read_index(replaced(good, "\"c0\", \"Criterion 0\", 4", "\"c0\", \"Criterion 0\", 9")));
    CHECK_FALSE(read_index(replaced(good, "T23:00:00-05:30", "T23:00:00")));
    CHECK_FALSE(read_index(replaced(good, "2026-11-03T", "2026-02-30T")));
    CHECK_FALSE(read_index(replaced(good, "\\t", "\\q")));
    CHECK_FALSE(read_index(good + "trailing garbage\n"));
    // What a transcript cannot hold, a terminal would obey: a damaged cache, rebuilt.
    CHECK_FALSE(read_index(replaced(good, "caf", "\\u001B]0;title\\u0007caf")));
    CHECK_FALSE(read_index(replaced(good, "caf", "\x1B[2Jcaf")));
    CHECK_FALSE(read_index(replaced(good, "caf",
                                    "\xFF"
                                    "caf")));
    // File and folder names are the file system's bytes: not UTF-8 is no damage there.
    const auto latin1 = read_index(replaced(good, "/home/someone", "/home/caf\xE9"));
    REQUIRE(latin1);
    CHECK(latin1->folder.starts_with("/home/caf\xE9"));
    CHECK_FALSE(read_index(
        replaced(good, "category_guess_correct = false", "category_guess_correct = no")));
}

TEST_SUITE_END();
