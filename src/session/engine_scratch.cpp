// The engine's scratchpad snapshots (engine.cpp holds the rest of the state machine).
#include "session/engine.hpp"

namespace mockcoach::session {
namespace {

// Rounded as engine.cpp rounds every time it records.
std::int64_t to_seconds(Millis ms) {
    return (ms + 500) / 1000;
}

} // namespace

// A snapshot of the scratchpad is an event, not a note the recorder keeps on the side: replaying
// the journal is how `recover` rebuilds a session, so what the engine records is all a recovered
// transcript can hold, and an event is journalled (fsynced) before anything else happens. The
// engine stays pure: the recorder reads the file, and only the text it read comes in, as a `say`
// line does. It is taken after the event that ended a phase and once more after the last one
// (the session is done by then), so it neither needs the clock to run nor moves it.
Outcome Engine::scratch_event(const Event& event) {
    Outcome outcome;
    if (stage_ == Stage::ready) {
        outcome.error = "the session has not started";
        return outcome;
    }
    if (event.number < 0) {
        outcome.error = "a scratchpad's size cannot be negative";
        return outcome;
    }
    transcript::ScratchSnapshot snapshot;
    snapshot.at_seconds = to_seconds(last_ - started_);
    snapshot.bytes = event.number;
    if (stage_ != Stage::done) {
        for (std::size_t i = phases_.size(); i-- > 0;) {
            if (phases_[i].ended < 0) continue;
            snapshot.after = plan_.phases[i].name;
            break;
        }
    }
    if (!scratch_) scratch_.emplace();
    scratch_->text = event.text;
    scratch_->bytes = event.number;
    scratch_->truncated = event.number > transcript::scratch_limit_bytes;
    scratch_->snapshots.push_back(std::move(snapshot));
    return outcome;
}

} // namespace mockcoach::session
