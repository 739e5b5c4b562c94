// The interviewer end to end through the real binary: follow-ups at their seeded times under
// the virtual clock, prompt ticks and key-point checks in the transcript, and what stats,
// export and show make of them.
#include "../strings.hpp"
#include "run_binary.hpp"
#include "session_files.hpp"

#include <doctest/doctest.h>

using namespace mockcoach::testing;
namespace fs = std::filesystem;

namespace {

struct Home {
    TempDir home;
    RunResult run(std::vector<std::string> args, const std::string& input = "") const {
        args.insert(args.end(), {"--sessions-dir", (home.path() / "sessions").string()});
        RunOptions options = with_home(home.path());
        options.input = input;
        return run_mockcoach(args, options);
    }
    std::string transcript() const {
        const auto files = files_ending(home.path() / "sessions", ".toml");
        REQUIRE(files.size() == 1);
        return slurp(files[0]);
    }
};

const std::vector<std::string> url_seed_3 = {
    "start", "--question", "url-shortener", "--clock", "virtual", "--seed", "3"};

// Every phase to its end, a prompt ticked in the first, then the key points and a score.
const char* const whole_session = "wait 100\ncheck 1\nwait 300\nnext\nwait 700\nnext\nwait 1300\n"
                                  "next\nwait 650\nnext\npoint 1 covered\npoint 2 missed\n"
                                  "point 3 partly\nscore depth 3\n";

} // namespace

TEST_SUITE_BEGIN("e2e/coach");

TEST_CASE("a scripted session prints each follow-up at its seeded time, on any machine") {
    const Home home;
    const RunResult run = home.run(url_seed_3, whole_session);
    REQUIRE(run.exit_code == 0);
    // Golden times: the follow-up schedule is specified bit for bit (splitmix64 over the seed).
    CHECK(contains(run.out, "\ninterviewer (Requirements, 01:21): Do links ever expire, and can "
                            "users pick their own custom alias?\ntime: Requirements is over"));
    CHECK(contains(run.out, "\ninterviewer (Deep Dive, 08:40): Two app servers mint a code at the "
                            "same moment"));
    CHECK(contains(run.out, "\ninterviewer (Trade-offs, 03:27): Would you return 301 or 302"));
    CHECK(contains(run.out, "\nkey points: mark each, point N covered|partly|missed\n  1. Sizes "
                            "it: 100M/month"));
    CHECK(run.out.find("key points:") < run.out.find("\nscoring: "));

    const std::string t = home.transcript();
    CHECK(t.starts_with("# mockcoach transcript"));
    CHECK(contains(t, "\nformat = 2\n"));
    CHECK(contains(t, "[[phase.followup]]\nat_seconds = 81\ntext = \"Do links ever expire"));
    CHECK(contains(t, "[[phase.followup]]\nat_seconds = 520\n"));
    CHECK(contains(t, "[[phase.check]]\nprompt = 1\nat_seconds = 100\n"));
    CHECK(contains(t, "[[key_point]]\ntext = \"Sizes it: 100M/month"));
    CHECK(contains(t, "result = \"covered\""));
    CHECK(contains(t, "result = \"missed\""));
    CHECK(contains(t, "result = \"partly\""));
    CHECK(count(t, "[[key_point]]") == 7);
    CHECK(count(t, "\nresult = ") == 3); // the four not checked have no result

    // The same seed again gives the same lines (all but the saved file's name).
    const Home again;
    const auto interviewer = [](const std::string& out) {
        std::string lines;
        for (const std::string& line : lines_of(out))
            if (line.starts_with("interviewer (")) lines += line + "\n";
        return lines;
    };
    CHECK(count(interviewer(run.out), "\n") == 3);
    CHECK(interviewer(again.run(url_seed_3, whole_session).out) == interviewer(run.out));
}

TEST_CASE("--no-followups keeps the interviewer quiet; the setting does too") {
    const Home home;
    std::vector<std::string> args = url_seed_3;
    args.push_back("--no-followups");
    const RunResult quiet = home.run(args, "wait 600\nquit\nscore depth 3\n");
    CHECK(quiet.exit_code == 0);
    CHECK_FALSE(contains(quiet.out, "interviewer ("));

    const Home set;
    set.home.write(".config/mockcoach/config.toml", "followups = false\n");
    CHECK_FALSE(contains(set.run(url_seed_3, "wait 600\nquit\n").out, "interviewer ("));
    CHECK(contains(set.run({"config"}).out, "followups"));
    args = url_seed_3;
    args.push_back("--followups");
    CHECK(contains(set.run(args, "wait 600\nquit\n").out, "interviewer ("));
}

