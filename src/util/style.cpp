// Colour decisions and ANSI SGR wrapping.
#include "util/style.hpp"

#include <cstdlib>
#include <cstring>
#include <sys/ioctl.h>
#include <unistd.h>

namespace mockcoach {

Colour colour_for(std::FILE* stream) {
    const char* no_color = std::getenv("NO_COLOR");
    if (no_color && *no_color) return Colour::plain;
    const char* term = std::getenv("TERM");
    if (term && std::strcmp(term, "dumb") == 0) return Colour::plain;
    return isatty(fileno(stream)) ? Colour::on : Colour::plain;
}

int width_of(std::FILE* stream) {
    winsize size{};
    if (!isatty(fileno(stream)) || ioctl(fileno(stream), TIOCGWINSZ, &size) != 0) return 0;
    return size.ws_col;
}

std::string Style::wrap(std::string_view code, std::string_view text) const {
    if (!on_) return std::string(text);
    std::string out = "\x1b[";
    out += code;
    out += 'm';
    out += text;
    out += "\x1b[0m";
    return out;
}

} // namespace mockcoach
