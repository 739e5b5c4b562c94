// Session set-up and the two runners' edges (terminal, standard input, exit codes).
#include "cli/session_setup.hpp"

#include "cli/enum_option.hpp"
#include "cli/number_option.hpp"

#include "session/recover.hpp"
#include "session/run_script.hpp"
#include "stories/stories.hpp"
#include "term/line_reader.hpp"
#include "term/signals.hpp"
#include "term/terminal.hpp"
#include "tomlfile/tomlfile.hpp"
#include "transcript/render.hpp"
#include "transcript/store.hpp"
#include "util/atomic_file.hpp"
#include "util/errors.hpp"
#include "util/files.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <unistd.h>

namespace mockcoach::cli {

void add_sessions_dir_option(CLI::App& command, std::optional<std::string>& target) {
    command
        .add_option("--sessions-dir", target,
                    "The sessions folder (default $MOCKCOACH_SESSIONS, then `sessions` in "
                    "config.toml, then $XDG_DATA_HOME/mockcoach/sessions)")
        ->type_name("DIR");
}

std::uint64_t session_seed() {
    return bank::fresh_seed();
}

namespace {

void add_bell_options(CLI::App& command, bool& bell, bool& no_bell) {
    auto* on = command.add_flag("--bell", bell,
                                "Ring the terminal bell when a budget runs out (the default)");
    command.add_flag("--no-bell", no_bell, "No terminal bell when a budget runs out")->excludes(on);
}

void add_voice_options(CLI::App& command, bool& voice, bool& no_voice) {
    auto* on = command.add_flag("--voice", voice,
                                "Speak the question, each follow-up, phase changes and \"two "
                                "minutes left\" (espeak-ng, or voice_command in config.toml)");
    command.add_flag("--no-voice", no_voice, "Stay silent, even with voice in the settings")
        ->excludes(on);
}

void add_hook_options(CLI::App& command, HookOptions& options) {
    auto* on = command
                   .add_option("--on-phase-end", options.on_phase_end,
                               "Run this shell command when a phase's budget runs out (facts in "
                               "MOCKCOACH_* variables; see `man mockcoach`)")
                   ->type_name("CMD");
    command.add_flag("--no-hooks", options.no_hooks, "Run no hooks, not even the settings' ones")
        ->excludes(on);
}

} // namespace

void add_run_options(CLI::App& command, RunOptions& options) {
    check_decimal(command.add_option("--speed", options.speed,
                                     "Run session time this many times faster (demos)"),
                  0.01, 1000.0);
    add_bell_options(command, options.bell, options.no_bell);
    auto* probes = command.add_flag("--followups", options.followups,
                                    "Raise the question's follow-ups mid-phase (the default)");
    command
        .add_flag("--no-followups", options.no_followups,
                  "No follow-ups, even with followups in the settings")
        ->excludes(probes);
    add_voice_options(command, options.voice, options.no_voice);
    add_scratch_options(command, options);
    add_hook_options(command, options.hooks);
    add_sessions_dir_option(command, options.sessions_dir);
    command.add_flag("--script", options.script,
                     "Read commands from standard input (the default when it is not a terminal)");
    add_enum_option(command, "--clock", options.clock, session::clock_kind_names,
                    {session::ClockKind::real, session::ClockKind::virtual_},
                    "real, or virtual: time moves only by `wait` (scripts, tests)", "clock",
                    "CLOCK");
}

bool followups_on(Context& context, const RunOptions& options) {
    return settings::followups(context.settings(),
                               flag_pair(options.followups, options.no_followups))
        .value;
}

bool scripted(const RunOptions& options) {
    const bool scripted = options.script || !isatty(STDIN_FILENO);
    if (options.clock == session::ClockKind::virtual_ && !scripted)
        throw UsageError("--clock virtual is for scripted mode (--script or a pipe)");
    return scripted;
}

hooks::Commands hook_commands(Context& context, const HookOptions& options) {
    const auto resolved =
        settings::hook_settings(context.settings(), options.on_phase_end, options.no_hooks);
    hooks::Commands commands;
    commands.phase_end = resolved.phase_end.value;
    commands.overtime = resolved.overtime.value;
    commands.session_end = resolved.session_end.value;
    commands.timeout = std::chrono::seconds(resolved.timeout_seconds.value);
    return commands;
}

namespace {

// "5 minutes", "30 seconds", "1 minute 30 seconds": a budget as it is said aloud.
std::string spoken_duration(session::Millis millis) {
    const std::int64_t seconds = millis / 1000;
    const auto unit = [](std::int64_t n, const char* word) {
        return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
    };
    if (seconds % 60 == 0) return unit(seconds / 60, "minute");
    if (seconds < 60) return unit(seconds, "second");
    return unit(seconds / 60, "minute") + " " + unit(seconds % 60, "second");
}

// What the session does, told to the hooks and the voice; the facts come from the engine at
// that moment.
class SessionObserver : public session::Observer {
  public:
    SessionObserver(hooks::Runner* runner, hooks::Voice* voice) : runner_(runner), voice_(voice) {}

