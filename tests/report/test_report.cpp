// The whole page from known sessions: seven accessible charts, their tables, escaping of every
// user string, nothing fetched or run, the same bytes for the same data, and the friendly pages.
#include "report/report.hpp"
#include "util/wall_time.hpp"

#include "../history/fixtures.hpp"
#include "../strings.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <fmt/format.h>

using namespace mockcoach::testing;

using namespace mockcoach;
using history_fixtures::session;

namespace {

history::Session with_phases(history::Session s, std::int64_t overtime) {
    s.phases = {{"Requirements", 300, 0, 280, 0, 0},
                {"Deep Dive", 1200, 0, 1200 + overtime, 0, overtime}};
    return s;
}

// Newest first, as loaded: three categories, a blind session named right and one named wrong.
std::vector<history::Session> sessions() {
    std::vector<history::Session> oldest_first = {
        with_phases(session("sd", 1, {2, 3}), 120), with_phases(session("sd", 3, {3, 4}), 0),
        with_phases(session("dsa", 4, {4, 4}), 60), with_phases(session("sd", 6, {4, 5}), 30),
        with_phases(session("ml", 7, {1}), 0)};
    oldest_first[2].category_guess = "dsa";
    oldest_first[2].category_guess_correct = true;
    oldest_first[4].category_guess = "sd";
    oldest_first[4].category_guess_correct = false;
    oldest_first[1].key_points = {{"Sizes the write rate", transcript::Coverage::missed},
                                  {"Caches hot redirects", transcript::Coverage::covered}};
    oldest_first[3].key_points = {{"Sizes the write rate", transcript::Coverage::partly},
                                  {"Caches hot redirects", transcript::Coverage::covered}};
    oldest_first[3].review_scores = {{"Sam", "c0", 2}, {"Sam", "c1", 5}}; // self 4 and 5
    std::reverse(oldest_first.begin(), oldest_first.end());
    return oldest_first;
}

const std::vector<history::BankShare> bank_shares = {
    {"sd", "System Design", 0.5}, {"dsa", "DSA", 0.3}, {"ml", "ML", 0.2}};

report::Heading heading(std::size_t in_folder = 5) {
    return {"2026-11-25", "/home/me/sessions", {"--since 2026-11-01"}, in_folder};
}

std::string page() {
    const auto all = sessions();
    return report::render_html(report::build_report(heading(), all, bank_shares));
}

} // namespace

TEST_SUITE_BEGIN("report/report");

