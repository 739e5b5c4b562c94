// The loop's state file in and out of TOML, where it lives, and what a resume goes on with.
#include "loop/loop.hpp"

#include "tomlfile/reader.hpp"
#include "tomlfile/tomlfile.hpp"
#include "util/atomic_file.hpp"
#include "util/errors.hpp"
#include "util/files.hpp"
#include "util/name_table.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/file.h>
#include <unistd.h>

namespace mockcoach::loop {

using tomlfile::Need;
using tomlfile::TableReader;
using transcript::toml_date_time;
using transcript::toml_list;
using transcript::toml_quote;

namespace {

constexpr auto break_names = name_table<BreakState>({
    {BreakState::pending, "pending"},
    {BreakState::taken, "taken"},
    {BreakState::skipped, "skipped"},
});

std::int64_t non_negative(TableReader& reader, std::string_view key) {
    const auto value = reader.integer(key, Need::required);
    if (value && (*value < 0 || *value > 24 * 3600)) {
        reader.error(reader.where(key), fmt::format("\"{}\" must be 0 to 86400", key));
        return 0;
    }
    return value.value_or(0);
}

Slot read_slot(std::string_view path, const toml::table& table, Diagnostics& diagnostics) {
    TableReader r(
        path, table, "[[round.question]]",
        {"rubric", "rubric_name", "question_id", "question", "budget_seconds", "sessions", "done"},
        diagnostics);
    Slot slot;
    slot.rubric = r.string("rubric", Need::required).value_or("");
    slot.rubric_name = r.string("rubric_name", Need::optional).value_or(slot.rubric);
    slot.question_id = r.string("question_id", Need::required).value_or("");
    slot.question = r.string("question", Need::required).value_or("");
    slot.budget_seconds = non_negative(r, "budget_seconds");
    if (slot.budget_seconds == 0 && r.node("budget_seconds"))
        r.error(r.where("budget_seconds"), "\"budget_seconds\" must be positive");
    slot.sessions = r.strings("sessions", Need::optional).value_or(std::vector<std::string>{});
    slot.done = r.boolean("done", Need::optional).value_or(false);
    if (slot.done && slot.sessions.empty())
        r.error(r.where("done"), "a question done names the session it was done in "
                                 "(\"sessions\")");
    return slot;
}

RoundState read_round(std::string_view path, const toml::table& table, Diagnostics& diagnostics) {
    TableReader r(path, table, "[[round]]", {"name", "break_seconds", "break", "question"},
                  diagnostics);
    RoundState round;
    round.name = r.string("name", Need::required).value_or("");
    round.break_seconds = non_negative(r, "break_seconds");
    if (const auto text = r.string("break", Need::optional)) {
        if (const auto known = break_names.parse(*text))
            round.break_state = *known;
        else
            r.error(r.where("break"),
                    fmt::format("\"break\" \"{}\" is not pending, taken or skipped", *text));
    }
    for (const toml::table* slot : r.tables("question", Need::required))
        round.questions.push_back(read_slot(path, *slot, diagnostics));
    if (round.questions.size() > 100)
        r.error(r.where("question"), "a round has at most 100 questions");
    return round;
}

} // namespace

bool RoundState::done() const {
    return std::all_of(questions.begin(), questions.end(), [](const Slot& s) { return s.done; });
}

std::int64_t RoundState::budget_seconds() const {
    std::int64_t total = 0;
    for (const Slot& slot : questions) total += slot.budget_seconds;
    return total;
}

std::size_t LoopState::next_round() const {
    const auto open = std::find_if(rounds.begin(), rounds.end(),
                                   [](const RoundState& round) { return !round.done(); });
    return static_cast<std::size_t>(open - rounds.begin());
}

std::filesystem::path state_folder(const std::filesystem::path& sessions) {
    return sessions / "loops";
}

std::string state_to_toml(const LoopState& s) {
    std::string out = "# mockcoach loop: the plan and progress of one onsite day. The rounds' "
                      "transcripts\n# are the record; this file lets `mockcoach loop --resume` "
                      "go on where the day stopped.\n";
    out += fmt::format("format = {}\nid = {}\nprofile = {}\nprofile_name = {}\nseed = {}\n",
                       state_format, toml_quote(s.id), toml_quote(s.profile),
                       toml_quote(s.profile_name), s.seed);
    out += fmt::format("clock = {}\nstarted_at = {}\n", toml_quote(s.clock),
                       toml_date_time(s.started_at));
    if (s.finished_at) out += fmt::format("finished_at = {}\n", toml_date_time(*s.finished_at));
    for (const RoundState& r : s.rounds) {
        out += fmt::format("\n[[round]]\nname = {}\nbreak_seconds = {}\n", toml_quote(r.name),
                           r.break_seconds);
        if (r.break_state != BreakState::pending)
            out += fmt::format("break = {}\n", toml_quote(break_names.name_of(r.break_state)));
        for (const Slot& q : r.questions) {
            out += fmt::format("\n[[round.question]]\nrubric = {}\nrubric_name = {}\n",
                               toml_quote(q.rubric), toml_quote(q.rubric_name));
            out += fmt::format("question_id = {}\nquestion = {}\nbudget_seconds = {}\n",
                               toml_quote(q.question_id), toml_quote(q.question), q.budget_seconds);
            if (!q.sessions.empty()) out += fmt::format("sessions = {}\n", toml_list(q.sessions));
            if (q.done) out += "done = true\n";
        }
    }
    return out;
}

std::optional<LoopState> read_state(std::string_view path, std::string_view bytes,
                                    Diagnostics& diagnostics) {
    auto parsed = tomlfile::parse(path, bytes);
    const std::size_t before = diagnostics.size();
    diagnostics.insert(diagnostics.end(), parsed.diagnostics.begin(), parsed.diagnostics.end());
    if (!parsed.table) return std::nullopt;
    TableReader r(path, *parsed.table, "the loop state",
                  {"format", "id", "profile", "profile_name", "seed", "clock", "started_at",
                   "finished_at", "round"},
                  diagnostics);
    const auto format = r.integer("format", Need::required);
    if (format && *format != state_format) {
        r.error(r.where("format"),
                *format > state_format
                    ? fmt::format("loop state format {} is newer than this mockcoach reads ({}); "
                                  "upgrade mockcoach",
                                  *format, state_format)
                    : fmt::format("loop state format {} is not one this mockcoach reads ({})",
                                  *format, state_format));
        return std::nullopt;
    }
    LoopState state;
    state.id = r.string("id", Need::required).value_or("");
    state.profile = r.string("profile", Need::required).value_or("");
    state.profile_name = r.string("profile_name", Need::optional).value_or(state.profile);
    state.seed = r.integer("seed", Need::required).value_or(0);
    state.clock = r.string("clock", Need::optional).value_or("real");
    if (auto when = r.date_time("started_at", Need::required)) state.started_at = *when;
    state.finished_at = r.date_time("finished_at", Need::optional);
    for (const toml::table* table : r.tables("round", Need::required))
        state.rounds.push_back(read_round(path, *table, diagnostics));
    if (state.rounds.empty() && diagnostics.size() == before)
        r.error(r.where(), "a loop has at least one [[round]]");
    if (state.rounds.size() > 100) r.error(r.where("round"), "a loop has at most 100 rounds");
    if (diagnostics.size() != before) return std::nullopt;
    return state;
}

void save_state(const std::filesystem::path& sessions, const LoopState& state) {
    const auto folder = state_folder(sessions);
    prepare_folder(folder);
    replace_file(folder / (state.id + ".toml"), state_to_toml(state));
}

LoadedStates load_states(const std::filesystem::path& sessions) {
    LoadedStates loaded;
    for (const auto& path : list_files(state_folder(sessions), ".toml")) {
        Diagnostics problems;
        const auto bytes = read_file(path, tomlfile::max_file_bytes, problems);
        auto state = bytes ? read_state(path.string(), *bytes, problems) : std::nullopt;
        if (state) {
            loaded.states.push_back(std::move(*state));
        } else if (!problems.empty()) {
            Diagnostic warning = problems.front();
            warning.severity = Severity::warning;
            warning.message = "skipped: " + warning.message;
            loaded.problems.push_back(std::move(warning));
        }
    }
    // Ids start with the start time: the greatest is the newest.
    std::sort(loaded.states.begin(), loaded.states.end(),
              [](const LoopState& a, const LoopState& b) { return a.id > b.id; });
    return loaded;
}

std::optional<DayLock> DayLock::try_take(const std::filesystem::path& sessions,
                                         const std::string& id) {
    const auto folder = state_folder(sessions);
    prepare_folder(folder);
    const auto path = folder / ("." + id + ".lock");
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) throw IoError(fmt::format("{}: {}", path.string(), std::strerror(errno)));
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        const int error = errno;
        ::close(fd);
        if (error == EWOULDBLOCK) return std::nullopt;
        throw IoError(fmt::format("{}: {}", path.string(), std::strerror(error)));
    }
    return DayLock(fd);
}