    void budget_ran_out(const session::Engine& engine, std::size_t phase, bool overtime) override {
        if (phase >= engine.plan().phases.size()) return;
        if (voice_ && overtime)
            voice_->say(fmt::format("Time is up for {}.", engine.plan().phases[phase].name));
        if (!runner_) return;
        hooks::Facts facts = common(engine);
        facts.phase = engine.plan().phases[phase].name;
        facts.phase_index = phase + 1;
        facts.budget_seconds = engine.budget(phase) / 1000;
        // As at the moment the budget ran out, even when the event that noticed it came later
        // (a scripted wait on the virtual clock jumps past it).
        facts.used_seconds = std::min(engine.used(phase), engine.budget(phase)) / 1000;
        facts.event = hooks::Event::phase_end;
        runner_->fire(facts);
        if (!overtime) return;
        facts.event = hooks::Event::overtime;
        runner_->fire(facts);
    }
    void followup_raised(const session::Engine& engine,
                         const session::RaisedProbe& probe) override {
        if (voice_) voice_->say(engine.plan().phases[probe.phase].probes[probe.index].text);
    }
    void phase_began(const session::Engine& engine, std::size_t phase) override {
        if (!voice_) return;
        const auto& plan = engine.plan();
        if (phase >= plan.phases.size()) {
            voice_->say(plan.key_points.empty()
                            ? "Time. Score your answer against the rubric."
                            : "Time. Check your answer against the key points, then score it.");
            return;
        }
        if (phase == 0 && !question_said_) {
            question_said_ = true;
            voice_->say("Your question. " + plan.question);
        }
        voice_->say(fmt::format("Phase {} of {}: {}. {}.", phase + 1, plan.phases.size(),
                                plan.phases[phase].name, spoken_duration(engine.budget(phase))));
    }
    void ticked(const session::Engine& engine) override {
        if (runner_) runner_->poll();
        if (!voice_) return;
        voice_->poll();
        // "Two minutes left", once a phase, in phases long enough for it to mean something.
        const std::size_t phase = engine.phase_index();
        if (engine.stage() != session::Stage::running || phase >= engine.plan().phases.size())
            return;
        const session::Millis budget = engine.budget(phase), left = budget - engine.used(phase);
        if (budget < 4 * 60'000 || left > 2 * 60'000 || left <= 0) return;
        if (warned_.size() <= phase) warned_.resize(phase + 1);
        if (warned_[phase]) return;
        warned_[phase] = true;
        voice_->say(fmt::format("Two minutes left in {}.", engine.plan().phases[phase].name));
    }
    bool busy() const override {
        return (runner_ && runner_->running() > 0) || (voice_ && voice_->busy());
    }
    void saved(const session::Engine& engine, const std::filesystem::path& path) override {
        if (!runner_) return;
        hooks::Facts facts = common(engine);
        facts.event = hooks::Event::session_end;
        facts.budget_seconds = engine.budget_total() / 1000;
        facts.used_seconds = engine.used_total() / 1000;
        facts.transcript = path.string();
        runner_->fire(facts);
    }

