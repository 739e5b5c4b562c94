// Formatting of diagnostics in the compiler's "file:line:column: severity: message" form.
#include "util/diagnostic.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace mockcoach {

std::string format_diagnostic(const Diagnostic& d) {
    const char* severity = d.severity == Severity::error ? "error" : "warning";
    if (d.line <= 0) return fmt::format("{}: {}: {}", d.path, severity, d.message);
    return fmt::format("{}:{}:{}: {}: {}", d.path, d.line, std::max(d.column, 1), severity,
                       d.message);
}

bool has_errors(const Diagnostics& diagnostics) {
    return std::any_of(diagnostics.begin(), diagnostics.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::error; });
}

} // namespace mockcoach
