// The day's summary, computed from the rounds' transcripts, and the day's plan as text.
#include "loop/loop.hpp"

#include "util/json.hpp"
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

double mean_of(const std::vector<double>& values) {
    double sum = 0;
    for (const double value : values) sum += value;
    return sum / static_cast<double>(values.size());
}

} // namespace

Summary summarise(const std::optional<LoopState>& state, std::string_view id,
                  std::span<const history::Session> sessions) {
    Summary summary;
    summary.id = std::string(id);
    std::vector<const history::Session*> mine;
    std::size_t rounds = state ? state->rounds.size() : 0;
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
    for (std::size_t r = 0; r < rounds; ++r) {
        const RoundState* planned = state && r < state->rounds.size() ? &state->rounds[r] : nullptr;
        RoundResult round;
        round.round = r + 1;
        round.name = planned ? planned->name : "";
        std::size_t questions = planned ? planned->questions.size() : 0;
        for (const history::Session* session : mine)
            if (session->loop->round == static_cast<int>(r + 1))
                questions = std::max(questions, static_cast<std::size_t>(session->loop->questions));
        std::vector<double> round_means;
        for (std::size_t q = 0; q < questions; ++q) {
            SlotResult slot;
            if (planned && q < planned->questions.size()) {
                slot.rubric = planned->questions[q].rubric;
                slot.question = planned->questions[q].question;
                slot.budget_seconds = planned->questions[q].budget_seconds;
            }
            std::vector<const history::Session*> attempts;
            for (const history::Session* session : mine)
                if (session->loop->round == static_cast<int>(r + 1) &&
                    session->loop->question == static_cast<int>(q + 1))
                    attempts.push_back(session);
            slot.attempts = attempts.size();
            if (const history::Session* session = counted(attempts)) {
                if (round.name.empty()) round.name = session->rubric_name;
                slot.rubric = session->rubric;
                slot.question = session->question;
                slot.mean = session->mean_score();
                slot.used_seconds = session->used_seconds();
                slot.budget_seconds = session->budget_seconds();
                slot.status = session->status;
                slot.session = session->id;
                round.used_seconds += slot.used_seconds;
                if (slot.mean) round_means.push_back(*slot.mean);
            }
            round.budget_seconds += slot.budget_seconds;
            round.questions.push_back(std::move(slot));
        }
        if (round.name.empty()) round.name = fmt::format("round {}", r + 1);
        if (!round_means.empty()) {
            round.mean = mean_of(round_means);
            means.insert(means.end(), round_means.begin(), round_means.end());
            if (!summary.weakest || *round.mean < *summary.rounds[*summary.weakest].mean)
                summary.weakest = r;
        }
        summary.used_seconds += round.used_seconds;
        summary.budget_seconds += round.budget_seconds;
        summary.rounds.push_back(std::move(round));
    }
    if (!means.empty()) summary.mean = mean_of(means);
    return summary;
}

std::string render_summary(const Summary& summary, const Style& style, std::size_t width) {
    width = std::clamp<std::size_t>(width, 40, 160);
    std::string out = style.bold(truncate_to(fmt::format("Loop {}", summary.id), width)) + "\n";
    std::string about = format_date_time(summary.started_at, DateTimeForm::minutes);
    if (!summary.profile_name.empty()) about += " \u00b7 " + summary.profile_name;
    about +=
        summary.finished ? " \u00b7 finished" : " \u00b7 not finished (mockcoach loop --resume)";
    out += style.dim(truncate_to(about, width)) + "\n\n";
    // A narrow terminal keeps the round, its score and time; the round's name goes last, where
    // the table cuts what does not fit.
    const bool wide = width >= 72;
    Table table(
        wide ? std::vector<std::string>{"#", "ROUND", "CATEGORY", "SCORE", "TIME", "QUESTION"}
             : std::vector<std::string>{"#", "SCORE", "TIME", "ROUND"},
        wide ? std::vector<Align>{Align::right, Align::left, Align::left, Align::right,
                                  Align::right, Align::left}
             : std::vector<Align>{Align::right, Align::right, Align::right, Align::left});
    for (const RoundResult& round : summary.rounds) {
        for (std::size_t q = 0; q < round.questions.size(); ++q) {
            const SlotResult& slot = round.questions[q];
            const std::string name =
                round.questions.size() > 1
                    ? fmt::format("{} {}/{}", round.name, q + 1, round.questions.size())
                    : round.name;
            const std::string time =
                (slot.status ? format_clock(slot.used_seconds) : std::string("-")) + "/" +
                format_clock(slot.budget_seconds);
            std::string score = slot.status ? format_score(slot.mean) : "not run";
            if (slot.status == transcript::Status::interrupted) score = "interrupted";
            const std::string number = q == 0 ? std::to_string(round.round) : "";
            if (wide)
                table.add({number, truncate_to(name, 22), truncate_to(slot.rubric, 18), score, time,
                           slot.question});
            else
                table.add({number, score, time, name});
        }
    }
    out += table.render(width);
    if (summary.weakest) {
        const RoundResult& weak = summary.rounds[*summary.weakest];
        out += truncate_to(fmt::format("Weakest round: {} {} ({})", weak.round, weak.name,
                                       format_score(weak.mean)),
                           width) +
               "\n";
    }
    out += fmt::format("Total {} of {} \u00b7 mean {}\n", format_clock(summary.used_seconds),
                       format_clock(summary.budget_seconds), format_score(summary.mean));
    return out;
}

