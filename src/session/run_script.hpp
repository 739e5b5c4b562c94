// Scripted mode: runs a session from command lines (a file, a pipe, a test) through the same
// Recorder and engine as the live screen, printing plain lines as it goes.
#pragma once

#include "session/recorder.hpp"
#include "session/script.hpp"

#include <filesystem>
#include <functional>
#include <optional>
#include <string>

namespace mockcoach::session {

struct ScriptIo {
    std::function<std::optional<std::string>()> read_line; // nullopt at end of input or on a signal
    std::function<void(const std::string&)> print;         // one line, no newline
    std::function<int()> take_signal;                      // an ending signal that arrived, or 0
    int wake_fd = -1; // readable once a signal has arrived: a `wait` wakes on it
    // STAR rehearsals: what a story's name and themes must be, and what writes the story's
    // file ("" when saved, else why not: a bad line). Empty in other sessions, where
    // `save-story` is refused.
    StoryRules story_rules;
    std::function<std::string(const SaveStory&)> save_story;
};

struct ScriptResult {
    enum class Kind { saved, not_started, bad_line, signalled } kind = Kind::saved;
    std::filesystem::path path; // the transcript, when saved
    int line = 0;               // for bad_line
    std::string error;
    int signal = 0;
};

ScriptResult run_script(Recorder& recorder, ScriptIo& io);

// Lines describing what an event's effects mean, shared with the live screen's log.
std::string phase_banner(const Engine& engine);

} // namespace mockcoach::session
