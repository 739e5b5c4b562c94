// The bar charts on their own: a short budget's axis in mm:ss, long criterion labels wrapped
// over two lines rather than cut, and the due load's bar a day.
#include "report/charts.hpp"
#include "util/wall_time.hpp"

#include "../strings.hpp"

#include <doctest/doctest.h>

using namespace mockcoach;
using namespace mockcoach::testing;

namespace {

history::PhaseStats phase(std::string name, std::size_t position, double used, double budget) {
    history::PhaseStats stats;
    stats.rubric = "behavioral";
    stats.name = std::move(name);
    stats.position = position;
    stats.sessions = 2;
    stats.mean_used_seconds = used;
    stats.mean_budget_seconds = budget;
    return stats;
}

} // namespace

TEST_SUITE_BEGIN("report/charts");

TEST_CASE("a rubric whose phases are short has its time axis in mm:ss, not fractions of minutes") {
    const std::string svg =
        report::phases_chart({phase("Situation", 0, 25, 30), phase("Action", 1, 70, 60)}, {});
    CHECK(contains(svg, ">00:00</text>"));
    CHECK(contains(svg, ">00:30</text>"));
    CHECK(contains(svg, ">01:00</text>"));
    CHECK_FALSE(contains(svg, " min</text>"));
    // A long budget keeps its minutes.
    const std::string long_one = report::phases_chart({phase("Deep Dive", 0, 1200, 1200)}, {});
    CHECK(contains(long_one, ">20 min</text>"));
}

TEST_CASE("a weakest criterion's long label is wrapped over two lines, not cut") {
    history::CriterionStats long_name{"ml-system-design", "model",
                                      "Model choice and training strategy", 2.0, 3};
    history::CriterionStats short_name{"dsa", "correctness", "Correctness", 3.0, 2};
    const std::string svg = report::criteria_chart({long_name, short_name});
    CHECK(contains(svg, "<tspan x=\"270\" dy=\"0\">ml-system-design: Model choice and</tspan>"
                        "<tspan x=\"270\" dy=\"14\">training strategy</tspan>"));
    CHECK_FALSE(contains(svg, "\u2026"));
    CHECK(contains(svg, ">dsa: Correctness</text>"));
}

TEST_CASE("a label too long even for two lines is cut on the second") {
    history::CriterionStats huge{"sd", "x", std::string(30, 'a') + " " + std::string(60, 'b'), 1.0,
                                 1};
    const std::string svg = report::criteria_chart({huge});
    CHECK(contains(svg, "<tspan x=\"270\" dy=\"0\">sd: " + std::string(30, 'a') + "</tspan>"));
    CHECK(contains(svg, "\u2026</tspan>"));
}

TEST_CASE("the due load draws a bar for each day with reviews, and nothing when none is due") {
    report::DueLoad due{days_from_civil(2026, 12, 7), std::vector<std::size_t>(30, 0)};
    CHECK(report::due_chart(due).empty());
    due.per_day[0] = 3; // today, overdue ones with it
    due.per_day[2] = 1;
    due.per_day[29] = 2;
    const std::string svg = report::due_chart(due);
    CHECK(svg.starts_with("<svg id=\"chart-due\" class=\"chart\" role=\"img\""));
    CHECK(count(svg, "class=\"due\"") == 4); // the legend's swatch and three bars
    CHECK(contains(svg, "<title>2026-12-07: 3 reviews due</title>"));
    CHECK(contains(svg, "<title>2026-12-09: 1 review due</title>"));
    CHECK(contains(svg, "<title>2027-01-05: 2 reviews due</title>"));
    CHECK(contains(svg, "6 reviews in all, at most 3 on one day."));
    CHECK(contains(svg, ">today</text>"));
    CHECK(contains(svg, ">12-14</text>"));     // a tick a week
    CHECK_FALSE(contains(svg, ">0.5</text>")); // counts are whole
}

TEST_SUITE_END();
