// One interview session, shared by `start` and `loop`.
#include "cli/interview_run.hpp"

#include "util/text.hpp"

#include <fmt/format.h>

namespace mockcoach::cli {

void print_plan(Context& context, const session::Plan& plan) {
    fmt::print(context.out, "question: {}\n", plan.question);
    if (plan.blind) {
        fmt::print(context.out, "category: hidden (--blind): name it with `guess RUBRIC_ID`\n");
        return;
    }
    fmt::print(context.out, "category: {} ({})\n", plan.rubric_name, plan.rubric_id);
    if (!plan.testing.empty()) fmt::print(context.out, "testing: {}\n", plan.testing);
    std::string phases;
    for (const auto& phase : plan.phases)
        phases += fmt::format("{}{} {}", phases.empty() ? "" : ", ", phase.name,
                              format_clock(phase.budget / 1000));
    fmt::print(context.out, "plan: {} (total {})\n", phases,
               format_clock(plan.total_budget() / 1000));
    if (!plan.tip.empty()) fmt::print(context.out, "tip: {}\n", plan.tip);
}

InterviewResult run_interview(Context& context, SessionSetup& setup, session::Plan plan,
                              const InterviewRun& run) {
    session::Recorder recorder = setup.recorder(std::move(plan), "interview", run.seed,
                                                std::nullopt, run.loop, run.drawn_with);
    if (run.on_recorder) run.on_recorder(recorder);
    session::Driver driver(recorder);
    SessionOutput output(context.out);
    InterviewResult result;
    if (run.scripted) {
        print_plan(context, recorder.engine().plan());
        print_scratch_path(context, recorder);
        result.ended = run_scripted(driver, output, {}, run.input);
        result.elapsed = recorder.clock().now();
        result.status =
            conclude(context, result.ended, Driven::script, recorder.journal_path(), output);
        return result;
    }
    live::LiveOptions live = setup.live_options();
    if (recorder.scratch_path()) live.scratch = recorder.scratch_path()->string();
    for (const auto& rubric : context.catalog().rubrics)
        live.choices.emplace_back(rubric.id, rubric.name);
    result.ended = run_live_session(driver, live);
    result.elapsed = recorder.clock().now();
    result.status = conclude(context, result.ended, Driven::live, recorder.journal_path(), output);
    return result;
}

} // namespace mockcoach::cli
