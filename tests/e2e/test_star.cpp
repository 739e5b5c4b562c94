// `mockcoach star` and `mockcoach stories`, end to end with the real binary: a scripted
// rehearsal saved as a transcript and a story, a re-rehearsal adding to its history, coverage,
// removal, and bad input refused with exit 2 and nothing written outside the data folder.
#include "run_binary.hpp"
#include "session_files.hpp"

#include "../strings.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <fstream>
#include <sstream>

using namespace mockcoach;
using namespace mockcoach::testing;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> star_args(const fs::path& sessions, std::vector<std::string> extra) {
    std::vector<std::string> args{"star", "--clock", "virtual", "--sessions-dir",
                                  sessions.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
}

// Typing as fast as speaking, so that these tests read the rubric's own budgets (02:15); the
// scaling to typing speed has its own tests (test_star_aloud.cpp). The settings live apart
// from the home, which some tests check is left as it was.
RunResult run_with_input(const TempDir& home, const std::vector<std::string>& args,
                         std::string input) {
    TempDir config;
    config.write("mockcoach/config.toml", "star_typing_wpm = 150\n");
    RunOptions options = with_home(home.path());
    options.env.push_back("XDG_CONFIG_HOME=" + config.path().string());
    options.input = std::move(input);
    return run_mockcoach(args, options);
}

const char* first_rehearsal = R"(say Our churn model had silently degraded after a schema change.
wait 28
next
say I owned the fix, with two weeks to ship it.
wait 14
next
say I traced the drop to a renamed feature.
say I added a schema check to the pipeline and I retrained the model; we reviewed it together.
wait 61
next
say Recall recovered 12% and the check caught 2 more breaks that quarter.
wait 29
next
score structure 4
score ownership 5
score technical-substance 3
score collaboration 3
score impact 4
skip reflection
reflect Tighter situation next time.
save-story Churn model rescue ownership,Technical-Challenge
)";

const char* second_rehearsal = R"(say The churn model broke quietly.
wait 20
next
say Mine to fix.
wait 10
next
say We looked at it.
wait 50
next
say It went well.
wait 40
next
score structure 3
)";

// Every regular file under `root`, relative to it.
std::vector<std::string> files_under(const fs::path& root) {
    std::vector<std::string> found;
    for (const auto& entry : fs::recursive_directory_iterator(root))
        if (entry.is_regular_file()) found.push_back(fs::relative(entry.path(), root).string());
    std::sort(found.begin(), found.end());
    return found;
}

} // namespace

TEST_SUITE_BEGIN("e2e/star");

TEST_CASE("a scripted STAR rehearsal under the virtual clock saves the transcript and the story") {
    TempDir home;
    const fs::path sessions = home.path() / "sessions";
    const RunResult run = run_with_input(
        home, star_args(sessions, {"--question", "end-to-end-project", "--seed", "3"}),
        first_rehearsal);
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    CHECK(contains(run.out, "plan: Situation 00:30, Task 00:15, Action 01:00, Result 00:30 "
                            "(total 02:15)"));
    CHECK(contains(run.out, "phase 3/4: Action (01:00)\n  - What YOU did"));
    CHECK(contains(run.out, "time: Action is over its 01:00 budget"));
    // The whole answer with each part's time against its budget, then the hints.
    CHECK(contains(run.out, "Action     01:01 / 01:00"));
    CHECK(contains(run.out, "I traced the drop to a renamed feature."));
    CHECK(contains(run.out, "Checks an interviewer would make (hints, not a score)"));
    CHECK(contains(run.out, "\u2713  all 4 parts have something in them"));
    CHECK(contains(run.out, "\u2713  Action is the longest part"));
    CHECK(contains(run.out, "\u2713  \"I\" outnumbers \"we\" in Action: 3 to 1"));
    CHECK(contains(run.out, "\u2713  Result has a number"));
    CHECK(contains(run.out, "\u2717  the answer took 02:12 of its 02:15") == false);
    CHECK(contains(run.out, "\u2713  the answer took 02:12 of its 02:15"));
    CHECK(contains(run.out, "story: saved \"Churn model rescue\" (themes: ownership, "
                            "technical-challenge)"));
    CHECK(files_ending(sessions, ".journal").empty());

    const transcript::Transcript t = only_transcript(sessions);
    CHECK(t.mode == "star");
    CHECK(t.rubric == "behavioral");
    CHECK(t.question_id == "end-to-end-project");
    CHECK(t.story == "Churn model rescue");
    CHECK(t.status == transcript::Status::completed);
    REQUIRE(t.phases.size() == 4);
    CHECK(t.phases[0].used_seconds == 28);
    CHECK(t.phases[2].used_seconds == 61);
    CHECK(t.phases[2].overtime_seconds == 1);
    CHECK(t.phases[2].text == "I traced the drop to a renamed feature.\nI added a schema check to "
                              "the pipeline and I retrained the model; we reviewed it together.");
    CHECK(t.phases[3].text ==
          "Recall recovered 12% and the check caught 2 more breaks that quarter.");
    CHECK(t.scores.size() == 5);
    CHECK(t.skipped == std::vector<std::string>{"reflection"});

    const fs::path story = sessions / "stories" / "churn-model-rescue.toml";
    REQUIRE(fs::exists(story));
    const std::string text = slurp(story);
    CHECK(contains(text, "name = \"Churn model rescue\"\n"));
    CHECK(contains(text, "themes = [\"ownership\", \"technical-challenge\"]\n"));
}

