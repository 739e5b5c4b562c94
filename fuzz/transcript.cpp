// Fuzzes the transcript reader; whatever it accepts must write back and read back the same.
#include "transcript/transcript.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace mockcoach;
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    Diagnostics problems;
    const auto first = transcript::read_transcript("fuzz.toml", bytes, problems);
    if (!first) return 0;
    const std::string written = transcript::to_toml(*first);
    Diagnostics again;
    const auto second = transcript::read_transcript("again.toml", written, again);
    // The writer must produce what the reader takes: a transcript mockcoach itself wrote is
    // never unreadable.
    if (!second || transcript::to_toml(*second) != written) std::abort();
    return 0;
}
