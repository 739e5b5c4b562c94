// What `start` and `star` share: the sessions folder (checked before the clock starts),
// leftover journals recovered, the clock, and the two ways to run a session with their exits.
#pragma once

#include "cli/context.hpp"
#include "cli/session_output.hpp"
#include "hooks/hooks.hpp"
#include "hooks/voice.hpp"
#include "live/live.hpp"
#include "session/clock.hpp"
#include "session/driver.hpp"
#include "session/recorder.hpp"
#include "session/run_script.hpp"
#include "term/line_reader.hpp"
#include "term/signals.hpp"

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace mockcoach::cli {

void add_sessions_dir_option(CLI::App& command, std::optional<std::string>& target);

std::uint64_t session_seed();

// A --x / --no-x pair as an override: true, false, or nothing given.
inline std::optional<bool> flag_pair(bool on, bool off) {
    if (on) return true;
    if (off) return false;
    return std::nullopt;
}
// --on-phase-end CMD and --no-hooks.
struct HookOptions {
    std::optional<std::string> on_phase_end;
    bool no_hooks = false;
};

// The hook commands in force: the settings file's [hooks], then these options.
hooks::Commands hook_commands(Context& context, const HookOptions& options);

// What every timed session takes (`start`, `star`): its pace, bell and hooks, where it is
// saved, and how it is driven.
struct RunOptions {
    double speed = 1;
    bool bell = false;
    bool no_bell = false;
    bool voice = false;
    bool no_voice = false;
    bool followups = false;
    bool no_followups = false;
    bool scratch = false;
    bool no_scratch = false;
    HookOptions hooks;
    std::optional<std::string> sessions_dir;
    bool script = false;
    session::ClockKind clock = session::ClockKind::real;
};

// --speed, --bell/--no-bell, --followups/--no-followups, --voice/--no-voice,
// --scratch/--no-scratch, --on-phase-end/--no-hooks, --sessions-dir, --script and --clock.
void add_run_options(CLI::App& command, RunOptions& options);

// Whether the interviewer raises follow-ups: the settings, then --[no-]followups.
bool followups_on(Context& context, const RunOptions& options);

// Scripted when asked for or when standard input is not a terminal; a virtual clock without
// scripted mode is a UsageError.
bool scripted(const RunOptions& options);

class SessionSetup {
  public:
    // Refuses --voice (a UsageError, exit 2) when its command is not installed; resolves and
    // prepares the sessions folder (IoError, exit 1, if it is not writable) and turns journals
    // left by a killed session into transcripts, saying so.
    SessionSetup(Context& context, const RunOptions& options);
    ~SessionSetup();

    // `story`: the story a STAR rehearsal is of, from the start (kept in the journal).
    // `loop`: the round of an onsite loop this session is. With a scratchpad (the settings, then
    // --[no-]scratch) its file is created empty beside the journal.
    // `drawn_with`: the options that shaped the question's draw (Header::drawn_with).
    session::Recorder recorder(session::Plan plan, std::string mode, std::uint64_t seed,
                               std::optional<std::string> story = std::nullopt,
                               std::optional<transcript::LoopPlace> loop = std::nullopt,
                               std::string drawn_with = {});
    const std::filesystem::path& folder() const { return folder_; }
    // A fresh clock for the next session of one run (a loop's next round). On the virtual clock
    // its wall start is the first one's plus `elapsed`, the session time gone by since, so a
    // scripted day's rounds and breaks follow each other without real waiting.
    void next_clock(session::Millis elapsed);
    // The first clock's wall start: when the run began.
    std::chrono::system_clock::time_point wall_origin() const { return wall_origin_; }
    // On the virtual clock, moves the wall start on to `at` when that is later (a resumed
    // loop's day goes on after its saved sessions ended, not at the real now, which a virtual
    // day has run ahead of); nothing on the real clock.
    void continue_virtual_from(std::chrono::system_clock::time_point at);
    // The live screen's bell (settings, then --bell/--no-bell) and colour.
    live::LiveOptions live_options() const;

    // After the session, given its exit status: waits for hooks still running (up to their
    // timeout) and reports, once each, the hooks that failed; returns the status to exit with,
    // 128+N when signal N (Ctrl-C) stopped the wait. A session ended by a signal (status above
    // 128) stops its hooks instead of waiting. Once; the destructor calls it if no one did.
    int finish_hooks(int status);

  private:
    Context& context_;
    std::filesystem::path folder_;
    std::unique_ptr<hooks::Runner> hooks_;
    std::unique_ptr<hooks::Voice> voice_;
    bool finished_ = false;
    std::unique_ptr<session::Observer> observer_;
    std::unique_ptr<session::Clock> clock_;
    std::chrono::system_clock::time_point wall_origin_;
    RunOptions options_;
};

// The scratchpad (session_scratch.cpp): --scratch and --no-scratch. With it on (the settings, then
// --[no-]scratch), creates the session's pad empty beside its journal and has the recorder keep it;
// if the pad cannot be created, the session is abandoned (its journal removed) and the IoError goes
// on.
void add_scratch_options(CLI::App& command, RunOptions& options);
void keep_scratch(Context& context, const RunOptions& options, const std::filesystem::path& folder,
                  session::Recorder& recorder);
// Scripted mode's "scratch: PATH" line after the plan, when the session keeps a scratchpad
// (with --blind, after the guess instead: run_script prints it).
void print_scratch_path(Context& context, const session::Recorder& recorder);

// Scripted mode's standard input, kept across the sessions of one run (a loop's rounds read one
// script): the reader's buffer and the line count go on from one session to the next, and
// ending signals are watched for the whole run.
class ScriptInput {
  public:
    ScriptInput();
    // The next line, nullopt at the end of input or once an ending signal has arrived.
    std::optional<std::string> next();
    term::SignalWatch& signals() { return signals_; }
    int lines() const { return lines_; } // read so far

  private:
    term::SignalWatch signals_;
    term::LineReader reader_;
    int lines_ = 0;
};

// What a kind of session adds to the summary (`star`: its stories and hints).
struct SessionExtras {
    // More text after the summary, from the saved transcript.
    std::function<std::string(const transcript::Transcript&)> after_summary;
};

// Scripted mode on standard input (the story bank's naming rules are handed in when the
// driver saves stories).
// `adjust`: what a command adds to the script's input and output (STAR: its checks before the
// scoring banner, a spoken answer's words).
// `input`: standard input shared with the sessions before and after this one; none: its own.
session::Ended run_scripted(session::Driver& driver, SessionOutput& output,
                            const std::function<void(session::ScriptIo&)>& adjust = {},
                            ScriptInput* input = nullptr);
// The live screen on the terminal, restored before this returns.
session::Ended run_live_session(session::Driver& driver, const live::LiveOptions& options);

// The one mapping from how a session ended to what is said and the exit status: the summary
// of a saved transcript; 2 for a bad scripted line (the journal is kept for `recover`);
// 128+N after signal N; 0 when it never started.
enum class Driven { script, live };
// `output`: standard output as the session used it; when its reader went away the summary is
// not printed, and standard error says where the session was saved.
int conclude(Context& context, const session::Ended& ended, Driven driven,
             const std::filesystem::path& journal, SessionOutput& output,
             const SessionExtras& extras = {});

// The saved transcript, read back from disk and rendered, then where it lives.
void print_summary(Context& context, const std::filesystem::path& path, SessionOutput& output,
                   const SessionExtras& extras = {});

} // namespace mockcoach::cli
