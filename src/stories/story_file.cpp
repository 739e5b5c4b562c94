// Story files: one TOML file per story in SESSIONS/stories, read strictly and written atomically.
#include "stories/stories.hpp"

#include "tomlfile/reader.hpp"
#include "util/atomic_file.hpp"
#include "util/errors.hpp"
#include "util/files.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fmt/format.h>
#include <unistd.h>

namespace mockcoach::stories {

namespace fs = std::filesystem;
using tomlfile::Need;
using tomlfile::TableReader;
using transcript::toml_quote;

fs::path stories_folder(const fs::path& sessions) {
    return sessions / "stories";
}

fs::path story_path(const fs::path& sessions, std::string_view name) {
    return stories_folder(sessions) / (slug(name) + ".toml");
}

std::string to_toml(const Story& story) {
    std::string out =
        "# mockcoach story: a STAR answer you keep ready. Its text and its rehearsals "
        "are the\n# transcripts whose `story` is this name. Safe to read and edit.\n";
    out += fmt::format("format = {}\n", format_version);
    out += fmt::format("name = {}\n", toml_quote(story.name));
    std::string themes;
    for (const std::string& theme : story.themes)
        themes += (themes.empty() ? "" : ", ") + toml_quote(theme);
    out += fmt::format("themes = [{}]\n", themes);
    out += fmt::format("created_at = {}\n", transcript::toml_date_time(story.created_at));
    return out;
}

std::optional<Story> read_story(std::string_view path, std::string_view bytes,
                                Diagnostics& diagnostics) {
    auto parsed = tomlfile::parse(path, bytes);
    const std::size_t before = diagnostics.size();
    diagnostics.insert(diagnostics.end(), parsed.diagnostics.begin(), parsed.diagnostics.end());
    if (!parsed.table) return std::nullopt;
    TableReader reader(path, *parsed.table, "the story", {"format", "name", "themes", "created_at"},
                       diagnostics);
    const auto format = reader.integer("format", Need::required);
    if (format && *format != format_version) {
        reader.error(reader.where("format"),
                     fmt::format("story format {} is not one this mockcoach reads ({})", *format,
                                 format_version));
        return std::nullopt;
    }
    Story story;
    if (auto name = reader.string("name", Need::required)) {
        if (const std::string problem = check_name(*name); !problem.empty())
            reader.error(reader.where("name"), problem);
        story.name = trim_name(*name);
    }
    if (auto themes = reader.strings("themes", Need::required)) {
        for (const std::string& theme : *themes) {
            const auto normal = normalise_theme(theme);
            if (!normal)
                reader.error(reader.where("themes"), fmt::format("\"{}\" is not a theme", theme));
            else if (std::find(story.themes.begin(), story.themes.end(), *normal) ==
                     story.themes.end())
                story.themes.push_back(*normal);
        }
    }
    if (auto when = reader.date_time("created_at", Need::required)) story.created_at = *when;
    story.file = fs::path(path);
    if (diagnostics.size() != before) return std::nullopt;
    return story;
}

std::vector<Story> load_stories(const fs::path& sessions, Diagnostics& problems) {
    std::vector<Story> stories;
    for (const fs::path& file : list_files(stories_folder(sessions), ".toml", &problems)) {
        const auto bytes = read_file(file, tomlfile::max_file_bytes, problems);
        if (!bytes) continue;
        auto story = read_story(file.string(), *bytes, problems);
        if (!story) continue;
        if (const Story* twin = find_story(stories, story->name)) {
            problems.push_back({file.string(), 0, 0, Severity::warning,
                                fmt::format("the story \"{}\" is also in {}; this file is left out",
                                            story->name, twin->file.string())});
            continue;
        }
        stories.push_back(std::move(*story));
    }
    std::sort(stories.begin(), stories.end(),
              [](const Story& a, const Story& b) { return slug(a.name) < slug(b.name); });
    return stories;
}

const Story* find_story(const std::vector<Story>& stories, std::string_view name) {
    for (const Story& story : stories)
        if (same_story(story.name, name)) return &story;
    return nullptr;
}

std::vector<std::string> story_names(const std::vector<Story>& stories) {
    std::vector<std::string> names;
    for (const Story& story : stories) names.push_back(story.name);
    return names;
}

SavedStory save_story(const fs::path& sessions, std::string_view name,
                      const std::vector<std::string>& themes, const WallTime& now) {
    const fs::path folder = stories_folder(sessions);
    std::error_code error;
    fs::create_directories(folder, error);
    if (error) throw IoError(fmt::format("cannot create {}: {}", folder.string(), error.message()));

    Diagnostics problems;
    const std::vector<Story> existing = load_stories(sessions, problems);
    SavedStory saved;
    if (const Story* found = find_story(existing, name)) {
        saved.story = *found;
    } else {
        saved.created = true;
        saved.story.name = trim_name(name);
        saved.story.created_at = now;
        saved.story.file = story_path(sessions, name);
        // A file there that did not read as this story is the user's to fix, never overwritten.
        for (const Story& other : existing)
            if (other.file == saved.story.file)
                throw UsageError(fmt::format("{} holds the story \"{}\" (its name was edited); "
                                             "choose another name",
                                             other.file.string(), other.name));
        if (fs::exists(fs::symlink_status(saved.story.file)))
            throw UsageError(fmt::format("{} exists but is not a readable story; fix or remove "
                                         "it first (`mockcoach stories list` shows why)",
                                         saved.story.file.string()));
    }
    for (const std::string& theme : themes) {
        if (std::find(saved.story.themes.begin(), saved.story.themes.end(), theme) !=
            saved.story.themes.end())
            continue;
        saved.story.themes.push_back(theme);
        if (!saved.created) saved.added_themes.push_back(theme);
    }
    if (saved.created) {
        // The check above reads the folder; this refuses, at the moment of writing, a file
        // that appeared since.
        if (!write_file_if_new(saved.story.file, to_toml(saved.story)))
            throw UsageError(fmt::format("{} appeared while the story was being saved; "
                                         "choose another name or remove it",
                                         saved.story.file.string()));
    } else if (!saved.added_themes.empty()) {
        replace_file(saved.story.file, to_toml(saved.story));
    }
    return saved;
}

void remove_story(const Story& story) {
    if (::unlink(story.file.c_str()) != 0 && errno != ENOENT)
        throw IoError(
            fmt::format("cannot remove {}: {}", story.file.string(), std::strerror(errno)));
    fsync_folder(story.file.parent_path());
}

} // namespace mockcoach::stories
