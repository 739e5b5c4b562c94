// Completion through the real binary and real shells: the bash script sourced in bash with
// COMPREPLY read back, the fish script through `complete -C`, the zsh script parsed (and run
// with the completion system's two functions stubbed), and the hidden commands kept hidden.
#include "../strings.hpp"
#include "run_binary.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <string>
#include <vector>

using namespace mockcoach::testing;

namespace {

std::optional<std::filesystem::path> find_shell(const char* name) {
    for (const char* folder : {"/usr/bin", "/bin", "/usr/local/bin"}) {
        const auto path = std::filesystem::path(folder) / name;
        if (std::filesystem::exists(path)) return path;
    }
    return std::nullopt;
}

// A sessions folder holding one story, as `star` saves it.
void write_story(const TempDir& home) {
    home.write("sessions/stories/churn-model-rescue.toml",
               "format = 1\nname = \"Churn model rescue\"\nthemes = [\"ownership\"]\n"
               "created_at = 2026-11-24T23:58:05+01:00\n");
}

RunOptions with_sessions(const TempDir& home) {
    RunOptions options = with_home(home.path());
    options.env.push_back("MOCKCOACH_SESSIONS=" + (home.path() / "sessions").string());
    options.env.push_back(std::string("MOCKCOACH=") + MOCKCOACH_BINARY);
    return options;
}

// COMPREPLY for the line `mockcoach WORDS...` (the last word is the one being completed), one
// reply a line, as bash itself would ask for it.
std::vector<std::string> bash_complete(const TempDir& home, const std::string& words) {
    const auto script = home.write("complete.bash", R"(source <("$MOCKCOACH" completion bash)
COMP_WORDS=("$MOCKCOACH" )" + words + R"()
COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
_mockcoach
if (( ${#COMPREPLY[@]} )); then printf '%s\n' "${COMPREPLY[@]}"; fi
)");
    const RunResult run = run_binary("/bin/bash", {script.string()}, with_sessions(home));
    REQUIRE(run.exit_code == 0);
    CHECK(run.err == "");
    return lines_of(run.out);
}

using Lines = std::vector<std::string>;

} // namespace

TEST_SUITE_BEGIN("e2e/completion");

TEST_CASE("e2e completion: bash completes commands, rubric ids and story names") {
    const TempDir home;
    write_story(home);
    CHECK(bash_complete(home, "st") == Lines{"start", "star", "stories", "stats"});
    CHECK(bash_complete(home, "start --category m") == Lines{"machine-learning", "ml-system-design",
                                                             "model-evaluation", "model-deployment",
                                                             "mlops"});
    CHECK(bash_complete(home, "stories show ''") == Lines{"Churn\\ model\\ rescue"});
    CHECK(bash_complete(home, "stories remove '\"Chu'") == Lines{"Churn model rescue"});
    CHECK(bash_complete(home, "start --profile ml-engineer-o") == Lines{"ml-engineer-onsite"});
    CHECK(bash_complete(home, "profiles show mlops") == Lines{"mlops-platform"});
    CHECK(bash_complete(home, "star --story ''") == Lines{"Churn\\ model\\ rescue"});
    CHECK(bash_complete(home, "export --format = j") == Lines{"json"});
    CHECK(bash_complete(home, "show --format ''") == Lines{"text", "markdown", "json"});
    CHECK(bash_complete(home, "sc") == Lines{"score"});
    CHECK(bash_complete(home, "score latest --b") == Lines{"--by"});
    CHECK(bash_complete(home, "packet --format ''") == Lines{"html", "markdown"});
    CHECK(bash_complete(home, "packet url-sh") == Lines{"url-shortener"});
    CHECK(bash_complete(home, "start --question url-sh") == Lines{"url-shortener"});
    CHECK(bash_complete(home, "completion ''") == Lines{"bash", "zsh", "fish"});
}

TEST_CASE("e2e completion: bash completes a story name with a colon, split there or not") {
    // bash splits an unquoted word at ':' (COMP_WORDBREAKS): completion used to stop there.
    const TempDir home;
    home.write("sessions/stories/led-the-outage.toml",
               "format = 1\nname = \"Led: the outage\"\nthemes = []\n"
               "created_at = 2026-11-24T23:58:05+01:00\n");
    CHECK(bash_complete(home, "stories show Le") == Lines{"Led\\:\\ the\\ outage"});
    CHECK(bash_complete(home, "stories show Led ':'") == Lines{"\\ the\\ outage"});
    CHECK(bash_complete(home, "stories show Led ':' '\\ the\\ o'") == Lines{"\\ the\\ outage"});
    CHECK(bash_complete(home, "stories show 'Led\\:\\ the'") == Lines{"Led\\:\\ the\\ outage"});
}

TEST_CASE("e2e completion: bash reads rubrics from --rubrics typed on the line") {
    const TempDir home;
    const std::string fixtures = std::string(MOCKCOACH_SOURCE_DIR) + "/tests/fixtures/rubrics";
    CHECK(bash_complete(home, "start -c take") == Lines{});
    CHECK(bash_complete(home, "--rubrics " + fixtures + "/custom start -c take") ==
          Lines{"take-home"});
    CHECK(bash_complete(home, "start --rubrics " + fixtures + "/custom -c take") ==
          Lines{"take-home"});
}

TEST_CASE("e2e completion: fish completes through its own complete -C") {
    const auto fish = find_shell("fish");
    if (!fish) {
        MESSAGE("fish is not installed: the fish completion check is skipped");
        return;
    }
    const TempDir home;
    write_story(home);
    home.write("bin/.keep", "");
    std::filesystem::create_symlink(MOCKCOACH_BINARY, home.path() / "bin/mockcoach");
    RunOptions options = with_sessions(home);
    options.env.push_back("PATH=" + (home.path() / "bin").string() + ":/usr/bin:/bin");
    const RunResult syntax = run_binary(
        *fish, {"-c", "mockcoach completion fish > $HOME/mc.fish; and fish -n $HOME/mc.fish"},
        options);
    CHECK(syntax.exit_code == 0);
    CHECK(syntax.err == "");
    home.write("reports/.keep", "");
    // The last two: a quote left open in the word, and a path after --out=, which both used
    // to offer nothing.
    const RunResult run = run_binary(
        *fish,
        {"-c", "source $HOME/mc.fish; complete -C 'mockcoach stories show '; complete -C "
               "'mockcoach start --category ml'; complete -C 'mockcoach stories show \"Chu'; "
               "complete -C \"mockcoach report --out=$HOME/rep\""},
        options);
    CHECK(run.exit_code == 0);
    const std::string story = "Churn model rescue\townership\n";
    CHECK(run.out.find(story) != run.out.rfind(story)); // offered twice: plain and quoted
    CHECK(contains(run.out, "ml-system-design\tML System Design\n"));
    CHECK(contains(run.out, "--out=" + (home.path() / "reports/").string() + "\n"));
}

TEST_CASE("e2e completion: the zsh script parses, and offers values with descriptions") {
    const auto zsh = find_shell("zsh");
    if (!zsh) {
        MESSAGE("zsh is not installed: the zsh completion check is skipped");
        return;
    }
    const TempDir home;
    write_story(home);
    const RunResult script = run_mockcoach({"completion", "zsh"});
    const auto file = home.write("_mockcoach", script.out);
    const RunResult syntax = run_binary(*zsh, {"-n", file.string()});
    CHECK(syntax.exit_code == 0);
    CHECK(syntax.err == "");
    // Outside a completion widget, _describe and compdef are stubbed: the words go in as zsh
    // would set them, and what the script offers comes out.
    const auto driver = home.write("drive.zsh", R"(compdef() { : }
_describe() { print -rl -- "${(@P)4}" }
source "$HOME/_mockcoach"
words=("$MOCKCOACH" stories show "")
CURRENT=4
PREFIX=""
_mockcoach
)");
    const RunResult run = run_binary(*zsh, {"-f", driver.string()}, with_sessions(home));
    CHECK(run.exit_code == 0);
    CHECK(run.out == "Churn model rescue:ownership\n");
}

TEST_CASE("e2e completion: the hidden commands stay out of --help") {
    const RunResult help = run_mockcoach({"--help"});
    CHECK_FALSE(contains(help.out, "__complete"));
    CHECK_FALSE(contains(help.out, "__manpage"));
    CHECK(contains(help.out, "completion"));
    const RunResult all = run_mockcoach({"--help-all"});
    CHECK_FALSE(contains(all.out, "__complete"));
    CHECK_FALSE(contains(all.out, "__manpage"));
}

TEST_CASE("e2e completion: trouble while completing prints nothing and exits 0") {
    const TempDir home;
    home.write(".config/mockcoach/rubrics/broken.toml", "id = \n");
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"__complete"},
          {"__complete", "tcsh", "--", "st"},
          {"__complete", "bash", "--", "--rubrics", "/no/such/folder", "start", "-c", ""},
          {"__complete", "bash", "--", "start", "-c", ""}}) {
        const RunResult run = run_mockcoach(args, with_home(home.path()));
        INFO(args.size());
        CHECK(run.exit_code == 0);
        CHECK(run.err == "");
        CHECK((run.out.empty() || run.out.starts_with("words\n")));
    }
    // A broken user rubric is left out quietly; the others still complete.
    const RunResult run =
        run_mockcoach({"__complete", "bash", "--", "start", "-c", "ds"}, with_home(home.path()));
    CHECK(run.out == "words\ndsa\n");
}

TEST_SUITE_END();
