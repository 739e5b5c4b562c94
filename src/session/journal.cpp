// Journal lines in and out, the journal file, and replay.
#include "session/journal.hpp"

#include "session/scratch.hpp"
#include "tomlfile/reader.hpp"
#include "util/errors.hpp"

#include <cerrno>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/file.h>
#include <unistd.h>

namespace mockcoach::session {

using transcript::toml_date_time;
using transcript::toml_float;
using transcript::toml_list;
using transcript::toml_quote;

std::string journal_header(const Plan& plan, const transcript::Transcript& meta) {
    std::string phases = "[";
    for (std::size_t i = 0; i < plan.phases.size(); ++i) {
        const PhasePlan& p = plan.phases[i];
        std::string probes;
        for (const Probe& probe : p.probes)
            probes += fmt::format("{}{{ at_ms = {}, text = {} }}", probes.empty() ? "" : ", ",
                                  probe.at, toml_quote(probe.text));
        phases += fmt::format("{}{{ name = {}, budget_ms = {}, prompts = {}{} }}", i ? ", " : "",
                              toml_quote(p.name), p.budget, toml_list(p.prompts),
                              probes.empty() ? "" : ", probes = [" + probes + "]");
    }
    phases += "]";
    std::string criteria = "[";
    for (std::size_t i = 0; i < plan.criteria.size(); ++i) {
        const CriterionPlan& c = plan.criteria[i];
        std::string levels;
        for (const auto& [level, meaning] : c.levels)
            levels +=
                fmt::format("{}{} = {}", levels.empty() ? "" : ", ", level, toml_quote(meaning));
        criteria += fmt::format("{}{{ id = {}, name = {}, levels = {{ {} }} }}", i ? ", " : "",
                                toml_quote(c.id), toml_quote(c.name), levels);
    }
    criteria += "]";
    std::string story = meta.story ? ", story = " + toml_quote(*meta.story) : "";
    if (!plan.key_points.empty()) story += ", key_points = " + toml_list(plan.key_points);
    if (!plan.also.empty()) story += ", also = " + toml_list(plan.also);
    if (meta.loop)
        story += fmt::format(", loop = {}, round = {}, rounds = {}, round_question = {}, "
                             "round_questions = {}",
                             toml_quote(meta.loop->id), meta.loop->round, meta.loop->rounds,
                             meta.loop->question, meta.loop->questions);
    return fmt::format(
        "session = {{ format = {}, id = {}, mode = {}, started_at = {}, seed = {}, speed = {}, "
        "clock = {}, rubric = {}, rubric_name = {}, question_id = {}, question = {}, testing = "
        "{}, tip = {}, blind = {}, auto_advance = {}, phases = {}, criteria = {}{} }}{}\n",
        transcript::format_version, toml_quote(meta.id), toml_quote(meta.mode),
        toml_date_time(meta.started_at), meta.seed, toml_float(meta.speed), toml_quote(meta.clock),
        toml_quote(plan.rubric_id), toml_quote(plan.rubric_name), toml_quote(plan.question_id),
        toml_quote(plan.question), toml_quote(plan.testing), toml_quote(plan.tip), plan.blind,
        plan.auto_advance, phases, criteria, story,
        meta.drawn_with.empty() ? std::string()
                                : std::string(transcript::draw_comment) + meta.drawn_with);
}

std::string journal_line(const Event& event) {
    std::string line =
        fmt::format("event = {{ at = {}, kind = {}", event.at, toml_quote(event_name(event.kind)));
    if (!event.text.empty()) line += fmt::format(", text = {}", toml_quote(event.text));
    if (event.number != 0) line += fmt::format(", number = {}", event.number);
    return line + " }\n";
}

namespace {

using tomlfile::Need;
using tomlfile::TableReader;

std::optional<Journal> read_header(std::string_view path, const toml::table& root,
                                   Diagnostics& diagnostics) {
    const std::size_t before = diagnostics.size();
    TableReader top(path, root, "the journal header", {"session"}, diagnostics);
    const toml::table* session = top.table("session", Need::required);
    if (!session) return std::nullopt;
    TableReader r(path, *session, "the journal header",
                  {"format",   "id",       "mode",   "started_at",     "seed",
                   "speed",    "clock",    "rubric", "rubric_name",    "question_id",
                   "question", "testing",  "tip",    "blind",          "auto_advance",
                   "phases",   "criteria", "story",  "key_points",     "also",
                   "loop",     "round",    "rounds", "round_question", "round_questions"},
                  diagnostics);
    Journal journal;
    const auto format = r.integer("format", Need::required);
    if (format && (*format < 1 || *format > transcript::format_version))
        r.error(r.where("format"),
                fmt::format("journal format {} is not one this mockcoach reads", *format));
    journal.meta.id = r.string("id", Need::required).value_or("");
    journal.meta.mode = r.string("mode", Need::optional).value_or("interview");
    if (auto when = r.date_time("started_at", Need::required)) journal.meta.started_at = *when;
    journal.meta.seed = r.integer("seed", Need::optional).value_or(0);
    journal.meta.speed = r.number("speed", Need::optional).value_or(1);
    journal.meta.clock = r.string("clock", Need::optional).value_or("real");
    journal.meta.story = r.string("story", Need::optional);
    if (auto loop = r.string("loop", Need::optional)) {
        const auto round = r.integer("round", Need::required);
        const auto rounds = r.integer("rounds", Need::required);
        const auto question = r.integer("round_question", Need::required);
        const auto questions = r.integer("round_questions", Need::required);
        const auto out_of = [](const auto& n, const auto& of) {
            return n && of && (*of < 1 || *of > 100 || *n < 1 || *n > *of);
        };
        if (out_of(round, rounds) || out_of(question, questions))
            r.error(r.where("round"), "a loop's round and question must be 1 to their counts "
                                      "(at most 100)");
        journal.meta.loop = transcript::LoopPlace{
            *loop, static_cast<int>(round.value_or(1)), static_cast<int>(rounds.value_or(1)),
            static_cast<int>(question.value_or(1)), static_cast<int>(questions.value_or(1))};
    }
    Plan& plan = journal.plan;
    plan.rubric_id = r.string("rubric", Need::required).value_or("");
    plan.rubric_name = r.string("rubric_name", Need::optional).value_or(plan.rubric_id);
    plan.question_id = r.string("question_id", Need::required).value_or("");
    plan.question = r.string("question", Need::required).value_or("");
    plan.testing = r.string("testing", Need::optional).value_or("");
    plan.tip = r.string("tip", Need::optional).value_or("");
    plan.blind = r.boolean("blind", Need::optional).value_or(false);
    plan.auto_advance = r.boolean("auto_advance", Need::optional).value_or(false);
    plan.key_points = r.strings("key_points", Need::optional).value_or(std::vector<std::string>{});
    plan.also = r.strings("also", Need::optional).value_or(std::vector<std::string>{});
    if (const toml::node* phases = r.node("phases"); phases && phases->is_array()) {
        for (const toml::node& item : *phases->as_array()) {
            if (!item.is_table()) continue;
            TableReader p(path, *item.as_table(), "a journal phase",
                          {"name", "budget_ms", "prompts", "probes"}, diagnostics);
            PhasePlan phase;
            phase.name = p.string("name", Need::required).value_or("");
            phase.budget = p.integer("budget_ms", Need::required).value_or(0);
            if (phase.budget <= 0) p.error(p.where("budget_ms"), "a phase budget must be positive");
            phase.prompts =
                p.strings("prompts", Need::optional).value_or(std::vector<std::string>{});
            if (const toml::node* probes = p.node("probes"); probes && probes->is_array()) {
                for (const toml::node& probe_node : *probes->as_array()) {
                    if (!probe_node.is_table()) continue;
                    TableReader probe(path, *probe_node.as_table(), "a journal follow-up",
                                      {"at_ms", "text"}, diagnostics);
                    const Millis at = probe.integer("at_ms", Need::required).value_or(0);
                    if (!phase.probes.empty() && at < phase.probes.back().at)
                        probe.error(probe.where("at_ms"), "follow-ups must be in time order");
                    phase.probes.push_back({at, probe.string("text", Need::required).value_or("")});
                }
            }
            plan.phases.push_back(std::move(phase));
        }
    }
    if (plan.phases.empty()) r.error(r.where(), "the journal header lists no phases");
    if (const toml::node* criteria = r.node("criteria"); criteria && criteria->is_array()) {
        for (const toml::node& item : *criteria->as_array()) {
            if (!item.is_table()) continue;
            TableReader c(path, *item.as_table(), "a journal criterion", {"id", "name", "levels"},
                          diagnostics);
            CriterionPlan criterion;
            criterion.id = c.string("id", Need::required).value_or("");
            criterion.name = c.string("name", Need::required).value_or("");
            if (const toml::table* levels = c.table("levels", Need::optional)) {
                for (const auto& [key, value] : *levels) {
                    const std::string_view k = key.str();
                    if (k.size() == 1 && k[0] >= '1' && k[0] <= '5' && value.is_string())
                        criterion.levels[k[0] - '0'] = value.as_string()->get();
                }
            }
            plan.criteria.push_back(std::move(criterion));
        }
    }
    if (diagnostics.size() != before) return std::nullopt;
    return journal;
}

std::optional<Event> read_event(std::string_view path, const toml::table& root,
                                Diagnostics& diagnostics) {
    const std::size_t before = diagnostics.size();
    TableReader top(path, root, "a journal line", {"event"}, diagnostics);
    const toml::table* table = top.table("event", Need::required);
    if (!table) return std::nullopt;
    TableReader r(path, *table, "a journal event", {"at", "kind", "text", "number"}, diagnostics);
    Event event{EventKind::tick};
    event.at = r.integer("at", Need::required).value_or(0);
    const auto kind = r.string("kind", Need::required);
    if (kind) {
        if (auto known = parse_event_name(*kind))
            event.kind = *known;
        else
            r.error(r.where("kind"), fmt::format("unknown event \"{}\"", *kind));
    }
    event.text = r.string("text", Need::optional).value_or("");
    event.number = r.integer("number", Need::optional).value_or(0);
    if (diagnostics.size() != before) return std::nullopt;
    return event;
}

} // namespace

std::optional<Journal> read_journal(std::string_view path, std::string_view bytes,
                                    Diagnostics& diagnostics) {
    std::optional<Journal> journal;
    std::size_t start = 0;
    int line_number = 0;
    while (start < bytes.size()) {
        std::size_t end = bytes.find('\n', start);
        const bool torn = end == std::string_view::npos; // the last write never finished
        if (torn) end = bytes.size();
        ++line_number;
        const std::string_view line = bytes.substr(start, end - start);
        start = end + 1;
        if (line.empty()) continue;
        // Each line parses alone; its diagnostics are moved to its line in the file.
        Diagnostics found;
        auto parsed = tomlfile::parse(path, line);
        found = parsed.diagnostics;
        std::optional<Event> event;
        if (parsed.table) {
            if (!journal) {
                journal = read_header(path, *parsed.table, found);
                if (journal) journal->meta.drawn_with = transcript::drawn_with_in(line);
            } else
                event = read_event(path, *parsed.table, found);
        }
        for (Diagnostic& d : found) {
            d.line = line_number;
            d.severity = journal ? Severity::warning : Severity::error;
        }
        if (!journal) {
            diagnostics.insert(diagnostics.end(), found.begin(), found.end());
            if (diagnostics.empty())
                diagnostics.push_back({std::string(path), line_number, 1, Severity::error,
                                       "the journal header is unreadable"});
            return std::nullopt;
        }
        if (event)
            journal->events.push_back(std::move(*event));
        else if (!torn && line_number > 1)
            diagnostics.insert(diagnostics.end(), found.begin(), found.end());
    }
    if (!journal)
        diagnostics.push_back({std::string(path), 0, 0, Severity::error, "the journal is empty"});
    return journal;
}

WallTime wall_end(const WallTime& start, Millis elapsed, double speed) {
    const double real_ms = static_cast<double>(elapsed) / (speed > 0 ? speed : 1);
    // The offset is kept, so the end reads in the start's zone.
    return {start.utc + std::chrono::seconds{static_cast<std::time_t>(real_ms / 1000 + 0.5)},
            start.offset_minutes};
}

transcript::Transcript replay(const Journal& journal) {
    Engine engine(journal.plan);
    for (const Event& event : journal.events) engine.apply(event);
    if (engine.stage() != Stage::done) engine.apply({EventKind::interrupt, engine.now()});
    transcript::Transcript record = engine.record(journal.meta);
    record.ended_at = wall_end(record.started_at, engine.now(), record.speed);
    return record;
}

JournalFile::JournalFile(const std::filesystem::path& folder, const std::string& id,
                         const std::string& header) {
    for (int attempt = 1; fd_ < 0; ++attempt) {
        const std::string name = attempt == 1 ? id : fmt::format("{}-{}", id, attempt);
        path_ = folder / (name + std::string(journal_extension));
        // The transcript is saved under the journal's name, and `recover` takes a transcript
        // of that name as this session's: so a name an earlier transcript has is passed over.
        // A scratchpad left by an earlier session of that name is the user's: passed over too.
        if (attempt <= 100 && (std::filesystem::exists(folder / (name + ".toml")) ||
                               std::filesystem::exists(scratch_path(folder, name))))
            continue;
        fd_ = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC, 0644);
        if (fd_ < 0 && (errno != EEXIST || attempt > 100))
            throw IoError(
                fmt::format("cannot create {}: {}", path_.string(), std::strerror(errno)));
    }
    // Held while the session runs, so `recover` in another terminal leaves a live journal alone.
    ::flock(fd_, LOCK_EX | LOCK_NB);
    // Not synced on its own: the first event's sync (the clock starting) carries it to disk,
    // and a journal with no event holds nothing worth recovering.
    append(header, false);
}

JournalFile::~JournalFile() {
    if (fd_ >= 0) ::close(fd_);
}

void JournalFile::append(const std::string& line, bool durable) {
    // One write per line: O_APPEND keeps it whole against other writers; fdatasync makes it
    // survive a crash of the process or the machine.
    std::string_view rest = line;
    while (!rest.empty()) {
        const ssize_t wrote = ::write(fd_, rest.data(), rest.size());
        if (wrote < 0 && errno == EINTR) continue;
        if (wrote < 0)
            throw IoError(fmt::format("cannot write {}: {}", path_.string(), std::strerror(errno)));
        rest.remove_prefix(static_cast<std::size_t>(wrote));
    }
    if (durable && ::fdatasync(fd_) != 0)
        throw IoError(fmt::format("cannot flush {}: {}", path_.string(), std::strerror(errno)));
}

void JournalFile::remove() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
    ::unlink(path_.c_str());
}

} // namespace mockcoach::session