TEST_CASE("rehearsing a saved story again adds to its history, and show and list see both") {
    TempDir home;
    const fs::path sessions = home.path() / "sessions";
    REQUIRE(run_with_input(home, star_args(sessions, {"--question", "end-to-end-project"}),
                           first_rehearsal)
                .exit_code == 0);
    const RunResult again =
        run_with_input(home, star_args(sessions, {"--story", "churn MODEL rescue", "--seed", "11"}),
                       second_rehearsal);
    INFO(again.err);
    REQUIRE(again.exit_code == 0);
    CHECK(contains(again.out, "story: Churn model rescue\n"));
    // The hints that fail say why.
    CHECK(contains(again.out, "\u2717  \"we\" outnumbers \"I\" in Action: 1 to 0"));
    CHECK(contains(again.out, "\u2717  Result has no number"));
    const auto transcripts = files_ending(sessions, ".toml");
    REQUIRE(transcripts.size() == 2);

    // The question drawn for the story is one of its themes'.
    Diagnostics problems;
    std::vector<std::string> story_questions;
    for (const auto& path : transcripts) {
        const auto t = transcript::read_transcript(path.string(), slurp(path), problems);
        REQUIRE(t.has_value());
        CHECK(t->story.has_value());
        story_questions.push_back(t->question_id);
    }
    const std::vector<std::string> themed{"end-to-end-project",        "offline-online-gap",
                                          "production-incident",       "vague-goal",
                                          "own-bug-in-prod",           "hardest-technical-problem",
                                          "simple-baseline-over-hype", "unowned-problem",
                                          "unfamiliar-domain",         "raised-risk"};
    for (const auto& id : story_questions)
        CHECK(std::find(themed.begin(), themed.end(), id) != themed.end());

    const RunResult show = run_mockcoach(
        {"stories", "show", "Churn model rescue", "--sessions-dir", sessions.string()});
    INFO(show.err);
    REQUIRE(show.exit_code == 0);
    CHECK(contains(show.out, "themes: ownership (project ownership), technical-challenge "
                             "(technical challenges)"));
    CHECK(contains(show.out, "rehearsed 2 times"));
    CHECK(contains(show.out, "Latest answer"));
    CHECK(contains(show.out, "  We looked at it.")); // the latest text per part
    CHECK_FALSE(contains(show.out, "renamed feature"));
    CHECK(contains(show.out, "Rehearsals"));
    CHECK(contains(show.out, "DATE"));
    CHECK(contains(show.out, "Situation"));
    CHECK(contains(show.out, "02:12/02:15"));
    CHECK(contains(show.out, "02:00/02:15"));
    CHECK(contains(show.out, "3.8")); // the first rehearsal's mean score
    CHECK(contains(show.out, "3.0"));

    const RunResult list = run_mockcoach({"stories", "list", "--sessions-dir", sessions.string()});
    REQUIRE(list.exit_code == 0);
    CHECK(contains(list.out, "NAME"));
    CHECK(contains(list.out, "Churn model rescue"));
    CHECK(contains(list.out, "ownership, technical-challenge"));
    const std::vector<std::string> rows = lines_of(list.out);
    REQUIRE(rows.size() == 2);
    CHECK(contains(rows[1], " 2 "));
    CHECK(rows[1].ends_with(" 3.0"));

    const RunResult json =
        run_mockcoach({"stories", "list", "--json", "--sessions-dir", sessions.string()});
    REQUIRE(json.exit_code == 0);
    CHECK(contains(json.out, "\"name\": \"Churn model rescue\""));
    CHECK(contains(json.out, "\"rehearsals\": 2"));
    CHECK(contains(json.out, "\"last_score\": 3"));
    CHECK(contains(json.out, "\"themes\": ["));
}

