// Durations, scores, budgets, cutting and wrapping text, and aligned tables.
#include "util/text.hpp"

#include "../strings.hpp"

#include <doctest/doctest.h>
#include <string>
#include <vector>

using namespace mockcoach;

TEST_SUITE_BEGIN("util/text");

TEST_CASE("a clock shows minutes and seconds, and hours once there are any") {
    CHECK(format_clock(0) == "00:00");
    CHECK(format_clock(9) == "00:09");
    CHECK(format_clock(90) == "01:30");
    CHECK(format_clock(300) == "05:00");
    CHECK(format_clock(3599) == "59:59");
    CHECK(format_clock(3600) == "1:00:00");
    CHECK(format_clock(3700) == "1:01:40");
    CHECK(format_clock(36000 + 61) == "10:01:01");
}

TEST_CASE("a negative clock gets a minus sign in front") {
    CHECK(format_clock(-5) == "-00:05");
    CHECK(format_clock(-3700) == "-1:01:40");
}

TEST_CASE("overtime is shown with a plus sign whichever sign it is given") {
    CHECK(format_overtime(72) == "+01:12");
    CHECK(format_overtime(-72) == "+01:12");
    CHECK(format_overtime(0) == "+00:00");
    CHECK(format_overtime(3661) == "+1:01:01");
}

TEST_CASE("minutes are shown as written: whole numbers without a point") {
    CHECK(format_minutes(5) == "5");
    CHECK(format_minutes(45) == "45");
    CHECK(format_minutes(0) == "0");
    CHECK(format_minutes(0.5) == "0.5");
    CHECK(format_minutes(0.25) == "0.25");
    CHECK(format_minutes(2.25) == "2.25");
    CHECK(format_minutes(1440) == "1440");
}

TEST_CASE("a score has one decimal and halves round up") {
    CHECK(format_score(3.0) == "3.0");
    CHECK(format_score(3.25) == "3.3");
    CHECK(format_score(3.75) == "3.8");
    CHECK(format_score(2.45) == "2.5");
    CHECK(format_score(4.04) == "4.0");
    CHECK(format_score(1.0 / 3.0) == "0.3");
    CHECK(format_score(5) == "5.0");
}

TEST_CASE("a missing score is a dash") {
    CHECK(format_score(std::nullopt) == "-");
}

TEST_CASE("a budget sum lists each phase and the total") {
    CHECK(format_budget_sum({5, 10, 20, 10}) == "5+10+20+10 = 45 min");
    CHECK(format_budget_sum({0.5, 0.25, 1, 0.5}) == "0.5+0.25+1+0.5 = 2.25 min");
    CHECK(format_budget_sum({0.1, 0.2}) == "0.1+0.2 = 0.3 min");
    CHECK(format_budget_sum({20}) == "20 = 20 min");
}

TEST_CASE("display width counts characters, not bytes") {
    CHECK(display_width("") == 0);
    CHECK(display_width("abc") == 3);
    CHECK(display_width("caf\xC3\xA9") == 4);
    CHECK(display_width("\xE2\x9C\x93 ok") == 4);
}

TEST_CASE("display width is terminal columns: wide characters take two, marks none") {
    CHECK(display_width("\u65E5\u672C\u8A9E") == 6); // 日本語
    CHECK(display_width("\uD55C\uAE00") == 4);       // 한글
    CHECK(display_width("\uFF21\uFF22") == 4);       // fullwidth ＡＢ
    CHECK(display_width("\U0001F680 go") == 5);      // 🚀 go
    CHECK(display_width("cafe\u0301") == 4);         // e + combining acute
    CHECK(display_width("a\u200Bb") == 2);           // zero-width space
    CHECK(display_width("\u2014\u00E9\u2026") == 3); // dash, é, ellipsis stay narrow
    CHECK(display_width("\xFF\xFEok") == 4);         // broken bytes: one column each
    CHECK(char_width(U'\u4E00') == 2);
    CHECK(char_width(U'\u0300') == 0);
    CHECK(char_width(U'a') == 1);
}

TEST_CASE("a prefix or suffix that fits never splits a character, wide or not") {
    const std::string cjk = "\u65E5\u672C\u8A9E"; // three bytes, two columns each
    CHECK(prefix_fitting(cjk, 5) == 6);
    CHECK(prefix_fitting(cjk, 6) == 9);
    CHECK(prefix_fitting(cjk, 1) == 0);
    CHECK(suffix_fitting(cjk, 5) == 3);
    CHECK(suffix_fitting(cjk, 1) == 9);
    CHECK(suffix_fitting("ab\xFF", 1) == 2);
    CHECK(suffix_fitting("abc", 10) == 0);
    // A mark whose base is cut off goes with it; a broken byte is one column, even after a NUL.
    CHECK(suffix_fitting("ae\u0301", 0) == 4);
    CHECK(suffix_fitting("xe\u0301z", 1) == 4);
    CHECK(suffix_fitting(std::string("\0\x80", 2), 1) == 1);
    CHECK(display_width(std::string("\0\x80", 2)) == 1);
}

