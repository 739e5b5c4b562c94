// Completion as pure functions: a small CLI11 app described, lines completed against it with a
// fake source of live values, and bash's quoting both ways.
#include "completion/completion.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <memory>

using namespace mockcoach::completion;

namespace {

// A miniature of mockcoach's command line, with the same kinds of options.
struct Fixture {
    CLI::App app{"tool: does things.\nMore about it.", "tool"};
    std::vector<std::string> rubrics, categories, paths;
    std::string clock = "real", name, out, question;
    std::optional<std::string> sessions;
    bool json = false, yes = false;

    static constexpr ValueRule rules[] = {
        {"", "--category", ValueKind::rubric},
        {"", "--question", ValueKind::question},
        {"stories show", "NAME", ValueKind::story},
        {"", "--sessions-dir", ValueKind::directory},
        {"", "--out", ValueKind::file},
    };

    Fixture() {
        app.add_option("--rubrics", rubrics, "More rubrics")->type_name("PATH");
        app.fallthrough();
        app.footer("Examples:\n  tool start");
        CLI::App* start = app.add_subcommand("start", "Run an interview");
        start->add_option("-c,--category", categories, "Only this rubric")->type_name("ID");
        start->add_option("-q,--question", question, "This question")->type_name("ID");
        start->add_option("--clock", clock, "real or virtual")
            ->check(CLI::IsMember({"real", "virtual"}));
        start->add_option("--sessions-dir", sessions, "Where")->type_name("DIR");
        start->add_flag("--json", json, "JSON");
        start->add_option("--out", out, "Write here");
        CLI::App* stories = app.add_subcommand("stories", "Story bank");
        stories->require_subcommand(1);
        CLI::App* show = stories->add_subcommand("show", "One story");
        show->add_option("NAME", name, "The story")->required();
        show->add_option("--sessions-dir", sessions, "Where")->type_name("DIR");
        show->add_flag("-y,--yes", yes, "Do not ask");
        stories->add_subcommand("list", "Each story");
        app.add_subcommand("stats", "Weak spots");
        app.add_subcommand("__hidden", "")->group("");
        app.set_help_all_flag("--help-all", "Everything");
    }
};

struct Source {
    std::vector<std::string> asked; // kinds and prefixes asked for, as "kind:prefix"
    SeenOptions last_seen;
    bool fail = false;

    ValueSource function() {
        return [this](ValueKind kind, std::string_view prefix, const SeenOptions& seen) {
            asked.push_back(std::to_string(static_cast<int>(kind)) + ":" + std::string(prefix));
            last_seen = seen;
            if (fail) throw std::runtime_error("broken rubric");
            if (kind == ValueKind::rubric)
                return std::vector<Candidate>{{"machine-learning", "Machine Learning"},
                                              {"ml-system-design", "ML System Design"},
                                              {"dsa", "DSA"}};
            if (kind == ValueKind::story)
                return std::vector<Candidate>{{"Churn model", "ownership"}, {"Outage", ""}};
            return std::vector<Candidate>{};
        };
    }
};

std::vector<std::string> values(const Completion& completion) {
    std::vector<std::string> out;
    for (const Candidate& candidate : completion.candidates) out.push_back(candidate.value);
    return out;
}

Completion run(Fixture& fixture, Source& source, std::vector<std::string> words) {
    const Command tree = describe(fixture.app, Fixture::rules);
    return complete(tree, words, source.function());
}

using Words = std::vector<std::string>;

} // namespace

TEST_SUITE_BEGIN("completion/completion");

