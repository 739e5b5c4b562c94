// One interview session, shared by `start` and `loop`.
#include "cli/interview_run.hpp"

#include "util/text.hpp"

#include <cstdio>
#include <fmt/format.h>
#include <optional>

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
    std::optional<std::filesystem::path> packet;
    if (run.write_packet) {
        try {
            packet = run.write_packet(recorder);
        } catch (...) {
            recorder.abandon(); // no session without the packet it was asked for
            throw;
        }
        // Before the plan, so the partner can open it while the candidate reads the question.
        fmt::print(context.out, "interviewer's packet: {}\n", packet->string());
        std::fflush(context.out);
    }
    session::Driver driver(recorder);
    SessionOutput output(context.out);
    InterviewResult result;
    if (run.scripted) {
        print_plan(context, recorder.engine().plan());
        print_scratch_path(context, recorder);
        result.ended = run_scripted(driver, output, {}, run.input);
    } else {
        live::LiveOptions live = setup.live_options();
        if (recorder.scratch_path()) live.scratch = recorder.scratch_path()->string();
        if (packet) live.packet = packet->string();
        if (run.loop) {
            live.place = fmt::format("round {}/{}", run.loop->round, run.loop->rounds);
            if (run.loop->questions > 1)
                live.place +=
                    fmt::format(" \u00b7 q {}/{}", run.loop->question, run.loop->questions);
        }
        for (const auto& rubric : context.catalog().rubrics)
            live.choices.emplace_back(rubric.id, rubric.name);
        result.ended = run_live_session(driver, live);
    }
    // Nothing kept of the session (cancelled, or stopped, before its clock started): its
    // packet is about a session that never was, so it goes with the journal.
    if (packet && result.ended.path.empty() && !result.ended.journal_kept) {
        std::error_code ignored;
        std::filesystem::remove(*packet, ignored);
    }
    result.elapsed = recorder.clock().now();
    result.status = conclude(context, result.ended, run.scripted ? Driven::script : Driven::live,
                             recorder.journal_path(), output);
    return result;
}

} // namespace mockcoach::cli
