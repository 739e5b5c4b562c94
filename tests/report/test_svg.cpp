// The chart pieces: scales, round ticks, date ticks, and the accessible <svg> element.
#include "report/svg.hpp"

#include "../strings.hpp"

#include <doctest/doctest.h>

using namespace mockcoach::report::svg;

namespace {

std::vector<std::string> labels(const std::vector<Tick>& ticks) {
    std::vector<std::string> out;
    for (const auto& tick : ticks) out.push_back(tick.label);
    return out;
}

constexpr std::int64_t day = 86400;
// 2026-11-24 as days since 1970.
constexpr std::int64_t nov24 = 20781;

} // namespace

TEST_SUITE_BEGIN("report/svg");

TEST_CASE("a scale maps its domain onto its range, reversed ranges included") {
    const Scale y{1, 5, 200, 0};
    CHECK(y(1) == 200);
    CHECK(y(5) == 0);
    CHECK(y(3) == 100);
    const Scale flat{2, 2, 0, 100};
    CHECK(flat(2) == 50);
}

TEST_CASE("number ticks fall on round numbers with the unit attached") {
    CHECK(labels(number_ticks(1, 5, 5)) == std::vector<std::string>{"1", "2", "3", "4", "5"});
    CHECK(labels(number_ticks(0, 100, 6, "%")) ==
          std::vector<std::string>{"0%", "20%", "40%", "60%", "80%", "100%"});
    CHECK(labels(number_ticks(0, 0.55, 6, " min")) ==
          std::vector<std::string>{"0.0 min", "0.2 min", "0.4 min"});
    CHECK(number_ticks(3, 3, 5).empty());
}

TEST_CASE("clock ticks fall on round numbers of seconds, labelled mm:ss") {
    CHECK(labels(clock_ticks(63, 6)) ==
          std::vector<std::string>{"00:00", "00:15", "00:30", "00:45", "01:00"});
    CHECK(labels(clock_ticks(126, 6)) ==
          std::vector<std::string>{"00:00", "00:30", "01:00", "01:30", "02:00"});
    CHECK(labels(clock_ticks(8, 6)) ==
          std::vector<std::string>{"00:00", "00:02", "00:04", "00:06", "00:08"});
    CHECK(clock_ticks(0, 6).empty());
}

TEST_CASE("date ticks are days for a short range, months or years for longer ones") {
    const auto days = date_ticks(nov24 * day, (nov24 + 2) * day, 8);
    CHECK(labels(days) == std::vector<std::string>{"24 Nov", "25 Nov", "26 Nov"});
    CHECK(days[0].value == static_cast<double>(nov24 * day));
    const auto months = date_ticks(nov24 * day, (nov24 + 120) * day, 6);
    CHECK(labels(months) ==
          std::vector<std::string>{"Dec 2026", "Jan 2027", "Feb 2027", "Mar 2027"});
    const auto years = date_ticks((nov24 - 3 * 365) * day, nov24 * day, 4);
    CHECK(labels(years) == std::vector<std::string>{"2024", "2025", "2026"});
}

TEST_CASE("a time domain covers whole days around the sessions") {
    const auto [low, high] = day_domain(nov24 * day + 3600, nov24 * day + 7200);
    CHECK(low == nov24 * day);
    CHECK(high == (nov24 + 1) * day);
    const auto [wide_low, wide_high] = day_domain(nov24 * day, nov24 * day, 3);
    CHECK(wide_high - wide_low == 3 * day);
}

TEST_CASE("a chart is one image labelled by its own title and description") {
    Chart chart("chart-x", 100, 50, "Scores & <things>", "What it shows");
    chart.text(1, 2, "<script>", "label");
    chart.tooltip("a \"tip\"");
    const std::string svg = chart.finish();
    CHECK(svg.starts_with("<svg id=\"chart-x\" class=\"chart\" role=\"img\" "
                          "aria-labelledby=\"chart-x-title chart-x-desc\" viewBox=\"0 0 100 50\""));
    CHECK(svg.find("<title id=\"chart-x-title\">Scores &amp; &lt;things&gt;</title>") !=
          std::string::npos);
    CHECK(svg.find("<desc id=\"chart-x-desc\">What it shows</desc>") != std::string::npos);
    CHECK(svg.find("<g><title>a &quot;tip&quot;</title><text class=\"label\" x=\"1\" y=\"2\" "
                   "text-anchor=\"start\">&lt;script&gt;</text></g>") != std::string::npos);
    CHECK(svg.find("<script>") == std::string::npos);
}

TEST_CASE("lines of text are one <text> of <tspan>s, each escaped, each under the one before") {
    Chart chart("chart-z", 100, 50, "t", "d");
    chart.text_lines(270, 20, {"sd: Model choice and", "<training>"}, 14, "label", Anchor::end);
    CHECK(chart.finish().find("<text class=\"label\" x=\"270\" y=\"20\" text-anchor=\"end\">"
                              "<tspan x=\"270\" dy=\"0\">sd: Model choice and</tspan>"
                              "<tspan x=\"270\" dy=\"14\">&lt;training&gt;</tspan></text>\n") !=
          std::string::npos);
}

TEST_CASE("centred lines sit on a single line's baseline, two lines half a line above it") {
    Chart chart("chart-c", 100, 50, "t", "d");
    chart.centred_lines(270, 40, {"one line"}, 14, "label", Anchor::end);
    chart.centred_lines(270, 80, {"first", "second"}, 14, "label", Anchor::end);
    chart.centred_lines(270, 120, {}, 14, "label", Anchor::end);
    const std::string svg = chart.finish();
    CHECK(svg.find("<text class=\"label\" x=\"270\" y=\"40\" text-anchor=\"end\">one "
                   "line</text>") != std::string::npos);
    CHECK(svg.find("<text class=\"label\" x=\"270\" y=\"73\" text-anchor=\"end\">"
                   "<tspan x=\"270\" dy=\"0\">first</tspan>") != std::string::npos);
    CHECK(svg.find("y=\"120\"") == std::string::npos); // no lines, nothing drawn
}

TEST_CASE("a hatch pattern gets an id of its chart, for a fill that prints in greyscale") {
    Chart chart("chart-y", 10, 10, "t", "d");
    CHECK(chart.hatch("over", "#fff", "#000") == "url(#chart-y-over)");
    CHECK(chart.finish().find("<pattern id=\"chart-y-over\"") != std::string::npos);
}

TEST_SUITE_END();
