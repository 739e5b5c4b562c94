// Reading a sessions folder: every *.toml file is a transcript or gets one warning; summaries
// come from the index when a file's name, size and modification time match, and the index is
// rewritten when anything changed.
#include "history/history.hpp"
#include "history/index.hpp"

#include "tomlfile/tomlfile.hpp"
#include "util/atomic_file.hpp"
#include "util/errors.hpp"
#include "util/files.hpp"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <dirent.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>
#include <unordered_map>

namespace mockcoach::history {
namespace fs = std::filesystem;

namespace {

// The index is read whole; it holds about 700 bytes a session.
constexpr std::size_t max_index_bytes = std::size_t{1} << 30;
// A file changed this close to the moment the index is written might change again within the
// file system's timestamp resolution without its mtime moving, so it is not cached yet.
constexpr std::int64_t racy_ns = 2'000'000'000;

struct FileInfo {
    std::string name;
    std::int64_t size = 0;
    std::int64_t mtime_ns = 0;
};

// Warnings in the order of the files they are about, as a listing of the folder would show them.
void sort_by_file(Diagnostics& warnings) {
    std::stable_sort(warnings.begin(), warnings.end(),
                     [](const Diagnostic& a, const Diagnostic& b) { return a.path < b.path; });
}

// Regular files (or links to them) named *.toml directly in `folder`, not hidden, by name; any
// other entry with such a name gets a warning in `passed_over`. readdir + fstatat: one system
// call a file, which matters at 100,000 transcripts.
std::vector<FileInfo> scan(const fs::path& folder, bool& exists, Diagnostics& passed_over) {
    std::vector<FileInfo> files;
    DIR* dir = ::opendir(folder.c_str());
    exists = dir != nullptr;
    if (!dir) return files;
    while (const dirent* entry = ::readdir(dir)) {
        const std::string_view name = entry->d_name;
        if (name.size() <= 5 || name.front() == '.' || !name.ends_with(".toml")) continue;
        struct stat info {};
        const int failed = ::fstatat(::dirfd(dir), entry->d_name, &info, 0) != 0 ? errno : 0;
        if (failed != 0 || !S_ISREG(info.st_mode)) {
            passed_over.push_back({(folder / name).string(), 0, 0, Severity::warning,
                                   not_a_file_reason(failed, info.st_mode) + "; skipped"});
            continue;
        }
        files.push_back({std::string(name), static_cast<std::int64_t>(info.st_size),
                         static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1'000'000'000 +
                             info.st_mtim.tv_nsec});
    }
    ::closedir(dir);
    std::sort(files.begin(), files.end(),
              [](const FileInfo& a, const FileInfo& b) { return a.name < b.name; });
    sort_by_file(passed_over);
    return files;
}

// Calls work(i) for i in [0, count) on up to `threads` threads. Reading transcripts is parsing
// bound, so a second core halves the cold path.
template <typename Work> void parallel_for(std::size_t count, unsigned threads, Work work) {
    if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
    threads = static_cast<unsigned>(std::min<std::size_t>(threads, count / 32 + 1));
    std::atomic<std::size_t> next{0};
    const auto run = [&] {
        for (std::size_t i = next++; i < count; i = next++) work(i);
    };
    std::vector<std::jthread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(run);
    run();
}

struct Read {
    std::optional<transcript::Transcript> transcript;
    Diagnostics problems;
};

Read read_one(const fs::path& path) {
    Read result;
    try {
        if (auto bytes = read_file(path, tomlfile::max_file_bytes, result.problems))
            result.transcript = transcript::read_transcript(path.string(), *bytes, result.problems);
    } catch (const std::exception& error) { // out of memory: one file must not end the report
        result.problems.push_back({path.string(), 0, 0, Severity::error, error.what()});
    }
    if (!result.transcript && result.problems.empty())
        result.problems.push_back({path.string(), 0, 0, Severity::error, "cannot be read"});
    return result;
}

std::string absolute_folder(const fs::path& folder) {
    std::error_code error;
    fs::path path = fs::absolute(folder, error).lexically_normal();
    std::string text = path.string();
    while (text.size() > 1 && text.back() == '/') text.pop_back();
    return text;
}

// The index mapped rather than read: no copy of a file that grows to tens of megabytes, and
// its pages are populated in one go instead of faulting one by one.
std::optional<Index> read_index_file(const fs::path& path, const std::string& folder) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) return std::nullopt; // a missing or unreadable cache is simply rebuilt
    struct stat info {};
    std::optional<Index> index;
    if (::fstat(fd, &info) == 0 && S_ISREG(info.st_mode) && info.st_size > 0 &&
        static_cast<std::size_t>(info.st_size) <= max_index_bytes) {
        const auto size = static_cast<std::size_t>(info.st_size);
        void* map = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
        if (map != MAP_FAILED) {
            index = read_index(std::string_view(static_cast<const char*>(map), size));
            ::munmap(map, size);
        }
    }
    ::close(fd);
    if (index && index->folder != folder) return std::nullopt;
    return index;
}