TEST_CASE("star raises a behavioral question's follow-ups within its rescaled parts") {
    const Home home;
    const RunResult run =
        home.run({"star", "--question", "offline-online-gap", "--clock", "virtual", "--seed", "2"},
                 "wait 120\nnext\nwait 50\nnext\nquit\n");
    CHECK(run.exit_code == 0);
    CHECK(contains(run.out, "\nphase 2/4: Task (00:56)\n"));
    CHECK(contains(run.out, "\ninterviewer (Task, 00:15): How long could the losing variant "
                            "stay live, and who set that limit?\n"));
    CHECK(contains(home.transcript(), "[[phase.followup]]\nat_seconds = 15\n"));
}

TEST_CASE("bad coach commands are refused at their line") {
    const Home home;
    RunResult run = home.run(url_seed_3, "wait 10\ncheck 9\n");
    CHECK(run.exit_code == 2);
    CHECK(contains(run.err, "<stdin>:2: error: this phase's prompts are 1 to 3"));
    run = home.run(url_seed_3, "wait 10\npoint 1 covered\n");
    CHECK(run.exit_code == 2);
    CHECK(contains(run.err, "<stdin>:2: error: key points are checked after the last phase"));
    run = home.run(url_seed_3, "quit\npoint 1 mostly\n");
    CHECK(run.exit_code == 2);
    CHECK(contains(run.err, "a key point is covered, partly or missed, not \"mostly\""));
}

TEST_CASE("a blind guess naming a framework the question also fits is right") {
    const Home home;
    const RunResult run =
        home.run({"start", "--question", "kfold-choose-k", "--blind", "--clock", "virtual"},
                 "guess model-evaluation\nwait 10\nquit\n");
    CHECK(run.exit_code == 0);
    CHECK(contains(run.out, "guess: model-evaluation (right: its framework fits too; the session "
                            "runs as machine-learning)"));
    CHECK(contains(home.transcript(), "category_guess_correct = true"));
}

TEST_CASE("stats, export and show report the key points and prompts missed") {
    const Home home;
    REQUIRE(home.run(url_seed_3, whole_session).exit_code == 0);

    const RunResult stats = home.run({"stats"});
    CHECK(stats.exit_code == 0);
    CHECK(contains(stats.out, "Most missed"));
    CHECK(contains(stats.out, "key point"));
    CHECK(contains(stats.out, "1 of 1"));
    CHECK(contains(stats.out, "Key length from capacity"));

    const RunResult json = home.run({"stats", "--format", "json"});
    CHECK(contains(json.out, "\"misses\": ["));
    CHECK(contains(json.out, "\"kind\": \"key point\""));
    CHECK(contains(json.out, "\"kind\": \"prompt\"")); // prompts left unticked, with a tick made

    const RunResult csv = home.run({"export"});
    CHECK(contains(csv.out, ",key_points,key_points_covered,key_points_partly,key_points_missed,"
                            "followups,prompts_ticked,"));
    CHECK(contains(csv.out, ",7,1,1,1,3,1,"));

    const RunResult show = home.run({"show", "latest"});
    CHECK(contains(show.out, "Key points  1 ✓  1 ~  1 ✗"));
    CHECK(contains(show.out, "Interviewer: Do links ever expire"));
    const RunResult md = home.run({"show", "latest", "--format", "markdown"});
    CHECK(contains(md.out, "### Key points"));
    CHECK(contains(md.out, "| not checked |"));
}

TEST_CASE("rubrics show RUBRIC/QUESTION shows one question's key points and follow-ups") {
    RunResult run = run_mockcoach({"rubrics", "show", "system-design/url-shortener"});
    CHECK(run.exit_code == 0);
    CHECK(run.out.starts_with("System Design  system-design/url-shortener\n  Design a URL "));
    CHECK(contains(run.out, "\nKey points (what a strong answer covers)\n  1. Sizes it"));
    CHECK(contains(run.out, "\nFollow-ups (asked mid-phase)\n  Requirements\n     Do links"));
    run = run_mockcoach({"rubrics", "show", "machine-learning/kfold-choose-k"});
    CHECK(contains(run.out, "Also fits: model-evaluation"));
    run = run_mockcoach({"rubrics", "show", "system-design/url-shortener", "--format", "json"});
    CHECK(contains(run.out, "\"key_points\": [\n    \"Sizes it"));
    CHECK(contains(run.out, "\"followups\": [\n    {\n      \"phase\": \"Requirements\""));
    run = run_mockcoach({"rubrics", "show", "dsa/no-such-question"});
    CHECK(run.exit_code == 2);
    run = run_mockcoach({"rubrics", "show", "dsa", "--format", "json"});
    CHECK(contains(run.out, "\"key_points\": ["));
}

TEST_SUITE_END();
