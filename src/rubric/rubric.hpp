// Rubrics: one interview framework each (phases with budgets and prompts, scoring criteria,
// questions), loaded from TOML with every problem reported, and layered into a catalog.
#pragma once

#include "util/diagnostic.hpp"

#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mockcoach::rubric {

inline constexpr int format_version = 1;

struct Place {
    std::string file;
    int line = 0;
    int column = 0;
    bool operator==(const Place&) const = default;
};

// A line and column in the file of the question it belongs to (its `place`): a follow-up or a
// question's "also" is never in another file, so it need not carry the file's name.
struct Position {
    int line = 0;
    int column = 0;
    bool operator==(const Position&) const = default;
};

struct Phase {
    std::string name;
    double minutes = 0;
    std::vector<std::string> prompts;
    int budget_seconds() const;
    bool operator==(const Phase&) const = default;
};

struct Criterion {
    std::string id;
    std::string name;
    std::map<int, std::string> levels; // score (1-5) -> what it means; 1, 3 and 5 always present
    bool operator==(const Criterion&) const = default;
};

// The text that key points and follow-ups view, when it was read from a file. Shared by the
// copies of a question and no part of its value. The shipped rubrics need none: their text is
// the binary's static data (rubric/embedded.hpp), so starting up copies none of it, however
// much of it there is.
class TextStore {
  public:
    // Keeps `text` as long as any copy of this store, and returns a view of it.
    std::string_view keep(std::string text);
    bool operator==(const TextStore&) const { return true; }

  private:
    std::shared_ptr<std::deque<std::string>> texts_; // a deque never moves what it holds
};

// A probe the interviewer raises during one phase of the question's rubric.
struct Followup {
    std::string_view phase; // a phase name of the rubric
    std::string_view text;
    Position at; // of its phase
    bool operator==(const Followup&) const = default;
};

struct Question {
    std::string id;
    std::string text;
    double weight = 1;
    std::vector<std::string> tags;
    std::vector<std::string> also; // other rubrics whose framework fits as well (blind mode)
    Position also_at;
    std::vector<std::string_view> key_points; // what a strong answer covers, checked after it
    std::vector<Followup> followups;
    TextStore text_store; // what key_points and followups view (see TextStore)
    Place place;

    // The follow-ups raised in the phase called `phase_name`, in file order.
    std::vector<const Followup*> followups_in(std::string_view phase_name) const;
    bool operator==(const Question&) const = default;
};

inline constexpr std::size_t max_key_points = 12;
inline constexpr std::size_t max_followups = 8;

struct Rubric {
    std::string id;
    std::string name;
    double weight = 0;
    std::string testing;
    std::string tip;
    std::vector<Phase> phases;
    std::vector<Criterion> criteria;
    std::vector<Question> questions;
    Place place;        // where its id was defined
    std::string origin; // "built-in", "user" or the --rubrics folder it came from

    int total_seconds() const;
    const Question* find_question(std::string_view id) const;
    const Criterion* find_criterion(std::string_view id) const;
    const Phase* find_phase(std::string_view name) const;
    // Every field (the test of the embedded rubrics relies on it taking in new ones by itself).
    bool operator==(const Rubric&) const = default;
};

// A file that adds questions to a rubric defined elsewhere (`rubric = "ID"` plus [[question]]).
struct QuestionSet {
    std::string rubric_id;
    Place place; // of the rubric id, for "unknown rubric" errors
    std::vector<Question> questions;
};

struct SourceFile {
    std::string path;
    std::string bytes;
};

struct LoadedFile {
    std::optional<Rubric> rubric;
    std::optional<QuestionSet> questions;
};

// Parses and validates one file; its problems are appended to `diagnostics`. A file with any
// error yields nothing, so a half-valid rubric is never used.
LoadedFile load_file(const SourceFile& file, Diagnostics& diagnostics);

// Errors for follow-ups naming a phase `rubric` does not have (with the nearest phase name).
void check_followup_phases(const Rubric& rubric, const Question& question,
                           Diagnostics& diagnostics);

// Files from one place; later layers take priority over earlier ones.
struct Layer {
    std::string origin;
    std::vector<SourceFile> files;
    Diagnostics read_problems; // files that could not be read at all
    // Rubrics loaded and checked already, one a file (the shipped ones, when mockcoach was
    // built): taken as they are, with no TOML to parse.
    std::vector<Rubric> loaded = {};
};

struct Catalog {
    std::vector<Rubric> rubrics; // by falling weight, then id
    Diagnostics diagnostics;
    std::vector<std::string> files_read;

    const Rubric* find(std::string_view id) const;
    std::vector<std::string> ids() const;
    std::size_t question_count() const;
};

// A rubric in a later layer replaces the one with the same id in an earlier layer; question
// sets from any layer add to whichever rubric wins. The layers are consumed: their rubrics
// move into the catalog.
Catalog build_catalog(std::vector<Layer> layers);

// The shipped rubrics/ compiled into the binary (rubric/embedded.hpp), as loaded rubrics.
Layer embedded_layer();

} // namespace mockcoach::rubric
