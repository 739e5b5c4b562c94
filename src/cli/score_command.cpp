// `mockcoach score SESSION --by NAME`: another person's scores for a finished session, kept in
// its transcript as a [[review]] beside the candidate's own scores, which it never touches.
#include "cli/context.hpp"
#include "cli/history_setup.hpp"
#include "cli/review_form.hpp"
#include "cli/session_file.hpp"
#include "cli/session_setup.hpp"

#include "session/clock.hpp"
#include "term/line_reader.hpp"
#include "term/signals.hpp"
#include "tomlfile/tomlfile.hpp"
#include "util/atomic_file.hpp"
#include "util/errors.hpp"
#include "util/files.hpp"
#include "util/style.hpp"
#include "util/suggest.hpp"
#include "util/text.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <unistd.h>

namespace mockcoach::cli {
namespace {

struct Options {
    std::string which;
    std::string by;
    std::vector<std::string> criteria;   // ID=VALUE
    std::vector<std::string> key_points; // N=covered|partly|missed
    std::optional<std::string> comment;
    HistoryOptions history;
};

// The criteria a review of `record` may score: its rubric's (with their anchors) when the
// catalog still has it, then any the candidate scored or skipped that the rubric lacks.
std::vector<rubric::Criterion> criteria_of(Context& context, const transcript::Transcript& record) {
    std::vector<rubric::Criterion> criteria;
    if (const rubric::Rubric* rubric = context.catalog().find(record.rubric))
        criteria = rubric->criteria;
    const auto add = [&](const std::string& id, const std::string& name) {
        if (std::none_of(criteria.begin(), criteria.end(),
                         [&](const rubric::Criterion& c) { return c.id == id; }))
            criteria.push_back({id, name, {}});
    };
    for (const transcript::Score& score : record.scores) add(score.criterion, score.name);
    for (const std::string& id : record.skipped) add(id, id);
    return criteria;
}

std::string join(const std::vector<std::string>& items, std::string_view between) {
    std::string out;
    for (const std::string& item : items) out += (out.empty() ? "" : std::string(between)) + item;
    return out;
}

// "ID=VALUE" split at its '=', or a UsageError quoting the option.
std::pair<std::string, std::string> split(std::string_view option, const std::string& text,
                                          std::string_view form) {
    const auto equals = text.find('=');
    if (equals == std::string::npos || equals == 0 || equals + 1 == text.size())
        throw UsageError(fmt::format("{} \"{}\": write it as {}", option, text, form));
    return {text.substr(0, equals), text.substr(equals + 1)};
}

std::vector<transcript::Score> scores_given(const Options& options,
                                            const std::vector<rubric::Criterion>& criteria) {
    std::vector<std::string> ids;
    for (const rubric::Criterion& c : criteria) ids.push_back(c.id);
    std::vector<transcript::Score> scores;
    for (const std::string& text : options.criteria) {
        // Named copies, not a structured binding: clang 14 cannot capture bindings in lambdas.
        const auto parts = split("--criterion", text, "ID=VALUE, as depth=4");
        const std::string& id = parts.first;
        const std::string& value = parts.second;
        const auto known = std::find_if(criteria.begin(), criteria.end(),
                                        [&](const rubric::Criterion& c) { return c.id == id; });
        if (known == criteria.end())
            throw UsageError(with_suggestion(
                fmt::format("--criterion {}: this session's rubric has no criterion \"{}\"; "
                            "its criteria are {}",
                            text, id, join(ids, ", ")),
                id, ids));
        if (value.size() != 1 || value[0] < '1' || value[0] > '5')
            throw UsageError(fmt::format("--criterion {}: a score is 1, 2, 3, 4 or 5", text));
        if (std::any_of(scores.begin(), scores.end(),
                        [&](const transcript::Score& s) { return s.criterion == id; }))
            throw UsageError(fmt::format("--criterion {}: \"{}\" is scored twice", text, id));
        scores.push_back({id, known->name, value[0] - '0'});
    }
    return scores;
}

std::vector<transcript::ReviewedPoint> points_given(const Options& options, std::size_t count) {
    std::vector<transcript::ReviewedPoint> points;
    for (const std::string& text : options.key_points) {
        const auto [number, result] = split("--key-point", text, "N=covered|partly|missed");
        const bool digits =
            number.size() <= 4 &&
            std::all_of(number.begin(), number.end(), [](char c) { return c >= '0' && c <= '9'; });
        const int n = digits ? std::stoi(number) : 0;
        if (n < 1 || static_cast<std::size_t>(n) > count)
            throw UsageError(
                count == 0 ? fmt::format("--key-point {}: this session has no key points", text)
                           : fmt::format("--key-point {}: N is a key point's number, 1 to {} "
                                         "(`mockcoach show` lists them)",
                                         text, count));
        const auto coverage = transcript::parse_coverage(result);
        if (!coverage)
            throw UsageError(fmt::format("--key-point {}: \"{}\" is not covered, partly or missed",
                                         text, result));
        if (std::any_of(points.begin(), points.end(),
                        [&](const transcript::ReviewedPoint& p) { return p.point == n; }))
            throw UsageError(fmt::format("--key-point {}: key point {} is judged twice", text, n));
        points.push_back({n, *coverage});
    }
    return points;
}

// The review from the terminal; none when the reviewer stopped before the end.
std::optional<ReviewAnswers> ask_at_terminal(Context& context, const Options& options,
                                             const std::vector<rubric::Criterion>& criteria,
                                             const transcript::Transcript& record) {
    std::vector<std::string> key_points;
    for (const transcript::KeyPoint& point : record.key_points) key_points.push_back(point.text);
    term::SignalWatch signals; // Ctrl-C ends the questions; nothing is written then
    term::LineReader reader(STDIN_FILENO, signals);
    ReviewFormIo io{[&] { return reader.next(); },
                    [&](const std::string& text) {
                        fmt::print(context.out, "{}", text);
                        std::fflush(context.out);
                    }};
    ReviewFormOptions form;
    const int columns = width_of(context.out);
    form.width = columns > 0 ? static_cast<std::size_t>(columns) : 80;
    form.ask_comment = !options.comment; // given already: not asked, and not thrown away
    io.print(wrapped(fmt::format("{}'s review of {}", options.by, record.id), form.width, "", ""));
    io.print(wrapped(record.question, form.width, "", ""));
    return ask_review(criteria, key_points, io, form);
}

// Completed and ended-early sessions can be reviewed; an interrupted one only when the
// candidate scored it (then it was scored on the scoring screen before the interruption and
// there is something to compare with).
void check_finished(const transcript::Transcript& record) {
    if (record.status != transcript::Status::interrupted || !record.scores.empty()) return;
    throw UsageError(fmt::format(
        "session {} was interrupted before it was scored; a review is of a finished session "
        "(completed or ended early) or one the candidate scored",
        record.id));
}

int score(Context& context, const Options& options) {
    if (const std::string problem = transcript::reviewer_name_problem(options.by); !problem.empty())
        throw UsageError(fmt::format("--by \"{}\": {}", options.by, problem));
    if (options.comment && (!unprintable(*options.comment).empty() ||
                            options.comment->find('\n') != std::string::npos))
        throw UsageError("--comment: a comment is printable text on one line");
    int status = exit_code::ok;
    SessionFile file = read_session_file(find_session_to_write(
        context, options.history, options.which, Progress::on_terminal, status));
    check_finished(file.record);
    const std::vector<rubric::Criterion> criteria = criteria_of(context, file.record);

    transcript::Review review;
    review.by = options.by;
    if (options.criteria.empty()) {
        if (!options.key_points.empty())
            throw UsageError("--key-point goes with --criterion ID=VALUE; without any, each "
                             "criterion and key point is asked in turn");
        if (!::isatty(STDIN_FILENO))
            throw UsageError("give the scores as --criterion ID=VALUE (standard input is not a "
                             "terminal to ask them on)");
        auto answers = ask_at_terminal(context, options, criteria, file.record);
        if (!answers) {
            fmt::print(context.out, "\nStopped: nothing was recorded.\n");
            return exit_code::failure;
        }
        // The comment is --comment's when given (the form did not ask for one then).
        review.comment = options.comment.value_or(answers->comment);
        if (answers->scores.empty() && answers->key_points.empty() && review.comment.empty()) {
            fmt::print(context.out, "Nothing given: nothing was recorded.\n");
            return exit_code::ok;
        }
        review.scores = std::move(answers->scores);
        review.key_points = std::move(answers->key_points);
    } else {
        review.scores = scores_given(options, criteria);
        review.key_points = points_given(options, file.record.key_points.size());
        review.comment = options.comment.value_or("");
    }
    review.at = session::local_date_time(std::chrono::system_clock::now());

    // Another writer may change the file between its reading and the rename (a second review
    // given meanwhile, an edit): the review is then added to the file as it is now, so that
    // nothing the reviewer typed is lost; only a file that keeps changing stops it.
    for (int attempt = 1;; ++attempt) {
        const std::string original = file.bytes;
        const std::string bytes = transcript::add_review(original, file.record, review);
        const bool saved = replace_file_if(file.path, bytes, [&] {
            Diagnostics problems;
            const auto now = read_file(file.path, tomlfile::max_file_bytes, problems);
            return now && *now == original;
        });
        if (saved) break;
        if (attempt == 3)
            throw IoError(fmt::format("{} kept changing while the review was being saved; "
                                      "nothing was written. The same review in one line:\n  {}",
                                      file.path.string(), review_command(file.record.id, review)));
        file = read_session_file(file.path);
        check_finished(file.record);
    }
    const transcript::Review& added = file.record.reviews.back();
    const auto counted = [](std::size_t n, std::string_view what) {
        return fmt::format("{} {}{}", n, what, n == 1 ? "" : "s");
    };
    std::string recorded = counted(added.scores.size(), "score");
    if (!added.key_points.empty()) recorded += ", " + counted(added.key_points.size(), "key point");
    if (!added.comment.empty()) recorded += ", a comment";
    fmt::print(context.out, "Recorded {}'s review of {}: {}.\n", added.by, file.record.id,
               recorded);
    fmt::print(context.out, "Beside yours: mockcoach show {}\n", file.record.id);
    return status;
}

} // namespace

void add_score_command(CLI::App& app, Context& context, Commands& commands) {
    auto options = std::make_shared<Options>();
    CLI::App* cmd = app.add_subcommand(
        "score", "Record another person's scores for a finished session, beside yours");
    cmd->add_option(
           "SESSION", options->which,
           "A session id or a part of one that matches only it, `latest`, or a transcript file")
        ->required()
        ->type_name("ID|latest|FILE");
    cmd->add_option("--by", options->by,
                    "Who scored it: 1 to 40 printable characters, not \"self\"")
        ->required()
        ->type_name("NAME");
    cmd->add_option("--criterion", options->criteria,
                    "A criterion's score, 1 to 5 (repeat for each); none: asked one by one")
        ->type_name("ID=VALUE");
    cmd->add_option("--key-point", options->key_points,
                    "How much of key point N the answer covered (repeat for each)")
        ->type_name("N=covered|partly|missed");
    cmd->add_option("--comment", options->comment, "The reviewer's comment, one line")
        ->type_name("TEXT");
    add_sessions_dir_option(*cmd, options->history.sessions_dir);
    cmd->footer("Examples:\n  mockcoach score latest --by Sam\n"
                "  mockcoach score url-shortener --by Sam --criterion requirements=4 "
                "--criterion depth=3 --key-point 1=covered --comment \"Clear API; sizing rushed\"");
    commands.add(cmd, [&context, options] { return score(context, *options); });
}

} // namespace mockcoach::cli
