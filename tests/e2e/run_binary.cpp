// posix_spawn with stdin, stdout and stderr redirected to files, so a chatty child can never
// block on a full pipe, and a deadline after which the child is killed.
#include "run_binary.hpp"
#include "../strings.hpp"

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <spawn.h>
#include <sstream>
#include <stdexcept>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace mockcoach::testing {

namespace {

void set(std::vector<std::string>& env, const std::string& entry) {
    const std::string name = entry.substr(0, entry.find('=') + 1);
    for (std::string& existing : env) {
        if (existing.starts_with(name)) {
            existing = entry;
            return;
        }
    }
    env.push_back(entry);
}

void check(int error, const char* what) {
    if (error != 0) throw std::runtime_error(std::string(what) + ": " + std::strerror(error));
}

} // namespace

std::vector<std::string> fixed_environment(const std::filesystem::path& home,
                                           const std::vector<std::string>& extra) {
    std::vector<std::string> env{"PATH=/usr/local/bin:/usr/bin:/bin",
                                 "HOME=" + home.string(),
                                 "XDG_CONFIG_HOME=" + (home / ".config").string(),
                                 "XDG_DATA_HOME=" + (home / ".local/share").string(),
                                 "NO_COLOR=1",
                                 "TERM=dumb",
                                 "LC_ALL=C.UTF-8"};
    for (const std::string& entry : extra) set(env, entry);
    return env;
}

RunResult run_binary(const std::filesystem::path& binary, const std::vector<std::string>& args,
                     const RunOptions& options) {
    const TempDir scratch;
    const std::filesystem::path home = options.home.value_or(scratch.path() / "home");
    std::filesystem::create_directories(home);
    std::vector<std::string> env = fixed_environment(home, options.env);

    const std::filesystem::path in = scratch.write("stdin", options.input);
    const std::filesystem::path out = scratch.path() / "stdout";
    const std::filesystem::path err = scratch.path() / "stderr";

    std::vector<std::string> argv_text{binary.string()};
    argv_text.insert(argv_text.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (std::string& arg : argv_text) argv.push_back(arg.data());
    argv.push_back(nullptr);
    std::vector<char*> envp;
    for (std::string& entry : env) envp.push_back(entry.data());
    envp.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    check(posix_spawn_file_actions_init(&actions), "posix_spawn_file_actions_init");
    posix_spawn_file_actions_addopen(&actions, 0, in.c_str(), O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_addopen(&actions, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (options.workdir) posix_spawn_file_actions_addchdir_np(&actions, options.workdir->c_str());
    pid_t pid = 0;
    const int spawned =
        posix_spawn(&pid, binary.c_str(), &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    check(spawned, "posix_spawn");

    RunResult result;
    int status = 0;
    const auto deadline = std::chrono::steady_clock::now() + options.timeout;
    for (;;) {
        const pid_t done = ::waitpid(pid, &status, WNOHANG);
        if (done == pid) break;
        if (done < 0 && errno != EINTR) check(errno, "waitpid");
        if (std::chrono::steady_clock::now() >= deadline) {
            ::kill(pid, SIGKILL);
            ::waitpid(pid, &status, 0);
            result.timed_out = true;
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
    if (WIFSIGNALED(status)) result.signal = WTERMSIG(status);
    if (result.timed_out) result.exit_code = -1;
    result.out = slurp(out);
    result.err = slurp(err);
    return result;
}

RunResult run_mockcoach(const std::vector<std::string>& args, const RunOptions& options) {
    return run_binary(MOCKCOACH_BINARY, args, options);
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

} // namespace mockcoach::testing
