// The interactive review: answers typed line by line become scores, key points and a comment;
// a wrong answer is asked again, and input that ends early records nothing.
#include "cli/review_form.hpp"

#include "../strings.hpp"
#include "util/text.hpp"

#include <deque>
#include <doctest/doctest.h>

using namespace mockcoach;
using namespace mockcoach::testing;
using namespace mockcoach::cli;

namespace {

struct Answers {
    std::deque<std::string> lines;
    std::string shown{};
    ReviewFormIo io() {
        return {[this]() -> std::optional<std::string> {
                    if (lines.empty()) return std::nullopt;
                    std::string line = lines.front();
                    lines.pop_front();
                    return line;
                },
                [this](const std::string& text) { shown += text; }};
    }
};

std::vector<rubric::Criterion> criteria() {
    return {{"requirements", "Requirements", {{1, "Jumps in"}, {3, "Asks some"}, {5, "Scopes it"}}},
            {"depth", "Technical depth", {{1, "Vague"}, {2, "Thin"}, {3, "Sound"}, {5, "Deep"}}}};
}

} // namespace

TEST_SUITE_BEGIN("cli/review_form");

TEST_CASE("each criterion is asked with its 1, 3 and 5 anchors, then key points and a comment") {
    Answers answers{{"4", "s", "y", "partly", " Clear API. "}};
    ReviewFormIo io = answers.io();
    const auto review = ask_review(criteria(), {"Sizes the writes", "Caches redirects"}, io);
    REQUIRE(review);
    REQUIRE(review->scores.size() == 1);
    CHECK(review->scores[0].criterion == "requirements");
    CHECK(review->scores[0].name == "Requirements");
    CHECK(review->scores[0].value == 4);
    REQUIRE(review->key_points.size() == 2);
    CHECK(review->key_points[0].point == 1);
    CHECK(review->key_points[0].result == transcript::Coverage::covered);
    CHECK(review->key_points[1].result == transcript::Coverage::partly);
    CHECK(review->comment == "Clear API.");
    CHECK(contains(answers.shown, "\nRequirements (requirements)\n  1  Jumps in\n  3  Asks some\n"
                                  "  5  Scopes it\nScore 1-5, or s to skip: "));
    CHECK_FALSE(contains(answers.shown, "Thin")); // a 2 anchor is not shown
    CHECK(contains(answers.shown, "\nKey point 2 of 2: Caches redirects\n"));
}

TEST_CASE("an answer out of range is asked again") {
    Answers answers{{"6", "four", "5", "2", ""}};
    ReviewFormIo io = answers.io();
    const auto review = ask_review(criteria(), {}, io);
    REQUIRE(review);
    CHECK(review->scores.at(0).value == 5);
    CHECK(review->scores.at(1).value == 2);
    CHECK(count(answers.shown, "Type 1, 2, 3, 4 or 5, or s to skip.\n") == 2);
    CHECK(review->comment.empty());
}

TEST_CASE("input that ends before the comment records nothing") {
    Answers answers{{"4", "3"}};
    ReviewFormIo io = answers.io();
    CHECK_FALSE(ask_review(criteria(), {"A point"}, io));
}

TEST_CASE("key points take the session's own letters: y covered, p partly, n missed") {
    Answers answers{{"s", "s", "n", "c", "m", "y", "p", "missed", ""}};
    ReviewFormIo io = answers.io();
    const auto review = ask_review(criteria(), {"One", "Two", "Three", "Four"}, io);
    REQUIRE(review);
    REQUIRE(review->key_points.size() == 4);
    CHECK(review->key_points[0].result == transcript::Coverage::missed);
    // c and m are not the session's letters: asked again, and y, p are taken.
    CHECK(review->key_points[1].result == transcript::Coverage::covered);
    CHECK(review->key_points[2].result == transcript::Coverage::partly);
    CHECK(review->key_points[3].result == transcript::Coverage::missed);
    CHECK(count(answers.shown, "Type y (covered), p (partly), n (missed) or s (skip).\n") == 2);
    CHECK(contains(answers.shown, "covered, partly or missed (y, p, n), or s to skip: "));
}

TEST_CASE("with the comment given already, none is asked and the answers end with the key "
          "points") {
    Answers answers{{"s", "s", "s"}};
    ReviewFormIo io = answers.io();
    ReviewFormOptions options;
    options.ask_comment = false;
    const auto review = ask_review(criteria(), {"A point"}, io, options);
    REQUIRE(review); // the input ended, but nothing more was asked
    CHECK(review->scores.empty());
    CHECK(review->key_points.empty());
    CHECK_FALSE(contains(answers.shown, "Comment"));
}

TEST_CASE("anchors, key points and questions wrap to the terminal's width at spaces") {
    const std::vector<rubric::Criterion> wordy = {
        {"metric",
         "Metric choice",
         {{1, "Defaulted to accuracy or one favorite metric without asking what the errors "
              "cost"},
          {3, "Chose sensible metrics"},
          {5, "Tied every metric to the business cost of each kind of error"}}}};
    Answers answers{{"3", "y", "fine"}};
    ReviewFormIo io = answers.io();
    ReviewFormOptions options;
    options.width = 40;
    const auto review = ask_review(
        wordy, {"Names precision and recall at the operating threshold it needs"}, io, options);
    REQUIRE(review);
    std::size_t start = 0;
    for (std::size_t end; (end = answers.shown.find('\n', start)) != std::string::npos;
         start = end + 1) {
        const std::string line = answers.shown.substr(start, end - start);
        CAPTURE(line);
        CHECK(display_width(line) <= 40);
    }
    CHECK(contains(answers.shown, "  1  Defaulted to accuracy or one\n"
                                  "     favorite metric without asking what\n"
                                  "     the errors cost\n"));
    CHECK(contains(answers.shown, "Key point 1 of 1: Names precision and\n  recall"));
    CHECK(contains(answers.shown, "covered, partly or missed (y, p, n), or\ns to skip: "));
    CHECK(wrapped("a b", 40, "> ", "  ") == "> a b\n");
}

TEST_CASE("a review that could not be saved is given back as the one score line that records "
          "it, quoted for the shell") {
    transcript::Review review;
    review.by = "Ana M";
    review.scores = {{"requirements", "Requirements and scoping", 3}, {"depth", "Depth", 5}};
    review.key_points = {{1, transcript::Coverage::covered}, {4, transcript::Coverage::partly}};
    review.comment = "Clear API; the sizing's rushed.";
    CHECK(review_command("20261207-101500-system-design-url-shortener", review) ==
          "mockcoach score 20261207-101500-system-design-url-shortener --by 'Ana M' "
          "--criterion requirements=3 --criterion depth=5 --key-point 1=covered "
          "--key-point 4=partly --comment 'Clear API; the sizing'\\''s rushed.'");
    review.key_points.clear();
    review.comment.clear();
    CHECK(review_command("x", review) ==
          "mockcoach score x --by 'Ana M' --criterion requirements=3 --criterion depth=5");
}

TEST_SUITE_END();
