// Parsing scripted-mode lines.
#include "session/script.hpp"

#include "util/suggest.hpp"
#include "util/text.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <fmt/format.h>

namespace mockcoach::session {
namespace {

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r'))
        text.remove_suffix(1);
    return text;
}

std::optional<double> parse_number(std::string_view text) {
    double value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value))
        return std::nullopt;
    return value;
}

constexpr std::array<std::string_view, 16> commands{
    "next", "pause",   "resume", "extend", "note",       "wait",  "guess", "score",
    "skip", "reflect", "quit",   "say",    "save-story", "words", "check", "point"};

// A whole number from 1, as typed after `check` and `point`.
std::optional<std::int64_t> ordinal(std::string_view text) {
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || value < 1 || value > 1000)
        return std::nullopt;
    return value;
}

// `save-story NAME THEME[,THEME...]`: the last word is the themes, the rest the name.
std::variant<ScriptCommand, ScriptError> save_story(std::string_view rest,
                                                    const StoryRules& story_rules) {
    if (!story_rules) return ScriptError{"save-story is for STAR rehearsals (mockcoach star)"};
    const std::size_t gap = rest.find_last_of(" \t");
    if (rest.empty() || gap == std::string_view::npos)
        return ScriptError{
            "save-story needs a name and its themes: save-story NAME THEME[,THEME...]"};
    auto checked = story_rules(rest.substr(0, gap), rest.substr(gap + 1));
    if (auto* error = std::get_if<ScriptError>(&checked)) return std::move(*error);
    return ScriptCommand{std::get<SaveStory>(std::move(checked))};
}

} // namespace

std::string_view script_help() {
    return "next, pause, resume, extend MINUTES, note TEXT, say TEXT, wait SECONDS, "
           "guess RUBRIC_ID, score CRITERION VALUE, skip CRITERION, reflect TEXT, "
           "save-story NAME THEME[,THEME...], words PART TEXT, check N, "
           "point N covered|partly|missed, quit";
}

std::optional<std::variant<ScriptCommand, ScriptError>>
parse_script_line(std::string_view line, const StoryRules& story_rules) {
    line = trim(line);
    if (line.empty() || line.front() == '#') return std::nullopt;
    // What a line holds ends up on screens and in the transcript, which refuses such text.
    if (const std::string problem = unprintable(line); !problem.empty())
        return ScriptError{fmt::format("the line holds {}; only text can be typed", problem)};
    const std::size_t space = line.find_first_of(" \t");
    const std::string_view word = line.substr(0, space);
    const std::string_view rest = space == std::string_view::npos ? "" : trim(line.substr(space));
    using Result = std::variant<ScriptCommand, ScriptError>;
    const auto error = [](std::string message) { return Result{ScriptError{std::move(message)}}; };
    const auto event = [](EventKind kind, std::string text = {}, std::int64_t number = 0) {
        return Result{ScriptCommand{ScriptEvent{kind, std::move(text), number}}};
    };
    const auto no_argument = [&](EventKind kind) {
        if (!rest.empty()) return error(fmt::format("{} takes no argument", word));
        return event(kind);
    };
    const auto needs_text = [&](EventKind kind) {
        if (rest.empty()) return error(fmt::format("{} needs some text", word));
        return event(kind, std::string(rest));
    };

    if (word == "next") return no_argument(EventKind::next);
    if (word == "pause") return no_argument(EventKind::pause);
    if (word == "resume") return no_argument(EventKind::resume);
    if (word == "quit") return no_argument(EventKind::quit);
    if (word == "note") return needs_text(EventKind::note);
    if (word == "say") return needs_text(EventKind::say);
    if (word == "save-story") return save_story(rest, story_rules);
    if (word == "words") {
        if (rest.find_first_of(" \t") == std::string_view::npos)
            return error("words needs a part and some text: words PART TEXT");
        return Result{ScriptCommand{Words{std::string(rest)}}};
    }
    if (word == "reflect") return needs_text(EventKind::reflect);
    if (word == "guess") return needs_text(EventKind::guess);
    if (word == "skip") return needs_text(EventKind::skip);
    if (word == "wait" || word == "extend") {
        const auto value = parse_number(rest);
        const double limit = word == "wait" ? 86400 : 1440;
        if (!value || *value < 0 || *value > limit)
            return error(fmt::format("{} needs a number of {} from 0 to {}", word,
                                     word == "wait" ? "seconds" : "minutes", limit));
        if (word == "wait") return Result{ScriptCommand{Wait{std::llround(*value * 1000)}}};
        return event(EventKind::extend, {}, std::llround(*value * 60'000));
    }
    if (word == "check") {
        const auto number = ordinal(rest);
        if (!number) return error("check needs the number of one of the phase's prompts, from 1");
        return event(EventKind::check, {}, *number - 1);
    }
    if (word == "point") {
        const std::size_t gap = rest.find_first_of(" \t");
        const auto number = ordinal(rest.substr(0, gap));
        const std::string_view result =
            gap == std::string_view::npos ? std::string_view{} : trim(rest.substr(gap));
        if (!number || result.empty())
            return error("point needs a key point's number and covered, partly or missed");
        return event(EventKind::point, std::string(result), *number - 1);
    }
    if (word == "score") {
        const std::size_t gap = rest.find_first_of(" \t");
        const auto value =
            gap == std::string_view::npos ? std::nullopt : parse_number(trim(rest.substr(gap)));
        if (!value || *value != std::floor(*value) || *value < 1 || *value > 5)
            return error("score needs a criterion id and a whole number from 1 to 5");
        return event(EventKind::score, std::string(rest.substr(0, gap)),
                     static_cast<std::int64_t>(*value));
    }
    return error(with_suggestion(fmt::format("unknown command \"{}\"", word), word,
                                 std::span<const std::string_view>(commands),
                                 fmt::format(" (commands: {})", script_help())));
}

} // namespace mockcoach::session
