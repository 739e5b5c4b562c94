// Layering rubric files into one catalog: later layers replace rubrics by id, question files add.
#include "rubric/rubric.hpp"

#include "util/suggest.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <unordered_map>

namespace mockcoach::rubric {
namespace {

Diagnostic error_at(const Place& place, std::string message) {
    return {place.file, place.line, place.column, Severity::error, std::move(message)};
}

} // namespace

Catalog build_catalog(std::vector<Layer> layers) {
    Catalog catalog;
    std::map<std::string, Rubric, std::less<>> by_id;
    std::vector<QuestionSet> question_sets;
    for (Layer& layer : layers) {
        catalog.diagnostics.insert(catalog.diagnostics.end(), layer.read_problems.begin(),
                                   layer.read_problems.end());
        std::map<std::string, Place, std::less<>> defined_here;
        const auto add = [&](Rubric& rubric) {
            rubric.origin = layer.origin;
            auto [previous, inserted] = defined_here.emplace(rubric.id, rubric.place);
            if (!inserted) {
                catalog.diagnostics.push_back(
                    error_at(rubric.place,
                             fmt::format("rubric id \"{}\" is already defined in {}:{}", rubric.id,
                                         previous->second.file, previous->second.line)));
                return;
            }
            by_id.insert_or_assign(rubric.id, std::move(rubric));
        };
        for (Rubric& rubric : layer.loaded) {
            catalog.files_read.push_back(rubric.place.file);
            add(rubric);
        }
        for (const SourceFile& file : layer.files) {
            catalog.files_read.push_back(file.path);
            LoadedFile loaded = load_file(file, catalog.diagnostics);
            if (loaded.questions) question_sets.push_back(std::move(*loaded.questions));
            if (loaded.rubric) add(*loaded.rubric);
        }
    }

    std::vector<std::string> known;
    for (const auto& [id, rubric] : by_id) known.push_back(id);
    std::map<std::string, std::unordered_map<std::string, std::size_t>> question_ids;
    for (QuestionSet& set : question_sets) {
        auto found = by_id.find(set.rubric_id);
        if (found == by_id.end()) {
            catalog.diagnostics.push_back(
                error_at(set.place,
                         with_suggestion(fmt::format("unknown rubric \"{}\"", set.rubric_id),
                                         set.rubric_id, known, "; see `mockcoach rubrics list`")));
            continue;
        }
        Rubric& rubric = found->second;
        // An index of the rubric's question ids, so that a file adding 100,000 questions is
        // checked in linear time, not quadratic.
        auto& ids = question_ids[rubric.id];
        if (ids.empty())
            for (std::size_t i = 0; i < rubric.questions.size(); ++i)
                ids.emplace(rubric.questions[i].id, i);
        for (Question& question : set.questions) {
            if (const auto at = ids.find(question.id); at != ids.end()) {
                const Question* existing = &rubric.questions[at->second];
                catalog.diagnostics.push_back(
                    error_at(question.place,
                             fmt::format("question id \"{}\" is already in rubric \"{}\" ({}:{})",
                                         question.id, rubric.id, existing->place.file,
                                         existing->place.line)));
                continue;
            }
            check_followup_phases(rubric, question, catalog.diagnostics);
            ids.emplace(question.id, rubric.questions.size());
            rubric.questions.push_back(std::move(question));
        }
    }

    for (const auto& [id, rubric] : by_id)
        for (const Question& question : rubric.questions)
            for (const std::string& other : question.also)
                if (!by_id.contains(other))
                    catalog.diagnostics.push_back(error_at(
                        {question.place.file, question.also_at.line, question.also_at.column},
                        with_suggestion(fmt::format("question \"{}\" lists unknown rubric \"{}\" "
                                                    "in \"also\"",
                                                    question.id, other),
                                        other, known, "; see `mockcoach rubrics list`")));

    for (auto& [id, rubric] : by_id) catalog.rubrics.push_back(std::move(rubric));
    std::stable_sort(catalog.rubrics.begin(), catalog.rubrics.end(),
                     [](const Rubric& a, const Rubric& b) { return a.weight > b.weight; });
    return catalog;
}

const Rubric* Catalog::find(std::string_view id) const {
    for (const Rubric& rubric : rubrics)
        if (rubric.id == id) return &rubric;
    return nullptr;
}

std::vector<std::string> Catalog::ids() const {
    std::vector<std::string> result;
    for (const Rubric& rubric : rubrics) result.push_back(rubric.id);
    return result;
}

std::size_t Catalog::question_count() const {
    std::size_t count = 0;
    for (const Rubric& rubric : rubrics) count += rubric.questions.size();
    return count;
}

} // namespace mockcoach::rubric