TEST_CASE("coverage shows each theme's stories and flags the themes without one") {
    TempDir home;
    const fs::path sessions = home.path() / "sessions";
    const RunResult empty =
        run_mockcoach({"stories", "coverage", "--sessions-dir", sessions.string()});
    REQUIRE(empty.exit_code == 0);
    CHECK(contains(empty.out, "0 of "));
    CHECK_FALSE(fs::exists(sessions)); // reading never creates the folder

    REQUIRE(run_with_input(home, star_args(sessions, {"--question", "end-to-end-project"}),
                           first_rehearsal)
                .exit_code == 0);
    const RunResult run =
        run_mockcoach({"stories", "coverage", "--sessions-dir", sessions.string()});
    INFO(run.out);
    REQUIRE(run.exit_code == 0);
    const std::vector<std::string> rows = lines_of(run.out);
    REQUIRE(rows.size() > 6);
    CHECK(contains(rows[0], "THEME"));
    CHECK(contains(rows[1], "ownership *"));
    CHECK(contains(rows[1], "Churn model rescue"));
    CHECK(contains(rows[2], "technical-challenge *"));
    CHECK(contains(rows[2], "Churn model rescue"));
    CHECK(contains(rows[3], "collaboration *"));
    CHECK(contains(rows[3], "NONE: prepare one"));
    CHECK(contains(rows[4], "failure *"));
    CHECK(contains(rows[4], "NONE: prepare one"));
    CHECK(contains(run.out, "2 of 9 themes have a story. Next to prepare: a story about"));

    const RunResult json =
        run_mockcoach({"stories", "coverage", "--json", "--sessions-dir", sessions.string()});
    REQUIRE(json.exit_code == 0);
    CHECK(contains(json.out, "\"theme\": \"ownership\""));
    CHECK(contains(json.out, "\"stories\": [\n      \"Churn model rescue\"\n    ]"));
}

TEST_CASE("stories remove asks first, keeps the story unless told yes, and keeps transcripts") {
    TempDir home;
    const fs::path sessions = home.path() / "sessions";
    REQUIRE(run_with_input(home, star_args(sessions, {"--question", "mentoring"}),
                           "say a\nnext\nsay b\nnext\nsay c\nnext\nsay d\nnext\nsave-story "
                           "mentor maria leadership\n")
                .exit_code == 0);
    const fs::path story = sessions / "stories" / "mentor-maria.toml";
    REQUIRE(fs::exists(story));
    const std::vector<std::string> remove{"stories", "remove", "Mentor Maria", "--sessions-dir",
                                          sessions.string()};

    const RunResult declined = run_with_input(home, remove, "n\n");
    CHECK(declined.exit_code == 0);
    CHECK(contains(declined.out, "Remove the story \"mentor maria\""));
    CHECK(contains(declined.out, "Its transcripts stay (1 rehearsal). [y/N] "));
    CHECK(contains(declined.out, "Kept \"mentor maria\"."));
    CHECK(fs::exists(story));

    const RunResult no_answer = run_with_input(home, remove, "");
    CHECK(contains(no_answer.out, "no answer; --yes removes without asking"));
    CHECK(fs::exists(story));

    const RunResult accepted = run_with_input(home, remove, "y\n");
    CHECK(accepted.exit_code == 0);
    CHECK(contains(accepted.out, "Removed the story \"mentor maria\""));
    CHECK_FALSE(fs::exists(story));
    CHECK(files_ending(sessions, ".toml").size() == 1); // the transcript stays

    REQUIRE(run_with_input(home, star_args(sessions, {"--question", "mentoring"}),
                           "next\nnext\nnext\nnext\nsave-story again leadership\n")
                .exit_code == 0);
    const RunResult yes =
        run_mockcoach({"stories", "remove", "again", "--yes", "--sessions-dir", sessions.string()});
    CHECK(yes.exit_code == 0);
    CHECK_FALSE(fs::exists(sessions / "stories" / "again.toml"));

    const RunResult list = run_mockcoach({"stories", "list", "--sessions-dir", sessions.string()});
    CHECK(contains(list.out, "No stories yet"));
}

