// A byte-level pass over a TOML file that reports what toml++ 3.3.0 cannot be trusted with.
#include "tomlfile/tomlfile.hpp"

#include <fmt/format.h>

namespace mockcoach::tomlfile {
namespace {

constexpr std::size_t max_reported = 20;

// Decodes one UTF-8 sequence at bytes[i]; returns its length, or 0 when it is invalid.
std::size_t utf8_length(std::string_view bytes, std::size_t i, char32_t& code_point) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(bytes[k]); };
    const unsigned char lead = byte(i);
    if (lead < 0x80) {
        code_point = lead;
        return 1;
    }
    std::size_t length = 0;
    char32_t value = 0;
    char32_t minimum = 0;
    if ((lead & 0xE0) == 0xC0) {
        length = 2, value = lead & 0x1F, minimum = 0x80;
    } else if ((lead & 0xF0) == 0xE0) {
        length = 3, value = lead & 0x0F, minimum = 0x800;
    } else if ((lead & 0xF8) == 0xF0) {
        length = 4, value = lead & 0x07, minimum = 0x10000;
    } else {
        return 0;
    }
    if (i + length > bytes.size()) return 0;
    for (std::size_t k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) return 0;
        value = (value << 6) | (byte(i + k) & 0x3F);
    }
    if (value < minimum || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return 0;
    code_point = value;
    return length;
}

bool is_bare_key_char(char32_t c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-';
}

enum class Mode { normal, comment, basic, literal, multiline_basic, multiline_literal };

// Checks a table header line, "[a.b]" or "[[a]]" with optional quoted keys, from its '['.
// Returns an error message and the offset (within `line`) it applies to, if the header is bad.
struct HeaderProblem {
    std::size_t offset;
    std::string message;
};
std::optional<HeaderProblem> check_header(std::string_view line) {
    std::size_t i = 0;
    const bool array = line.size() > 1 && line[1] == '[';
    i = array ? 2 : 1;
    const auto skip_space = [&] {
        while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    };
    for (;;) {
        skip_space();
        if (i >= line.size() || line[i] == '\n' || line[i] == '\r')
            return HeaderProblem{i, "expected a table name after '['"};
        const char c = line[i];
        if (c == '"' || c == '\'') {
            std::size_t j = i + 1;
            while (j < line.size() && line[j] != c && line[j] != '\n') {
                if (c == '"' && line[j] == '\\' && j + 1 < line.size() && line[j + 1] != '\n') ++j;
                ++j;
            }
            if (j >= line.size() || line[j] != c)
                return HeaderProblem{i, "unterminated quoted key in table header"};
            i = j + 1;
        } else if (is_bare_key_char(static_cast<unsigned char>(c))) {
            while (i < line.size() && is_bare_key_char(static_cast<unsigned char>(line[i]))) ++i;
        } else {
            return HeaderProblem{i, fmt::format("expected a table name, found '{}'", c)};
        }
        skip_space();
        if (i < line.size() && line[i] == '.') {
            ++i;
            continue;
        }
        break;
    }
    const std::string_view close = array ? "]]" : "]";
    if (line.substr(i, close.size()) != close)
        return HeaderProblem{i, fmt::format("expected '{}' to close the table header", close)};
    i += close.size();
    skip_space();
    if (i < line.size() && line[i] != '#' && line[i] != '\n' && line[i] != '\r')
        return HeaderProblem{i, "unexpected text after the table header"};
    return std::nullopt;
}

class Scanner {
  public:
    Scanner(std::string_view path, std::string_view bytes) : path_(path), bytes_(bytes) {}

