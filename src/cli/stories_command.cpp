// `mockcoach stories list|show|coverage|remove`: the story bank, its rehearsals (read from the
// transcripts that name each story) and which themes still lack a story.
#include "cli/context.hpp"
#include "cli/format_option.hpp"
#include "cli/session_setup.hpp"

#include "history/history.hpp"
#include "star/star.hpp"
#include "stories/stories.hpp"
#include "util/errors.hpp"
#include "util/json.hpp"
#include "util/text.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <fmt/format.h>

namespace mockcoach::cli {
namespace {

using transcript::Transcript;

struct Options {
    std::optional<std::string> sessions_dir;
    std::string name;
    OutputFormat format = OutputFormat::text;
    bool yes = false;
};

// The bank and every transcript, with unreadable files reported on stderr (and left out).
struct Bank {
    std::filesystem::path folder;
    std::vector<stories::Story> stories;
    std::vector<Transcript> transcripts;
};

Bank load_bank(Context& context, const Options& options, bool with_transcripts) {
    Bank bank;
    bank.folder = context.sessions_folder(options.sessions_dir);
    Diagnostics problems;
    bank.stories = stories::load_stories(bank.folder, problems);
    if (with_transcripts) bank.transcripts = stories::load_transcripts(bank.folder, problems);
    for (const Diagnostic& d : problems) fmt::print(context.err, "{}\n", format_diagnostic(d));
    return bank;
}

const stories::Story& named_story(const Bank& bank, const std::string& name) {
    if (std::string problem = stories::check_name(name); !problem.empty())
        throw UsageError(problem);
    if (const stories::Story* story = stories::find_story(bank.stories, name)) return *story;
    if (bank.stories.empty())
        throw UsageError(fmt::format("unknown story \"{}\": there are no stories in {} yet", name,
                                     stories::stories_folder(bank.folder).string()));
    unknown_id("story", name, stories::story_names(bank.stories));
}

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const std::string& item : items) out += (out.empty() ? "" : ", ") + item;
    return out;
}

// The terminal's width; nullopt when piped, where tables are not cut (text wraps at 80).
std::optional<std::size_t> terminal_width(Context& context) {
    const int width = width_of(context.out);
    if (width <= 0) return std::nullopt;
    return static_cast<std::size_t>(width);
}

int list(Context& context, const Options& options) {
    const Bank bank = load_bank(context, options, true);
    if (options.format == OutputFormat::json) {
        JsonWriter json;
        json.begin_array();
        for (const stories::Story& story : bank.stories) {
            const auto rehearsals = stories::rehearsals_of(story, bank.transcripts);
            const Transcript* last = rehearsals.empty() ? nullptr : rehearsals.back();
            json.begin_object()
                .field("name", story.name)
                .field("file", story.file.string())
                .field("themes", story.themes)
                .field("created_at", transcript::toml_date_time(story.created_at))
                .field("rehearsals", static_cast<std::int64_t>(rehearsals.size()));
            json.key("last_rehearsed");
            if (last)
                json.value(transcript::toml_date_time(last->started_at));
            else
                json.null();
            json.key("last_score");
            if (last && last->mean_score)
                json.value(*last->mean_score);
            else
                json.null();
            json.end_object();
        }
        json.end_array();
        fmt::print(context.out, "{}", json.str());
        return exit_code::ok;
    }
    if (bank.stories.empty()) {
        fmt::print(context.out,
                   "No stories yet in {}.\nRehearse an answer with `mockcoach star` and save it "
                   "as a story at the end.\n",
                   stories::stories_folder(bank.folder).string());
        return exit_code::ok;
    }
    // Themes are cut to what the line has left after the other columns (the name and its gap,
    // then 36 for REHEARSED, LAST and SCORE with theirs), but never below 20 columns.
    std::size_t name_width = 4;
    for (const stories::Story& story : bank.stories)
        name_width = std::max(name_width, std::min<std::size_t>(display_width(story.name), 32));
    const auto width = terminal_width(context);
    const std::size_t themes_width =
        !width ? std::string::npos
               : std::max<std::size_t>(20, *width > name_width + 38 ? *width - name_width - 38 : 0);
    Table table({"NAME", "THEMES", "REHEARSED", "LAST", "SCORE"},
                {Align::left, Align::left, Align::right, Align::left, Align::right});
    for (const stories::Story& story : bank.stories) {
        const auto rehearsals = stories::rehearsals_of(story, bank.transcripts);
        const Transcript* last = rehearsals.empty() ? nullptr : rehearsals.back();
        table.add({truncate_to(story.name, 32), truncate_to(joined(story.themes), themes_width),
                   std::to_string(rehearsals.size()),
                   last ? history::format_started(last->started_at) : "-",
                   last ? format_score(last->mean_score) : "-"});
    }
    fmt::print(context.out, "{}", table.render());
    return exit_code::ok;
}

