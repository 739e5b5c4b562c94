// A byte-level pass over a TOML file that reports what toml++ 3.3.0 cannot be trusted with.
#include "tomlfile/tomlfile.hpp"

#include "util/text.hpp"

#include <fmt/format.h>

namespace mockcoach::tomlfile {
namespace {

constexpr std::size_t max_reported = 20;

bool is_bare_key_char(char32_t c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-';
}

// bare_value: a value that is not a string, array or table ("1", "true", "2026-11-25"), up to
// the next character toml++ ends a value at. toml++ reads such a value ahead to that point
// whatever it holds, so a quote inside it opens no string ("0\"2é" is one broken value to it).
enum class Mode { normal, bare_value, comment, basic, literal, multiline_basic, multiline_literal };

bool is_value_terminator(char32_t c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ']' || c == '}' || c == ',' ||
           c == '#';
}

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
            const std::size_t length = decode_utf8(bytes_, i_, c);
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
            } else if (c >= 0x80 && outside_strings()) {
                report("non-ASCII character outside a string; put text in quotes");
            } else {
                if (line_start && open_.empty() && mode_ == Mode::normal && c == '[') header();
                if (outside_strings() && (c == 'T' || c == 't') && time_missing()) {
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
    void report(std::string message) { report_at(line_, column_, std::move(message)); }

    void report_at(int line, int column, std::string message) {
        diagnostics_.push_back(
            {std::string(path_), line, column, Severity::error, std::move(message)});
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

    // "2026-11-25T:00" or "2026-11-24Tr3:58:09Z": a date, its 'T', then no digit. toml++ 3.3.0
    // takes it for a date-time and its time parser asserts (undefined behaviour with NDEBUG)
    // that a digit comes next. Where a value stands that is always the case; where a key may
    // stand the same characters can begin a bare key ("2026-11-25T = 1", "2026-11-25Tx.y = 2"),
    // which a '=' or '.' after its last character tells apart.
    bool time_missing() const {
        if (in_header_ || i_ < 10 || i_ + 1 >= bytes_.size()) return false;
        const char next = bytes_[i_ + 1];
        if (next >= '0' && next <= '9') return false;
        const std::string_view date = bytes_.substr(i_ - 10, 10);
        for (std::size_t k = 0; k < date.size(); ++k) {
            const bool dash = k == 4 || k == 7;
            if (dash ? date[k] != '-' : (date[k] < '0' || date[k] > '9')) return false;
        }
        std::size_t end = i_ + 1;
        while (end < bytes_.size() && is_bare_key_char(static_cast<unsigned char>(bytes_[end])))
            ++end;
        if (value_position()) return true;
        while (end < bytes_.size() && (bytes_[end] == ' ' || bytes_[end] == '\t')) ++end;
        return end >= bytes_.size() || (bytes_[end] != '=' && bytes_[end] != '.');
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
            if (open_.empty()) after_equals_ = false;
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
            if (c == '\\') check_line_ending_backslash();
            if (c == '\\' && escapable())
                advance(1, false);
            else if (ahead("\"\"\""))
                close_multiline('"');
            return;
        case Mode::multiline_literal:
            if (ahead("'''")) close_multiline('\'');
            return;
        case Mode::bare_value:
            if (!is_value_terminator(c)) return;
            if (c == ' ' && date_then_lone_digit())
                report_at(line_, column_ + 1,
                          "expected a time (HH:MM:SS) after the date and its space");
            mode_ = Mode::normal; // and the terminator is read as itself
            break;
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
        } else if (in_header_) {
            return;
        } else if (value_position() && !is_value_terminator(c) && c != '[' && c != '{' &&
                   c != '=') {
            mode_ = Mode::bare_value;
            bare_start_ = i_;
        } else if (c == '[' || c == '{') {
            open_.push_back(static_cast<char>(c));
            after_equals_ = false;
            if (static_cast<int>(open_.size()) > max_nesting) {
                report(fmt::format("values nested more than {} deep", max_nesting));
                i_ = bytes_.size(); // nothing after this point can be trusted to parse
            }
        } else if (c == ']' || c == '}') {
            // "a = [}]": toml++ 3.3.0 takes the '}' for the start of an array element and
            // asserts in its value parser that no value ends where it begins. A stray '}'
            // closes nothing; the array is marked so that a run of them is one error.
            if (c == '}' && !open_.empty() && in_array()) {
                if (open_.back() == '[') report("'}' inside an array; an array ends with ']'");
                open_.back() = reported_array;
            } else if (!open_.empty()) {
                open_.pop_back();
            }
        } else if (c == '=') {
            after_equals_ = true;
        } else if (c == ',') {
            after_equals_ = false;
        }
    }

    // "d = 2026-11-25 1": toml++ 3.3.0 takes a date, a space and a digit for the start of a
    // date-time, and asserts that the digit is not the last character of the value.
    bool date_then_lone_digit() const {
        std::string date;
        for (char ch : bytes_.substr(bare_start_, i_ - bare_start_))
            if (ch != '_') date += ch; // toml++ skips underscores when it measures the value
        const auto digit = [](char ch) { return ch >= '0' && ch <= '9'; };
        if (date.size() != 10 || !digit(date[0]) || date[4] != '-' || date[7] != '-') return false;
        if (i_ + 1 >= bytes_.size() || !digit(bytes_[i_ + 1])) return false;
        return i_ + 2 >= bytes_.size() ||
               is_value_terminator(static_cast<unsigned char>(bytes_[i_ + 2]));
    }

    // In a multi-line basic string toml++ 3.3.0 asks its Unicode whitespace table about the
    // character after a backslash, and about the first one after a line-ending backslash's
    // line break; for much of Latin-1, Greek, Cyrillic and kana the table reaches unreachable
    // code. Such a character is refused at its place, with a way round.
    void check_line_ending_backslash() {
        const auto non_ascii = [&](std::size_t k) {
            return k < bytes_.size() && static_cast<unsigned char>(bytes_[k]) >= 0x80;
        };
        if (non_ascii(i_ + 1)) {
            report_at(line_, column_ + 1,
                      "a backslash in a string must start an escape (\\n, \\\", \\\\, \\uXXXX)");
            return;
        }
        std::size_t k = i_ + 1;
        int line = line_;
        int column = column_ + 1;
        bool line_break = false;
        for (; k < bytes_.size(); ++k) {
            const char ch = bytes_[k];
            if (ch == '\n') {
                line_break = true, ++line, column = 1;
            } else if (ch == ' ' || ch == '\t' || ch == '\r') {
                ++column;
            } else {
                break;
            }
        }
        if (k == i_ + 1 || !non_ascii(k)) return;
        if (line_break)
            report_at(line, column,
                      "this TOML reader (toml++ 3.3.0) cannot take a non-ASCII character first "
                      "after a line-ending backslash; write it as \\uXXXX or begin the line with "
                      "an ASCII character");
        else
            report_at(line, column, "a backslash followed by spaces must end its line");
    }

    bool outside_strings() const { return mode_ == Mode::normal || mode_ == Mode::bare_value; }

    bool in_array() const { return open_.back() == '[' || open_.back() == reported_array; }

    // Whether a value, not a key, stands here: after a '=' or anywhere directly in an array.
    bool value_position() const { return after_equals_ || (!open_.empty() && in_array()); }

    std::string_view path_;
    std::string_view bytes_;
    std::size_t i_ = 0;
    int line_ = 1;
    int column_ = 1;
    // The '[' and '{' of the values that enclose this point, innermost last; an array already
    // reported for a stray '}' is a reported_array.
    static constexpr char reported_array = '!';
    std::string open_;
    bool after_equals_ = false;
    std::size_t bare_start_ = 0; // where the bare value being read began
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
