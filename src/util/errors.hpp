// The two kinds of failure the command line maps to exit codes: bad usage or input (2) and a
// runtime failure such as I/O (1). Thrown below main, caught only at its error boundary.
#pragma once

#include "util/diagnostic.hpp"

#include <stdexcept>
#include <string>

namespace mockcoach {

struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct InvalidInput : std::runtime_error {
    explicit InvalidInput(Diagnostics problems)
        : std::runtime_error("invalid input"), diagnostics(std::move(problems)) {}
    Diagnostics diagnostics;
};

struct IoError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

namespace exit_code {
inline constexpr int ok = 0;
inline constexpr int failure = 1;
inline constexpr int usage = 2;
} // namespace exit_code

} // namespace mockcoach
