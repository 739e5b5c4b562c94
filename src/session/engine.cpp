// The session state machine: phase timing, pauses, overtime, early end, blind pick, scoring.
#include "session/engine.hpp"

#include "util/suggest.hpp"

#include <algorithm>
#include <array>
#include <fmt/format.h>

namespace mockcoach::session {
namespace {

std::int64_t to_seconds(Millis ms) {
    return (ms + 500) / 1000;
}

} // namespace

Engine::Engine(Plan plan)
    : plan_(std::move(plan)), phases_(plan_.phases.size()), points_(plan_.key_points.size()) {
    for (std::size_t i = 0; i < phases_.size(); ++i)
        phases_[i].checked.resize(plan_.phases[i].prompts.size());
}

std::optional<std::size_t> Engine::next_unchecked_point() const {
    for (std::size_t i = 0; i < points_.size(); ++i)
        if (!points_[i]) return i;
    return std::nullopt;
}

Millis Engine::budget(std::size_t phase) const {
    return plan_.phases[phase].budget + phases_[phase].extended;
}

Millis Engine::used(std::size_t phase) const {
    const PhaseState& state = phases_[phase];
    if (state.started < 0) return 0;
    const Millis end = state.ended >= 0 ? state.ended : last_;
    const Millis open_pause =
        (paused_ && phase == current_ && state.ended < 0) ? last_ - pause_since_ : 0;
    return end - state.started - state.paused_total - open_pause;
}

Millis Engine::paused_time(std::size_t phase) const {
    const PhaseState& state = phases_[phase];
    const Millis open_pause =
        (paused_ && phase == current_ && state.ended < 0) ? last_ - pause_since_ : 0;
    return state.paused_total + open_pause;
}

Millis Engine::overtime(std::size_t phase) const {
    return std::max<Millis>(0, used(phase) - budget(phase));
}

std::size_t Engine::note_count() const {
    std::size_t count = 0;
    for (const PhaseState& state : phases_) count += state.notes.size();
    return count;
}

Millis Engine::elapsed() const {
    return stage_ == Stage::ready ? 0 : last_ - started_;
}

Millis Engine::used_total() const {
    Millis total = 0;
    for (std::size_t i = 0; i < phases_.size(); ++i) total += used(i);
    return total;
}

Millis Engine::budget_total() const {
    Millis total = 0;
    for (std::size_t i = 0; i < phases_.size(); ++i) total += budget(i);
    return total;
}

transcript::Status Engine::status() const {
    if (interrupted_ || stage_ != Stage::done) return transcript::Status::interrupted;
    return ended_early_ ? transcript::Status::ended_early : transcript::Status::completed;
}

const CriterionPlan* Engine::criterion(std::string_view id) const {
    for (const CriterionPlan& c : plan_.criteria)
        if (c.id == id) return &c;
    return nullptr;
}

const CriterionPlan* Engine::next_unscored() const {
    for (const CriterionPlan& c : plan_.criteria) {
        if (scores_.count(c.id)) continue;
        if (std::find(skipped_.begin(), skipped_.end(), c.id) != skipped_.end()) continue;
        return &c;
    }
    return nullptr;
}

void Engine::begin_phase(std::size_t index, Millis at) {
    current_ = index;
    if (index < phases_.size()) {
        phases_[index].started = at;
    } else {
        stage_ = Stage::scoring;
    }
}

void Engine::end_phase(Millis at) {
    PhaseState& state = phases_[current_];
    if (paused_) {
        state.paused_total += at - pause_since_;
        paused_ = false;
    }
    state.ended = at;
}

void Engine::end_phases(Millis at) {
    if (stage_ == Stage::running) {
        end_phase(at);
        current_ = phases_.size();
    }
}

// Lets session time run to `to`: rings the bell when the current phase's budget runs out and,
// with auto-advance, moves on at the exact moment it did (not at the tick that noticed).
Effects Engine::advance(Millis to) {
    Effects effects;
    to = std::max(to, last_);
    while (stage_ == Stage::running && !paused_) {
        raise_probes(to, effects);
        PhaseState& state = phases_[current_];
        const Millis runs_out = state.started + state.paused_total + budget(current_);
        if (state.bell_rung || runs_out > to) break;
        state.bell_rung = true;
        effects.ran_out.push_back(current_);
        if (!plan_.auto_advance) break;
        last_ = runs_out;
        end_phase(runs_out);
        begin_phase(current_ + 1, runs_out);
        effects.phase_changed = true;
    }
    last_ = to;
    return effects;
}

// Raises the current phase's follow-ups that are due by `to`, each at its own moment.
void Engine::raise_probes(Millis to, Effects& effects) {
    PhaseState& state = phases_[current_];
    const std::vector<Probe>& probes = plan_.phases[current_].probes;
    for (; state.raised < probes.size(); ++state.raised) {
        const Millis when = state.started + state.paused_total + probes[state.raised].at;
        if (when > to) break;
        effects.probes.push_back({current_, state.raised, when});
    }
}

Outcome Engine::apply(const Event& event) {
    if (event.kind == EventKind::scratch) return scratch_event(event);
    Outcome outcome;
    if (stage_ == Stage::done) {
        outcome.error = "the session has ended";
        return outcome;
    }
    outcome.effects = advance(event.at);
    const Millis now = last_;
    switch (event.kind) {
    case EventKind::tick:
        return outcome;
    case EventKind::interrupt:
        end_phases(now);
        interrupted_ = true;
        stage_ = Stage::done;
        return outcome;
    case EventKind::guess:
        if (stage_ != Stage::ready)
            outcome.error = "the category is named before the clock starts";
        else if (!plan_.blind)
            outcome.error = "guess is only for --blind sessions";
        else
            guess_ = event.text;
        return outcome;
    case EventKind::start:
        if (stage_ != Stage::ready) {
            outcome.error = "the session has already started";
        } else if (plan_.blind && !guess_) {
            outcome.error = "name the category first (guess RUBRIC_ID)";
        } else {
            started_ = now;
            stage_ = Stage::running;
            begin_phase(0, now);
            outcome.effects.phase_changed = true;
        }
        return outcome;
    default:
        break;
    }
    if (stage_ == Stage::ready) {
        outcome.error = "the session has not started";
    } else if (stage_ == Stage::running) {
        outcome.error = running_event(event, outcome.effects);
    } else {
        outcome.error = scoring_event(event);
    }
    return outcome;
}

std::string Engine::running_event(const Event& event, Effects& effects) {
    const Millis now = last_;
    PhaseState& state = phases_[current_];
    switch (event.kind) {
    case EventKind::pause:
        if (paused_) return "already paused";
        paused_ = true;
        pause_since_ = now;
        return {};
    case EventKind::resume:
        if (!paused_) return "not paused";
        state.paused_total += now - pause_since_;
        paused_ = false;
        return {};
    case EventKind::next:
        end_phase(now);
        begin_phase(current_ + 1, now);
        effects.phase_changed = true;
        return {};
    case EventKind::extend:
        if (event.number <= 0) return "extend needs a positive number of minutes";
        state.extended += event.number;
        if (used(current_) < budget(current_))
            state.bell_rung = false; // the grown budget runs out again: bell and hooks
        return {};
    case EventKind::note:
        state.notes.push_back({used(current_), event.text});
        return {};
    case EventKind::say:
        if (event.text.empty()) return "say needs some text";
        if (!state.text.empty()) state.text += '\n';
        state.text += event.text;
        return {};
    case EventKind::followup:
        // Time raises follow-ups; the journal's line only records it.
        if (event.number < 0 || static_cast<std::size_t>(event.number) >= state.raised)
            return fmt::format("follow-up {} of this phase has not been raised", event.number + 1);
        return {};
    case EventKind::check: {
        const auto& prompts = plan_.phases[current_].prompts;
        if (event.number < 0 || static_cast<std::size_t>(event.number) >= prompts.size())
            return prompts.empty()
                       ? std::string("this phase has no prompts to tick")
                       : fmt::format("this phase's prompts are 1 to {}", prompts.size());
        auto& checked = state.checked[static_cast<std::size_t>(event.number)];
        if (checked)
            checked.reset();
        else
            checked = used(current_);
        return {};
    }
    case EventKind::point:
        return "key points are checked after the last phase (next, or quit to end early)";
    case EventKind::story:
        return "a story is saved after the last part (next, or quit to end early)";
    case EventKind::words:
        return "the words of a part spoken aloud are typed after the last part";
    case EventKind::quit:
        ended_early_ = true;
        end_phases(now);
        stage_ = Stage::scoring;
        effects.phase_changed = true;
        return {};
    case EventKind::score:
    case EventKind::skip:
    case EventKind::reflect:
    case EventKind::finish:
        return "scoring comes after the last phase (next, or quit to end early)";
    default:
        return fmt::format("{} is not possible while a phase runs", event_name(event.kind));
    }
}

std::string Engine::unknown_criterion(std::string_view id) const {
    std::vector<std::string> ids;
    for (const CriterionPlan& c : plan_.criteria) ids.push_back(c.id);
    std::string list;
    for (const std::string& known : ids) list += (list.empty() ? "" : ", ") + known;
    return with_suggestion(fmt::format("unknown criterion \"{}\"", id), id, ids,
                           fmt::format(" (this rubric has: {})", list));
}

std::string Engine::point_event(const Event& event) {
    if (points_.empty()) return "this question has no key points to check";
    if (event.number < 0 || static_cast<std::size_t>(event.number) >= points_.size())
        return fmt::format("key points are 1 to {}", points_.size());
    const auto coverage = transcript::parse_coverage(event.text);
    if (!coverage)
        return fmt::format("a key point is covered, partly or missed, not \"{}\"", event.text);
    points_[static_cast<std::size_t>(event.number)] = coverage;
    return {};
}

std::string Engine::scoring_event(const Event& event) {
    switch (event.kind) {
    case EventKind::point:
        return point_event(event);
    case EventKind::check:
        return "prompts are ticked while their phase runs";
    case EventKind::score: {
        if (!criterion(event.text)) return unknown_criterion(event.text);
        if (event.number < 1 || event.number > 5) return "a score is 1 to 5";
        scores_[event.text] = static_cast<int>(event.number);
        std::erase(skipped_, event.text);
        return {};
    }
    case EventKind::skip:
        if (!criterion(event.text)) return unknown_criterion(event.text);
        scores_.erase(event.text);
        if (std::find(skipped_.begin(), skipped_.end(), event.text) == skipped_.end())
            skipped_.push_back(event.text);
        return {};
    case EventKind::reflect:
        if (!reflection_.empty()) reflection_ += '\n';
        reflection_ += event.text;
        return {};
    case EventKind::words: {
        // Spoken answers: their words come after the clock, so they never cost answer time.
        if (event.number < 0 || static_cast<std::size_t>(event.number) >= phases_.size())
            return fmt::format("there is no part {}", event.number + 1);
        if (event.text.empty()) return "words needs some text";
        std::string& text = phases_[static_cast<std::size_t>(event.number)].text;
        if (!text.empty()) text += '\n';
        text += event.text;
        return {};
    }
    case EventKind::story:
        if (event.text.empty()) return "a story needs a name";
        story_ = event.text;
        return {};
    case EventKind::finish:
        stage_ = Stage::done;
        return {};
    case EventKind::quit:
        stage_ = Stage::done;
        return {};
    default:
        return fmt::format("{} is not possible once the phases are over", event_name(event.kind));
    }
}

transcript::Transcript Engine::record(transcript::Transcript meta) const {
    transcript::Transcript& t = meta;
    t.status = status();
    t.rubric = plan_.rubric_id;
    t.rubric_name = plan_.rubric_name;
    t.question_id = plan_.question_id;
    t.question = plan_.question;
    t.phases.clear();
    for (std::size_t i = 0; i < phases_.size(); ++i) {
        transcript::Phase phase;
        phase.name = plan_.phases[i].name;
        phase.budget_seconds = to_seconds(plan_.phases[i].budget);
        phase.extended_seconds = to_seconds(phases_[i].extended);
        phase.used_seconds = to_seconds(used(i));
        phase.paused_seconds = to_seconds(paused_time(i));
        phase.overtime_seconds = to_seconds(overtime(i));
        for (const Note& note : phases_[i].notes)
            phase.notes.push_back({to_seconds(note.at), note.text});
        phase.text = phases_[i].text;
        for (std::size_t p = 0; p < phases_[i].checked.size(); ++p)
            if (const auto& at = phases_[i].checked[p])
                phase.checks.push_back({static_cast<int>(p + 1), to_seconds(*at)});
        for (std::size_t f = 0; f < phases_[i].raised; ++f) {
            const Probe& probe = plan_.phases[i].probes[f];
            phase.followups.push_back({to_seconds(probe.at), probe.text});
        }
        t.phases.push_back(std::move(phase));
    }
    // The prompts are kept with their ticks: a session where none was ticked says nothing
    // about which were missed (the candidate may just not use the keys).
    const bool ticked = std::any_of(t.phases.begin(), t.phases.end(),
                                    [](const transcript::Phase& p) { return !p.checks.empty(); });
    if (ticked)
        for (std::size_t i = 0; i < t.phases.size(); ++i)
            t.phases[i].prompts = plan_.phases[i].prompts;
    t.key_points.clear();
    for (std::size_t i = 0; i < points_.size(); ++i)
        t.key_points.push_back({plan_.key_points[i], points_[i]});
    t.scores.clear();
    for (const CriterionPlan& c : plan_.criteria) {
        auto found = scores_.find(c.id);
        if (found != scores_.end()) t.scores.push_back({c.id, c.name, found->second});
    }
    // Skips in the rubric's order, as the scores are, whatever order they were made in.
    t.skipped.clear();
    for (const CriterionPlan& c : plan_.criteria)
        if (std::find(skipped_.begin(), skipped_.end(), c.id) != skipped_.end())
            t.skipped.push_back(c.id);
    t.mean_score = transcript::mean_of(t.scores);
    t.reflection = reflection_;
    if (story_) t.story = *story_; // otherwise the story it was started from, if any
    t.scratch = scratch_;
    if (plan_.blind && guess_) {
        t.category_guess = *guess_;
        t.category_guess_correct = plan_.accepts_guess(*guess_);
    }
    return meta;
}

bool Engine::blank() const {
    if (elapsed() >= 1000 || guess_ || !scores_.empty() || !skipped_.empty() ||
        !reflection_.empty() || story_ || scratch_ ||
        std::any_of(points_.begin(), points_.end(), [](const auto& p) { return p.has_value(); }))
        return false;
    return std::all_of(phases_.begin(), phases_.end(), [](const PhaseState& phase) {
        return phase.notes.empty() && phase.text.empty() &&
               std::none_of(phase.checked.begin(), phase.checked.end(),
                            [](const auto& c) { return c.has_value(); });
    });
}

} // namespace mockcoach::session
