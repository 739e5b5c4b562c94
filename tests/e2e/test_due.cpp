// Spaced repetition end to end: a history made by scripted sessions with chosen scores, moved
// to chosen days; `due --json` lists the questions due on the dates FSRS-5 gives (computed here
// from the published formulas), and `start --due` runs the most overdue one, or says nothing
// is due and draws as usual.
#include "pair_home.hpp"
#include "pty_session.hpp"
#include "run_binary.hpp"
#include "session_files.hpp"

#include "../history/fsrs_reference.hpp"
#include "../strings.hpp"
#include "util/text.hpp"
#include "util/wall_time.hpp"

#include <algorithm>
#include <chrono>
#include <doctest/doctest.h>
#include <sys/wait.h>

using namespace mockcoach;
using namespace mockcoach::testing;
namespace fs = std::filesystem;
namespace reference = mockcoach::fsrs_reference;

namespace {

const std::string four_questions = pair_rubric({
    {"first", "The first question?"},
    {"second", "The second question?"},
    {"third", "The third question?"},
    {"fourth", "The fourth question?"},
    {"a-question-with-a-long-identifier-indeed",
     "A question long enough that no narrow terminal shows it whole on one line, so it is cut."},
});

// Today as mockcoach reads it: the local date of the system clock.
std::int64_t today() {
    const Date date = civil_of(local_wall_time(std::chrono::system_clock::now())).date;
    return days_from_civil(date.year, date.month, date.day);
}

std::string iso_day(std::int64_t day) {
    return format_date(civil_from_days(day));
}

struct History : PairHome {
    History() : PairHome(four_questions) {}
    int offset_minutes = local_wall_time(std::chrono::system_clock::now()).offset_minutes;

    // A scripted session of `question`, scored `score` (none: left unscored), then moved to
    // 10:00 on `day` as if it had been run then.
    void session(const std::string& question, std::optional<int> score, std::int64_t day) {
        const auto before = files_ending(sessions, ".toml");
        const std::string script =
            "quit\n" + (score ? "score clarity " + std::to_string(*score) + "\n" : "");
        const RunResult run = this->run(
            {"start", "--question", "pair/" + question, "--clock", "virtual"}, {}, script);
        INFO(run.err);
        REQUIRE(run.exit_code == 0);
        const auto after = files_ending(sessions, ".toml");
        std::vector<fs::path> added;
        std::set_difference(after.begin(), after.end(), before.begin(), before.end(),
                            std::back_inserter(added));
        REQUIRE(added.size() == 1);
        const WallTime when = from_civil({civil_from_days(day), 10, 0, 0}, offset_minutes);
        WallTime end = when;
        end.utc += std::chrono::minutes(1);
        std::string text = slurp(added[0]);
        for (const auto& [key, value] : {std::pair{"started_at = ", when}, {"ended_at = ", end}}) {
            const auto at = text.find(std::string("\n") + key);
            REQUIRE(at != std::string::npos);
            const auto line_end = text.find('\n', at + 1);
            text.replace(at + 1, line_end - at - 1,
                         key + format_date_time(value, DateTimeForm::iso));
        }
        home.write(fs::relative(added[0], home.path()), text);
    }
};

// The value of the first `"NAME": ` after `from` in a JSON document, as written (strings with
// their quotes).
std::string field_after(const std::string& json, std::size_t from, const std::string& name) {
    const std::string key = "\"" + name + "\": ";
    const auto at = json.find(key, from);
    REQUIRE(at != std::string::npos);
    const auto start = at + key.size();
    return json.substr(start, json.find_first_of(",\n", start) - start);
}

std::size_t question_at(const std::string& json, const std::string& id) {
    return json.find("\"question_id\": \"" + id + "\"");
}

} // namespace

TEST_SUITE_BEGIN("e2e/due");