TEST_CASE("completion: the tree holds the visible commands and options, hidden ones left out") {
    Fixture fixture;
    const Command tree = describe(fixture.app, Fixture::rules);
    CHECK(tree.name == "tool");
    REQUIRE(tree.subcommands.size() == 3);
    CHECK(tree.find("__hidden") == nullptr);
    const Command* start = tree.find("start");
    REQUIRE(start);
    CHECK(start->fallthrough);
    const auto option = [&](std::string_view name) -> const Option* {
        for (const Option& o : start->options)
            if (o.named(name)) return &o;
        return nullptr;
    };
    REQUIRE(option("--category"));
    CHECK(option("--category")->names == Words{"-c", "--category"});
    CHECK(option("--category")->takes_value);
    CHECK(option("--category")->repeatable);
    CHECK(option("--category")->value_name == "ID");
    CHECK(option("--category")->kind == ValueKind::rubric);
    CHECK(option("--clock")->choices == Words{"real", "virtual"});
    CHECK(option("--clock")->value_name == "TEXT");
    CHECK_FALSE(option("--json")->takes_value);
    CHECK(option("--help")->is_help);
    const Command* show = tree.find("stories")->find("show");
    REQUIRE(show->positionals.size() == 1);
    CHECK(show->positionals[0].name == "NAME");
    CHECK(show->positionals[0].kind == ValueKind::story);
    CHECK(show->positionals[0].required);
    CHECK(tree.find("stories")->needs_subcommand);
}

TEST_CASE("completion: a footer a subcommand only inherited is not repeated") {
    Fixture fixture;
    const Command tree = describe(fixture.app, Fixture::rules);
    CHECK(tree.footer == "Examples:\n  tool start");
    CHECK(tree.find("stats")->footer.empty());
}

TEST_CASE("completion: a command's name completes from its first letters") {
    Fixture fixture;
    Source source;
    CHECK(values(run(fixture, source, {"st"})) == Words{"start", "stories", "stats"});
    CHECK(values(run(fixture, source, {""})) == Words{"start", "stories", "stats"});
    CHECK(values(run(fixture, source, {"stories", ""})) == Words{"show", "list"});
    CHECK(run(fixture, source, {"st"}).candidates[0].description == "Run an interview");
}

TEST_CASE("completion: the hidden command is never offered") {
    Fixture fixture;
    Source source;
    CHECK(values(run(fixture, source, {"__"})).empty());
}

TEST_CASE("completion: options complete by long name, short ones after a lone dash") {
    Fixture fixture;
    Source source;
    CHECK(values(run(fixture, source, {"start", "--c"})) == Words{"--category", "--clock"});
    const auto all = values(run(fixture, source, {"start", "-"}));
    CHECK(std::find(all.begin(), all.end(), "-c") != all.end());
    CHECK(std::find(all.begin(), all.end(), "--category") != all.end());
    const auto long_only = values(run(fixture, source, {"start", "--"}));
    CHECK(std::find(long_only.begin(), long_only.end(), "-c") == long_only.end());
}

TEST_CASE("completion: a parent's options are offered after a command that falls through") {
    Fixture fixture;
    Source source;
    CHECK(values(run(fixture, source, {"start", "--ru"})) == Words{"--rubrics"});
}

TEST_CASE("completion: a flag given once is not offered again; a repeatable option is") {
    Fixture fixture;
    Source source;
    CHECK(values(run(fixture, source, {"start", "--json", "--j"})).empty());
    CHECK(values(run(fixture, source, {"start", "-c", "dsa", "--cat"})) == Words{"--category"});
}

TEST_CASE("completion: a command with only options offers them on an empty word") {
    Fixture fixture;
    Source source;
    const auto offered = values(run(fixture, source, {"start", ""}));
    CHECK(std::find(offered.begin(), offered.end(), "--clock") != offered.end());
}

TEST_CASE("completion: the value of an option comes from its live source, by prefix") {
    Fixture fixture;
    Source source;
    const Completion completion = run(fixture, source, {"start", "--category", "m"});
    CHECK(values(completion) == Words{"machine-learning", "ml-system-design"});
    CHECK(completion.candidates[0].description == "Machine Learning");
    CHECK(values(run(fixture, source, {"start", "-c", ""})).size() == 3);
    CHECK(
        values(run(fixture, source, {"start", "-cm"})).empty()); // -cVALUE is typed, not completed
}

