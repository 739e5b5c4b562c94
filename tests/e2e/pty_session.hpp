// Driving the real binary through a pseudo-terminal, as a person at a keyboard would: keys in,
// the screen's bytes out.
#pragma once

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

namespace mockcoach::testing {

// A live session's environment: HOME and its settings folder, a colour terminal, UTF-8.
std::vector<std::string> live_environment(const std::filesystem::path& home);

// `mockcoach COMMAND --question QUESTION --sessions-dir SESSIONS EXTRA...`, argv[0] the binary.
std::vector<std::string> live_command(const std::string& command, const std::string& question,
                                      const std::filesystem::path& sessions,
                                      std::vector<std::string> extra = {});

class PtySession {
  public:
    // Runs `command` (argv, argv[0] a path) on a new pseudo-terminal of the given size, with
    // exactly `env` as its environment.
    PtySession(const std::vector<std::string>& command, const std::vector<std::string>& env,
               int columns = 80, int rows = 24);
    ~PtySession();
    PtySession(const PtySession&) = delete;
    PtySession& operator=(const PtySession&) = delete;

    void send(const std::string& keys);
    // Reads until `text` has appeared in the output since the last call that found something,
    // or the timeout; true when it appeared.
    bool wait_for(const std::string& text,
                  std::chrono::milliseconds timeout = std::chrono::milliseconds(20000));
    void signal(int number);
    // Waits for the child to end (killing it after the timeout); its raw wait status.
    int wait_exit(std::chrono::milliseconds timeout = std::chrono::milliseconds(20000));
    const std::string& output() const { return output_; } // everything it printed so far
    int pid() const { return pid_; }

  private:
    void pump(std::chrono::milliseconds budget);
    int master_ = -1;
    int pid_ = -1;
    std::string output_;
    std::size_t searched_ = 0;
    bool reaped_ = false;
};

} // namespace mockcoach::testing
