// Parsing a TOML document with toml++, after the pre-scan has fenced off what it mishandles,
// and the conversion of its date-times to WallTime.
#include "tomlfile/parse.hpp"

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

WallTime wall_time_of(const toml::date_time& when) {
    return from_civil({{when.date.year, when.date.month, when.date.day},
                       when.time.hour,
                       when.time.minute,
                       when.time.second},
                      when.offset ? when.offset->minutes : 0);
}

toml::date_time toml_date_time_of(const WallTime& when) {
    const CivilTime local = civil_of(when);
    toml::date_time result{toml::date{local.date.year, local.date.month, local.date.day},
                           toml::time{local.hour, local.minute, local.second}};
    result.offset = toml::time_offset{};
    result.offset->minutes = static_cast<std::int16_t>(when.offset_minutes);
    return result;
}

} // namespace mockcoach::tomlfile
