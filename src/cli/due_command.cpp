// `mockcoach due`: the questions due for review now (most likely forgotten first) and those
// coming due soon, from each question's FSRS memory state.
#include "cli/context.hpp"
#include "cli/due_setup.hpp"
#include "cli/enum_option.hpp"
#include "cli/format_option.hpp"
#include "cli/history_setup.hpp"
#include "cli/number_option.hpp"

#include "util/json.hpp"
#include "util/text.hpp"
#include "util/wall_time.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace mockcoach::cli {
namespace {

struct Options {
    HistoryOptions history;
    std::vector<std::string> categories;
    std::int64_t days = 7;
    OutputFormat format = OutputFormat::text;
};

// "today", "3 days ago", "in 2 days": what a person plans by; the date follows it.
std::string relative_day(std::int64_t from_today) {
    if (from_today == 0) return "today";
    if (from_today == -1) return "yesterday";
    if (from_today == 1) return "tomorrow";
    if (from_today < 0) return fmt::format("{} days ago", -from_today);
    return fmt::format("in {} days", from_today);
}

std::string date_of_day(std::int64_t day) {
    return format_date(civil_from_days(day));
}

std::string recall_text(double recall) {
    return fmt::format("{}%", std::lround(recall * 100));
}

// Four lines a question, none wider than 40 columns but the id and text, which are cut to the
// terminal: a table of seven columns would not fit a narrow pane.
std::string question_block(const history::DueQuestion& item, std::optional<std::size_t> width) {
    const history::MemoryState& s = item.state;
    const auto fit = [&](std::string text, std::size_t indent) {
        return width && *width > indent + 4 ? truncate_to(text, *width - indent) : text;
    };
    std::string out = fit(s.rubric + "/" + s.question_id, 0) + "\n";
    out += "  " + fit(s.question, 2) + "\n";
    out += fmt::format("  due {}, {}\n", relative_day(-item.overdue_days), date_of_day(s.due_day));
    out +=
        fmt::format("  recall {} \u00b7 last {} \u00b7 {} review{}\n", recall_text(item.recall_now),
                    format_score(s.last_score), s.reviews, s.reviews == 1 ? "" : "s");
    return out;
}

// A sentence cut into lines that fit the terminal (100 columns when piped).
std::string sentence(const std::string& text, std::optional<std::size_t> width,
                     const Style* style = nullptr) {
    std::string out;
    for (const auto& line : wrap(text, width.value_or(100)))
        out += (style ? style->bold(line) : line) + "\n";
    return out;
}

// Whether `start --due` could run the question: its rubric and the question are still in the
// catalog.
bool in_catalog(const rubric::Catalog& catalog, const history::MemoryState& state) {
    const rubric::Rubric* rubric = catalog.find(state.rubric);
    return rubric && rubric->find_question(state.question_id);
}

// The due questions the catalog no longer has, taken out of `due` (and `states`): `start --due`
// passes over them, so listing them among the others would make "the first" a question it does
// not run.
std::vector<history::DueQuestion> take_gone(const rubric::Catalog& catalog, history::DueList& due,
                                            std::vector<history::MemoryState>& states) {
    std::vector<history::DueQuestion> gone;
    for (auto* list : {&due.now, &due.soon})
        std::erase_if(*list, [&](const history::DueQuestion& item) {
            if (in_catalog(catalog, item.state)) return false;
            gone.push_back(item);
            return true;
        });
    std::erase_if(states,
                  [&](const history::MemoryState& state) { return !in_catalog(catalog, state); });
    return gone;
}

std::string print_text(const history::DueList& due, std::span<const history::MemoryState> states,
                       std::span<const history::DueQuestion> gone, const history::Now& now,
                       const Options& options, const Style& style,
                       std::optional<std::size_t> width) {
    std::string out;
    if (due.now.empty())
        out += sentence("Nothing is due for review today.", width);
    else {
        out += sentence(fmt::format("Due now: {} question{}, the most likely forgotten first",
                                    due.now.size(), due.now.size() == 1 ? "" : "s"),
                        width, &style);
        for (const auto& item : due.now) out += "\n" + question_block(item, width);
    }
    if (!due.soon.empty()) {
        out += "\n" + sentence(fmt::format("Due in the next {} day{}: {}", options.days,
                                           options.days == 1 ? "" : "s", due.soon.size()),
                               width, &style);
        for (const auto& item : due.soon) out += "\n" + question_block(item, width);
    } else if (due.now.empty()) {
        // Say when the next one comes, so an empty list does not read as a broken one.
        const auto next =
            std::min_element(states.begin(), states.end(),
                             [](const auto& a, const auto& b) { return a.due_day < b.due_day; });
        if (next != states.end())
            out += sentence(fmt::format("The next comes due {} ({}).",
                                        relative_day(next->due_day - history::day_of(now.today)),
                                        date_of_day(next->due_day)),
                            width);
    }
    if (!gone.empty()) {
        out += "\n" + sentence(fmt::format("No longer in the rubrics, so `start --due` passes "
                                           "over {}: {}",
                                           gone.size() == 1 ? "it" : "them", gone.size()),
                               width, &style);
        for (const auto& item : gone) out += "\n" + question_block(item, width);
    }
    if (!due.now.empty()) {
        const history::MemoryState& first = due.now.front().state;
        out += "\n" + sentence(fmt::format("`mockcoach start --due` runs the first due now, {}/{}.",
                                           first.rubric, first.question_id),
                               width);
    }
    return out;
}

void question_json(JsonWriter& out, const history::DueQuestion& item,
                   const rubric::Catalog& catalog) {
    const history::MemoryState& s = item.state;
    out.begin_object()
        .field("rubric", s.rubric)
        .field("rubric_name", s.rubric_name)
        .field("question_id", s.question_id)
        .field("question", s.question)
        .field("due", date_of_day(s.due_day))
        .field("overdue_days", item.overdue_days)
        .field("recall", item.recall_now)
        .field("stability", s.stability)
        .field("difficulty", s.difficulty)
        .field("reviews", static_cast<std::uint64_t>(s.reviews))
        .field("lapses", static_cast<std::uint64_t>(s.lapses))
        .field("last_review", date_of_day(s.last_review_day))
        .field("last_score", s.last_score)
        .field("in_catalog", in_catalog(catalog, s))
        .end_object();
}

std::string print_json(const history::DueList& due, const history::Now& now, const Options& options,
                       double retention, const rubric::Catalog& catalog) {
    JsonWriter out;
    out.begin_object()
        .field("today", format_date(now.today))
        .field("retention", retention)
        .field("days", options.days);
    out.key("due_now").begin_array();
    for (const auto& item : due.now) question_json(out, item, catalog);
    out.end_array().key("due_soon").begin_array();
    for (const auto& item : due.soon) question_json(out, item, catalog);
    out.end_array().end_object();
    return out.str();
}

int due_report(Context& context, const Options& options) {
    const history::Now now = now_local();
    const bool json = options.format == OutputFormat::json;
    history::Loaded loaded = load_history(context, options.history, progress_for(options.format));
    check_categories(context, options.categories, loaded.sessions);
    const int status = history_status(options.history, loaded.skipped);
    if (loaded.sessions.empty()) {
        print_no_sessions(json ? context.err : context.out,
                          context.sessions_folder(options.history.sessions_dir));
        if (!json) return status;
    }
    auto states = memory_states(context, loaded.sessions, options.categories);
    history::DueList due = history::due_questions(states, now, options.days);
    const rubric::Catalog& catalog = context.catalog();
    if (json) {
        fmt::print(
            context.out, "{}",
            print_json(due, now, options, settings::retention(context.settings()).value, catalog));
    } else if (states.empty()) {
        // Other categories may well have reviews: say which were looked at.
        std::vector<std::string_view> chosen(options.categories.begin(), options.categories.end());
        fmt::print(context.out,
                   "No question{} has been reviewed yet: a session is a review of its question "
                   "once you score it.\n",
                   chosen.empty() ? "" : " in " + or_list(chosen));
    } else {
        const auto gone = take_gone(catalog, due, states);
        fmt::print(
            context.out, "{}",
            print_text(due, states, gone, now, options, context.out_style(), table_width(context)));
    }
    return status;
}

} // namespace

void add_due_command(CLI::App& app, Context& context, Commands& commands) {
    auto options = std::make_shared<Options>();
    CLI::App* cmd = app.add_subcommand(
        "due", "Questions due for review (spaced repetition), the most likely forgotten first");
    cmd->add_option("-c,--category", options->categories, "Only this rubric (repeatable)")
        ->type_name("ID");
    check_whole(cmd->add_option("--days", options->days,
                                "Also list the questions coming due within N days (default 7)")
                    ->type_name("N"),
                0, 3650);
    add_format_option(*cmd, options->format, {OutputFormat::text, OutputFormat::json},
                      "text (default: each question on four lines) or json (every question "
                      "with its memory state)",
                      true);
    add_history_options(*cmd, options->history);
    cmd->footer("Examples:\n  mockcoach due\n  mockcoach due --days 30 --category dsa\n"
                "  mockcoach due --json\n  mockcoach start --due");
    commands.add(cmd, [&context, options] { return due_report(context, *options); });
}

} // namespace mockcoach::cli
