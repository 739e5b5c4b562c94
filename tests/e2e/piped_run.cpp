// posix_spawn with a pipe for standard input, for the tests that kill a session mid-way.
#include "piped_run.hpp"
#include "run_binary.hpp"

#include <csignal>
#include <fcntl.h>
#include <fstream>
#include <spawn.h>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>

namespace mockcoach::testing {

PipedRun::PipedRun(const std::filesystem::path& home, const std::vector<std::string>& args) {
    int fds[2];
    if (::pipe(fds) != 0) throw std::runtime_error("pipe failed");
    std::vector<std::string> env = fixed_environment(home);
    std::vector<std::string> argv_text{MOCKCOACH_BINARY};
    argv_text.insert(argv_text.end(), args.begin(), args.end());
    std::vector<char*> argv, envp;
    for (std::string& arg : argv_text) argv.push_back(arg.data());
    argv.push_back(nullptr);
    for (std::string& entry : env) envp.push_back(entry.data());
    envp.push_back(nullptr);
    out_ = home / "piped.out";
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[0], 0);
    posix_spawn_file_actions_addclose(&actions, fds[0]);
    posix_spawn_file_actions_addclose(&actions, fds[1]);
    posix_spawn_file_actions_addopen(&actions, 1, out_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    const int spawned = posix_spawn(&pid_, argv[0], &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    ::close(fds[0]);
    write_end_ = fds[1];
    if (spawned != 0) {
        pid_ = -1;
        throw std::runtime_error("posix_spawn failed");
    }
}

PipedRun::~PipedRun() {
    if (write_end_ >= 0) ::close(write_end_);
    if (pid_ > 0) {
        ::kill(pid_, SIGKILL);
        ::waitpid(pid_, nullptr, 0);
    }
}

void PipedRun::send(const std::string& text) {
    std::size_t done = 0;
    while (done < text.size()) {
        const ssize_t wrote = ::write(write_end_, text.data() + done, text.size() - done);
        if (wrote <= 0) throw std::runtime_error("the pipe to mockcoach closed");
        done += static_cast<std::size_t>(wrote);
    }
}

int PipedRun::kill(int signal) {
    // Never with pid -1: kill(-1, sig) signals every process the user may signal.
    if (pid_ <= 0) throw std::logic_error("PipedRun: the process has already ended");
    ::kill(pid_, signal);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
    return status;
}

int PipedRun::finish() {
    if (pid_ <= 0) throw std::logic_error("PipedRun: the process has already ended");
    ::close(write_end_);
    write_end_ = -1;
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
    return status;
}

std::string PipedRun::output() const {
    std::ifstream in(out_, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

} // namespace mockcoach::testing
