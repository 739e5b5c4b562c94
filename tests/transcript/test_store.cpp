// The sessions folder: safe names, ids, and writes that never overwrite or leave temp files.
#include "transcript/store.hpp"

#include "../strings.hpp"
#include "../temp_folder.hpp"
#include "util/atomic_file.hpp"
#include "util/errors.hpp"

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <doctest/doctest.h>
#include <fstream>
#include <optional>
#include <regex>
#include <sys/stat.h>
#include <unistd.h>

using namespace mockcoach;
using namespace mockcoach::transcript;
using mockcoach::test_folders::contents;
using mockcoach::test_folders::TempFolder;
namespace fs = std::filesystem;

namespace {

bool is_safe_name(const std::string& name) {
    return std::regex_match(name, std::regex("[a-z0-9]+(-[a-z0-9]+)*"));
}

bool has_temp_files(const TempFolder& folder) {
    for (const std::string& name : folder.names())
        if (name.rfind(".mockcoach-tmp-", 0) == 0) return true;
    return false;
}

} // namespace

TEST_SUITE_BEGIN("transcript/store");

TEST_CASE("sanitise turns separators, dots and spaces into single dashes") {
    CHECK(sanitise("a/b") == "a-b");
    CHECK(sanitise("../../etc/passwd") == "etc-passwd");
    CHECK(sanitise("two sum  problem") == "two-sum-problem");
    CHECK(sanitise("a -- b") == "a-b");
    CHECK(sanitise("trailing/") == "trailing");
    CHECK(sanitise("C:\\Users\\me") == "c-users-me");
}

TEST_CASE("sanitise lower-cases and drops what is not a-z, 0-9 or a dash") {
    CHECK(sanitise("System-Design") == "system-design");
    CHECK(sanitise("URL Shortener V2") == "url-shortener-v2");
    CHECK(sanitise("caf\u00e9") == "caf");
    CHECK(sanitise("\u00e9t\u00e9") == "t");
}

TEST_CASE("sanitise never gives an empty name") {
    CHECK(sanitise("") == "x");
    CHECK(sanitise("..") == "x");
    CHECK(sanitise("/") == "x");
    CHECK(sanitise("   ") == "x");
    CHECK(sanitise("\u65e5\u672c") == "x");
}

TEST_CASE("sanitise cuts very long ids and never ends on a dash") {
    const std::string long_id(200, 'a');
    CHECK(sanitise(long_id) == std::string(48, 'a'));
    CHECK(sanitise(long_id, 10) == std::string(10, 'a'));
    // The cut falls just after a dash: the dash goes too.
    CHECK(sanitise(std::string(47, 'b') + "/cdef") == std::string(47, 'b'));
    for (const std::string& id : {std::string("../x/"), std::string("A B/C.d"), long_id + "/z"}) {
        CAPTURE(id);
        CHECK(is_safe_name(sanitise(id)));
        CHECK(sanitise(id).size() <= 48);
    }
}

TEST_CASE("a session id is the local start time, then the rubric and question ids") {
    const auto started = std::chrono::system_clock::from_time_t(1'700'000'000);
    const std::string id = session_id(started, "system-design", "url-shortener");
    CHECK(std::regex_match(id, std::regex("[0-9]{8}-[0-9]{6}-system-design-url-shortener")));

    const std::time_t seconds = 1'700'000'000;
    std::tm local{};
    ::localtime_r(&seconds, &local);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &local);
    CHECK(id.substr(0, 15) == stamp);
}

TEST_CASE("a session id sanitises its parts and caps their lengths") {
    const auto started = std::chrono::system_clock::from_time_t(0);
    const std::string id = session_id(started, "../System Design", std::string(100, 'q'));
    CHECK(std::regex_match(id, std::regex("[0-9]{8}-[0-9]{6}-system-design-q{48}")));
    const std::string long_rubric = session_id(started, std::string(50, 'r'), "q");
    CHECK(std::regex_match(long_rubric, std::regex("[0-9]{8}-[0-9]{6}-r{32}-q")));
}

TEST_CASE("write_new_file never overwrites: a taken name gets -2, then -3") {
    TempFolder folder;
    const fs::path first = write_new_file(folder.path(), "s", ".toml", "first");
    const fs::path second = write_new_file(folder.path(), "s", ".toml", "second");
    const fs::path third = write_new_file(folder.path(), "s", ".toml", "third");
    CHECK(first == folder / "s.toml");
    CHECK(second == folder / "s-2.toml");
    CHECK(third == folder / "s-3.toml");
    CHECK(contents(first) == "first");
    CHECK(contents(second) == "second");
    CHECK(contents(third) == "third");
    CHECK(folder.names() == std::vector<std::string>{"s-2.toml", "s-3.toml", "s.toml"});
}

