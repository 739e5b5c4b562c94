// Loading one rubric or question-set file: TOML syntax, keys, types and values, all checked.
#include "rubric/rubric.hpp"

#include "rubric/reading.hpp"
#include "tomlfile/reader.hpp"
#include "util/suggest.hpp"

#include <cmath>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <set>

namespace mockcoach::rubric {
namespace {

using tomlfile::Need;
using tomlfile::TableReader;

Position position_of(const toml::source_region& where) {
    return {static_cast<int>(where.begin.line), static_cast<int>(where.begin.column)};
}

// Reads "id" and checks its form; what names the thing in the message ("rubric id").
std::optional<std::string> read_id(TableReader& reader, std::string_view what) {
    auto id = reader.string("id", Need::required);
    if (id && !valid_id(*id)) {
        reader.error(reader.where("id"),
                     fmt::format("{} \"{}\" must be 1 to 64 of a-z, 0-9 and '-'", what, *id));
        return std::nullopt;
    }
    return id;
}

std::optional<double> read_weight(TableReader& reader, Need need) {
    auto weight = reader.number("weight", need);
    if (weight && (!std::isfinite(*weight) || *weight < 0)) {
        reader.error(reader.where("weight"), "\"weight\" must be a number of 0 or more");
        return std::nullopt;
    }
    return weight;
}

std::optional<Phase> read_phase(const std::string& path, const toml::table& table,
                                Diagnostics& diagnostics) {
    TableReader reader(path, table, "[[phase]]", {"name", "minutes", "prompts"}, diagnostics);
    const std::size_t before = diagnostics.size();
    Phase phase;
    phase.name = read_text(reader, "name", Need::required).value_or("");
    phase.minutes = reader.number("minutes", Need::required).value_or(1);
    if (reader.node("minutes") &&
        (!std::isfinite(phase.minutes) || phase.minutes <= 0 || phase.minutes > 24 * 60)) {
        reader.error(reader.where("minutes"),
                     "\"minutes\" must be more than 0 and at most 1440 (0.5 is 30 seconds)");
    }
    phase.prompts = reader.strings("prompts", Need::optional).value_or(std::vector<std::string>{});
    if (diagnostics.size() != before) return std::nullopt;
    return phase;
}

std::optional<Criterion> read_criterion(const std::string& path, const toml::table& table,
                                        Diagnostics& diagnostics) {
    TableReader reader(path, table, "[[criterion]]", {"id", "name", "levels"}, diagnostics);
    const std::size_t before = diagnostics.size();
    Criterion criterion;
    criterion.id = read_id(reader, "criterion id").value_or("");
    criterion.name = read_text(reader, "name", Need::required).value_or("");
    if (const toml::table* levels = reader.table("levels", Need::required)) {
        for (const auto& [key, value] : *levels) {
            const std::string_view k = key.str();
            if (k.size() != 1 || k[0] < '1' || k[0] > '5') {
                reader.error(key.source(),
                             fmt::format("level \"{}\" is not a score: use 1, 2, 3, 4 or 5", k));
            } else if (!value.is_string() || value.as_string()->get().empty()) {
                reader.error(value.source(), fmt::format("level {} must be a non-empty string "
                                                         "saying what that score means",
                                                         k));
            } else if (reader.printable(fmt::format("levels.{}", k), value)) {
                criterion.levels[k[0] - '0'] = value.as_string()->get();
            }
        }
        for (int anchor : {1, 3, 5}) {
            if (!levels->contains(std::to_string(anchor)))
                reader.error(levels->source(),
                             fmt::format("criterion \"{}\" needs levels.{}: what a {} means",
                                         criterion.id, anchor, anchor));
        }
    }
    if (diagnostics.size() != before) return std::nullopt;
    return criterion;
}

std::vector<std::string_view> read_key_points(TableReader& reader, TextStore& store) {
    auto points = reader.strings("key_points", Need::optional).value_or(std::vector<std::string>{});
    if (points.size() > max_key_points)
        reader.error(reader.where("key_points"),
                     fmt::format("{} key points is too many: at most {} (a strong answer's main "
                                 "points, usually 4 to 8)",
                                 points.size(), max_key_points));
    for (std::size_t i = 0; i < points.size(); ++i)
        if (points[i].find_first_not_of(" \t") == std::string::npos)
            reader.error(reader.node("key_points")->as_array()->get(i)->source(),
                         fmt::format("key point {} is empty", i + 1));
    std::vector<std::string_view> kept;
    kept.reserve(points.size());
    for (std::string& point : points) kept.push_back(store.keep(std::move(point)));
    return kept;
}

std::vector<Followup> read_followups(TableReader& parent, TextStore& store,
                                     Diagnostics& diagnostics) {
    const std::vector<const toml::table*> tables = parent.tables("followups", Need::optional);
    if (tables.size() > max_followups)
        parent.error(parent.where("followups"),
                     fmt::format("{} follow-ups is too many: at most {} (usually 2 to 4)",
                                 tables.size(), max_followups));
    std::vector<Followup> followups;
    for (const toml::table* table : tables) {
        TableReader reader(std::string(parent.path()), *table, "a follow-up", {"phase", "text"},
                           diagnostics);
        Followup followup;
        followup.phase = store.keep(read_text(reader, "phase", Need::required).value_or(""));
        followup.text = store.keep(read_text(reader, "text", Need::required).value_or(""));
        followup.at = position_of(reader.where("phase"));
        followups.push_back(std::move(followup));
    }
    return followups;
}

std::vector<std::string> read_also(TableReader& reader, std::string_view own_rubric) {
    auto also = reader.strings("also", Need::optional).value_or(std::vector<std::string>{});
    for (const std::string& id : also) {
        if (!valid_id(id))
            reader.error(reader.where("also"),
                         fmt::format("\"also\" holds rubric ids; \"{}\" is not one", id));
        else if (id == own_rubric)
            reader.error(reader.where("also"),
                         fmt::format("\"also\" names this question's own rubric \"{}\"", id));
    }
    return also;
}

std::vector<Question> read_questions(TableReader& parent, std::string_view rubric_id,
                                     Diagnostics& diagnostics) {
    const std::vector<const toml::table*> tables = parent.tables("question", Need::optional);
    std::vector<Question> questions;
    questions.reserve(tables.size()); // a file of 100,000 questions is never moved about
    std::set<std::string, std::less<>> seen;
    for (const toml::table* table : tables) {
        TableReader reader(std::string(parent.path()), *table, "[[question]]",
                           {"id", "text", "weight", "tags", "also", "key_points", "followups"},
                           diagnostics);
        const std::size_t before = diagnostics.size();
        Question question;
        question.id = read_id(reader, "question id").value_or("");
        question.text = read_text(reader, "text", Need::required).value_or("");
        question.weight = read_weight(reader, Need::optional).value_or(1);
        question.tags = reader.strings("tags", Need::optional).value_or(std::vector<std::string>{});
        question.also = read_also(reader, rubric_id);
        question.also_at = position_of(reader.where("also"));
        question.key_points = read_key_points(reader, question.text_store);
        question.followups = read_followups(reader, question.text_store, diagnostics);
        question.place = place_of(parent.path(), reader.where("id"));
        if (!question.id.empty() && !seen.insert(question.id).second) {
            reader.error(reader.where("id"),
                         fmt::format("question id \"{}\" is used twice in this file", question.id));
        }
        if (diagnostics.size() == before) questions.push_back(std::move(question));
    }
    return questions;
}

// The [[phase]] or [[criterion]] sections: none at all is one problem, reported once (an empty
// `phase = []` is not an array of tables to toml++, which would add a second message).
std::vector<const toml::table*> read_sections(TableReader& reader, std::string_view key) {
    const toml::node* node = reader.node(key);
    if (node && node->is_array() && node->as_array()->empty()) {
        reader.error(node->source(), fmt::format("a rubric needs at least one [[{}]]", key));
        return {};
    }
    return reader.tables(key, Need::required);
}

Rubric read_rubric(TableReader& reader, Diagnostics& diagnostics) {
    const std::string path(reader.path());
    Rubric rubric;
    check_format(reader, format_version);
    rubric.id = read_id(reader, "rubric id").value_or("");
    rubric.place = place_of(path, reader.where("id"));
    rubric.name = read_text(reader, "name", Need::required).value_or("");
    rubric.weight = read_weight(reader, Need::required).value_or(0);
    rubric.testing = reader.string("testing", Need::optional).value_or("");
    rubric.tip = reader.string("tip", Need::optional).value_or("");

    for (const toml::table* table : read_sections(reader, "phase"))
        if (auto phase = read_phase(path, *table, diagnostics)) rubric.phases.push_back(*phase);

    std::set<std::string, std::less<>> criterion_ids;
    for (const toml::table* table : read_sections(reader, "criterion")) {
        auto criterion = read_criterion(path, *table, diagnostics);
        if (!criterion) continue;
        if (!criterion_ids.insert(criterion->id).second) {
            diagnostics.push_back(tomlfile::at(
                path, table->get("id")->source(),
                fmt::format("criterion id \"{}\" is used twice in this rubric", criterion->id)));
            continue;
        }
        rubric.criteria.push_back(std::move(*criterion));
    }
    rubric.questions = read_questions(reader, rubric.id, diagnostics);
    if (!rubric.phases.empty())
        for (const Question& question : rubric.questions)
            check_followup_phases(rubric, question, diagnostics);
    return rubric;
}

QuestionSet read_question_set(TableReader& reader, Diagnostics& diagnostics) {
    QuestionSet set;
    check_format(reader, format_version);
    set.rubric_id = reader.string("rubric", Need::required).value_or("");
    set.place = place_of(reader.path(), reader.where("rubric"));
    set.questions = read_questions(reader, set.rubric_id, diagnostics);
    if (!reader.node("question"))
        reader.error(reader.where(), "a question file needs at least one [[question]]");
    return set;
}

} // namespace

std::string_view TextStore::keep(std::string text) {
    if (!texts_) texts_ = std::make_shared<std::deque<std::string>>();
    return texts_->emplace_back(std::move(text));
}

int Phase::budget_seconds() const {
    return static_cast<int>(std::lround(minutes * 60));
}

int Rubric::total_seconds() const {
    int total = 0;
    for (const Phase& phase : phases) total += phase.budget_seconds();
    return total;
}

const Question* Rubric::find_question(std::string_view question_id) const {
    for (const Question& question : questions)
        if (question.id == question_id) return &question;
    return nullptr;
}

const Phase* Rubric::find_phase(std::string_view name) const {
    for (const Phase& phase : phases)
        if (phase.name == name) return &phase;
    return nullptr;
}

std::vector<const Followup*> Question::followups_in(std::string_view phase_name) const {
    std::vector<const Followup*> result;
    for (const Followup& followup : followups)
        if (followup.phase == phase_name) result.push_back(&followup);
    return result;
}

void check_followup_phases(const Rubric& rubric, const Question& question,
                           Diagnostics& diagnostics) {
    std::vector<std::string> names;
    for (const Phase& phase : rubric.phases) names.push_back(phase.name);
    for (const Followup& followup : question.followups) {
        if (followup.phase.empty() || rubric.find_phase(followup.phase)) continue;
        diagnostics.push_back(
            {question.place.file, followup.at.line, followup.at.column, Severity::error,
             with_suggestion(fmt::format("follow-up of \"{}\" names phase \"{}\", which rubric "
                                         "\"{}\" does not have",
                                         question.id, followup.phase, rubric.id),
                             followup.phase, names,
                             fmt::format("; its phases: {}", fmt::join(names, ", ")))});
    }
}

const Criterion* Rubric::find_criterion(std::string_view criterion_id) const {
    for (const Criterion& criterion : criteria)
        if (criterion.id == criterion_id) return &criterion;
    return nullptr;
}

LoadedFile load_file(const SourceFile& file, Diagnostics& diagnostics) {
    auto parsed = tomlfile::parse(file.path, file.bytes);
    const std::size_t before = diagnostics.size();
    diagnostics.insert(diagnostics.end(), parsed.diagnostics.begin(), parsed.diagnostics.end());
    LoadedFile loaded;
    if (!parsed.table) return loaded;
    const toml::table& root = *parsed.table;
    if (root.contains("rubric") && !root.contains("id")) {
        TableReader reader(file.path, root, "a question file", {"format", "rubric", "question"},
                           diagnostics);
        auto set = read_question_set(reader, diagnostics);
        if (diagnostics.size() == before) loaded.questions = std::move(set);
    } else {
        TableReader reader(
            file.path, root, "the rubric",
            {"format", "id", "name", "weight", "testing", "tip", "phase", "criterion", "question"},
            diagnostics);
        auto rubric = read_rubric(reader, diagnostics);
        if (diagnostics.size() == before) loaded.rubric = std::move(rubric);
    }
    return loaded;
}

bool valid_id(std::string_view id) {
    if (id.empty() || id.size() > 64) return false;
    for (char c : id)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
    return true;
}

Place place_of(std::string_view path, const toml::source_region& where) {
    return {std::string(path), static_cast<int>(where.begin.line),
            static_cast<int>(where.begin.column)};
}

std::optional<std::string> read_text(TableReader& reader, std::string_view key, Need need) {
    auto text = reader.string(key, need);
    if (text && text->find_first_not_of(" \t\r\n") == std::string::npos) {
        reader.error(reader.where(key), fmt::format("\"{}\" must not be empty", key));
        return std::nullopt;
    }
    return text;
}

void check_format(TableReader& reader, int version) {
    const auto format = reader.integer("format", Need::optional);
    if (format && *format != version) {
        reader.error(reader.where("format"),
                     *format > version
                         ? fmt::format("format {} is newer than this mockcoach reads ({}); "
                                       "upgrade mockcoach",
                                       *format, version)
                         : fmt::format("format must be {}", version));
    }
}

} // namespace mockcoach::rubric
