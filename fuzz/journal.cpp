// Fuzzes the session journal reader and recovery's replay through the engine.
#include "session/journal.hpp"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace mockcoach;
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    Diagnostics problems;
    if (auto journal = session::read_journal("fuzz.journal", bytes, problems)) {
        const auto record = session::replay(*journal);
        (void)transcript::to_toml(record);
    }
    return 0;
}