TEST_CASE("pictographs that default to text presentation stay one column, as wcwidth has them") {
    CHECK(char_width(U'\U0001F5A5') == 1); // desktop computer
    CHECK(char_width(U'\U0001F6E0') == 1); // hammer and wrench
    CHECK(char_width(U'\U0001F600') == 2); // grinning face
    CHECK(char_width(U'\u2705') == 2);     // check mark button
    CHECK(char_width(U'\U00016FE4') == 0); // a Khitan filler mark
}

TEST_CASE("pad_to pads by terminal columns") {
    CHECK(pad_to("ab", 4) == "ab  ");
    CHECK(pad_to("\u65E5", 4) == "\u65E5  ");
    CHECK(pad_to("e\u0301", 3) == "e\u0301  ");
    CHECK(pad_to("toolong", 3) == "toolong");
}

TEST_CASE("truncation and wrapping count wide characters as two columns") {
    const std::string name = "\u65E5\u672C\u8A9E story";
    CHECK(truncate_to(name, 6) == "\u65E5\u672C\u2026");
    CHECK(display_width(truncate_to(name, 6)) == 5); // a wide character does not fit in one
    for (const auto& line : wrap("\u65E5\u672C\u8A9E\u65E5\u672C\u8A9E\u65E5\u672C\u8A9E", 8))
        CHECK(display_width(line) <= 8);
}

TEST_CASE("a table lines up columns that hold wide characters") {
    Table table({"NAME", "N"});
    table.add({"\u65E5\u672C", "1"});
    table.add({"ab", "2"});
    CHECK(table.render() == "NAME  N\n\u65E5\u672C  1\nab    2\n");
}

TEST_CASE("text that fits is not truncated") {
    CHECK(truncate_to("hello", 5) == "hello");
    CHECK(truncate_to("hello", 80) == "hello");
    CHECK(truncate_to("", 0) == "");
}

TEST_CASE("truncated text ends in an ellipsis within the width") {
    CHECK(truncate_to("hello world", 8) == "hello w\u2026");
    CHECK(display_width(truncate_to("hello world", 8)) == 8);
    CHECK(truncate_to("hello", 1) == "\u2026");
    CHECK(truncate_to("hello", 0) == "");
}

TEST_CASE("truncation never cuts a multi-byte character in half") {
    CHECK(truncate_to("\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9", 3) == "\xC3\xA9\xC3\xA9\u2026");
}

TEST_CASE("wrap breaks at spaces and keeps every line within the width") {
    CHECK(wrap("the quick brown fox jumps over the lazy dog", 10) ==
          std::vector<std::string>{"the quick", "brown fox", "jumps over", "the lazy", "dog"});
    for (const auto& line : wrap("the quick brown fox jumps over the lazy dog", 12))
        CHECK(display_width(line) <= 12);
}

TEST_CASE("wrap keeps short text on one line and gives one empty line for no text") {
    CHECK(wrap("short", 40) == std::vector<std::string>{"short"});
    CHECK(wrap("", 40) == std::vector<std::string>{""});
}

TEST_CASE("wrap collapses runs of spaces between words") {
    CHECK(wrap("a  b   c", 40) == std::vector<std::string>{"a b c"});
}

TEST_CASE("wrap never goes below eight columns") {
    CHECK(wrap("aaaa bbbb cccc", 3) == std::vector<std::string>{"aaaa", "bbbb", "cccc"});
    CHECK(wrap("aa bb cc dd", 1) == std::vector<std::string>{"aa bb cc", "dd"});
}

TEST_CASE("wrap splits a word longer than a line at exactly the width") {
    CHECK(wrap("abcdefghijklmnopqrst", 8) ==
          std::vector<std::string>{"abcdefgh", "ijklmnop", "qrst"});
    CHECK(wrap("go abcdefghi", 8) == std::vector<std::string>{"go", "abcdefgh", "i"});
}

TEST_CASE("wrap splits a long word of multi-byte characters between characters") {
    const std::string e = "\xC3\xA9";
    std::string nine;
    for (int i = 0; i < 9; ++i) nine += e;
    std::string eight;
    for (int i = 0; i < 8; ++i) eight += e;
    CHECK(wrap(nine, 8) == std::vector<std::string>{eight, e});
}

