// The story bank: names and themes a user may type, story files (written, read back, refused
// with their place), saving and removing in a folder, rehearsals found in transcripts, coverage.
#include "history/history.hpp"
#include "stories/stories.hpp"

#include "../temp_folder.hpp"
#include "util/errors.hpp"

#include "../strings.hpp"

#include <doctest/doctest.h>

using namespace mockcoach;
using namespace mockcoach::stories;
using mockcoach::test_folders::contents;
using mockcoach::test_folders::TempFolder;

namespace {

WallTime at(int day, int hour, int minute = 0, int offset_minutes = 0) {
    return from_civil({{2026, 11, day}, hour, minute, 0}, offset_minutes);
}

transcript::Transcript rehearsal(std::string id, std::optional<std::string> story, WallTime started,
                                 std::string action_text = "I did it") {
    transcript::Transcript t;
    t.id = std::move(id);
    t.story = std::move(story);
    t.started_at = started;
    t.mode = "star";
    transcript::Phase action;
    action.name = "Action";
    action.text = std::move(action_text);
    t.phases.push_back(action);
    return t;
}

std::string diagnostics_text(const Diagnostics& problems) {
    std::string text;
    for (const Diagnostic& d : problems) text += format_diagnostic(d) + "\n";
    return text;
}

} // namespace

TEST_SUITE_BEGIN("stories/stories");

TEST_CASE("a story name is refused when empty, path-like, too long or without a letter") {
    CHECK(check_name("churn model rescue") == "");
    CHECK(check_name("  Caf\u00e9 launch  ") == "");
    CHECK(check_name("") == "a story needs a name");
    CHECK(check_name("   ") == "a story needs a name");
    CHECK(check_name("a/b") == "a story name cannot contain '/' or '\\' (\"a/b\")");
    CHECK(check_name("a\\b").find("cannot contain '/'") != std::string::npos);
    CHECK(check_name("..") == "a story name cannot contain \"..\" (\"..\")");
    CHECK(check_name("../../etc/passwd").find("cannot contain") != std::string::npos);
    CHECK(check_name("up..down") == "a story name cannot contain \"..\" (\"up..down\")");
    CHECK(check_name("tab\there") == "a story name is one line, without tabs");
    CHECK(check_name("esc\x1b]0;title\x07") ==
          "a story name cannot hold the control character U+001B");
    CHECK(check_name("bad \xff byte") == "a story name cannot hold the invalid UTF-8 byte 0xFF");
    CHECK(check_name("\u65e5\u672c\u8a9e") == ""); // non-ASCII letters are letters
    // The limit counts characters, not terminal columns: 48 CJK characters fit, 49 do not.
    std::string wide_name;
    for (int i = 0; i < 48; ++i) wide_name += "\u65e5";
    CHECK(check_name(wide_name) == "");
    CHECK(check_name(wide_name + "\u65e5") == "a story name has at most 48 characters");
    CHECK(check_name("\u00e9") == "");
    CHECK(check_name("!!!") == "a story name needs a letter or a digit (\"!!!\")");
    CHECK(check_name(std::string(48, 'a')) == "");
    CHECK(check_name(std::string(49, 'a')) == "a story name has at most 48 characters");
}

TEST_CASE("a story's file name is its slug, so names alike are one story") {
    CHECK(slug("Churn Model Rescue") == "churn-model-rescue");
    CHECK(slug("  churn model rescue ") == "churn-model-rescue");
    CHECK(same_story("Churn model", "churn-model"));
    CHECK_FALSE(same_story("churn model", "churn models"));
    const std::filesystem::path sessions = "/data/sessions";
    CHECK(story_path(sessions, "Churn model!") == "/data/sessions/stories/churn-model.toml");
}

TEST_CASE("non-ASCII letters stay in the slug, so such names never merge with others") {
    // They used to be dropped: "日本語 story" was the same story as "Story".
    CHECK(slug("\u65e5\u672c\u8a9e story") == "\u65e5\u672c\u8a9e-story");
    CHECK_FALSE(same_story("\u65e5\u672c\u8a9e story", "Story"));
    CHECK(slug("Caf\u00e9 launch") == "caf\u00e9-launch");
    CHECK_FALSE(same_story("caf\u00e9", "caf"));
    // Cut at 64 bytes, never inside a character: 32 of the 40 two-byte letters.
    std::string long_name;
    for (int i = 0; i < 40; ++i) long_name += "\u00e9";
    const std::string cut = slug(long_name);
    CHECK(cut.size() == 64);
    CHECK(normalise_theme("R\u00e9sum\u00e9 Writing") == "r\u00e9sum\u00e9-writing");
    CHECK_FALSE(normalise_theme("bad\x1b[2J").has_value());
}

