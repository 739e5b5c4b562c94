// The interviewer's checks on a STAR answer: counting words, pronouns and numbers in plain text.
#include "star/star.hpp"

#include "util/text.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <fmt/format.h>

namespace mockcoach::star {
namespace {

bool is_letter(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

bool is_digit(unsigned char c) {
    return c >= '0' && c <= '9';
}

// Words as lower-case tokens: letters, digits and apostrophes (curly ones made straight), plus
// a '.' between two letters so that "i.e." and "e.g." stay one token. Leading and trailing
// apostrophes are dropped; the original spelling is kept alongside.
struct Token {
    std::string lower;
    std::string original;
};

std::vector<Token> tokens(std::string_view text) {
    std::vector<Token> out;
    Token current;
    const auto flush = [&] {
        while (!current.lower.empty() && current.lower.back() == '\'') {
            current.lower.pop_back();
            current.original.pop_back();
        }
        std::size_t lead = 0;
        while (lead < current.lower.size() && current.lower[lead] == '\'') ++lead;
        current.lower.erase(0, lead);
        current.original.erase(0, lead);
        if (!current.lower.empty()) out.push_back(current);
        current = {};
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (text.substr(i, 3) == "\u2019") { // right single quotation mark
            current.lower += '\'';
            current.original += '\'';
            i += 2;
        } else if (is_letter(c) || is_digit(c) || c == '\'') {
            current.lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
            current.original += static_cast<char>(c);
        } else if (c == '.' && !current.lower.empty() &&
                   is_letter(static_cast<unsigned char>(current.lower.back())) &&
                   i + 1 < text.size() && is_letter(static_cast<unsigned char>(text[i + 1]))) {
            current.lower += '.';
            current.original += '.';
        } else {
            flush();
        }
    }
    flush();
    return out;
}

template <std::size_t N> bool among(const std::array<std::string_view, N>& words, const Token& t) {
    return std::find(words.begin(), words.end(), t.lower) != words.end();
}

constexpr std::array<std::string_view, 9> singular{"i",  "i'm", "i've", "i'd",   "i'll",
                                                   "me", "my",  "mine", "myself"};
constexpr std::array<std::string_view, 9> plural{"we", "we're", "we've", "we'd",     "we'll",
                                                 "us", "our",   "ours",  "ourselves"};
constexpr std::array<std::string_view, 38> number_words{
    "two",     "three",  "four",     "five",      "six",      "seven",   "eight",   "nine",
    "ten",     "eleven", "twelve",   "twenty",    "thirty",   "forty",   "fifty",   "sixty",
    "seventy", "eighty", "ninety",   "hundred",   "thousand", "million", "billion", "dozen",
    "percent", "half",   "halved",   "double",    "doubled",  "triple",  "tripled", "quadrupled",
    "twice",   "thrice", "hundreds", "thousands", "millions", "dozens"};

const transcript::Phase* part_named(const transcript::Transcript& answer, std::string_view name) {
    for (const transcript::Phase& phase : answer.phases) {
        if (phase.name.size() != name.size()) continue;
        bool same = true;
        for (std::size_t i = 0; i < name.size() && same; ++i)
            same = std::tolower(static_cast<unsigned char>(phase.name[i])) ==
                   std::tolower(static_cast<unsigned char>(name[i]));
        if (same) return &phase;
    }
    return nullptr;
}

std::string words(std::size_t count) {
    return fmt::format("{} word{}", count, count == 1 ? "" : "s");
}

Check parts_present(const transcript::Transcript& answer) {
    std::string empty;
    for (const transcript::Phase& phase : answer.phases)
        if (count_words(phase.text) == 0) empty += (empty.empty() ? "" : ", ") + phase.name;
    if (empty.empty())
        return {"parts-present", true,
                fmt::format("all {} parts have something in them", answer.phases.size())};
    if (delivery_of(answer) == session::Delivery::aloud)
        return {"parts-present", false, fmt::format("no words typed for {}", empty)};
    return {"parts-present", false, fmt::format("nothing said in {}", empty)};
}

// Spoken: the words typed afterwards are a summary, so the part's length is its time.
Check action_longest_spoken(const transcript::Transcript& answer, const transcript::Phase& action) {
    const transcript::Phase* rival = nullptr;
    for (const transcript::Phase& phase : answer.phases)
        if (&phase != &action && phase.used_seconds >= action.used_seconds &&
            (!rival || phase.used_seconds > rival->used_seconds))
            rival = &phase;
    if (!rival)
        return {"action-longest", true,
                fmt::format("{} took the longest: {} of {}", action.name,
                            format_clock(action.used_seconds),
                            format_clock(answer.used_seconds()))};
    return {"action-longest", false,
            fmt::format("{} took {}, {} {} ({}): spend most of the answer on what you did",
                        action.name, format_clock(action.used_seconds),
                        rival->used_seconds == action.used_seconds ? "as long as" : "less than",
                        rival->name, format_clock(rival->used_seconds))};
}

Check action_longest(const transcript::Transcript& answer, const transcript::Phase& action) {
    if (delivery_of(answer) == session::Delivery::aloud)
        return action_longest_spoken(answer, action);
    const std::size_t length = count_words(action.text);
    std::size_t total = 0;
    const transcript::Phase* rival = nullptr;
    for (const transcript::Phase& phase : answer.phases) {
        const std::size_t other = count_words(phase.text);
        total += other;
        if (&phase != &action && other >= length && (!rival || other > count_words(rival->text)))
            rival = &phase;
    }
    if (!rival)
        return {"action-longest", true,
                fmt::format("{} is the longest part: {} of {}", action.name, length, words(total))};
    const std::size_t other = count_words(rival->text);
    return {"action-longest", false,
            fmt::format("{} has {}, {} {} ({}): spend most of the answer on what you did",
                        action.name, words(length), other == length ? "as many as" : "fewer than",
                        rival->name, other)};
}

Check i_over_we(const transcript::Phase& action) {
    const Pronouns count = count_pronouns(action.text);
    if (count.i > count.we)
        return {
            "i-over-we", true,
            fmt::format("\"I\" outnumbers \"we\" in {}: {} to {}", action.name, count.i, count.we)};
    if (count.i == 0 && count.we == 0)
        return {"i-over-we", false,
                fmt::format("{} never says \"I\": say what you did yourself", action.name)};
    return {"i-over-we", false,
            fmt::format("\"we\" {} \"I\" in {}: {} to {}; say which parts were yours",
                        count.we == count.i ? "ties with" : "outnumbers", action.name, count.we,
                        count.i)};
}

Check result_number(const transcript::Phase& result) {
    if (has_number(result.text))
        return {"result-number", true,
                fmt::format("{} has a number: the impact is quantified", result.name)};
    return {
        "result-number", false,
        fmt::format("{} has no number: quantify the impact (%, time, money, users)", result.name)};
}

bool empty_answer(const transcript::Transcript& answer) {
    if (delivery_of(answer) == session::Delivery::aloud) return answer.used_seconds() == 0;
    return std::all_of(answer.phases.begin(), answer.phases.end(),
                       [](const transcript::Phase& phase) { return count_words(phase.text) == 0; });
}

Check within_budget(const transcript::Transcript& answer) {
    const std::int64_t used = answer.used_seconds();
    const std::int64_t budget = answer.budget_seconds();
    // Saying nothing is always within budget, and proves nothing.
    if (empty_answer(answer))
        return {"budget", false,
                fmt::format("nothing was {}, so {} of its {} is no answer",
                            delivery_of(answer) == session::Delivery::aloud ? "spoken" : "said",
                            format_clock(used), format_clock(budget))};
    if (used <= budget)
        return {
            "budget", true,
            fmt::format("the answer took {} of its {}", format_clock(used), format_clock(budget))};
    return {"budget", false,
            fmt::format("the answer took {}, {} over its {}", format_clock(used),
                        format_clock(used - budget), format_clock(budget))};
}

} // namespace

std::size_t count_words(std::string_view text) {
    std::size_t count = 0;
    bool counted = false; // the current run of non-blanks is already a word
    for (char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
            counted = false;
        else if (!counted && (is_letter(c) || is_digit(c)))
            ++count, counted = true;
    }
    return count;
}

Pronouns count_pronouns(std::string_view text) {
    Pronouns count;
    for (const Token& token : tokens(text)) {
        if (among(singular, token))
            ++count.i;
        else if (among(plural, token) && token.original != "US")
            ++count.we;
    }
    return count;
}

bool has_number(std::string_view text) {
    if (std::any_of(text.begin(), text.end(),
                    [](char c) { return is_digit(static_cast<unsigned char>(c)); }))
        return true;
    for (const Token& token : tokens(text)) {
        if (among(number_words, token)) return true;
        if (token.lower.size() > 4 && token.lower.ends_with("fold")) { // "tenfold"
            const Token prefix{token.lower.substr(0, token.lower.size() - 4), {}};
            if (among(number_words, prefix) || prefix.lower == "one") return true;
        }
    }
    return false;
}

std::string_view mode_name(session::Delivery delivery) {
    return delivery == session::Delivery::aloud ? "star-aloud" : "star";
}

session::Delivery delivery_of(const transcript::Transcript& answer) {
    return answer.mode == mode_name(session::Delivery::aloud) ? session::Delivery::aloud
                                                              : session::Delivery::typed;
}

std::vector<Check> check_answer(const session::Engine& engine, const transcript::Header& meta) {
    transcript::Transcript answer;
    static_cast<transcript::Header&>(answer) = meta;
    return check_answer(engine.record(std::move(answer)));
}

std::vector<Check> check_answer(const transcript::Transcript& answer) {
    std::vector<Check> checks;
    checks.push_back(parts_present(answer));
    if (const transcript::Phase* action = part_named(answer, "Action")) {
        checks.push_back(action_longest(answer, *action));
        checks.push_back(i_over_we(*action));
    }
    if (const transcript::Phase* result = part_named(answer, "Result"))
        checks.push_back(result_number(*result));
    checks.push_back(within_budget(answer));
    return checks;
}

std::string render_checks(const std::vector<Check>& checks, const Style& style, std::size_t width) {
    width = std::clamp<std::size_t>(width, 40, 120);
    std::string out =
        style.bold("Checks an interviewer would make") + style.dim(" (hints, not a score)") + "\n";
    for (const Check& check : checks) {
        const auto lines = wrap(check.message, width - 6);
        for (std::size_t i = 0; i < lines.size(); ++i) {
            const std::string mark =
                i > 0 ? " " : (check.passed ? style.green("\u2713") : style.yellow("\u2717"));
            out += fmt::format("  {}  {}\n", mark, lines[i]);
        }
    }
    return out;
}

void rescale(session::Plan& plan, std::int64_t total_seconds) {
    session::Millis sum = 0;
    for (const session::PhasePlan& phase : plan.phases) sum += phase.budget;
    if (plan.phases.empty() || sum <= 0) return;
    const auto count = static_cast<std::int64_t>(plan.phases.size());
    total_seconds = std::max(total_seconds, count);
    std::vector<std::int64_t> seconds(plan.phases.size());
    std::vector<std::pair<double, std::size_t>> remainders;
    std::int64_t given = 0;
    for (std::size_t i = 0; i < plan.phases.size(); ++i) {
        const double exact = static_cast<double>(total_seconds) *
                             static_cast<double>(plan.phases[i].budget) / static_cast<double>(sum);
        seconds[i] = std::max<std::int64_t>(1, static_cast<std::int64_t>(exact));
        given += seconds[i];
        remainders.emplace_back(exact - static_cast<double>(seconds[i]), i);
    }
    // Largest remainder first; among equals, the larger budget (Action before Situation).
    std::stable_sort(remainders.begin(), remainders.end(), [&](const auto& a, const auto& b) {
        if (a.first != b.first) return a.first > b.first;
        return plan.phases[a.second].budget > plan.phases[b.second].budget;
    });
    for (std::size_t k = 0; given < total_seconds; k = (k + 1) % remainders.size(), ++given)
        ++seconds[remainders[k].second];
    for (std::size_t k = remainders.size(); given > total_seconds;) {
        k = k == 0 ? remainders.size() - 1 : k - 1;
        if (seconds[remainders[k].second] > 1) --seconds[remainders[k].second], --given;
    }
    for (std::size_t i = 0; i < plan.phases.size(); ++i) plan.phases[i].budget = seconds[i] * 1000;
}

} // namespace mockcoach::star
