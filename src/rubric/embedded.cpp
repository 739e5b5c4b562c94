// The shipped rubrics as Rubric values, built from the data the generator wrote at build time:
// no TOML to parse, and key points and follow-ups, the bulk of the text, are views of the data
// rather than copies.
#include "rubric/embedded.hpp"

namespace mockcoach::rubric {
namespace {

class Reader {
  public:
    Reader(const RubricSet& data, std::string file) : data_(data), file_(std::move(file)) {}

    std::string_view text(TextRef ref) const { return data_.text.substr(ref.offset, ref.size); }

    template <typename Item> std::span<const Item> items(std::span<const Item> all, ListRef list) {
        return all.subspan(list.first, list.count);
    }

    std::vector<std::string> strings(ListRef list) {
        std::vector<std::string> result;
        result.reserve(list.count);
        for (const TextRef ref : items(data_.strings, list)) result.emplace_back(text(ref));
        return result;
    }

    std::vector<std::string_view> views(ListRef list) {
        std::vector<std::string_view> result;
        result.reserve(list.count);
        for (const TextRef ref : items(data_.strings, list)) result.push_back(text(ref));
        return result;
    }

    Place place(Position at) const { return {file_, at.line, at.column}; }

    Question question(const QuestionData& data) {
        Question question;
        question.id = text(data.id);
        question.text = text(data.text);
        question.weight = data.weight;
        question.tags = strings(data.tags);
        question.also = strings(data.also);
        question.also_at = data.also_at;
        question.key_points = views(data.key_points); // the static data lives as long as we do
        question.followups.reserve(data.followups.count);
        for (const FollowupData& followup : items(data_.followups, data.followups))
            question.followups.push_back({text(followup.phase), text(followup.text), followup.at});
        question.place = place(data.at);
        return question;
    }

    Rubric rubric(const RubricData& data) {
        Rubric rubric;
        rubric.id = text(data.id);
        rubric.name = text(data.name);
        rubric.weight = data.weight;
        rubric.testing = text(data.testing);
        rubric.tip = text(data.tip);
        rubric.phases.reserve(data.phases.count);
        for (const PhaseData& phase : items(data_.phases, data.phases))
            rubric.phases.push_back(
                {std::string(text(phase.name)), phase.minutes, strings(phase.prompts)});
        rubric.criteria.reserve(data.criteria.count);
        for (const CriterionData& criterion : items(data_.criteria, data.criteria)) {
            Criterion& added = rubric.criteria.emplace_back();
            added.id = text(criterion.id);
            added.name = text(criterion.name);
            for (const LevelData& level : items(data_.levels, criterion.levels))
                added.levels.emplace_hint(added.levels.end(), level.score, text(level.meaning));
        }
        rubric.questions.reserve(data.questions.count);
        for (const QuestionData& question : items(data_.questions, data.questions))
            rubric.questions.push_back(this->question(question));
        rubric.place = place(data.at);
        return rubric;
    }

  private:
    const RubricSet& data_;
    std::string file_;
};

} // namespace

Layer layer_of(const RubricSet& data, std::string origin, std::string_view folder) {
    Layer layer{std::move(origin), {}, {}};
    layer.loaded.reserve(data.rubrics.size());
    for (const RubricData& rubric : data.rubrics) {
        Reader reader(data, std::string(folder) + std::string(data.text.substr(rubric.file.offset,
                                                                               rubric.file.size)));
        layer.loaded.push_back(reader.rubric(rubric));
    }
    return layer;
}

Layer embedded_layer() {
    return layer_of(embedded_rubric_data(), "built-in", "built-in:rubrics/");
}

} // namespace mockcoach::rubric
