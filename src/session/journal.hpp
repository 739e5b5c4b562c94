// The journal of a running session: its plan on the first line, then one event per line, each
// appended and fsynced as it happens. Every line is a TOML document of its own, so a torn last
// line (kill -9 mid-write) costs only that line. Replaying the events through the engine gives
// back the session, which is how `recover` turns a journal into an interrupted transcript.
#pragma once

#include "session/engine.hpp"
#include "transcript/transcript.hpp"

#include <filesystem>
#include <optional>
#include <string>

namespace mockcoach::session {

inline constexpr std::string_view journal_extension = ".journal";
// A journal is read whole but parsed a line at a time, each line under tomlfile::max_file_bytes:
// scratchpad snapshots (up to 256 KiB each, more when escaped) may add up past that limit in
// one journal, and a journal refused for its size would lose the session.
inline constexpr std::size_t max_journal_bytes = 64 * 1024 * 1024;

// meta carries id, mode, started_at, seed, speed, clock and (STAR rehearsals) the story.
std::string journal_header(const Plan& plan, const transcript::Transcript& meta);
std::string journal_line(const Event& event);

struct Journal {
    Plan plan;
    transcript::Transcript meta;
    std::vector<Event> events;
};

// Problems go to `diagnostics`: an unreadable header is an error (nothing to recover); a
// damaged event line is a warning, and a torn last line is dropped silently.
std::optional<Journal> read_journal(std::string_view path, std::string_view bytes,
                                    Diagnostics& diagnostics);

// Replays a journal: the transcript as it stood at its last event, status interrupted unless the
// journal recorded the end.
transcript::Transcript replay(const Journal& journal);

// The wall-clock end of a session: its start plus the session time elapsed, unscaled by
// speed, in the start's own UTC offset.
WallTime wall_end(const WallTime& start, Millis elapsed, double speed);

// An open journal file: created exclusively, appended to with a write and an fsync per line.
class JournalFile {
  public:
    // Creates folder/<id>.journal (or <id>-2.journal, ...) and writes the header. Throws IoError.
    JournalFile(const std::filesystem::path& folder, const std::string& id,
                const std::string& header);
    ~JournalFile();
    JournalFile(const JournalFile&) = delete;
    JournalFile& operator=(const JournalFile&) = delete;

    // Appends one line; with `durable` it is on disk before this returns. Throws IoError.
    void append(const std::string& line, bool durable = true);
    // The transcript is safe: the journal is no longer needed.
    void remove();
    const std::filesystem::path& path() const { return path_; }

  private:
    std::filesystem::path path_;
    int fd_ = -1;
};

} // namespace mockcoach::session
