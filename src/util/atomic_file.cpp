// Atomic, never-overwriting writes.
#include "util/atomic_file.hpp"

#include "util/errors.hpp"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <fmt/format.h>
#include <optional>
#include <sys/stat.h>
#include <unistd.h>

namespace mockcoach {
namespace fs = std::filesystem;

namespace {

[[noreturn]] void fail(std::string_view what, const fs::path& path, int error) {
    throw IoError(fmt::format("{} {}: {}", what, path.string(), std::strerror(error)));
}

void write_all(int fd, std::string_view bytes, const fs::path& path) {
    while (!bytes.empty()) {
        const ssize_t wrote = ::write(fd, bytes.data(), bytes.size());
        if (wrote < 0 && errno == EINTR) continue;
        if (wrote < 0) fail("cannot write", path, errno);
        bytes.remove_prefix(static_cast<std::size_t>(wrote));
    }
}

// A file being replaced: where its bytes really live (a symbolic link is followed, so the link
// stays and its target gets the new bytes) and what the replacement must keep of it.
struct Replaced {
    fs::path path;
    std::optional<struct stat> original; // none when there is no file yet
};

Replaced replaced(const fs::path& path) {
    Replaced result;
    result.path = path;
    std::error_code error;
    // A dangling link has no target to write through: it is replaced, as a missing file is
    // created.
    if (fs::exists(path, error)) {
        const fs::path target = fs::canonical(path, error);
        if (!error) result.path = target;
    }
    struct stat status {};
    if (::stat(result.path.c_str(), &status) == 0) result.original = status;
    return result;
}

fs::path folder_of(const fs::path& path) {
    return path.has_parent_path() ? path.parent_path() : fs::path(".");
}

// A temp file in the same folder (so the final rename stays on one file system), fully
// written and fsynced. Returns its path; the caller renames it into place. It takes the
// permission bits (and, where allowed, the owner) of `original`, the file it will replace, so a
// private transcript stays private; a new file gets the mode any new file would get.
fs::path write_temp(const fs::path& folder, std::string_view bytes,
                    const std::optional<struct stat>& original = std::nullopt) {
    std::string name = (folder / ".mockcoach-tmp-XXXXXX").string();
    const int fd = ::mkstemp(name.data());
    if (fd < 0) fail("cannot create a file in", folder, errno);
    try {
        // mkstemp makes the file 0600.
        mode_t mode = 0;
        if (original) {
            // The owner too, where allowed (root, or a group of one's own); else the file is
            // the writer's from now on, as after an editor's save. Before the chmod, which a
            // change of owner could undo.
            if ((original->st_uid != ::geteuid() || original->st_gid != ::getegid()) &&
                ::fchown(fd, original->st_uid, original->st_gid) != 0) {}
            mode = original->st_mode & 07777;
        } else {
            const mode_t mask = ::umask(0);
            ::umask(mask);
            mode = 0666 & ~mask;
        }
        if (::fchmod(fd, mode) != 0) fail("cannot set the mode of", name, errno);
        write_all(fd, bytes, name);
        if (::fsync(fd) != 0) fail("cannot flush", name, errno);
    } catch (...) {
        ::close(fd);
        ::unlink(name.c_str());
        throw;
    }
    if (::close(fd) != 0) {
        const int error = errno;
        ::unlink(name.c_str());
        fail("cannot write", name, error);
    }
    return name;
}

// renameat2's flag is unknown to the file system (NFS, SMB, some FUSE) or the kernel.
bool no_replace_unsupported(int error) {
    return error == EINVAL || error == ENOSYS || error == ENOTSUP || error == EOPNOTSUPP;
}

} // namespace

int move_if_free(const fs::path& temp, const fs::path& target, NoReplace how) {
    if (how == NoReplace::rename_flag) {
        if (::renameat2(AT_FDCWD, temp.c_str(), AT_FDCWD, target.c_str(), RENAME_NOREPLACE) == 0)
            return 0;
        if (!no_replace_unsupported(errno)) return errno;
    }
    // Without the flag: take the name first with O_EXCL, which two creators never share on
    // any file system, then rename over that empty placeholder, which is ours. A crash in
    // between leaves an empty file under the name, never someone else's file replaced.
    const int fd = ::open(target.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) return errno;
    ::close(fd);
    if (::rename(temp.c_str(), target.c_str()) != 0) {
        const int error = errno;
        ::unlink(target.c_str());
        return error;
    }
    return 0;
}

void fsync_folder(const fs::path& folder) {
    const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return; // the data is safe in the file; only the name's durability is at stake
    ::fsync(fd);
    ::close(fd);
}

void prepare_folder(const fs::path& folder) {
    std::error_code error;
    fs::create_directories(folder, error);
    if (error) throw IoError(fmt::format("cannot create {}: {}", folder.string(), error.message()));
    if (!fs::is_directory(folder, error))
        throw IoError(fmt::format("{} is not a folder", folder.string()));
    // A cheap check here; the session's journal, created next, is the real proof.
    if (::access(folder.c_str(), W_OK | X_OK) != 0) fail("cannot write to", folder, errno);
}

fs::path write_new_file(const fs::path& folder, std::string_view stem, std::string_view extension,
                        std::string_view bytes) {
    const fs::path temp = write_temp(folder, bytes);
    for (int attempt = 1; attempt < 1000; ++attempt) {
        const std::string name = attempt == 1 ? fmt::format("{}{}", stem, extension)
                                              : fmt::format("{}-{}{}", stem, attempt, extension);
        const fs::path target = folder / name;
        const int error = move_if_free(temp, target);
        if (error == 0) {
            fsync_folder(folder);
            return target;
        }
        if (error != EEXIST) {
            ::unlink(temp.c_str());
            fail("cannot save", target, error);
        }
    }
    ::unlink(temp.c_str());
    throw IoError(fmt::format("cannot find a free name for {} in {}", stem, folder.string()));
}

bool write_file_if_new(const fs::path& path, std::string_view bytes) {
    const fs::path folder = path.has_parent_path() ? path.parent_path() : fs::path(".");
    const fs::path temp = write_temp(folder, bytes);
    const int error = move_if_free(temp, path);
    if (error != 0) ::unlink(temp.c_str());
    if (error == EEXIST) return false;
    if (error != 0) fail("cannot save", path, error);
    fsync_folder(folder);
    return true;
}

void replace_file(const fs::path& path, std::string_view bytes) {
    const Replaced target = replaced(path);
    const fs::path folder = folder_of(target.path);
    const fs::path temp = write_temp(folder, bytes, target.original);
    if (::rename(temp.c_str(), target.path.c_str()) != 0) {
        const int error = errno;
        ::unlink(temp.c_str());
        fail("cannot save", path, error);
    }
    fsync_folder(folder);
}

bool replace_file_if(const fs::path& path, std::string_view bytes,
                     const std::function<bool()>& unchanged) {
    const Replaced target = replaced(path);
    const fs::path folder = folder_of(target.path);
    const fs::path temp = write_temp(folder, bytes, target.original);
    bool keep = false;
    try {
        keep = unchanged();
    } catch (...) {
        ::unlink(temp.c_str());
        throw;
    }
    if (!keep) {
        ::unlink(temp.c_str());
        return false;
    }
    if (::rename(temp.c_str(), target.path.c_str()) != 0) {
        const int error = errno;
        ::unlink(temp.c_str());
        fail("cannot save", path, error);
    }
    fsync_folder(folder);
    return true;
}

} // namespace mockcoach
