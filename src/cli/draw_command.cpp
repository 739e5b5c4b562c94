// `mockcoach draw`: weighted random questions, replayable with --seed.
#include "cli/context.hpp"
#include "cli/format_option.hpp"
#include "cli/history_setup.hpp"
#include "cli/number_option.hpp"
#include "cli/session_setup.hpp"

#include "util/errors.hpp"
#include "util/json.hpp"
#include "util/text.hpp"

#include <fmt/format.h>

namespace mockcoach::cli {
namespace {

struct Options {
    std::vector<std::string> categories;
    std::size_t count = 1;
    std::optional<std::uint64_t> seed;
    OutputFormat format = OutputFormat::text;
    AdaptiveOptions adaptive;
    bool explain = false;
    std::optional<std::string> sessions_dir;
};

// `--explain`: each category's base weight, its factor (and the two parts of it), the plain
// and the final chance of being drawn first, and how many questions are held back.
void explain(Context& context, std::span<const rubric::Rubric* const> rubrics,
             const bank::Practice& practice, bool adaptive) {
    const auto factors = adaptive ? bank::adaptive_factors(rubrics, practice)
                                  : std::vector<bank::Factor>(rubrics.size());
    std::vector<double> totals;
    for (const auto& factor : factors) totals.push_back(factor.total());
    const auto plain = bank::shares(rubrics);
    const auto final_shares = bank::shares(rubrics, totals);
    const bank::Adjustments held =
        adaptive ? bank::adaptive_adjustments(rubrics, practice) : bank::Adjustments{};
    std::size_t sessions = 0;
    for (const auto& [id, record] : practice.categories) sessions += record.sessions;
    fmt::print(context.out, "{}\n",
               adaptive ? fmt::format("Adaptive draw, from {} past session{}:", sessions,
                                      sessions == 1 ? "" : "s")
                        : std::string("Plain draw (the seed's weights; --adaptive to adapt):"));
    Table table({"CATEGORY", "WEIGHT", "SESSIONS", "MEAN", "SCORE", "PRACTICE", "FACTOR", "PLAIN",
                 "CHANCE", "HELD BACK"},
                {Align::left, Align::right, Align::right, Align::right, Align::right, Align::right,
                 Align::right, Align::right, Align::right, Align::right});
    for (std::size_t i = 0; i < rubrics.size(); ++i) {
        const auto it = practice.categories.find(rubrics[i]->id);
        const bool known = it != practice.categories.end();
        table.add({rubrics[i]->id, format_minutes(rubrics[i]->weight),
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
}

int draw(Context& context, const Options& options) {
    // --explain's table would spoil the JSON document (its --json alias is refused by CLI11).
    if (options.explain && options.format == OutputFormat::json)
        throw UsageError("--explain excludes --format json");
    const auto rubrics = context.select_default(options.categories);
    // Not value_or: its argument would be evaluated, and the entropy read, even with --seed.
    const std::uint64_t seed = options.seed ? *options.seed : bank::fresh_seed();
    bank::Random random(seed);
    const bool adaptive = options.adaptive.enabled(context);
    bank::Practice practice;
    const bank::Adjustments adjustments =
        adaptive || options.explain ? adaptive_adjustments(context, rubrics, options.sessions_dir,
                                                           &practice, progress_for(options.format))
                                    : bank::Adjustments{};
    if (options.explain) explain(context, rubrics, practice, adaptive);
    const auto drawn = adaptive ? bank::draw(rubrics, options.count, random, adjustments)
                                : bank::draw(rubrics, options.count, random);
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
    cmd->add_flag("--explain", options->explain,
                  "First show each category's weight, adaptive factor and chance")
        ->excludes(format.json);
    add_sessions_dir_option(*cmd, options->sessions_dir);
    cmd->footer("Examples:\n  mockcoach draw --count 3\n"
                "  mockcoach draw --category dsa --category coding --seed 7 --format json\n"
                "  mockcoach draw --adaptive --explain");
    commands.add(cmd, [&context, options] { return draw(context, *options); });
}

} // namespace mockcoach::cli
