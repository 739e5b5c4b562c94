// Colour and emphasis: only on a terminal, never when NO_COLOR is set or TERM is "dumb".
#pragma once

#include <cstdio>
#include <string>
#include <string_view>

namespace mockcoach {

enum class Colour { plain, on };

// The decision for one output stream, from the environment and whether it is a terminal.
Colour colour_for(std::FILE* stream);

// Terminal width of the stream; 0 when it is not a terminal (piped: no cutting) or unknown.
int width_of(std::FILE* stream);

class Style {
  public:
    explicit Style(Colour colour) : on_(colour == Colour::on) {}
    std::string bold(std::string_view text) const { return wrap("1", text); }
    std::string dim(std::string_view text) const { return wrap("2", text); }
    std::string red(std::string_view text) const { return wrap("31", text); }
    std::string green(std::string_view text) const { return wrap("32", text); }
    std::string yellow(std::string_view text) const { return wrap("33", text); }
    std::string cyan(std::string_view text) const { return wrap("36", text); }
    bool enabled() const { return on_; }

  private:
    std::string wrap(std::string_view code, std::string_view text) const;
    bool on_;
};

} // namespace mockcoach