TEST_CASE("--seconds rescales the four parts and keeps their proportions") {
    TempDir home;
    const fs::path sessions = home.path() / "sessions";
    const RunResult run = run_with_input(
        home, star_args(sessions, {"--question", "mentoring", "--seconds", "270"}), "quit\n");
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    CHECK(contains(run.out, "plan: Situation 01:00, Task 00:30, Action 02:00, Result 01:00 "
                            "(total 04:30)"));
    const transcript::Transcript t = only_transcript(sessions);
    CHECK(t.phases[2].budget_seconds == 120);
    CHECK(t.status == transcript::Status::ended_early);

    const RunResult too_short = run_with_input(
        home, star_args(sessions, {"--question", "mentoring", "--seconds", "5"}), "quit\n");
    CHECK(too_short.exit_code == 2);
}

TEST_CASE(
    "bad story names and unknown stories are refused with exit 2 before anything is written") {
    TempDir home;
    const fs::path sessions = home.path() / "data" / "sessions";
    struct Case {
        std::vector<std::string> args;
        std::string message;
    };
    const std::vector<Case> cases{
        {star_args(sessions, {"--story", "nope"}), "unknown story \"nope\": there are no stories"},
        {star_args(sessions, {"--story", "../evil"}), "a story name cannot contain '/'"},
        {star_args(sessions, {"--story", ".."}), "a story name cannot contain \"..\""},
        {star_args(sessions, {"--story", ""}), "a story needs a name"},
        {{"stories", "show", "", "--sessions-dir", sessions.string()}, "a story needs a name"},
        {{"stories", "show", "a/b", "--sessions-dir", sessions.string()}, "cannot contain '/'"},
        {{"stories", "show", "nope", "--sessions-dir", sessions.string()}, "unknown story"},
        {{"stories", "remove", "..", "--yes", "--sessions-dir", sessions.string()},
         "cannot contain \"..\""},
        {star_args(sessions, {"--question", "url-shortener"}),
         "\"url-shortener\" is a System Design question; star rehearses behavioral ones"},
    };
    for (const Case& item : cases) {
        CAPTURE(item.args);
        const RunResult run = run_with_input(home, item.args, "next\n");
        CHECK(run.exit_code == 2);
        CHECK(contains(run.err, item.message));
        CHECK(run.out == "");
    }
    CHECK(files_under(home.path()).empty());
}

TEST_CASE("a bad save-story line is refused with its line number, and nothing leaves the folder") {
    TempDir home;
    const fs::path sessions = home.path() / "data" / "sessions";
    const RunResult run = run_with_input(home, star_args(sessions, {"--question", "mentoring"}),
                                         "say I helped\nnext\nnext\nnext\nnext\n"
                                         "save-story ../../../outside ownership\n");
    CHECK(run.exit_code == 2);
    CHECK(contains(run.err, "<stdin>:6: error: a story name cannot contain '/' or '\\' "
                            "(\"../../../outside\")"));
    // Only the journal, kept for `recover`, and it is inside the sessions folder.
    for (const std::string& file : files_under(home.path())) {
        CAPTURE(file);
        CHECK(file.starts_with("data/sessions/"));
        CHECK(file.ends_with(".journal"));
    }
    CHECK(files_ending(sessions / "stories", ".toml").empty());

    // What was said survives: recover turns the journal into a transcript holding it.
    const RunResult recover = run_mockcoach({"recover", "--sessions-dir", sessions.string()});
    REQUIRE(recover.exit_code == 0);
    const transcript::Transcript t = only_transcript(sessions);
    CHECK(t.mode == "star");
    CHECK(t.phases[0].text == "I helped");
}