// Writes the index, or leaves it: a cache that cannot be written only costs time.
bool write_index(const fs::path& path, const Index& index) {
    try {
        std::error_code error;
        fs::create_directories(path.parent_path(), error);
        replace_file(path, index_to_toml(index));
        return true;
    } catch (const IoError&) {
        return false;
    }
}

// Newest first; the same second by file name, so the order is stable.
bool newer(const Session& a, const Session& b) {
    const std::int64_t x = epoch_seconds(a.started_at), y = epoch_seconds(b.started_at);
    if (x != y) return x > y;
    return a.file > b.file;
}

} // namespace

Diagnostic skipped_warning(const Diagnostics& problems) {
    Diagnostic first = problems.empty() ? Diagnostic{} : problems.front();
    first.severity = Severity::warning;
    first.message = "not a valid transcript, skipped: " + first.message;
    if (problems.size() > 1)
        first.message += fmt::format(" (and {} more problem{})", problems.size() - 1,
                                     problems.size() == 2 ? "" : "s");
    return first;
}

fs::path index_file_for(const fs::path& folder) {
    // FNV-1a of the absolute path: a short, stable name; the file also records the folder, so a
    // collision only means a rebuild.
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    for (unsigned char c : absolute_folder(folder)) hash = (hash ^ c) * 0x100000001b3ULL;
    return cache_home() / "index" / fmt::format("sessions-{:016x}.toml", hash);
}

