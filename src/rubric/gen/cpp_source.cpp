// Writing rubrics out as constexpr arrays of string_views, spans and numbers: one array a list,
// named after where it sits (r2_q14_key_points), then one RubricData per rubric.
#include "rubric/gen/cpp_source.hpp"

#include <fmt/format.h>

namespace mockcoach::rubric::gen {
namespace {

// The shortest text that reads back as exactly `value`, as a floating literal.
std::string cpp_double(double value) {
    std::string text = fmt::format("{}", value);
    if (text.find_first_of(".e") == std::string::npos) text += ".0";
    return text;
}

std::string cpp_position(const Place& place) {
    return fmt::format("{{{}, {}}}", place.line, place.column);
}

class Writer {
  public:
    // Defines `name` as an array of string_views and returns how to refer to it ("{}" if empty:
    // C++ has no arrays of no elements).
    template <typename Strings>
    std::string strings(const std::string& name, const Strings& values) {
        if (values.empty()) return "{}";
        out_ += fmt::format("constexpr std::string_view {}[] = {{\n", name);
        for (std::string_view value : values) out_ += fmt::format("    {},\n", cpp_literal(value));
        out_ += "};\n";
        return name;
    }

    // The arrays `prefix` + "_..." of one question, and its QuestionData initializer.
    std::string question(const std::string& prefix, const Question& question) {
        const std::string tags = strings(prefix + "_tags", question.tags);
        const std::string also = strings(prefix + "_also", question.also);
        const std::string key_points = strings(prefix + "_key_points", question.key_points);
        std::string followups = "{}";
        if (!question.followups.empty()) {
            followups = prefix + "_followups";
            out_ += fmt::format("constexpr FollowupData {}[] = {{\n", followups);
            for (const Followup& followup : question.followups)
                out_ += fmt::format("    {{{}, {}, {}}},\n", cpp_literal(followup.phase),
                                    cpp_literal(followup.text), cpp_position(followup.place));
            out_ += "};\n";
        }
        return fmt::format(
            "    {{{}, {}, {}, {}, {}, {}, {}, {}, {}}},\n", cpp_literal(question.id),
            cpp_literal(question.text), cpp_double(question.weight), tags, also,
            cpp_position(question.also_place), key_points, followups, cpp_position(question.place));
    }

    // The arrays of rubric number `index` and its RubricData initializer.
    std::string rubric(std::size_t index, const NamedRubric& named) {
        const Rubric& rubric = *named.rubric;
        const std::string prefix = fmt::format("r{}", index);
        std::string phases;
        for (std::size_t i = 0; i < rubric.phases.size(); ++i) {
            const Phase& phase = rubric.phases[i];
            const std::string prompts =
                strings(fmt::format("{}_phase{}_prompts", prefix, i), phase.prompts);
            phases += fmt::format("    {{{}, {}, {}}},\n", cpp_literal(phase.name),
                                  cpp_double(phase.minutes), prompts);
        }
        std::string criteria;
        for (std::size_t i = 0; i < rubric.criteria.size(); ++i) {
            const Criterion& criterion = rubric.criteria[i];
            const std::string levels = fmt::format("{}_criterion{}_levels", prefix, i);
            out_ += fmt::format("constexpr LevelData {}[] = {{\n", levels);
            for (const auto& [score, meaning] : criterion.levels)
                out_ += fmt::format("    {{{}, {}}},\n", score, cpp_literal(meaning));
            out_ += "};\n";
            criteria += fmt::format("    {{{}, {}, {}}},\n", cpp_literal(criterion.id),
                                    cpp_literal(criterion.name), levels);
        }
        std::string questions;
        for (std::size_t i = 0; i < rubric.questions.size(); ++i)
            questions += question(fmt::format("{}_q{}", prefix, i), rubric.questions[i]);

        const auto array = [&](std::string_view type, std::string_view suffix,
                               const std::string& items) -> std::string {
            if (items.empty()) return "{}";
            const std::string name = fmt::format("{}_{}", prefix, suffix);
            out_ += fmt::format("constexpr {} {}[] = {{\n{}}};\n", type, name, items);
            return name;
        };
        const std::string phase_array = array("PhaseData", "phases", phases);
        const std::string criterion_array = array("CriterionData", "criteria", criteria);
        const std::string question_array = array("QuestionData", "questions", questions);
        out_ += "\n";
        return fmt::format("    {{{}, {}, {}, {}, {}, {}, {}, {}, {}, {}}},\n",
                           cpp_literal(named.file), cpp_literal(rubric.id),
                           cpp_literal(rubric.name), cpp_double(rubric.weight),
                           cpp_literal(rubric.testing), cpp_literal(rubric.tip), phase_array,
                           criterion_array, question_array, cpp_position(rubric.place));
    }

    std::string& text() { return out_; }

  private:
    std::string out_;
};

} // namespace

std::string cpp_literal(std::string_view text) {
    std::string literal = "\"";
    char previous = 0;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        // "??" starts a trigraph to a C++14 compiler (and a warning to a C++20 one).
        if (c == '"' || c == '\\' || (c == '?' && previous == '?'))
            literal += {'\\', c};
        else if (c == '\n')
            literal += "\\n";
        else if (c == '\t')
            literal += "\\t";
        else if (byte < 0x20 || byte >= 0x7f)
            literal += fmt::format("\\{:03o}", byte);
        else
            literal += c;
        previous = c;
    }
    return literal + "\"";
}

std::string cpp_source(std::span<const NamedRubric> rubrics, std::string_view function) {
    Writer writer;
    std::string& out = writer.text();
    out += "// Generated by mockcoach_rubric_gen (src/rubric/gen/) from these rubric files, each\n"
           "// checked by the loader; do not edit.\n";
    for (const NamedRubric& named : rubrics) out += fmt::format("//   {}\n", named.file);
    out += "#include \"rubric/embedded.hpp\"\n\nnamespace mockcoach::rubric {\nnamespace {\n\n";
    std::string table;
    for (std::size_t i = 0; i < rubrics.size(); ++i) table += writer.rubric(i, rubrics[i]);
    if (!table.empty()) out += fmt::format("constexpr RubricData rubrics[] = {{\n{}}};\n", table);
    out +=
        fmt::format("\n}} // namespace\n\nstd::span<const RubricData> {}() {{\n    return {};\n}}"
                    "\n\n}} // namespace mockcoach::rubric\n",
                    function, table.empty() ? "{}" : "rubrics");
    return out;
}

} // namespace mockcoach::rubric::gen
