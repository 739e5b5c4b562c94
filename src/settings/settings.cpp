// Reading config.toml with the same strictness as a rubric.
#include "settings/settings.hpp"

#include "tomlfile/reader.hpp"
#include "util/files.hpp"

#include <algorithm>
#include <cstdlib>
#include <fmt/format.h>
#include <tuple>

namespace mockcoach::settings {

namespace fs = std::filesystem;
using tomlfile::Need;
using tomlfile::TableReader;

namespace {

Diagnostic place_of(std::string_view path, const toml::source_region& where) {
    return tomlfile::at(path, where, "");
}

template <typename T>
void take(Setting<T>& setting, std::optional<T> value, TableReader& reader, std::string_view key) {
    if (!value) return;
    setting.value = std::move(value);
    setting.place = place_of(reader.path(), reader.where(key));
}

Settings read(std::string_view path, std::string_view bytes, Diagnostics& problems);

} // namespace

fs::path settings_path() {
    return config_home() / "config.toml";
}

std::string expand_home(std::string_view path) {
    if (path == "~" || path.starts_with("~/")) {
        const char* home = std::getenv("HOME");
        if (home && *home) return std::string(home) + std::string(path.substr(1));
    }
    return std::string(path);
}

Settings parse_settings(std::string_view path, std::string_view bytes, Diagnostics& problems) {
    const std::size_t before = problems.size();
    Settings settings = read(path, bytes, problems);
    // In the file's order, as a reader goes through it.
    std::stable_sort(problems.begin() + static_cast<std::ptrdiff_t>(before), problems.end(),
                     [](const Diagnostic& a, const Diagnostic& b) {
                         return std::tie(a.line, a.column) < std::tie(b.line, b.column);
                     });
    return settings;
}

namespace {

Settings read(std::string_view path, std::string_view bytes, Diagnostics& problems) {
    Settings settings;
    auto parsed = tomlfile::parse(path, bytes);
    problems.insert(problems.end(), parsed.diagnostics.begin(), parsed.diagnostics.end());
    if (!parsed.table) return settings;

    TableReader top(path, *parsed.table, "the settings",
                    {"sessions", "bell", "auto_advance", "adaptive", "adaptive_strength",
                     "retention", "colour", "star_seconds", "star_typing_wpm", "categories",
                     "followups", "voice", "voice_command", "scratch", "hooks"},
                    problems);
    if (auto sessions = top.string("sessions", Need::optional)) {
        if (sessions->empty())
            top.error(top.where("sessions"), "\"sessions\" must name a folder");
        else
            take(settings.sessions, std::move(sessions), top, "sessions");
    }
    take(settings.bell, top.boolean("bell", Need::optional), top, "bell");
    take(settings.auto_advance, top.boolean("auto_advance", Need::optional), top, "auto_advance");
    take(settings.adaptive, top.boolean("adaptive", Need::optional), top, "adaptive");
    if (auto strength = top.number("adaptive_strength", Need::optional)) {
        if (!(*strength >= 0 && *strength <= max_adaptive_strength))
            top.error(top.where("adaptive_strength"),
                      fmt::format("\"adaptive_strength\" is {}; use 0 (the plain draw) to {:g} "
                                  "(1 is the default lean)",
                                  *strength, max_adaptive_strength));
        else
            take(settings.adaptive_strength, strength, top, "adaptive_strength");
    }
    if (auto retention = top.number("retention", Need::optional)) {
        if (!(*retention >= min_retention && *retention <= max_retention))
            top.error(top.where("retention"),
                      fmt::format("\"retention\" is {}; use 0.70 to 0.99 (the recall a question "
                                  "should still have when it comes due)",
                                  *retention));
        else
            take(settings.retention, retention, top, "retention");
    }
    take(settings.followups, top.boolean("followups", Need::optional), top, "followups");
    take(settings.voice, top.boolean("voice", Need::optional), top, "voice");
    if (auto command = top.string("voice_command", Need::optional)) {
        if (command->find_first_not_of(" \t") == std::string::npos)
            top.error(
                top.where("voice_command"),
                "\"voice_command\" must name a command (it reads the text on standard input)");
        else
            take(settings.voice_command, std::move(command), top, "voice_command");
    }
    take(settings.scratch, top.boolean("scratch", Need::optional), top, "scratch");
    if (auto colour = top.string("colour", Need::optional)) {
        std::optional<ColourChoice> choice = colour_names.parse(*colour);
        if (choice)
            take(settings.colour, choice, top, "colour");
        else
            top.error(top.where("colour"),
                      fmt::format("\"colour\" is \"{}\"; use \"auto\", \"always\" or \"never\"",
                                  *colour));
    }
    if (auto seconds = top.integer("star_seconds", Need::optional)) {
        if (*seconds < 20 || *seconds > 3600)
            top.error(top.where("star_seconds"),
                      fmt::format("\"star_seconds\" is {}; use 20 to 3600", *seconds));
        else
            take(settings.star_seconds, seconds, top, "star_seconds");
    }
    if (auto wpm = top.integer("star_typing_wpm", Need::optional)) {
        if (*wpm < 10 || *wpm > 150)
            top.error(
                top.where("star_typing_wpm"),
                fmt::format("\"star_typing_wpm\" is {}; use 10 to 150 (words a minute)", *wpm));
        else
            take(settings.star_typing_wpm, wpm, top, "star_typing_wpm");
    }
    take(settings.categories, top.strings("categories", Need::optional), top, "categories");

    if (const toml::table* hooks = top.table("hooks", Need::optional)) {
        TableReader reader(path, *hooks, "[hooks]",
                           {"phase_end", "overtime", "session_end", "timeout"}, problems);
        take(settings.phase_end, reader.string("phase_end", Need::optional), reader, "phase_end");
        take(settings.overtime, reader.string("overtime", Need::optional), reader, "overtime");
        take(settings.session_end, reader.string("session_end", Need::optional), reader,
             "session_end");
        if (auto timeout = reader.integer("timeout", Need::optional)) {
            if (*timeout < 1 || *timeout > 600)
                reader.error(reader.where("timeout"),
                             fmt::format("\"timeout\" is {} seconds; use 1 to 600", *timeout));
            else
                take(settings.hook_timeout, timeout, reader, "timeout");
        }
    }
    return settings;
}

} // namespace

Settings load_settings(const fs::path& path, Diagnostics& problems) {
    std::error_code error;
    const fs::file_status status = fs::symlink_status(path, error);
    if (error && error != std::errc::no_such_file_or_directory) {
        // Unreadable is not absent: quietly falling back to the defaults would put sessions
        // somewhere the user did not choose.
        problems.push_back({path.string(), 0, 0, Severity::error,
                            fmt::format("cannot read the settings: {}", error.message())});
    }
    if (error || !fs::exists(status)) {
        Settings settings;
        settings.file = path;
        return settings;
    }
    Settings settings;
    if (auto bytes = read_file(path, tomlfile::max_file_bytes, problems))
        settings = parse_settings(path.string(), *bytes, problems);
    settings.file = path;
    settings.exists = true;
    return settings;
}

} // namespace mockcoach::settings
