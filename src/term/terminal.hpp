// The terminal while the live screen runs: raw keys, the alternate screen, a hidden cursor;
// all of it put back by the destructor on every way out.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace mockcoach::term {

struct Size {
    int columns = 80;
    int rows = 24;
};

class RawTerminal {
  public:
    // Takes over the terminal on `in_fd`/`out_fd`. Throws std::runtime_error if it is not one.
    RawTerminal(int in_fd, int out_fd);
    ~RawTerminal();
    RawTerminal(const RawTerminal&) = delete;
    RawTerminal& operator=(const RawTerminal&) = delete;

    Size size() const;
    void write(std::string_view bytes) const;
    // Restores the terminal now (idempotent); used before printing the final summary.
    void restore();

  private:
    int in_;
    int out_;
    bool active_ = false;
    struct Saved;
    Saved* saved_;
};

// A key press, decoded from the bytes a terminal sends.
struct Key {
    enum class Type { character, enter, backspace, escape, ctrl_c, ctrl_d, tab, control, other };
    Type type = Type::other;
    // The UTF-8 character, for Type::character; the lower-case letter, for Type::control
    // (Ctrl-P is {control, "p"}).
    std::string text;
};

// Splits raw input bytes into keys; escape sequences (arrows, function keys) become `other`.
// Keeps an incomplete UTF-8 sequence or escape sequence for the next call.
class KeyDecoder {
  public:
    void feed(std::string_view bytes);
    std::optional<Key> next();

  private:
    std::string pending_;
};

} // namespace mockcoach::term
