// `mockcoach score SESSION --by NAME` end to end, issue 18's "done when": a scripted session
// with its partner's packet, two reviews, and then the transcript, `show`, the calibration
// figures of `stats --format json` (worked out by hand below) and the errors that write nothing.
#include "../strings.hpp"
#include "pty_session.hpp"
#include "review_scenario.hpp"
#include "run_binary.hpp"
#include "session_files.hpp"

#include <doctest/doctest.h>
#include <fstream>
#include <sys/wait.h>
#include <unistd.h>

using namespace mockcoach;
using namespace mockcoach::testing;
namespace fs = std::filesystem;

TEST_SUITE_BEGIN("e2e/review");

TEST_CASE("two reviews are kept in the transcript, beside the self-scores, and nothing else "
          "changes") {
    const ReviewScenario s;
    const std::string before = s.transcript_bytes();
    CHECK(contains(before, "\nformat = 2\n"));
    s.review_twice();
    const std::string after = s.transcript_bytes();
    // The file as it was, but for its format number, then the two reviews.
    std::string expected = before;
    expected.replace(expected.find("\nformat = 2\n"), 12, "\nformat = 3\n");
    REQUIRE(after.size() > before.size());
    CHECK(after.substr(0, before.size()) == expected);
    const std::string reviews = after.substr(before.size());
    CHECK(reviews.starts_with("\n[[review]]\nby = \"Sam\"\nat = "));
    CHECK(contains(
        reviews, "comment = \"Clear API; the sizing was rushed.\"\n\n[[review.score]]\n"
                 "criterion = \"requirements\"\nname = \"Requirements and scoping\"\nvalue = 3\n"));
    CHECK(contains(reviews, "\n[[review.key_point]]\npoint = 1\nresult = \"covered\"\n"));
    CHECK(count(reviews, "[[review]]") == 2);
    CHECK(count(reviews, "[[review.score]]") == 7);
    CHECK(contains(reviews, "\n[[review]]\nby = \"Ana\"\n"));
    // Nothing but the transcript and its packet in the folder: no temp file left behind.
    CHECK(files_ending(s.sessions, ".toml").size() == 1);
    std::size_t entries = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(s.sessions)) ++entries;
    CHECK(entries == 2);

    const transcript::Transcript t = only_transcript(s.sessions);
    REQUIRE(t.reviews.size() == 2);
    CHECK(t.scores.size() == 5); // the candidate's own, as they were
    CHECK(t.reviews[1].by == "Ana");
    CHECK(t.reviews[1].comment.empty());
}

TEST_CASE("show lists each reviewer's column beside self, and the reviews under the scores") {
    const ReviewScenario s;
    s.review_twice();
    const RunResult show = s.run({"show", s.id});
    INFO(show.err);
    REQUIRE(show.exit_code == 0);
    // Sam's mean: (3 + 3 + 2 + 3) / 4 = 2.75, shown as 2.8; Ana's (2 + 3 + 4) / 3 = 3.
    CHECK(contains(show.out, "Scores\n  Criterion                 self  Sam  Ana\n"
                             "  Requirements and scoping     4    3    2\n"
                             "  High-level architecture      3    3    -\n"
                             "  Technical depth              4    2    3\n"
                             "  Trade-offs                   2    3    -\n"
                             "  Communication                5    -    4\n"
                             "  Mean                       3.6  2.8  3.0\n"));
    CHECK(contains(show.out, "\nReviews\n  Sam  "));
    CHECK(contains(show.out, "  key points 1 ✓  1 ✗\n    Clear API; the sizing was rushed.\n"));
    const RunResult markdown = s.run({"show", s.id, "--format", "markdown"});
    CHECK(contains(markdown.out, "| Criterion | Self | Sam | Ana |\n| --- | ---: | ---: | ---: |\n"
                                 "| Requirements and scoping | 4 | 3 | 2 |\n"));
    const RunResult json = s.run({"show", s.id, "--format", "json"});
    CHECK(contains(json.out, "\"review\": [\n    {\n      \"by\": \"Sam\",\n"));
    CHECK(contains(json.out, "\"point\": 1,\n          \"text\": \"Sizes it: 100M/month"));
    const RunResult exported = s.run({"export", "--format", "json"});
    CHECK(count(exported.out, "\"by\": ") == 2);
}

