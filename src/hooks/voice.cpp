// Speaking through a child process: posix_spawn into its own session with the text on a pipe,
// reaped without waiting.
#include "hooks/voice.hpp"

#include "hooks/spawn.hpp"

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <pthread.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

extern char** environ;

namespace mockcoach::hooks {

namespace fs = std::filesystem;

std::string program_name(std::string_view command) {
    const std::size_t start = command.find_first_not_of(" \t");
    if (start == std::string_view::npos) return "";
    const std::size_t end = command.find_first_of(" \t", start);
    return std::string(command.substr(start, end == std::string_view::npos ? end : end - start));
}

std::optional<fs::path> find_program(std::string_view command, std::string_view path_variable) {
    const std::string name = program_name(command);
    if (name.empty()) return std::nullopt;
    const auto runnable = [](const fs::path& file) {
        struct stat info {};
        return ::stat(file.c_str(), &info) == 0 && S_ISREG(info.st_mode) &&
               ::access(file.c_str(), X_OK) == 0;
    };
    if (name.find('/') != std::string::npos)
        return runnable(name) ? std::optional<fs::path>(name) : std::nullopt;
    for (std::size_t start = 0; start <= path_variable.size();) {
        std::size_t end = path_variable.find(':', start);
        if (end == std::string_view::npos) end = path_variable.size();
        const std::string_view folder = path_variable.substr(start, end - start);
        const fs::path file = fs::path(folder.empty() ? "." : folder) / name;
        if (runnable(file)) return file;
        start = end + 1;
    }
    return std::nullopt;
}

Voice::Voice(std::string command) : command_(std::move(command)) {}

Voice::~Voice() {
    if (speaking_ > 0) {
        ::kill(-speaking_, SIGKILL);
        ::waitpid(speaking_, nullptr, 0);
    }
}

void Voice::say(std::string text) {
    queue_.push_back(std::move(text));
    poll();
}

void Voice::poll() {
    if (speaking_ > 0) {
        int status = 0;
        const pid_t reaped = ::waitpid(speaking_, &status, WNOHANG);
        if (reaped == 0) return; // still speaking
        if (reaped == speaking_ && !(WIFEXITED(status) && WEXITSTATUS(status) == 0)) ++failures_;
        speaking_ = 0;
    }
    if (queue_.empty()) return;
    std::string text = std::move(queue_.front());
    queue_.pop_front();
    start(text);
}

void Voice::start(const std::string& text) {
    int pipe_fds[2];
    if (::pipe2(pipe_fds, O_CLOEXEC) != 0) {
        ++failures_;
        return;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, pipe_fds[0], STDIN_FILENO);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    const OwnSession attributes;
    std::string shell = "/bin/sh", flag = "-c", line = command_;
    char* argv[] = {shell.data(), flag.data(), line.data(), nullptr};
    pid_t pid = 0;
    const int failed = ::posix_spawn(&pid, "/bin/sh", &actions, attributes.get(), argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(pipe_fds[0]);
    if (failed != 0) {
        ::close(pipe_fds[1]);
        ++failures_;
        return;
    }
    // A sentence is far below the pipe's buffer, so this write does not block. A command that
    // does not read its input is no error: SIGPIPE is blocked for the write, and one it raised
    // is taken back before the mask is restored.
    sigset_t pipe_signal, previous;
    sigemptyset(&pipe_signal);
    sigaddset(&pipe_signal, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipe_signal, &previous);
    std::string said = text + "\n";
    std::size_t done = 0;
    bool broken = false;
    while (done < said.size()) {
        const ssize_t wrote = ::write(pipe_fds[1], said.data() + done, said.size() - done);
        if (wrote < 0 && errno == EINTR) continue;
        if (wrote <= 0) {
            broken = errno == EPIPE;
            break;
        }
        done += static_cast<std::size_t>(wrote);
    }
    ::close(pipe_fds[1]);
    if (broken && !sigismember(&previous, SIGPIPE)) {
        const timespec now{0, 0};
        ::sigtimedwait(&pipe_signal, nullptr, &now);
    }
    pthread_sigmask(SIG_SETMASK, &previous, nullptr);
    speaking_ = pid;
}

void Voice::finish(std::chrono::milliseconds limit) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    poll();
    while (busy() && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
        poll();
    }
    queue_.clear();
    if (speaking_ > 0) {
        ::kill(-speaking_, SIGKILL);
        ::waitpid(speaking_, nullptr, 0);
        speaking_ = 0;
    }
}

} // namespace mockcoach::hooks
