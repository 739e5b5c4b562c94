// The onsite loop (`mockcoach loop`): a day of rounds drawn from one seed, the small state
// file that lets a killed day resume where it stopped, and the day's summary computed from the
// rounds' transcripts (the one record; the state file only remembers the plan and the progress).
#pragma once

#include "bank/bank.hpp"
#include "history/history.hpp"
#include "rubric/rubric.hpp"
#include "session/engine.hpp"
#include "transcript/transcript.hpp"
#include "util/diagnostic.hpp"
#include "util/style.hpp"
#include "util/wall_time.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace mockcoach::loop {

// ---- The day's plan -------------------------------------------------------------------------

// A round as a loop profile defines it.
struct RoundSpec {
    std::string name;                    // "ML system design"
    std::vector<std::string> categories; // rubric ids its questions are drawn among
    std::optional<double> minutes;       // the round's length; none: the drawn rubrics' own
    int questions = 1;                   // asked back to back, each its own session
    double break_minutes = 0;            // the break after the round (none after the last)
};

// One question of a round: one session, run again when a kill or a signal interrupted it.
struct Slot {
    std::string rubric;
    std::string rubric_name;
    std::string question_id;
    std::string question;
    std::int64_t budget_seconds = 0; // its share of the round, the phases' budgets summed
    // The sessions started for it, in order: an interrupted attempt stays listed (its
    // transcript is kept) and the question is asked again.
    std::vector<std::string> sessions;
    bool done = false; // its last session was saved completed or ended early
    friend bool operator==(const Slot&, const Slot&) = default;
};

// What became of the break after a round.
enum class BreakState { pending, taken, skipped };

struct RoundState {
    std::string name;
    std::vector<Slot> questions;
    std::int64_t break_seconds = 0; // after the round; always 0 after the last
    BreakState break_state = BreakState::pending;

    bool done() const;
    std::int64_t budget_seconds() const;
    friend bool operator==(const RoundState&, const RoundState&) = default;
};

struct DayDraw {
    std::vector<RoundState> rounds;
    std::string error; // why no day could be drawn (an unknown category, a round with none)
};

// A round's weights: for its rubrics (in its categories' order), what the profile gives them.
using WeightsFor = std::function<bank::DrawWeights(std::span<const rubric::Rubric* const> rubrics)>;

// The day's questions, drawn at once from `seed`: each question's category and question by
// `weights_for` (the profile's weights; none: the seed's), a question drawn earlier in the day
// held back, so none comes twice. A round that asks more questions than its categories hold
// (or than the rounds before it left) is an error: no day is drawn. A round's minutes are
// shared among its questions in whole seconds.
DayDraw plan_day(std::span<const RoundSpec> specs, const rubric::Catalog& catalog,
                 const WeightsFor& weights_for, std::uint64_t seed);

// The phase budgets scaled to `total_seconds` in whole seconds that sum to it exactly
// (largest remainder; each phase keeps at least one second).
std::vector<session::Millis> scale_budgets(std::span<const session::Millis> budgets,
                                           std::int64_t total_seconds);

// A question's session plan: its phases' budgets scaled to the question's share of the round.
void scale_plan(session::Plan& plan, std::int64_t total_seconds);

// "20261207-091500-ml-engineer-onsite": like a session id, from the local start time.
std::string loop_id(std::chrono::system_clock::time_point started, std::string_view profile);

// ---- Breaks in scripted mode ---------------------------------------------------------------

// What a script says during a break: `skip`, `wait SECONDS` (the break goes on for that long,
// no further than its end) or `quit` (the day stops, to be resumed).
struct BreakLine {
    enum class Kind { skip, wait, quit };
    Kind kind = Kind::skip;
    session::Millis wait = 0;
};
// nullopt for a blank line or a # comment; else the command, or why the line is not one.
std::optional<std::variant<BreakLine, std::string>> parse_break_line(std::string_view line);

// ---- The state file ------------------------------------------------------------------------

// One day: written atomically to SESSIONS/loops/ID.toml after every change.
struct LoopState {
    std::string id;
    std::string profile;
    std::string profile_name;
    std::int64_t seed = 0;
    std::string clock = "real";
    WallTime started_at;
    std::optional<WallTime> finished_at;
    std::vector<RoundState> rounds;

    bool finished() const { return finished_at.has_value(); }
    // The first round not done (rounds.size() when all are).
    std::size_t next_round() const;
};

inline constexpr int state_format = 1;

// The state files' folder: a subfolder, so the sessions folder's readers (history, recover),
// which look only at the files directly in it, never take a state file for a transcript.
std::filesystem::path state_folder(const std::filesystem::path& sessions);

