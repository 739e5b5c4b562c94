// Transcript TOML: a writer that keeps a readable key order and a strict reader.
#include "transcript/transcript.hpp"
#include "transcript/review_toml.hpp"

#include "transcript/scratch_toml.hpp"

#include "tomlfile/reader.hpp"
#include "util/json.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace mockcoach::transcript {

using tomlfile::Need;
using tomlfile::TableReader;

std::int64_t Transcript::budget_seconds() const {
    std::int64_t total = 0;
    for (const Phase& phase : phases) total += phase.budget_seconds;
    return total;
}

std::int64_t Transcript::used_seconds() const {
    std::int64_t total = 0;
    for (const Phase& phase : phases) total += phase.used_seconds;
    return total;
}

std::optional<double> mean_of(const std::vector<Score>& scores) {
    if (scores.empty()) return std::nullopt;
    double sum = 0;
    for (const Score& score : scores) sum += score.value;
    return sum / static_cast<double>(scores.size());
}

std::string toml_quote(std::string_view text) {
    return json_quote(text); // a TOML basic string escapes just what a JSON string does
}

std::string toml_float(double value) {
    if (!std::isfinite(value)) return "0.0";
    std::string text = fmt::format("{}", value);
    if (text.find_first_of(".e") == std::string::npos) text += ".0";
    return text;
}

std::string toml_date_time(const WallTime& when) {
    return format_date_time(when, DateTimeForm::iso);
}

std::string toml_list(const std::vector<std::string>& items) {
    std::string out = "[";
    for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + toml_quote(items[i]);
    return out + "]";
}

CoverageCounts count_coverage(const std::vector<KeyPoint>& points) {
    CoverageCounts counts;
    for (const KeyPoint& point : points) {
        if (point.result == Coverage::covered) ++counts.covered;
        if (point.result == Coverage::partly) ++counts.partly;
        if (point.result == Coverage::missed) ++counts.missed;
    }
    return counts;
}

bool Phase::ticked(std::size_t index) const {
    return std::any_of(checks.begin(), checks.end(), [&](const PromptCheck& check) {
        return check.prompt == static_cast<int>(index + 1);
    });
}

bool uses_format_3(const Transcript& t) {
    return t.loop.has_value() || t.scratch.has_value() || !t.reviews.empty();
}

int format_of(const Transcript& t) {
    if (uses_format_3(t)) return 3;
    const bool coached =
        !t.key_points.empty() || std::any_of(t.phases.begin(), t.phases.end(), [](const Phase& p) {
            return !p.checks.empty() || !p.followups.empty() || !p.prompts.empty();
        });
    return coached ? 2 : 1;
}

