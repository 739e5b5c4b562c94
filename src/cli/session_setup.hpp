// What `start` and `star` share: the sessions folder (checked before the clock starts),
// leftover journals recovered, the clock, and the two ways to run a session with their exits.
#pragma once

#include "cli/context.hpp"
#include "session/clock.hpp"
#include "session/recorder.hpp"
#include "term/live.hpp"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace mockcoach::cli {

void add_sessions_dir_option(CLI::App& command, std::optional<std::string>& target);

std::uint64_t session_seed();

class SessionSetup {
  public:
    // Resolves and prepares the sessions folder (IoError, exit 1, if it is not writable) and
    // turns journals left by a killed session into transcripts, saying so.
    SessionSetup(Context& context, const std::optional<std::string>& sessions_dir,
                 const std::string& clock_kind, double speed);

    session::Recorder recorder(session::Plan plan, std::string mode, std::uint64_t seed);
    const std::filesystem::path& folder() const { return folder_; }

  private:
    std::filesystem::path folder_;
    std::unique_ptr<session::Clock> clock_;
    std::string clock_kind_;
    double speed_;
};

// Scripted mode on standard input, then the summary; sets the exit code (2 for a bad line,
// 128+N after signal N).
void run_scripted(Context& context, session::Recorder& recorder);
// The live screen on the terminal, then the summary.
void run_live_session(Context& context, session::Recorder& recorder,
                      const term::LiveOptions& options);

// The saved transcript, read back from disk and rendered, then where it lives.
void print_summary(Context& context, const std::filesystem::path& path);

} // namespace mockcoach::cli