TEST_CASE("themes are normalised, deduplicated and at least one") {
    const Themes themes = parse_themes("Ownership, technical challenge,ownership ,conflict,");
    CHECK(themes.error == "");
    CHECK(themes.themes ==
          std::vector<std::string>{"ownership", "technical-challenge", "conflict"});
    CHECK(parse_themes("").error == "a story needs at least one theme");
    CHECK(parse_themes("  ").error == "a story needs at least one theme");
    CHECK(parse_themes("a,,b").error == "a theme is empty (themes are separated by commas)");
    CHECK(parse_themes("ok,!!").error.find("\"!!\" is not a theme") == 0);
    CHECK(parse_themes(std::string(33, 'x')).error.find("at most 32 characters") !=
          std::string::npos);
    CHECK(normalise_theme("Learning From Failure") == "learning-from-failure");
}

TEST_CASE("the common themes have the seed's labels; others read as words") {
    REQUIRE(common_themes().size() == 4);
    CHECK(theme_label("ownership") == "project ownership");
    CHECK(theme_label("technical-challenge") == "technical challenges");
    CHECK(theme_label("failure") == "learning from failure");
    CHECK(theme_label("on-call") == "on call");
    CHECK(theme_with_label("failure") == "failure (learning from failure)");
    CHECK(theme_with_label("on-call") == "on-call");
}

TEST_CASE("a story file reads back as it was written") {
    Story story;
    story.name = "Churn \"model\" rescue";
    story.themes = {"ownership", "technical-challenge"};
    story.created_at = at(24, 23, 58, 60);
    const std::string text = to_toml(story);
    CHECK(text.find("format = 1\n") != std::string::npos);
    CHECK(text.find("themes = [\"ownership\", \"technical-challenge\"]\n") != std::string::npos);
    Diagnostics problems;
    const auto back = read_story("s.toml", text, problems);
    CHECK(diagnostics_text(problems) == "");
    REQUIRE(back.has_value());
    CHECK(back->name == story.name);
    CHECK(back->themes == story.themes);
    CHECK(back->created_at == story.created_at);
    CHECK(back->file == "s.toml");
}

TEST_CASE("a broken story file is refused with FILE:LINE:COLUMN for each problem") {
    Diagnostics problems;
    CHECK_FALSE(read_story("bad.toml",
                           "format = 1\nname = \"..x\"\nthemes = [\"ok\", \"!!\"]\n"
                           "created_at = 2026-11-24T10:00:00Z\ncolour = 1\n",
                           problems)
                    .has_value());
    const std::string text = diagnostics_text(problems);
    CHECK(text.find("bad.toml:5:1: error: unknown key \"colour\"") != std::string::npos);
    CHECK(text.find("bad.toml:2:8: error: a story name cannot contain \"..\"") !=
          std::string::npos);
    CHECK(text.find("bad.toml:3:10: error: \"!!\" is not a theme") != std::string::npos);

    Diagnostics newer;
    CHECK_FALSE(read_story("new.toml", "format = 2\nname = \"x\"\n", newer).has_value());
    CHECK(diagnostics_text(newer).find("new.toml:1:10: error: story format 2 is not one this "
                                       "mockcoach reads (1)") != std::string::npos);

    Diagnostics missing;
    CHECK_FALSE(read_story("m.toml", "format = 1\n", missing).has_value());
    CHECK(diagnostics_text(missing).find("is missing the key \"name\"") != std::string::npos);
}

TEST_CASE("saving creates the story file, and saving again adds themes without a new file") {
    TempFolder sessions;
    const SavedStory first = save_story(sessions.path(), "Churn model", {"ownership"}, at(24, 10));
    CHECK(first.created);
    CHECK(first.story.file == sessions / "stories/churn-model.toml");
    CHECK(contents(first.story.file).find("name = \"Churn model\"") != std::string::npos);

    const SavedStory second =
        save_story(sessions.path(), "churn-model", {"ownership", "failure"}, at(25, 9));
    CHECK_FALSE(second.created);
    CHECK(second.story.name == "Churn model"); // the first name stays
    CHECK(second.added_themes == std::vector<std::string>{"failure"});
    CHECK(second.story.created_at == at(24, 10));

    Diagnostics problems;
    const auto bank = load_stories(sessions.path(), problems);
    CHECK(problems.empty());
    REQUIRE(bank.size() == 1);
    CHECK(bank[0].themes == std::vector<std::string>{"ownership", "failure"});
    // Only the story file is in the stories folder: the write left no temp file behind.
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(sessions / "stories"))
        names.push_back(entry.path().filename().string());
    CHECK(names == std::vector<std::string>{"churn-model.toml"});
}

TEST_CASE("a file in the way that is not a readable story is never overwritten") {
    TempFolder sessions;
    std::filesystem::create_directories(sessions / "stories");
    test_folders::write(sessions / "stories/churn.toml", "this is not toml = [");
    CHECK_THROWS_AS(save_story(sessions.path(), "churn", {"ownership"}, at(24, 10)), UsageError);
    CHECK(contents(sessions / "stories/churn.toml") == "this is not toml = [");
}