TEST_CASE("a table pads columns to the widest cell and trims trailing spaces") {
    Table table({"ID", "NAME", "N"}, {Align::left, Align::left, Align::right});
    table.add({"dsa", "Data Structures", "44"});
    table.add({"sql", "SQL", "7"});
    CHECK(table.render() == "ID   NAME              N\n"
                            "dsa  Data Structures  44\n"
                            "sql  SQL               7\n");
}

TEST_CASE("a table's last left-aligned column gets no padding") {
    Table table({"A", "LAST"});
    table.add({"xx", "y"});
    CHECK(table.render() == "A   LAST\n"
                            "xx  y\n");
}

TEST_CASE("a table measures non-ASCII cells by characters") {
    Table table({"NAME", "X"});
    table.add({"caf\xC3\xA9", "1"});
    CHECK(table.render() == "NAME  X\n"
                            "caf\xC3\xA9  1\n");
}

TEST_CASE("a table row with missing cells gets empty ones") {
    Table table({"A", "B", "C"});
    table.add({"1"});
    CHECK(table.render() == "A  B  C\n"
                            "1\n");
}

TEST_CASE("a table cuts only its last column to fit a maximum width") {
    Table table({"ID", "TEXT"});
    table.add({"a", "a long piece of text that will not fit"});
    const std::string out = table.render(20);
    CHECK(out == "ID  TEXT\n"
                 "a   a long piece of\u2026\n");
}

TEST_CASE("a table's last column keeps at least ten columns however narrow the limit") {
    Table table({"IDENTIFIER", "TEXT"});
    table.add({"x", "0123456789abcdef"});
    CHECK(table.render(5) == "IDENTIFIER  TEXT\n"
                             "x           012345678\u2026\n");
}

TEST_CASE("a score change is signed, to one decimal, and plain when it rounds to nothing") {
    CHECK(format_score_change(0.44) == "+0.4");
    CHECK(format_score_change(-1.0) == "-1.0");
    CHECK(format_score_change(0.04) == "0.0");
    CHECK(format_score_change(-0.04) == "0.0");
    CHECK(format_score_change(1.25) == "+1.3");
}

TEST_CASE("a share is a percentage to one decimal") {
    CHECK(format_percent(0.37688) == "37.7%");
    CHECK(format_percent(0) == "0.0%");
    CHECK(format_percent(1.125) == "112.5%");
}

TEST_CASE("a sparkline gives each value a block from lowest to full") {
    CHECK(sparkline({1, 3, 5}, 1, 5) == "\u2581\u2585\u2588");
    CHECK(sparkline({0, 9}, 1, 5) == "\u2581\u2588"); // clamped
    CHECK(sparkline({}, 1, 5) == "");
    CHECK(sparkline({2, 4}, 1, 5) == "\u2583\u2586");
}

TEST_CASE("unprintable names the first character a terminal would obey, or broken UTF-8") {
    CHECK(unprintable("plain text, caf\u00e9, \u65e5\u672c") == "");
    CHECK(unprintable("tab\tand\nline\r\nbreaks") == "");
    CHECK(unprintable("a\x1b[31m") == "the control character U+001B");
    CHECK(unprintable(std::string("nul\0here", 8)) == "the control character U+0000");
    CHECK(unprintable("bell\x07") == "the control character U+0007");
    CHECK(unprintable("lone\rreturn") == "the control character U+000D");
    CHECK(unprintable("del\x7f") == "the control character U+007F");
    CHECK(unprintable("c1\xc2\x9d") == "the control character U+009D");
    CHECK(unprintable("\xc2\xa0no-break space is text") == "");
    CHECK(unprintable("cut \xe2\x82") == "the invalid UTF-8 byte 0xE2");
    CHECK(unprintable("overlong \xc0\xaf") == "the invalid UTF-8 byte 0xC0");
}

TEST_CASE("a word for the shell is bare when safe, else single-quoted with ' escaped") {
    CHECK(shell_word("Sam") == "Sam");
    CHECK(shell_word("") == "''");
    CHECK(shell_word("Ana María") == "'Ana María'");
    CHECK(shell_word("it's") == "'it'\\''s'");
    CHECK(shell_word("a=b/c:d@e+f,g.h_i-j") == "a=b/c:d@e+f,g.h_i-j");
    CHECK(shell_word("$(rm)") == "'$(rm)'");
}

TEST_SUITE_END();