TEST_CASE("write_new_file leaves no temp file behind and gives the usual file mode") {
    TempFolder folder;
    const fs::path path = write_new_file(folder.path(), "s", ".toml", std::string(100'000, 'x'));
    CHECK_FALSE(has_temp_files(folder));
    CHECK(folder.names() == std::vector<std::string>{"s.toml"});
    CHECK(contents(path).size() == 100'000);
    const mode_t mask = ::umask(0);
    ::umask(mask);
    struct stat info {};
    REQUIRE(::stat(path.c_str(), &info) == 0);
    CHECK((info.st_mode & 0777) == (0666 & ~mask));
}

TEST_CASE("write_new_file into a missing folder throws IoError") {
    TempFolder folder;
    CHECK_THROWS_AS(write_new_file(folder / "missing", "s", ".toml", "x"), IoError);
    CHECK(folder.names().empty());
}

TEST_CASE("move_if_free never replaces, with renameat2's flag or by reserving the name") {
    // The second way is for file systems without RENAME_NOREPLACE (NFS, SMB, some FUSE), where
    // link() fails too; it is forced here because a test cannot mount one.
    for (const NoReplace how : {NoReplace::rename_flag, NoReplace::reserve_name}) {
        CAPTURE(static_cast<int>(how));
        TempFolder folder;
        std::ofstream(folder / "temp") << "new";
        std::ofstream(folder / "taken") << "theirs";
        fs::create_directory(folder / "folder");
        fs::create_symlink(folder / "nowhere", folder / "dangling");
        for (const char* name : {"taken", "folder", "dangling"}) {
            CAPTURE(name);
            CHECK(move_if_free(folder / "temp", folder / name, how) == EEXIST);
        }
        CHECK(contents(folder / "taken") == "theirs");
        CHECK(fs::is_symlink(folder / "dangling"));
        CHECK(move_if_free(folder / "temp", folder / "free", how) == 0);
        CHECK(contents(folder / "free") == "new");
        CHECK(folder.names() == std::vector<std::string>{"dangling", "folder", "free", "taken"});
        CHECK(move_if_free(folder / "gone", folder / "other", how) == ENOENT);
        CHECK_FALSE(fs::exists(folder / "other")); // the reserved name is given back
    }
}

TEST_CASE("write_file_if_new writes a new name and refuses a taken one, leaving it as it was") {
    TempFolder folder;
    const fs::path path = folder / "report.html";
    CHECK(write_file_if_new(path, "first"));
    CHECK(contents(path) == "first");
    CHECK_FALSE(write_file_if_new(path, "second"));
    CHECK(contents(path) == "first");
    CHECK(folder.names() == std::vector<std::string>{"report.html"});
}

TEST_CASE("write_file_if_new refuses a name taken by a folder or a dangling link") {
    TempFolder folder;
    fs::create_directory(folder / "taken");
    fs::create_symlink(folder / "nowhere", folder / "link");
    CHECK_FALSE(write_file_if_new(folder / "taken", "x"));
    CHECK_FALSE(write_file_if_new(folder / "link", "x"));
    CHECK_FALSE(fs::exists(folder / "nowhere"));
    CHECK(folder.names() == std::vector<std::string>{"link", "taken"});
}

TEST_CASE("write_file_if_new into a missing folder throws IoError") {
    TempFolder folder;
    CHECK_THROWS_AS(write_file_if_new(folder / "missing" / "r.html", "x"), IoError);
    CHECK(folder.names().empty());
}

TEST_CASE("replace_file swaps the whole content and leaves no temp file") {
    TempFolder folder;
    const fs::path path = folder / "stories.toml";
    replace_file(path, "one\n");
    CHECK(contents(path) == "one\n");
    replace_file(path, "two\n");
    CHECK(contents(path) == "two\n");
    CHECK(folder.names() == std::vector<std::string>{"stories.toml"});
}

TEST_CASE("replace_file_if replaces only while the file is as it was read, and leaves no temp") {
    TempFolder folder;
    const fs::path path = folder / "s.toml";
    replace_file(path, "as read\n");
    bool asked = false;
    CHECK(replace_file_if(path, "with a review\n", [&] {
        asked = true;
        return contents(path) == "as read\n";
    }));
    CHECK(asked);
    CHECK(contents(path) == "with a review\n");
    // Someone else wrote it in the meantime: nothing is replaced.
    CHECK_FALSE(replace_file_if(path, "lost update\n", [] { return false; }));
    CHECK(contents(path) == "with a review\n");
    CHECK(folder.names() == std::vector<std::string>{"s.toml"});
    // A check that throws leaves no temp file either.
    CHECK_THROWS_AS(replace_file_if(path, "x", []() -> bool { throw IoError("cannot read"); }),
                    IoError);
    CHECK(folder.names() == std::vector<std::string>{"s.toml"});
}

TEST_CASE("replace_file into a missing folder throws IoError") {
    TempFolder folder;
    CHECK_THROWS_AS(replace_file(folder / "missing" / "f.toml", "x"), IoError);
}

TEST_CASE("prepare_folder creates missing folders and leaves nothing in them") {
    TempFolder folder;
    const fs::path nested = folder / "a" / "b" / "sessions";
    prepare_folder(nested);
    CHECK(fs::is_directory(nested));
    CHECK(fs::is_empty(nested));
    prepare_folder(nested); // a second time is fine
    CHECK(fs::is_empty(nested));
}

TEST_CASE("prepare_folder on a file throws IoError") {
    TempFolder folder;
    test_folders::write(folder / "file", "x");
    CHECK_THROWS_AS(prepare_folder(folder / "file"), IoError);
}

TEST_CASE("prepare_folder below a file throws IoError") {
    TempFolder folder;
    test_folders::write(folder / "file", "x");
    CHECK_THROWS_AS(prepare_folder(folder / "file" / "sessions"), IoError);
}

TEST_CASE("prepare_folder on a read-only folder throws IoError") {
    if (::geteuid() == 0) {
        MESSAGE("skipped: running as root, a read-only folder is still writable");
        return;
    }
    TempFolder folder;
    const fs::path locked = folder / "locked";
    fs::create_directory(locked);
    fs::permissions(locked, fs::perms::owner_read | fs::perms::owner_exec);
    CHECK_THROWS_AS(prepare_folder(locked), IoError);
    CHECK_THROWS_AS(write_new_file(locked, "s", ".toml", "x"), IoError);
    fs::permissions(locked, fs::perms::owner_all);
    CHECK(fs::is_empty(locked));
}

TEST_SUITE_END();