TEST_CASE("a story saved under an existing story's name adds to it; a taken file is refused") {
    TempDir home;
    const fs::path sessions = home.path() / "sessions";
    REQUIRE(run_with_input(home, star_args(sessions, {"--question", "mentoring"}),
                           "next\nnext\nnext\nnext\nsave-story Mentoring leadership\n")
                .exit_code == 0);
    const RunResult again =
        run_with_input(home, star_args(sessions, {"--question", "mentoring"}),
                       "next\nnext\nnext\nnext\nsave-story mentoring leadership,colaboration\n");
    INFO(again.err);
    REQUIRE(again.exit_code == 0);
    CHECK(contains(again.out, "story: this rehearsal was added to \"Mentoring\" (themes: "
                              "leadership, colaboration)"));
    CHECK(contains(again.out, "note: \"colaboration\" is a new theme; did you mean "
                              "\"collaboration\"?"));

    fs::create_directories(sessions / "stories");
    std::ofstream(sessions / "stories" / "broken.toml") << "format = [";
    const RunResult taken =
        run_with_input(home, star_args(sessions, {"--question", "mentoring"}),
                       "next\nnext\nnext\nnext\nsave-story broken leadership\n");
    CHECK(taken.exit_code == 2);
    CHECK(contains(taken.err, "broken.toml exists but is not a readable story"));
    CHECK(slurp(sessions / "stories" / "broken.toml") == "format = [");
}

TEST_CASE("star --help lists the keys, the script commands and examples") {
    const RunResult run = run_mockcoach({"star", "--help"});
    CHECK(run.exit_code == 0);
    for (const char* text :
         {"--story NAME", "--seconds", "Tab next part", "save-story NAME", "Examples:"})
        CHECK(contains(run.out, text));
    const RunResult stories = run_mockcoach({"stories", "--help"});
    CHECK(stories.exit_code == 0);
    for (const char* text : {"list", "show", "coverage", "remove"})
        CHECK(contains(stories.out, text));
}

TEST_CASE("the example rehearsal in sessions/ reads back, and its story shows it") {
    const fs::path examples = fs::path(MOCKCOACH_SOURCE_DIR) / "sessions";
    const RunResult show = run_mockcoach(
        {"stories", "show", "churn model rescue", "--sessions-dir", examples.string()});
    INFO(show.err);
    REQUIRE(show.exit_code == 0);
    CHECK(show.err == "");
    CHECK(contains(show.out, "rehearsed 1 time"));
    CHECK(contains(show.out, "I traced the drop to a renamed feature"));
    CHECK(contains(show.out, "\u2713  \"I\" outnumbers \"we\" in Action: 3 to 1"));
    CHECK(contains(show.out, "end-to-end-project"));
}

TEST_CASE("a reader that goes away mid-session does not end it: it is saved, and stderr says so") {
    TempDir home;
    const fs::path sessions = home.path() / "s";
    // `true` reads nothing and exits at once, so every write to the pipe fails (EPIPE).
    std::vector<std::string> args{"-c", "set -o pipefail; \"$0\" \"$@\" | true", MOCKCOACH_BINARY};
    for (const std::string& arg : star_args(sessions, {"--question", "mentoring"}))
        args.push_back(arg);
    RunOptions options = with_home(home.path());
    options.input = "say I paired with Ana\nnext\nnext\nnext\nnext\nscore structure 4\n";
    const RunResult run = run_binary("/bin/bash", args, options);
    CHECK(run.exit_code == 0);
    CHECK(contains(run.err, "standard output was closed early"));
    CHECK(contains(run.err, "the session ran to its end and is saved: "));
    const transcript::Transcript t = only_transcript(sessions);
    CHECK(t.status == transcript::Status::completed);
    CHECK(t.scores.size() >= 1);
    CHECK(files_ending(sessions, ".journal").empty());
}

TEST_SUITE_END();

TEST_CASE("star's numbers are checked in mockcoach's words, not the parser library's") {
    TempDir home;
    const fs::path sessions = home.path() / "s";
    const RunResult seconds =
        run_with_input(home, star_args(sessions, {"--seconds", "5"}), "next\n");
    CHECK(seconds.exit_code == 2);
    CHECK(contains(seconds.err,
                   "mockcoach: error: --seconds must be a whole number between 20 and 3600"));
    const RunResult seed = run_with_input(home, star_args(sessions, {"--seed", "-1"}), "next\n");
    CHECK(seed.exit_code == 2);
    CHECK(contains(seed.err, "mockcoach: error: --seed must be a whole number 0 or more"));
}
