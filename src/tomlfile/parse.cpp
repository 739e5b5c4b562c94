// Parsing a TOML document with toml++, after the pre-scan has fenced off what it mishandles.
#include "tomlfile/tomlfile.hpp"

namespace mockcoach::tomlfile {

Diagnostic at(std::string_view path, const toml::source_region& where, std::string message,
              Severity severity) {
    return {std::string(path), static_cast<int>(where.begin.line),
            static_cast<int>(where.begin.column), severity, std::move(message)};
}

Parsed parse(std::string_view path, std::string_view bytes) {
    Parsed result;
    result.diagnostics = prescan(path, bytes);
    if (has_errors(result.diagnostics)) return result;
    try {
        result.table = toml::parse(bytes, path);
    } catch (const toml::parse_error& error) {
        result.diagnostics.push_back(at(path, error.source(), std::string(error.description())));
    }
    return result;
}

} // namespace mockcoach::tomlfile
