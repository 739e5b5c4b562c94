// The live screen's loop: keys in, engine events out, a repaint once a second (on an absolute
// monotonic deadline, never a busy wait), on every key and on a resize.
#pragma once

#include "session/recorder.hpp"
#include "session/script.hpp"
#include "term/signals.hpp"
#include "term/terminal.hpp"
#include "util/style.hpp"

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace mockcoach::live {

using term::RawTerminal;
using term::SignalWatch;

enum class LiveMode {
    interview, // `start`: single-letter keys, notes
    star,      // `star`: a multi-line editor per part, then the offer to save a story
};

struct LiveOptions {
    bool bell = true;
    Colour colour = Colour::on;
    // For --blind: the frameworks offered, as (rubric id, name), in the order shown.
    std::vector<std::pair<std::string, std::string>> choices;
    LiveMode mode = LiveMode::interview;
    // Star mode: the story being rehearsed (no offer to save one then), the themes offered
    // when saving one, and what saves it: "" when saved, else why not (the form asks again).
    std::optional<std::string> story;
    std::vector<std::string> themes;
    std::function<std::string(const session::SaveStory&)> save_story;
};

struct LiveResult {
    enum class Kind { saved, abandoned, signalled } kind = Kind::saved;
    std::filesystem::path path;
    int signal = 0;
};

LiveResult run_live(session::Recorder& recorder, RawTerminal& terminal, SignalWatch& signals,
                    int input_fd, const LiveOptions& options);

} // namespace mockcoach::live
