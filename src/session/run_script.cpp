// The scripted-mode loop.
#include "session/run_script.hpp"

#include "session/script.hpp"
#include "util/suggest.hpp"
#include "util/text.hpp"

#include <cctype>
#include <fmt/format.h>

namespace mockcoach::session {
namespace {

bool same_letters(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(a[i])) !=
            std::tolower(static_cast<unsigned char>(b[i])))
            return false;
    return true;
}

std::string_view trim_blanks(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    return text;
}

struct PartWords {
    std::size_t part = 0;
    std::string text;
    std::string error;
};

// `words PART TEXT`: PART is a part's name in any case (the longest that fits, since a name
// may hold spaces) or its number from 1.
PartWords part_words(const Plan& plan, std::string_view line) {
    PartWords found;
    std::size_t matched = 0;
    for (std::size_t i = 0; i < plan.phases.size(); ++i) {
        const std::string& name = plan.phases[i].name;
        if (name.size() <= matched || line.size() <= name.size() ||
            !same_letters(line.substr(0, name.size()), name) ||
            (line[name.size()] != ' ' && line[name.size()] != '\t'))
            continue;
        found.part = i;
        matched = name.size();
    }
    const std::string_view first = line.substr(0, line.find_first_of(" \t"));
    if (matched == 0) {
        std::size_t number = 0;
        for (char c : first)
            number = std::isdigit(static_cast<unsigned char>(c)) && number < 1000
                         ? number * 10 + static_cast<std::size_t>(c - '0')
                         : 10000;
        std::vector<std::string> names;
        for (const PhasePlan& phase : plan.phases) names.push_back(phase.name);
        if (number < 1 || number > plan.phases.size()) {
            std::string list;
            for (const std::string& name : names) list += (list.empty() ? "" : ", ") + name;
            found.error =
                with_suggestion(fmt::format("there is no part \"{}\"", first), first, names,
                                fmt::format(" (parts: {}, or 1 to {})", list, plan.phases.size()));
            return found;
        }
        found.part = number - 1;
        matched = first.size();
    }
    found.text = std::string(trim_blanks(line.substr(matched)));
    if (found.text.empty()) found.error = "words needs some text after the part";
    return found;
}

// Announces phases as they begin and the end of the phases: the scoring banner, after the
// lines that come before it (a STAR answer's checks), or, for a spoken answer, the invitation
// to type its words first, with the scoring banner held back until they are done.
class Announcer {
  public:
    Announcer(const Engine& engine, ScriptIo& io) : engine_(engine), io_(io) {}

    void phase(std::size_t index) {
        if (index < engine_.plan().phases.size()) return io_.print(phase_banner(engine_, index));
        if (io_.delivery == Delivery::aloud) {
            std::string parts;
            for (const PhasePlan& phase : engine_.plan().phases)
                parts += (parts.empty() ? "" : ", ") + phase.name;
            io_.print(fmt::format("words: the clock has stopped; for the story bank, type a few "
                                  "words per part: words PART TEXT ({})",
                                  parts));
            words_pending_ = true;
            return;
        }
        scoring();
    }

    // A command that is not `words` ends the words of a spoken answer.
    void words_done() {
        if (words_pending_) scoring();
    }

    // The lines for an event's effects. With auto-advance each phase whose budget ran out is
    // left for the next one, which is announced in turn (a long `wait` may pass several);
    // otherwise the phase goes on, over its budget only once more time than the budget passed.
    void report(const Effects& effects, Millis before_phase_budget, std::size_t before_index) {
        const auto& phases = engine_.plan().phases;
        // Follow-ups come in time order, each phase's before its budget runs out and after its
        // banner: a long `wait` with auto-advance may pass several phases and their probes.
        std::size_t next_probe = 0;
        const auto probes_up_to = [&](std::size_t last_phase) {
            for (; next_probe < effects.probes.size() &&
                   effects.probes[next_probe].phase <= last_phase;
                 ++next_probe)
                io_.print(probe_line(engine_, effects.probes[next_probe]));
        };
        for (const std::size_t index : effects.ran_out) {
            probes_up_to(index);
            // The current phase's budget as it was before the event: an `extend` that comes
            // late rings the bell for the budget it then grows.
            const Millis budget =
                index == before_index ? before_phase_budget : engine_.budget(index);
            const std::string name = phases[index].name;
            if (engine_.plan().auto_advance) {
                io_.print(fmt::format("time: {} moved on after its {} budget", name,
                                      format_clock(budget / 1000)));
                phase(index + 1);
            } else if (engine_.used(index) > budget) {
                io_.print(fmt::format("time: {} is over its {} budget", name,
                                      format_clock(budget / 1000)));
            } else {
                io_.print(fmt::format("time: {} has used its {} budget", name,
                                      format_clock(budget / 1000)));
            }
        }
        // The rest were raised in the phase that goes on, or before the event that ended it.
        probes_up_to(phases.size());
        const bool announced = engine_.plan().auto_advance && !effects.ran_out.empty();
        if (effects.phase_changed && !announced) current();
    }

    void current() {
        phase(engine_.stage() == Stage::running ? engine_.phase_index()
                                                : engine_.plan().phases.size());
    }

  private:
    void scoring() {
        words_pending_ = false;
        if (io_.before_scoring)
            for (const std::string& line : io_.before_scoring()) io_.print(line);
        const auto& points = engine_.plan().key_points;
        if (!points.empty()) {
            io_.print("key points: mark each, point N covered|partly|missed");
            for (std::size_t i = 0; i < points.size(); ++i)
                io_.print(fmt::format("  {}. {}", i + 1, points[i]));
        }
        io_.print(phase_banner(engine_, engine_.plan().phases.size()));
    }