std::string to_toml(const Transcript& t) {
    std::string out = "# mockcoach transcript: one mock interview. Safe to read and edit.\n";
    out += fmt::format("format = {}\n", format_of(t));
    out += fmt::format("id = {}\n", toml_quote(t.id));
    out += fmt::format("status = {}\n", toml_quote(status_name(t.status)));
    out += fmt::format("mode = {}\n", toml_quote(t.mode));
    out += fmt::format("started_at = {}\n", toml_date_time(t.started_at));
    out += fmt::format("ended_at = {}\n", toml_date_time(t.ended_at));
    out += fmt::format("rubric = {}\n", toml_quote(t.rubric));
    out += fmt::format("rubric_name = {}\n", toml_quote(t.rubric_name));
    out += fmt::format("question_id = {}\n", toml_quote(t.question_id));
    out += fmt::format("question = {}\n", toml_quote(t.question));
    if (t.story) out += fmt::format("story = {}\n", toml_quote(*t.story));
    out += fmt::format("seed = {}", t.seed);
    if (!t.drawn_with.empty()) {
        // A comment ends at the line's end: a line break in it would spill into the document.
        std::string comment = t.drawn_with;
        for (char& c : comment)
            if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
        out += fmt::format("{}{}", draw_comment, comment);
    }
    out += "\n";
    out += fmt::format("speed = {}\n", toml_float(t.speed));
    out += fmt::format("clock = {}\n", toml_quote(t.clock));
    if (t.loop) {
        out += fmt::format("loop = {}\nround = {}\nrounds = {}\n", toml_quote(t.loop->id),
                           t.loop->round, t.loop->rounds);
        if (t.loop->questions > 1)
            out += fmt::format("round_question = {}\nround_questions = {}\n", t.loop->question,
                               t.loop->questions);
    }
    if (t.mean_score) out += fmt::format("mean_score = {}\n", toml_float(*t.mean_score));
    out += fmt::format("reflection = {}\n", toml_quote(t.reflection));
    if (t.category_guess)
        out += fmt::format("category_guess = {}\n", toml_quote(*t.category_guess));
    if (t.category_guess_correct)
        out += fmt::format("category_guess_correct = {}\n", *t.category_guess_correct);
    if (!t.skipped.empty()) {
        out += "skipped = [";
        for (std::size_t i = 0; i < t.skipped.size(); ++i)
            out += (i ? ", " : "") + toml_quote(t.skipped[i]);
        out += "]\n";
    }
    for (const Phase& phase : t.phases) {
        out += "\n[[phase]]\n";
        out += fmt::format("name = {}\n", toml_quote(phase.name));
        out += fmt::format("budget_seconds = {}\n", phase.budget_seconds);
        out += fmt::format("extended_seconds = {}\n", phase.extended_seconds);
        out += fmt::format("used_seconds = {}\n", phase.used_seconds);
        out += fmt::format("paused_seconds = {}\n", phase.paused_seconds);
        out += fmt::format("overtime_seconds = {}\n", phase.overtime_seconds);
        if (!phase.text.empty()) out += fmt::format("text = {}\n", toml_quote(phase.text));
        if (!phase.prompts.empty()) out += fmt::format("prompts = {}\n", toml_list(phase.prompts));
        for (const Note& note : phase.notes) {
            out += "\n[[phase.note]]\n";
            out += fmt::format("at_seconds = {}\n", note.at_seconds);
            out += fmt::format("text = {}\n", toml_quote(note.text));
        }
        for (const Followup& followup : phase.followups) {
            out += "\n[[phase.followup]]\n";
            out += fmt::format("at_seconds = {}\n", followup.at_seconds);
            out += fmt::format("text = {}\n", toml_quote(followup.text));
        }
        for (const PromptCheck& check : phase.checks) {
            out += "\n[[phase.check]]\n";
            out += fmt::format("prompt = {}\n", check.prompt);
            out += fmt::format("at_seconds = {}\n", check.at_seconds);
        }
    }
    for (const KeyPoint& point : t.key_points) {
        out += "\n[[key_point]]\n";
        out += fmt::format("text = {}\n", toml_quote(point.text));
        if (point.result)
            out += fmt::format("result = {}\n", toml_quote(coverage_name(*point.result)));
    }
    for (const Score& score : t.scores) {
        out += "\n[[score]]\n";
        out += fmt::format("criterion = {}\n", toml_quote(score.criterion));
        out += fmt::format("name = {}\n", toml_quote(score.name));
        out += fmt::format("value = {}\n", score.value);
    }
    if (t.scratch) out += scratch_toml(*t.scratch);
    // Reviews last: `score` appends a review to the file as it is (add_review).
    return out + reviews_to_toml(t.reviews);
}

