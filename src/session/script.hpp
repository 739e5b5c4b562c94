// Scripted mode's language: one command per line (`next`, `note TEXT`, `wait SECONDS`, ...).
// Parsing is pure; running a script against a Recorder lives in the cli layer.
#pragma once

#include "session/engine.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace mockcoach::session {

struct Wait {
    Millis duration;
};

struct ScriptEvent {
    EventKind kind;
    std::string text;
    std::int64_t number = 0;
};

// `save-story NAME THEME[,THEME...]` (STAR rehearsals, after the last part): the answer is
// saved as a story; name and themes are already checked and the themes normalised.
struct SaveStory {
    std::string name;
    std::vector<std::string> themes;
};

using ScriptCommand = std::variant<Wait, ScriptEvent, SaveStory>;

struct ScriptError {
    std::string message;
};

// nullopt for blank lines and # comments.
std::optional<std::variant<ScriptCommand, ScriptError>> parse_script_line(std::string_view line);

// The commands, for help text and suggestions.
std::string_view script_help();

} // namespace mockcoach::session