TEST_CASE("due lists the questions on FSRS's dates, and start --due runs the most overdue") {
    History h;
    const std::int64_t t = today();
    // first: Good 20 days ago, Again 3 days later. second: Easy 10 days ago. third: Hard 3
    // days ago. fourth: run but never scored, so never reviewed.
    h.session("first", 4, t - 20);
    h.session("first", 2, t - 17);
    h.session("second", 5, t - 10);
    h.session("third", 3, t - 3);
    h.session("fourth", std::nullopt, t - 2);

    // The reference: grades 3 then 1 three days apart; 4; 2.
    const double first_s = reference::next_S(reference::W[2], reference::D0(3), 1, 3);
    const double first_d = reference::next_D(reference::D0(3), 1);
    const std::int64_t first_due = t - 17 + reference::interval(first_s, 0.9);
    const std::int64_t second_due = t - 10 + reference::interval(reference::W[3], 0.9);
    const std::int64_t third_due = t - 3 + reference::interval(reference::W[1], 0.9);
    REQUIRE(first_due <= t);
    REQUIRE(third_due <= t);
    REQUIRE(second_due > t);
    REQUIRE(second_due <= t + 7);
    // Lowest recall now first: (17 and 3 days, less two hours at most for today's clock).
    const bool first_first = reference::R(17, first_s) < reference::R(3, reference::W[1]);

    const RunResult due = h.run({"due", "--json"});
    INFO(due.err);
    REQUIRE(due.exit_code == 0);
    const std::string& json = due.out;
    const auto soon_at = json.find("\"due_soon\"");
    REQUIRE(soon_at != std::string::npos);
    const auto first = question_at(json, "first");
    const auto second = question_at(json, "second");
    const auto third = question_at(json, "third");
    REQUIRE(first < soon_at);
    REQUIRE(third < soon_at);
    REQUIRE(second > soon_at);
    REQUIRE(second != std::string::npos);
    CHECK(question_at(json, "fourth") == std::string::npos); // never reviewed
    CHECK((first < third) == first_first);
    CHECK(field_after(json, first, "due") == "\"" + iso_day(first_due) + "\"");
    CHECK(field_after(json, first, "overdue_days") == std::to_string(t - first_due));
    CHECK(field_after(json, first, "reviews") == "2");
    CHECK(field_after(json, first, "lapses") == "1");
    CHECK(field_after(json, first, "last_score") == "2");
    CHECK(std::stod(field_after(json, first, "stability")) == doctest::Approx(first_s));
    CHECK(std::stod(field_after(json, first, "difficulty")) == doctest::Approx(first_d));
    CHECK(field_after(json, third, "due") == "\"" + iso_day(third_due) + "\"");
    CHECK(field_after(json, second, "due") == "\"" + iso_day(second_due) + "\"");
    CHECK(field_after(json, second, "overdue_days") == std::to_string(t - second_due));
    CHECK(field_after(json, 0, "today") == "\"" + iso_day(t) + "\"");

    // The text: both due now, the most overdue first, and the one coming due.
    const RunResult text = h.run({"due"});
    CHECK(text.exit_code == 0);
    CHECK(contains(text.out, "Due now: 2 questions"));
    CHECK(contains(text.out, "due " + std::to_string(t - third_due) + " days ago, " +
                                 iso_day(third_due)) == (t - third_due > 1));
    CHECK(contains(text.out, "pair/second"));
    CHECK((text.out.find("pair/first") < text.out.find("pair/third")) == first_first);

    // start --due with --question is refused before anything runs.
    const RunResult both = h.run({"start", "--due", "--question", "pair/first"}, {}, "quit\n");
    CHECK(both.exit_code == 2);
    CHECK(contains(both.err, "--due"));

    const RunResult drawn = h.run({"start", "--due", "--clock", "virtual"}, {}, "quit\n");
    INFO(drawn.err);
    CHECK(drawn.exit_code == 0);
    const std::string expected = first_first ? "first" : "third";
    CHECK(contains(drawn.out, "question: The " + expected + " question?\n"));
    CHECK_FALSE(contains(drawn.err, "no question is due"));

    // --category is honoured: nothing of behavioral is due, so it is drawn as usual.
    const RunResult other =
        h.run({"start", "--due", "--category", "behavioral", "--clock", "virtual"}, {}, "quit\n");
    CHECK(other.exit_code == 0);
    CHECK(contains(other.err, "mockcoach: no question is due for review; drawing as usual\n"));
    CHECK(contains(other.out, "category: Behavioral (behavioral)"));
}

TEST_CASE("with nothing due, start --due says so and draws as usual, and due says why") {
    History h;
    const RunResult empty = h.run({"due"});
    CHECK(empty.exit_code == 0);
    CHECK(contains(empty.out, "No sessions yet"));

    const RunResult start =
        h.run({"start", "--due", "-c", "pair", "--clock", "virtual"}, {}, "quit\n");
    INFO(start.err);
    CHECK(start.exit_code == 0);
    CHECK(contains(start.err, "mockcoach: no question is due for review; drawing as usual\n"));
    CHECK(contains(start.out, "category: Pair (pair)"));

    // Reviewed today with Easy: due in 16 days, nothing now.
    h.session("first", 5, today());
    const RunResult due = h.run({"due"});
    CHECK(contains(due.out, "Nothing is due for review today."));
    const std::int64_t next = today() + reference::interval(reference::W[3], 0.9);
    CHECK(contains(due.out, "The next comes due in " + std::to_string(next - today()) + " days (" +
                                iso_day(next) + ")."));

    const RunResult star = h.run({"star", "--due", "--clock", "virtual"}, {}, "quit\n");
    CHECK(star.exit_code == 0);
    CHECK(contains(star.err, "no question is due for review; drawing as usual"));
}

