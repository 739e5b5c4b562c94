// mockcoach_gen_sessions N DIR [SEED]: writes N realistic transcripts into DIR for the history
// benchmarks, through the project's own transcript writer (transcript::to_toml), so the files
// are exactly what `start` saves. Questions are drawn by the seed's weights; each category has
// its own skill that improves over the years, each phase its own habit of overrunning; some
// sessions end early or are interrupted, some are blind, some behavioral ones are STAR answers.
//
// A separate program rather than a hidden subcommand: benchmark code stays out of the binary
// users install and out of its --help, and it still links the same library.
#include "bank/bank.hpp"
#include "rubric/rubric.hpp"
#include "transcript/store.hpp"
#include "transcript/transcript.hpp"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fmt/format.h>
#include <map>
#include <string>
#include <unistd.h>

using namespace mockcoach;

namespace {

constexpr std::int64_t span_seconds = 3LL * 365 * 86400; // three years of practice
constexpr std::int64_t end_epoch = 1795564800;           // 2026-11-25T00:00:00Z

const char* const note_texts[] = {
    "clarified scale: 10k QPS, p99 under 100 ms",
    "forgot to ask about the data's freshness",
    "drew the serving path first",
    "named the baseline before the model",
    "ran long here; should have moved on",
    "good trade-off: latency against recall",
};
const char* const reflections[] = {
    "Good scoping; ran over in the deep dive.\nNext time: state the metric first.",
    "Solid structure. Need numbers in the result.",
    "Lost time on details nobody asked for.",
    "Better than last week: kept to the budget.",
    "",
};

WallTime utc(std::int64_t epoch) {
    return {std::chrono::sys_seconds{std::chrono::seconds{epoch}}, 0};
}

// Writes without fsync: the files are disposable, and 100,000 fsyncs would take minutes.
void write_file(const std::filesystem::path& path, const std::string& bytes) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0)
        throw std::runtime_error(fmt::format("{}: {}", path.string(), std::strerror(errno)));
    const ssize_t wrote = ::write(fd, bytes.data(), bytes.size());
    ::close(fd);
    if (wrote != static_cast<ssize_t>(bytes.size()))
        throw std::runtime_error(fmt::format("{}: short write", path.string()));
}

struct Generator {
    const rubric::Catalog& catalog;
    std::vector<const rubric::Rubric*> rubrics;
    bank::Random random;
    std::map<std::string, double> skill;   // per rubric: the mean score at the start
    std::map<std::string, double> overrun; // per rubric/phase: its habitual used/budget

    double unit() { return random.unit(); }
    double around(double centre, double spread) { return centre + (unit() * 2 - 1) * spread; }

