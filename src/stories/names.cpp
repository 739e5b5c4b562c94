// Story names and themes: what a user may type, and the safe file names they become.
#include "stories/stories.hpp"

#include "util/text.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace mockcoach::stories {
namespace {

bool is_blank(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

// Any non-ASCII character counts: "日本語" and "é" are names as good as "churn".
bool is_alphanumeric(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           (static_cast<unsigned char>(c) & 0x80) != 0;
}

// ASCII letters lower-cased; digits and non-ASCII characters kept whole; every run of anything
// else one '-'. At most `max_bytes`, never cutting a character. The text is valid UTF-8
// (check_name, or toml++ for what comes from files).
std::string fold(std::string_view text, std::size_t max_bytes) {
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        char32_t c = 0;
        const std::size_t length = std::max<std::size_t>(decode_utf8(text, i, c), 1);
        const char byte = text[i];
        if (length > 1 || is_alphanumeric(byte)) {
            if (out.size() + length > max_bytes) break;
            if (byte >= 'A' && byte <= 'Z')
                out += static_cast<char>(byte - 'A' + 'a');
            else
                out += text.substr(i, length);
        } else if (!out.empty() && out.back() != '-') {
            if (out.size() + 1 > max_bytes) break;
            out += '-';
        }
        i += length;
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out;
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && is_blank(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_blank(text.back())) text.remove_suffix(1);
    return text;
}

} // namespace

std::string trim_name(std::string_view name) {
    return std::string(trim(name));
}

std::string check_name(std::string_view name) {
    name = trim(name);
    if (name.empty()) return "a story needs a name";
    if (char_count(name) > max_name_length)
        return fmt::format("a story name has at most {} characters", max_name_length);
    // The file name comes from the slug alone, so none of these could escape the stories
    // folder; they are refused anyway, because a name that looks like a path is a mistake.
    if (name.find('/') != std::string_view::npos || name.find('\\') != std::string_view::npos)
        return fmt::format("a story name cannot contain '/' or '\\' (\"{}\")", name);
    if (name.find("..") != std::string_view::npos)
        return fmt::format("a story name cannot contain \"..\" (\"{}\")", name);
    if (const std::string problem = unprintable(name); !problem.empty())
        return fmt::format("a story name cannot hold {}", problem);
    if (name.find_first_of("\t\r\n") != std::string_view::npos)
        return "a story name is one line, without tabs";
    if (std::none_of(name.begin(), name.end(), is_alphanumeric))
        return fmt::format("a story name needs a letter or a digit (\"{}\")", name);
    return {};
}

std::string slug(std::string_view name) {
    return fold(trim(name), 64);
}

bool same_story(std::string_view a, std::string_view b) {
    return slug(a) == slug(b);
}

std::optional<std::string> normalise_theme(std::string_view theme) {
    theme = trim(theme);
    if (!unprintable(theme).empty()) return std::nullopt;
    if (std::none_of(theme.begin(), theme.end(), is_alphanumeric)) return std::nullopt;
    std::string normal = fold(theme, 256);
    if (char_count(normal) > max_theme_length) return std::nullopt;
    return normal;
}

Themes parse_themes(std::string_view text) {
    Themes result;
    if (trim(text).empty()) {
        result.error = "a story needs at least one theme";
        return result;
    }
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find(',', start);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view item = trim(text.substr(start, end - start));
        start = end + 1;
        if (item.empty() && end == text.size() && !result.themes.empty()) break; // "a,b,"
        const auto theme = normalise_theme(item);
        if (!theme) {
            result.error = item.empty()
                               ? "a theme is empty (themes are separated by commas)"
                               : fmt::format("\"{}\" is not a theme: a word or two, letters and "
                                             "digits, at most {} characters",
                                             item, max_theme_length);
            return result;
        }
        if (std::find(result.themes.begin(), result.themes.end(), *theme) == result.themes.end())
            result.themes.push_back(*theme);
    }
    if (result.themes.empty()) result.error = "a story needs at least one theme";
    if (result.themes.size() > max_themes)
        result.error = fmt::format("a story has at most {} themes", max_themes);
    return result;
}

const std::vector<CommonTheme>& common_themes() {
    static const std::vector<CommonTheme> themes{
        {"ownership", "project ownership"},
        {"technical-challenge", "technical challenges"},
        {"collaboration", "collaboration"},
        {"failure", "learning from failure"},
    };
    return themes;
}

std::string theme_label(std::string_view theme) {
    for (const CommonTheme& common : common_themes())
        if (common.id == theme) return std::string(common.label);
    std::string label(theme);
    std::replace(label.begin(), label.end(), '-', ' ');
    return label;
}

std::string theme_with_label(std::string_view theme) {
    std::string plain(theme);
    std::replace(plain.begin(), plain.end(), '-', ' ');
    const std::string label = theme_label(theme);
    return label == plain ? std::string(theme) : fmt::format("{} ({})", theme, label);
}

std::variant<session::SaveStory, session::ScriptError> check_story(std::string_view name,
                                                                   std::string_view themes) {
    session::SaveStory story;
    story.name = trim_name(name);
    if (std::string problem = check_name(story.name); !problem.empty())
        return session::ScriptError{std::move(problem)};
    Themes parsed = parse_themes(themes);
    if (!parsed.error.empty()) return session::ScriptError{std::move(parsed.error)};
    story.themes = std::move(parsed.themes);
    return story;
}

} // namespace mockcoach::stories