    Diagnostics run() {
        if (bytes_.substr(0, 3) == "\xEF\xBB\xBF") i_ = 3; // a byte-order mark is allowed
        bool line_start = true;
        while (i_ < bytes_.size() && diagnostics_.size() < max_reported) {
            char32_t c = 0;
            const std::size_t length = utf8_length(bytes_, i_, c);
            if (length == 0) {
                report(fmt::format("invalid UTF-8 byte 0x{:02X}",
                                   static_cast<unsigned char>(bytes_[i_])));
                // The continuation bytes of a broken sequence are the same bad character.
                std::size_t broken = 1;
                while (broken < 4 && i_ + broken < bytes_.size() &&
                       (static_cast<unsigned char>(bytes_[i_ + broken]) & 0xC0) == 0x80)
                    ++broken;
                advance(broken, false);
                continue;
            }
            if (c == '\r' && !(i_ + 1 < bytes_.size() && bytes_[i_ + 1] == '\n')) {
                report("carriage return not followed by a line feed");
            } else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
                report(fmt::format("control character U+{:04X} is not allowed; write it as an "
                                   "escape inside a \"string\"",
                                   static_cast<unsigned>(c)));
            } else if (c >= 0x80 && (mode_ == Mode::normal)) {
                report("non-ASCII character outside a string; put text in quotes");
            } else {
                if (line_start && depth_ == 0 && mode_ == Mode::normal && c == '[') header();
                if (mode_ == Mode::normal && (c == 'T' || c == 't') && time_missing()) {
                    report("expected a time (HH:MM:SS) after the 'T' of a date-time");
                    advance(length, false);
                    continue;
                }
                step(c);
            }
            if (c != ' ' && c != '\t') line_start = c == '\n';
            advance(length, c == '\n');
        }
        return std::move(diagnostics_);
    }

  private:
    void report(std::string message) {
        diagnostics_.push_back({std::string(path_), line_, column_, Severity::error, message});
    }

    void advance(std::size_t length, bool newline) {
        i_ += length;
        if (newline) {
            ++line_;
            column_ = 1;
        } else {
            ++column_;
        }
    }

    // "2026-11-25T:00": a date, its 'T', then a colon. toml++ 3.3.0 takes it for a date-time
    // and its time parser asserts (undefined behaviour with NDEBUG) that a digit comes next.
    bool time_missing() const {
        if (i_ < 10 || i_ + 1 >= bytes_.size() || bytes_[i_ + 1] != ':') return false;
        const std::string_view date = bytes_.substr(i_ - 10, 10);
        for (std::size_t k = 0; k < date.size(); ++k) {
            const bool dash = k == 4 || k == 7;
            if (dash ? date[k] != '-' : (date[k] < '0' || date[k] > '9')) return false;
        }
        return true;
    }

    // Whether the character after a backslash can be stepped over as part of an escape: only
    // printable ASCII, so a control byte or broken UTF-8 after it is still checked.
    bool escapable() const {
        if (i_ + 1 >= bytes_.size()) return false;
        const auto next = static_cast<unsigned char>(bytes_[i_ + 1]);
        return next >= 0x20 && next < 0x7F;
    }

    bool ahead(std::string_view text) const { return bytes_.substr(i_, text.size()) == text; }

    // Consumes a whole closing delimiter (and up to two quotes that belong to the content).
    void close_multiline(char quote) {
        std::size_t extra = 2; // the opening of the delimiter is the current character
        while (extra < 4 && i_ + extra + 1 < bytes_.size() && bytes_[i_ + extra + 1] == quote)
            ++extra;
        for (std::size_t k = 0; k < extra; ++k) advance(1, false);
        mode_ = Mode::normal;
    }

    void header() {
        std::size_t end = bytes_.find('\n', i_);
        if (end == std::string_view::npos) end = bytes_.size();
        if (auto problem = check_header(bytes_.substr(i_, end - i_))) {
            diagnostics_.push_back({std::string(path_), line_,
                                    column_ + static_cast<int>(problem->offset), Severity::error,
                                    problem->message});
        }
        in_header_ = true;
    }

    void step(char32_t c) {
        // A line ends a comment, a table header and a one-line string (unterminated: toml++
        // reports it), whatever the mode was.
        if (c == '\n' && mode_ != Mode::multiline_basic && mode_ != Mode::multiline_literal) {
            mode_ = Mode::normal;
            in_header_ = false;
            return;
        }
        switch (mode_) {
        case Mode::comment:
            return;
        case Mode::basic:
            if (c == '\\' && escapable())
                advance(1, false);
            else if (c == '"')
                mode_ = Mode::normal;
            return;
        case Mode::literal:
            if (c == '\'') mode_ = Mode::normal;
            return;
        case Mode::multiline_basic:
            if (c == '\\' && escapable())
                advance(1, false);
            else if (ahead("\"\"\""))
                close_multiline('"');
            return;
        case Mode::multiline_literal:
            if (ahead("'''")) close_multiline('\'');
            return;
        case Mode::normal:
            break;
        }
        if (c == '#') {
            mode_ = Mode::comment;
        } else if (c == '"') {
            if (ahead("\"\"\"")) {
                mode_ = Mode::multiline_basic;
                advance(1, false), advance(1, false);
            } else {
                mode_ = Mode::basic;
            }
        } else if (c == '\'') {
            if (ahead("'''")) {
                mode_ = Mode::multiline_literal;
                advance(1, false), advance(1, false);
            } else {
                mode_ = Mode::literal;
            }
        } else if (!in_header_ && (c == '[' || c == '{')) {
            if (++depth_ > max_nesting) {
                report(fmt::format("values nested more than {} deep", max_nesting));
                i_ = bytes_.size(); // nothing after this point can be trusted to parse
            }
        } else if (!in_header_ && (c == ']' || c == '}')) {
            if (depth_ > 0) --depth_;
        }
    }

    std::string_view path_;
    std::string_view bytes_;
    std::size_t i_ = 0;
    int line_ = 1;
    int column_ = 1;
    int depth_ = 0;
    bool in_header_ = false;
    Mode mode_ = Mode::normal;
    Diagnostics diagnostics_;
};

} // namespace

Diagnostics prescan(std::string_view path, std::string_view bytes) {
    if (bytes.size() > max_file_bytes) {
        return {{std::string(path), 0, 0, Severity::error,
                 fmt::format("file is {} bytes, larger than the {} MiB limit", bytes.size(),
                             max_file_bytes / (1024 * 1024))}};
    }
    return Scanner(path, bytes).run();
}

} // namespace mockcoach::tomlfile