TEST_CASE("stats --format json gives the calibration figures worked out by hand") {
    const ReviewScenario s;
    s.review_twice();
    const RunResult stats = s.run({"stats", "--format", "json"});
    INFO(stats.err);
    REQUIRE(stats.exit_code == 0);
    // Self 4/3/4/2/5; Sam 3/3/2/3/-; Ana 2/-/3/-/4. Per criterion, the reviewers' mean first:
    // depth 4 - (2+3)/2 = +1.5, requirements 4 - (3+2)/2 = +1.5, communication 5 - 4 = +1,
    // trade-offs 2 - 3 = -1, architecture 3 - 3 = 0; ties in id order.
    const std::string row = "      {{\n        \"rubric\": \"system-design\",\n"
                            "        \"rubric_name\": \"System Design\",\n"
                            "        \"criterion\": \"{}\",\n        \"name\": \"{}\",\n"
                            "        \"self_mean\": {},\n        \"reviewers_mean\": {},\n"
                            "        \"difference\": {},\n        \"sessions\": 1\n      }}";
    const std::string criteria =
        "  \"calibration\": {\n    \"reviewed_sessions\": 1,\n    \"criteria\": [\n" +
        fmt::format(fmt::runtime(row), "depth", "Technical depth", 4, 2.5, 1.5) + ",\n" +
        fmt::format(fmt::runtime(row), "requirements", "Requirements and scoping", 4, 2.5, 1.5) +
        ",\n" + fmt::format(fmt::runtime(row), "communication", "Communication", 5, 4, 1) + ",\n" +
        fmt::format(fmt::runtime(row), "trade-offs", "Trade-offs", 2, 3, -1) + ",\n" +
        fmt::format(fmt::runtime(row), "architecture", "High-level architecture", 3, 3, 0) +
        "\n    ],\n";
    CHECK(contains(stats.out, criteria));
    // The category: self (4+3+4+2+5)/5 = 3.6 against (2.5+3+2.5+3+4)/5 = 3, so +0.6.
    const std::string category = "    \"categories\": [\n      {\n        \"rubric\": "
                                 "\"system-design\",\n        \"rubric_name\": \"System "
                                 "Design\",\n        \"self_mean\": 3.6,\n        "
                                 "\"reviewers_mean\": 3,\n        \"difference\": ";
    const auto at = stats.out.find(category);
    REQUIRE(at != std::string::npos);
    CHECK(std::stod(stats.out.substr(at + category.size())) == doctest::Approx(0.6));
    CHECK(contains(stats.out.substr(at), ",\n        \"sessions\": 1\n      }\n    ]\n  },\n"));

    const RunResult text = s.run({"stats"});
    CHECK(contains(text.out,
                   "Calibration (your scores against your reviewers', largest gap "
                   "first)\nCATEGORY       CRITERION                 SELF  REVIEWERS  DIFF  "
                   "SESSIONS\nsystem-design  Technical depth            4.0        2.5  +1.5"));
}

TEST_CASE("stats says how to get reviews when there are none") {
    const ReviewScenario s;
    const RunResult text = s.run({"stats"});
    CHECK(contains(text.out, "No reviews yet: after a session with a partner, `mockcoach score "
                             "SESSION --by NAME` records theirs."));
    const RunResult json = s.run({"stats", "--format", "json"});
    CHECK(contains(json.out, "\"calibration\": {\n    \"reviewed_sessions\": 0,\n    "
                             "\"criteria\": [],\n    \"categories\": []\n  },\n"));
}

TEST_CASE("the packet tells the partner the score command for this very session") {
    const ReviewScenario s;
    const std::string packet = slurp(s.sessions / (s.id + ".packet.html"));
    CHECK(contains(packet, "<code>mockcoach score " + s.id + " --by YOUR-NAME</code>"));
}

TEST_CASE("at a terminal, score asks for each criterion by its anchors, the key points and a "
          "comment") {
    const ReviewScenario s;
    PtySession pty(
        {MOCKCOACH_BINARY, "score", s.id, "--by", "Sam", "--sessions-dir", s.sessions.string()},
        live_environment(s.home.path()));
    REQUIRE(pty.wait_for("Requirements and scoping (requirements)"));
    REQUIRE(pty.wait_for("Score 1-5, or s to skip: "));
    pty.send("7\n"); // refused, asked again
    REQUIRE(pty.wait_for("Type 1, 2, 3, 4 or 5, or s to skip."));
    pty.send("3\n");
    for (const char* answer : {"s\n", "2\n", "3\n", "4\n"}) {
        REQUIRE(pty.wait_for("Score 1-5, or s to skip: "));
        pty.send(answer);
    }
    for (const char* answer : {"y\n", "s\n", "missed\n", "p\n", "s\n", "s\n", "s\n"}) {
        REQUIRE(pty.wait_for("covered, partly or missed (y, p, n), or s to skip: "));
        pty.send(answer);
    }
    REQUIRE(pty.wait_for("Comment ("));
    pty.send("Clear API.\n");
    REQUIRE(pty.wait_for("Recorded Sam's review of " + s.id +
                         ": 4 scores, 3 key points, a "
                         "comment."));
    const int status = pty.wait_exit();
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    const transcript::Transcript t = only_transcript(s.sessions);
    REQUIRE(t.reviews.size() == 1);
    CHECK(t.reviews[0].scores.size() == 4);
    CHECK(t.reviews[0].scores[1].criterion == "depth");
    CHECK(t.reviews[0].key_points.size() == 3);
    CHECK(t.reviews[0].key_points[1].point == 3);
    CHECK(t.reviews[0].comment == "Clear API.");
}

