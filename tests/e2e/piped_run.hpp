// Running the built mockcoach with its standard input a pipe the test keeps open: a script can
// stop mid-session for as long as the test likes, as a person would, and then be killed or end.
#pragma once

#include <filesystem>
#include <string>
#include <sys/types.h>
#include <vector>

namespace mockcoach::testing {

class PipedRun {
  public:
    // Starts MOCKCOACH_BINARY with `args`, HOME (and its XDG folders) at `home`, the end-to-end
    // tests' fixed environment, standard output to a file in `home`, standard error discarded.
    PipedRun(const std::filesystem::path& home, const std::vector<std::string>& args);
    ~PipedRun(); // kills the process if it still runs
    PipedRun(const PipedRun&) = delete;
    PipedRun& operator=(const PipedRun&) = delete;

    void send(const std::string& text);
    // Sends the signal and waits for the process; its raw wait status.
    int kill(int signal);
    // Closes standard input, the end of the script, and waits for the process to end by itself;
    // its raw wait status.
    int finish();
    std::string output() const; // what it printed so far

  private:
    pid_t pid_ = -1;
    int write_end_ = -1;
    std::filesystem::path out_;
};

} // namespace mockcoach::testing
