// The index reader's cursor: reads exactly the shapes the index writer makes (strings with its
// escapes, integers, booleans, date-times) and nothing else. Inline, as the reader's inner loop.
#pragma once

#include "util/text.hpp"
#include "util/wall_time.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>

namespace mockcoach::history::detail {

// A cursor over one value; every method returns false at the first thing it does not expect.
class Cursor {
  public:
    explicit Cursor(std::string_view text) : text_(text) {}
    bool done() const { return at_ == text_.size(); }
    // How many times `c` occurs in what is left: for reserving arrays before reading them.
    std::size_t count(char c) const {
        return static_cast<std::size_t>(std::count(text_.begin() + at_, text_.end(), c));
    }

    bool literal(std::string_view expected) {
        if (text_.substr(at_, expected.size()) != expected) return false;
        at_ += expected.size();
        return true;
    }

    bool integer(std::int64_t& value) {
        const char* begin = text_.data() + at_;
        const auto [end, error] = std::from_chars(begin, text_.data() + text_.size(), value);
        if (error != std::errc{}) return false;
        at_ += static_cast<std::size_t>(end - begin);
        return true;
    }

    bool boolean(bool& value) {
        if (literal("true")) return value = true, true;
        if (literal("false")) return value = false, true;
        return false;
    }

    bool string(std::string& value) {
        if (!literal("\"")) return false;
        value.clear();
        for (;;) {
            // A plain loop: find_first_of calls memchr once per character here.
            std::size_t stop = at_;
            while (stop < text_.size() && text_[stop] != '"' && text_[stop] != '\\') ++stop;
            if (stop == text_.size()) return false;
            value.append(text_.substr(at_, stop - at_));
            at_ = stop + 1;
            if (text_[stop] == '"') return true;
            if (at_ >= text_.size()) return false;
            const char escape = text_[at_++];
            switch (escape) {
            case '"':
            case '\\':
                value += escape;
                break;
            case 'n':
                value += '\n';
                break;
            case 'r':
                value += '\r';
                break;
            case 't':
                value += '\t';
                break;
            case 'u':
                if (!code_point(4, value)) return false;
                break;
            default:
                return false; // the writer makes no other escape
            }
        }
    }

    // A string from a transcript. One that no transcript could hold (a control character,
    // broken UTF-8) means a damaged cache, rebuilt from the transcripts, never printed as it is.
    // File and folder names are the file system's bytes, which need not be UTF-8.
    bool text(std::string& value) { return string(value) && unprintable(value).empty(); }

    // YYYY-MM-DDTHH:MM:SS followed by Z or +HH:MM / -HH:MM, as toml_date_time writes.
    bool date_time(WallTime& value) {
        int year, month, day, hour, minute, second;
        if (!number(4, year) || !literal("-") || !number(2, month) || !literal("-") ||
            !number(2, day) || !literal("T") || !number(2, hour) || !literal(":") ||
            !number(2, minute) || !literal(":") || !number(2, second))
            return false;
        if (!valid_date(year, month, day) || hour > 23 || minute > 59 || second > 60) return false;
        int offset = 0;
        if (!literal("Z")) {
            const bool negative = literal("-");
            if (!negative && !literal("+")) return false;
            int hours, minutes;
            if (!number(2, hours) || !literal(":") || !number(2, minutes) || hours > 23 ||
                minutes > 59)
                return false;
            offset = (negative ? -1 : 1) * (hours * 60 + minutes);
        }
        value = from_civil({{year, month, day}, hour, minute, second}, offset);
        return true;
    }

  private:
    bool number(std::size_t width, int& value) {
        if (at_ + width > text_.size()) return false;
        value = 0;
        for (std::size_t i = 0; i < width; ++i) {
            const char c = text_[at_ + i];
            if (c < '0' || c > '9') return false;
            value = value * 10 + (c - '0');
        }
        at_ += width;
        return true;
    }

    // The writer escapes only control characters, so only \u00XX below 0x80 is expected.
    bool code_point(std::size_t width, std::string& out) {
        if (at_ + width > text_.size()) return false;
        unsigned value = 0;
        const auto [end, error] =
            std::from_chars(text_.data() + at_, text_.data() + at_ + width, value, 16);
        if (error != std::errc{} || end != text_.data() + at_ + width || value >= 0x80)
            return false;
        at_ += width;
        out += static_cast<char>(value);
        return true;
    }

    std::string_view text_;
    std::size_t at_ = 0;
};

} // namespace mockcoach::history::detail
