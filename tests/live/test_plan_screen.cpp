// The screens before the clock as lines: the plan keeps the key that starts it at any size,
// and the --blind pick never cuts a framework's name below what tells it from the others.
#include "live/screen.hpp"

#include "../session/plans.hpp"
#include "screens.hpp"
#include "util/text.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <regex>

using namespace mockcoach;
using namespace mockcoach::live;
using mockcoach::test_screens::check_fits;
using mockcoach::test_screens::contains;
using mockcoach::test_screens::frameworks;
using mockcoach::test_screens::view_of;

namespace {

// The shipped ML System Design rubric's plan, with a long question.
session::Plan long_plan() {
    session::Plan plan = test_plans::small_plan({300'000, 600'000, 1'200'000, 600'000});
    plan.rubric_name = "ML System Design";
    plan.question = "Design a fraud detection system that scores every card transaction within 50 "
                    "ms, knowing that confirmed fraud labels arrive weeks later through "
                    "chargebacks.";
    plan.testing = "Can you design end-to-end ML systems at scale, and defend each trade-off?";
    plan.tip = "Always discuss scale, latency, accuracy and trade-offs.";
    return plan;
}

// What the pick screen shows of choice `number`: the text after "N. " up to "…", the next
// column or the end of the line; empty when it is not on screen.
std::string shown_name(const Lines& lines, std::size_t number) {
    const std::string label = std::to_string(number) + ". ";
    for (const std::string& line : lines) {
        std::size_t at = line.find(label);
        // "1. " is also the end of "11. ": the label starts a cell.
        while (at != std::string::npos && at > 0 && line[at - 1] != ' ')
            at = line.find(label, at + 1);
        if (at == std::string::npos) continue;
        std::string rest = line.substr(at + label.size());
        // The next column starts with a number.
        static const std::regex next_cell(" +[0-9]+\\. ");
        std::smatch next;
        const std::size_t cell_end = std::regex_search(rest, next, next_cell)
                                         ? static_cast<std::size_t>(next.position())
                                         : rest.size();
        rest = rest.substr(0, std::min({rest.find("\u2026"), cell_end, rest.size()}));
        while (!rest.empty() && rest.back() == ' ') rest.pop_back();
        return rest;
    }
    return {};
}

const Size sizes[] = {{40, 15}, {40, 30}, {80, 24}, {120, 40}};

} // namespace

TEST_SUITE_BEGIN("live/plan_screen");

TEST_CASE("the plan keeps Enter start the clock on screen, giving up the tip first") {
    for (const Size size : sizes) {
        CAPTURE(size.columns);
        CAPTURE(size.rows);
        const View view = view_of(size.columns, size.rows);
        const Lines lines = plan_screen(long_plan(), true, view);
        check_fits(lines, view);
        CHECK(lines.back().find("Enter start") != std::string::npos);
        CHECK(contains(lines, "  Design a fraud detection system"));
        CHECK(contains(lines, "mockcoach \u00b7 ML System Design"));
        CHECK(contains(lines, "1. Clarify"));
    }
    const Lines small = plan_screen(long_plan(), true, view_of(40, 15));
    CHECK_FALSE(contains(small, "trade-offs.")); // the tip's end went first
    CHECK(contains(small, "  chargebacks."));    // the question stays whole here
    const Lines tall = plan_screen(long_plan(), true, view_of(80, 24));
    CHECK(contains(tall, "Tip: Always discuss scale"));
    CHECK(contains(tall, "4. Wrap up"));
}

TEST_CASE("the plan shows the scratchpad's path whole where it fits, else its file name") {
    const std::string path = "/home/candidate/.local/share/mockcoach/sessions/"
                             "20261207-175411-ml-system-design-fraud-detection.scratch.txt";
    const auto joined = [](const Lines& lines) {
        std::string all;
        for (const std::string& line : lines) all += line;
        return all;
    };
    for (const Size size : sizes) {
        CAPTURE(size.columns);
        CAPTURE(size.rows);
        View view = view_of(size.columns, size.rows);
        view.scratch = path;
        const Lines lines = plan_screen(long_plan(), true, view);
        check_fits(lines, view);
        CHECK(lines.back().find("Enter start") != std::string::npos);
        CHECK(contains(lines, "Scratchpad:"));
        CHECK(joined(lines).find("fraud-detection.scratch.txt") != std::string::npos);
    }
    View tall = view_of(80, 24);
    tall.scratch = path;
    CHECK(joined(plan_screen(long_plan(), true, tall)).find(path) != std::string::npos);
    View small = view_of(40, 15);
    small.scratch = path;
    // At 40x15 the whole path stays, to copy into an editor; the last phases give way.
    const Lines small_lines = plan_screen(long_plan(), true, small);
    CHECK(joined(small_lines).find(path) != std::string::npos);
    CHECK_FALSE(contains(small_lines, "4. Wrap up"));
    // Where even that does not fit, one line ends in the file's name.
    CHECK(scratch_line(path, 60) ==
          "Scratchpad: \u202611-ml-system-design-fraud-detection.scratch.txt");
    CHECK(scratch_line("/s/p.txt", 40) == "Scratchpad: /s/p.txt");
    // --blind, before the guess: the path would name the category.
    CHECK_FALSE(contains(plan_screen(long_plan(), false, tall), "Scratchpad"));
}

TEST_CASE("the plan shows the partner's packet's path beside the pad's, to its file name") {
    const std::string packet = "/home/candidate/.local/share/mockcoach/sessions/"
                               "20261207-175411-ml-system-design-fraud-detection.packet.html";
    const std::string pad = "/s/20261207-175411-ml-system-design-fraud-detection.scratch.txt";
    const auto joined = [](const Lines& lines) {
        std::string all;
        for (const std::string& line : lines) all += line;
        return all;
    };
    for (const Size size : sizes) {
        CAPTURE(size.columns);
        CAPTURE(size.rows);
        View view = view_of(size.columns, size.rows);
        view.packet = packet;
        view.scratch = pad;
        const Lines lines = plan_screen(long_plan(), true, view);
        check_fits(lines, view);
        CHECK(lines.back().find("Enter start") != std::string::npos);
        CHECK(contains(lines, "Packet:"));
        CHECK(contains(lines, "Scratchpad:"));
        // At least the file's name, whatever the size; the whole path where it fits.
        CHECK(joined(lines).find("fraud-detection.packet.html") != std::string::npos);
    }
    View tall = view_of(80, 24);
    tall.packet = packet;
    CHECK(joined(plan_screen(long_plan(), true, tall)).find(packet) != std::string::npos);
    // --blind, before the guess: as the pad's, the path would name the category.
    CHECK_FALSE(contains(plan_screen(long_plan(), false, tall), "Packet"));
    CHECK(path_line("Packet: ", packet, 50) ==
          "Packet: \u2026system-design-fraud-detection.packet.html");
    // Without --partner, no such line.
    CHECK_FALSE(contains(plan_screen(long_plan(), true, view_of(80, 24)), "Packet"));
}

TEST_CASE("the blind pick shows every framework, each name telling it from the others") {
    for (const Size size : sizes) {
        CAPTURE(size.columns);
        CAPTURE(size.rows);
        View view = view_of(size.columns, size.rows);
        view.draft = "1";
        const Lines lines = pick_screen(long_plan(), frameworks, view);
        check_fits(lines, view);
        CHECK(contains(lines, "  Design a fraud detection system"));
        CHECK(contains(lines, "number> 1"));
        CHECK(contains(lines, "type a number"));
        for (std::size_t i = 0; i < frameworks.size(); ++i) {
            CAPTURE(frameworks[i]);
            const std::string shown = shown_name(lines, i + 1);
            REQUIRE_FALSE(shown.empty());
            CHECK(frameworks[i].rfind(shown, 0) == 0);
            // Its first word whole, and no other name starts the same way.
            const std::size_t first_word = std::min(frameworks[i].find(' '), frameworks[i].size());
            CHECK(shown.size() >= first_word);
            for (std::size_t j = 0; j < frameworks.size(); ++j)
                if (j != i && shown.size() < frameworks[i].size()) {
                    CAPTURE(frameworks[j]);
                    CHECK(frameworks[j].rfind(shown, 0) != 0);
                }
        }
    }
    // The names that used to read "Ma…", "Mo…" and "ML…" at 40x15.
    const Lines small = pick_screen(long_plan(), frameworks, view_of(40, 15));
    CHECK(contains(small, "Model Deployment"));
    CHECK(contains(small, "Model Evaluation"));
    CHECK(contains(small, "MLOps"));
    CHECK(contains(small, "ML System Desi"));
    CHECK(contains(small, "Machine Learni"));
}

TEST_SUITE_END();

TEST_CASE("in a loop the plan's first line says which round and question it is, at any size") {
    for (const Size size : sizes) {
        CAPTURE(size.columns);
        View view = view_of(size.columns, size.rows);
        view.place = "round 2/4 \u00b7 q 1/2";
        const Lines lines = plan_screen(long_plan(), true, view);
        check_fits(lines, view);
        // The rubric's name is cut first: the place always shows whole.
        CHECK(lines.front().starts_with("mockcoach \u00b7 ML"));
        CHECK(lines.front().ends_with(" \u00b7 round 2/4 \u00b7 q 1/2"));
    }
    // Outside a loop the first line is as it was.
    CHECK(plan_screen(long_plan(), true, view_of(80, 24)).front() ==
          "mockcoach \u00b7 ML System Design");
}
