// The live screen's loop: keys in, engine events out, a repaint once a second (on an absolute
// monotonic deadline, never a busy wait), on every key and on a resize. Ending, stopping on a
// signal and saving a story are the Driver's, shared with scripted mode.
#pragma once

#include "session/driver.hpp"
#include "term/signals.hpp"
#include "term/terminal.hpp"
#include "util/style.hpp"

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
    // Star mode: the story being rehearsed (no offer to save one then) and the themes offered
    // when saving one (offered only when the driver saves stories).
    std::optional<std::string> story;
    std::vector<std::string> themes;
    // Star mode: typed, or spoken with a few words per part typed after the clock stops; and
    // the budget's rule for the plan screen.
    session::Delivery delivery = session::Delivery::typed;
    std::string budget_rule;
    // The scratchpad's path, shown on the plan screen ("" when the session has none).
    std::string scratch;
    // The interviewer's packet's path (start --partner), shown on the plan screen too.
    std::string packet;
    // Where the session stands in a loop's day, for the screens' first line: "round 2/4 · q 1/2"
    // ("" outside a loop).
    std::string place;
};

session::Ended run_live(session::Driver& driver, RawTerminal& terminal, SignalWatch& signals,
                        int input_fd, const LiveOptions& options);

} // namespace mockcoach::live
