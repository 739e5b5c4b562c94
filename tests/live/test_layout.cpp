// The give-up order: the highest ranks kept, blank rows only where nothing given up fits, the
// fill point, and a block shown in its smaller form when given up.
#include "live/layout.hpp"

#include <doctest/doctest.h>

using namespace mockcoach::live;

TEST_SUITE_BEGIN("live/layout");

TEST_CASE("everything fits: all parts kept, the free rows at the fill point") {
    Layout layout;
    layout.add("top", always);
    layout.add("body", 1);
    layout.fill_here();
    layout.add("keys", always);
    layout.fit(5);
    CHECK_FALSE(layout.cut());
    CHECK(layout.render() == Lines{"top", "body", "", "", "keys"});
}

TEST_CASE("the lowest ranks are given up first, and what is kept stays in its place") {
    Layout layout;
    layout.add("a", always);
    const auto low = layout.add("low", 1);
    const auto high = layout.add("high", 3);
    const auto middle = layout.add("middle", 2);
    layout.add("z", always);
    layout.fit(4);
    CHECK_FALSE(layout.kept(low));
    CHECK(layout.kept(high));
    CHECK(layout.kept(middle));
    CHECK(layout.cut());
    CHECK(layout.render() == Lines{"a", "high", "middle", "z"});
}

TEST_CASE("within a level, a lower order is given up first; within a rank, the later line") {
    Layout layout;
    layout.add("older", Rank(1, 0));
    layout.add("newer", Rank(1, 1));
    layout.fit(1);
    CHECK(layout.render() == Lines{"newer"});

    Layout same;
    same.add("first", 1);
    same.add("second", 1);
    same.fit(1);
    CHECK(same.render() == Lines{"first"});
}

TEST_CASE("a big part given up shows its smaller form, and smaller parts still fill the rows") {
    Layout layout;
    layout.add("head", always);
    const auto clock = layout.add(Lines{"B", "I", "G"}, 5, Lines{"big"});
    const auto line = layout.add("line", 2);
    layout.fit(3);
    CHECK_FALSE(layout.kept(clock));
    CHECK(layout.kept(line));
    CHECK(layout.render() == Lines{"head", "big", "line"});
}

TEST_CASE("a cut marked on the last line kept replaces that line") {
    Layout layout;
    const auto first = layout.add("one", always);
    const auto second = layout.add("two", 1);
    layout.fit(1);
    REQUIRE_FALSE(layout.kept(second));
    layout.lines(first).back() += "\u2026";
    CHECK(layout.render() == Lines{"one\u2026"});
}

TEST_CASE("parts that never give up may still overflow the rows") {
    Layout layout;
    layout.add(Lines{"a", "b", "c"}, always);
    layout.blank();
    layout.fit(2);
    CHECK(layout.render() == Lines{"a", "b", "c"});
}

TEST_CASE("a text with a hanging indent uses the width on every line") {
    Layout layout;
    const TextParts text =
        add_text(layout, "one two three four five six seven eight nine ten eleven twelve", 20,
                 "Interviewer: ", "  ", 1, 1);
    layout.fit(text.ids.size());
    const Lines lines = layout.render();
    REQUIRE(lines.size() == text.ids.size());
    CHECK(lines[0] == "Interviewer: one two");
    CHECK(lines[1] == "  three four five");
}

TEST_CASE("a text cut after its kept lines ends in an ellipsis") {
    Layout layout;
    const TextParts text =
        add_text(layout, "alpha beta gamma delta epsilon zeta eta theta", 20, "  ", "  ", 1, 1);
    layout.fit(1);
    CHECK(mark_cut(layout, text, 20));
    CHECK(layout.render() == Lines{"  alpha beta gamma \u2026"});
}

TEST_SUITE_END();
