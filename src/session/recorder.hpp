// A running session's memory: the engine plus its journal. Every accepted event is journaled
// (fsync) before anything else happens, and saving turns the engine's record into a transcript
// file, after which the journal goes. Both the live screen and scripted mode drive one of these.
#pragma once

#include "session/clock.hpp"
#include "session/engine.hpp"
#include "session/journal.hpp"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace mockcoach::session {

// Told what happens as a session runs, beyond its record (the hooks listen here). Not
// journaled: what an observer does is an effect, not an event.
class Observer {
  public:
    virtual ~Observer() = default;
    // The budget of `phase` ran out; `overtime`: the phase goes on past it (no auto-advance).
    virtual void budget_ran_out(const Engine& engine, std::size_t phase, bool overtime) = 0;
    // Time passed (the live screen ticks at least once a second while the clock runs, and
    // while busy() says so otherwise).
    virtual void ticked(const Engine& engine) { (void)engine; }
    // A phase began (the clock started, `next`, or auto-advance); `phase` is the phase count
    // when the phases are over.
    virtual void phase_began(const Engine& engine, std::size_t phase) {
        (void)engine;
        (void)phase;
    }
    // Has work that needs ticks even with the clock stopped (hooks to reap or time out).
    virtual bool busy() const { return false; }
    // The interviewer raised a follow-up (it is on the screen now).
    virtual void followup_raised(const Engine& engine, const RaisedProbe& probe) {
        (void)engine;
        (void)probe;
    }
    // The transcript was saved at `path`.
    virtual void saved(const Engine& engine, const std::filesystem::path& path) = 0;
};

class Recorder {
  public:
    // meta: id, mode, seed, speed, clock; started_at is filled from the clock. Creates the
    // journal in `folder` (which must exist). Throws IoError.
    Recorder(Plan plan, transcript::Transcript meta, const std::filesystem::path& folder,
             Clock& clock);

    Outcome submit(EventKind kind, std::string text = {}, std::int64_t number = 0);
    // Lets time pass (for bells and auto-advance); journals a heartbeat now and then, so that
    // recovery after a kill knows how far the session got.
    Effects tick();

    // Saves the transcript and removes the journal; returns the transcript's path.
    std::filesystem::path save();
    // A session that never started: nothing worth a transcript, so the journal just goes.
    void abandon();

    // Keeps the scratchpad at `path` (created empty by the caller): snapshotted after each phase
    // ends and when the session is saved, journalled only when it changed. Set before the
    // session starts.
    void keep_scratch(std::filesystem::path path) { scratch_path_ = std::move(path); }
    const std::optional<std::filesystem::path>& scratch_path() const { return scratch_path_; }
    // Lines to tell the user since the last call (a scratchpad over its limit, or unreadable),
    // each said once.
    std::vector<std::string> take_notices() { return std::exchange(notices_, {}); }

    // Not owned; may be null. Set before the session starts.
    void observe(Observer* observer) { observer_ = observer; }
    bool observer_busy() const { return observer_ && observer_->busy(); }

    const Engine& engine() const { return engine_; }
    const transcript::Transcript& meta() const { return meta_; }
    const std::filesystem::path& journal_path() const { return journal_->path(); }
    Clock& clock() { return clock_; }

  private:
    Engine engine_;
    transcript::Transcript meta_;
    std::filesystem::path folder_;
    Clock& clock_;
    std::unique_ptr<JournalFile> journal_;
    Millis last_journaled_ = 0;
    Observer* observer_ = nullptr;
    std::optional<std::filesystem::path> scratch_path_;
    std::vector<std::string> notices_;
    std::vector<std::string> said_; // notices already given, not repeated at every phase

    Effects told(Effects effects);
    void journal_probes(const Effects& effects);
    void snapshot_scratch();
    void snapshot_after(const Effects& effects);
    void notice(std::string line);
};

inline constexpr Millis heartbeat_interval = 10'000;

} // namespace mockcoach::session