DayLock::DayLock(const std::filesystem::path& sessions, const std::string& id) {
    auto taken = try_take(sessions, id);
    if (!taken)
        throw IoError(fmt::format("loop {} is running in another mockcoach; finish or stop it "
                                  "there first",
                                  id));
    fd_ = taken->fd_;
    taken->fd_ = -1;
}

DayLock create_state(const std::filesystem::path& sessions, LoopState& state) {
    const std::string wanted = state.id;
    const auto folder = state_folder(sessions);
    prepare_folder(folder);
    for (int n = 1; n < 1000; ++n) {
        state.id = n == 1 ? wanted : fmt::format("{}-{}", wanted, n);
        // Locked first: a day running under this name, even one whose file is not written
        // yet, keeps it.
        auto lock = DayLock::try_take(sessions, state.id);
        if (!lock) continue;
        if (write_file_if_new(folder / (state.id + ".toml"), state_to_toml(state)))
            return std::move(*lock);
    }
    state.id = wanted;
    throw IoError(
        fmt::format("cannot find a free name for loop {} in {}", wanted, folder.string()));
}

DayLock::~DayLock() {
    if (fd_ >= 0) ::close(fd_);
}

std::size_t resume_point(LoopState& state, const StatusOf& status_of) {
    for (RoundState& round : state.rounds)
        for (Slot& slot : round.questions) {
            if (slot.done || slot.sessions.empty()) continue;
            const auto status = status_of(slot.sessions.back());
            slot.done = status && *status != transcript::Status::interrupted;
        }
    return state.next_round();
}

