// A story's rehearsals, read from the transcripts that name it, and which themes stories cover.
#include "stories/stories.hpp"

#include "history/history.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>

namespace mockcoach::stories {

using transcript::Transcript;

// The same reader as `history` and `export`: one warning for each file that is not a valid
// transcript or not a file at all.
std::vector<Transcript> load_transcripts(const std::filesystem::path& sessions,
                                         Diagnostics& problems) {
    history::LoadedTranscripts loaded = history::load_transcripts(sessions);
    problems.insert(problems.end(), loaded.skipped.begin(), loaded.skipped.end());
    return std::move(loaded.transcripts);
}

std::vector<const Transcript*> rehearsals_of(const Story& story,
                                             const std::vector<Transcript>& transcripts) {
    std::vector<const Transcript*> found;
    for (const Transcript& t : transcripts)
        if (t.story && same_story(*t.story, story.name)) found.push_back(&t);
    // Ties (two rehearsals in one second) fall back to the id, which the start time begins.
    std::stable_sort(found.begin(), found.end(), [](const Transcript* a, const Transcript* b) {
        const auto at_a = epoch_seconds(a->started_at);
        const auto at_b = epoch_seconds(b->started_at);
        return at_a != at_b ? at_a < at_b : a->id < b->id;
    });
    return found;
}

const Transcript* latest_answer(const std::vector<const Transcript*>& rehearsals) {
    for (auto it = rehearsals.rbegin(); it != rehearsals.rend(); ++it)
        for (const transcript::Phase& phase : (*it)->phases)
            if (!phase.text.empty()) return *it;
    return nullptr;
}

std::vector<ThemeCoverage> coverage(const std::vector<Story>& stories,
                                    const rubric::Rubric* behavioral) {
    std::map<std::string, std::size_t> asked; // theme -> questions tagged with it
    if (behavioral)
        for (const rubric::Question& question : behavioral->questions)
            for (const std::string& tag : question.tags) ++asked[tag];

    std::vector<ThemeCoverage> themes;
    const auto add = [&](const std::string& theme, bool common) {
        for (const ThemeCoverage& known : themes)
            if (known.theme == theme) return;
        ThemeCoverage item{theme, theme_label(theme), common, 0, {}};
        if (auto found = asked.find(theme); found != asked.end()) item.questions = found->second;
        themes.push_back(std::move(item));
    };
    for (const CommonTheme& common : common_themes()) add(std::string(common.id), true);
    std::vector<std::pair<std::string, std::size_t>> tags(asked.begin(), asked.end());
    std::stable_sort(tags.begin(), tags.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    for (const auto& [tag, count] : tags) add(tag, false);
    std::vector<std::string> own; // themes that only stories have, alphabetically
    for (const Story& story : stories)
        for (const std::string& theme : story.themes) own.push_back(theme);
    std::sort(own.begin(), own.end());
    for (const std::string& theme : own) add(theme, false);

    for (ThemeCoverage& item : themes)
        for (const Story& story : stories)
            if (std::find(story.themes.begin(), story.themes.end(), item.theme) !=
                story.themes.end())
                item.stories.push_back(story.name);
    return themes;
}

} // namespace mockcoach::stories
