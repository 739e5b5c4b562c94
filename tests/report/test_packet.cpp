// The interviewer's packet: every part of it for shipped questions of three kinds, the seeded
// follow-up times against the engine's golden ones, the windows without a seed, escaping, and
// the Markdown variant.
#include "report/html.hpp"
#include "report/packet.hpp"

#include "util/text.hpp"

#include "../strings.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

using namespace mockcoach;
using namespace mockcoach::testing;

namespace {

const rubric::Catalog& shipped() {
    static const rubric::Catalog catalog = rubric::build_catalog({rubric::embedded_layer()});
    return catalog;
}

struct Shipped {
    const rubric::Rubric* rubric;
    const rubric::Question* question;
};

Shipped find(std::string_view rubric_id, std::string_view question_id) {
    const rubric::Rubric* rubric = shipped().find(rubric_id);
    REQUIRE(rubric != nullptr);
    const rubric::Question* question = rubric->find_question(question_id);
    REQUIRE(question != nullptr);
    return {rubric, question};
}

// The text between `from` and the next `to` after it ("" when `from` is absent).
std::string between(const std::string& text, std::string_view from, std::string_view to) {
    const auto start = text.find(from);
    if (start == std::string::npos) return "";
    return text.substr(start, text.find(to, start) - start);
}

// Everything a partner needs, checked part by part against the rubric it came from.
void check_every_part(const std::string& html, const rubric::Rubric& rubric,
                      const rubric::Question& question) {
    using report::escape;
    CAPTURE(question.id);
    CHECK(contains(html, "<h2>How to run this interview</h2>"));
    CHECK(contains(html, "<blockquote class=\"question\"><p>" + escape(question.text)));
    CHECK(contains(html, escape(rubric.name) + " (" + rubric.id + ")"));
    if (!rubric.testing.empty()) CHECK(contains(html, escape(rubric.testing)));
    if (!rubric.tip.empty()) CHECK(contains(html, escape(rubric.tip)));
    const std::string phases = between(html, "<section id=\"phases\">", "</section>");
    for (const auto& phase : rubric.phases) {
        CHECK(contains(phases,
                       fmt::format("<td>{}</td><td class=\"number\">{}</td>", escape(phase.name),
                                   format_clock(phase.budget_seconds()))));
        for (const auto& prompt : phase.prompts)
            CHECK(contains(phases, "<li>" + escape(prompt) + "</li>"));
    }
    const std::string followups = between(html, "<section id=\"followups\">", "</section>");
    for (const auto& followup : question.followups)
        CHECK(contains(followups, escape(followup.text)));
    const std::string points = between(html, "<section id=\"key-points\">", "</section>");
    const std::string sheet = between(html, "<section id=\"score-sheet\"", "</section>");
    for (const auto& point : question.key_points) {
        CHECK(contains(points, "<li>" + escape(point) + "</li>"));
        CHECK(contains(sheet, "<tr><td>" + escape(point) + "</td><td class=\"tick\">"));
    }
    const std::string criteria = between(html, "<section id=\"criteria\">", "</section>");
    for (const auto& criterion : rubric.criteria) {
        CHECK(contains(criteria, "<caption>" + escape(criterion.name) + "</caption>"));
        for (int level : {1, 3, 5})
            CHECK(contains(criteria, fmt::format("<td class=\"number\">{}</td><td>{}</td>", level,
                                                 escape(criterion.levels.at(level)))));
        CHECK(contains(sheet, "<tr><td>" + escape(criterion.name) +
                                  "</td><td class=\"boxes\"><span class=\"box\">1</span>"));
    }
    CHECK(count(sheet, "<span class=\"box\">5</span>") == rubric.criteria.size());
    CHECK(count(sheet, "<span class=\"box\"></span>") == 3 * question.key_points.size());
    CHECK(contains(sheet, "<h3>Comments</h3>"));
    CHECK(contains(sheet, "run <code>mockcoach score "));
    CHECK(contains(sheet, " --by YOUR-NAME</code>"));
}

} // namespace

TEST_SUITE_BEGIN("report/packet");

TEST_CASE("a packet holds every part for a system-design, a behavioral and an ML question") {
    for (const auto& [rubric_id, question_id] : std::vector<std::pair<std::string, std::string>>{
             {"system-design", "url-shortener"},
             {"behavioral", "end-to-end-project"},
             {"ml-system-design", shipped().find("ml-system-design")->questions.front().id},
             {"machine-learning", shipped().find("machine-learning")->questions.front().id}}) {
        const Shipped q = find(rubric_id, question_id);
        check_every_part(report::render_packet_html(report::make_packet(*q.rubric, *q.question, 3)),
                         *q.rubric, *q.question);
        check_every_part(
            report::render_packet_html(report::make_packet(*q.rubric, *q.question, std::nullopt)),
            *q.rubric, *q.question);
    }
}

