// Fuzzes rubric and question files through the loader and validator the CLI uses, and a
// catalog built from them, so layering and question sets are exercised too.
#include "rubric/rubric.hpp"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace mockcoach;
    using namespace mockcoach::rubric;
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    // build_catalog reads each file through load_file, so the bytes go through it once.
    static const Layer base = [] {
        Layer layer{"base", {}, {}};
        layer.files.push_back({"base.toml",
                               "id = \"base\"\nname = \"Base\"\nweight = 1\n"
                               "[[phase]]\nname = \"p\"\nminutes = 1\n"
                               "[[criterion]]\nid = \"c\"\nname = \"C\"\n"
                               "levels.1 = \"a\"\nlevels.3 = \"b\"\nlevels.5 = \"c\"\n"});
        return layer;
    }();
    build_catalog({base, Layer{"fuzz", {{"fuzz.toml", bytes}}, {}}});
    return 0;
}