namespace {

std::int64_t seconds(TableReader& reader, std::string_view key, Need need) {
    const auto value = reader.integer(key, need);
    if (value && *value < 0) {
        reader.error(reader.where(key), fmt::format("\"{}\" must not be negative", key));
        return 0;
    }
    return value.value_or(0);
}

Phase read_phase(std::string_view path, const toml::table& table, Diagnostics& diagnostics) {
    TableReader reader(path, table, "[[phase]]",
                       {"name", "budget_seconds", "extended_seconds", "used_seconds",
                        "paused_seconds", "overtime_seconds", "text", "note", "prompts", "followup",
                        "check"},
                       diagnostics);
    Phase phase;
    phase.name = reader.string("name", Need::required).value_or("");
    phase.budget_seconds = seconds(reader, "budget_seconds", Need::required);
    phase.extended_seconds = seconds(reader, "extended_seconds", Need::optional);
    phase.used_seconds = seconds(reader, "used_seconds", Need::required);
    phase.paused_seconds = seconds(reader, "paused_seconds", Need::required);
    phase.overtime_seconds = seconds(reader, "overtime_seconds", Need::required);
    phase.text = reader.string("text", Need::optional).value_or("");
    for (const toml::table* note_table : reader.tables("note", Need::optional)) {
        TableReader note_reader(path, *note_table, "[[phase.note]]", {"at_seconds", "text"},
                                diagnostics);
        Note note;
        note.at_seconds = seconds(note_reader, "at_seconds", Need::required);
        note.text = note_reader.string("text", Need::required).value_or("");
        phase.notes.push_back(std::move(note));
    }
    phase.prompts = reader.strings("prompts", Need::optional).value_or(std::vector<std::string>{});
    for (const toml::table* followup_table : reader.tables("followup", Need::optional)) {
        TableReader followup_reader(path, *followup_table, "[[phase.followup]]",
                                    {"at_seconds", "text"}, diagnostics);
        Followup followup;
        followup.at_seconds = seconds(followup_reader, "at_seconds", Need::required);
        followup.text = followup_reader.string("text", Need::required).value_or("");
        phase.followups.push_back(std::move(followup));
    }
    for (const toml::table* check_table : reader.tables("check", Need::optional)) {
        TableReader check_reader(path, *check_table, "[[phase.check]]", {"prompt", "at_seconds"},
                                 diagnostics);
        PromptCheck check;
        const auto prompt = check_reader.integer("prompt", Need::required);
        if (prompt && (*prompt < 1 || *prompt > 1000))
            check_reader.error(check_reader.where("prompt"),
                               "\"prompt\" is a prompt's number in its phase, from 1");
        check.prompt = static_cast<int>(prompt.value_or(1));
        check.at_seconds = seconds(check_reader, "at_seconds", Need::required);
        phase.checks.push_back(check);
    }
    return phase;
}

// `loop`, `round` and `rounds`: all three or none, from format 3 on.
std::optional<LoopPlace> read_loop_place(TableReader& reader, std::int64_t format) {
    const auto id = reader.string("loop", Need::optional);
    const auto round = reader.integer("round", Need::optional);
    const auto rounds = reader.integer("rounds", Need::optional);
    if (!id && !round && !rounds) return std::nullopt;
    const std::string_view first = id ? "loop" : round ? "round" : "rounds";
    if (format < 3) {
        reader.error(reader.where(first),
                     fmt::format("\"{}\" needs format = 3 (a round of an onsite loop)", first));
        return std::nullopt;
    }
    if (!id || !round || !rounds) {
        reader.error(reader.where(first), "a round of a loop has \"loop\", \"round\" and "
                                          "\"rounds\" together");
        return std::nullopt;
    }
    if (id->empty()) reader.error(reader.where("loop"), "\"loop\" must not be empty");
    if (*rounds < 1 || *rounds > 100)
        reader.error(reader.where("rounds"), "\"rounds\" must be 1 to 100");
    else if (*round < 1 || *round > *rounds)
        reader.error(reader.where("round"),
                     fmt::format("\"round\" must be 1 to {} (\"rounds\")", *rounds));
    LoopPlace place{*id, static_cast<int>(*round), static_cast<int>(*rounds)};
    const auto question = reader.integer("round_question", Need::optional);
    const auto questions = reader.integer("round_questions", Need::optional);
    if (question.has_value() != questions.has_value()) {
        reader.error(reader.where(question ? "round_question" : "round_questions"),
                     "\"round_question\" and \"round_questions\" go together");
    } else if (questions) {
        if (*questions < 1 || *questions > 100)
            reader.error(reader.where("round_questions"), "\"round_questions\" must be 1 to 100");
        else if (*question < 1 || *question > *questions)
            reader.error(reader.where("round_question"),
                         fmt::format("\"round_question\" must be 1 to {}", *questions));
        place.question = static_cast<int>(*question);
        place.questions = static_cast<int>(*questions);
    }
    return place;
}

// Line `number` (from 1) of `bytes`, without its line break.
std::string_view line_at(std::string_view bytes, std::size_t number) {
    std::size_t start = 0;
    for (std::size_t n = 1; n < number; ++n) {
        const std::size_t end = bytes.find('\n', start);
        if (end == std::string_view::npos) return {};
        start = end + 1;
    }
    const std::size_t end = bytes.find('\n', start);
    return bytes.substr(start, end == std::string_view::npos ? end : end - start);
}

} // namespace

std::string drawn_with_in(std::string_view line) {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const std::size_t at = line.find(draw_comment);
    if (at == std::string_view::npos) return {};
    // A comment cannot hold a line break; anything else in it is the user's to edit.
    return std::string(line.substr(at + draw_comment.size()));
}

