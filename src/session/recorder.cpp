// Recorder: journal first, then state; save atomically, then drop the journal.
#include "session/recorder.hpp"

#include "session/scratch.hpp"
#include "util/atomic_file.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace mockcoach::session {

Recorder::Recorder(Plan plan, transcript::Transcript meta, const std::filesystem::path& folder,
                   Clock& clock)
    : engine_(std::move(plan)), meta_(std::move(meta)), folder_(folder), clock_(clock) {
    meta_.started_at = local_date_time(clock_.wall_start());
    journal_ =
        std::make_unique<JournalFile>(folder_, meta_.id, journal_header(engine_.plan(), meta_));
    // The id is the journal's (and so the transcript's) file name, suffix included.
    meta_.id = journal_->path().stem().string();
}

// Follow-ups are raised by time, inside whatever event let the time pass; each gets its own
// line, before that event's, so the journal stays in time order and a replay meets each one
// in the phase that raised it.
void Recorder::journal_probes(const Effects& effects) {
    for (const RaisedProbe& probe : effects.probes) {
        journal_->append(journal_line(
            {EventKind::followup, probe.at, {}, static_cast<std::int64_t>(probe.index)}));
        last_journaled_ = probe.at;
    }
}

Effects Recorder::told(Effects effects) {
    if (!observer_) return effects;
    for (const RaisedProbe& probe : effects.probes) observer_->followup_raised(engine_, probe);
    // A phase still current once the event is applied goes on into overtime; one passed by
    // auto-advance (or ended by the event itself) does not.
    for (const std::size_t phase : effects.ran_out)
        observer_->budget_ran_out(engine_, phase, engine_.phase_index() == phase);
    if (effects.phase_changed) observer_->phase_began(engine_, engine_.phase_index());
    return effects;
}

Outcome Recorder::submit(EventKind kind, std::string text, std::int64_t number) {
    Event event{kind, clock_.now(), std::move(text), number};
    Outcome outcome = engine_.apply(event);
    journal_probes(outcome.effects);
    if (outcome.accepted()) {
        event.at = engine_.now();
        journal_->append(journal_line(event));
        last_journaled_ = event.at;
    }
    told(outcome.effects);
    if (kind != EventKind::scratch) snapshot_after(outcome.effects);
    return outcome;
}

void Recorder::notice(std::string line) {
    if (std::find(said_.begin(), said_.end(), line) != said_.end()) return;
    said_.push_back(line);
    notices_.push_back(std::move(line));
}

// A phase ended (by `next`, `quit` or auto-advance): the pad as it stands at that moment.
void Recorder::snapshot_after(const Effects& effects) {
    const bool a_phase_ended = engine_.stage() != Stage::ready &&
                               !(engine_.stage() == Stage::running && engine_.phase_index() == 0);
    if (effects.phase_changed && a_phase_ended) snapshot_scratch();
}

// Journalled only when the text or the size changed since the last snapshot, so an untouched pad
// costs nothing; a pad that cannot be read keeps its last snapshot and says why, once.
void Recorder::snapshot_scratch() {
    if (!scratch_path_) return;
    const ScratchRead read = read_scratch_file(*scratch_path_);
    if (!read.problem.empty()) {
        notice(fmt::format("cannot read the scratchpad {}: {}; the transcript keeps its last "
                           "snapshot",
                           scratch_path_->string(), read.problem));
        return;
    }
    if (std::string line = scratch_notice(*scratch_path_, read.kept); !line.empty())
        notice(std::move(line));
    const auto& last = engine_.scratch();
    const bool changed = last ? last->text != read.kept.text || last->bytes != read.kept.bytes
                              : !read.kept.text.empty() || read.kept.bytes != 0;
    if (changed) submit(EventKind::scratch, read.kept.text, read.kept.bytes);
}

Effects Recorder::tick() {
    const Millis now = clock_.now();
    // Heartbeats are spaced in real time, however fast --speed runs the session.
    const auto interval =
        static_cast<Millis>(static_cast<double>(heartbeat_interval) * std::max(1.0, meta_.speed));
    Effects effects;
    if (engine_.stage() == Stage::running && now - last_journaled_ >= interval) {
        effects = submit(EventKind::tick).effects;
    } else {
        effects = engine_.apply({EventKind::tick, now}).effects;
        journal_probes(effects);
        told(effects);
        snapshot_after(effects);
    }
    // After the time has passed, so that the observer sees the engine as of now.
    if (observer_) observer_->ticked(engine_);
    return effects;
}

std::filesystem::path Recorder::save() {
    snapshot_scratch(); // the end of the session: its last word on the pad
    transcript::Transcript record = engine_.record(meta_);
    record.ended_at = wall_end(record.started_at, engine_.now(), record.speed);
    const auto path = write_new_file(folder_, meta_.id, ".toml", transcript::to_toml(record));
    journal_->remove();
    // A pad nothing was ever written in holds nothing to keep: it goes, quietly, so a day of
    // sessions with the setting on leaves no empty files behind. One that held text at any
    // snapshot stays, even if emptied since: that was the user's doing.
    if (scratch_path_ && !record.scratch) remove_scratch_if_empty(*scratch_path_);
    if (observer_) observer_->saved(engine_, path);
    return path;
}

void Recorder::abandon() {
    journal_->remove();
    if (scratch_path_) remove_scratch_if_empty(*scratch_path_);
}

} // namespace mockcoach::session
