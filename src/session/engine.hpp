// The session engine: a pure state machine. Events (with the session time they happened at)
// go in; state and effects (bell, phase change) come out. No clock, terminal or file here, so
// the live screen, scripted mode, recovery from a journal and the tests all drive the same code.
#pragma once

#include "rubric/rubric.hpp"
#include "transcript/transcript.hpp"
#include "util/name_table.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace mockcoach::session {

using Millis = std::int64_t; // session time in milliseconds (already scaled by --speed)

// A follow-up the interviewer raises once the phase has run `at` (pauses not counted).
struct Probe {
    Millis at = 0;
    std::string text;
};

struct PhasePlan {
    std::string name;
    Millis budget = 0;
    std::vector<std::string> prompts;
    std::vector<Probe> probes{}; // by time
};

struct CriterionPlan {
    std::string id;
    std::string name;
    std::map<int, std::string> levels;
};

// Everything a session needs to know about its rubric and question, fixed when it begins (and
// written at the head of the journal, so a session can be recovered without its rubric file).
struct Plan {
    std::string rubric_id;
    std::string rubric_name;
    std::string question_id;
    std::string question;
    std::string testing;
    std::string tip;
    std::vector<PhasePlan> phases;
    std::vector<CriterionPlan> criteria;
    bool blind = false;
    bool auto_advance = false;
    std::vector<std::string> key_points; // checked after the phases, before the scores
    std::vector<std::string> also;       // other rubrics a blind guess may name and be right

    Millis total_budget() const;
    std::size_t probe_count() const;
    // A blind guess is right when it names the rubric or one that fits as well (`also`).
    bool accepts_guess(std::string_view rubric_id) const;
};

// The plan without follow-ups; schedule_followups() adds them.
Plan make_plan(const rubric::Rubric& rubric, const rubric::Question& question);

// Follow-ups come at least this far apart within a phase.
inline constexpr Millis probe_spacing = 90'000;

// Where in a phase its follow-ups may come: the middle half of its budget, in whole seconds
// (`last` < `first` when the phase is too short for any).
struct FollowupWindow {
    Millis first = 0;
    Millis last = 0;
};
FollowupWindow followup_window(Millis budget);

// Times the question's follow-ups as an interviewer would raise them: each phase's, in file
// order, at whole seconds drawn from `seed` within the middle half of the phase's budget and at
// least probe_spacing apart, so never in overtime. A phase too short for all of its follow-ups
// keeps the first ones that fit (a 5-minute phase has room for two).
void schedule_followups(Plan& plan, const rubric::Question& question, std::uint64_t seed);

enum class EventKind {
    start,
    pause,
    resume,
    next,
    extend,  // number: milliseconds to add to the current phase
    note,    // text
    say,     // text: a line of what the candidate says, appended to the current phase's text
    guess,   // text: the rubric id the user names (blind sessions, before start)
    score,   // text: criterion id, number: 1-5
    skip,    // text: criterion id
    reflect, // text, appended as a line
    story,   // text: the story name the answer is saved as (STAR rehearsals, while scoring)
    words,   // text: a line about what was said in a part, typed after the parts (star --aloud);
             // number: the part's index
    quit,    // end the interview early and go to scoring
    finish,  // scoring done: the session is complete
    interrupt,
    tick,     // only lets time pass (heartbeats, redraws)
    followup, // number: the follow-up's index in the current phase; journaled when it is
              // raised (time raises it: the line is the record, replaying it changes nothing)
    check,    // number: a prompt's index in the current phase; ticks it, or unticks it
    point,    // number: a key point's index; text: covered, partly or missed (while scoring)
    scratch,  // text: the scratchpad's content as kept (see session/scratch.hpp); number: the
              // file's size in bytes. Taken after a phase ends and at the end; lets no time pass
};

// As written in the journal, one event a line.
inline constexpr auto event_kind_names = name_table<EventKind>({
    {EventKind::start, "start"},
    {EventKind::pause, "pause"},
    {EventKind::resume, "resume"},
    {EventKind::next, "next"},
    {EventKind::extend, "extend"},
    {EventKind::note, "note"},
    {EventKind::guess, "guess"},
    {EventKind::score, "score"},
    {EventKind::skip, "skip"},
    {EventKind::reflect, "reflect"},
    {EventKind::quit, "quit"},
    {EventKind::finish, "finish"},
    {EventKind::interrupt, "interrupt"},
    {EventKind::tick, "tick"},
    {EventKind::say, "say"},
    {EventKind::story, "story"},
    {EventKind::words, "words"},
    {EventKind::followup, "followup"},
    {EventKind::check, "check"},
    {EventKind::point, "point"},
    {EventKind::scratch, "scratch"},
});
inline std::string_view event_name(EventKind kind) {
    return event_kind_names.name_of(kind);
}
inline std::optional<EventKind> parse_event_name(std::string_view name) {
    return event_kind_names.parse(name);
}

