// The scratchpad file: created empty, read for snapshots, its text made safe to keep.
#include "session/scratch.hpp"

#include "transcript/transcript.hpp"
#include "util/errors.hpp"
#include "util/text.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

namespace mockcoach::session {

using transcript::scratch_limit_bytes;

std::filesystem::path scratch_path(const std::filesystem::path& folder, std::string_view id) {
    return folder / (std::string(id) + std::string(scratch_extension));
}

void create_scratch(const std::filesystem::path& path) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0)
        throw IoError(fmt::format("cannot create the scratchpad {}: {}", path.string(),
                                  std::strerror(errno)));
    ::close(fd);
}

void remove_scratch_if_empty(const std::filesystem::path& path) {
    struct stat info {};
    if (::lstat(path.c_str(), &info) == 0 && S_ISREG(info.st_mode) && info.st_size == 0)
        ::unlink(path.c_str());
}

ScratchText scratch_text(std::string_view bytes, std::int64_t size) {
    ScratchText out;
    out.bytes = std::max<std::int64_t>(size, static_cast<std::int64_t>(bytes.size()));
    const auto limit = static_cast<std::size_t>(scratch_limit_bytes);
    std::size_t cut = bytes.size();
    if (out.bytes > scratch_limit_bytes) {
        out.truncated = true;
        cut = std::min(cut, limit);
        // Not inside a character: back to the byte that starts the one the limit falls in.
        for (int steps = 0; steps < 3 && cut > 0 && cut < bytes.size() &&
                            (static_cast<unsigned char>(bytes[cut]) & 0xC0) == 0x80;
             ++steps)
            --cut;
    }
    const std::string_view kept = bytes.substr(0, cut);
    out.text.reserve(kept.size());
    for (std::size_t i = 0; i < kept.size();) {
        char32_t c = 0;
        const std::size_t length = decode_utf8(kept, i, c);
        if (length == 0) {
            out.text += "\uFFFD";
            ++out.replaced;
            ++i;
            continue;
        }
        if (c == '\r' && i + 1 < kept.size() && kept[i + 1] == '\n') { // CRLF reads as LF
            ++i;
            continue;
        }
        if ((c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7F && c <= 0x9F)) {
            out.text += "\uFFFD";
            ++out.replaced;
        } else {
            out.text.append(kept.substr(i, length));
        }
        i += length;
    }
    return out;
}

ScratchRead read_scratch_file(const std::filesystem::path& path) {
    ScratchRead read;
    // Non-blocking: a FIFO put in the file's place must not stop the session.
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        read.problem = std::strerror(errno);
        return read;
    }
    struct stat info {};
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
        read.problem = "not a regular file";
        ::close(fd);
        return read;
    }
    // One byte over the limit tells whether the limit cuts a character.
    std::string bytes(static_cast<std::size_t>(scratch_limit_bytes) + 1, '\0');
    std::size_t got = 0;
    while (got < bytes.size()) {
        const ssize_t n = ::read(fd, bytes.data() + got, bytes.size() - got);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            read.problem = std::strerror(errno);
            ::close(fd);
            return read;
        }
        if (n == 0) break;
        got += static_cast<std::size_t>(n);
    }
    ::close(fd);
    bytes.resize(got);
    read.kept = scratch_text(bytes, static_cast<std::int64_t>(info.st_size));
    return read;
}

std::string scratch_notice(const std::filesystem::path& path, const ScratchText& kept) {
    if (!kept.truncated && kept.replaced == 0) return {};
    std::string said = fmt::format("scratchpad {}", path.string());
    if (kept.truncated)
        said += fmt::format(" is {} bytes, over the {} KiB a session keeps: the transcript keeps "
                            "only its first {} KiB",
                            kept.bytes, scratch_limit_bytes / 1024, scratch_limit_bytes / 1024);
    if (kept.replaced > 0)
        said += fmt::format("{}{} {} (control or invalid UTF-8) kept as U+FFFD",
                            kept.truncated ? "; " : ": ", kept.replaced,
                            kept.replaced == 1 ? "character" : "characters");
    return said + "; the file itself is untouched";
}

} // namespace mockcoach::session
