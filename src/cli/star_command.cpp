// `mockcoach star`: one STAR answer to a behavioral question, typed part by part against the
// clock, with an interviewer's checks afterwards; saved as a transcript and, if wished, a story.
#include "cli/context.hpp"
#include "cli/draw_pool.hpp"
#include "cli/due_setup.hpp"
#include "cli/number_option.hpp"
#include "cli/session_setup.hpp"

#include "live/live.hpp"
#include "session/clock.hpp"
#include "star/star.hpp"
#include "stories/stories.hpp"
#include "util/errors.hpp"
#include "util/suggest.hpp"
#include "util/text.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <limits>

namespace mockcoach::cli {
namespace {

constexpr std::string_view behavioral_id = "behavioral";

struct Options {
    std::string question;
    std::optional<std::string> story;
    std::optional<std::int64_t> seconds;
    std::optional<std::int64_t> seed;
    bool aloud = false;
    std::optional<std::string> profile;
    bool due = false;
    RunOptions run;
};

const rubric::Rubric& behavioral_rubric(Context& context) {
    const rubric::Rubric* rubric = context.catalog().find(behavioral_id);
    if (!rubric || rubric->questions.empty())
        throw UsageError("star rehearses the questions of the \"behavioral\" rubric, and none "
                         "is loaded (see `mockcoach rubrics list`)");
    return *rubric;
}

// --question: ID or behavioral/ID; a question of another rubric is refused, saying so.
const rubric::Question& named_question(Context& context, const rubric::Rubric& behavioral,
                                       std::string_view reference) {
    if (const rubric::Question* question = behavioral.find_question(reference)) return *question;
    const bank::Drawn found = find_question(context.catalog(), reference);
    if (found.rubric->id != behavioral_id)
        throw UsageError(fmt::format("\"{}\" is a {} question; star rehearses behavioral ones "
                                     "(`mockcoach start --question {}/{}` runs it as an interview)",
                                     reference, found.rubric->name, found.rubric->id,
                                     found.question->id));
    return *found.question;
}

// A behavioral question drawn by weight; for a story, among those tagged with its themes; with
// a profile, its [tag_weights] multiply the weights of the themes it leans on.
const rubric::Question& drawn_question(Context& context, const rubric::Rubric& behavioral,
                                       const stories::Story* story, std::uint64_t seed,
                                       const profile::Profile* profile) {
    rubric::Rubric pool = behavioral;
    if (story) {
        std::erase_if(pool.questions, [&](const rubric::Question& question) {
            return std::none_of(question.tags.begin(), question.tags.end(), [&](const auto& tag) {
                return std::find(story->themes.begin(), story->themes.end(), tag) !=
                       story->themes.end();
            });
        });
        if (pool.questions.empty()) {
            fmt::print(context.err,
                       "mockcoach: no behavioral question is tagged with a theme of \"{}\"; "
                       "drawing from all of them\n",
                       story->name);
            pool.questions = behavioral.questions;
        }
    }
    bank::Random random(seed);
    const rubric::Rubric* pools[] = {&pool};
    bank::DrawWeights weights = bank::seed_weights(pools);
    if (profile) weights.tags = profile::draw_weights(*profile, pools).tags;
    const auto picked = bank::draw(pools, weights, 1, random);
    if (picked.empty()) throw UsageError("no behavioral questions to draw from");
    return *behavioral.find_question(picked.front().question->id);
}

const stories::Story& existing_story(const std::vector<stories::Story>& bank,
                                     const std::string& name) {
    if (std::string problem = stories::check_name(name); !problem.empty())
        throw UsageError(problem);
    if (const stories::Story* story = stories::find_story(bank, name)) return *story;
    if (bank.empty())
        throw UsageError(fmt::format("unknown story \"{}\": there are no stories yet (save one "
                                     "after a rehearsal: `mockcoach star`)",
                                     name));
    unknown_id("story", name, stories::story_names(bank));
}

void print_plan(Context& context, const session::Plan& plan,
                const std::optional<std::string>& story, const star::Budget& budget) {
    fmt::print(context.out, "question: {}\n", plan.question);
    fmt::print(context.out, "category: {} ({})\n", plan.rubric_name, plan.rubric_id);
    if (story) fmt::print(context.out, "story: {}\n", *story);
    std::string parts;
    for (const auto& phase : plan.phases)
        parts += fmt::format("{}{} {}", parts.empty() ? "" : ", ", phase.name,
                             format_clock(phase.budget / 1000));
    fmt::print(context.out, "plan: {} (total {})\n", parts,
               format_clock(plan.total_budget() / 1000));
    fmt::print(context.out, "budget: {}\n", budget.rule);
}

// The answer's budget: --seconds or star_seconds as given, else the rubric's scaled to how the
// answer is given.
star::Budget answer_budget(Context& context, const Options& options, const session::Plan& plan,
                           session::Delivery delivery) {
    const auto set = settings::star_seconds(context.settings(), options.seconds);
    const std::string set_by = set.source == settings::Source::option
                                   ? "--seconds"
                                   : fmt::format("star_seconds ({})", set.detail);
    return star::star_budget(plan.total_budget() / 1000, delivery, set.value, set_by,
                             settings::star_typing_wpm(context.settings()).value);
}

// The themes offered when saving a story, in coverage order (the seed's four first).
std::vector<std::string> offered_themes(const std::vector<stories::Story>& bank,
                                        const rubric::Rubric& behavioral) {
    std::vector<std::string> themes;
    for (const auto& item : stories::coverage(bank, &behavioral)) themes.push_back(item.theme);
    return themes;
}

// Writes the story for `save-story` or the live form, and keeps lines to print after the
// summary. A name taken by a file that is not this story is refused with the reason.
class StorySaver {
  public:
    StorySaver(std::filesystem::path folder, std::vector<std::string> known_themes)
        : folder_(std::move(folder)), known_(std::move(known_themes)) {}

