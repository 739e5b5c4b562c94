// `mockcoach rubrics list|show|validate`: the frameworks, one in full, and checking files.
#include "cli/context.hpp"
#include "cli/format_option.hpp"

#include "util/errors.hpp"
#include "util/json.hpp"
#include "util/text.hpp"

#include <fmt/format.h>
#include <set>

namespace mockcoach::cli {
namespace {

std::vector<double> phase_minutes(const rubric::Rubric& rubric) {
    std::vector<double> minutes;
    for (const auto& phase : rubric.phases) minutes.push_back(phase.minutes);
    return minutes;
}

std::vector<const rubric::Rubric*> all_of(const rubric::Catalog& catalog) {
    std::vector<const rubric::Rubric*> rubrics;
    for (const auto& rubric : catalog.rubrics) rubrics.push_back(&rubric);
    return rubrics;
}

int list(Context& context, OutputFormat format) {
    const rubric::Catalog& catalog = context.catalog();
    const auto rubrics = all_of(catalog);
    const auto shares = bank::shares(rubrics);
    if (format == OutputFormat::json) {
        JsonWriter out;
        out.begin_array();
        for (std::size_t i = 0; i < rubrics.size(); ++i) {
            const rubric::Rubric& r = *rubrics[i];
            out.begin_object()
                .field("id", r.id)
                .field("name", r.name)
                .field("weight", r.weight)
                .field("share", shares[i])
                .field("total_seconds", r.total_seconds())
                .field("phases", static_cast<int>(r.phases.size()))
                .field("criteria", static_cast<int>(r.criteria.size()))
                .field("questions", static_cast<int>(r.questions.size()))
                .field("origin", r.origin)
                .end_object();
        }
        out.end_array();
        fmt::print(context.out, "{}", out.str());
        return exit_code::ok;
    }
    Table table({"ID", "NAME", "PHASES", "QUESTIONS", "SHARE", "FROM"},
                {Align::left, Align::left, Align::left, Align::right, Align::right, Align::left});
    for (std::size_t i = 0; i < rubrics.size(); ++i) {
        const rubric::Rubric& r = *rubrics[i];
        table.add({r.id, r.name, format_budget_sum(phase_minutes(r)),
                   std::to_string(r.questions.size()), fmt::format("{:.1f}%", shares[i] * 100),
                   r.origin});
    }
    fmt::print(context.out, "{}", table.render());
    fmt::print(context.out, "{} rubrics, {} questions\n", catalog.rubrics.size(),
               catalog.question_count());
    return exit_code::ok;
}

// A question's fields in JSON, in `rubrics show`'s rubric and in a question shown alone.
void question_fields(JsonWriter& out, const rubric::Question& question) {
    out.field("id", question.id)
        .field("text", question.text)
        .field("weight", question.weight)
        .field("tags", question.tags)
        .field("also", question.also)
        .field("key_points", question.key_points);
    out.key("followups").begin_array();
    for (const auto& followup : question.followups)
        out.begin_object().field("phase", followup.phase).field("text", followup.text).end_object();
    out.end_array();
}

void show_json(Context& context, const rubric::Rubric& r, double share) {
    JsonWriter out;
    out.begin_object()
        .field("id", r.id)
        .field("name", r.name)
        .field("weight", r.weight)
        .field("share", share)
        .field("testing", r.testing)
        .field("tip", r.tip)
        .field("origin", r.origin)
        .field("file", r.place.file)
        .field("total_seconds", r.total_seconds());
    out.key("phases").begin_array();
    for (const auto& phase : r.phases) {
        out.begin_object()
            .field("name", phase.name)
            .field("minutes", phase.minutes)
            .field("budget_seconds", phase.budget_seconds())
            .field("prompts", phase.prompts)
            .end_object();
    }
    out.end_array().key("criteria").begin_array();
    for (const auto& criterion : r.criteria) {
        out.begin_object().field("id", criterion.id).field("name", criterion.name);
        out.key("levels").begin_object();
        for (const auto& [level, meaning] : criterion.levels)
            out.field(std::to_string(level), meaning);
        out.end_object().end_object();
    }
    out.end_array().key("questions").begin_array();
    for (const auto& question : r.questions) {
        out.begin_object();
        question_fields(out, question);
        out.end_object();
    }
    out.end_array().end_object();
    fmt::print(context.out, "{}", out.str());
}

// One question in full: what a strong answer covers and what the interviewer will ask, for
// reviewing after a session (it gives the answer away before one).
int show_question(Context& context, const std::string& reference, OutputFormat format) {
    const bank::Drawn drawn = find_question(context.catalog(), reference);
    const rubric::Rubric& r = *drawn.rubric;
    const rubric::Question& q = *drawn.question;
    if (format == OutputFormat::json) {
        JsonWriter out;
        out.begin_object().field("rubric", r.id).field("rubric_name", r.name);
        question_fields(out, q);
        out.end_object();
        fmt::print(context.out, "{}", out.str());
        return exit_code::ok;
    }
    const Style style = context.out_style();
    const int width = std::max(width_of(context.out), 0);
    const std::size_t text_width =
        width > 0 ? std::max<std::size_t>(static_cast<std::size_t>(width), 40) - 5 : 95;
    std::string out = fmt::format("{}  {}/{}\n", style.bold(r.name), r.id, q.id);
    for (const auto& line : wrap(q.text, text_width + 3)) out += fmt::format("  {}\n", line);
    if (!q.also.empty()) {
        std::string also;
        for (const auto& id : q.also) also += (also.empty() ? "" : ", ") + id;
        out += fmt::format("Also fits: {} (a blind guess of either is right)\n", also);
    }
    if (!q.key_points.empty()) {
        out += fmt::format("\n{}\n", style.bold("Key points (what a strong answer covers)"));
        for (std::size_t i = 0; i < q.key_points.size(); ++i) {
            const auto lines = wrap(q.key_points[i], text_width);
            for (std::size_t k = 0; k < lines.size(); ++k)
                out += fmt::format("  {:>2} {}\n", k == 0 ? std::to_string(i + 1) + "." : "",
                                   lines[k]);
        }
    }
    if (!q.followups.empty()) {
        out += fmt::format("\n{}\n", style.bold("Follow-ups (asked mid-phase)"));
        for (const auto& followup : q.followups) {
            out += fmt::format("  {}\n", style.cyan(followup.phase));
            for (const auto& line : wrap(followup.text, text_width))
                out += fmt::format("     {}\n", line);
        }
    }
    fmt::print(context.out, "{}", out);
    return exit_code::ok;
}

int show(Context& context, const std::string& id, OutputFormat format) {
    if (id.find('/') != std::string::npos) return show_question(context, id, format);
    const rubric::Catalog& catalog = context.catalog();
    const rubric::Rubric* found = catalog.find(id);
    if (!found) unknown_rubric("rubric", id, catalog.ids());
    const rubric::Rubric& r = *found;
    const auto rubrics = all_of(catalog);
    const auto shares = bank::shares(rubrics);
    const double share = shares[static_cast<std::size_t>(
        std::find(rubrics.begin(), rubrics.end(), found) - rubrics.begin())];
    if (format == OutputFormat::json) {
        show_json(context, r, share);
        return exit_code::ok;
    }

    const Style style = context.out_style();
    const int width = std::max(width_of(context.out), 0);
    const std::size_t text_width = width > 0 ? static_cast<std::size_t>(width) - 8 : 92;
    std::string out =
        fmt::format("{} ({})  weight {}, {:.1f}% of the draw, {} questions\n", style.bold(r.name),
                    r.id, format_minutes(r.weight), share * 100, r.questions.size());
    if (!r.testing.empty()) out += fmt::format("Testing: {}\n", r.testing);
    if (!r.tip.empty()) out += fmt::format("Tip: {}\n", r.tip);
    out += fmt::format("\n{}  {}\n", style.bold("Phases"), format_budget_sum(phase_minutes(r)));
    for (std::size_t i = 0; i < r.phases.size(); ++i) {
        const auto& phase = r.phases[i];
        out += fmt::format("  {}. {}  {}\n", i + 1, style.bold(phase.name),
                           format_clock(phase.budget_seconds()));
        for (const auto& prompt : phase.prompts) out += fmt::format("     - {}\n", prompt);
    }
    out += fmt::format("\n{}  (score each 1-5)\n", style.bold("Criteria"));
    for (const auto& criterion : r.criteria) {
        out += fmt::format("  {} ({})\n", style.bold(criterion.name), criterion.id);
        for (const auto& [level, meaning] : criterion.levels) {
            const auto lines = wrap(meaning, text_width);
            for (std::size_t k = 0; k < lines.size(); ++k)
                out += fmt::format("     {}  {}\n", k == 0 ? std::to_string(level) : " ", lines[k]);
        }
    }
    out += fmt::format("\n{}\n", style.bold("Questions"));
    for (const auto& question : r.questions) {
        out += fmt::format("  {}\n", style.cyan(question.id));
        for (const auto& line : wrap(question.text, text_width))
            out += fmt::format("     {}\n", line);
    }
    fmt::print(context.out, "{}", out);
    return exit_code::ok;
}

int validate(Context& context, const std::vector<std::string>& paths) {
    auto layers = context.layers(paths);
    // With paths, only their files are judged; the other layers are there so that a question
    // file can name a built-in or user rubric.
    std::set<std::string> judged;
    for (std::size_t i = layers.size() - paths.size(); i < layers.size(); ++i) {
        for (const auto& file : layers[i].files) judged.insert(file.path);
        for (const auto& problem : layers[i].read_problems) judged.insert(problem.path);
    }
    const rubric::Catalog catalog = rubric::build_catalog(layers);
    std::size_t errors = 0;
    std::set<std::string> bad_files;
    for (const Diagnostic& d : catalog.diagnostics) {
        if (!paths.empty() && !judged.count(d.path)) continue;
        fmt::print(context.err, "{}\n", format_diagnostic(d));
        if (d.severity == Severity::error) ++errors, bad_files.insert(d.path);
    }
    const std::size_t files = paths.empty() ? catalog.files_read.size() : judged.size();
    if (files == 0) throw UsageError("no rubric files found in the paths given");
    if (errors > 0) {
        fmt::print(context.out, "{} error{} in {} of {} file{}\n", errors, errors == 1 ? "" : "s",
                   bad_files.size(), files, files == 1 ? "" : "s");
        return exit_code::usage;
    }
    fmt::print(context.out, "ok: {} file{} checked; {} rubrics with {} questions loaded\n", files,
               files == 1 ? "" : "s", catalog.rubrics.size(), catalog.question_count());
    return exit_code::ok;
}

} // namespace

void add_rubrics_command(CLI::App& app, Context& context, Commands& commands) {
    struct Options {
        OutputFormat format = OutputFormat::text;
        std::string id;
        std::vector<std::string> paths;
    };
    auto options = std::make_shared<Options>();
    CLI::App* rubrics = app.add_subcommand("rubrics", "List, show and check interview frameworks");
    rubrics->require_subcommand(1);

    CLI::App* list_cmd = rubrics->add_subcommand("list", "Each rubric: phases, questions, share");
    add_format_option(*list_cmd, options->format, {OutputFormat::text, OutputFormat::json},
                      "text (default: a table) or json (an array, for scripts)", true);
    list_cmd->footer("Example:\n  mockcoach rubrics list");
    commands.add(list_cmd, [&context, options] { return list(context, options->format); });

    CLI::App* show_cmd = rubrics->add_subcommand("show", "One rubric in full");
    show_cmd
        ->add_option("ID", options->id,
                     "Rubric id, e.g. system-design; or RUBRIC/QUESTION for one question with "
                     "its key points and follow-ups")
        ->required();
    add_format_option(*show_cmd, options->format, {OutputFormat::text, OutputFormat::json},
                      "text (default) or json (one object, for scripts)", true);
    show_cmd->footer("Examples:\n  mockcoach rubrics show ml-system-design\n"
                     "  mockcoach rubrics show system-design/url-shortener");
    commands.add(show_cmd,
                 [&context, options] { return show(context, options->id, options->format); });

    CLI::App* validate_cmd = rubrics->add_subcommand(
        "validate", "Check rubric and question files; every problem as FILE:LINE:COLUMN");
    validate_cmd->add_option("PATH", options->paths,
                             "Files or folders (default: every rubric loaded)");
    validate_cmd->footer("Exit status 2 when any file has an error.\nExample:\n"
                         "  mockcoach rubrics validate ~/.config/mockcoach/rubrics");
    commands.add(validate_cmd, [&context, options] { return validate(context, options->paths); });
}

} // namespace mockcoach::cli
