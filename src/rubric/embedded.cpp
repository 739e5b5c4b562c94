// The shipped rubrics as Rubric values, built from the data the generator wrote at build time:
// no TOML to parse, and key points and follow-ups, the bulk of the text, are views of the data
// rather than copies.
#include "rubric/embedded.hpp"

namespace mockcoach::rubric {
namespace {

std::vector<std::string> strings_of(std::span<const std::string_view> views) {
    return {views.begin(), views.end()};
}

Place place_of(const std::string& file, PositionData at) {
    return {file, at.line, at.column};
}

Question question_of(const QuestionData& data, const std::string& file) {
    Question question;
    question.id = data.id;
    question.text = data.text;
    question.weight = data.weight;
    question.tags = strings_of(data.tags);
    question.also = strings_of(data.also);
    question.also_place = place_of(file, data.also_at);
    // Views of the static data: the bulk of the text, never copied.
    question.key_points.assign(data.key_points.begin(), data.key_points.end());
    question.followups.reserve(data.followups.size());
    for (const FollowupData& followup : data.followups)
        question.followups.push_back({followup.phase, followup.text, place_of(file, followup.at)});
    question.place = place_of(file, data.at);
    return question;
}

Rubric rubric_of(const RubricData& data, const std::string& file) {
    Rubric rubric;
    rubric.id = data.id;
    rubric.name = data.name;
    rubric.weight = data.weight;
    rubric.testing = data.testing;
    rubric.tip = data.tip;
    rubric.phases.reserve(data.phases.size());
    for (const PhaseData& phase : data.phases)
        rubric.phases.push_back(
            {std::string(phase.name), phase.minutes, strings_of(phase.prompts)});
    rubric.criteria.reserve(data.criteria.size());
    for (const CriterionData& criterion : data.criteria) {
        Criterion& added = rubric.criteria.emplace_back();
        added.id = criterion.id;
        added.name = criterion.name;
        for (const LevelData& level : criterion.levels)
            added.levels.emplace_hint(added.levels.end(), level.score, level.meaning);
    }
    rubric.questions.reserve(data.questions.size());
    for (const QuestionData& question : data.questions)
        rubric.questions.push_back(question_of(question, file));
    rubric.place = place_of(file, data.at);
    return rubric;
}

} // namespace

Layer layer_of(std::span<const RubricData> data, std::string origin, std::string_view folder) {
    Layer layer{std::move(origin), {}, {}};
    layer.loaded.reserve(data.size());
    for (const RubricData& rubric : data) {
        const std::string file = std::string(folder) + std::string(rubric.file);
        layer.loaded.push_back(rubric_of(rubric, file));
    }
    return layer;
}

Layer embedded_layer() {
    return layer_of(embedded_rubric_data(), "built-in", "built-in:rubrics/");
}

} // namespace mockcoach::rubric
