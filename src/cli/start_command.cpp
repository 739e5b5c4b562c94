// `mockcoach start`: draws a question and shows its plan.
#include "cli/context.hpp"

#include "util/text.hpp"

#include <fmt/format.h>

namespace mockcoach::cli {
namespace {
struct Options {
    std::vector<std::string> categories;
    std::string question;
    std::optional<std::uint64_t> seed;
};

void start(Context& context, const Options& options) {
    bank::Drawn drawn{};
    if (!options.question.empty()) {
        drawn = find_question(context.catalog(), options.question);
    } else {
        bank::Random random(options.seed.value_or(bank::fresh_seed()));
        const auto rubrics = context.select(options.categories);
        const auto picked = bank::draw(rubrics, 1, random);
        if (picked.empty()) return;
        drawn = picked.front();
    }
    fmt::print(context.out, "{}\n{}\n", drawn.rubric->name, drawn.question->text);
}
} // namespace

void add_start_command(CLI::App& app, Context& context) {
    auto options = std::make_shared<Options>();
    CLI::App* cmd = app.add_subcommand("start", "Run a timed mock interview");
    cmd->add_option("-c,--category", options->categories, "Only from this rubric (repeatable)");
    cmd->add_option("-q,--question", options->question, "This question (RUBRIC/ID or ID)");
    cmd->add_option("--seed", options->seed, "Seed for the draw");
    cmd->callback([&context, options] { start(context, *options); });
}

} // namespace mockcoach::cli
