// The day of a loop, question by question.
#include "cli/loop_day.hpp"

#include "cli/history_setup.hpp"
#include "cli/interview_run.hpp"
#include "cli/loop_break.hpp"

#include "history/history.hpp"
#include "tomlfile/tomlfile.hpp"
#include "util/errors.hpp"
#include "util/files.hpp"
#include "util/text.hpp"

#include <fmt/format.h>

namespace mockcoach::cli {

namespace {

// Session `id`'s transcript in `folder`, or none when it has none that reads.
std::optional<transcript::Transcript> read_saved(const fs::path& folder, const std::string& id) {
    Diagnostics ignored; // a transcript that does not read is not one to count the question on
    const fs::path path = folder / (id + ".toml");
    const auto bytes = read_file(path, tomlfile::max_file_bytes, ignored);
    if (!bytes) return std::nullopt;
    return transcript::read_transcript(path.string(), *bytes, ignored);
}

// The saved transcripts of the sessions the state names, in its order: a handful of files, read
// straight, no index needed.
std::vector<std::pair<std::string, transcript::Transcript>>
day_transcripts(const fs::path& folder, const loop::LoopState& state) {
    std::vector<std::pair<std::string, transcript::Transcript>> saved;
    for (const loop::RoundState& round : state.rounds)
        for (const loop::Slot& slot : round.questions)
            for (const std::string& session : slot.sessions)
                if (auto record = read_saved(folder, session))
                    saved.emplace_back(session, std::move(*record));
    return saved;
}

} // namespace

std::optional<transcript::Status> saved_status(const fs::path& folder, const std::string& id) {
    const auto record = read_saved(folder, id);
    if (!record) return std::nullopt;
    return record->status;
}

loop::Summary day_summary(const fs::path& folder, const std::optional<loop::LoopState>& state,
                          const std::string& id) {
    std::vector<history::Session> sessions;
    if (state)
        for (const auto& [session, record] : day_transcripts(folder, *state))
            sessions.push_back(history::summarise(record, session + ".toml"));
    return loop::summarise(state, id, sessions);
}

std::chrono::system_clock::time_point day_resumes_at(const fs::path& folder,
                                                     const loop::LoopState& state) {
    std::chrono::sys_seconds latest = state.started_at.utc;
    for (const auto& [session, record] : day_transcripts(folder, state))
        latest = std::max({latest, record.started_at.utc, record.ended_at.utc});
    return latest + std::chrono::seconds(1);
}

Day::Day(Context& context, SessionSetup& setup, const RunOptions& options, loop::LoopState& state,
         bool scripted, ScriptInput* input)
    : context_(context), setup_(setup), options_(options), state_(state), scripted_(scripted),
      input_(input) {}

WallTime Day::now() const {
    if (options_.clock == session::ClockKind::virtual_)
        return local_wall_time(setup_.wall_origin() + std::chrono::milliseconds(elapsed_));
    return local_wall_time(std::chrono::system_clock::now());
}

int Day::stopped(const std::string& why, int status) {
    fmt::print(context_.err,
               "mockcoach: {}; the day is saved: go on with `mockcoach loop --resume {}`\n", why,
               state_.id);
    return status;
}

namespace {

std::string round_title(const loop::LoopState& state, std::size_t r) {
    const loop::RoundState& round = state.rounds[r];
    return fmt::format("round {} of {}, {} ({} min)", r + 1, state.rounds.size(), round.name,
                       format_minutes(static_cast<double>(round.budget_seconds()) / 60.0));
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    for (std::size_t start = 0; start < text.size();) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

} // namespace

std::optional<int> Day::show_plan(bool resuming, std::size_t first) {
    std::string plan = loop::render_plan(state_, first, now());
    if (resuming) {
        std::string again;
        for (const loop::Slot& slot : state_.rounds[first].questions)
            if (!slot.done && !slot.sessions.empty()) {
                again = fmt::format("its question {}/{} was cut short and is asked again from the "
                                    "start; the interrupted attempt is kept as {}\n",
                                    slot.rubric, slot.question_id, slot.sessions.back());
                break;
            }
        plan =
            fmt::format("resuming at round {} of {}\n{}", first + 1, state_.rounds.size(), again) +
            plan;
    }
    if (scripted_) {
        SessionOutput(context_.out).print(plan);
        return std::nullopt;
    }
    const Pause pause = live_plan(context_, "mockcoach \u00b7 " + state_.profile_name,
                                  lines_of(plan), fmt::format("begin round {}", first + 1));
    if (pause.kind == Pause::Kind::signal)
        return stopped(fmt::format("stopped by signal {}", pause.signal), 128 + pause.signal);
    if (pause.kind == Pause::Kind::stop)
        return stopped(fmt::format("stopped before round {}", first + 1), exit_code::ok);
    return std::nullopt;
}

std::optional<int> Day::ask(std::size_t r, std::size_t q) {
    loop::RoundState& round = state_.rounds[r];
    loop::Slot& slot = round.questions[q];
    const rubric::Rubric* rubric = context_.catalog().find(slot.rubric);
    const rubric::Question* question = rubric ? rubric->find_question(slot.question_id) : nullptr;
    if (!question)
        throw UsageError(fmt::format("round {} of loop {} asks {}/{}, which is no longer in the "
                                     "rubrics; put it back to go on with the day",
                                     r + 1, state_.id, slot.rubric, slot.question_id));
    session::Plan plan = session::make_plan(*rubric, *question);
    loop::scale_plan(plan, slot.budget_seconds);
    plan.auto_advance = settings::auto_advance(context_.settings(), std::nullopt).value;
    const auto seed = static_cast<std::uint64_t>(state_.seed) + 1 + r * 100 + q;
    if (followups_on(context_, options_)) session::schedule_followups(plan, *question, seed);

    if (scripted_) {
        std::string title = round_title(state_, r);
        if (round.questions.size() > 1)
            title += fmt::format(", question {} of {}", q + 1, round.questions.size());
        SessionOutput(context_.out).print("\n" + title + "\n");
    }
    setup_.next_clock(elapsed_);
    InterviewRun run;
    run.scripted = scripted_;
    run.seed = seed;
    run.input = input_;
    run.loop = transcript::LoopPlace{
        state_.id, static_cast<int>(r + 1), static_cast<int>(state_.rounds.size()),
        static_cast<int>(q + 1), static_cast<int>(round.questions.size())};
    // The session's id goes into the state before its clock starts: a kill from here on leaves
    // a journal that resume finds by it.
    run.on_recorder = [&](const session::Recorder& recorder) {
        slot.sessions.push_back(recorder.meta().id);
        save();
    };
    const InterviewResult result = run_interview(context_, setup_, std::move(plan), run);
    elapsed_ += result.elapsed;
    using Kind = session::Ended::Kind;
    switch (result.ended.kind) {
    case Kind::saved:
        if (saved_status(setup_.folder(), slot.sessions.back()) == transcript::Status::interrupted)
            return stopped(fmt::format("the input ended in round {}, which is saved as "
                                       "interrupted and asked again on resume",
                                       r + 1),
                           result.status);
        slot.done = true;
        save();
        return std::nullopt;
    case Kind::abandoned:
        slot.sessions.pop_back(); // it left nothing
        save();
        return stopped(fmt::format("round {} never started", r + 1), result.status);
    case Kind::signalled:
        return stopped(fmt::format("round {} was interrupted; it is asked again on resume", r + 1),
                       result.status);
    case Kind::refused:
        return stopped(fmt::format("round {} stopped at a bad line", r + 1), result.status);
    }
    return std::nullopt;
}

std::optional<int> Day::take_break(std::size_t r) {
    loop::RoundState& round = state_.rounds[r];
    BreakPlan plan;
    plan.seconds = round.break_seconds;
    plan.next = round_title(state_, r + 1);
    // How the round went, from its saved transcripts, so the break is also its debrief.
    const loop::Summary so_far = day_summary(setup_.folder(), state_, state_.id);
    const std::string went = r < so_far.rounds.size()
                                 ? loop::round_line(so_far.rounds[r])
                                 : fmt::format("Round {} ({})", r + 1, round.name);
    plan.lines = {went + ", saved.", "Next: " + plan.next};
    const Pause pause =
        scripted_ ? scripted_break(context_, *input_, options_, plan) : live_break(context_, plan);
    elapsed_ += pause.waited;
    switch (pause.kind) {
    case Pause::Kind::go:
        round.break_state = pause.skipped ? loop::BreakState::skipped : loop::BreakState::taken;
        save();
        return std::nullopt;
    case Pause::Kind::stop:
        return stopped(fmt::format("stopped in the break after round {}", r + 1), exit_code::ok);
    case Pause::Kind::signal:
        return stopped(
            fmt::format("stopped by signal {} in the break after round {}", pause.signal, r + 1),
            128 + pause.signal);
    case Pause::Kind::refused:
        return stopped(fmt::format("stopped at a bad line in the break after round {}", r + 1),
                       exit_code::usage);
    }
    return std::nullopt;
}

int Day::run(bool resuming) {
    const std::size_t first = state_.next_round();
    if (first < state_.rounds.size()) {
        if (const auto status = show_plan(resuming, first)) return *status;
    }
    for (std::size_t r = first; r < state_.rounds.size(); ++r) {
        for (std::size_t q = 0; q < state_.rounds[r].questions.size(); ++q) {
            if (state_.rounds[r].questions[q].done) continue;
            if (const auto status = ask(r, q)) return *status;
        }
        if (r + 1 < state_.rounds.size() && state_.rounds[r].break_seconds > 0)
            if (const auto status = take_break(r)) return *status;
    }
    state_.finished_at = now();
    save();
    const loop::Summary summary = day_summary(setup_.folder(), state_, state_.id);
    SessionOutput output(context_.out);
    output.print("\n" + loop::render_summary(summary, context_.out_style(),
                                             table_width(context_).value_or(80)));
    return exit_code::ok;
}

} // namespace mockcoach::cli