TEST_CASE("completion: a value offered twice is listed once, where it first came") {
    Fixture fixture;
    const Command tree = describe(fixture.app, Fixture::rules);
    // A bank of thousands, each id twice (as in two rubrics): checked with a set, not pairwise.
    const ValueSource source = [](ValueKind, std::string_view, const SeenOptions&) {
        std::vector<Candidate> candidates;
        for (int round = 0; round < 2; ++round)
            for (int i = 0; i < 20000; ++i)
                candidates.push_back({"q" + std::to_string(i), round == 0 ? "first" : "second"});
        return candidates;
    };
    const Completion completion = complete(tree, Words{"start", "--category", "q1"}, source);
    REQUIRE(completion.candidates.size() == 11111); // q1, q10-q19, q100-q199, ...
    CHECK(completion.candidates.front().value == "q1");
    CHECK(completion.candidates.back().value == "q19999");
    CHECK(std::all_of(completion.candidates.begin(), completion.candidates.end(),
                      [](const Candidate& c) { return c.description == "first"; }));
}

TEST_CASE("completion: a fixed set of values comes from the IsMember check") {
    Fixture fixture;
    Source source;
    CHECK(values(run(fixture, source, {"start", "--clock", "v"})) == Words{"virtual"});
    CHECK(source.asked.empty());
}

TEST_CASE("completion: --option=value completes the value with the option in front") {
    Fixture fixture;
    Source source;
    CHECK(values(run(fixture, source, {"start", "--clock=r"})) == Words{"--clock=real"});
    CHECK(values(run(fixture, source, {"start", "--category=d"})) == Words{"--category=dsa"});
}

TEST_CASE("completion: a flag does not take the next word as its value") {
    Fixture fixture;
    Source source;
    CHECK(values(run(fixture, source, {"stories", "show", "--yes", ""})) ==
          Words{"Churn model", "Outage"});
}

TEST_CASE("completion: a positional takes live values; once given, options come next") {
    Fixture fixture;
    Source source;
    CHECK(values(run(fixture, source, {"stories", "show", "Ch"})) == Words{"Churn model"});
    const auto next = values(run(fixture, source, {"stories", "show", "Outage", ""}));
    CHECK(std::find(next.begin(), next.end(), "Churn model") == next.end());
    CHECK(std::find(next.begin(), next.end(), "--yes") != next.end());
}

TEST_CASE("completion: options typed earlier reach the live source") {
    Fixture fixture;
    Source source;
    run(fixture, source,
        {"--rubrics", "mine", "stories", "show", "--sessions-dir=/tmp/s", "x", "--sessions-dir",
         "/tmp/t", ""});
    // The walk ends in "show", whose NAME is filled by "x": nothing is asked.
    CHECK(source.asked.empty());
    run(fixture, source, {"--rubrics", "mine", "stories", "show", "--sessions-dir", "/tmp/t", ""});
    REQUIRE(source.asked.size() == 1);
    CHECK(source.last_seen.at("--rubrics") == Words{"mine"});
    CHECK(source.last_seen.at("--sessions-dir") == Words{"/tmp/t"});
}

TEST_CASE("completion: after -- every word is a positional") {
    Fixture fixture;
    Source source;
    CHECK(values(run(fixture, source, {"stories", "show", "--", "-"})).empty());
    CHECK(values(run(fixture, source, {"stories", "show", "--", ""})) ==
          Words{"Churn model", "Outage"});
}

TEST_CASE("completion: a path is left to the shell, with what was typed of it") {
    Fixture fixture;
    Source source;
    const Completion out = run(fixture, source, {"start", "--out", "/tm"});
    CHECK(out.mode == Mode::files);
    CHECK(out.path == "/tm");
    CHECK(run(fixture, source, {"start", "--sessions-dir", ""}).mode == Mode::directories);
    CHECK(run(fixture, source, {"start", "--out=/x"}).path == "/x");
}

TEST_CASE("completion: a failing source means no candidates, not an error") {
    Fixture fixture;
    Source source;
    source.fail = true;
    const Completion completion = run(fixture, source, {"start", "--category", ""});
    CHECK(completion.candidates.empty());
    CHECK(completion.mode == Mode::words);
}

TEST_CASE("completion: an unknown word or option is passed over") {
    Fixture fixture;
    Source source;
    CHECK(values(run(fixture, source, {"nonsense", "--what", "st"})) ==
          Words{"start", "stories", "stats"});
    CHECK(values(run(fixture, source, {"start", "--what", "--cl"})) == Words{"--clock"});
}

