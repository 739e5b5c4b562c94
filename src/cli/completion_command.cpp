// `mockcoach completion bash|zsh|fish` prints a completion script; the hidden
// `mockcoach __complete SHELL -- WORDS...` answers it from the app's own command tree, the
// rubric catalog and the sessions folder.
#include "cli/context.hpp"
#include "cli/enum_option.hpp"

#include "completion/completion.hpp"
#include "loop/loop.hpp"
#include "stories/stories.hpp"
#include "util/errors.hpp"
#include "util/files.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <unordered_map>

namespace mockcoach::cli {
namespace {

using completion::ValueKind;

// Which options and positionals take live values; fixed sets (--format, --clock, SHELL) come
// from their name-table transformers, so they need no line here.
constexpr completion::ValueRule value_rules[] = {
    {"", "--category", ValueKind::rubric},
    {"star", "--question", ValueKind::behavioral_question},
    {"", "--question", ValueKind::question},
    {"", "--story", ValueKind::story},
    {"", "--profile", ValueKind::profile},
    {"profiles show", "NAME", ValueKind::profile},
    {"profiles validate", "PATH", ValueKind::file},
    {"stories show", "NAME", ValueKind::story},
    {"stories remove", "NAME", ValueKind::story},
    {"rubrics show", "ID", ValueKind::rubric},
    {"rubrics validate", "PATH", ValueKind::file},
    {"show", "SESSION", ValueKind::session},
    {"score", "SESSION", ValueKind::session},
    {"packet", "QUESTION", ValueKind::question},
    {"loop", "--resume", ValueKind::unfinished_loop},
    {"", "--rubrics", ValueKind::file},
    {"", "--sessions-dir", ValueKind::directory},
    {"", "--out", ValueKind::file},
};

std::optional<std::string> last_seen(const completion::SeenOptions& seen, std::string_view name) {
    const auto it = seen.find(name);
    if (it == seen.end() || it->second.empty()) return std::nullopt;
    return it->second.back();
}

// The catalog the command being typed would load (with the --rubrics typed so far), built
// without reporting problem files: completing prints nothing but candidates.
rubric::Catalog catalog_for(const completion::SeenOptions& seen) {
    Context context;
    if (const auto it = seen.find("--rubrics"); it != seen.end()) context.rubric_paths = it->second;
    return rubric::build_catalog(context.layers());
}

std::vector<completion::Candidate>
question_candidates(const rubric::Catalog& catalog, std::string_view prefix, bool behavioral_only) {
    std::unordered_map<std::string_view, int> uses;
    for (const rubric::Rubric& rubric : catalog.rubrics)
        for (const rubric::Question& question : rubric.questions) ++uses[question.id];
    const bool qualified = prefix.find('/') != std::string_view::npos;
    std::vector<completion::Candidate> candidates;
    for (const rubric::Rubric& rubric : catalog.rubrics) {
        if (behavioral_only && rubric.id != "behavioral") continue;
        for (const rubric::Question& question : rubric.questions) {
            if (qualified || uses[question.id] > 1)
                candidates.push_back({rubric.id + "/" + question.id, question.text});
            if (!qualified && (uses[question.id] == 1 || behavioral_only))
                candidates.push_back({question.id, question.text});
        }
    }
    return candidates;
}

// The folder the command being typed would use; a broken settings file counts as none here,
// since completing must stay quiet.
std::filesystem::path sessions_for(const completion::SeenOptions& seen) {
    Diagnostics ignored;
    const auto loaded = settings::load_settings(settings::settings_path(), ignored);
    return settings::sessions_folder(loaded, last_seen(seen, "--sessions-dir"),
                                     settings::process_environment)
        .value;
}

std::vector<completion::Candidate> live_values(ValueKind kind, std::string_view prefix,
                                               const completion::SeenOptions& seen) {
    std::vector<completion::Candidate> candidates;
    switch (kind) {
    case ValueKind::rubric:
        for (const rubric::Rubric& rubric : catalog_for(seen).rubrics)
            candidates.push_back({rubric.id, rubric.name});
        break;
    case ValueKind::question:
    case ValueKind::behavioral_question:
        candidates =
            question_candidates(catalog_for(seen), prefix, kind == ValueKind::behavioral_question);
        break;
    case ValueKind::story: {
        Diagnostics ignored;
        const auto folder = sessions_for(seen);
        for (const stories::Story& story : stories::load_stories(folder, ignored)) {
            std::string themes;
            for (const std::string& theme : story.themes)
                themes += (themes.empty() ? "" : ", ") + theme;
            candidates.push_back({story.name, themes});
        }
        break;
    }
    case ValueKind::profile: {
        // Built as the command would load them, without reporting problem files.
        const rubric::Layer user = read_layer("user", (config_home() / "profiles").string(), false);
        for (const profile::Profile& profile :
             profile::build_profiles(profile::shipped_profile_files(), user.files).profiles)
            candidates.push_back({profile.id, profile.name});
        break;
    }
    case ValueKind::session: {
        candidates.push_back({"latest", "the newest session"});
        const auto folder = sessions_for(seen);
        auto files = list_files(folder, ".toml");
        std::reverse(files.begin(), files.end()); // ids start with the date: newest first
        for (const auto& file : files) candidates.push_back({file.stem().string(), ""});
        for (const loop::LoopState& day : loop::load_states(folder).states)
            candidates.push_back({day.id, "loop: " + day.profile_name});
        break;
    }
    case ValueKind::unfinished_loop:
        for (const loop::LoopState& day : loop::load_states(sessions_for(seen)).states)
            if (!day.finished())
                candidates.push_back(
                    {day.id, fmt::format("{}, round {} of {}", day.profile_name,
                                         day.next_round() + 1, day.rounds.size())});
        break;
    default:
        break;
    }
    return candidates;
}

} // namespace

void add_completion_command(CLI::App& app, Context& context, Commands& commands) {
    auto shell = std::make_shared<completion::Shell>();
    CLI::App* cmd = app.add_subcommand("completion", "Print a shell completion script");
    add_enum_option(*cmd, "SHELL", *shell, completion::shell_names,
                    {completion::Shell::bash, completion::Shell::zsh, completion::Shell::fish},
                    "bash, zsh or fish", "shell", "TEXT")
        ->required();
    cmd->footer("Installed packages put these where each shell looks; to try one now:\n"
                "  source <(mockcoach completion bash)        # bash, in ~/.bashrc\n"
                "  source <(mockcoach completion zsh)         # zsh, after compinit\n"
                "  mockcoach completion fish | source         # fish");
    commands.add(cmd, [&context, shell] {
        fmt::print(context.out, "{}", completion::script(*shell, "mockcoach"));
        return exit_code::ok;
    });

    // Hidden (no group): `__complete SHELL -- WORDS...`, the last word being the one under the
    // cursor. The scripts always pass `--`, so words like --help are completed, not obeyed.
    struct Request {
        std::string shell;
        std::vector<std::string> words;
    };
    auto request = std::make_shared<Request>();
    CLI::App* complete = app.add_subcommand("__complete", "")->group("");
    complete->add_option("SHELL", request->shell);
    complete->add_option("WORDS", request->words);
    commands.add(complete, [&app, &context, request] {
        try {
            const auto shell = completion::shell_named(request->shell);
            if (!shell) return exit_code::ok;
            std::vector<std::string> words = request->words;
            if (words.empty()) words.emplace_back();
            const completion::Command tree = completion::describe(app, value_rules);
            if (*shell == completion::Shell::bash) {
                const completion::BashWords line = completion::bash_words(words);
                const auto result = completion::complete(tree, line.words, live_values);
                fmt::print(context.out, "{}", completion::render(result, *shell, &line));
            } else {
                const auto result = completion::complete(tree, words, live_values);
                fmt::print(context.out, "{}", completion::render(result, *shell));
            }
        } catch (...) {
            // Completing is best effort: a broken rubric or an odd line offers nothing, quietly.
        }
        return exit_code::ok;
    });
}

} // namespace mockcoach::cli