TEST_CASE("with a seed each follow-up is at the second the engine raises it") {
    const Shipped q = find("system-design", "url-shortener");
    const std::string html =
        report::render_packet_html(report::make_packet(*q.rubric, *q.question, 3));
    // The golden times of seed 3, as tests/e2e/test_coach.cpp sees the session raise them.
    CHECK(contains(html, "<tr><td>Requirements</td><td class=\"when\">at 01:21 into the phase"
                         "</td><td>Do links ever expire, and can users pick their own custom "
                         "alias?</td></tr>"));
    CHECK(contains(html, "<td>Deep Dive</td><td class=\"when\">at 08:40 into the phase</td>"));
    CHECK(contains(html, "<td>Trade-offs</td><td class=\"when\">at 03:27 into the phase</td>"));
    CHECK(contains(html, "seed 3"));
    CHECK(contains(html, "counted on the phase&#39;s clock"));
}

TEST_CASE("without a seed each follow-up has the middle half of its phase as its window") {
    const Shipped q = find("system-design", "url-shortener");
    const std::string html =
        report::render_packet_html(report::make_packet(*q.rubric, *q.question, std::nullopt));
    CHECK(contains(html, "<td>Requirements</td><td class=\"when\">between 01:15 and 03:45 into "
                         "the phase</td>"));
    CHECK(contains(html, "<td>Deep Dive</td><td class=\"when\">between 05:00 and 15:00 into the "
                         "phase</td>"));
    CHECK(contains(html, "<td>Trade-offs</td><td class=\"when\">between 02:30 and 07:30 into "
                         "the phase</td>"));
    CHECK_FALSE(contains(html, "seed"));
    CHECK_FALSE(contains(html, " at 0"));
}

TEST_CASE("the phases table gives each phase's budget and when it starts") {
    const Shipped q = find("system-design", "url-shortener");
    const std::string html =
        report::render_packet_html(report::make_packet(*q.rubric, *q.question, 3));
    CHECK(contains(html, "<td>Requirements</td><td class=\"number\">05:00</td><td "
                         "class=\"number\">00:00</td>"));
    CHECK(contains(html, "<td>Trade-offs</td><td class=\"number\">10:00</td><td "
                         "class=\"number\">35:00</td>"));
    CHECK(contains(html, "<p>Total: 45:00.</p>"));
    CHECK(contains(html, "4 phases, 45:00 in all"));
}

TEST_CASE("a packet for a session names it, and one for `packet` the start line to match") {
    const Shipped q = find("system-design", "url-shortener");
    auto packet = report::make_packet(*q.rubric, *q.question, 3, "20261124-233012-sd-url");
    CHECK(contains(report::render_packet_html(packet), "session 20261124-233012-sd-url"));
    CHECK(contains(report::render_packet_html(packet), "candidate&#39;s mockcoach screen"));
    packet = report::make_packet(*q.rubric, *q.question, 3);
    packet.start_line = "mockcoach start --seed 3";
    CHECK(
        contains(report::render_packet_html(packet), "run <code>mockcoach start --seed 3</code>"));
}

namespace {

// A rubric whose every text tries to break out of the page.
struct Hostile {
    rubric::Rubric rubric;
    rubric::Question question;
    Hostile() {
        rubric.id = "hostile";
        rubric.name = "Bold <b>&amp; \"quoted\"";
        rubric.testing = "<script>alert(1)</script>";
        rubric.tip = "Fetch <img src=\"https://example.com/x.png\">";
        rubric.phases = {{"Talk <i>", 4, {"prompt & | pipe"}}};
        rubric.criteria = {
            {"c", "Crit \"one\" <u>", {{1, "low <1>"}, {3, "mid & so"}, {5, "a|b"}}}};
        question.id = "q";
        question.text = "Why <script src=\"http://evil.example/x.js\"></script> & \"so\"?";
        question.key_points = {"point <with> | pipe & *stars*"};
        question.followups = {{"Talk <i>", "follow <up> & \"more\"", {}}};
    }
};

} // namespace

