// Reading a sessions folder: broken and foreign files are skipped with one warning each, and
// the index is reused, and rebuilt when a transcript is added, removed or changed.
#include "history/history.hpp"
#include "history/index.hpp"

#include "../e2e/run_binary.hpp"
#include "../strings.hpp"
#include "fixtures.hpp"

#include <chrono>
#include <doctest/doctest.h>
#include <fstream>
#include <sstream>
#include <thread>

using namespace mockcoach;
using namespace mockcoach::history;
using history_fixtures::transcript_of;
using testing::TempDir;
namespace fs = std::filesystem;

namespace {

std::int64_t now_ns() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// Writes a transcript named after its id, dated an hour ago so the index may cache it.
fs::path save(const fs::path& folder, const transcript::Transcript& t, int minutes_ago = 60) {
    const fs::path path = folder / (t.id + ".toml");
    std::ofstream(path, std::ios::binary) << transcript::to_toml(t);
    fs::last_write_time(path, fs::file_time_type::clock::now() - std::chrono::minutes(minutes_ago));
    return path;
}

fs::path write(const fs::path& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
    fs::last_write_time(path, fs::file_time_type::clock::now() - std::chrono::hours(1));
    return path;
}

std::string read(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string replaced_format(std::string text) {
    return text.replace(text.find("format = 1"), 10, "format = 4");
}

std::vector<std::string> files_of(const Loaded& loaded) {
    std::vector<std::string> names;
    for (const Session& s : loaded.sessions) names.push_back(s.file);
    return names;
}

std::vector<std::string> warnings_of(const Diagnostics& skipped, const fs::path& folder) {
    std::vector<std::string> lines;
    for (const Diagnostic& d : skipped) {
        std::string line = format_diagnostic(d);
        line.replace(0, folder.string().size() + 1, "");
        lines.push_back(line);
    }
    return lines;
}

struct Folder {
    TempDir root;
    fs::path sessions = root.path() / "sessions";
    fs::path index = root.path() / "cache" / "index.toml";
    Folder() {
        fs::create_directories(sessions);
        save(sessions, transcript_of("dsa", "two-sum", 1, {2, 3}));
        save(sessions, transcript_of("sql", "joins", 2, {4}));
        save(sessions, transcript_of("dsa", "lru", 3, {5}));
    }
    Loaded load() const { return load_sessions(sessions, {index, 0, now_ns()}); }
};

} // namespace

TEST_SUITE_BEGIN("history/load");

TEST_CASE("every transcript becomes a summary, newest first") {
    Folder folder;
    const Loaded loaded = load_sessions(folder.sessions, {});
    CHECK(loaded.folder_exists);
    CHECK(loaded.skipped.empty());
    CHECK(files_of(loaded) == std::vector<std::string>{"20261113-120000-dsa-lru.toml",
                                                       "20261112-120000-sql-joins.toml",
                                                       "20261111-120000-dsa-two-sum.toml"});
    const Session& oldest = loaded.sessions[2];
    CHECK(oldest.question == "Explain two-sum.");
    CHECK(oldest.mean_score() == doctest::Approx(2.5));
    CHECK(oldest.used_seconds() == 920);
    CHECK(oldest.budget_seconds() == 900);
    REQUIRE(oldest.phases.size() == 2);
    CHECK(oldest.phases[0].overtime_seconds == 20);
    CHECK(oldest.phases[1].extended_seconds == 60);
}

TEST_CASE("files that are not valid transcripts are skipped with one warning each") {
    Folder folder;
    const fs::path& dir = folder.sessions;
    const std::string good = transcript::to_toml(transcript_of("dsa", "heap", 4));
    write(dir / "a-truncated.toml", good.substr(0, good.find("[[phase]]") + 12));
    write(dir / "b-newer.toml", replaced_format(good));
    write(dir / "c-other-program.toml", "[tool.poetry]\nname = \"demo\"\n");
    write(dir / "d-bad-score.toml", good.substr(0, good.rfind("value = ")) + "value = 9\n");
    write(dir / "e-syntax.toml", "format = 1\nid = \"x\n");
    write(dir / "f-empty.toml", "");
    write(dir / "notes.txt", "not a transcript, not a .toml: ignored");
    write(dir / ".hidden.toml", "ignored too");
    fs::create_directory(dir / "folder.toml");
    const Loaded loaded = load_sessions(dir, {});
    CHECK(loaded.sessions.size() == 3);
    CHECK(warnings_of(loaded.skipped, dir) ==
          std::vector<std::string>{
              "a-truncated.toml:19:3: warning: not a valid transcript, skipped: Error while "
              "parsing key-value pair: encountered end-of-file",
              "b-newer.toml:2:10: warning: not a valid transcript, skipped: transcript format 4 "
              "is newer than this mockcoach reads (1 to 3); upgrade mockcoach",
              "c-other-program.toml:1:2: warning: not a valid transcript, skipped: unknown key "
              "\"tool\" in the transcript (and 9 more problems)",
              "d-bad-score.toml:46:9: warning: not a valid transcript, skipped: score \"value\" "
              "must be 1 to 5",
              "e-syntax.toml:2:8: warning: not a valid transcript, skipped: Error while parsing "
              "string: unescaped control characters other than TAB (U+0009) are explicitly "
              "prohibited",
              "f-empty.toml:1:1: warning: not a valid transcript, skipped: the transcript is "
              "missing the key \"format\" (and 8 more problems)",
              "folder.toml: warning: a folder, not a file; skipped"});
}

TEST_CASE("a missing folder and an empty folder give no sessions and no warnings") {
    TempDir root;
    const Loaded missing = load_sessions(root.path() / "nope", {root.path() / "index.toml"});
    CHECK_FALSE(missing.folder_exists);
    CHECK(missing.sessions.empty());
    CHECK_FALSE(fs::exists(root.path() / "index.toml"));
    const Loaded empty = load_sessions(root.path(), {});
    CHECK(empty.folder_exists);
    CHECK(empty.sessions.empty());
    CHECK(empty.skipped.empty());
}

TEST_CASE("the index is written once and reused while nothing changes") {
    Folder folder;
    const Loaded first = folder.load();
    CHECK(first.index.parsed == 3);
    CHECK(first.index.reused == 0);
    CHECK(first.index.written);
    REQUIRE(fs::exists(folder.index));
    const auto index = read_index(read(folder.index));
    REQUIRE(index);
    CHECK(index->sessions.size() == 3);
    CHECK(index->folder == fs::absolute(folder.sessions).lexically_normal().string());

    const Loaded second = folder.load();
    CHECK(second.index.parsed == 0);
    CHECK(second.index.reused == 3);
    CHECK_FALSE(second.index.written);
    CHECK(files_of(second) == files_of(first));
    CHECK(second.sessions[0].mean_score() == first.sessions[0].mean_score());
}

TEST_CASE("the index is rebuilt when a transcript is added, removed or edited") {
    Folder folder;
    folder.load();
    const fs::path added = save(folder.sessions, transcript_of("sql", "window", 4, {1}));
    const Loaded after_add = folder.load();
    CHECK(after_add.index.parsed == 1);
    CHECK(after_add.index.reused == 3);
    CHECK(after_add.index.written);
    CHECK(after_add.sessions.size() == 4);
    CHECK(after_add.sessions[0].question_id == "window");

    fs::remove(added);
    const Loaded after_remove = folder.load();
    CHECK(after_remove.index.parsed == 0);
    CHECK(after_remove.index.written);
    CHECK(after_remove.sessions.size() == 3);
    CHECK(read_index(read(folder.index))->sessions.size() == 3);

    // The same size, a new mtime: a score edited by hand from 5 to 1.
    const fs::path lru = folder.sessions / "20261113-120000-dsa-lru.toml";
    std::string text = read(lru);
    text.replace(text.rfind("value = 5"), 9, "value = 1");
    std::ofstream(lru, std::ios::binary) << text;
    fs::last_write_time(lru, fs::file_time_type::clock::now() - std::chrono::minutes(30));
    const Loaded after_edit = folder.load();
    CHECK(after_edit.index.parsed == 1);
    CHECK(after_edit.index.written);
    CHECK(after_edit.sessions[0].mean_score() == doctest::Approx(1.0));
    CHECK(folder.load().sessions[0].mean_score() == doctest::Approx(1.0)); // and cached so
}

TEST_CASE("a transcript broken by an edit is skipped, and its old summary dropped") {
    Folder folder;
    folder.load();
    write(folder.sessions / "20261112-120000-sql-joins.toml", "format = 1\n");
    const Loaded loaded = folder.load();
    CHECK(loaded.sessions.size() == 2);
    CHECK(loaded.skipped.size() == 1);
    CHECK(read_index(read(folder.index))->sessions.size() == 2);
}

TEST_CASE("a corrupt or foreign index is ignored and rebuilt") {
    Folder folder;
    fs::create_directories(folder.index.parent_path());
    std::ofstream(folder.index) << "format = 1\nfolder = \"/x\"\n[[session]]\nfile = 3\n";
    const Loaded loaded = folder.load();
    CHECK(loaded.sessions.size() == 3);
    CHECK(loaded.index.parsed == 3);
    CHECK(loaded.index.written);
    // An index of another folder, with the same file names, must not be trusted either.
    auto other = read_index(read(folder.index));
    REQUIRE(other);
    other->folder = "/somewhere/else";
    other->sessions[0].question = "not this folder's";
    std::ofstream(folder.index) << index_to_toml(*other);
    const Loaded again = folder.load();
    CHECK(again.index.parsed == 3);
    for (const Session& s : again.sessions) CHECK(s.question != "not this folder's");
}

TEST_CASE("a transcript changed within two seconds of now is read but not cached yet") {
    Folder folder;
    save(folder.sessions, transcript_of("sql", "fresh", 5), 0);
    const Loaded loaded = folder.load();
    CHECK(loaded.sessions.size() == 4);
    CHECK(read_index(read(folder.index))->sessions.size() == 3);
    const Loaded again = folder.load();
    CHECK(again.index.parsed == 1); // read again, not trusted to the index
    CHECK_FALSE(again.index.written);
}

TEST_CASE("an index that cannot be written costs only time") {
    Folder folder;
    const fs::path blocked = folder.root.path() / "file-not-folder";
    std::ofstream(blocked) << "x";
    const Loaded loaded = load_sessions(folder.sessions, {blocked / "index.toml", 0, now_ns()});
    CHECK(loaded.sessions.size() == 3);
    CHECK_FALSE(loaded.index.written);
}

TEST_CASE("reading on several threads gives the same summaries as on one") {
    Folder folder;
    for (int day = 4; day < 200; ++day)
        save(folder.sessions, transcript_of("dsa", "q" + std::to_string(day), day % 28 + 1));
    const Loaded one = load_sessions(folder.sessions, {std::nullopt, 1, 0});
    const Loaded four = load_sessions(folder.sessions, {std::nullopt, 4, 0});
    CHECK(one.sessions.size() == 199);
    CHECK(files_of(one) == files_of(four));
}

TEST_CASE("reading transcripts reports progress on the calling thread, ending at the total") {
    Folder folder;
    for (int day = 4; day < 200; ++day)
        save(folder.sessions, transcript_of("dsa", "q" + std::to_string(day), day % 28 + 1));
    const std::thread::id caller = std::this_thread::get_id();
    std::vector<std::pair<std::size_t, std::size_t>> calls;
    bool on_caller = true;
    LoadOptions options{folder.index, 4, now_ns()};
    options.progress = [&](std::size_t done, std::size_t total) {
        on_caller = on_caller && std::this_thread::get_id() == caller;
        calls.emplace_back(done, total);
    };
    CHECK(load_sessions(folder.sessions, options).index.parsed == 199);
    CHECK(on_caller);
    // The caller reads a share of the files (how many depends on how the threads are
    // scheduled: on a loaded machine the workers may take them all), then reports the end.
    REQUIRE_FALSE(calls.empty());
    CHECK(calls.back() == std::pair<std::size_t, std::size_t>{199, 199});
    for (std::size_t i = 1; i < calls.size(); ++i) CHECK(calls[i].first >= calls[i - 1].first);

    // A warm index reads nothing, so there is nothing to report.
    calls.clear();
    CHECK(load_sessions(folder.sessions, options).index.parsed == 0);
    CHECK(calls.empty());
}

TEST_CASE("load_transcripts gives whole transcripts, oldest first, with the same warnings") {
    Folder folder;
    write(folder.sessions / "broken.toml", "format = 1\n");
    const LoadedTranscripts loaded = load_transcripts(folder.sessions);
    REQUIRE(loaded.transcripts.size() == 3);
    CHECK(loaded.transcripts[0].question_id == "two-sum");
    CHECK(loaded.transcripts[2].question_id == "lru");
    CHECK(loaded.transcripts[0].reflection == "Went \"well\".\nNext: slower.");
    CHECK(loaded.transcripts[0].phases[0].notes.size() == 1);
    REQUIRE(loaded.skipped.size() == 1);
    CHECK(loaded.skipped[0].severity == Severity::warning);
}

TEST_CASE("the index of a folder lives in the cache folder, one file per sessions folder") {
    const fs::path a = index_file_for("/tmp/a");
    CHECK(a.parent_path().filename() == "index");
    CHECK(a.filename().string().starts_with("sessions-"));
    CHECK(a == index_file_for("/tmp/a/"));
    CHECK(a != index_file_for("/tmp/b"));
}

TEST_SUITE_END();
