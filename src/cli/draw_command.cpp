// `mockcoach draw`: weighted random questions, replayable with --seed.
#include "cli/context.hpp"
#include "cli/format_option.hpp"
#include "cli/history_setup.hpp"
#include "cli/number_option.hpp"
#include "cli/session_setup.hpp"

#include "util/errors.hpp"
#include "util/json.hpp"
#include "util/text.hpp"

#include <cmath>
#include <fmt/format.h>

namespace mockcoach::cli {
namespace {

struct Options {
    std::vector<std::string> categories;
    std::size_t count = 1;
    std::optional<std::uint64_t> seed;
    OutputFormat format = OutputFormat::text;
    AdaptiveOptions adaptive;
    std::optional<std::string> profile;
    bool explain = false;
    std::optional<std::string> sessions_dir;
};

// A weight as people write one: 39, or 36.6 where a profile's rounds made a fraction.
std::string format_weight(double weight) {
    return weight == std::floor(weight) ? fmt::format("{:.0f}", weight)
                                        : fmt::format("{:.1f}", weight);
}

// `--explain`: each category's weight (the seed's or the profile's), its factor and the parts
// of it, the plain and the final chance of being drawn first, and how many questions are held
// back; then the formula's inputs that are not in the table.
void explain(Context& context, const DrawPool& pool, const bank::Practice& practice, bool adaptive,
             double strength) {
    const auto& rubrics = pool.rubrics;
    const auto& weights = pool.weights.categories;
    const auto factors = adaptive ? bank::adaptive_factors(rubrics, weights, practice, strength)
                                  : std::vector<bank::Factor>(rubrics.size());
    std::vector<double> totals;
    for (const auto& factor : factors) totals.push_back(factor.total());
    const auto plain = bank::shares(rubrics, weights, {});
    const auto final_shares = bank::shares(rubrics, weights, totals);
    const bank::Adjustments held =
        adaptive ? bank::adaptive_adjustments(rubrics, weights, practice, strength)
                 : bank::Adjustments{};
    // The factors and the mean use only the sessions of the categories in play: say so when
    // --category (or a rubric since removed) leaves some out.
    std::size_t sessions = 0;
    for (const auto& [id, record] : practice.categories) sessions += record.sessions;
    std::size_t in_play = 0;
    for (const rubric::Rubric* rubric : rubrics)
        if (const auto it = practice.categories.find(rubric->id); it != practice.categories.end())
            in_play += it->second.sessions;
    const std::string used =
        in_play == sessions
            ? fmt::format("from {} past session{}", sessions, sessions == 1 ? "" : "s")
            : fmt::format("from the {} past session{} in these categories ({} in all)", in_play,
                          in_play == 1 ? "" : "s", sessions);
    const std::string weighing =
        pool.profile ? fmt::format("profile {}'s weights", pool.profile->id) : "the seed's weights";
    const auto mean = bank::overall_mean(rubrics, practice);
    if (adaptive)
        fmt::print(context.out, "Adaptive draw (strength {:g}, {}), {}{}:\n", strength, weighing,
                   used, mean ? fmt::format("; overall mean {:.1f}", *mean) : std::string());
    else
        fmt::print(context.out, "Plain draw ({}; --adaptive to adapt):\n", weighing);
    Table table({"CATEGORY", "WEIGHT", "SESSIONS", "MEAN", "SCORE", "PRACTICE", "FACTOR", "PLAIN",
                 "CHANCE", "HELD BACK"},
                {Align::left, Align::right, Align::right, Align::right, Align::right, Align::right,
                 Align::right, Align::right, Align::right, Align::right});
    std::vector<std::string> capped;
    for (std::size_t i = 0; i < rubrics.size(); ++i) {
        const auto it = practice.categories.find(rubrics[i]->id);
        const bool known = it != practice.categories.end();
        if (factors[i].cap < 1) capped.push_back(rubrics[i]->id);
        table.add({rubrics[i]->id, format_weight(weights[i]),
                   std::to_string(known ? it->second.sessions : 0),
                   format_score(known ? it->second.recent_mean : std::nullopt),
                   fmt::format("×{:.2f}", factors[i].score),
                   fmt::format("×{:.2f}", factors[i].coverage),
                   fmt::format("×{:.2f}", factors[i].total()), format_percent(plain[i]),
                   format_percent(final_shares[i]),
                   fmt::format("{} of {}", bank::held_back_in(*rubrics[i], held),
                               rubrics[i]->questions.size())});
    }
    fmt::print(context.out, "{}\n", table.render());
    for (const std::string& id : capped)
        fmt::print(context.out,
                   "{} is capped: no category is drawn more than {:.0f}% of the "
                   "time\n",
                   id, bank::adaptive_cap * 100);
}

int draw(Context& context, const Options& options) {
    // --explain's table would spoil the JSON document (its --json alias is refused by CLI11).
    if (options.explain && options.format == OutputFormat::json)
        throw UsageError("--explain excludes --format json");
    const DrawPool pool = draw_pool(context, options.categories, options.profile);
    // Not value_or: its argument would be evaluated, and the entropy read, even with --seed.
    const std::uint64_t seed = options.seed ? *options.seed : bank::fresh_seed();
    bank::Random random(seed);
    const bool adaptive = options.adaptive.enabled(context);
    const double strength = options.adaptive.strength_in_force(context);
    bank::Practice practice;
    const bank::Adjustments adjustments =
        adaptive || options.explain
            ? adaptive_adjustments(context, pool, options.sessions_dir, strength, &practice,
                                   progress_for(options.format))
            : bank::Adjustments{};
    if (options.explain) explain(context, pool, practice, adaptive, strength);
    const auto drawn = bank::draw(pool.rubrics, pool.weights, options.count, random,
                                  adaptive ? adjustments : bank::Adjustments{});
    if (drawn.empty()) throw UsageError("no questions to draw from in the chosen categories");
    if (drawn.size() == 1 && options.count > 1)
        fmt::print(context.err, "mockcoach: only 1 question matches; drawing it\n");
    else if (drawn.size() < options.count)
        fmt::print(context.err, "mockcoach: only {} questions match; drawing all of them\n",
                   drawn.size());
    if (options.format == OutputFormat::json) {
        JsonWriter out;
        out.begin_array();
        for (const auto& d : drawn) {
            out.begin_object()
                .field("rubric", d.rubric->id)
                .field("rubric_name", d.rubric->name)
                .field("question_id", d.question->id)
                .field("text", d.question->text)
                .field("tags", d.question->tags)
                .field("seed", seed)
                .end_object();
        }
        out.end_array();
        fmt::print(context.out, "{}", out.str());
        return exit_code::ok;
    }
    const Style style = context.out_style();
    const int width = width_of(context.out);
    const std::size_t text_width = width > 8 ? static_cast<std::size_t>(width) - 4 : 96;
    for (const auto& d : drawn) {
        fmt::print(context.out, "{}  {}\n", style.bold(d.rubric->name),
                   style.dim(d.rubric->id + "/" + d.question->id));
        for (const auto& line : wrap(d.question->text, text_width))
            fmt::print(context.out, "  {}\n", line);
    }
    fmt::print(context.out, "{}\n", style.dim(fmt::format("seed {}", seed)));
    return exit_code::ok;
}

} // namespace

void add_draw_command(CLI::App& app, Context& context, Commands& commands) {
    auto options = std::make_shared<Options>();
    CLI::App* cmd = app.add_subcommand("draw", "Draw questions at random, weighted by category");
    cmd->add_option("-c,--category", options->categories, "Only from this rubric (repeatable)")
        ->type_name("ID");
    check_whole(cmd->add_option("-n,--count", options->count, "How many distinct questions"), 1,
                100000);
    check_whole(cmd->add_option("--seed", options->seed, "Same seed, same draw, on any machine"),
                0);
    const FormatOptions format =
        add_format_option(*cmd, options->format, {OutputFormat::text, OutputFormat::json},
                          "text (default) or json (an array, for scripts)", true);
    add_adaptive_options(*cmd, options->adaptive);
    add_profile_option(*cmd, options->profile);
    cmd->add_flag("--explain", options->explain,
                  "First show each category's weight, adaptive factor and chance")
        ->excludes(format.json);
    add_sessions_dir_option(*cmd, options->sessions_dir);
    cmd->footer("Examples:\n  mockcoach draw --count 3\n"
                "  mockcoach draw --category dsa --category coding --seed 7 --format json\n"
                "  mockcoach draw --adaptive --explain\n"
                "  mockcoach draw --profile ml-engineer-onsite --count 4");
    commands.add(cmd, [&context, options] { return draw(context, *options); });
}

} // namespace mockcoach::cli