TEST_CASE("due says that no question in the chosen categories has been reviewed") {
    History h;
    h.session("first", 3, today() - 3);
    const RunResult sql = h.run({"due", "-c", "sql"});
    CHECK(sql.exit_code == 0);
    CHECK(sql.out == "No question in sql has been reviewed yet: a session is a review of its "
                     "question once you score it.\n");
    const RunResult two = h.run({"due", "-c", "sql", "-c", "behavioral"});
    CHECK(contains(two.out, "No question in sql or behavioral has been reviewed yet"));
    CHECK(contains(h.run({"due", "-c", "pair"}).out, "pair/first"));
}

TEST_CASE("due lists apart a question no longer in the rubrics, and names what start --due runs") {
    History h;
    // "first" is the most overdue (Again long ago), then it leaves the rubric.
    h.session("first", 1, today() - 30);
    h.session("third", 3, today() - 5);
    h.home.write(fs::relative(h.rubric, h.home.path()),
                 pair_rubric({{"second", "The second question?"},
                              {"third", "The third question?"},
                              {"fourth", "The fourth question?"}}));
    const RunResult due = h.run({"due"});
    INFO(due.err);
    REQUIRE(due.exit_code == 0);
    CHECK(contains(due.out, "Due now: 1 question"));
    const auto gone_at =
        due.out.find("No longer in the rubrics, so `start --due` passes over it: 1\n");
    REQUIRE(gone_at != std::string::npos);
    CHECK(due.out.find("pair/third") < gone_at);
    CHECK(due.out.find("pair/first") > gone_at);
    CHECK(due.out.ends_with("`mockcoach start --due` runs the first due now, pair/third.\n"));
    const RunResult drawn = h.run({"start", "--due", "--clock", "virtual"}, {}, "quit\n");
    CHECK(contains(drawn.out, "question: The third question?\n"));
    // JSON keeps its order and says which can still be run.
    const RunResult json = h.run({"due", "--json"});
    CHECK(field_after(json.out, question_at(json.out, "first"), "in_catalog") == "false");
    CHECK(field_after(json.out, question_at(json.out, "third"), "in_catalog") == "true");
}

TEST_CASE("stats counts the questions due now and in the next week, in text and in JSON") {
    History h;
    h.session("first", 2, today() - 5); // Again: due after a day, so overdue
    h.session("third", 3, today());     // Hard today: due tomorrow
    h.session("second", 5, today());    // Easy today: due in 16 days, beyond the week
    const RunResult text = h.run({"stats"});
    CHECK(text.exit_code == 0);
    CHECK(contains(text.out, "\nDue for review: 1 question now, 1 more in the next 7 days "
                             "(`mockcoach due` lists them)\n"));
    const RunResult json = h.run({"stats", "--json"});
    CHECK(contains(json.out, "\"due\": {\n    \"now\": 1,\n    \"next_days\": 7,\n    "
                             "\"soon\": 1\n  }\n}\n"));
    // --category narrows it; --since does not cut a question's older reviews.
    CHECK(contains(h.run({"stats", "-c", "behavioral", "--json"}).out, "\"now\": 0"));
    CHECK(contains(h.run({"stats", "--since", "today", "--json"}).out, "\"now\": 1"));
}

TEST_CASE("due fits a 40-column terminal, cutting a long question rather than wrapping it") {
    History h;
    h.session("a-question-with-a-long-identifier-indeed", 2, today() - 9);
    h.session("third", 3, today());
    PtySession pty({MOCKCOACH_BINARY, "due", "--sessions-dir", h.sessions.string(), "--rubrics",
                    h.rubric.string()},
                   {"HOME=" + h.home.path().string(), "PATH=/usr/bin:/bin", "TERM=dumb",
                    "NO_COLOR=1", "LC_ALL=C.UTF-8"},
                   40, 15);
    const int status = pty.wait_exit();
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    std::string out = pty.output();
    std::erase(out, '\r');
    CHECK(contains(out, "\npair/a-question-with-a-long-identifier-\u2026\n"));
    CHECK(contains(out, "\n  A question long enough that no narrow\u2026\n"));
    CHECK(contains(out, "pair/third\n"));
    for (const std::string& line : lines_of(out)) {
        CAPTURE(line);
        CHECK(display_width(line) <= 40);
    }
}

TEST_CASE("retention in the settings moves the due date") {
    History h;
    h.home.write(".config/mockcoach/config.toml", "retention = 0.8\n");
    h.session("second", 5, today());
    const RunResult due = h.run({"due", "--json", "--days", "3650"});
    REQUIRE(due.exit_code == 0);
    CHECK(field_after(due.out, 0, "retention") == "0.8");
    const std::int64_t expected = today() + reference::interval(reference::W[3], 0.8);
    CHECK(field_after(due.out, question_at(due.out, "second"), "due") ==
          "\"" + iso_day(expected) + "\"");
}

TEST_SUITE_END();
