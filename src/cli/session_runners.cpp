// The two runners' edges: scripted mode on standard input (one ScriptInput may serve the
// sessions of a whole loop) and the live screen on the terminal.
#include "cli/session_setup.hpp"

#include "session/run_script.hpp"
#include "stories/stories.hpp"
#include "term/line_reader.hpp"
#include "term/signals.hpp"
#include "term/terminal.hpp"

#include <fmt/format.h>
#include <optional>
#include <unistd.h>

namespace mockcoach::cli {

ScriptInput::ScriptInput() : reader_(STDIN_FILENO, signals_) {}

std::optional<std::string> ScriptInput::next() {
    auto line = reader_.next();
    if (line) ++lines_;
    return line;
}

session::Ended run_scripted(session::Driver& driver, SessionOutput& output,
                            const std::function<void(session::ScriptIo&)>& adjust,
                            ScriptInput* shared) {
    std::optional<ScriptInput> own;
    ScriptInput& input = shared ? *shared : own.emplace();
    session::ScriptIo io;
    io.line_offset = input.lines();
    io.read_line = [&] { return input.next(); };
    io.print = [&](const std::string& line) { output.print(line + "\n"); };
    io.take_signal = [&] { return input.signals().take_ending(); };
    io.wake_fd = input.signals().fd();
    if (driver.saves_stories()) io.story_rules = stories::check_story;
    if (adjust) adjust(io);
    return session::run_script(driver, io);
}

session::Ended run_live_session(session::Driver& driver, const live::LiveOptions& options) {
    session::Ended ended;
    {
        term::SignalWatch signals;
        // Restored by its destructor when this block ends, on this and every other way out, so
        // what is printed next lands on the ordinary screen.
        term::RawTerminal terminal(STDIN_FILENO, STDOUT_FILENO);
        ended = live::run_live(driver, terminal, signals, STDIN_FILENO, options);
    }
    // What the last snapshot of the scratchpad had to say, after the screen it could not show on.
    for (const std::string& notice : driver.recorder().take_notices())
        fmt::print(stderr, "mockcoach: {}\n", notice);
    return ended;
}

} // namespace mockcoach::cli
