// The scripted-mode loop.
#include "session/run_script.hpp"

#include "session/script.hpp"
#include "util/text.hpp"

#include <fmt/format.h>

namespace mockcoach::session {
namespace {

// The lines for an event's effects. With auto-advance each phase whose budget ran out is left
// for the next one, which is announced in turn (a long `wait` may pass several); otherwise the
// phase goes on, over its budget only once more time than the budget has passed.
void report(const Engine& engine, const Effects& effects, Millis before_phase_budget,
            std::size_t before_index, ScriptIo& io) {
    const auto& phases = engine.plan().phases;
    for (const std::size_t index : effects.ran_out) {
        // The current phase's budget as it was before the event: an `extend` that comes late
        // rings the bell for the budget it then grows.
        const Millis budget = index == before_index ? before_phase_budget : engine.budget(index);
        const std::string name = phases[index].name;
        if (engine.plan().auto_advance) {
            io.print(fmt::format("time: {} moved on after its {} budget", name,
                                 format_clock(budget / 1000)));
            io.print(phase_banner(engine, index + 1));
        } else if (engine.used(index) > budget) {
            io.print(
                fmt::format("time: {} is over its {} budget", name, format_clock(budget / 1000)));
        } else {
            io.print(
                fmt::format("time: {} has used its {} budget", name, format_clock(budget / 1000)));
        }
    }
    const bool announced = engine.plan().auto_advance && !effects.ran_out.empty();
    if (effects.phase_changed && !announced) io.print(phase_banner(engine));
}

} // namespace

std::string phase_banner(const Engine& engine) {
    return phase_banner(engine, engine.stage() == Stage::running ? engine.phase_index()
                                                                 : engine.plan().phases.size());
}

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

Ended run_script(Driver& driver, ScriptIo& io) {
    Recorder& recorder = driver.recorder();
    const Engine& engine = recorder.engine();
    int line_number = 0;
    for (;;) {
        auto line = io.read_line();
        if (const int signal = io.take_signal()) return driver.stop(signal);
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
            io.print(phase_banner(engine));
        }
        const std::size_t index = engine.phase_index();
        const Millis budget = index < engine.plan().phases.size() ? engine.budget(index) : 0;
        if (const auto* story = std::get_if<SaveStory>(&command)) {
            if (std::string problem = driver.save_story(*story); !problem.empty())
                return driver.refuse(line_number, std::move(problem));
            continue;
        }
        if (const auto* wait = std::get_if<Wait>(&command)) {
            const Millis until = recorder.clock().now() + wait->duration;
            while (!recorder.clock().sleep_until(until, io.wake_fd)) {
                if (const int signal = io.take_signal()) return driver.stop(signal);
            }
            report(engine, recorder.tick(), budget, index, io);
            continue;
        }
        const Outcome outcome = recorder.submit(scripted->kind, scripted->text, scripted->number);
        if (!outcome.accepted()) return driver.refuse(line_number, outcome.error);
        if (scripted->kind == EventKind::guess) {
            io.print(fmt::format("guess: {} ({})", scripted->text,
                                 scripted->text == engine.plan().rubric_id ? "right" : "wrong"));
        }
        report(engine, outcome.effects, budget, index, io);
        if (engine.stage() == Stage::done) break;
    }
    return driver.end();
}

} // namespace mockcoach::session