TEST_CASE("at a terminal, score --comment asks for no comment and keeps the one given, even "
          "when every other answer is skipped") {
    const ReviewScenario s;
    PtySession pty({MOCKCOACH_BINARY, "score", s.id, "--by", "Bo", "--comment", "Great sizing",
                    "--sessions-dir", s.sessions.string()},
                   live_environment(s.home.path()));
    for (int criterion = 0; criterion < 5; ++criterion) {
        REQUIRE(pty.wait_for("Score 1-5, or s to skip: "));
        pty.send("s\n");
    }
    for (int point = 0; point < 7; ++point) {
        REQUIRE(pty.wait_for("or s to skip: "));
        pty.send("s\n");
    }
    REQUIRE(pty.wait_for("Recorded Bo's review of " + s.id + ": 0 scores, a comment."));
    const int status = pty.wait_exit();
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    CHECK_FALSE(contains(pty.output(), "Comment ("));
    CHECK_FALSE(contains(pty.output(), "Nothing given"));
    const transcript::Transcript t = only_transcript(s.sessions);
    REQUIRE(t.reviews.size() == 1);
    CHECK(t.reviews[0].scores.empty());
    CHECK(t.reviews[0].comment == "Great sizing");
}

TEST_CASE("a review typed at a terminal while another is saved to the same session keeps both") {
    const ReviewScenario s;
    PtySession pty({MOCKCOACH_BINARY, "score", s.id, "--by", "Bo", "--comment", "Typed slowly",
                    "--sessions-dir", s.sessions.string()},
                   live_environment(s.home.path()));
    REQUIRE(pty.wait_for("Score 1-5, or s to skip: "));
    // Meanwhile, on another computer or terminal, a second partner records theirs.
    const RunResult other =
        run_mockcoach({"score", s.id, "--by", "Ana", "--criterion", "communication=4",
                       "--sessions-dir", s.sessions.string()},
                      with_home(s.home.path()));
    REQUIRE(other.exit_code == 0);
    pty.send("4\n");
    for (int criterion = 1; criterion < 5; ++criterion) {
        REQUIRE(pty.wait_for("Score 1-5, or s to skip: "));
        pty.send("s\n");
    }
    for (int point = 0; point < 7; ++point) {
        REQUIRE(pty.wait_for("or s to skip: "));
        pty.send("s\n");
    }
    REQUIRE(pty.wait_for("Recorded Bo's review of " + s.id + ": 1 score, a comment."));
    const int status = pty.wait_exit();
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    const transcript::Transcript t = only_transcript(s.sessions);
    REQUIRE(t.reviews.size() == 2);
    CHECK(t.reviews[0].by == "Ana");
    CHECK(t.reviews[1].by == "Bo");
    REQUIRE(t.reviews[1].scores.size() == 1);
    CHECK(t.reviews[1].scores[0].value == 4);
    CHECK(t.reviews[1].comment == "Typed slowly");
}

