// The day's summary, computed from the rounds' transcripts, and the day's plan as text.
#include "loop/loop.hpp"

#include "util/text.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace mockcoach::loop {

namespace {

bool counts(const history::Session& session) {
    return session.status != transcript::Status::interrupted;
}

// A round's sessions oldest first; the one that counts is the last saved completed or ended
// early, else the last (an interrupted attempt, when that is all there is).
const history::Session* counted(std::vector<const history::Session*>& attempts) {
    if (attempts.empty()) return nullptr;
    std::sort(attempts.begin(), attempts.end(), [](const auto* a, const auto* b) {
        return epoch_seconds(a->started_at) != epoch_seconds(b->started_at)
                   ? epoch_seconds(a->started_at) < epoch_seconds(b->started_at)
                   : a->id < b->id;
    });
    for (auto it = attempts.rbegin(); it != attempts.rend(); ++it)
        if (counts(**it)) return *it;
    return attempts.back();
}

} // namespace

Summary summarise(const std::optional<LoopState>& state, std::string_view id,
                  std::span<const history::Session> sessions) {
    Summary summary;
    summary.id = std::string(id);
    std::size_t rounds = state ? state->rounds.size() : 0;
    std::vector<const history::Session*> mine;
    for (const history::Session& session : sessions) {
        if (!session.loop || session.loop->id != id) continue;
        mine.push_back(&session);
        rounds = std::max(rounds, static_cast<std::size_t>(session.loop->rounds));
    }
    if (state) {
        summary.profile_name = state->profile_name;
        summary.started_at = state->started_at;
        summary.finished = state->finished();
    } else if (!mine.empty()) {
        summary.started_at = (*std::min_element(mine.begin(), mine.end(), [](auto* a, auto* b) {
                                 return epoch_seconds(a->started_at) < epoch_seconds(b->started_at);
                             }))->started_at;
    }
    std::vector<double> means;
    for (std::size_t i = 0; i < rounds; ++i) {
        RoundResult result;
        result.round = i + 1;
        if (state && i < state->rounds.size()) {
            const RoundState& planned = state->rounds[i];
            result.name = planned.name;
            result.rubric = planned.rubric;
            result.question = planned.question;
            result.budget_seconds = planned.budget_seconds;
        }
        std::vector<const history::Session*> attempts;
        for (const history::Session* session : mine)
            if (session->loop->round == static_cast<int>(i + 1)) attempts.push_back(session);
        result.attempts = attempts.size();
        if (const history::Session* session = counted(attempts)) {
            if (result.name.empty()) result.name = session->rubric_name;
            result.rubric = session->rubric;
            result.question = session->question;
            result.mean = session->mean_score();
            result.used_seconds = session->used_seconds();
            result.budget_seconds = session->budget_seconds();
            result.status = session->status;
            result.session = session->id;
            summary.used_seconds += result.used_seconds;
            if (result.mean) {
                means.push_back(*result.mean);
                if (!summary.weakest || *result.mean < *summary.rounds[*summary.weakest].mean)
                    summary.weakest = i;
            }
        }
        if (result.name.empty()) result.name = fmt::format("round {}", i + 1);
        summary.budget_seconds += result.budget_seconds;
        summary.rounds.push_back(std::move(result));
    }
    if (!means.empty()) {
        double sum = 0;
        for (const double mean : means) sum += mean;
        summary.mean = sum / static_cast<double>(means.size());
    }
    return summary;
}

std::string render_summary(const Summary& summary, const Style& style, std::size_t width) {
    width = std::clamp<std::size_t>(width, 40, 160);
    std::string out = style.bold(truncate_to(fmt::format("Loop {}", summary.id), width)) + "\n";
    std::string about = format_date_time(summary.started_at, DateTimeForm::minutes);
    if (!summary.profile_name.empty()) about += " \u00b7 " + summary.profile_name;
    about += summary.finished ? " \u00b7 finished" : " \u00b7 not finished (mockcoach loop --resume)";
    out += style.dim(truncate_to(about, width)) + "\n\n";
    Table table({"#", "ROUND", "CATEGORY", "SCORE", "TIME", "QUESTION"},
                {Align::right, Align::left, Align::left, Align::right, Align::right, Align::left});
    for (const RoundResult& round : summary.rounds) {
        std::string time = round.status ? format_clock(round.used_seconds) + "/" +
                                               format_clock(round.budget_seconds)
                                         : "-/" + format_clock(round.budget_seconds);
        std::string score = round.status ? format_score(round.mean) : "not run";
        if (round.status == transcript::Status::interrupted) score += " (interrupted)";
        table.add({std::to_string(round.round), truncate_to(round.name, 20),
                   truncate_to(round.rubric, 18), score, time, round.question});
    }
    out += table.render(width);
    if (summary.weakest) {
        const RoundResult& weak = summary.rounds[*summary.weakest];
        out += truncate_to(fmt::format("Weakest round: {} {} ({})", weak.round, weak.name,
                                       format_score(weak.mean)),
                           width) +
               "\n";
    }
    out += fmt::format("Total: {} of {} \u00b7 overall mean {}\n", format_clock(summary.used_seconds),
                       format_clock(summary.budget_seconds), format_score(summary.mean));
    return out;
}

std::string render_plan(const LoopState& state, std::size_t from_round, const WallTime& now) {
    std::string out = fmt::format("loop: {} ({}), {} rounds, seed {}\n", state.id,
                                  state.profile_name, state.rounds.size(), state.seed);
    std::int64_t total = 0;
    for (std::size_t i = from_round; i < state.rounds.size(); ++i) {
        const RoundState& round = state.rounds[i];
        out += fmt::format("round {}: {} \u00b7 {} \u00b7 {} min", i + 1, round.name,
                           round.rubric_name, format_minutes(round.budget_seconds / 60.0));
        total += round.budget_seconds;
        if (i + 1 < state.rounds.size() && round.break_seconds > 0) {
            out += fmt::format(", then a {} min break", format_minutes(round.break_seconds / 60.0));
            total += round.break_seconds;
        }
        out += "\n";
    }
    WallTime end = now;
    end.utc += std::chrono::seconds(total);
    const CivilTime local = civil_of(end);
    out += fmt::format("total: {} \u00b7 expected end {:02}:{:02}\n", format_clock(total),
                       local.hour, local.minute);
    return out;
}

} // namespace mockcoach::loop
