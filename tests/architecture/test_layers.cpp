// src/ forms layers: every include and every link goes down the order in src/README.md.
#include "layers.hpp"

#include "../temp_folder.hpp"

#include <doctest/doctest.h>
#include <fstream>
#include <sstream>

using namespace mockcoach::architecture;
namespace fs = std::filesystem;

namespace {

std::string read(const fs::path& path) {
    std::ifstream in(path);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::vector<std::string> violations_in(const fs::path& src) {
    std::vector<std::string> lines;
    for (const Violation& v : check_layers(src, parse_layers(read(src / "README.md"))))
        lines.push_back(format_violation(v));
    return lines;
}

} // namespace

TEST_SUITE_BEGIN("architecture/layers");

TEST_CASE("the layer order is read from the README's layers block") {
    const Layers layers = parse_layers("# x\n```text\nnot this\n```\n```layers\nutil\n"
                                       "rubric  term\n\ncli\n```\nafter\n");
    REQUIRE(layers.size() == 3);
    CHECK(layers[0] == std::vector<std::string>{"util"});
    CHECK(layers[1] == std::vector<std::string>{"rubric", "term"});
    CHECK(layers[2] == std::vector<std::string>{"cli"});
    CHECK(parse_layers("no block here").empty());
}

TEST_CASE("src/ has no include or link against the documented layer order") {
    const fs::path src = fs::path(MOCKCOACH_SOURCE_DIR) / "src";
    const Layers layers = parse_layers(read(src / "README.md"));
    REQUIRE(layers.size() >= 5);
    const auto found = violations_in(src);
    for (const std::string& line : found) MESSAGE(line);
    CHECK(found.empty());
}

TEST_CASE("an upward include and an upward link are named by file and line") {
    const fs::path src = fs::path(MOCKCOACH_SOURCE_DIR) / "tests/fixtures/layers/src";
    CHECK(violations_in(src) ==
          std::vector<std::string>{
              "session/CMakeLists.txt:2: error: session (layer 2) may not use live (layer 3) "
              "(mockcoach_live): only folders on lower layers (src/README.md)",
              "session/engine.cpp:3: error: session (layer 2) may not use live (layer 3) "
              "(live/screen.hpp): only folders on lower layers (src/README.md)"});
}

TEST_CASE("folders on one layer may not use each other, and a folder in no layer is named") {
    mockcoach::test_folders::TempFolder folder;
    const fs::path src = folder.path() / "src";
    fs::create_directories(src / "star");
    fs::create_directories(src / "stories");
    fs::create_directories(src / "extra");
    mockcoach::test_folders::write(src / "README.md", "```layers\nstar stories\n```\n");
    mockcoach::test_folders::write(src / "star/hints.cpp", "#include \"stories/stories.hpp\"\n");
    mockcoach::test_folders::write(src / "main.cpp", "#include \"star/hints.hpp\"\n");
    CHECK(violations_in(src) ==
          std::vector<std::string>{
              "extra: error: extra is a folder in no layer: add it to the ```layers block of "
              "src/README.md",
              "star/hints.cpp:1: error: star (layer 1) may not use stories (layer 1) "
              "(stories/stories.hpp): only folders on lower layers (src/README.md)"});
}

TEST_SUITE_END();
