// The calibration chart on its own: a bar from the zero line per criterion, right when the
// candidate scores themself higher, hatched left when lower, with both means in its note; the
// axis reaches the largest gap; no chart without reviews.
#include "report/calibration.hpp"

#include "../strings.hpp"

#include <doctest/doctest.h>

using namespace mockcoach;
using namespace mockcoach::testing;
using namespace mockcoach::report;

namespace {

history::CalibrationRow row(std::string criterion, double self, double reviewers,
                            std::size_t sessions = 2) {
    history::CalibrationRow r;
    r.rubric = "coding";
    r.rubric_name = "Coding";
    r.criterion = criterion;
    r.name = "Name of " + criterion;
    r.self_mean = self;
    r.reviewers_mean = reviewers;
    r.sessions = sessions;
    return r;
}

} // namespace

TEST_SUITE_BEGIN("report/calibration");

TEST_CASE("no compared criterion draws no chart") {
    CHECK(calibration_chart({}).empty());
}

TEST_CASE("each criterion is a bar from the zero line, with its means in the note") {
    history::Calibration calibration;
    calibration.criteria = {row("testing", 4.5, 2.25), row("clarity", 2, 3.5, 1)};
    calibration.categories = {row("", 3.25, 2.875)};
    const std::string svg = calibration_chart(calibration);
    CHECK(svg.starts_with("<svg "));
    CHECK(contains(svg, "role=\"img\""));
    CHECK(contains(svg, ">coding: Name of testing</text>"));
    CHECK(contains(svg, "+2.3 (you 4.5, reviewers 2.3) over 2 sessions"));
    CHECK(contains(svg, "-1.5 (you 2.0, reviewers 3.5) over 1 session<"));
    CHECK(count(svg, "class=\"zero\"") == 1);
    CHECK(count(svg, "class=\"calibration-under\"") == 2); // the bar and the legend's
    // The axis reaches the largest gap rounded up: -3 to 3 here.
    CHECK(contains(svg, ">-3<"));
    CHECK(contains(svg, ">3<"));
    CHECK_FALSE(contains(svg, ">4<"));

    const std::string table = calibration_table(calibration);
    CHECK(contains(table, "<td>coding</td><td>Name of clarity</td><td class=\"number\">2.0</td>"
                          "<td class=\"number\">3.5</td><td class=\"number\">-1.5</td>"
                          "<td class=\"number\">1</td></tr>"));
    CHECK(contains(table, "<caption>Per category</caption>"));
}

TEST_CASE("a long criterion's label goes on two lines rather than being cut") {
    history::Calibration calibration;
    calibration.criteria = {row("data", 4, 3), row("clarity", 3, 3.5)};
    calibration.criteria[0].rubric = "ml-system-design";
    calibration.criteria[0].name = "Data collection, labelling and features";
    const std::string svg = calibration_chart(calibration);
    CHECK(contains(svg, ">ml-system-design: Data collection,</tspan>"));
    CHECK(contains(svg, ">labelling and features</tspan>"));
    CHECK_FALSE(contains(svg, "\u2026"));
    // The short one stays on one line.
    CHECK(contains(svg, ">coding: Name of clarity</text>"));
}

TEST_CASE("only the criteria with the largest gaps are drawn; the table has them all") {
    history::Calibration calibration;
    for (std::size_t i = 0; i < calibration_shown + 3; ++i)
        calibration.criteria.push_back(row("c" + std::to_string(i), 3, 3));
    const std::string svg = calibration_chart(calibration);
    CHECK(count(svg, "class=\"label\"") == calibration_shown);
    CHECK(count(calibration_table(calibration), "<tr><td>coding</td><td>Name of c") ==
          calibration_shown + 3);
}

TEST_SUITE_END();
