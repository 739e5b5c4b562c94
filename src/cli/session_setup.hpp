// What `start` and `star` share: the sessions folder (checked before the clock starts),
// leftover journals recovered, the clock, and the two ways to run a session with their exits.
#pragma once

#include "cli/context.hpp"
#include "session/clock.hpp"
#include "session/recorder.hpp"
#include "session/script.hpp"
#include "term/live.hpp"

#include <filesystem>
#include <functional>
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

    // `story`: the story a STAR rehearsal is of, from the start (kept in the journal).
    session::Recorder recorder(session::Plan plan, std::string mode, std::uint64_t seed,
                               std::optional<std::string> story = std::nullopt);
    const std::filesystem::path& folder() const { return folder_; }

  private:
    std::filesystem::path folder_;
    std::unique_ptr<session::Clock> clock_;
    std::string clock_kind_;
    double speed_;
};

// What a kind of session adds to the shared runners (`star`: its stories and hints).
struct SessionExtras {
    // `save-story` in scripted mode: writes the story; "" when saved, else why not.
    std::function<std::string(const session::SaveStory&)> save_story;
    // More text after the summary, from the saved transcript.
    std::function<std::string(const transcript::Transcript&)> after_summary;
};

// Scripted mode on standard input, then the summary; sets the exit code (2 for a bad line,
// 128+N after signal N).
void run_scripted(Context& context, session::Recorder& recorder, const SessionExtras& extras = {});
// The live screen on the terminal, then the summary.
void run_live_session(Context& context, session::Recorder& recorder,
                      const term::LiveOptions& options, const SessionExtras& extras = {});

// The saved transcript, read back from disk and rendered, then where it lives.
void print_summary(Context& context, const std::filesystem::path& path,
                   const SessionExtras& extras = {});

} // namespace mockcoach::cli
