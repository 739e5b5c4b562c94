// The one place that formats durations, scores, budgets and aligned tables, so every command
// shows numbers the same way.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mockcoach {

// 90 -> "01:30", 3700 -> "1:01:40"; negative values get a '-'.
std::string format_clock(long long seconds);
// Overtime as the live screen shows it: 72 -> "+01:12".
std::string format_overtime(long long seconds);
// A phase budget in minutes as written: 5 -> "5", 0.5 -> "0.5".
std::string format_minutes(double minutes);
// A score or mean to one decimal: 3.25 -> "3.3"; no value -> "-".
std::string format_score(std::optional<double> score);
// Phase budgets as "5+10+20+10 = 45 min".
std::string format_budget_sum(const std::vector<double>& minutes);
// A signed change of score to one decimal: "+0.4", "-1.0", "0.0" when it rounds to nothing.
std::string format_score_change(double change);
// A share as a percentage to one decimal, as `rubrics list` shows them: 0.3769 -> "37.7%".
std::string format_percent(double share);
// One block character a value, its height from `low` (lowest) to `high` (full): "▁▃▅█".
std::string sparkline(const std::vector<double>& values, double low, double high);

// Terminal columns: 2 for East Asian wide characters and emoji, 0 for combining marks and
// zero-width characters, 1 otherwise (an invalid byte counts as 1, as a replacement mark).
std::size_t char_width(char32_t c);
std::size_t display_width(std::string_view text);
// Characters (code points) as a person counts letters, for limits on names: "日本語" is 3.
std::size_t char_count(std::string_view text);
// `text` followed by spaces to `width` columns (fmt's own padding counts some emoji and every
// combining mark differently from display_width, so aligned columns pad with this).
std::string pad_to(std::string_view text, std::size_t width);
// Bytes of the longest prefix (suffix: the byte where the longest suffix starts) of `text` that
// fits in `columns`, never cutting a character in two.
std::size_t prefix_fitting(std::string_view text, std::size_t columns);
std::size_t suffix_fitting(std::string_view text, std::size_t columns);
// Cuts text to at most `width` columns, ending in "…" when cut.
std::string truncate_to(std::string_view text, std::size_t width);
// Breaks text into lines of at most `width` columns at spaces.
std::vector<std::string> wrap(std::string_view text, std::size_t width);

// Decodes the UTF-8 sequence at text[i] into `code_point`; returns its length, or 0 when it is
// invalid (a stray or missing continuation byte, overlong, a surrogate, past U+10FFFF).
std::size_t decode_utf8(std::string_view text, std::size_t i, char32_t& code_point);

// What in `text` a terminal would obey rather than show, or a file could not keep, described
// for a message ("the control character U+001B", "the invalid UTF-8 byte 0xFF"); "" when there
// is none. Controls are C0 but tab and line feed (a carriage return only before a line feed),
// DEL, and C1 (U+0080-U+009F). Text from files, scripts and arguments is checked with it before
// anything prints or saves it, so a shared transcript or rubric cannot retitle the window,
// write the clipboard or clear the screen.
std::string unprintable(std::string_view text);

// `word` as a POSIX shell reads it back, for a command line printed to be run again: bare when
// every character is safe so (letters, digits, - _ = . / : @ + ,), else in single quotes.
std::string shell_word(std::string_view word);

enum class Align { left, right };

// Columns padded to their widest cell; the last column is cut to fit `max_width` if given.
class Table {
  public:
    explicit Table(std::vector<std::string> header, std::vector<Align> align = {});
    void add(std::vector<std::string> row);
    std::string render(std::optional<std::size_t> max_width = std::nullopt) const;

  private:
    std::vector<std::string> header_;
    std::vector<Align> align_;
    std::vector<std::vector<std::string>> rows_;
};

} // namespace mockcoach