struct Event {
    EventKind kind;
    Millis at = 0;
    std::string text{};
    std::int64_t number = 0;
};

enum class Stage { ready, running, scoring, done };

// A follow-up raised: the index of its phase and its index there, and the session time.
struct RaisedProbe {
    std::size_t phase = 0;
    std::size_t index = 0;
    Millis at = 0;
};

struct Effects {
    // The phases whose budget ran out with this event, in order: more than one when a late
    // event passes several budgets with auto-advance (a suspended process, a long scripted wait).
    std::vector<std::size_t> ran_out;
    bool phase_changed = false;      // a new phase began, or the phases ended
    std::vector<RaisedProbe> probes; // follow-ups raised, in time order
    bool bell() const { return !ran_out.empty(); }
};

struct Outcome {
    std::string error; // empty when the event was accepted
    Effects effects;
    bool accepted() const { return error.empty(); }
};

class Engine {
  public:
    explicit Engine(Plan plan);

    Outcome apply(const Event& event);

    const Plan& plan() const { return plan_; }
    Stage stage() const { return stage_; }
    std::size_t phase_index() const { return current_; } // == phase count once phases end
    bool paused() const { return paused_; }
    bool ended_early() const { return ended_early_; }
    transcript::Status status() const;
    Millis now() const { return last_; }

    Millis budget(std::size_t phase) const; // planned plus extensions
    Millis used(std::size_t phase) const;   // running time up to now(), pauses excluded
    Millis paused_time(std::size_t phase) const;
    Millis overtime(std::size_t phase) const;
    std::size_t note_count() const;
    Millis elapsed() const; // since start, pauses included
    Millis used_total() const;
    Millis budget_total() const;
    // Nothing worth a transcript: not a second of session time has passed and nothing was
    // typed (no guess, note, answer text, score, skip, reflection or story).
    bool blank() const;

    const std::optional<std::string>& guess() const { return guess_; }
    const std::map<std::string, int>& scores() const { return scores_; }
    const std::vector<std::string>& skipped() const { return skipped_; }
    const std::string& reflection() const { return reflection_; }
    const std::string& text(std::size_t phase) const { return phases_[phase].text; }
    const std::optional<std::string>& story() const { return story_; }
    // The scratchpad's last snapshot; none before the first.
    const std::optional<transcript::Scratch>& scratch() const { return scratch_; }
    // Follow-ups of `phase` raised so far (they are raised in plan order).
    std::size_t raised(std::size_t phase) const { return phases_[phase].raised; }
    bool checked(std::size_t phase, std::size_t prompt) const {
        return phases_[phase].checked.at(prompt).has_value();
    }
    const std::optional<transcript::Coverage>& point(std::size_t index) const {
        return points_.at(index);
    }
    // The first key point not yet checked, if any.
    std::optional<std::size_t> next_unchecked_point() const;
    // The next criterion with neither a score nor a skip, if any.
    const CriterionPlan* next_unscored() const;

    // The record of everything so far, for saving.
    transcript::Transcript record(transcript::Transcript meta) const;

  private:
    struct Note {
        Millis at;
        std::string text;
    };
    struct PhaseState {
        Millis started = -1;
        Millis ended = -1;
        Millis paused_total = 0;
        Millis extended = 0;
        bool bell_rung = false;
        std::vector<Note> notes;
        std::string text;                           // `say` lines, joined by newlines
        std::size_t raised = 0;                     // follow-ups raised (the plan's first ones)
        std::vector<std::optional<Millis>> checked; // by prompt: phase time it was ticked
    };

    Effects advance(Millis to);
    void raise_probes(Millis to, Effects& effects);
    std::string point_event(const Event& event);
    Outcome scratch_event(const Event& event);
    void begin_phase(std::size_t index, Millis at);
    void end_phase(Millis at);
    void end_phases(Millis at);
    std::string running_event(const Event& event, Effects& effects);
    std::string scoring_event(const Event& event);
    const CriterionPlan* criterion(std::string_view id) const;
    std::string unknown_criterion(std::string_view id) const;

    Plan plan_;
    Stage stage_ = Stage::ready;
    std::vector<PhaseState> phases_;
    std::size_t current_ = 0;
    bool paused_ = false;
    Millis pause_since_ = 0;
    Millis started_ = 0;
    Millis last_ = 0;
    bool ended_early_ = false;
    bool interrupted_ = false;
    std::optional<std::string> guess_;
    std::map<std::string, int> scores_;
    std::vector<std::string> skipped_;
    std::string reflection_;
    std::optional<std::string> story_;
    std::vector<std::optional<transcript::Coverage>> points_;
    std::optional<transcript::Scratch> scratch_;
};

} // namespace mockcoach::session