TEST_CASE("every text from a rubric is escaped, and the page has no script and fetches nothing") {
    const Hostile h;
    const std::string html =
        report::render_packet_html(report::make_packet(h.rubric, h.question, 1));
    CHECK_FALSE(contains(html, "<script"));
    CHECK_FALSE(contains(html, "<b>"));
    CHECK_FALSE(contains(html, "<img"));
    CHECK_FALSE(contains(html, "<i>"));
    CHECK_FALSE(contains(html, "<up>"));
    CHECK_FALSE(contains(html, "src=\"http"));
    CHECK_FALSE(contains(html, "href=\"http"));
    CHECK_FALSE(contains(html, "url("));
    CHECK(contains(html, "Why &lt;script src=&quot;http://evil.example/x.js&quot;&gt;&lt;/script"
                         "&gt; &amp; &quot;so&quot;?"));
    CHECK(contains(html, "Bold &lt;b&gt;&amp;amp; &quot;quoted&quot;"));
    CHECK(contains(html, "follow &lt;up&gt; &amp; &quot;more&quot;"));
    CHECK(contains(html, "<td>low &lt;1&gt;</td>"));
    CHECK(contains(html, "point &lt;with&gt; | pipe &amp; *stars*"));
    CHECK(contains(html, "Content-Security-Policy\" content=\"default-src 'none'"));
}

TEST_CASE("the page keeps tables whole on paper and gives the score sheet its own page") {
    const Shipped q = find("behavioral", "end-to-end-project");
    const std::string html =
        report::render_packet_html(report::make_packet(*q.rubric, *q.question, 3));
    const std::string print = between(html, "@media print", "</style>");
    CHECK(contains(print,
                   "table, tr, blockquote, dl, .comments, .criterion { break-inside: avoid; }"));
    CHECK(contains(print, "section.sheet { break-before: page; }"));
    CHECK(contains(html, "color: #000"));
}

TEST_CASE("the Markdown packet holds the same parts as GFM tables with [ ] boxes") {
    const Shipped q = find("system-design", "url-shortener");
    const std::string md =
        report::render_packet_markdown(report::make_packet(*q.rubric, *q.question, 3));
    CHECK(md.starts_with("# Interviewer's packet: System Design\n\nsystem-design/url-shortener"));
    CHECK(contains(md, "\n## How to run this interview\n\n1. You play the interviewer."));
    CHECK(contains(md, "\n> Design a URL shortening service that handles 100 million new links "
                       "a month.\n"));
    CHECK(contains(md, "| # | Phase | Budget | Starts at | What the candidate should cover |\n"
                       "| ---: | --- | ---: | ---: | --- |\n| 1 | Requirements | 05:00 | 00:00 |"));
    CHECK(contains(md, "| Requirements | at 01:21 into the phase | Do links ever expire, and can "
                       "users pick their own custom alias? |\n"));
    CHECK(contains(md, "| Deep Dive | at 08:40 into the phase |"));
    CHECK(contains(md, "\n1. Sizes it: 100M/month = \\~40 writes/s"));
    for (const auto& criterion : q.rubric->criteria) {
        CHECK(contains(md, "\n### " + criterion.name + "\n\n| Score | What it looks like |\n"));
        CHECK(contains(md, "| " + criterion.name + " | [ ] 1 [ ] 2 [ ] 3 [ ] 4 [ ] 5 |  |\n"));
    }
    CHECK(contains(md, "| Key point | Covered | Partly | Missed |\n"));
    CHECK(count(md, "| [ ] | [ ] | [ ] |\n") == q.question->key_points.size());
    CHECK(contains(md, "\n### Comments\n"));
    CHECK_FALSE(contains(md, "<"));
}

TEST_CASE("Markdown text from a rubric cannot break a table or become markup") {
    const Hostile h;
    const std::string md =
        report::render_packet_markdown(report::make_packet(h.rubric, h.question, std::nullopt));
    CHECK(contains(md, "| 5 | a\\|b |\n"));
    CHECK(contains(md, "1. point \\<with\\> \\| pipe & \\*stars\\*\n"));
    CHECK(contains(md, "> Why \\<script src=\"http://evil.example/x.js\"\\>\\</script\\> & "
                       "\"so\"?\n"));
    for (auto at = md.find('<'); at != std::string::npos; at = md.find('<', at + 1))
        CHECK(md[at - 1] == '\\'); // no tag a Markdown renderer would pass through
}

TEST_CASE("the same packet renders to the same bytes") {
    const Shipped q = find("system-design", "url-shortener");
    const auto packet = report::make_packet(*q.rubric, *q.question, 9);
    CHECK(report::render_packet_html(packet) ==
          report::render_packet_html(report::make_packet(*q.rubric, *q.question, 9)));
}

TEST_SUITE_END();
