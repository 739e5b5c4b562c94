// Fuzzes the history index reader (a hand-written parser of a file on disk): it must never
// crash, and whatever it accepts must write back in a form it reads back the same.
#include "history/index.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace mockcoach;
    const auto first =
        history::read_index(std::string_view(reinterpret_cast<const char*>(data), size));
    if (!first) return 0;
    const std::string written = history::index_to_toml(*first);
    const auto second = history::read_index(written);
    if (!second || history::index_to_toml(*second) != written) std::abort();
    return 0;
}
