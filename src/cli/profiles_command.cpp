// `mockcoach profiles`: the draw profiles and interview days there are, one in full, and a
// check of profile files.
#include "cli/context.hpp"
#include "cli/format_option.hpp"

#include "util/errors.hpp"
#include "util/files.hpp"
#include "util/json.hpp"
#include "util/text.hpp"

#include <filesystem>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <set>

namespace mockcoach::cli {
namespace {

std::vector<const rubric::Rubric*> all_of(const rubric::Catalog& catalog) {
    std::vector<const rubric::Rubric*> rubrics;
    for (const rubric::Rubric& rubric : catalog.rubrics) rubrics.push_back(&rubric);
    return rubrics;
}

// The day's length: each round's minutes (or its rubrics' own mean length) and breaks.
double day_minutes(const profile::Profile& profile, const rubric::Catalog& catalog) {
    double total = 0;
    for (std::size_t i = 0; i < profile.rounds.size(); ++i) {
        const profile::Round& round = profile.rounds[i];
        if (round.minutes) {
            total += *round.minutes;
        } else {
            double own = 0;
            std::size_t known = 0;
            for (const std::string& id : round.categories)
                if (const rubric::Rubric* rubric = catalog.find(id))
                    own += profile::question_minutes(round, *rubric), ++known;
            if (known) total += own / static_cast<double>(known) * round.questions;
        }
        if (i + 1 < profile.rounds.size()) total += round.break_minutes;
    }
    return total;
}

std::string day_summary(const profile::Profile& profile, const rubric::Catalog& catalog) {
    if (profile.rounds.empty()) return "draw only";
    return fmt::format("{} round{}, {}", profile.rounds.size(),
                       profile.rounds.size() == 1 ? "" : "s",
                       format_clock(static_cast<std::int64_t>(day_minutes(profile, catalog) * 60)));
}

// Each category the profile draws, with its share of the draw, most first.
std::vector<std::pair<const rubric::Rubric*, double>> drawn_shares(const profile::Profile& profile,
                                                                   const rubric::Catalog& catalog) {
    const auto rubrics = all_of(catalog);
    const auto weights = profile::category_weights(profile, rubrics);
    const auto shares = bank::shares(rubrics, weights, {});
    std::vector<std::pair<const rubric::Rubric*, double>> result;
    for (std::size_t i = 0; i < rubrics.size(); ++i)
        if (shares[i] > 0) result.emplace_back(rubrics[i], shares[i]);
    std::stable_sort(result.begin(), result.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    return result;
}

int list(Context& context, OutputFormat format) {
    const profile::ProfileSet& set = context.profiles();
    const rubric::Catalog& catalog = context.catalog();
    if (format == OutputFormat::json) {
        JsonWriter out;
        out.begin_array();
        for (const profile::Profile& profile : set.profiles) {
            out.begin_object()
                .field("id", profile.id)
                .field("name", profile.name)
                .field("description", profile.description)
                .field("origin", profile.origin)
                .field("rounds", static_cast<std::uint64_t>(profile.rounds.size()));
            if (!profile.rounds.empty()) out.field("day_minutes", day_minutes(profile, catalog));
            out.end_object();
        }
        out.end_array();
        fmt::print(context.out, "{}", out.str());
        return exit_code::ok;
    }
    Table table({"PROFILE", "DAY", "FROM", "DESCRIPTION"});
    for (const profile::Profile& profile : set.profiles)
        table.add({profile.id, day_summary(profile, catalog), profile.origin, profile.description});
    const int width = width_of(context.out);
    fmt::print(context.out, "{}",
               table.render(width > 0 ? std::optional<std::size_t>(width) : std::nullopt));
    fmt::print(context.out,
               "\nUse one with `start --profile NAME`, `draw --profile NAME`, `star --profile "
               "NAME`; a day with rounds with `loop --profile NAME`.\n");
    return exit_code::ok;
}

void show_json(Context& context, const profile::Profile& profile) {
    const rubric::Catalog& catalog = context.catalog();
    JsonWriter out;
    out.begin_object()
        .field("id", profile.id)
        .field("name", profile.name)
        .field("description", profile.description)
        .field("origin", profile.origin)
        .field("weights_from", profile.weights.empty() ? "rounds" : "weights");
    out.key("draw").begin_array();
    for (const auto& [rubric, share] : drawn_shares(profile, catalog))
        out.begin_object().field("rubric", rubric->id).field("share", share).end_object();
    out.end_array();
    out.key("tag_weights").begin_object();
    for (const profile::Weight& tag : profile.tag_weights) out.field(tag.id, tag.weight);
    out.end_object();
    out.key("rounds").begin_array();
    for (const profile::Round& round : profile.rounds) {
        out.begin_object().field("name", round.name).field("categories", round.categories);
        if (round.minutes) out.field("minutes", *round.minutes);
        out.field("questions", static_cast<std::uint64_t>(round.questions))
            .field("break_minutes", round.break_minutes)
            .end_object();
    }
    out.end_array();
    if (!profile.rounds.empty()) out.field("day_minutes", day_minutes(profile, catalog));
    out.end_object();
    fmt::print(context.out, "{}", out.str());
}

int show(Context& context, const std::string& id, OutputFormat format) {
    const profile::Profile& profile = context.profile(id);
    if (format == OutputFormat::json) {
        show_json(context, profile);
        return exit_code::ok;
    }
    const rubric::Catalog& catalog = context.catalog();
    const Style style = context.out_style();
    std::string out = fmt::format("{} ({}), {}\n", style.bold(profile.name), profile.id,
                                  profile.origin == "user" ? "your own" : "built in");
    if (!profile.description.empty()) out += profile.description + "\n";
    out += fmt::format("\n{}  {}\n", style.bold("The draw"),
                       profile.weights.empty() ? "(from the rounds: each category's share of "
                                                 "the day)"
                                               : "(its [weights])");
    for (const auto& [rubric, share] : drawn_shares(profile, catalog))
        out += fmt::format("  {:>6}  {}\n", format_percent(share), rubric->id);
    if (!profile.tag_weights.empty()) {
        out += fmt::format("\n{}  (question weights multiplied by tag)\n", style.bold("Themes"));
        for (const profile::Weight& tag : profile.tag_weights)
            out += fmt::format("  ×{:<4g} {}\n", tag.weight, tag.id);
    }
    if (!profile.rounds.empty()) {
        out += fmt::format("\n{}  {}\n", style.bold("The day"), day_summary(profile, catalog));
        for (std::size_t i = 0; i < profile.rounds.size(); ++i) {
            const profile::Round& round = profile.rounds[i];
            std::string length = round.minutes
                                     ? format_clock(static_cast<std::int64_t>(*round.minutes * 60))
                                     : std::string("its rubric's own time");
            if (round.questions > 1) length += fmt::format(", {} questions", round.questions);
            out += fmt::format("  {}. {}  {}\n", i + 1, style.bold(round.name), length);
            out += fmt::format("     from {}\n", fmt::join(round.categories, ", "));
            if (round.break_minutes > 0 && i + 1 < profile.rounds.size())
                out +=
                    fmt::format("     then a break of {}\n",
                                format_clock(static_cast<std::int64_t>(round.break_minutes * 60)));
        }
    }
    fmt::print(context.out, "{}", out);
    return exit_code::ok;
}

int validate(Context& context, const std::vector<std::string>& paths) {
    std::vector<rubric::SourceFile> files;
    Diagnostics problems;
    if (paths.empty()) {
        files = profile::shipped_profile_files();
        rubric::Layer user = read_layer("user", (config_home() / "profiles").string(), false);
        problems = user.read_problems;
        for (auto& file : user.files) files.push_back(std::move(file));
    } else {
        for (const std::string& path : paths) {
            rubric::Layer layer = read_layer(path, path, true);
            problems.insert(problems.end(), layer.read_problems.begin(), layer.read_problems.end());
            for (auto& file : layer.files) files.push_back(std::move(file));
        }
    }
    if (files.empty() && problems.empty())
        throw UsageError("no profile files found in the paths given");
    std::size_t loaded = 0;
    for (const rubric::SourceFile& file : files)
        if (profile::load_profile(file, problems, &context.catalog(), profile::Checks::day))
            ++loaded;
    std::size_t errors = 0;
    std::set<std::string> bad_files;
    for (const Diagnostic& d : problems) {
        fmt::print(context.err, "{}\n", format_diagnostic(d));
        if (d.severity == Severity::error) ++errors, bad_files.insert(d.path);
    }
    if (errors > 0) {
        fmt::print(context.out, "{} error{} in {} of {} file{}\n", errors, errors == 1 ? "" : "s",
                   bad_files.size(), files.size(), files.size() == 1 ? "" : "s");
        return exit_code::usage;
    }
    fmt::print(context.out, "ok: {} profile file{} checked\n", loaded, loaded == 1 ? "" : "s");
    return exit_code::ok;
}

} // namespace

void add_profiles_command(CLI::App& app, Context& context, Commands& commands) {
    struct Options {
        OutputFormat format = OutputFormat::text;
        std::string id;
        std::vector<std::string> paths;
    };
    auto options = std::make_shared<Options>();
    CLI::App* profiles = app.add_subcommand(
        "profiles", "Draw profiles and interview days: list them, show one, check files");
    profiles->require_subcommand(0, 1);
    add_format_option(*profiles, options->format, {OutputFormat::text, OutputFormat::json},
                      "text (default: a table) or json (an array, for scripts)", true);
    profiles->footer("Your own go in ~/.config/mockcoach/profiles/NAME.toml (README, \"Draw "
                     "profiles\").\nExamples:\n  mockcoach profiles\n"
                     "  mockcoach profiles show ml-engineer-onsite");
    commands.add(profiles, [&context, options] { return list(context, options->format); });

    CLI::App* show_cmd = profiles->add_subcommand("show", "One profile: its draw and its day");
    show_cmd->add_option("NAME", options->id, "Profile name, e.g. ml-engineer-onsite")->required();
    add_format_option(*show_cmd, options->format, {OutputFormat::text, OutputFormat::json},
                      "text (default) or json (one object, for scripts)", true);
    show_cmd->footer("Example:\n  mockcoach profiles show ml-engineer-onsite");
    commands.add(show_cmd,
                 [&context, options] { return show(context, options->id, options->format); });

    CLI::App* validate_cmd = profiles->add_subcommand(
        "validate", "Check profile files; every problem as FILE:LINE:COLUMN");
    validate_cmd->add_option("PATH", options->paths,
                             "Files or folders (default: the shipped profiles and yours)");
    validate_cmd->footer("Exit status 2 when any file has an error.\nExample:\n"
                         "  mockcoach profiles validate ~/.config/mockcoach/profiles");
    commands.add(validate_cmd, [&context, options] { return validate(context, options->paths); });
}

} // namespace mockcoach::cli
