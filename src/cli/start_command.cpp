// `mockcoach start`: a timed mock interview, live on a terminal or scripted from a pipe.
#include "cli/context.hpp"
#include "cli/history_setup.hpp"
#include "cli/interview_run.hpp"
#include "cli/number_option.hpp"
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
    RunOptions run;
    AdaptiveOptions adaptive;
};

int start(Context& context, const Options& options) {
    const bool scripted = cli::scripted(options.run);

    const rubric::Catalog& catalog = context.catalog();
    const std::uint64_t seed =
        options.seed ? static_cast<std::uint64_t>(*options.seed) : session_seed();
    bank::Drawn drawn{};
    if (!options.question.empty()) {
        drawn = find_question(catalog, options.question);
    } else {
        bank::Random random(seed);
        const auto rubrics = context.select_default(options.categories);
        const auto picked =
            options.adaptive.enabled(context)
                ? bank::draw(rubrics, 1, random,
                             adaptive_adjustments(context, rubrics, options.run.sessions_dir))
                : bank::draw(rubrics, 1, random);
        if (picked.empty()) throw UsageError("no questions to draw from in the chosen categories");
        drawn = picked.front();
    }
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
    return setup.finish_hooks(run_interview(context, setup, std::move(plan), run).status);
}

} // namespace

void add_start_command(CLI::App& app, Context& context, Commands& commands) {
    auto options = std::make_shared<Options>();
    CLI::App* cmd = app.add_subcommand("start", "Run a timed mock interview");
    cmd->add_option("-c,--category", options->categories, "Draw only from this rubric (repeatable)")
        ->type_name("ID");
    cmd->add_option("-q,--question", options->question,
                    "This question (RUBRIC/ID, or ID when unique)")
        ->type_name("ID");
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
    add_adaptive_options(*cmd, options->adaptive);
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