Pick pick_to_resume(std::span<const LoopState> states, std::string_view id) {
    Pick pick;
    if (id.empty()) {
        for (std::size_t i = 0; i < states.size(); ++i)
            if (!states[i].finished()) {
                pick.index = i;
                return pick;
            }
        pick.error = states.empty() ? "no loop to resume: start one with `mockcoach loop`"
                                    : "every loop is finished: start a new one with "
                                      "`mockcoach loop`";
        return pick;
    }
    std::vector<std::size_t> matches;
    for (std::size_t i = 0; i < states.size(); ++i) {
        if (states[i].id == id) {
            matches = {i};
            break;
        }
        if (states[i].id.find(id) != std::string::npos) matches.push_back(i);
    }
    if (matches.size() > 1) {
        std::string ids;
        for (const std::size_t i : matches) ids += (ids.empty() ? "" : ", ") + states[i].id;
        pick.error = fmt::format("\"{}\" matches {} loops: {}", id, matches.size(), ids);
    } else if (matches.empty()) {
        pick.error = fmt::format("no loop \"{}\"", id);
    } else if (states[matches.front()].finished()) {
        pick.error = fmt::format("loop {} is finished: `mockcoach show {}` shows the day",
                                 states[matches.front()].id, states[matches.front()].id);
    } else {
        pick.index = matches.front();
    }
    return pick;
}

} // namespace mockcoach::loop
