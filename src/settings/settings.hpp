// The settings file, $XDG_CONFIG_HOME/mockcoach/config.toml: defaults for what a user would
// otherwise type every time. Each value remembers where it was written, so `mockcoach config`
// can say where an effective setting came from and errors found later (an unknown category)
// point at the line that set it. Command-line options win over the environment, the
// environment over this file, the file over built-in defaults.
#pragma once

#include "util/diagnostic.hpp"
#include "util/name_table.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mockcoach::settings {

// A value read from the file, with its place there.
template <typename T> struct Setting {
    std::optional<T> value;
    Diagnostic place{}; // path, line and column of the value (message empty)
    explicit operator bool() const { return value.has_value(); }
    const T& operator*() const { return *value; }
};

enum class ColourChoice { automatic, always, never };
// As written for `colour` in the settings file.
inline constexpr auto colour_names = name_table<ColourChoice>({
    {ColourChoice::automatic, "auto"},
    {ColourChoice::always, "always"},
    {ColourChoice::never, "never"},
});

struct Settings {
    std::filesystem::path file; // where it was (or would be) read from
    bool exists = false;

    Setting<std::string> sessions;                // the sessions folder; "~/" is the home folder
    Setting<bool> bell;                           // ring when a budget runs out
    Setting<bool> auto_advance;                   // go to the next phase when a budget runs out
    Setting<bool> adaptive;                       // the adaptive draw by default
    Setting<double> adaptive_strength;            // how far the adaptive draw leans
    Setting<double> retention;                    // spaced repetition's desired recall
    Setting<ColourChoice> colour;                 // auto: only on a terminal
    Setting<std::int64_t> star_seconds;           // the STAR answer's total time
    Setting<std::int64_t> star_typing_wpm;        // typing speed: typed STAR budgets scale by it
    Setting<std::vector<std::string>> categories; // `start` and `draw` without --category
    Setting<bool> followups;                      // the interviewer's probes mid-phase
    Setting<bool> voice;                          // speak the question, probes and phases
    Setting<std::string> voice_command;           // what speaks: reads the text on stdin
    Setting<bool> scratch;                        // a scratchpad file beside each session

    Setting<std::string> phase_end; // [hooks]: shell commands
    Setting<std::string> overtime;
    Setting<std::string> session_end;
    Setting<std::int64_t> hook_timeout; // seconds
};

inline constexpr std::int64_t default_hook_timeout = 10;
// The adaptive draw's knob: 0 is the plain draw, 1 the default lean (bank/bank.hpp uses it).
inline constexpr double default_adaptive_strength = 1.0;
inline constexpr double max_adaptive_strength = 3.0;
inline constexpr std::int64_t default_star_seconds = 120;
// Words a minute typed: STAR budgets are for speaking (about 150), typing runs at about 40.
inline constexpr std::int64_t default_star_typing_wpm = 40;
// The recall a question should still have when it comes due (FSRS's desired retention): 0.9
// is FSRS's own default; the range is where its intervals stay sensible for practice.
inline constexpr double default_retention = 0.9;
inline constexpr double min_retention = 0.70;
inline constexpr double max_retention = 0.99;

// $XDG_CONFIG_HOME/mockcoach/config.toml (or ~/.config/...).
std::filesystem::path settings_path();

// Parses a settings file: every problem as FILE:LINE:COLUMN, unknown keys with a suggestion.
// The settings are returned even with errors (the caller decides); `file` and `exists` are
// left to the caller.
Settings parse_settings(std::string_view path, std::string_view bytes, Diagnostics& problems);

// Reads the file at `path`; a missing file is no error and gives empty settings.
Settings load_settings(const std::filesystem::path& path, Diagnostics& problems);

// "~/x" -> HOME/x; anything else as written.
std::string expand_home(std::string_view path);

inline std::string_view colour_name(ColourChoice choice) {
    return colour_names.name_of(choice);
}

// ---- Effective values ------------------------------------------------------------------------
// One resolver per setting, used both by the commands and by `mockcoach config`, so what it
// shows is what the commands do.

enum class Source { fallback, file, environment, option };
// As `mockcoach config` shows where a value came from.
inline constexpr auto source_names = name_table<Source>({
    {Source::fallback, "default"},
    {Source::file, "file"},
    {Source::environment, "environment"},
    {Source::option, "option"},
});
inline std::string_view source_name(Source source) {
    return source_names.name_of(source);
}

template <typename T> struct Resolved {
    T value;
    Source source = Source::fallback;
    std::string detail; // "config.toml:3", "MOCKCOACH_SESSIONS", "--sessions-dir"
};

// Reads an environment variable (std::getenv in the program, a map in tests).
using Environment = const char* (*)(const char*);
const char* process_environment(const char* name); // std::getenv

Resolved<std::filesystem::path> sessions_folder(const Settings& settings,
                                                const std::optional<std::string>& option,
                                                Environment env);
// `option`: --bell (true) or --no-bell (false), when given.
Resolved<bool> bell(const Settings& settings, std::optional<bool> option);
Resolved<bool> auto_advance(const Settings& settings, std::optional<bool> option);
// MOCKCOACH_ADAPTIVE=1 turns it on, =0 off; any other value is a UsageError.
Resolved<bool> adaptive(const Settings& settings, std::optional<bool> option, Environment env);
// `option`: --adaptive-strength, when given.
Resolved<double> adaptive_strength(const Settings& settings, std::optional<double> option);
// `option`: --followups (true) or --no-followups (false), when given. Default on.
Resolved<bool> followups(const Settings& settings, std::optional<bool> option);
// `option`: --voice (true) or --no-voice (false), when given. Default off.
Resolved<bool> voice(const Settings& settings, std::optional<bool> option);
// The command that speaks: `voice_command`, else espeak-ng reading standard input.
Resolved<std::string> voice_command(const Settings& settings);
inline constexpr std::string_view default_voice_command = "espeak-ng --stdin";
// `option`: --scratch (true) or --no-scratch (false), when given. Default off.
Resolved<bool> scratch(const Settings& settings, std::optional<bool> option);
// The desired retention: `retention` in the file, else 0.9.
Resolved<double> retention(const Settings& settings);
// NO_COLOR (set and not empty) means never.
Resolved<ColourChoice> colour(const Settings& settings, Environment env);
// nullopt: the rubric's own budgets.
Resolved<std::optional<std::int64_t>> star_seconds(const Settings& settings,
                                                   std::optional<std::int64_t> option);
Resolved<std::int64_t> star_typing_wpm(const Settings& settings);
// Empty: every category.
Resolved<std::vector<std::string>> categories(const Settings& settings,
                                              const std::vector<std::string>& option);
// `phase_end_option`: --on-phase-end; `no_hooks`: --no-hooks.
struct HookSettings {
    Resolved<std::optional<std::string>> phase_end, overtime, session_end;
    Resolved<std::int64_t> timeout_seconds;
};
HookSettings hook_settings(const Settings& settings,
                           const std::optional<std::string>& phase_end_option, bool no_hooks);

// Every setting as `mockcoach config` lists it: name, value as text, where it came from.
struct Line {
    std::string name;
    std::string value;
    Source source;
    std::string detail;
};
std::vector<Line> describe(const Settings& settings, const std::optional<std::string>& sessions,
                           Environment env);

} // namespace mockcoach::settings