// One row per rehearsal: when, each part's used time, the total against the budget, the score.
std::string history_table(const std::vector<const Transcript*>& rehearsals,
                          std::optional<std::size_t> width) {
    std::vector<std::string> parts;
    for (const Transcript* t : rehearsals)
        for (const transcript::Phase& phase : t->phases)
            if (std::find(parts.begin(), parts.end(), phase.name) == parts.end())
                parts.push_back(phase.name);
    std::vector<std::string> header{"DATE"};
    std::vector<Align> align{Align::left};
    for (const std::string& part : parts) {
        std::string upper = part;
        for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        header.push_back(upper);
        align.push_back(Align::right);
    }
    for (const char* column : {"TOTAL", "SCORE", "QUESTION"}) header.push_back(column);
    align.insert(align.end(), {Align::right, Align::right, Align::left});
    Table table(header, align);
    for (const Transcript* t : rehearsals) {
        std::vector<std::string> row{history::format_started(t->started_at)};
        for (const std::string& part : parts) {
            const auto phase = std::find_if(t->phases.begin(), t->phases.end(),
                                            [&](const auto& p) { return p.name == part; });
            row.push_back(phase == t->phases.end() ? "-" : format_clock(phase->used_seconds));
        }
        row.push_back(fmt::format("{}/{}", format_clock(t->used_seconds()),
                                  format_clock(t->budget_seconds())));
        row.push_back(format_score(t->mean_score));
        std::string question = t->question_id;
        if (t->status != transcript::Status::completed)
            question += fmt::format(" ({})", transcript::status_name(t->status));
        row.push_back(question);
        table.add(std::move(row));
    }
    return table.render(width);
}

int show(Context& context, const Options& options) {
    const Bank bank = load_bank(context, options, true);
    const stories::Story& story = named_story(bank, options.name);
    const auto rehearsals = stories::rehearsals_of(story, bank.transcripts);
    const Style style = context.out_style();
    const std::size_t width =
        std::clamp<std::size_t>(terminal_width(context).value_or(80), 40, 120);
    std::string themes;
    for (const std::string& theme : story.themes)
        themes += (themes.empty() ? "" : ", ") + stories::theme_with_label(theme);
    std::string out = style.bold(story.name) + "\n";
    out += fmt::format("themes: {}\n", themes);
    out += style.dim(fmt::format("created {} \u00b7 rehearsed {} time{} \u00b7 {}",
                                 history::format_started(story.created_at), rehearsals.size(),
                                 rehearsals.size() == 1 ? "" : "s", story.file.string())) +
           "\n";
    const Transcript* latest = stories::latest_answer(rehearsals);
    if (!latest) {
        out += "\nNo rehearsal with any text yet: `mockcoach star --story \"" + story.name +
               "\"` rehearses it.\n";
    } else {
        out += fmt::format("\n{} ({})\n", style.bold("Latest answer"),
                           history::format_started(latest->started_at));
        for (const auto& line : wrap(latest->question, width - 2)) out += "  " + line + "\n";
        for (const transcript::Phase& phase : latest->phases) {
            out += fmt::format("\n{}  {}\n", style.bold(phase.name),
                               style.dim(fmt::format("{} of {}", format_clock(phase.used_seconds),
                                                     format_clock(phase.budget_seconds))));
            std::size_t start = 0;
            while (start <= phase.text.size() && !phase.text.empty()) {
                std::size_t end = phase.text.find('\n', start);
                if (end == std::string::npos) end = phase.text.size();
                for (const auto& line :
                     wrap(std::string_view(phase.text).substr(start, end - start), width - 2))
                    out += "  " + line + "\n";
                start = end + 1;
            }
            if (phase.text.empty()) out += style.dim("  (nothing said)") + "\n";
        }
        out += "\n" + star::render_checks(star::check_answer(*latest), style, width);
    }
    if (!rehearsals.empty()) {
        out += fmt::format("\n{}\n", style.bold("Rehearsals"));
        out += history_table(rehearsals, terminal_width(context));
    }
    fmt::print(context.out, "{}", out);
    return exit_code::ok;
}

