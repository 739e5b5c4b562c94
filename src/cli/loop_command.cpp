// `mockcoach loop`: a whole onsite day from a profile's rounds: the day drawn from one seed,
// each question a normal session, breaks between rounds, a state file after every change so
// that `--resume` goes on where a kill or a signal stopped it, and the day's summary at the end.
#include "cli/context.hpp"
#include "cli/interview_run.hpp"
#include "cli/loop_break.hpp"
#include "cli/loop_day.hpp"
#include "cli/number_option.hpp"
#include "cli/session_setup.hpp"

#include "profile/profile.hpp"
#include "util/errors.hpp"

#include <fmt/format.h>
#include <unistd.h>

namespace mockcoach::cli {
namespace {

constexpr std::string_view default_profile = "ml-engineer-onsite";

struct Options {
    std::string profile{default_profile};
    std::vector<std::string> resume; // --resume [LOOP_ID]
    CLI::Option* resume_option = nullptr;
    CLI::Option* clock_option = nullptr;
    std::optional<std::int64_t> seed;
    RunOptions run;
};

// The profile named, which must be a loop: a UsageError naming those that are, when not.
const profile::Profile& loop_profile(Context& context, const std::string& id) {
    std::string names;
    for (const profile::Profile& p : context.profiles().profiles)
        if (!p.rounds.empty()) names += (names.empty() ? "" : ", ") + p.id;
    const profile::Profile& found = context.profile(id);
    if (found.rounds.empty())
        throw UsageError(fmt::format("profile \"{}\" is a draw profile without rounds; a loop "
                                     "needs one with rounds: {}",
                                     id, names));
    Diagnostics problems;
    profile::check_round_questions(found, context.catalog(), problems);
    if (!problems.empty()) throw InvalidInput(std::move(problems));
    return found;
}

// A new day: drawn from the profile's rounds, locked and saved before anything else happens.
loop::LoopState new_day(Context& context, const Options& options, const fs::path& folder,
                        std::chrono::system_clock::time_point now,
                        std::optional<loop::DayLock>& lock) {
    const profile::Profile& chosen = loop_profile(context, options.profile);
    const rubric::Catalog& catalog = context.catalog();
    std::vector<loop::RoundSpec> specs;
    for (const profile::Round& round : chosen.rounds)
        specs.push_back(
            {round.name, round.categories, round.minutes, round.questions, round.break_minutes});
    loop::LoopState state;
    state.seed = options.seed ? *options.seed
                              : static_cast<std::int64_t>(session_seed() >> 1); // TOML's range
    const loop::DayDraw day = loop::plan_day(
        specs, catalog,
        [&](std::span<const rubric::Rubric* const> rubrics) {
            return profile::draw_weights(chosen, rubrics);
        },
        static_cast<std::uint64_t>(state.seed));
    if (!day.error.empty())
        throw UsageError(fmt::format("profile {} ({}): {}", chosen.id, chosen.origin, day.error));
    // Two days started in the same second (a script in a loop, two terminals) each get their
    // own: create_state adds a suffix to the second.
    state.id = loop::loop_id(now, chosen.id);
    state.profile = chosen.id;
    state.profile_name = chosen.name;
    state.clock = session::clock_kind_names.name_of(options.run.clock);
    state.started_at = local_wall_time(now);
    state.rounds = day.rounds;
    lock.emplace(loop::create_state(folder, state));
    return state;
}

// The unfinished day to go on with, locked, and brought up to what the sessions folder holds.
loop::LoopState resumed_day(Context& context, const Options& options, const fs::path& folder,
                            std::optional<loop::DayLock>& lock) {
    loop::LoadedStates loaded = loop::load_states(folder);
    for (const Diagnostic& d : loaded.problems)
        fmt::print(context.err, "{}\n", format_diagnostic(d));
    const std::string id = options.resume.empty() ? "" : options.resume.front();
    const loop::Pick pick = loop::pick_to_resume(loaded.states, id);
    if (!pick.index) throw UsageError(pick.error);
    loop::LoopState state = loaded.states[*pick.index];
    lock.emplace(folder, state.id);
    loop::resume_point(state,
                       [&](const std::string& session) { return saved_status(folder, session); });
    loop::save_state(folder, state);
    return state;
}

// The clock a resumed day goes on with when --clock does not say: the one it was started on
// (its state's `clock`), but the virtual clock only in scripted mode.
session::ClockKind resumed_clock(Context& context, const Options& options) {
    const loop::LoadedStates loaded =
        loop::load_states(context.sessions_folder(options.run.sessions_dir));
    const loop::Pick pick =
        loop::pick_to_resume(loaded.states, options.resume.empty() ? "" : options.resume.front());
    if (!pick.index) return options.run.clock; // resumed_day says why there is none
    const auto kind = session::clock_kind_names.parse(loaded.states[*pick.index].clock);
    const bool scripted = options.run.script || !isatty(STDIN_FILENO);
    if (!kind || (*kind == session::ClockKind::virtual_ && !scripted))
        return session::ClockKind::real;
    return *kind;
}

int run_loop(Context& context, const Options& options) {
    const bool resuming = options.resume_option->count() > 0;
    RunOptions run = options.run;
    if (resuming && options.clock_option->count() == 0) run.clock = resumed_clock(context, options);
    const bool scripted = cli::scripted(run);
    // Journals a kill left behind become interrupted transcripts here, before the day is read:
    // nothing typed in an interrupted round is lost, and resume sees how far each one got.
    SessionSetup setup(context, run);
    std::optional<loop::DayLock> lock;
    loop::LoopState state =
        resuming ? resumed_day(context, options, setup.folder(), lock)
                 : new_day(context, options, setup.folder(), setup.wall_origin(), lock);
    state.clock = session::clock_kind_names.name_of(run.clock);
    // A virtual day has run ahead of the real clock: it goes on after its last session.
    if (resuming) setup.continue_virtual_from(day_resumes_at(setup.folder(), state));
    std::optional<ScriptInput> input;
    if (scripted) input.emplace();
    Day day(context, setup, run, state, scripted, input ? &*input : nullptr);
    return setup.finish_hooks(day.run(resuming));
}

} // namespace

void add_loop_command(CLI::App& app, Context& context, Commands& commands) {
    auto options = std::make_shared<Options>();
    CLI::App* cmd = app.add_subcommand("loop", "Run a whole onsite day: rounds, breaks, a summary");
    auto* profile =
        cmd->add_option("-p,--profile", options->profile,
                        "The day's profile, one with rounds (default ml-engineer-onsite; see "
                        "`mockcoach profiles`)")
            ->type_name("NAME");
    auto* seed = check_whole(cmd->add_option("--seed", options->seed,
                                             "Seed for the day's draw (same seed, same questions)"),
                             0, std::numeric_limits<std::int64_t>::max());
    options->resume_option =
        cmd->add_option("--resume", options->resume,
                        "Go on with the unfinished day (the newest, or this LOOP_ID or a unique "
                        "part of one) where it stopped")
            ->expected(0, 1)
            ->type_name("[LOOP_ID]")
            ->excludes(profile)
            ->excludes(seed);
    add_run_options(*cmd, options->run);
    options->clock_option = cmd->get_option("--clock");
    cmd->footer(
        "Between rounds: a break with a countdown; Enter or s skips it, q stops the day (resume\n"
        "  it later). In a round, the keys of `mockcoach start`.\n"
        "Scripts: each question is a session's script, ended by `quit` once scored; during a\n"
        "  break: skip, wait SECONDS, or quit (the day stops; --resume goes on).\n"
        "Examples:\n  mockcoach loop\n  mockcoach loop --resume\n"
        "  mockcoach loop --profile my-day --seed 7 --clock virtual < day.script");
    commands.add(cmd, [&context, options] { return run_loop(context, *options); });
}

} // namespace mockcoach::cli
