// Hooks: a user's shell commands run when a phase's budget runs out, when a phase goes into
// overtime, and after the transcript is saved (a desktop notification, a sound, a copy).
// The facts reach the command in its environment, never spliced into its text. Commands run
// in the background with their output in a log file, so the live screen and the timer never
// wait for them; each is killed after a timeout, and a failing or hanging hook is reported
// once, after the session.
#pragma once

#include "util/name_table.hpp"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <sys/types.h>
#include <vector>

namespace mockcoach::hooks {

enum class Event { phase_end, overtime, session_end };
// As in the settings file's [hooks] and in MOCKCOACH_EVENT.
inline constexpr auto event_names = name_table<Event>({
    {Event::phase_end, "phase_end"},
    {Event::overtime, "overtime"},
    {Event::session_end, "session_end"},
});
inline std::string_view event_name(Event event) {
    return event_names.name_of(event);
}

struct Commands {
    std::optional<std::string> phase_end;
    std::optional<std::string> overtime;
    std::optional<std::string> session_end;
    std::chrono::milliseconds timeout{10'000};
    const std::optional<std::string>& command(Event event) const;
    bool any() const { return phase_end || overtime || session_end; }
};

// What a hook is told. For session_end the budget and time used are the whole session's and
// the phase is empty.
struct Facts {
    Event event = Event::phase_end;
    std::string rubric;
    std::string question_id;
    std::string phase;           // its name
    std::size_t phase_index = 0; // 1-based; 0 for session_end
    std::int64_t budget_seconds = 0;
    std::int64_t used_seconds = 0;
    std::string transcript; // the saved file, for session_end
};

// MOCKCOACH_EVENT, MOCKCOACH_RUBRIC, ... as "NAME=value", in a fixed order.
std::vector<std::string> environment(const Facts& facts);

// Starts, watches and reaps hook processes. Not thread-safe; driven from the session's loop.
class Runner {
  public:
    // `log`: where hooks' output goes (appended); its folder is created when needed.
    Runner(Commands commands, std::filesystem::path log);
    ~Runner(); // kills what still runs
    Runner(const Runner&) = delete;
    Runner& operator=(const Runner&) = delete;

    // Starts the event's command, if it has one, and returns at once.
    void fire(const Facts& facts);
    // Reaps finished hooks and kills those past their timeout. Cheap; call it often.
    void poll();
    // Waits for running hooks until their timeouts (killing them then), e.g. before exit. When
    // `stop_fd` turns readable (a signal's self-pipe: Ctrl-C while waiting), the hooks still
    // running are killed at once rather than left behind in sessions of their own.
    void finish(int stop_fd = -1);
    // Kills the hooks still running at once (each reported as stopped); finish() reaps them.
    void stop();
    // One line per hook that failed, hung or could not start, each kind reported once.
    std::vector<std::string> take_reports();

    std::size_t running() const { return children_.size(); }
    const std::filesystem::path& log() const { return log_; }

  private:
    struct Child {
        Event event;
        std::chrono::steady_clock::time_point deadline;
        bool killed = false;      // at its timeout
        bool interrupted = false; // by the stop_fd given to finish()
    };
    void report(Event event, std::string message);
    void reaped(pid_t pid, int status);

    Commands commands_;
    std::filesystem::path log_;
    std::map<pid_t, Child> children_;
    std::vector<std::string> reports_;
    std::vector<Event> reported_;
};

} // namespace mockcoach::hooks
