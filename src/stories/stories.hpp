// The story bank: named STAR answers a candidate keeps ready, each tagged with the themes it
// answers (ownership, conflict, ...). A story's file holds what only the story knows, its name
// and themes; what was said and when lives in the transcripts of its rehearsals (`story =
// NAME`), so every answer has one record, and a crash between two writes cannot split it.
#pragma once

#include "rubric/rubric.hpp"
#include "session/script.hpp"
#include "transcript/transcript.hpp"
#include "util/diagnostic.hpp"
#include "util/wall_time.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace mockcoach::stories {

inline constexpr int format_version = 1;
inline constexpr std::size_t max_name_length = 48;  // characters
inline constexpr std::size_t max_theme_length = 32; // characters, after normalising
inline constexpr std::size_t max_themes = 12;

struct Story {
    std::string name;
    std::vector<std::string> themes; // normalised: "technical-challenge"
    WallTime created_at;
    std::filesystem::path file; // where it was read from (empty for one not yet saved)
};

// --- Names and themes --------------------------------------------------------------------

// Why `name` cannot name a story ("" when it can): empty, too long, a '/', '\' or "..", a
// control character, or no letter or digit at all.
std::string check_name(std::string_view name);
// The name without surrounding blanks.
std::string trim_name(std::string_view name);
// The file stem of a story: lower-case letters, digits and '-' (transcript::sanitise), so a
// story file can only ever be a plain name inside the stories folder. Names with one slug
// ("Churn model", "churn-model") are one story.
std::string slug(std::string_view name);
bool same_story(std::string_view a, std::string_view b);

struct Themes {
    std::vector<std::string> themes; // normalised, in the order given, without repeats
    std::string error;               // "" when all were fine
};
// "Ownership, technical challenge" -> {"ownership", "technical-challenge"}. At least one.
Themes parse_themes(std::string_view text);
// One theme, normalised ("Technical Challenge" -> "technical-challenge"); nullopt when it has
// no letter or digit or is too long.
std::optional<std::string> normalise_theme(std::string_view theme);

// A story's name and themes as typed after `save-story`, checked and normalised: the rules
// scripted mode is handed (session::StoryRules).
std::variant<session::SaveStory, session::ScriptError> check_story(std::string_view name,
                                                                   std::string_view themes);

// The seed's four common themes, which coverage always lists first.
struct CommonTheme {
    std::string_view id;
    std::string_view label;
};
const std::vector<CommonTheme>& common_themes();
// "learning from failure" for "failure"; "conflict" for "conflict"; "on-call" -> "on call".
std::string theme_label(std::string_view theme);
// The theme with the seed's own words when it has them: "ownership (project ownership)",
// "conflict".
std::string theme_with_label(std::string_view theme);

// --- Files -------------------------------------------------------------------------------

// SESSIONS/stories, beside the transcripts.
std::filesystem::path stories_folder(const std::filesystem::path& sessions);
std::filesystem::path story_path(const std::filesystem::path& sessions, std::string_view name);

std::string to_toml(const Story& story);
// Problems as FILE:LINE:COLUMN diagnostics; nullopt when the file has any error.
std::optional<Story> read_story(std::string_view path, std::string_view bytes,
                                Diagnostics& diagnostics);

// Every readable story in the folder, sorted by name; unreadable files are reported and left
// out. A missing folder holds no stories.
std::vector<Story> load_stories(const std::filesystem::path& sessions, Diagnostics& problems);
const Story* find_story(const std::vector<Story>& stories, std::string_view name);
std::vector<std::string> story_names(const std::vector<Story>& stories);

struct SavedStory {
    Story story;
    bool created = false;                  // false: an existing story gained a rehearsal
    std::vector<std::string> added_themes; // themes the story did not have before
};
// Creates the story, or adds `themes` to the existing one of the same slug (its name and
// creation date are kept). Written atomically. Throws IoError; UsageError when a file of that
// name exists but is not a readable story (it is never overwritten).
SavedStory save_story(const std::filesystem::path& sessions, std::string_view name,
                      const std::vector<std::string>& themes, const WallTime& now);
// Removes the story's file (its rehearsal transcripts stay). Throws IoError.
void remove_story(const Story& story);

// --- Rehearsals and coverage -------------------------------------------------------------

// Every readable transcript in the sessions folder; unreadable ones are reported.
std::vector<transcript::Transcript> load_transcripts(const std::filesystem::path& sessions,
                                                     Diagnostics& problems);

// The transcripts of a story's rehearsals, oldest first.
std::vector<const transcript::Transcript*>
rehearsals_of(const Story& story, const std::vector<transcript::Transcript>& transcripts);
// The latest rehearsal in which anything was said: the story's current text.
const transcript::Transcript*
latest_answer(const std::vector<const transcript::Transcript*>& rehearsals);

struct ThemeCoverage {
    std::string theme;
    std::string label;
    bool common = false;              // one of the seed's four
    std::size_t questions = 0;        // behavioral questions tagged with it
    std::vector<std::string> stories; // names of the stories that cover it
};
// Each theme (the common four, then every tag of the behavioral questions by how many ask
// about it, then themes only stories have) with the stories that cover it.
std::vector<ThemeCoverage> coverage(const std::vector<Story>& stories,
                                    const rubric::Rubric* behavioral);

} // namespace mockcoach::stories
