// The session lifecycle shared by the live screen and scripted mode.
#include "session/driver.hpp"

namespace mockcoach::session {

Ended Driver::stop(int signal) {
    Ended ended;
    ended.kind = Ended::Kind::signalled;
    ended.signal = signal;
    if (engine().stage() == Stage::ready) {
        recorder_.abandon();
        return ended;
    }
    if (engine().stage() != Stage::done) recorder_.submit(EventKind::interrupt);
    ended.path = recorder_.save();
    return ended;
}

Ended Driver::end() {
    Ended ended;
    switch (engine().stage()) {
    case Stage::ready:
        recorder_.abandon();
        ended.kind = Ended::Kind::abandoned;
        return ended;
    case Stage::running:
        recorder_.submit(EventKind::interrupt);
        break;
    case Stage::scoring:
        recorder_.submit(EventKind::finish);
        break;
    case Stage::done:
        break;
    }
    ended.path = recorder_.save();
    return ended;
}

Ended Driver::refuse(int line, std::string error) {
    Ended ended;
    ended.kind = Ended::Kind::refused;
    ended.line = line;
    ended.error = std::move(error);
    ended.journal_kept = !engine().blank();
    if (!ended.journal_kept) recorder_.abandon();
    return ended;
}

std::string Driver::save_story(const SaveStory& story) {
    if (!write_story_) return "save-story is for STAR rehearsals (mockcoach star)";
    if (engine().stage() != Stage::scoring)
        return "a story is saved after the last part (next, or quit to end early)";
    if (std::string problem = write_story_(story); !problem.empty()) return problem;
    return recorder_.submit(EventKind::story, story.name).error;
}

} // namespace mockcoach::session
