// The scripted-mode loop.
#include "session/run_script.hpp"

#include "session/script.hpp"
#include "util/text.hpp"

#include <fmt/format.h>

namespace mockcoach::session {
namespace {

void report(const Engine& engine, const Effects& effects, Millis before_phase_budget,
            std::size_t before_index, ScriptIo& io) {
    for (const std::size_t index : effects.ran_out) {
        // The current phase's budget as it was before the event: an `extend` that comes late
        // rings the bell for the budget it then grows.
        const Millis budget = index == before_index ? before_phase_budget : engine.budget(index);
        io.print(fmt::format("time: {} is over its {} budget", engine.plan().phases[index].name,
                             format_clock(budget / 1000)));
    }
    if (effects.phase_changed) io.print(phase_banner(engine));
}

} // namespace

std::string phase_banner(const Engine& engine) {
    const Plan& plan = engine.plan();
    if (engine.stage() == Stage::running) {
        const std::size_t i = engine.phase_index();
        std::string text = fmt::format("phase {}/{}: {} ({})", i + 1, plan.phases.size(),
                                       plan.phases[i].name, format_clock(engine.budget(i) / 1000));
        for (const auto& prompt : plan.phases[i].prompts) text += "\n  - " + prompt;
        return text;
    }
    std::string ids;
    for (const auto& c : plan.criteria) ids += (ids.empty() ? "" : ", ") + c.id;
    return fmt::format("scoring: {}", ids);
}

ScriptResult run_script(Recorder& recorder, ScriptIo& io) {
    const Engine& engine = recorder.engine();
    ScriptResult result;
    const auto interrupted = [&](int signal) {
        recorder.submit(EventKind::interrupt);
        result.kind = ScriptResult::Kind::signalled;
        result.signal = signal;
        result.path = recorder.save();
        return result;
    };
    int line_number = 0;
    for (;;) {
        auto line = io.read_line();
        if (int signal = io.take_signal()) {
            if (engine.stage() == Stage::ready) {
                recorder.abandon();
                result.kind = ScriptResult::Kind::signalled;
                result.signal = signal;
                return result;
            }
            return interrupted(signal);
        }
        if (!line) break;
        ++line_number;
        auto parsed = parse_script_line(*line, io.story_rules);
        if (!parsed) continue;
        if (auto* error = std::get_if<ScriptError>(&*parsed)) {
            result.kind = ScriptResult::Kind::bad_line;
            result.line = line_number;
            result.error = error->message;
            return result;
        }
        const ScriptCommand& command = std::get<ScriptCommand>(*parsed);
        const auto* scripted = std::get_if<ScriptEvent>(&command);
        // The clock starts at the first command; naming the category (blind) comes before it.
        if (engine.stage() == Stage::ready && !(scripted && scripted->kind == EventKind::guess)) {
            const Outcome started = recorder.submit(EventKind::start);
            if (!started.accepted()) {
                result.kind = ScriptResult::Kind::bad_line;
                result.line = line_number;
                result.error = started.error;
                return result;
            }
            io.print(phase_banner(engine));
        }
        const std::size_t index = engine.phase_index();
        const Millis budget = index < engine.plan().phases.size() ? engine.budget(index) : 0;
        if (const auto* story = std::get_if<SaveStory>(&command)) {
            // The file first, then the event: a crash between them leaves a story with no
            // rehearsal yet, never a rehearsal naming a story that has no file.
            std::string problem;
            if (!io.save_story)
                problem = "save-story is for STAR rehearsals (mockcoach star)";
            else if (engine.stage() != Stage::scoring)
                problem = "a story is saved after the last part (next, or quit to end early)";
            else
                problem = io.save_story(*story);
            if (problem.empty()) problem = recorder.submit(EventKind::story, story->name).error;
            if (!problem.empty()) {
                result.kind = ScriptResult::Kind::bad_line;
                result.line = line_number;
                result.error = problem;
                return result;
            }
            continue;
        }
        if (const auto* wait = std::get_if<Wait>(&command)) {
            const Millis until = recorder.clock().now() + wait->duration;
            while (!recorder.clock().sleep_until(until, io.wake_fd)) {
                if (int signal = io.take_signal()) return interrupted(signal);
            }
            report(engine, recorder.tick(), budget, index, io);
            continue;
        }
        const Outcome outcome = recorder.submit(scripted->kind, scripted->text, scripted->number);
        if (!outcome.accepted()) {
            result.kind = ScriptResult::Kind::bad_line;
            result.line = line_number;
            result.error = outcome.error;
            return result;
        }
        if (scripted->kind == EventKind::guess) {
            io.print(fmt::format("guess: {} ({})", scripted->text,
                                 scripted->text == engine.plan().rubric_id ? "right" : "wrong"));
        }
        report(engine, outcome.effects, budget, index, io);
        if (engine.stage() == Stage::done) break;
    }
    if (engine.stage() == Stage::ready) {
        recorder.abandon();
        result.kind = ScriptResult::Kind::not_started;
        return result;
    }
    if (engine.stage() == Stage::scoring)
        recorder.submit(EventKind::finish);
    else if (engine.stage() == Stage::running)
        recorder.submit(EventKind::interrupt);
    result.path = recorder.save();
    return result;
}

} // namespace mockcoach::session
