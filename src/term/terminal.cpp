// Raw mode and key decoding.
#include "term/terminal.hpp"

#include "util/text.hpp"

#include <cerrno>
#include <stdexcept>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

namespace mockcoach::term {

struct RawTerminal::Saved {
    termios attributes;
};

RawTerminal::RawTerminal(int in_fd, int out_fd) : in_(in_fd), out_(out_fd), saved_(new Saved) {
    if (!isatty(in_) || tcgetattr(in_, &saved_->attributes) != 0) {
        delete saved_;
        throw std::runtime_error("standard input is not a terminal");
    }
    termios raw = saved_->attributes;
    raw.c_lflag &= ~static_cast<tcflag_t>(ICANON | ECHO | ISIG | IEXTEN);
    raw.c_iflag &= ~static_cast<tcflag_t>(IXON | ICRNL);
    raw.c_cc[VMIN] = 1;
    raw.c_cc[VTIME] = 0;
    tcsetattr(in_, TCSAFLUSH, &raw);
    active_ = true;
    // Alternate screen, cursor hidden, screen cleared.
    write("\x1b[?1049h\x1b[?25l\x1b[H\x1b[2J");
}

RawTerminal::~RawTerminal() {
    restore();
    delete saved_;
}

void RawTerminal::restore() {
    if (!active_) return;
    active_ = false;
    write("\x1b[0m\x1b[?25h\x1b[?1049l");
    tcsetattr(in_, TCSAFLUSH, &saved_->attributes);
}

Size RawTerminal::size() const {
    winsize size{};
    if (ioctl(out_, TIOCGWINSZ, &size) != 0 || size.ws_col == 0) return {};
    return {size.ws_col, size.ws_row};
}

void RawTerminal::write(std::string_view bytes) const {
    while (!bytes.empty()) {
        const ssize_t wrote = ::write(out_, bytes.data(), bytes.size());
        if (wrote < 0 && errno == EINTR) continue;
        if (wrote <= 0) return; // a terminal that went away: nothing more to show
        bytes.remove_prefix(static_cast<std::size_t>(wrote));
    }
}

void KeyDecoder::feed(std::string_view bytes) {
    pending_.append(bytes);
}

std::optional<Key> KeyDecoder::next() {
    if (pending_.empty()) return std::nullopt;
    const auto take = [&](std::size_t n, Key key) {
        pending_.erase(0, n);
        return std::optional<Key>(std::move(key));
    };
    const auto byte = static_cast<unsigned char>(pending_[0]);
    if (byte == 0x1b) {
        if (pending_.size() == 1) return take(1, {Key::Type::escape, {}});
        if (pending_[1] != '[' && pending_[1] != 'O') return take(1, {Key::Type::escape, {}});
        // CSI/SS3: parameters, then one final byte in 0x40-0x7E.
        for (std::size_t i = 2; i < pending_.size(); ++i) {
            const auto c = static_cast<unsigned char>(pending_[i]);
            if (c >= 0x40 && c <= 0x7E) return take(i + 1, {Key::Type::other, {}});
        }
        if (pending_.size() > 16) return take(pending_.size(), {Key::Type::other, {}});
        return std::nullopt; // wait for the rest
    }
    if (byte == '\r' || byte == '\n') return take(1, {Key::Type::enter, {}});
    if (byte == 0x7f || byte == 0x08) return take(1, {Key::Type::backspace, {}});
    if (byte == 0x03) return take(1, {Key::Type::ctrl_c, {}});
    if (byte == 0x04) return take(1, {Key::Type::ctrl_d, {}});
    if (byte == '\t') return take(1, {Key::Type::tab, {}});
    if (byte >= 0x01 && byte <= 0x1A)
        return take(1, {Key::Type::control, std::string(1, static_cast<char>('a' + byte - 1))});
    if (byte < 0x20) return take(1, {Key::Type::other, {}});
    std::size_t length = 1;
    if (byte >= 0xF0)
        length = 4;
    else if (byte >= 0xE0)
        length = 3;
    else if (byte >= 0xC0)
        length = 2;
    else if (byte >= 0x80)
        return take(1, {Key::Type::other, {}}); // a stray continuation byte
    if (pending_.size() < length) return std::nullopt;
    for (std::size_t i = 1; i < length; ++i)
        if ((static_cast<unsigned char>(pending_[i]) & 0xC0) != 0x80)
            return take(i, {Key::Type::other, {}});
    std::string character = pending_.substr(0, length);
    // An overlong form, a surrogate or a C1 control is no character to type (or to save).
    if (!unprintable(character).empty()) return take(length, {Key::Type::other, {}});
    return take(length, {Key::Type::character, std::move(character)});
}

} // namespace mockcoach::term
