// Hook processes: posix_spawn into their own session (so a timeout kills the whole pipeline),
// standard input from /dev/null, output appended to the log, signals back to their defaults.
#include "hooks/hooks.hpp"
#include "hooks/spawn.hpp"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <poll.h>
#include <spawn.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include <utility>

extern char** environ;

namespace mockcoach::hooks {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

// The inherited environment less every fact variable (an inherited MOCKCOACH_TRANSCRIPT must
// not reach a phase_end hook, which has none of its own), then this hook's facts.
std::vector<std::string> hook_environment(const Facts& facts) {
    Facts every = facts;
    every.transcript = std::string(1, '-'); // so that its name is among those removed; a
                                            // literal here trips GCC 12's -Wrestrict
    std::vector<std::string> names;
    for (const std::string& fact : environment(every))
        names.push_back(fact.substr(0, fact.find('=') + 1));
    std::vector<std::string> result;
    for (char** entry = environ; entry && *entry; ++entry) {
        const std::string_view variable(*entry);
        const bool fact = std::any_of(names.begin(), names.end(), [&](const std::string& name) {
            return variable.starts_with(name);
        });
        if (!fact) result.emplace_back(variable);
    }
    std::vector<std::string> env = environment(facts);
    result.insert(result.end(), env.begin(), env.end());
    return result;
}

void append_line(const fs::path& log, const std::string& line) {
    const int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    if (fd < 0) return;
    [[maybe_unused]] const ssize_t wrote = ::write(fd, line.data(), line.size());
    ::close(fd);
}

} // namespace

Runner::Runner(Commands commands, fs::path log)
    : commands_(std::move(commands)), log_(std::move(log)) {}

Runner::~Runner() {
    for (auto& [pid, child] : children_) {
        ::kill(-pid, SIGKILL);
        ::waitpid(pid, nullptr, 0);
    }
}

void Runner::report(Event event, std::string message) {
    if (std::find(reported_.begin(), reported_.end(), event) != reported_.end()) return;
    reported_.push_back(event);
    reports_.push_back(std::move(message));
}

void Runner::fire(const Facts& facts) {
    poll();
    const auto& command = commands_.command(facts.event);
    if (!command || command->empty()) return;
    std::error_code error;
    fs::create_directories(log_.parent_path(), error);
    append_line(log_, fmt::format("== {} (phase {}): {}\n", event_name(facts.event),
                                  facts.phase_index, *command));
    const std::string output = error ? "/dev/null" : log_.string();

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, output.c_str(),
                                     O_WRONLY | O_CREAT | O_APPEND, 0600);
    posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
    const OwnSession attributes;

    std::vector<std::string> env = hook_environment(facts);
    std::vector<char*> envp;
    for (std::string& entry : env) envp.push_back(entry.data());
    envp.push_back(nullptr);
    std::string shell = "/bin/sh", flag = "-c", text = *command;
    char* argv[] = {shell.data(), flag.data(), text.data(), nullptr};

    pid_t pid = 0;
    const int failed =
        ::posix_spawn(&pid, "/bin/sh", &actions, attributes.get(), argv, envp.data());
    posix_spawn_file_actions_destroy(&actions);
    if (failed != 0) {
        report(facts.event, fmt::format("hook {} could not start: {}", event_name(facts.event),
                                        std::strerror(failed)));
        return;
    }
    children_[pid] = {facts.event, Clock::now() + commands_.timeout};
}

void Runner::reaped(pid_t pid, int status) {
    const auto found = children_.find(pid);
    if (found == children_.end()) return;
    const Child child = found->second;
    children_.erase(found);
    const auto name = event_name(child.event);
    const std::string& command = *commands_.command(child.event);
    if (child.interrupted) {
        report(child.event,
               fmt::format("hook {} was stopped before it finished: {}", name, command));
    } else if (child.killed) {
        const auto ms = commands_.timeout.count();
        report(
            child.event,
            fmt::format("hook {} was still running after {} and was stopped: {}", name,
                        ms % 1000 == 0 ? fmt::format("{} s", ms / 1000) : fmt::format("{} ms", ms),
                        command));
    } else if (WIFEXITED(status) && WEXITSTATUS(status) != 0) {
        report(child.event, fmt::format("hook {} failed with exit status {}: {} (output in {})",
                                        name, WEXITSTATUS(status), command, log_.string()));
    } else if (WIFSIGNALED(status)) {
        report(child.event,
               fmt::format("hook {} was killed by signal {}: {}", name, WTERMSIG(status), command));
    }
}

void Runner::poll() {
    const auto now = Clock::now();
    for (auto& [pid, child] : children_) {
        if (!child.killed && !child.interrupted && now >= child.deadline) {
            ::kill(-pid, SIGKILL);
            child.killed = true;
        }
    }
    std::vector<std::pair<pid_t, int>> done;
    for (const auto& [pid, child] : children_) {
        int status = 0;
        const pid_t reaped = ::waitpid(pid, &status, WNOHANG);
        if (reaped == pid)
            done.emplace_back(pid, status);
        else if (reaped < 0 && errno == ECHILD)
            done.emplace_back(pid, 0); // reaped by the kernel (SIGCHLD ignored): status unknown
    }
    for (const auto& [pid, status] : done) reaped(pid, status);
}

void Runner::stop() {
    for (auto& [pid, child] : children_) {
        if (child.killed || child.interrupted) continue;
        ::kill(-pid, SIGKILL);
        child.interrupted = true;
    }
}

void Runner::finish(int stop_fd) {
    // Once acted on, the stop fd is left alone: it stays readable until its owner drains it.
    int watch = stop_fd;
    while (!children_.empty()) {
        poll();
        if (children_.empty()) break;
        // Sleep until a hook exits (its pidfd turns readable), the first deadline passes or
        // the stop fd turns readable.
        std::vector<pollfd> fds;
        if (watch >= 0) fds.push_back({watch, POLLIN, 0});
        auto first = Clock::time_point::max();
        for (const auto& [pid, child] : children_) {
            const bool dying = child.killed || child.interrupted; // reaped in a moment
            first = std::min(first, dying ? Clock::now() : child.deadline);
            const int fd = static_cast<int>(::syscall(SYS_pidfd_open, pid, 0));
            if (fd >= 0) fds.push_back({fd, POLLIN, 0});
        }
        const auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(
            first - Clock::now() + std::chrono::milliseconds(1));
        const int timeout = static_cast<int>(std::clamp<std::int64_t>(wait.count(), 1, 60'000));
        const std::size_t first_pidfd = watch >= 0 ? 1 : 0;
        // Without pidfds (an old kernel) the wait is in short steps instead.
        const int step = fds.size() == first_pidfd ? std::min(timeout, 20) : timeout;
        if (::poll(fds.data(), fds.size(), step) > 0 && watch >= 0 && fds[0].revents != 0) {
            stop();
            watch = -1;
        }
        for (std::size_t i = first_pidfd; i < fds.size(); ++i) ::close(fds[i].fd);
    }
}

std::vector<std::string> Runner::take_reports() {
    return std::exchange(reports_, {});
}

} // namespace mockcoach::hooks
