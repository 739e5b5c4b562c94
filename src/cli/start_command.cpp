// `mockcoach start`: a timed mock interview, live on a terminal or scripted from a pipe.
#include "cli/context.hpp"
#include "cli/due_setup.hpp"
#include "cli/history_setup.hpp"
#include "cli/interview_run.hpp"
#include "cli/number_option.hpp"
#include "cli/partner_packet.hpp"
#include "cli/session_draw.hpp"
#include "cli/session_setup.hpp"

#include "live/live.hpp"
#include "session/run_script.hpp"
#include "transcript/render.hpp"
#include "util/errors.hpp"
#include "util/text.hpp"

#include <fmt/format.h>

namespace mockcoach::cli {
namespace {

struct Options {
    std::vector<std::string> categories;
    std::string question;
    std::optional<std::int64_t> seed;
    bool blind = false;
    bool auto_advance = false;
    bool no_auto_advance = false;
    bool partner = false;
    RunOptions run;
    AdaptiveOptions adaptive;
    std::optional<std::string> profile;
    bool due = false;
};

int start(Context& context, const Options& options) {
    const bool scripted = cli::scripted(options.run);

    const rubric::Catalog& catalog = context.catalog();
    const std::uint64_t seed =
        options.seed ? static_cast<std::uint64_t>(*options.seed) : session_seed();
    // --due: the question most likely forgotten; none due: said so, and drawn as usual.
    const std::optional<bank::Drawn> due =
        options.due && options.question.empty()
            ? most_overdue(context, context.select_default(options.categories),
                           options.run.sessions_dir)
            : std::nullopt;
    const bank::Drawn drawn =
        !options.question.empty() ? find_question(catalog, options.question)
        : due                     ? *due
              : draw_session_question(context, options.categories, options.profile,
                                      options.adaptive, options.run.sessions_dir, seed);
    session::Plan plan = session::make_plan(*drawn.rubric, *drawn.question);
    plan.blind = options.blind;
    plan.auto_advance =
        settings::auto_advance(context.settings(),
                               flag_pair(options.auto_advance, options.no_auto_advance))
            .value;
    if (followups_on(context, options.run))
        session::schedule_followups(plan, *drawn.question, seed);

    SessionSetup setup(context, options.run);
    InterviewRun run;
    run.scripted = scripted;
    run.seed = seed;
    if (options.question.empty() && !due)
        run.drawn_with =
            draw_options(context, options.categories, options.profile, options.adaptive);
    if (options.partner)
        run.write_packet = [&](const session::Recorder& recorder) {
            return write_partner_packet(setup.folder(), drawn, seed, recorder.meta().id);
        };
    return setup.finish_hooks(run_interview(context, setup, std::move(plan), run).status);
}

} // namespace

bank::Drawn draw_session_question(Context& context, const std::vector<std::string>& categories,
                                  const std::optional<std::string>& profile,
                                  const AdaptiveOptions& adaptive,
                                  const std::optional<std::string>& sessions_dir,
                                  std::uint64_t seed) {
    bank::Random random(seed);
    const DrawPool pool = draw_pool(context, categories, profile);
    const auto picked = bank::draw(
        pool.rubrics, pool.weights, 1, random,
        adaptive.enabled(context)
            ? adaptive_adjustments(context, pool, sessions_dir, adaptive.strength_in_force(context))
            : bank::Adjustments{});
    if (picked.empty()) throw UsageError("no questions to draw from in the chosen categories");
    return picked.front();
}

std::string draw_options(Context& context, const std::vector<std::string>& categories,
                         const std::optional<std::string>& profile,
                         const AdaptiveOptions& adaptive) {
    std::string out;
    const auto add = [&](const std::string& part) { out += (out.empty() ? "" : " ") + part; };
    for (const std::string& id : categories) add("-c " + id);
    if (profile) add("--profile " + *profile);
    if (adaptive.enabled(context))
        add(fmt::format("--adaptive --adaptive-strength {:g}",
                        adaptive.strength_in_force(context)));
    return out;
}

void add_start_command(CLI::App& app, Context& context, Commands& commands) {
    auto options = std::make_shared<Options>();
    CLI::App* cmd = app.add_subcommand("start", "Run a timed mock interview");
    cmd->add_option("-c,--category", options->categories, "Draw only from this rubric (repeatable)")
        ->type_name("ID");
    cmd->add_option("-q,--question", options->question,
                    "This question (RUBRIC/ID, or ID when unique)")
        ->type_name("ID");
    cmd->add_flag("--due", options->due,
                  "The question due for review that you are most likely to have forgotten (the "
                  "first of mockcoach due); none due: the usual draw")
        ->excludes(cmd->get_option("--question"));
    check_whole(
        cmd->add_option("--seed", options->seed, "Seed for the draw (same seed, same question)"), 0,
        std::numeric_limits<std::int64_t>::max());
    cmd->add_flag("--blind", options->blind,
                  "Hide the category: name its framework yourself before the clock starts");
    auto* advance =
        cmd->add_flag("--auto-advance", options->auto_advance,
                      "Go to the next phase when a budget runs out (default: count overtime)");
    cmd->add_flag("--no-auto-advance", options->no_auto_advance,
                  "Count overtime, even with auto_advance in the settings")
        ->excludes(advance);
    cmd->add_flag("--partner", options->partner,
                  "Practise with a partner: first write the interviewer's packet (an HTML page "
                  "with the question, timings, follow-ups, anchors and a score sheet) beside the "
                  "session and print its path");
    add_adaptive_options(*cmd, options->adaptive);
    add_profile_option(*cmd, options->profile);
    // A named question is not drawn: a profile would have nothing to weigh.
    cmd->get_option("--profile")->excludes(cmd->get_option("--question"));
    add_run_options(*cmd, options->run);
    cmd->footer(
        "Keys: space pause, n next phase, + one more minute, e note, 1-9 tick that prompt,\n"
        "  w the whole question, x hide the interviewer's follow-up, q end and score, ? help.\n"
        "  After the phases, each key point: y covered, p partly, n missed, Backspace back.\n"
        "Script commands (one per line): next, pause, resume, extend MINUTES, note TEXT,\n"
        "  wait SECONDS, check N, guess RUBRIC_ID, point N covered|partly|missed,\n"
        "  score CRITERION VALUE, skip CRITERION, reflect TEXT, quit.\n"
        "Examples:\n  mockcoach start\n  mockcoach start --category ml-system-design --blind\n"
        "  printf 'wait 300\\nnext\\nquit\\nscore depth 3\\n' | mockcoach start --question "
        "url-shortener --clock virtual");
    commands.add(cmd, [&context, options] { return start(context, *options); });
}

} // namespace mockcoach::cli
