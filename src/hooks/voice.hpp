// The spoken interviewer: a command that reads text on its standard input and says it aloud
// (espeak-ng by default, or whatever the settings name). Like hooks, it runs in the background
// so the clock never waits: each utterance is queued and spoken after the one before it ends,
// so two never talk over each other.
#pragma once

#include <chrono>
#include <deque>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <sys/types.h>

namespace mockcoach::hooks {

// The program a shell command starts (its first word), found as the shell would: a path with a
// slash as it is, else the first executable of that name on PATH. nullopt when there is none.
std::optional<std::filesystem::path> find_program(std::string_view command,
                                                  std::string_view path_variable);
// The command's first word, as find_program looks it up ("" for a blank command).
std::string program_name(std::string_view command);

class Voice {
  public:
    // `command` is run by /bin/sh -c with the text on standard input; its output is discarded.
    explicit Voice(std::string command);
    ~Voice(); // stops what is still speaking
    Voice(const Voice&) = delete;
    Voice& operator=(const Voice&) = delete;

    // Queues `text`; it starts at once when nothing is being said.
    void say(std::string text);
    // Reaps the utterance that ended and starts the next. Cheap; call it often.
    void poll();
    bool busy() const { return speaking_ > 0 || !queue_.empty(); }
    // Lets the queue finish for up to `limit` (a session's last words), then stops it.
    void finish(std::chrono::milliseconds limit);
    // Utterances that could not start or whose command failed, for one report after the session.
    std::size_t failures() const { return failures_; }

  private:
    void start(const std::string& text);

    std::string command_;
    std::deque<std::string> queue_;
    pid_t speaking_ = 0;
    std::size_t failures_ = 0;
};

} // namespace mockcoach::hooks