int coverage(Context& context, const Options& options) {
    const Bank bank = load_bank(context, options, false);
    const rubric::Rubric* behavioral = context.catalog().find("behavioral");
    const auto themes = stories::coverage(bank.stories, behavioral);
    if (options.format == OutputFormat::json) {
        JsonWriter json;
        json.begin_array();
        for (const auto& item : themes) {
            json.begin_object()
                .field("theme", item.theme)
                .field("label", item.label)
                .field("common", item.common)
                .field("questions", static_cast<std::int64_t>(item.questions))
                .field("stories", item.stories)
                .end_object();
        }
        json.end_array();
        fmt::print(context.out, "{}", json.str());
        return exit_code::ok;
    }
    const Style style = context.out_style();
    Table table({"THEME", "QUESTIONS", "STORIES"}, {Align::left, Align::right, Align::left});
    std::size_t covered = 0;
    const stories::ThemeCoverage* next = nullptr;
    for (const auto& item : themes) {
        std::string theme = item.theme;
        if (item.common) theme += " *";
        const bool none = item.stories.empty();
        covered += !none;
        if (none && (!next || item.questions > next->questions)) next = &item;
        table.add({theme, std::to_string(item.questions),
                   none ? "NONE: prepare one" : joined(item.stories)});
    }
    std::string rendered = table.render(terminal_width(context));
    // Flagged after the layout, so colour codes do not upset the column widths.
    for (std::size_t at = rendered.find("NONE: prepare one"); at != std::string::npos;
         at = rendered.find("NONE: prepare one", at + 1)) {
        const std::string flagged = style.yellow("NONE: prepare one");
        rendered.replace(at, 17, flagged);
        at += flagged.size() - 1;
    }
    fmt::print(context.out, "{}", rendered);
    fmt::print(context.out, "{}\n",
               style.dim("* the seed's common themes; QUESTIONS: behavioral questions about it"));
    fmt::print(context.out, "\n{} of {} themes have a story.", covered, themes.size());
    if (next)
        fmt::print(context.out, " Next to prepare: a story about {} ({} question{} ask{}).\n",
                   next->label, next->questions, next->questions == 1 ? "" : "s",
                   next->questions == 1 ? "s" : "");
    else
        fmt::print(context.out, " Every theme has a story.\n");
    return exit_code::ok;
}

int remove(Context& context, const Options& options) {
    const Bank bank = load_bank(context, options, true);
    const stories::Story& story = named_story(bank, options.name);
    const std::size_t kept = stories::rehearsals_of(story, bank.transcripts).size();
    if (!options.yes) {
        fmt::print(context.out,
                   "Remove the story \"{}\" ({})? Its transcripts stay ({} rehearsal{}). "
                   "[y/N] ",
                   story.name, story.file.string(), kept, kept == 1 ? "" : "s");
        std::fflush(context.out);
        char answer[64] = {};
        const bool got = std::fgets(answer, sizeof answer, stdin) != nullptr;
        if (!got) fmt::print(context.out, "\n");
        if (!got || (answer[0] != 'y' && answer[0] != 'Y')) {
            fmt::print(context.out, "Kept \"{}\".{}\n", story.name,
                       got ? "" : " (no answer; --yes removes without asking)");
            return exit_code::ok;
        }
    }
    stories::remove_story(story);
    fmt::print(context.out, "Removed the story \"{}\"; its transcripts stay ({} rehearsal{}).\n",
               story.name, kept, kept == 1 ? "" : "s");
    return exit_code::ok;
}

} // namespace

void add_stories_command(CLI::App& app, Context& context, Commands& commands) {
    CLI::App* cmd = app.add_subcommand("stories", "Your story bank: saved STAR answers by theme");
    cmd->require_subcommand(1);
    cmd->footer("Save a story at the end of `mockcoach star`, or with `save-story` in a script.\n"
                "Examples:\n  mockcoach stories list\n  mockcoach stories show \"churn model\"\n"
                "  mockcoach stories coverage\n  mockcoach stories remove \"churn model\" --yes");

    auto list_options = std::make_shared<Options>();
    CLI::App* list_cmd = cmd->add_subcommand(
        "list", "Each story: themes, times rehearsed, last rehearsed, last score");
    add_format_option(*list_cmd, list_options->format, {OutputFormat::text, OutputFormat::json},
                      "text (default: a table) or json (an array)", true);
    add_sessions_dir_option(*list_cmd, list_options->sessions_dir);
    commands.add(list_cmd, [&context, list_options] { return list(context, *list_options); });

    auto show_options = std::make_shared<Options>();
    CLI::App* show_cmd =
        cmd->add_subcommand("show", "A story's latest text per part and its rehearsals");
    show_cmd->add_option("NAME", show_options->name, "The story's name")->required();
    add_sessions_dir_option(*show_cmd, show_options->sessions_dir);
    commands.add(show_cmd, [&context, show_options] { return show(context, *show_options); });

    auto coverage_options = std::make_shared<Options>();
    CLI::App* coverage_cmd = cmd->add_subcommand(
        "coverage", "Each theme and the stories that cover it; themes without one flagged");
    add_format_option(*coverage_cmd, coverage_options->format,
                      {OutputFormat::text, OutputFormat::json},
                      "text (default: a table) or json (an array)", true);
    add_sessions_dir_option(*coverage_cmd, coverage_options->sessions_dir);
    commands.add(coverage_cmd,
                 [&context, coverage_options] { return coverage(context, *coverage_options); });

    auto remove_options = std::make_shared<Options>();
    CLI::App* remove_cmd =
        cmd->add_subcommand("remove", "Delete a story (asks first); its transcripts stay");
    remove_cmd->add_option("NAME", remove_options->name, "The story's name")->required();
    remove_cmd->add_flag("-y,--yes", remove_options->yes, "Do not ask");
    add_sessions_dir_option(*remove_cmd, remove_options->sessions_dir);
    commands.add(remove_cmd,
                 [&context, remove_options] { return remove(context, *remove_options); });
}

} // namespace mockcoach::cli