    transcript::Transcript session(std::size_t index, std::size_t count) {
        const std::int64_t spacing =
            std::clamp<std::int64_t>(span_seconds / static_cast<std::int64_t>(count), 600, 86400);
        const std::int64_t start =
            end_epoch - static_cast<std::int64_t>(count - index) * spacing + 7 * 3600;
        const double progress = static_cast<double>(index) / static_cast<double>(count);
        bank::Random draw_random(random.next());
        const bank::Drawn drawn = bank::draw(rubrics, 1, draw_random).front();
        const rubric::Rubric& r = *drawn.rubric;

        transcript::Transcript t;
        t.rubric = r.id;
        t.rubric_name = r.name;
        t.question_id = drawn.question->id;
        t.question = drawn.question->text;
        t.started_at = utc(start);
        const CivilTime local = civil_of(t.started_at);
        const std::string stamp =
            fmt::format("{:04}{:02}{:02}-{:02}{:02}{:02}", local.date.year, local.date.month,
                        local.date.day, local.hour, local.minute, local.second);
        t.id = fmt::format("{}-{}-{}", stamp, transcript::sanitise(r.id, 32),
                           transcript::sanitise(drawn.question->id, 48));
        t.seed = static_cast<std::int64_t>(random.next() & 0x7FFF'FFFF'FFFF'FFFFULL);
        t.mode = r.id == "behavioral" && unit() < 0.5 ? "star" : "interview";
        const double roll = unit();
        t.status = roll < 0.90   ? transcript::Status::completed
                   : roll < 0.96 ? transcript::Status::ended_early
                                 : transcript::Status::interrupted;
        // Where a session cut short stopped: a phase, and how far into it.
        const std::size_t stop = t.status == transcript::Status::completed
                                     ? r.phases.size()
                                     : static_cast<std::size_t>(unit() * r.phases.size());
        std::int64_t elapsed = 0;
        for (std::size_t i = 0; i < r.phases.size(); ++i) {
            const rubric::Phase& p = r.phases[i];
            transcript::Phase phase;
            phase.name = p.name;
            phase.budget_seconds = p.budget_seconds();
            auto [habit, fresh] = overrun.try_emplace(r.id + "/" + p.name, 0.0);
            if (fresh) habit->second = around(1.0, 0.25);
            double share = std::max(0.2, around(habit->second, 0.2));
            if (i == stop) share *= unit();
            if (i > stop) share = 0;
            if (unit() < 0.1 && i <= stop) phase.extended_seconds = 60;
            phase.used_seconds = static_cast<std::int64_t>(share * phase.budget_seconds);
            phase.overtime_seconds = std::max<std::int64_t>(
                0, phase.used_seconds - phase.budget_seconds - phase.extended_seconds);
            if (unit() < 0.05 && i <= stop) phase.paused_seconds = 30;
            for (int n = static_cast<int>(unit() * 3); n > 0 && i <= stop; --n)
                phase.notes.push_back(
                    {static_cast<std::int64_t>(unit() * static_cast<double>(phase.used_seconds)),
                     note_texts[static_cast<std::size_t>(unit() * std::size(note_texts))]});
            std::sort(phase.notes.begin(), phase.notes.end(),
                      [](const auto& a, const auto& b) { return a.at_seconds < b.at_seconds; });
            if (t.mode == "star" && i <= stop)
                phase.text = fmt::format("What I said in the {} part of the answer.", p.name);
            elapsed += phase.used_seconds + phase.paused_seconds;
            t.phases.push_back(std::move(phase));
        }
        t.ended_at = utc(start + elapsed);
        if (t.status != transcript::Status::interrupted) {
            auto [base, fresh] = skill.try_emplace(r.id, 0.0);
            if (fresh) base->second = around(3.0, 1.0);
            for (const rubric::Criterion& c : r.criteria) {
                if (unit() < 0.05) {
                    t.skipped.push_back(c.id);
                    continue;
                }
                const double score = around(base->second + progress, 1.0);
                t.scores.push_back(
                    {c.id, c.name, static_cast<int>(std::clamp(score + 0.5, 1.0, 5.0))});
            }
            t.reflection = reflections[static_cast<std::size_t>(unit() * std::size(reflections))];
        }
        t.mean_score = transcript::mean_of(t.scores);
        if (unit() < 0.1) {
            const bool right = unit() < 0.8;
            t.category_guess =
                right ? r.id : rubrics[static_cast<std::size_t>(unit() * rubrics.size())]->id;
            t.category_guess_correct = *t.category_guess == r.id;
        }
        return t;
    }
};

} // namespace

int main(int argc, char** argv) {
    std::size_t count = 0;
    if (argc < 3 || argc > 4 ||
        std::from_chars(argv[1], argv[1] + std::strlen(argv[1]), count).ec != std::errc{}) {
        fmt::print(stderr, "usage: mockcoach_gen_sessions N DIR [SEED]\n");
        return 2;
    }
    std::uint64_t seed = 1;
    if (argc == 4) std::from_chars(argv[3], argv[3] + std::strlen(argv[3]), seed);
    const std::filesystem::path folder = argv[2];
    try {
        std::filesystem::create_directories(folder);
        const rubric::Catalog catalog = rubric::build_catalog({rubric::embedded_layer()});
        Generator generator{catalog, {}, bank::Random(seed), {}, {}};
        for (const rubric::Rubric& r : catalog.rubrics) generator.rubrics.push_back(&r);
        for (std::size_t i = 0; i < count; ++i) {
            const transcript::Transcript t = generator.session(i, count);
            std::filesystem::path path = folder / (t.id + ".toml");
            for (int n = 2; std::filesystem::exists(path); ++n)
                path = folder / fmt::format("{}-{}.toml", t.id, n);
            write_file(path, transcript::to_toml(t));
        }
    } catch (const std::exception& error) {
        fmt::print(stderr, "mockcoach_gen_sessions: {}\n", error.what());
        return 1;
    }
    fmt::print("wrote {} transcripts to {}\n", count, folder.string());
    return 0;
}
