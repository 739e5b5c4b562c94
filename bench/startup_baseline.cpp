// bench/startup's yardstick: a CLI11 + fmt program that parses the options of `mockcoach draw`
// and of the hidden `mockcoach __complete`, and prints one line, with no data behind it. What
// mockcoach costs at start beyond this is its own doing.
#include <CLI/CLI.hpp>
#include <cstdint>
#include <fmt/format.h>
#include <map>
#include <optional>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    CLI::App app{"startup baseline: parses what mockcoach draw and __complete parse", "baseline"};
    app.set_version_flag("--version", "baseline 1");
    std::vector<std::string> rubric_paths;
    app.add_option("--rubrics", rubric_paths, "More rubric folders")->type_name("PATH");
    app.fallthrough();
    app.require_subcommand(0, 1);

    std::vector<std::string> categories;
    std::size_t count = 1;
    std::optional<std::uint64_t> seed;
    std::string format = "text";
    bool adaptive = false, no_adaptive = false, explain = false;
    std::optional<std::string> sessions_dir;
    CLI::App* draw = app.add_subcommand("draw", "Draw questions at random, weighted by category");
    draw->add_option("-c,--category", categories, "Only from this rubric (repeatable)")
        ->type_name("ID");
    draw->add_option("-n,--count", count, "How many distinct questions")
        ->check(CLI::Range(1, 100000));
    draw->add_option("--seed", seed, "Same seed, same draw, on any machine");
    const std::map<std::string, std::string> formats{{"text", "text"}, {"json", "json"}};
    auto* format_option =
        draw->add_option("--format", format, "text (default) or json (an array, for scripts)")
            ->transform(CLI::CheckedTransformer(formats))
            ->type_name("FORMAT");
    auto* json = draw->add_flag_callback(
        "--json", [&format] { format = "json"; }, "Same as json");
    json->excludes(format_option);
    auto* on = draw->add_flag("--adaptive", adaptive, "Lean the draw toward weak categories");
    auto* off = draw->add_flag("--no-adaptive", no_adaptive, "The plain weighted draw");
    on->excludes(off);
    draw->add_flag("--explain", explain, "First show each category's chance")->excludes(json);
    draw->add_option("--sessions-dir", sessions_dir, "Where transcripts are")->type_name("DIR");

    std::string shell;
    std::vector<std::string> words;
    CLI::App* complete = app.add_subcommand("__complete", "")->group("");
    complete->add_option("SHELL", shell);
    complete->add_option("WORDS", words);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e);
    }
    if (*draw)
        fmt::print("{}  {}\n  {}\nseed {}\n", "Machine Learning", "machine-learning/bias-variance",
                   "Explain the bias-variance trade-off.", seed.value_or(0));
    else if (*complete)
        fmt::print("{} {}\n", shell, words.size());
    return 0;
}
