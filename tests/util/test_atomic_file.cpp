// Replacing a file keeps what the user set on it: its permission bits, and a symbolic link that
// leads to it (the link stays, and the file it names gets the new bytes).
#include "util/atomic_file.hpp"

#include "../temp_folder.hpp"

#include <doctest/doctest.h>
#include <sys/stat.h>

using namespace mockcoach;
using mockcoach::test_folders::contents;
using mockcoach::test_folders::TempFolder;
namespace fs = std::filesystem;

namespace {

mode_t mode_of(const fs::path& path) {
    struct stat status {};
    REQUIRE(::stat(path.c_str(), &status) == 0);
    return status.st_mode & 07777;
}

} // namespace

TEST_SUITE_BEGIN("util/atomic_file");

TEST_CASE("a replaced file keeps its permission bits, a private one included") {
    TempFolder folder;
    const fs::path path = folder.write("private.toml", "before\n");
    for (const mode_t mode : {mode_t{0600}, mode_t{0640}, mode_t{0444}}) {
        CAPTURE(mode);
        REQUIRE(::chmod(path.c_str(), mode) == 0);
        replace_file(path, "by replace_file\n");
        CHECK(mode_of(path) == mode);
        CHECK(contents(path) == "by replace_file\n");
        CHECK(replace_file_if(path, "by replace_file_if\n", [] { return true; }));
        CHECK(mode_of(path) == mode);
        CHECK(contents(path) == "by replace_file_if\n");
    }
    CHECK(folder.names() == std::vector<std::string>{"private.toml"});
}

TEST_CASE("a new file written by replace_file gets the mode any new file gets") {
    TempFolder folder;
    const mode_t mask = ::umask(022);
    replace_file(folder / "new.toml", "x\n");
    ::umask(mask);
    CHECK(mode_of(folder / "new.toml") == 0644);
}

TEST_CASE("replacing through a symbolic link writes its target and leaves the link a link") {
    TempFolder folder;
    const fs::path target = folder.write("keep/session.toml", "before\n");
    REQUIRE(::chmod(target.c_str(), 0600) == 0);
    fs::create_directories(folder / "sessions");
    const fs::path link = folder / "sessions" / "session.toml";
    fs::create_symlink("../keep/session.toml", link); // relative, as `ln -s` users write them

    CHECK(replace_file_if(link, "with a review\n", [&] { return contents(link) == "before\n"; }));
    CHECK(fs::is_symlink(link));
    CHECK(fs::read_symlink(link) == "../keep/session.toml");
    CHECK(contents(target) == "with a review\n");
    CHECK(mode_of(target) == 0600);

    replace_file(link, "again\n");
    CHECK(fs::is_symlink(link));
    CHECK(contents(target) == "again\n");
    // The temp file was made beside the target, and nothing is left of it anywhere.
    CHECK(folder.names() == std::vector<std::string>{"keep", "sessions"});
    CHECK(fs::directory_iterator(folder / "keep")->path().filename() == "session.toml");
    CHECK(std::distance(fs::directory_iterator(folder / "keep"), fs::directory_iterator()) == 1);
    CHECK(std::distance(fs::directory_iterator(folder / "sessions"), fs::directory_iterator()) ==
          1);
}

TEST_CASE("a link to a link is followed to the file at the end") {
    TempFolder folder;
    const fs::path target = folder.write("real.toml", "one\n");
    fs::create_symlink(target, folder / "middle.toml");
    fs::create_symlink(folder / "middle.toml", folder / "outer.toml");
    replace_file(folder / "outer.toml", "two\n");
    CHECK(fs::is_symlink(folder / "outer.toml"));
    CHECK(fs::is_symlink(folder / "middle.toml"));
    CHECK(contents(target) == "two\n");
}

TEST_SUITE_END();