std::optional<Transcript> read_transcript(std::string_view path, std::string_view bytes,
                                          Diagnostics& diagnostics) {
    auto parsed = tomlfile::parse(path, bytes);
    const std::size_t before = diagnostics.size();
    diagnostics.insert(diagnostics.end(), parsed.diagnostics.begin(), parsed.diagnostics.end());
    if (!parsed.table) return std::nullopt;
    TableReader reader(path, *parsed.table, "the transcript",
                       {"format",
                        "id",
                        "status",
                        "mode",
                        "started_at",
                        "ended_at",
                        "rubric",
                        "rubric_name",
                        "question_id",
                        "question",
                        "story",
                        "seed",
                        "speed",
                        "clock",
                        "mean_score",
                        "reflection",
                        "category_guess",
                        "category_guess_correct",
                        "skipped",
                        "phase",
                        "score",
                        "key_point",
                        "loop",
                        "round",
                        "rounds",
                        "round_question",
                        "round_questions",
                        "scratch",
                        "review"},
                       diagnostics);
    const auto format = reader.integer("format", Need::required);
    if (format && (*format < 1 || *format > format_version)) {
        reader.error(reader.where("format"),
                     *format > format_version
                         ? fmt::format("transcript format {} is newer than this mockcoach reads "
                                       "(1 to {}); upgrade mockcoach",
                                       *format, format_version)
                         : fmt::format("transcript format {} is not one this mockcoach reads "
                                       "(1 to {})",
                                       *format, format_version));
        return std::nullopt;
    }
    Transcript t;
    t.id = reader.string("id", Need::required).value_or("");
    if (auto status = reader.string("status", Need::required)) {
        if (auto known = parse_status(*status))
            t.status = *known;
        else
            reader.error(
                reader.where("status"),
                fmt::format("status \"{}\" is not completed, ended-early or interrupted", *status));
    }
    t.mode = reader.string("mode", Need::optional).value_or("interview");
    if (auto when = reader.date_time("started_at", Need::required)) t.started_at = *when;
    if (auto when = reader.date_time("ended_at", Need::required)) t.ended_at = *when;
    t.rubric = reader.string("rubric", Need::required).value_or("");
    t.rubric_name = reader.string("rubric_name", Need::optional).value_or(t.rubric);
    t.question_id = reader.string("question_id", Need::required).value_or("");
    t.question = reader.string("question", Need::required).value_or("");
    t.story = reader.string("story", Need::optional);
    t.seed = reader.integer("seed", Need::optional).value_or(0);
    if (const toml::node* seed = reader.node("seed"))
        t.drawn_with = drawn_with_in(line_at(bytes, seed->source().begin.line));
    t.speed = reader.number("speed", Need::optional).value_or(1);
    t.clock = reader.string("clock", Need::optional).value_or("real");
    t.reflection = reader.string("reflection", Need::optional).value_or("");
    t.category_guess = reader.string("category_guess", Need::optional);
    t.category_guess_correct = reader.boolean("category_guess_correct", Need::optional);
    t.skipped = reader.strings("skipped", Need::optional).value_or(std::vector<std::string>{});
    t.loop = read_loop_place(reader, format.value_or(format_version));
    for (const toml::table* table : reader.tables("phase", Need::required))
        t.phases.push_back(read_phase(path, *table, diagnostics));
    for (const toml::table* table : reader.tables("score", Need::optional)) {
        TableReader score_reader(path, *table, "[[score]]", {"criterion", "name", "value"},
                                 diagnostics);
        Score score;
        score.criterion = score_reader.string("criterion", Need::required).value_or("");
        score.name = score_reader.string("name", Need::optional).value_or(score.criterion);
        const auto value = score_reader.integer("value", Need::required);
        if (value && (*value < 1 || *value > 5))
            score_reader.error(score_reader.where("value"), "score \"value\" must be 1 to 5");
        score.value = static_cast<int>(value.value_or(0));
        t.scores.push_back(std::move(score));
    }
    for (const toml::table* table : reader.tables("key_point", Need::optional)) {
        TableReader point_reader(path, *table, "[[key_point]]", {"text", "result"}, diagnostics);
        KeyPoint point;
        point.text = point_reader.string("text", Need::required).value_or("");
        if (auto result = point_reader.string("result", Need::optional)) {
            point.result = parse_coverage(*result);
            if (!point.result)
                point_reader.error(point_reader.where("result"),
                                   fmt::format("key point \"result\" \"{}\" is not covered, "
                                               "partly or missed",
                                               *result));
        }
        t.key_points.push_back(std::move(point));
    }
    if (const toml::table* scratch = reader.table("scratch", Need::optional)) {
        // Like a loop's keys: an older mockcoach would refuse [scratch], so it needs format 3.
        if (format.value_or(format_version) < 3)
            reader.error(reader.where("scratch"), "[scratch] needs format = 3 (a scratchpad)");
        t.scratch = read_scratch(path, *scratch, diagnostics);
    }
    t.reviews = read_reviews(path, reader, t.key_points.size(), diagnostics);
    // The mean is derived from the scores; a stored one that disagrees is ignored.
    t.mean_score = mean_of(t.scores);
    if (diagnostics.size() != before) return std::nullopt;
    return t;
}

} // namespace mockcoach::transcript