TEST_CASE("score names one session: no sessions and a part that matches several are usage "
          "errors on stderr, writing nothing") {
    TempDir home;
    const fs::path empty = home.path() / "empty";
    for (const char* which : {"latest", "url-shortener"}) {
        CAPTURE(which);
        const RunResult none = run_mockcoach({"score", which, "--by", "Sam", "--criterion",
                                              "depth=3", "--sessions-dir", empty.string()},
                                             with_home(home.path()));
        CHECK(none.exit_code == 2);
        CHECK(none.out.empty());
        CHECK(none.err == "mockcoach: error: no sessions yet in " + empty.string() +
                              ", so none to score; `mockcoach start` runs your first mock "
                              "interview\n");
    }

    const ReviewScenario s;
    // An older url-shortener session: the question's name now matches both.
    transcript::Transcript older = only_transcript(s.sessions);
    older.id = "20200101-000000-system-design-url-shortener";
    const fs::path older_file = s.sessions / (older.id + ".toml");
    { std::ofstream(older_file) << transcript::to_toml(older); }
    const std::string newest_before = s.transcript_bytes(), older_before = slurp(older_file);
    const RunResult two =
        s.run({"score", "url-shortener", "--by", "Sam", "--criterion", "depth=3"});
    CHECK(two.exit_code == 2);
    CHECK(two.out.empty());
    CHECK(two.err == "mockcoach: error: \"url-shortener\" matches 2 sessions; a review is written "
                     "into one, so name it in full (or `latest`), newest first:\n  " +
                         s.id + "\n  " + older.id + "\n");
    CHECK(s.transcript_bytes() == newest_before);
    CHECK(slurp(older_file) == older_before);
    // A part that matches one, an id in full, and `latest` still choose.
    const RunResult unique = s.run({"score", "20200101", "--by", "Sam", "--criterion", "depth=3"});
    CHECK(unique.exit_code == 0);
    CHECK(contains(unique.out, "Recorded Sam's review of " + older.id));
    const RunResult latest = s.run({"score", "latest", "--by", "Ana", "--criterion", "depth=4"});
    CHECK(latest.exit_code == 0);
    CHECK(contains(latest.out, "Recorded Ana's review of " + s.id));
}

TEST_CASE("a session interrupted before it was scored cannot be reviewed") {
    const ReviewScenario s;
    transcript::Transcript cut = only_transcript(s.sessions);
    cut.id = "20200101-000000-system-design-url-shortener";
    cut.status = transcript::Status::interrupted;
    cut.scores.clear();
    cut.mean_score.reset();
    const fs::path file = s.sessions / (cut.id + ".toml");
    const std::string bytes = transcript::to_toml(cut);
    { std::ofstream(file) << bytes; }
    const RunResult run = s.run({"score", cut.id, "--by", "Sam", "--criterion", "depth=3"});
    CHECK(run.exit_code == 2);
    CHECK(contains(run.err, "session " + cut.id + " was interrupted before it was scored"));
    CHECK(slurp(file) == bytes);
}

TEST_CASE("score refuses what it cannot record, writing nothing") {
    const ReviewScenario s;
    const std::string before = s.transcript_bytes();
    const auto refused = [&](const std::vector<std::string>& args, int status,
                             const std::string& message) {
        const RunResult run = s.run(args);
        INFO(run.err);
        CHECK(run.exit_code == status);
        CHECK(contains(run.err, message));
        CHECK(s.transcript_bytes() == before);
    };
    refused({"score", "no-such-session", "--by", "Sam", "--criterion", "depth=3"}, 2,
            "unknown session \"no-such-session\"");
    refused({"score", s.id, "--by", "Sam", "--criterion", "detph=3"}, 2,
            "has no criterion \"detph\"; its criteria are requirements, architecture, depth, "
            "trade-offs, communication; did you mean \"depth\"?");
    refused({"score", s.id, "--by", "Sam", "--criterion", "depth=6"}, 2,
            "--criterion depth=6: a score is 1, 2, 3, 4 or 5");
    refused({"score", s.id, "--by", "self", "--criterion", "depth=3"}, 2,
            "\"self\" stands for the candidate's own scores");
    refused({"score", s.id, "--by", "Sam", "--criterion", "depth=3", "--key-point", "9=covered"}, 2,
            "--key-point 9=covered: N is a key point's number, 1 to 7");
    refused({"score", s.id, "--by", "Sam"}, 2, "give the scores as --criterion ID=VALUE");
    refused({"score", s.id, "--by", "Sam", "--criterion", "depth=3", "--criterion", "depth=4"}, 2,
            "\"depth\" is scored twice");

    if (::geteuid() == 0) {
        MESSAGE("read-only folder case skipped: running as root, a read-only folder is writable");
        return;
    }
    fs::permissions(s.sessions, fs::perms::owner_read | fs::perms::owner_exec);
    const RunResult locked = s.run({"score", s.id, "--by", "Sam", "--criterion", "depth=3"});
    fs::permissions(s.sessions, fs::perms::owner_all);
    CHECK(locked.exit_code == 1);
    CHECK(s.transcript_bytes() == before);
    std::size_t entries = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(s.sessions)) ++entries;
    CHECK(entries == 2); // the transcript and its packet: no temp file
}

TEST_SUITE_END();
