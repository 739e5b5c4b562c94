// Turning leftover journals into interrupted transcripts.
#include "session/recover.hpp"

#include "session/journal.hpp"
#include "session/scratch.hpp"
#include "util/atomic_file.hpp"
#include "util/files.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace mockcoach::session {

std::vector<Recovered> recover_all(const std::filesystem::path& folder, Diagnostics& problems) {
    std::vector<Recovered> recovered;
    for (const auto& path : list_files(folder, journal_extension)) {
        // A journal whose lock is held belongs to a session that is still running.
        const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
        if (fd < 0) continue;
        const bool in_use = ::flock(fd, LOCK_EX | LOCK_NB) != 0;
        auto bytes = in_use ? std::nullopt : read_file(path, max_journal_bytes, problems);
        if (!bytes) {
            ::close(fd);
            continue;
        }
        auto journal = read_journal(path.string(), *bytes, problems);
        if (!journal) {
            ::close(fd);
            continue;
        }
        journal->meta.id = path.stem().string(); // the header predates any -2 suffix
        Recovered item{path, {}};
        const auto saved = folder / (path.stem().string() + ".toml");
        const transcript::Transcript record = replay(*journal);
        if (!std::filesystem::exists(saved))
            item.transcript =
                write_new_file(folder, path.stem().string(), ".toml", transcript::to_toml(record));
        ::unlink(path.c_str());
        // As at a session's own end: a pad nothing was ever written in goes.
        if (!record.scratch) remove_scratch_if_empty(scratch_path(folder, path.stem().string()));
        ::close(fd);
        recovered.push_back(std::move(item));
    }
    return recovered;
}

} // namespace mockcoach::session
