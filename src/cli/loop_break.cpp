// Breaks and the day's plan between a loop's sessions, live and scripted.
#include "cli/loop_break.hpp"

#include "live/between_screen.hpp"
#include "loop/loop.hpp"
#include "util/text.hpp"

#include <fmt/format.h>
#include <poll.h>
#include <unistd.h>

namespace mockcoach::cli {

Pause scripted_break(Context& context, ScriptInput& input, const RunOptions& options,
                     const BreakPlan& plan) {
    SessionOutput output(context.out);
    output.print(fmt::format("break: {} before {}: skip, wait SECONDS or quit\n",
                             format_clock(plan.seconds), plan.next));
    // The break's own clock: a virtual one only moves by `wait`, so no real time passes.
    std::unique_ptr<session::Clock> clock;
    if (options.clock == session::ClockKind::virtual_)
        clock = std::make_unique<session::VirtualClock>(std::chrono::system_clock::now());
    else
        clock = std::make_unique<session::RealClock>(options.speed);
    const session::Millis length = plan.seconds * 1000;
    Pause pause;
    for (;;) {
        const auto line = input.next();
        if (const int signal = input.signals().take_ending()) {
            pause.kind = Pause::Kind::signal;
            pause.signal = signal;
            return pause;
        }
        if (!line) {
            pause.kind = Pause::Kind::stop;
            return pause;
        }
        const auto parsed = loop::parse_break_line(*line);
        if (!parsed) continue;
        if (const auto* error = std::get_if<std::string>(&*parsed)) {
            fmt::print(context.err, "<stdin>:{}: error: {}\n", input.lines(), *error);
            pause.kind = Pause::Kind::refused;
            return pause;
        }
        const auto& command = std::get<loop::BreakLine>(*parsed);
        if (command.kind == loop::BreakLine::Kind::quit) {
            pause.kind = Pause::Kind::stop;
            return pause;
        }
        if (command.kind == loop::BreakLine::Kind::skip) {
            pause.skipped = true;
            output.print(fmt::format("break: skipped with {} left\n",
                                     format_clock((length - pause.waited) / 1000)));
            return pause;
        }
        const session::Millis until = std::min(length, pause.waited + command.wait);
        while (!clock->sleep_until(until, input.signals().fd())) {
            if (const int signal = input.signals().take_ending()) {
                pause.kind = Pause::Kind::signal;
                pause.signal = signal;
                pause.waited = clock->now();
                return pause;
            }
        }
        pause.waited = until;
        if (pause.waited >= length) {
            output.print("break: over\n");
            return pause;
        }
        output.print(fmt::format("break: {} left\n", format_clock((length - pause.waited) / 1000)));
    }
}

namespace {

Pause between(Context& context, live::BetweenRounds what,
              std::optional<std::chrono::steady_clock::time_point> deadline) {
    const auto began = std::chrono::steady_clock::now();
    term::SignalWatch signals;
    term::RawTerminal terminal(STDIN_FILENO, STDOUT_FILENO);
    const live::BetweenClock clock{[] { return std::chrono::steady_clock::now(); },
                                   [](pollfd* fds, std::size_t count, int timeout_ms) {
                                       return ::poll(fds, static_cast<nfds_t>(count), timeout_ms);
                                   }};
    const live::BetweenEnd end = live::run_between(terminal, signals, STDIN_FILENO, std::move(what),
                                                   deadline, context.colour(context.out), clock);
    terminal.restore();
    Pause pause;
    pause.waited = std::chrono::duration_cast<std::chrono::milliseconds>(
                       std::chrono::steady_clock::now() - began)
                       .count();
    switch (end.kind) {
    case live::BetweenEnd::Kind::go:
        pause.skipped = deadline.has_value();
        break;
    case live::BetweenEnd::Kind::time_up:
        break;
    case live::BetweenEnd::Kind::stop:
        pause.kind = Pause::Kind::stop;
        break;
    case live::BetweenEnd::Kind::signal:
        pause.kind = Pause::Kind::signal;
        pause.signal = end.signal;
        break;
    }
    return pause;
}

} // namespace

Pause live_break(Context& context, const BreakPlan& plan) {
    live::BetweenRounds what;
    // The round just done and the next one are the lines beneath; the title is the break's own.
    what.title = fmt::format("Break \u00b7 {}", format_clock(plan.seconds));
    what.lines = plan.lines;
    what.go = "skip the break";
    // An absolute deadline on the monotonic clock: repaints and wake-ups never stretch it.
    return between(context, std::move(what),
                   std::chrono::steady_clock::now() + std::chrono::seconds(plan.seconds));
}

Pause live_plan(Context& context, const std::string& title, const std::vector<std::string>& lines,
                const std::string& go) {
    live::BetweenRounds what;
    what.title = title;
    what.lines = lines;
    what.go = go;
    return between(context, std::move(what), std::nullopt);
}

} // namespace mockcoach::cli