Loaded load_sessions(const fs::path& folder, const LoadOptions& options) {
    Loaded loaded;
    const std::vector<FileInfo> files = scan(folder, loaded.folder_exists, loaded.skipped);
    if (!loaded.folder_exists) return loaded;
    const std::string absolute = absolute_folder(folder);
    std::optional<Index> old =
        options.index_file ? read_index_file(*options.index_file, absolute) : std::nullopt;
    std::unordered_map<std::string_view, std::size_t> by_name;
    if (old) {
        by_name.reserve(old->sessions.size());
        for (std::size_t i = 0; i < old->sessions.size(); ++i)
            by_name.emplace(old->sessions[i].file, i);
    }

    // Where each file's summary comes from: the old index when name, size and mtime match,
    // else the transcript, read now.
    std::vector<Session*> source(files.size(), nullptr);
    std::vector<std::size_t> to_read;
    for (std::size_t i = 0; i < files.size(); ++i) {
        const auto it = by_name.find(files[i].name);
        if (it != by_name.end()) {
            const FileStamp& stamp = old->stamps[it->second];
            if (stamp.size == files[i].size && stamp.mtime_ns == files[i].mtime_ns) {
                source[i] = &old->sessions[it->second];
                continue;
            }
        }
        to_read.push_back(i);
    }
    loaded.index.reused = files.size() - to_read.size();
    loaded.index.parsed = to_read.size();

    // The common case: nothing changed, and the index already holds the sessions newest first.
    if (old && to_read.empty() && old->sessions.size() == files.size()) {
        loaded.sessions = std::move(old->sessions);
        if (!std::is_sorted(loaded.sessions.begin(), loaded.sessions.end(), newer))
            std::sort(loaded.sessions.begin(), loaded.sessions.end(), newer);
        return loaded;
    }

    std::vector<std::optional<Session>> read(to_read.size());
    std::vector<Diagnostics> problems(to_read.size());
    std::atomic<std::size_t> done{0};
    const std::thread::id caller = std::this_thread::get_id();
    parallel_for(to_read.size(), options.threads, [&](std::size_t k) {
        Read result = read_one(folder / files[to_read[k]].name);
        if (result.transcript)
            read[k] = summarise(*result.transcript, files[to_read[k]].name);
        else
            problems[k] = std::move(result.problems);
        // Reported from the caller's thread only (it takes its share of the files), so that
        // the callback needs no lock and may print.
        const std::size_t finished = ++done;
        if (options.progress && std::this_thread::get_id() == caller)
            options.progress(finished, to_read.size());
    });
    if (options.progress && !to_read.empty()) options.progress(to_read.size(), to_read.size());
    for (std::size_t k = 0; k < to_read.size(); ++k) {
        if (read[k])
            source[to_read[k]] = &*read[k];
        else
            loaded.skipped.push_back(skipped_warning(problems[k]));
    }
    sort_by_file(loaded.skipped);

    // The new index: every session but those changed too recently to trust, newest first.
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < files.size(); ++i)
        if (source[i]) order.push_back(i);
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return newer(*source[a], *source[b]); });
    Index fresh{absolute, {}, {}};
    fresh.sessions.reserve(order.size());
    std::vector<Session> racy;
    std::size_t kept_from_old = 0; // unchanged entries of the old index
    for (std::size_t i : order) {
        if (options.now_ns != 0 && files[i].mtime_ns > options.now_ns - racy_ns) {
            racy.push_back(std::move(*source[i]));
            continue;
        }
        fresh.sessions.push_back(std::move(*source[i]));
        fresh.stamps.push_back({files[i].size, files[i].mtime_ns});
        kept_from_old += !std::binary_search(to_read.begin(), to_read.end(), i);
    }
    // File names are unique: the same count, all unchanged from the old index, is that index.
    const bool changed = !old || kept_from_old != fresh.sessions.size() ||
                         old->sessions.size() != fresh.sessions.size();
    if (options.index_file && changed)
        loaded.index.written = write_index(*options.index_file, fresh);

    loaded.sessions = std::move(fresh.sessions);
    if (!racy.empty()) { // rare: only just after a session was saved or a file edited
        for (Session& session : racy) loaded.sessions.push_back(std::move(session));
        std::sort(loaded.sessions.begin(), loaded.sessions.end(), newer);
    }
    return loaded;
}

LoadedTranscripts load_transcripts(const fs::path& folder, unsigned threads) {
    LoadedTranscripts loaded;
    const std::vector<FileInfo> files = scan(folder, loaded.folder_exists, loaded.skipped);
    std::vector<Read> reads(files.size());
    parallel_for(files.size(), threads,
                 [&](std::size_t i) { reads[i] = read_one(folder / files[i].name); });
    for (Read& read : reads) {
        if (read.transcript)
            loaded.transcripts.push_back(std::move(*read.transcript));
        else
            loaded.skipped.push_back(skipped_warning(read.problems));
    }
    sort_by_file(loaded.skipped);
    std::stable_sort(loaded.transcripts.begin(), loaded.transcripts.end(),
                     [](const transcript::Transcript& a, const transcript::Transcript& b) {
                         return epoch_seconds(a.started_at) < epoch_seconds(b.started_at);
                     });
    return loaded;
}

} // namespace mockcoach::history