std::string round_line(const RoundResult& round) {
    return fmt::format("Round {} ({}): {} \u00b7 {} of {}", round.round, round.name,
                       round.mean ? format_score(round.mean) : std::string("not scored"),
                       format_clock(round.used_seconds), format_clock(round.budget_seconds));
}

std::string summary_json(const Summary& summary) {
    JsonWriter out;
    out.begin_object()
        .field("loop", summary.id)
        .field("profile_name", summary.profile_name)
        .field("started_at", format_date_time(summary.started_at, DateTimeForm::iso))
        .field("finished", summary.finished)
        .field("used_seconds", summary.used_seconds)
        .field("budget_seconds", summary.budget_seconds)
        .field("mean_score", summary.mean);
    // Written out rather than through an optional: GCC 12 at -O2 warns that a temporary
    // optional's value "may be used uninitialized" (a false positive that -Werror turns fatal).
    if (summary.weakest)
        out.field("weakest_round",
                  static_cast<std::int64_t>(summary.rounds[*summary.weakest].round));
    else
        out.key("weakest_round").null();
    out.key("rounds").begin_array();
    for (const RoundResult& round : summary.rounds) {
        out.begin_object()
            .field("round", static_cast<std::int64_t>(round.round))
            .field("name", round.name)
            .field("mean_score", round.mean)
            .field("used_seconds", round.used_seconds)
            .field("budget_seconds", round.budget_seconds);
        out.key("questions").begin_array();
        for (const SlotResult& slot : round.questions) {
            const auto status =
                slot.status
                    ? std::optional<std::string>(std::string(transcript::status_name(*slot.status)))
                    : std::nullopt;
            out.begin_object()
                .field("rubric", slot.rubric)
                .field("question", slot.question)
                .field("session", slot.session)
                .field("status", status)
                .field("attempts", static_cast<std::int64_t>(slot.attempts))
                .field("mean_score", slot.mean)
                .field("used_seconds", slot.used_seconds)
                .field("budget_seconds", slot.budget_seconds)
                .end_object();
        }
        out.end_array().end_object();
    }
    out.end_array().end_object();
    return out.str();
}

std::string render_plan(const LoopState& state, std::size_t from_round, const WallTime& now) {
    std::string out =
        fmt::format("loop: {} ({}), {} round{}, seed {}\n", state.id, state.profile_name,
                    state.rounds.size(), state.rounds.size() == 1 ? "" : "s", state.seed);
    std::int64_t total = 0;
    for (std::size_t i = from_round; i < state.rounds.size(); ++i) {
        const RoundState& round = state.rounds[i];
        // The categories drawn, not the questions: as at an onsite, those come in the room.
        std::vector<std::string> categories;
        for (const Slot& slot : round.questions)
            if (std::find(categories.begin(), categories.end(), slot.rubric_name) ==
                categories.end())
                categories.push_back(slot.rubric_name);
        std::string drawn;
        for (const std::string& name : categories) drawn += (drawn.empty() ? "" : ", ") + name;
        if (round.questions.size() > 1)
            drawn = fmt::format("{} questions: {}", round.questions.size(), drawn);
        out += fmt::format("round {}: {} \u00b7 {} \u00b7 {} min", i + 1, round.name, drawn,
                           format_minutes(static_cast<double>(round.budget_seconds()) / 60.0));
        total += round.budget_seconds();
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