    std::string operator()(const session::SaveStory& request) {
        stories::SavedStory saved;
        try {
            saved = stories::save_story(folder_, request.name, request.themes,
                                        session::local_date_time(std::chrono::system_clock::now()));
        } catch (const UsageError& e) {
            return e.what();
        }
        std::string themes;
        for (const auto& theme : saved.story.themes) themes += (themes.empty() ? "" : ", ") + theme;
        if (saved.created)
            notices_.push_back(fmt::format("story: saved \"{}\" (themes: {}) in {}",
                                           saved.story.name, themes, saved.story.file.string()));
        else
            notices_.push_back(fmt::format("story: this rehearsal was added to \"{}\" (themes: {})",
                                           saved.story.name, themes));
        for (const std::string& theme : request.themes) {
            if (std::find(known_.begin(), known_.end(), theme) != known_.end()) continue;
            if (const std::string near = did_you_mean(theme, known_); !near.empty())
                notices_.push_back(fmt::format("note: \"{}\" is a new theme{}", theme, near));
            known_.push_back(theme);
        }
        return {};
    }

    const std::vector<std::string>& notices() const { return notices_; }

  private:
    std::filesystem::path folder_;
    std::vector<std::string> known_;
    std::vector<std::string> notices_;
};

int star(Context& context, const Options& options) {
    const bool scripted = cli::scripted(options.run);

    // Everything the user named is checked before anything is written.
    const auto folder = context.sessions_folder(options.run.sessions_dir);
    Diagnostics problems;
    const std::vector<stories::Story> bank = stories::load_stories(folder, problems);
    for (const Diagnostic& d : problems) fmt::print(context.err, "{}\n", format_diagnostic(d));
    const stories::Story* story = options.story ? &existing_story(bank, *options.story) : nullptr;
    const rubric::Rubric& behavioral = behavioral_rubric(context);
    const profile::Profile* profile =
        options.profile ? &context.profile(*options.profile) : nullptr;
    if (profile && profile->tag_weights.empty())
        fmt::print(context.err,
                   "mockcoach: profile \"{}\" weighs no behavioral themes ([tag_weights]); "
                   "drawing as usual\n",
                   profile->id);
    const std::uint64_t seed =
        options.seed ? static_cast<std::uint64_t>(*options.seed) : session_seed();
    // --due picks as --question would (a story is rehearsed against it whatever its themes).
    const rubric::Rubric* behavioral_only[] = {&behavioral};
    const std::optional<bank::Drawn> due =
        options.due ? most_overdue(context, behavioral_only, options.run.sessions_dir)
                    : std::nullopt;
    const rubric::Question& question =
        due                        ? *due->question
        : options.question.empty() ? drawn_question(context, behavioral, story, seed, profile)
                                   : named_question(context, behavioral, options.question);
    session::Plan plan = session::make_plan(behavioral, question);
    const session::Delivery delivery =
        options.aloud ? session::Delivery::aloud : session::Delivery::typed;
    const star::Budget budget = answer_budget(context, options, plan, delivery);
    if (budget.total_seconds) star::rescale(plan, *budget.total_seconds);
    // Timed within the parts as they will run (rescaled), so none falls in overtime.
    if (followups_on(context, options.run)) session::schedule_followups(plan, question, seed);

    SessionSetup setup(context, options.run);
    const std::optional<std::string> story_name =
        story ? std::optional<std::string>(story->name) : std::nullopt;
    // The story and the profile weigh the draw: named, the seed can draw the question again.
    std::string drawn_with;
    if (!due && options.question.empty()) {
        if (story) drawn_with = "--story " + shell_word(story->name);
        if (profile)
            drawn_with += std::string(drawn_with.empty() ? "" : " ") + "--profile " + profile->id;
    }
    session::Recorder recorder =
        setup.recorder(std::move(plan), std::string(star::mode_name(delivery)), seed, story_name,
                       std::nullopt, drawn_with);

    StorySaver saver(setup.folder(), offered_themes(bank, behavioral));
    session::Driver driver(recorder,
                           [&saver](const session::SaveStory& request) { return saver(request); });
    const int out_width = width_of(context.out);
    const std::size_t width = out_width > 0 ? static_cast<std::size_t>(out_width) : 80;
    // The checks come before the self-scores so that they can inform them; the summary repeats
    // them only where they were not printed (the live screen is gone; a script that ended
    // before scoring).
    bool checks_printed = false;
    SessionExtras extras;
    extras.after_summary = [&](const transcript::Transcript& answer) {
        std::string out = checks_printed ? std::string()
                                         : "\n" + star::render_checks(star::check_answer(answer),
                                                                      context.out_style(), width);
        if (!saver.notices().empty()) out += "\n";
        for (const std::string& notice : saver.notices()) out += notice + "\n";
        if (answer.story)
            out += fmt::format("Its rehearsals: mockcoach stories show \"{}\"{}\n", *answer.story,
                               options.run.sessions_dir
                                   ? fmt::format(" --sessions-dir '{}'", *options.run.sessions_dir)
                                   : "");
        return out;
    };

    SessionOutput output(context.out);
    if (scripted) {
        print_plan(context, recorder.engine().plan(), story_name, budget);
        print_scratch_path(context, recorder);
        const session::Ended ended = run_scripted(driver, output, [&](session::ScriptIo& io) {
            io.delivery = delivery;
            io.before_scoring = [&] {
                checks_printed = true;
                const std::string text =
                    star::render_checks(star::check_answer(recorder.engine(), recorder.meta()),
                                        context.out_style(), width);
                std::vector<std::string> lines;
                for (std::size_t start = 0; start < text.size();) {
                    const std::size_t end = text.find('\n', start);
                    lines.push_back(text.substr(start, end - start));
                    start = end == std::string::npos ? text.size() : end + 1;
                }
                return lines;
            };
        });
        return setup.finish_hooks(
            conclude(context, ended, Driven::script, recorder.journal_path(), output, extras));
    }
    live::LiveOptions live = setup.live_options();
    live.mode = live::LiveMode::star;
    live.story = story_name;
    live.themes = offered_themes(bank, behavioral);
    live.delivery = delivery;
    live.budget_rule = budget.rule;
    if (recorder.scratch_path()) live.scratch = recorder.scratch_path()->string();
    const session::Ended ended = run_live_session(driver, live);
    return setup.finish_hooks(
        conclude(context, ended, Driven::live, recorder.journal_path(), output, extras));
}

} // namespace

void add_star_command(CLI::App& app, Context& context, Commands& commands) {
    auto options = std::make_shared<Options>();
    CLI::App* cmd = app.add_subcommand(
        "star", "Rehearse a STAR answer to a behavioral question, and keep it as a story");
    cmd->add_option("-q,--question", options->question,
                    "This behavioral question (ID or behavioral/ID)")
        ->type_name("ID");
    cmd->add_flag("--due", options->due,
                  "The behavioral question due for review that you are most likely to have "
                  "forgotten; none due: the usual draw")
        ->excludes(cmd->get_option("--question"));
    cmd->add_option("--story", options->story,
                    "Rehearse this saved story, against a question of one of its themes")
        ->type_name("NAME");
    check_whole(cmd->add_option("--seconds", options->seconds,
                                "The whole answer's budget, as given; the four parts keep their "
                                "proportions (default: star_seconds in the settings, else the "
                                "rubric's 135 spoken, x 150/star_typing_wpm when typed)"),
                20, 3600);
    cmd->add_flag("--aloud", options->aloud,
                  "Say the answer out loud: the screen shows each part's prompts and the clock, "
                  "Tab moves on; then type a few words per part (not timed)");
    check_whole(
        cmd->add_option("--seed", options->seed, "Seed for the draw (same seed, same question)"), 0,
        std::numeric_limits<std::int64_t>::max());
    add_profile_option(*cmd, options->profile);
    cmd->get_option("--profile")->excludes(cmd->get_option("--question"));
    add_run_options(*cmd, options->run);
    cmd->footer(
        "Keys: type what you would say; Enter new line, Tab next part, Ctrl-P pause,\n"
        "  Ctrl-E one more minute, Esc end early. Then score, reflect, and save it as a story.\n"
        "Aloud (--aloud): say each part; Tab next part, Ctrl-P pause, Ctrl-E one more minute,\n"
        "  Esc end early; then a few words per part: Enter new line, Tab next part.\n"
        "Script commands (one per line): say TEXT, next, pause, resume, extend MINUTES,\n"
        "  wait SECONDS, quit, score CRITERION VALUE, skip CRITERION, reflect TEXT,\n"
        "  save-story NAME THEME[,THEME...]; with --aloud, no say: after the last part,\n"
        "  words PART TEXT (PART: a part's name or number).\n"
        "Examples:\n  mockcoach star\n  mockcoach star --story \"churn model\"\n"
        "  mockcoach star --question mentoring --seconds 90\n"
        "  printf 'say We had churn\\nnext\\nsay I owned it\\nnext\\nsay I built it\\nnext\\n"
        "say Churn fell 12 points\\nnext\\nsave-story churn ownership\\n' |\n"
        "    mockcoach star --question end-to-end-project --clock virtual");
    commands.add(cmd, [&context, options] { return star(context, *options); });
}

} // namespace mockcoach::cli
