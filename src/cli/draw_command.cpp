// `mockcoach draw`: weighted random questions, replayable with --seed.
#include "cli/context.hpp"

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
    bool json = false;
};

void draw(Context& context, const Options& options) {
    const auto rubrics = context.select(options.categories);
    const std::uint64_t seed = options.seed.value_or(bank::fresh_seed());
    bank::Random random(seed);
    const auto drawn = bank::draw(rubrics, options.count, random);
    if (drawn.empty()) throw UsageError("no questions to draw from in the chosen categories");
    if (drawn.size() == 1 && options.count > 1)
        fmt::print(context.err, "mockcoach: only 1 question matches; drawing it\n");
    else if (drawn.size() < options.count)
        fmt::print(context.err, "mockcoach: only {} questions match; drawing all of them\n",
                   drawn.size());
    if (options.json) {
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
        return;
    }
    const term::Style style = context.out_style();
    const int width = term::width_of(context.out);
    const std::size_t text_width = width > 8 ? static_cast<std::size_t>(width) - 4 : 96;
    for (const auto& d : drawn) {
        fmt::print(context.out, "{}  {}\n", style.bold(d.rubric->name),
                   style.dim(d.rubric->id + "/" + d.question->id));
        for (const auto& line : wrap(d.question->text, text_width))
            fmt::print(context.out, "  {}\n", line);
    }
    fmt::print(context.out, "{}\n", style.dim(fmt::format("seed {}", seed)));
}

} // namespace

void add_draw_command(CLI::App& app, Context& context) {
    auto options = std::make_shared<Options>();
    CLI::App* cmd = app.add_subcommand("draw", "Draw questions at random, weighted by category");
    cmd->add_option("-c,--category", options->categories, "Only from this rubric (repeatable)")
        ->type_name("ID");
    cmd->add_option("-n,--count", options->count, "How many distinct questions")
        ->check(CLI::Range(std::size_t{1}, std::size_t{100000}));
    cmd->add_option("--seed", options->seed, "Same seed, same draw, on any machine");
    cmd->add_flag("--json", options->json, "Print a JSON array for scripts");
    cmd->footer("Examples:\n  mockcoach draw --count 3\n"
                "  mockcoach draw --category dsa --category coding --seed 7 --json");
    cmd->callback([&context, options] { draw(context, *options); });
}

} // namespace mockcoach::cli
