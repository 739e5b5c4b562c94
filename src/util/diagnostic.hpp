// A problem found in a user's file, with the place it was found: what every loader returns.
#pragma once

#include <string>
#include <vector>

namespace mockcoach {

enum class Severity { error, warning };

struct Diagnostic {
    std::string path;
    int line = 0; // 1-based; 0 when the problem is with the file as a whole
    int column = 0;
    Severity severity = Severity::error;
    std::string message;
};

using Diagnostics = std::vector<Diagnostic>;

// "FILE:LINE:COLUMN: error: MESSAGE", the form compilers use, so editors can jump to it.
std::string format_diagnostic(const Diagnostic& diagnostic);

bool has_errors(const Diagnostics& diagnostics);

} // namespace mockcoach
