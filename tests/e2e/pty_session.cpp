// forkpty-based terminal sessions for the live-screen tests.
#include "pty_session.hpp"

#include <cerrno>
#include <csignal>
#include <poll.h>
#include <pty.h>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>

namespace mockcoach::testing {

std::vector<std::string> live_environment(const std::filesystem::path& home) {
    return {"HOME=" + home.string(), "PATH=/usr/bin:/bin", "TERM=xterm-256color", "LC_ALL=C.UTF-8",
            "XDG_CONFIG_HOME=" + (home / ".config").string()};
}

std::vector<std::string> live_command(const std::string& command, const std::string& question,
                                      const std::filesystem::path& sessions,
                                      std::vector<std::string> extra) {
    std::vector<std::string> args{MOCKCOACH_BINARY, command,          "--question",
                                  question,         "--sessions-dir", sessions.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
}

PtySession::PtySession(const std::vector<std::string>& command, const std::vector<std::string>& env,
                       int columns, int rows) {
    winsize size{};
    size.ws_col = static_cast<unsigned short>(columns);
    size.ws_row = static_cast<unsigned short>(rows);
    std::vector<char*> argv;
    for (const auto& arg : command) argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);
    std::vector<char*> envp;
    for (const auto& entry : env) envp.push_back(const_cast<char*>(entry.c_str()));
    envp.push_back(nullptr);
    pid_ = ::forkpty(&master_, nullptr, nullptr, &size);
    if (pid_ < 0) throw std::runtime_error("forkpty failed");
    if (pid_ == 0) {
        ::execve(argv[0], argv.data(), envp.data());
        ::_exit(127);
    }
}

PtySession::~PtySession() {
    if (!reaped_) {
        ::kill(pid_, SIGKILL);
        ::waitpid(pid_, nullptr, 0);
    }
    ::close(master_);
}

void PtySession::send(const std::string& keys) {
    std::size_t done = 0;
    while (done < keys.size()) {
        const ssize_t wrote = ::write(master_, keys.data() + done, keys.size() - done);
        if (wrote < 0 && errno == EINTR) continue;
        if (wrote <= 0) return;
        done += static_cast<std::size_t>(wrote);
    }
}

void PtySession::pump(std::chrono::milliseconds budget) {
    pollfd fd{master_, POLLIN, 0};
    if (::poll(&fd, 1, static_cast<int>(budget.count())) <= 0) return;
    char buffer[4096];
    const ssize_t got = ::read(master_, buffer, sizeof buffer);
    if (got > 0)
        output_.append(buffer, static_cast<std::size_t>(got));
    else
        ::usleep(1000); // EIO once the child has closed the terminal
}

bool PtySession::wait_for(const std::string& text, std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        const std::size_t found = output_.find(text, searched_);
        if (found != std::string::npos) {
            searched_ = found + text.size();
            return true;
        }
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) return false;
        pump(std::min(left, std::chrono::milliseconds(50)));
    }
}

void PtySession::signal(int number) {
    ::kill(pid_, number);
}

int PtySession::wait_exit(std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    int status = 0;
    while (!reaped_) {
        pump(std::chrono::milliseconds(20)); // keep reading so the child never blocks on output
        if (::waitpid(pid_, &status, WNOHANG) == pid_)
            reaped_ = true;
        else if (std::chrono::steady_clock::now() > deadline) {
            ::kill(pid_, SIGKILL);
            ::waitpid(pid_, &status, 0);
            reaped_ = true;
            return -1;
        }
    }
    for (int i = 0; i < 5; ++i) pump(std::chrono::milliseconds(10)); // what it printed last
    return status;
}

} // namespace mockcoach::testing