TEST_CASE("stories load sorted, with broken files reported and left out") {
    TempFolder sessions;
    save_story(sessions.path(), "zebra launch", {"leadership"}, at(24, 10));
    save_story(sessions.path(), "Alpha rescue", {"ownership"}, at(24, 11));
    test_folders::write(sessions / "stories/broken.toml", "format = 1\n");
    Diagnostics problems;
    const auto bank = load_stories(sessions.path(), problems);
    REQUIRE(bank.size() == 2);
    CHECK(bank[0].name == "Alpha rescue");
    CHECK(bank[1].name == "zebra launch");
    CHECK(diagnostics_text(problems).find("broken.toml") != std::string::npos);
    CHECK(find_story(bank, "ALPHA-rescue") == &bank[0]);
    CHECK(find_story(bank, "beta") == nullptr);

    Diagnostics none;
    CHECK(load_stories(sessions / "missing", none).empty());
    CHECK(none.empty());
}

TEST_CASE("removing a story deletes its file only") {
    TempFolder sessions;
    const SavedStory saved = save_story(sessions.path(), "churn", {"ownership"}, at(24, 10));
    test_folders::write(sessions / "kept.toml", "a transcript");
    remove_story(saved.story);
    CHECK_FALSE(std::filesystem::exists(saved.story.file));
    CHECK(std::filesystem::exists(sessions / "kept.toml"));
}

TEST_CASE("a story's rehearsals are the transcripts naming it, oldest first across time zones") {
    Story story;
    story.name = "Churn model";
    const std::vector<transcript::Transcript> transcripts{
        rehearsal("b", "churn-model", at(25, 9, 0, 60)),    // 08:00Z
        rehearsal("a", "Churn model", at(25, 7, 30, 0)),    // 07:30Z
        rehearsal("c", "other story", at(24, 9)),           // another story
        rehearsal("d", std::nullopt, at(23, 9)),            // an interview
        rehearsal("e", "Churn model", at(25, 10, 0, -120)), // 12:00Z
    };
    const auto found = rehearsals_of(story, transcripts);
    REQUIRE(found.size() == 3);
    CHECK(found[0]->id == "a");
    CHECK(found[1]->id == "b");
    CHECK(found[2]->id == "e");
    CHECK(latest_answer(found)->id == "e");
}

TEST_CASE("the latest answer is the latest rehearsal in which anything was said") {
    Story story;
    story.name = "x";
    const std::vector<transcript::Transcript> transcripts{
        rehearsal("first", "x", at(24, 9), "I built it"),
        rehearsal("killed", "x", at(25, 9), ""),
    };
    const auto found = rehearsals_of(story, transcripts);
    CHECK(latest_answer(found)->id == "first");
    CHECK(latest_answer({}) == nullptr);
}

TEST_CASE("dates print in their own offset and order by the instant") {
    CHECK(history::format_started(at(24, 23, 58, 60)) == "2026-11-24 23:58");
    CHECK(epoch_seconds(at(24, 10, 0, 60)) == epoch_seconds(at(24, 9, 0, 0)));
}

TEST_CASE("coverage lists the common themes first, then the questions' tags, then the stories'") {
    rubric::Rubric behavioral;
    behavioral.id = "behavioral";
    const std::pair<const char*, std::vector<std::string>> questions[] = {
        {"q1", {"ownership", "conflict"}},
        {"q2", {"conflict", "ambiguity"}},
        {"q3", {"conflict"}},
        {"q4", {"ambiguity"}},
        {"q5", {"leadership"}},
    };
    for (const auto& [id, tags] : questions) {
        rubric::Question& question = behavioral.questions.emplace_back();
        question.id = id;
        question.tags = tags;
    }
    Story churn{"churn", {"ownership", "conflict"}, at(24, 9), {}};
    Story oncall{"pager week", {"on-call"}, at(24, 9), {}};
    const auto themes = coverage({churn, oncall}, &behavioral);
    std::vector<std::string> order;
    for (const auto& item : themes) order.push_back(item.theme);
    CHECK(order == std::vector<std::string>{"ownership", "technical-challenge", "collaboration",
                                            "failure", "conflict", "ambiguity", "leadership",
                                            "on-call"});
    CHECK(themes[0].common);
    CHECK(themes[0].label == "project ownership");
    CHECK(themes[0].questions == 1);
    CHECK(themes[0].stories == std::vector<std::string>{"churn"});
    CHECK(themes[1].stories.empty()); // technical-challenge: no story yet
    CHECK(themes[4].questions == 3);
    CHECK_FALSE(themes[4].common);
    CHECK(themes[7].stories == std::vector<std::string>{"pager week"});
    CHECK(themes[7].questions == 0);
}

TEST_SUITE_END();
