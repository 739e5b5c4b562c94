// The index file: written with the transcript writer's TOML building blocks, read back by a
// strict reader of just that shape.
#include "history/index.hpp"
#include "history/index_cursor.hpp"

#include "util/text.hpp"
#include "util/wall_time.hpp"

#include <algorithm>
#include <charconv>
#include <fmt/format.h>

namespace mockcoach::history {

using transcript::toml_date_time;
using transcript::toml_quote;

std::string index_to_toml(const Index& index) {
    std::string out =
        "# mockcoach history index: a summary of each transcript in one sessions folder, so that\n"
        "# history and stats need not read them all. A cache: rebuilt from the transcripts when\n"
        "# they change, safe to delete.\n"
        "# phases = [[name, budget_seconds, extended_seconds, used_seconds, overtime_seconds]]\n"
        "# scores = [[criterion, name, value]]\n"
        "# key_points = [[text, result]] (result \"\" when not checked)\n"
        "# prompts = [[text, ticked]] (sessions with a prompt ticked)\n"
        "# review_scores = [[by, criterion, value]] (sessions with reviews)\n";
    out.reserve(out.size() + index.sessions.size() * 1000);
    out += fmt::format("format = {}\nfolder = {}\n", index_format, toml_quote(index.folder));
    for (std::size_t i = 0; i < index.sessions.size(); ++i) {
        const Session& s = index.sessions[i];
        const FileStamp& stamp = index.stamps[i];
        out += fmt::format("\n[[session]]\nfile = {}\nsize = {}\nmtime_ns = {}\n",
                           toml_quote(s.file), stamp.size, stamp.mtime_ns);
        out += fmt::format("id = {}\nstatus = {}\nmode = {}\nstarted_at = {}\n", toml_quote(s.id),
                           toml_quote(transcript::status_name(s.status)), toml_quote(s.mode),
                           toml_date_time(s.started_at));
        out += fmt::format("rubric = {}\nrubric_name = {}\nquestion_id = {}\nquestion = {}\n",
                           toml_quote(s.rubric), toml_quote(s.rubric_name),
                           toml_quote(s.question_id), toml_quote(s.question));
        if (s.category_guess)
            out += fmt::format("category_guess = {}\n", toml_quote(*s.category_guess));
        if (s.category_guess_correct)
            out += fmt::format("category_guess_correct = {}\n", *s.category_guess_correct);
        if (s.loop)
            out += fmt::format("loop = {}\nround = {}\nrounds = {}\nround_question = {}\n"
                               "round_questions = {}\n",
                               toml_quote(s.loop->id), s.loop->round, s.loop->rounds,
                               s.loop->question, s.loop->questions);
        out += "phases = [";
        for (std::size_t i = 0; i < s.phases.size(); ++i) {
            const transcript::PhaseTiming& p = s.phases[i];
            out += fmt::format("{}[{}, {}, {}, {}, {}]", i ? ", " : "", toml_quote(p.name),
                               p.budget_seconds, p.extended_seconds, p.used_seconds,
                               p.overtime_seconds);
        }
        out += "]\nscores = [";
        for (std::size_t i = 0; i < s.scores.size(); ++i) {
            const transcript::Score& score = s.scores[i];
            out += fmt::format("{}[{}, {}, {}]", i ? ", " : "", toml_quote(score.criterion),
                               toml_quote(score.name), score.value);
        }
        out += "]\n";
        if (!s.key_points.empty()) {
            out += "key_points = [";
            for (std::size_t i = 0; i < s.key_points.size(); ++i) {
                const transcript::KeyPoint& point = s.key_points[i];
                out += fmt::format(
                    "{}[{}, {}]", i ? ", " : "", toml_quote(point.text),
                    toml_quote(point.result ? transcript::coverage_name(*point.result) : ""));
            }
            out += "]\n";
        }
        if (!s.prompts.empty()) {
            out += "prompts = [";
            for (std::size_t i = 0; i < s.prompts.size(); ++i)
                out += fmt::format("{}[{}, {}]", i ? ", " : "", toml_quote(s.prompts[i].text),
                                   s.prompts[i].ticked);
            out += "]\n";
        }
        if (!s.review_scores.empty()) {
            out += "review_scores = [";
            for (std::size_t i = 0; i < s.review_scores.size(); ++i) {
                const ReviewScore& score = s.review_scores[i];
                out += fmt::format("{}[{}, {}, {}]", i ? ", " : "", toml_quote(score.by),
                                   toml_quote(score.criterion), score.value);
            }
            out += "]\n";
        }
    }
    return out;
}

namespace {

using detail::Cursor;

bool read_phases(Cursor& in, std::vector<transcript::PhaseTiming>& phases) {
    if (!in.literal("[")) return false;
    phases.reserve(in.count('['));
    if (in.literal("]")) return true;
    do {
        transcript::PhaseTiming p; // paused_seconds is not in the index
        if (!in.literal("[") || !in.text(p.name) || !in.literal(", ") ||
            !in.integer(p.budget_seconds) || !in.literal(", ") || !in.integer(p.extended_seconds) ||
            !in.literal(", ") || !in.integer(p.used_seconds) || !in.literal(", ") ||
            !in.integer(p.overtime_seconds) || !in.literal("]"))
            return false;
        phases.push_back(std::move(p));
    } while (in.literal(", "));
    return in.literal("]");
}

bool read_scores(Cursor& in, std::vector<transcript::Score>& scores) {
    if (!in.literal("[")) return false;
    scores.reserve(in.count('['));
    if (in.literal("]")) return true;
    do {
        transcript::Score score;
        std::int64_t value = 0;
        if (!in.literal("[") || !in.text(score.criterion) || !in.literal(", ") ||
            !in.text(score.name) || !in.literal(", ") || !in.integer(value) || !in.literal("]") ||
            value < 1 || value > 5)
            return false;
        score.value = static_cast<int>(value);
        scores.push_back(std::move(score));
    } while (in.literal(", "));
    return in.literal("]");
}

bool read_key_points(Cursor& in, std::vector<transcript::KeyPoint>& points) {
    if (!in.literal("[")) return false;
    points.reserve(in.count('['));
    if (in.literal("]")) return true;
    do {
        transcript::KeyPoint point;
        std::string result;
        if (!in.literal("[") || !in.text(point.text) || !in.literal(", ") || !in.text(result) ||
            !in.literal("]"))
            return false;
        if (!result.empty()) {
            point.result = transcript::parse_coverage(result);
            if (!point.result) return false;
        }
        points.push_back(std::move(point));
    } while (in.literal(", "));
    return in.literal("]");
}

bool read_prompts(Cursor& in, std::vector<PromptTick>& prompts) {
    if (!in.literal("[")) return false;
    prompts.reserve(in.count('['));
    if (in.literal("]")) return true;
    do {
        PromptTick prompt;
        if (!in.literal("[") || !in.text(prompt.text) || !in.literal(", ") ||
            !in.boolean(prompt.ticked) || !in.literal("]"))
            return false;
        prompts.push_back(std::move(prompt));
    } while (in.literal(", "));
    return in.literal("]");
}

bool read_review_scores(Cursor& in, std::vector<ReviewScore>& scores) {
    if (!in.literal("[")) return false;
    scores.reserve(in.count('['));
    if (in.literal("]")) return true;
    do {
        ReviewScore score;
        std::int64_t value = 0;
        if (!in.literal("[") || !in.text(score.by) || !in.literal(", ") ||
            !in.text(score.criterion) || !in.literal(", ") || !in.integer(value) ||
            !in.literal("]") || value < 1 || value > 5)
            return false;
        score.value = static_cast<int>(value);
        scores.push_back(std::move(score));
    } while (in.literal(", "));
    return in.literal("]");
}

// The keys of a [[session]], as bits; those below `required` are required, the rest optional.
enum Key : unsigned {
    file = 1u << 0,
    size = 1u << 1,
    mtime = 1u << 2,
    id = 1u << 3,
    status = 1u << 4,
    mode = 1u << 5,
    started = 1u << 6,
    rubric = 1u << 7,
    rubric_name = 1u << 8,
    question_id = 1u << 9,
    question = 1u << 10,
    phases = 1u << 11,
    scores = 1u << 12,
    required = (1u << 13) - 1,
    guess = 1u << 13,
    guess_correct = 1u << 14,
    key_points = 1u << 15,
    prompts = 1u << 16,
    loop = 1u << 17,
    round = 1u << 18,
    rounds = 1u << 19,
    round_question = 1u << 20,
    round_questions = 1u << 21,
    review_scores = 1u << 22,
};

std::optional<Key> key_of(std::string_view key) {
    static constexpr std::pair<std::string_view, Key> keys[] = {
        {"file", file},
        {"size", size},
        {"mtime_ns", mtime},
        {"id", id},
        {"status", status},
        {"mode", mode},
        {"started_at", started},
        {"rubric", rubric},
        {"rubric_name", rubric_name},
        {"question_id", question_id},
        {"question", question},
        {"phases", phases},
        {"scores", scores},
        {"category_guess", guess},
        {"category_guess_correct", guess_correct},
        {"key_points", key_points},
        {"prompts", prompts},
        {"loop", loop},
        {"round", round},
        {"rounds", rounds},
        {"round_question", round_question},
        {"round_questions", round_questions},
        {"review_scores", review_scores},
    };
    for (const auto& [name, bit] : keys)
        if (name == key) return bit;
    return std::nullopt;
}

transcript::LoopPlace& loop_place(Session& s) {
    return s.loop ? *s.loop : s.loop.emplace();
}

bool read_value(Key key, Cursor& in, Session& s, FileStamp& stamp) {
    switch (key) {
    case file:
        return in.string(s.file);
    case size:
        return in.integer(stamp.size);
    case mtime:
        return in.integer(stamp.mtime_ns);
    case id:
        return in.text(s.id);
    case status: {
        std::string text;
        if (!in.string(text)) return false;
        const auto known = transcript::parse_status(text);
        if (known) s.status = *known;
        return known.has_value();
    }
    case mode:
        return in.text(s.mode);
    case started:
        return in.date_time(s.started_at);
    case rubric:
        return in.text(s.rubric);
    case rubric_name:
        return in.text(s.rubric_name);
    case question_id:
        return in.text(s.question_id);
    case question:
        return in.text(s.question);
    case phases:
        return read_phases(in, s.phases);
    case scores:
        return read_scores(in, s.scores);
    case key_points:
        return read_key_points(in, s.key_points);
    case prompts:
        return read_prompts(in, s.prompts);
    case review_scores:
        return read_review_scores(in, s.review_scores);
    case guess:
        return in.text(s.category_guess.emplace());
    case guess_correct: {
        bool right = false;
        if (!in.boolean(right)) return false;
        s.category_guess_correct = right;
        return true;
    }
    case loop:
        return in.text(loop_place(s).id);
    case round:
    case rounds:
    case round_question:
    case round_questions: {
        std::int64_t number = 0;
        if (!in.integer(number) || number < 1 || number > 100) return false;
        transcript::LoopPlace& place = loop_place(s);
        (key == round            ? place.round
         : key == rounds         ? place.rounds
         : key == round_question ? place.question
                                 : place.questions) = static_cast<int>(number);
        return true;
    }
    default:
        return false;
    }
}

// One `key = value` line of a [[session]]: false for an unknown or repeated key or a bad value.
bool read_session_line(std::string_view name, Cursor& in, Session& session, FileStamp& stamp,
                       unsigned& seen) {
    const auto key = key_of(name);
    if (!key || (seen & *key)) return false;
    seen |= *key;
    return read_value(*key, in, session, stamp);
}

} // namespace

std::optional<Index> read_index(std::string_view bytes) {
    Index index;
    // Reserved for more sessions than can fit (each takes over 300 bytes): pages never touched
    // cost nothing, and growing a vector of 100,000 sessions would copy it over and over.
    index.sessions.reserve(bytes.size() / 300 + 1);
    index.stamps.reserve(bytes.size() / 300 + 1);
    bool format_seen = false, folder_seen = false;
    bool in_session = false;
    unsigned seen = 0;
    for (std::size_t start = 0; start < bytes.size();) {
        std::size_t end = bytes.find('\n', start);
        if (end == std::string_view::npos) end = bytes.size();
        const std::string_view line = bytes.substr(start, end - start);
        start = end + 1;
        if (line.empty() || line.front() == '#') continue;
        if (line == "[[session]]") {
            if (!format_seen || !folder_seen ||
                (in_session && (seen & Key::required) != Key::required))
                return std::nullopt;
            index.sessions.emplace_back();
            index.stamps.emplace_back();
            in_session = true;
            seen = 0;
            continue;
        }
        const std::size_t equals = line.find(" = ");
        if (equals == std::string_view::npos) return std::nullopt;
        const std::string_view key = line.substr(0, equals);
        Cursor in(line.substr(equals + 3));
        bool ok = false;
        if (in_session) {
            ok = read_session_line(key, in, index.sessions.back(), index.stamps.back(), seen);
        } else if (key == "format") {
            std::int64_t format = 0;
            ok = in.integer(format) && format == index_format && !format_seen;
            format_seen = true;
        } else if (key == "folder") {
            ok = in.string(index.folder) && !folder_seen;
            folder_seen = true;
        }
        if (!ok || !in.done()) return std::nullopt;
    }
    if (!format_seen || !folder_seen || (in_session && (seen & Key::required) != Key::required))
        return std::nullopt;
    return index;
}

} // namespace mockcoach::history