  private:
    static hooks::Facts common(const session::Engine& engine) {
        hooks::Facts facts;
        facts.rubric = engine.plan().rubric_id;
        facts.question_id = engine.plan().question_id;
        return facts;
    }
    hooks::Runner* runner_;
    hooks::Voice* voice_;
    bool question_said_ = false;
    std::vector<bool> warned_;
};

// The voice command in force, or a UsageError naming what is missing and how to install it.
std::unique_ptr<hooks::Voice> voice_for(Context& context, const RunOptions& options) {
    const auto wanted =
        settings::voice(context.settings(), flag_pair(options.voice, options.no_voice));
    if (!wanted.value) return nullptr;
    const auto command = settings::voice_command(context.settings());
    const char* path = std::getenv("PATH");
    if (!hooks::find_program(command.value, path ? path : "")) {
        const std::string asked = wanted.source == settings::Source::option
                                      ? "--voice"
                                      : fmt::format("voice = true ({})", wanted.detail);
        if (command.source == settings::Source::fallback)
            throw UsageError(fmt::format(
                "{} speaks through espeak-ng, which is not installed; install it with `sudo apt "
                "install espeak-ng`, or name another command with voice_command in config.toml",
                asked));
        throw UsageError(
            fmt::format("{}: voice_command ({}) runs \"{}\", which is not installed or not on PATH",
                        asked, command.detail, hooks::program_name(command.value)));
    }
    return std::make_unique<hooks::Voice>(command.value);
}

} // namespace

SessionSetup::~SessionSetup() {
    // A way out that skipped finish_hooks (an exception after the save) still lets a
    // session_end hook finish its copy, rather than killing it with the Runner.
    try {
        // Only an exception skips the call, and that exits 1 whatever this returns: the hooks
        // are waited for, as after any session that was not stopped by a signal.
        (void)finish_hooks(exit_code::failure);
    } catch (...) { // nothing is left to tell on the way out
    }
}

int SessionSetup::finish_hooks(int status) {
    if (finished_) return status;
    finished_ = true;
    if (voice_) {
        // The last words (the scoring's cue) may still be in the air: a few seconds for them,
        // none after a signal.
        voice_->finish(status > 128 ? std::chrono::milliseconds(0) : std::chrono::seconds(10));
        if (voice_->failures() > 0)
            fmt::print(context_.err, "mockcoach: the voice command failed {} time{}: {}\n",
                       voice_->failures(), voice_->failures() == 1 ? "" : "s",
                       settings::voice_command(context_.settings()).value);
    }
    if (!hooks_) return status;
    if (hooks_->running() > 0) {
        // Hooks run in sessions of their own, out of the terminal's reach: Ctrl-C while waiting
        // for them must stop them here, or they would outlive mockcoach.
        term::SignalWatch signals;
        // A session ended by SIGTERM or SIGHUP was told to go now: its hooks are stopped with
        // it, not waited for (a service manager would otherwise wait up to their timeout).
        if (status > 128) hooks_->stop();
        hooks_->finish(signals.fd());
        if (const int signal = signals.take_ending()) status = 128 + signal;
    }
    for (const std::string& report : hooks_->take_reports())
        fmt::print(context_.err, "mockcoach: {}\n", report);
    return status;
}

SessionSetup::SessionSetup(Context& context, const RunOptions& options)
    : context_(context), folder_(context.sessions_folder(options.sessions_dir)), options_(options) {
    voice_ = voice_for(context, options);
    if (hooks::Commands commands = hook_commands(context, options.hooks); commands.any())
        hooks_ = std::make_unique<hooks::Runner>(std::move(commands), cache_home() / "hooks.log");
    prepare_folder(folder_);
    Diagnostics problems;
    for (const auto& item : session::recover_all(folder_, problems)) {
        if (!item.transcript.empty())
            fmt::print(context.err, "mockcoach: recovered an interrupted session: {}\n",
                       item.transcript.string());
    }
    for (const Diagnostic& d : problems) fmt::print(context.err, "{}\n", format_diagnostic(d));
    wall_origin_ = std::chrono::system_clock::now();
    next_clock(0);
}

void SessionSetup::next_clock(session::Millis elapsed) {
    if (options_.clock == session::ClockKind::virtual_)
        clock_ = std::make_unique<session::VirtualClock>(wall_origin_ +
                                                         std::chrono::milliseconds(elapsed));
    else
        clock_ = std::make_unique<session::RealClock>(options_.speed);
}

void SessionSetup::continue_virtual_from(std::chrono::system_clock::time_point at) {
    if (options_.clock != session::ClockKind::virtual_ || at <= wall_origin_) return;
    wall_origin_ = at;
    next_clock(0);
}

live::LiveOptions SessionSetup::live_options() const {
    live::LiveOptions live;
    live.bell =
        settings::bell(context_.settings(), flag_pair(options_.bell, options_.no_bell)).value;
    live.colour = context_.colour(context_.out);
    return live;
}

session::Recorder SessionSetup::recorder(session::Plan plan, std::string mode, std::uint64_t seed,
                                         std::optional<std::string> story,
                                         std::optional<transcript::LoopPlace> loop,
                                         std::string drawn_with) {
    transcript::Transcript meta;
    meta.drawn_with = std::move(drawn_with);
    meta.story = std::move(story);
    meta.loop = std::move(loop);
    meta.id = transcript::session_id(clock_->wall_start(), plan.rubric_id, plan.question_id);
    meta.mode = std::move(mode);
    meta.seed = static_cast<std::int64_t>(seed);
    meta.speed = options_.clock == session::ClockKind::virtual_ ? 1 : options_.speed;
    meta.clock = session::clock_kind_names.name_of(options_.clock);
    session::Recorder recorder(std::move(plan), std::move(meta), folder_, *clock_);
    // A new observer for each session: what it has said (the question, "two minutes left")
    // belongs to one session, and a loop's next round starts afresh.
    if (hooks_ || voice_) observer_ = std::make_unique<SessionObserver>(hooks_.get(), voice_.get());
    recorder.observe(observer_.get());
    keep_scratch(context_, options_, folder_, recorder);
    return recorder;
}

void print_summary(Context& context, const std::filesystem::path& path, SessionOutput& output,
                   const SessionExtras& extras) {
    Diagnostics problems;
    const auto bytes = read_file(path, tomlfile::max_file_bytes, problems);
    const auto record =
        bytes ? transcript::read_transcript(path.string(), *bytes, problems) : std::nullopt;
    if (!record) {
        for (const Diagnostic& d : problems) fmt::print(context.err, "{}\n", format_diagnostic(d));
        throw IoError(fmt::format("the transcript at {} does not read back", path.string()));
    }
    const Style style = context.out_style();
    const int width = width_of(context.out);
    output.print(fmt::format(
        "\n{}\nsaved: {}\n",
        transcript::render_text(*record, style, width > 0 ? static_cast<std::size_t>(width) : 80,
                                criterion_names(context.catalog(), record->rubric)),
        path.string()));
    if (extras.after_summary) output.print(extras.after_summary(*record));
    if (output.cut())
        fmt::print(context.err,
                   "mockcoach: standard output was closed early, so some lines were not shown; "
                   "the session ran to its end and is saved: {}\n",
                   path.string());
}

int conclude(Context& context, const session::Ended& ended, Driven driven,
             const std::filesystem::path& journal, SessionOutput& output,
             const SessionExtras& extras) {
    using Kind = session::Ended::Kind;
    switch (ended.kind) {
    case Kind::refused:
        fmt::print(context.err, "<stdin>:{}: error: {}\n", ended.line, ended.error);
        if (ended.journal_kept)
            fmt::print(context.err,
                       "mockcoach: the session so far is kept in {}; `mockcoach recover` "
                       "saves it as an interrupted transcript\n",
                       journal.string());
        else
            fmt::print(context.err, "mockcoach: nothing had happened yet; nothing saved\n");
        return exit_code::usage;
    case Kind::abandoned:
        if (driven == Driven::script)
            fmt::print(context.err,
                       "mockcoach: no commands: the session never started, nothing saved\n");
        else
            fmt::print(context.out, "Cancelled before the clock started; nothing saved.\n");
        return exit_code::ok;
    case Kind::signalled:
        if (ended.path.empty()) return 128 + ended.signal;
        fmt::print(context.err, "mockcoach: stopped by signal {}; saved as interrupted\n",
                   ended.signal);
        print_summary(context, ended.path, output, extras);
        return 128 + ended.signal;
    case Kind::saved:
        break;
    }
    print_summary(context, ended.path, output, extras);
    return exit_code::ok;
}

} // namespace mockcoach::cli