TEST_CASE("the report draws seven charts, each an image with a title and a description") {
    const std::string html = page();
    CHECK(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    CHECK(count(html, "<svg ") == 7);
    CHECK(count(html, "role=\"img\"") == 7);
    for (const char* id : {"chart-scores", "chart-key-points", "chart-criteria",
                           "chart-calibration", "chart-phases", "chart-coverage", "chart-blind"}) {
        CAPTURE(id);
        CHECK(contains(html, fmt::format("aria-labelledby=\"{0}-title {0}-desc\"", id)));
        CHECK(contains(html, fmt::format("<title id=\"{}-title\">", id)));
        CHECK(contains(html, fmt::format("<desc id=\"{}-desc\">", id)));
    }
    // One per chart (calibration's two: criteria and categories) and the latest sessions.
    CHECK(count(html, "<table>") == 9);
    CHECK(count(html, "</section>") == 9); // and the due load's, which says why it has no chart
}

TEST_CASE("the calibration chart sets each reviewed criterion against the self-score") {
    const std::string html = page();
    CHECK(contains(html, ">sd: Criterion 0</text>"));
    CHECK(contains(html, "+2.0 (you 4.0, reviewers 2.0) over 1 session"));
    CHECK(contains(html, "0.0 (you 5.0, reviewers 5.0) over 1 session"));
    // Without reviews, the section is the sentence that says how to get them.
    auto unreviewed = sessions();
    for (auto& s : unreviewed) s.review_scores.clear();
    const std::string plain =
        report::render_html(report::build_report(heading(), unreviewed, bank_shares));
    CHECK(contains(plain, "<p class=\"empty\">No reviews yet: after a session with a partner, "
                          "<code>mockcoach score SESSION --by NAME</code> records theirs.</p>"));
    CHECK_FALSE(contains(plain, "chart-calibration"));
}

TEST_CASE("the key-point chart draws each checked session's coverage and the point missed most") {
    const std::string html = page();
    CHECK(contains(html, "covered (%)"));
    CHECK(contains(html, "2 checked, mean 62.5% covered")); // 50% then 75%
    CHECK(contains(html, "2026-11-03: 50.0% covered"));
    CHECK(contains(html, "<td>Sizes the write rate</td><td>1 of 2, 1 partly</td>"));
}

TEST_CASE("the report's charts have axis labels with their units") {
    const std::string html = page();
    CHECK(contains(html, "score (1\u20135)"));
    CHECK(contains(html, "date of the session (local time)"));
    CHECK(contains(html, " min</text>"));
    CHECK(contains(html, "share (%)"));
    CHECK(contains(html, "mean self-score (1\u20135)"));
    CHECK(contains(html, "named right (%)"));
}

TEST_CASE("the report says where its sessions came from, the filters and the date given") {
    const std::string html = page();
    CHECK(contains(html, "5 sessions from 2026-11-01 to 2026-11-07 \u00b7 matching --since "
                         "2026-11-01 \u00b7 read from /home/me/sessions"));
    CHECK(contains(html, "Generated on 2026-11-25 by mockcoach " MOCKCOACH_VERSION));
}

TEST_CASE("the same data gives the same page, byte for byte") {
    CHECK(page() == page());
}

TEST_CASE("the report fetches nothing and runs nothing") {
    const std::string html = page();
    for (const char* part : {"<script", "http:", "https:", "src=", "<link", "@import", "url(h",
                             "javascript:", "@font-face"}) {
        CAPTURE(part);
        CHECK_FALSE(contains(html, part));
    }
    CHECK(contains(html, "Content-Security-Policy\" content=\"default-src 'none'"));
}

TEST_CASE("every string from a user's file is escaped, in charts and in tables") {
    auto all = sessions();
    const std::string evil = "<script>alert('x')</script> & \"quoted\"";
    for (auto& s : all) {
        s.rubric_name = evil;
        s.question = evil;
        for (auto& phase : s.phases) phase.name = evil;
        for (auto& score : s.scores) score.name = evil;
        for (auto& point : s.key_points) point.text = evil;
    }
    const std::vector<history::BankShare> evil_bank = {{"sd", evil, 1.0}};
    report::Heading evil_heading = heading();
    evil_heading.sessions_folder = "/tmp/<img src=x>";
    evil_heading.filters = {"--category <b>"};
    const std::string html =
        report::render_html(report::build_report(evil_heading, all, evil_bank));
    CHECK_FALSE(contains(html, "<script"));
    CHECK_FALSE(contains(html, "<img"));
    CHECK_FALSE(contains(html, "<b>"));
    CHECK_FALSE(contains(html, "'x'"));
    CHECK(
        contains(html, "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;"));
    CHECK(count(html, "<svg ") == 7);
}

TEST_CASE("a chart with nothing to draw gives way to a line saying why") {
    auto all = sessions();
    for (auto& s : all) {
        s.category_guess.reset();
        s.key_points.clear();
    }
    const std::string html = report::render_html(report::build_report(heading(), all, bank_shares));
    CHECK(count(html, "<svg ") == 5);
    CHECK(contains(html, "No blind sessions yet"));
    CHECK(contains(html, "No key points checked yet"));
}

TEST_CASE("an empty history gives a friendly page, not an error") {
    const std::string html = report::render_html(
        report::build_report(heading(0), std::vector<history::Session>{}, bank_shares));
    CHECK(count(html, "<svg") == 0);
    CHECK(contains(html, "No sessions yet in /home/me/sessions."));
    CHECK(contains(html, "<code>mockcoach start</code>"));
    CHECK(html.ends_with("</html>\n"));
}

TEST_CASE("when no session matches the filters, the page says so and how many there are") {
    const std::string html = report::render_html(
        report::build_report(heading(7), std::vector<history::Session>{}, bank_shares));
    CHECK(contains(html, "None of the 7 sessions in the folder match these filters."));
    CHECK(contains(html, "matching --since 2026-11-01"));
}

TEST_CASE("phases are drawn per category in their rubric's order, overtime hatched") {
    const std::string html = page();
    const auto requirements = html.find(">Requirements</text>");
    const auto deep_dive = html.find(">Deep Dive</text>");
    REQUIRE(requirements != std::string::npos);
    REQUIRE(deep_dive != std::string::npos);
    CHECK(requirements < deep_dive);
    CHECK(contains(html, "fill=\"url(#chart-phases-overtime)\""));
    CHECK(contains(html, "20:50 of 20:00 (+00:50) \u00b7 2 of 3 overran"));
}

TEST_CASE("the weakest criteria show the sessions behind each") {
    const std::string html = page();
    CHECK(contains(html, ">ml: Criterion 0</text>"));
    CHECK(contains(html, ">1.0 over 1 session</text>"));
    CHECK(contains(html, ">3.0 over 3 sessions</text>"));
}

TEST_CASE("the scores panel gives each category's last-5 trend") {
    const std::string html = page();
    CHECK(contains(html, ">3 scored, mean 3.5 \u00b7 last 1: +1.0 \u2191 on the 1 before</text>"));
}

TEST_CASE("the due load gets its own section: the chart with its table, or why there is none") {
    const auto all = sessions();
    report::DueLoad due{days_from_civil(2026, 11, 25), std::vector<std::size_t>(30, 0)};
    const std::string none =
        report::render_html(report::build_report(heading(), all, bank_shares, due));
    CHECK(contains(none, "<section id=\"due\">"));
    CHECK(contains(none, "No review falls due in the next 30 days"));
    CHECK_FALSE(contains(none, "chart-due"));
    due.per_day[0] = 2;
    due.per_day[4] = 1;
    const std::string html =
        report::render_html(report::build_report(heading(), all, bank_shares, due));
    CHECK(count(html, "<svg ") == 8);
    CHECK(contains(html, "<desc id=\"chart-due-desc\">"));
    CHECK(
        contains(html, "<td>2026-11-25 (today, with the overdue)</td><td class=\"number\">2</td>"));
    CHECK(contains(html, "<td>2026-11-29</td><td class=\"number\">1</td>"));
    CHECK(contains(html, "<a href=\"#due\">Reviews due</a>"));
}

TEST_CASE("the default file name carries the date given") {
    CHECK(report::default_stem("2026-11-25") == "report-2026-11-25");
}

TEST_SUITE_END();