TEST_CASE("completion: bash words are unquoted, and --option=value joined again") {
    const auto line = bash_words(Words{"stories", "show", "\"Churn m"});
    CHECK(line.words == Words{"stories", "show", "Churn m"});
    CHECK(line.open_quote == '"');
    CHECK(bash_words(Words{"'a b'", "c\\ d", "\"e\\\"f\""}).words == Words{"a b", "c d", "e\"f"});
    const auto joined = bash_words(Words{"export", "--format", "=", "js"});
    CHECK(joined.words == Words{"export", "--format=js"});
    CHECK(joined.replace_from == 9);
    const auto just_equals = bash_words(Words{"export", "--format", "="});
    CHECK(just_equals.words == Words{"export", "--format="});
    CHECK(bash_words(Words{"a", "=", "b"}).words == Words{"a", "=", "b"});
}

TEST_CASE("completion: a word bash split at a colon is joined again, each piece unquoted") {
    const auto colon = bash_words(Words{"stories", "show", "Led", ":", "\\ the"});
    CHECK(colon.words == Words{"stories", "show", "Led: the"});
    CHECK(colon.replace_from == 4);
    const auto ending = bash_words(Words{"show", "a\\ b", ":"});
    CHECK(ending.words == Words{"show", "a b:"});
    CHECK(ending.replace_from == 4);
    CHECK(bash_words(Words{"x", ":", "y", ":", "'z"}).words == Words{"x:y:z"});
    CHECK(bash_words(Words{"x", ":", "y", ":", "'z"}).open_quote == '\'');
    CHECK(bash_words(Words{"x", ":", "y", ":", "'z"}).replace_from == 4);
}

TEST_CASE("completion: a candidate is quoted for bash as the word under the cursor is") {
    BashWords plain;
    CHECK(bash_insert("Churn model (v2)", plain) == "Churn\\ model\\ \\(v2\\)");
    CHECK(bash_insert("~home", plain) == "\\~home");
    CHECK(bash_insert("Led: a=b", plain) == "Led\\:\\ a\\=b"); // so bash splits no word there
    BashWords after_colon;
    after_colon.replace_from = 4;
    CHECK(bash_insert("Led: the outage", after_colon) == "\\ the\\ outage");
    BashWords double_quoted;
    double_quoted.open_quote = '"';
    CHECK(bash_insert("say \"hi\" $5", double_quoted) == "say \\\"hi\\\" \\$5");
    BashWords single_quoted;
    single_quoted.open_quote = '\'';
    CHECK(bash_insert("it's", single_quoted) == "it'\\''s");
    BashWords after_equals;
    after_equals.replace_from = 9;
    CHECK(bash_insert("--format=json", after_equals) == "json");
}

TEST_CASE("completion: the output is a mode line, then candidates as each shell wants them") {
    Completion completion;
    completion.candidates = {{"Churn model", "ownership, failure"}, {"dsa", ""}};
    CHECK(render(completion, Shell::fish) == "words\nChurn model\townership, failure\ndsa\n");
    CHECK(render(completion, Shell::zsh) == render(completion, Shell::fish));
    BashWords line;
    CHECK(render(completion, Shell::bash, &line) == "words\nChurn\\ model\ndsa\n");
    Completion files;
    files.mode = Mode::directories;
    files.path = "/tm";
    CHECK(render(files, Shell::bash) == "dirs\n/tm\n");
}

TEST_CASE("completion: each shell's script calls back into the program") {
    for (Shell shell : {Shell::bash, Shell::zsh, Shell::fish}) {
        const std::string text = script(shell, "mockcoach");
        CHECK(text.find("__complete") != std::string::npos);
    }
    CHECK(script(Shell::bash, "mockcoach").find("complete -F _mockcoach mockcoach") !=
          std::string::npos);
    CHECK(script(Shell::zsh, "mockcoach").starts_with("#compdef mockcoach\n"));
    CHECK(script(Shell::fish, "mockcoach").find("complete -c mockcoach") != std::string::npos);
    CHECK(shell_named("bash") == Shell::bash);
    CHECK_FALSE(shell_named("tcsh"));
}

TEST_SUITE_END();