std::string state_to_toml(const LoopState& state);
// Problems go to `diagnostics` as FILE:LINE:COLUMN, as for every user file.
std::optional<LoopState> read_state(std::string_view path, std::string_view bytes,
                                    Diagnostics& diagnostics);

// Writes the state atomically (temp file, fsync, rename). Throws IoError.
void save_state(const std::filesystem::path& sessions, const LoopState& state);

class DayLock;
// A new day's first state, saved under a free name with the day's lock held before it is
// written: `state.id` when free, else `state.id`-2, -3, … (a day started in the same second, in
// this mockcoach or another, keeps its own file). Never replaces a state file. Sets `state.id`
// to the name taken and returns its lock. Throws IoError.
DayLock create_state(const std::filesystem::path& sessions, LoopState& state);

struct LoadedStates {
    std::vector<LoopState> states; // newest first
    Diagnostics problems;          // one warning per unreadable state file
};
LoadedStates load_states(const std::filesystem::path& sessions);

// Held while a day runs: a second mockcoach that would run the same day (`loop --resume` in
// another terminal) is refused instead of writing the state file too. The lock is a hidden,
// empty file beside the state files, which the lock dies with when the process does (kill -9
// included).
class DayLock {
  public:
    // Throws IoError naming the day when another process holds it or the lock cannot be made.
    DayLock(const std::filesystem::path& sessions, const std::string& id);
    // The lock, or nullopt when another process holds it. Throws IoError when it cannot be made.
    static std::optional<DayLock> try_take(const std::filesystem::path& sessions,
                                           const std::string& id);
    ~DayLock();
    DayLock(DayLock&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
    DayLock(const DayLock&) = delete;
    DayLock& operator=(const DayLock&) = delete;
    DayLock& operator=(DayLock&&) = delete;

  private:
    explicit DayLock(int fd) : fd_(fd) {}
    int fd_ = -1;
};

// ---- Resuming -------------------------------------------------------------------------------

// The status of a session's saved transcript, or none when there is none (yet).
using StatusOf = std::function<std::optional<transcript::Status>(const std::string& session)>;

// Brings the state up to what the sessions folder holds: a question whose last session was
// saved completed or ended early is done, even when the kill came before the state said so. An
// interrupted last session leaves it to be asked again (from the start, the same question).
// Returns the round to go on with (rounds.size(): none is left).
std::size_t resume_point(LoopState& state, const StatusOf& status_of);

// The loop `--resume` picks: by id (a unique part of one), else the newest unfinished one.
// nullopt with `error` saying why none.
struct Pick {
    std::optional<std::size_t> index;
    std::string error;
};
Pick pick_to_resume(std::span<const LoopState> states, std::string_view id);

// ---- The summary ----------------------------------------------------------------------------

// A question of a round as it went: its counted session.
struct SlotResult {
    std::string rubric;
    std::string question;
    std::optional<double> mean;
    std::int64_t used_seconds = 0;
    std::int64_t budget_seconds = 0;
    std::optional<transcript::Status> status; // none: not run
    std::size_t attempts = 0;
    std::string session; // the counted session's id
};

struct RoundResult {
    std::size_t round = 0; // from 1
    std::string name;
    std::vector<SlotResult> questions;
    std::optional<double> mean; // over its scored questions
    std::int64_t used_seconds = 0;
    std::int64_t budget_seconds = 0;
};

struct Summary {
    std::string id;
    std::string profile_name;
    WallTime started_at;
    bool finished = false;
    std::vector<RoundResult> rounds;
    std::optional<std::size_t> weakest; // index of the lowest-scoring round, among those scored
    std::int64_t used_seconds = 0;
    std::int64_t budget_seconds = 0;
    std::optional<double> mean; // over the scored questions' means
};

// The day from its state (the plan; may be none when the state file is gone) and its sessions
// (those with this loop id, any order). A question's counted session is its last one saved
// completed or ended early, else its last.
Summary summarise(const std::optional<LoopState>& state, std::string_view id,
                  std::span<const history::Session> sessions);

std::string render_summary(const Summary& summary, const Style& style, std::size_t width);
// One round as it went, for the break after it: "Round 1 (Coding): 3.5 · 43:10 of 45:00".
// The score is the round's mean ("not scored" when none of its questions was).
std::string round_line(const RoundResult& round);
// The summary as one JSON object (`show LOOP_ID --format json`): the day, then its rounds, each
// with its questions; "status" null for a question not run yet.
std::string summary_json(const Summary& summary);

// The plan screen of scripted mode and the first lines of the live one: each round's name,
// category, minutes and break, the total and the expected end.
std::string render_plan(const LoopState& state, std::size_t from_round, const WallTime& now);

} // namespace mockcoach::loop
