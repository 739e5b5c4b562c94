// One session lifecycle, whatever drives it: the live screen's keys, a script's lines, or
// (later) a loop of rounds turn their input into engine events; stopping on a signal, ending,
// interrupting and saving a story happen here, once, and end in one `Ended`.
#pragma once

#include "session/recorder.hpp"
#include "session/script.hpp"

#include <filesystem>
#include <functional>
#include <string>

namespace mockcoach::session {

// How a session ended, for the one place that turns it into messages and an exit code.
struct Ended {
    enum class Kind {
        saved,     // a transcript was written (finished, or interrupted by ending input early)
        abandoned, // never started: nothing saved, the journal removed
        signalled, // an ending signal: saved as interrupted, or nothing when it never started
        refused,   // scripted input had a bad line: the journal is kept for `recover`, unless
                   // the session was blank (a typo before anything happened leaves nothing)
    };
    Kind kind = Kind::saved;
    std::filesystem::path path; // the transcript, when one was saved
    int signal = 0;             // for signalled
    int line = 0;               // for refused: the input line, from 1
    std::string error;          // for refused: why
    bool journal_kept = false;  // for refused: the journal stays for `recover`
};

// Writes a story's file for a STAR rehearsal: "" when saved, else why not. May throw IoError.
using StoryWriter = std::function<std::string(const SaveStory&)>;

class Driver {
  public:
    // `write_story`: empty outside STAR rehearsals, where saving a story is refused.
    explicit Driver(Recorder& recorder, StoryWriter write_story = {})
        : recorder_(recorder), write_story_(std::move(write_story)) {}

    // An ending signal arrived: a session that never started leaves nothing; one that did is
    // interrupted and saved.
    Ended stop(int signal);
    // Input is over (the last key, the end of a script): a session never started leaves
    // nothing; one still running is interrupted, one being scored is finished; then saved.
    Ended end();
    // A bad line of scripted input: the session is left in its journal for `recover`, unless
    // it is blank, which would only become a junk 00:00 session in history and statistics.
    Ended refuse(int line, std::string error);

    // Saves the answer as a story: the file first, then the event, so a crash between them
    // leaves a story with no rehearsal yet, never a rehearsal naming a story with no file.
    // "" when saved, else why not.
    std::string save_story(const SaveStory& story);
    bool saves_stories() const { return static_cast<bool>(write_story_); }

    Recorder& recorder() { return recorder_; }
    const Engine& engine() const { return recorder_.engine(); }

  private:
    Recorder& recorder_;
    StoryWriter write_story_;
};

} // namespace mockcoach::session