    const Engine& engine_;
    ScriptIo& io_;
    bool words_pending_ = false;
};

} // namespace

std::string phase_banner(const Engine& engine, std::size_t index) {
    const Plan& plan = engine.plan();
    if (index < plan.phases.size()) {
        std::string text =
            fmt::format("phase {}/{}: {} ({})", index + 1, plan.phases.size(),
                        plan.phases[index].name, format_clock(engine.budget(index) / 1000));
        for (const auto& prompt : plan.phases[index].prompts) text += "\n  - " + prompt;
        return text;
    }
    std::string ids;
    for (const auto& c : plan.criteria) ids += (ids.empty() ? "" : ", ") + c.id;
    return fmt::format("scoring: {}", ids);
}

namespace {

std::string guess_line(const Plan& plan, const std::string& guess) {
    if (guess == plan.rubric_id) return fmt::format("guess: {} (right)", guess);
    if (plan.accepts_guess(guess))
        return fmt::format("guess: {} (right: its framework fits too; the session runs as {})",
                           guess, plan.rubric_id);
    return fmt::format("guess: {} (wrong)", guess);
}

} // namespace

std::string probe_line(const Engine& engine, const RaisedProbe& raised) {
    const PhasePlan& phase = engine.plan().phases[raised.phase];
    return fmt::format("interviewer ({}, {}): {}", phase.name,
                       format_clock(phase.probes[raised.index].at / 1000),
                       phase.probes[raised.index].text);
}

Ended run_script(Driver& driver, ScriptIo& io) {
    Recorder& recorder = driver.recorder();
    const Engine& engine = recorder.engine();
    Announcer announce(engine, io);
    const bool aloud = io.delivery == Delivery::aloud;
    // What the recorder has to tell (a scratchpad over its limit), after the lines of the event
    // that caused it; the last snapshot's when the session ends or is stopped.
    const auto tell = [&] {
        for (const std::string& notice : recorder.take_notices()) io.print(notice);
    };
    const auto stop = [&](int signal) {
        Ended ended = driver.stop(signal);
        tell();
        return ended;
    };
    int line_number = io.line_offset;
    for (;;) {
        auto line = io.read_line();
        if (const int signal = io.take_signal()) return stop(signal);
        if (!line) break;
        ++line_number;
        auto parsed = parse_script_line(*line, io.story_rules);
        if (!parsed) continue;
        if (auto* error = std::get_if<ScriptError>(&*parsed))
            return driver.refuse(line_number, std::move(error->message));
        const ScriptCommand& command = std::get<ScriptCommand>(*parsed);
        const auto* scripted = std::get_if<ScriptEvent>(&command);
        // The clock starts at the first command; naming the category (blind) comes before it.
        if (engine.stage() == Stage::ready && !(scripted && scripted->kind == EventKind::guess)) {
            const Outcome started = recorder.submit(EventKind::start);
            if (!started.accepted()) return driver.refuse(line_number, started.error);
            announce.current();
        }
        const std::size_t index = engine.phase_index();
        const Millis budget = index < engine.plan().phases.size() ? engine.budget(index) : 0;
        if (const auto* words = std::get_if<Words>(&command)) {
            if (!aloud)
                return driver.refuse(line_number,
                                     "words is for spoken answers (star --aloud), after the "
                                     "last part; here `say` types the answer as it goes");
            if (engine.stage() != Stage::scoring)
                return driver.refuse(line_number, "words come after the last part (next, or "
                                                  "quit to end early)");
            const PartWords found = part_words(engine.plan(), words->line);
            if (!found.error.empty()) return driver.refuse(line_number, found.error);
            const Outcome outcome = recorder.submit(EventKind::words, found.text,
                                                    static_cast<std::int64_t>(found.part));
            if (!outcome.accepted()) return driver.refuse(line_number, outcome.error);
            continue;
        }
        announce.words_done();
        if (aloud && scripted && scripted->kind == EventKind::say)
            return driver.refuse(line_number,
                                 "in star --aloud the parts are spoken, not typed: say them, "
                                 "and after the last part type a few words per part "
                                 "(words PART TEXT)");
        if (const auto* story = std::get_if<SaveStory>(&command)) {
            if (std::string problem = driver.save_story(*story); !problem.empty())
                return driver.refuse(line_number, std::move(problem));
            continue;
        }
        if (const auto* wait = std::get_if<Wait>(&command)) {
            const Millis until = recorder.clock().now() + wait->duration;
            while (!recorder.clock().sleep_until(until, io.wake_fd)) {
                if (const int signal = io.take_signal()) return stop(signal);
            }
            announce.report(recorder.tick(), budget, index);
            tell();
            continue;
        }
        const Outcome outcome = recorder.submit(scripted->kind, scripted->text, scripted->number);
        if (!outcome.accepted()) return driver.refuse(line_number, outcome.error);
        if (scripted->kind == EventKind::guess) {
            io.print(guess_line(engine.plan(), scripted->text));
            // Held back until now: the pad's name, a session id, names the category.
            if (recorder.scratch_path()) io.print("scratch: " + recorder.scratch_path()->string());
        }
        announce.report(outcome.effects, budget, index);
        tell();
        if (engine.stage() == Stage::done) break;
    }
    Ended ended = driver.end();
    tell();
    return ended;
}

} // namespace mockcoach::session
