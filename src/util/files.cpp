// File reading with limits, folder listing, XDG locations.
#include "util/files.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

namespace mockcoach {

std::optional<std::string> read_file(const std::filesystem::path& path, std::size_t max_bytes,
                                     Diagnostics& problems, int* os_error) {
    const auto fail = [&](std::string message) {
        problems.push_back({path.string(), 0, 0, Severity::error, std::move(message)});
        return std::nullopt;
    };
    const auto fail_os = [&](std::string_view what, int error) {
        if (os_error) *os_error = error;
        return fail(fmt::format("{}: {}", what, std::strerror(error)));
    };
    // O_NONBLOCK so that opening a FIFO never hangs; the type is checked right after.
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) return fail_os("cannot open", errno);
    struct stat info {};
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
        ::close(fd);
        return fail("not a regular file");
    }
    if (static_cast<std::size_t>(info.st_size) > max_bytes) {
        ::close(fd);
        return fail(fmt::format("file is {} bytes, larger than the {} MiB limit", info.st_size,
                                max_bytes / (1024 * 1024)));
    }
    std::string bytes;
    char buffer[65536];
    for (;;) {
        const ssize_t got = ::read(fd, buffer, sizeof buffer);
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) {
            const int error = errno;
            ::close(fd);
            return fail_os("cannot read", error);
        }
        if (got == 0) break;
        bytes.append(buffer, static_cast<std::size_t>(got));
        if (bytes.size() > max_bytes) { // it grew while we read it
            ::close(fd);
            return fail(
                fmt::format("file is larger than the {} MiB limit", max_bytes / (1024 * 1024)));
        }
    }
    ::close(fd);
    return bytes;
}

std::string not_a_file_reason(int error, unsigned mode) {
    if (error != 0) return fmt::format("cannot be read: {}", std::strerror(error));
    if (S_ISDIR(mode)) return "a folder, not a file";
    if (S_ISFIFO(mode)) return "a FIFO, not a regular file";
    if (S_ISSOCK(mode)) return "a socket, not a regular file";
    if (S_ISCHR(mode) || S_ISBLK(mode)) return "a device, not a regular file";
    return "not a regular file";
}

std::vector<std::filesystem::path> list_files(const std::filesystem::path& folder,
                                              std::string_view extension,
                                              Diagnostics* passed_over) {
    std::vector<std::filesystem::path> files;
    std::error_code error;
    std::filesystem::directory_iterator it(folder, error);
    if (error) return files;
    const std::size_t already = passed_over ? passed_over->size() : 0;
    for (const auto& entry : it) {
        const std::string name = entry.path().filename().string();
        if (name.size() <= extension.size() || !name.ends_with(extension) || name[0] == '.')
            continue;
        // stat follows links: a link to a transcript is one; a loop or a dangling link is not.
        struct stat info {};
        const int failed = ::stat(entry.path().c_str(), &info) != 0 ? errno : 0;
        if (failed == 0 && S_ISREG(info.st_mode)) {
            files.push_back(entry.path());
        } else if (passed_over) {
            passed_over->push_back({entry.path().string(), 0, 0, Severity::warning,
                                    not_a_file_reason(failed, info.st_mode) + "; skipped"});
        }
    }
    std::sort(files.begin(), files.end());
    if (passed_over)
        std::sort(passed_over->begin() + static_cast<std::ptrdiff_t>(already), passed_over->end(),
                  [](const Diagnostic& a, const Diagnostic& b) { return a.path < b.path; });
    return files;
}

namespace {
std::filesystem::path xdg(const char* variable, const char* fallback) {
    const char* value = std::getenv(variable);
    if (value && value[0] == '/') return std::filesystem::path(value) / "mockcoach";
    const char* home = std::getenv("HOME");
    return std::filesystem::path(home && *home ? home : ".") / fallback / "mockcoach";
}
} // namespace

std::filesystem::path config_home() {
    return xdg("XDG_CONFIG_HOME", ".config");
}
std::filesystem::path data_home() {
    return xdg("XDG_DATA_HOME", ".local/share");
}
std::filesystem::path cache_home() {
    return xdg("XDG_CACHE_HOME", ".cache");
}

} // namespace mockcoach
