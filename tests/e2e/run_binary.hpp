// Running the built mockcoach binary from end-to-end tests: its own temporary HOME (so the
// user's files never interfere), a fixed environment, and its stdout, stderr and exit code.
#pragma once

#include "../temp_folder.hpp"

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace mockcoach::testing {

// The suite's one temp-folder fixture, by the name the end-to-end tests use.
using TempDir = test_folders::TempFolder;

struct RunOptions {
    // HOME; XDG_CONFIG_HOME and XDG_DATA_HOME are HOME/.config and HOME/.local/share. A fresh
    // empty folder for this run when not given.
    std::optional<std::filesystem::path> home;
    // Extra or replacing "NAME=value" entries. The base is PATH, HOME, XDG_CONFIG_HOME,
    // XDG_DATA_HOME, NO_COLOR=1, TERM=dumb and LC_ALL=C.UTF-8; nothing else is inherited.
    std::vector<std::string> env;
    std::string input;                            // standard input (a file, so never a terminal)
    std::optional<std::filesystem::path> workdir; // the current folder for the run
    std::chrono::milliseconds timeout{30000};     // then the process is killed and the run fails
};

// Options with only HOME set, for a test that prepares files there first.
inline RunOptions with_home(const std::filesystem::path& home) {
    RunOptions options;
    options.home = home;
    return options;
}

struct RunResult {
    int exit_code = -1; // -1 when it did not exit normally (killed by a signal or the timeout)
    int signal = 0;     // the signal that ended it, if one did
    bool timed_out = false;
    std::string out;
    std::string err;
};

// The environment of a run with HOME at `home`: the base RunOptions::env describes, with `extra`'s
// "NAME=value" entries added or replacing theirs. Every way the tests start mockcoach uses it, so
// that none inherits the caller's environment.
std::vector<std::string> fixed_environment(const std::filesystem::path& home,
                                           const std::vector<std::string>& extra = {});

// Runs `binary` with `args` (not including argv[0]).
RunResult run_binary(const std::filesystem::path& binary, const std::vector<std::string>& args,
                     const RunOptions& options = {});

// Runs the mockcoach built with these tests (MOCKCOACH_BINARY).
RunResult run_mockcoach(const std::vector<std::string>& args, const RunOptions& options = {});

// `text` split at newlines; a final newline does not add an empty line.
std::vector<std::string> lines_of(const std::string& text);

} // namespace mockcoach::testing
