// Scripted mode's language: one command per line (`next`, `note TEXT`, `wait SECONDS`, ...).
// Parsing is pure; run_script.hpp runs a script against a Recorder.
#pragma once

#include "session/engine.hpp"

#include <functional>
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

// `words PART TEXT` (star --aloud, after the last part): a few words about what was said in a
// part, typed once the clock has stopped. PART is resolved against the plan when it runs, so
// `line` holds the part and the text as typed.
struct Words {
    std::string line;
};

using ScriptCommand = std::variant<Wait, ScriptEvent, SaveStory, Words>;

// How a STAR answer is given: typed part by part against the clock, or spoken aloud with the
// clock running and a few words per part typed afterwards (`star --aloud`).
enum class Delivery { typed, aloud };

struct ScriptError {
    std::string message;
};

// What a story's name and themes must be: the story bank's rules, handed in by the layer that
// knows the bank (as ninja's BuildLogUser lets the log ask about the manifest), so that this
// layer does not depend on it. Given the name and the themes as typed, the story with its
// themes normalised, or why not.
using StoryRules = std::function<std::variant<SaveStory, ScriptError>(std::string_view name,
                                                                      std::string_view themes)>;

// nullopt for blank lines and # comments. Without `story_rules`, `save-story` is refused:
// only STAR rehearsals save stories.
std::optional<std::variant<ScriptCommand, ScriptError>>
parse_script_line(std::string_view line, const StoryRules& story_rules = {});

// The commands, for help text and suggestions.
std::string_view script_help();

} // namespace mockcoach::session
