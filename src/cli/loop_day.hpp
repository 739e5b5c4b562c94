// Running a loop's day once it is drawn or resumed: its questions one session each, breaks
// after rounds, the state file saved after every change, and the summary when it is done.
#pragma once

#include "cli/context.hpp"
#include "cli/session_setup.hpp"
#include "loop/loop.hpp"

#include <filesystem>
#include <optional>

namespace mockcoach::cli {

namespace fs = std::filesystem;

// The status of session `id`'s transcript in `folder`, or none when it has none that reads.
std::optional<transcript::Status> saved_status(const fs::path& folder, const std::string& id);

// The day's summary from its state and the transcripts of its sessions.
loop::Summary day_summary(const fs::path& folder, const std::optional<loop::LoopState>& state,
                          const std::string& id);

// Just after the day's saved sessions ended (after its start when none has): where a resumed
// day's virtual clock goes on from, so its later sessions never precede its earlier ones.
std::chrono::system_clock::time_point day_resumes_at(const fs::path& folder,
                                                     const loop::LoopState& state);

class Day {
  public:
    // `input`: standard input in scripted mode (shared by every session and break), else null.
    Day(Context& context, SessionSetup& setup, const RunOptions& options, loop::LoopState& state,
        bool scripted, ScriptInput* input);

    // From the first question not done to the end of the day, or until it stops; the exit
    // status (0 also when the day stops to be resumed, 128+N after signal N, 2 after a bad line
    // of the script).
    int run(bool resuming);

  private:
    // One question as a session; nullopt when the day goes on, else the status to exit with.
    std::optional<int> ask(std::size_t round, std::size_t question);
    std::optional<int> take_break(std::size_t round);
    std::optional<int> show_plan(bool resuming, std::size_t first);
    // "…; go on with `mockcoach loop --resume ID`", on standard error; returns `status`.
    int stopped(const std::string& why, int status);
    void save() { loop::save_state(setup_.folder(), state_); }
    WallTime now() const;

    Context& context_;
    SessionSetup& setup_;
    const RunOptions& options_;
    loop::LoopState& state_;
    bool scripted_;
    ScriptInput* input_;
    session::Millis elapsed_ = 0; // session time since the run began (virtual clock)
};

} // namespace mockcoach::cli
