// `mockcoach packet`: the interviewer's packet of one question, for a partner to run the mock
// interview from (HTML or Markdown, to standard output or --out FILE); and the packet
// `start --partner` writes beside its session.
#include "cli/context.hpp"
#include "cli/format_option.hpp"
#include "cli/history_setup.hpp"
#include "cli/number_option.hpp"
#include "cli/out_file.hpp"
#include "cli/partner_packet.hpp"
#include "cli/session_draw.hpp"
#include "cli/session_setup.hpp"

#include "report/packet.hpp"
#include "util/atomic_file.hpp"
#include "util/errors.hpp"

#include <fmt/format.h>

namespace mockcoach::cli {
namespace {

struct Options {
    std::string question;
    std::vector<std::string> categories;
    std::optional<std::int64_t> seed;
    AdaptiveOptions adaptive;
    std::optional<std::string> profile;
    std::optional<std::string> sessions_dir;
    OutputFormat format = OutputFormat::html;
    OutFile out;
};

// The `start` line that runs the session this packet times: the same question, and the same
// follow-up times when there is a seed (they depend on nothing else). The question is named
// even when the seed drew it: a draw also depends on the categories, the profile and, when
// adaptive, the history, which may have changed by the time the candidate starts.
std::string start_line(const bank::Drawn& drawn, std::optional<std::int64_t> seed) {
    std::string line =
        fmt::format("mockcoach start --question {}/{}", drawn.rubric->id, drawn.question->id);
    if (seed) line += fmt::format(" --seed {}", *seed);
    return line;
}

int packet(Context& context, const Options& options) {
    refuse_existing(options.out);
    if (options.question.empty() && !options.seed)
        throw UsageError("name a QUESTION (RUBRIC/ID, or ID when unique), or give --seed N for "
                         "the question `mockcoach start --seed N` draws");
    const std::optional<std::uint64_t> seed =
        options.seed ? std::optional<std::uint64_t>(static_cast<std::uint64_t>(*options.seed))
                     : std::nullopt;
    const bank::Drawn drawn =
        !options.question.empty()
            ? find_question(context.catalog(), options.question)
            : draw_session_question(context, options.categories, options.profile, options.adaptive,
                                    options.sessions_dir, *seed);
    report::Packet packet = report::make_packet(*drawn.rubric, *drawn.question, seed);
    packet.start_line = start_line(drawn, options.seed);
    const std::string text = options.format == OutputFormat::markdown
                                 ? report::render_packet_markdown(packet)
                                 : report::render_packet_html(packet);
    if (!options.out.path) {
        fmt::print(context.out, "{}", text);
        return exit_code::ok;
    }
    write_out_file(options.out, text);
    fmt::print(context.out, "{}\n", *options.out.path);
    return exit_code::ok;
}

} // namespace

std::filesystem::path write_partner_packet(const std::filesystem::path& folder,
                                           const bank::Drawn& drawn, std::uint64_t seed,
                                           const std::string& session_id) {
    const report::Packet packet =
        report::make_packet(*drawn.rubric, *drawn.question, seed, session_id);
    return write_new_file(folder, session_id + ".packet", ".html",
                          report::render_packet_html(packet));
}

void add_packet_command(CLI::App& app, Context& context, Commands& commands) {
    auto options = std::make_shared<Options>();
    CLI::App* cmd = app.add_subcommand(
        "packet", "The interviewer's packet of a question, for practising with a partner");
    auto* question =
        cmd->add_option("QUESTION", options->question,
                        "The question (RUBRIC/ID, or ID when unique); without it, --seed draws "
                        "the one `start --seed` would")
            ->type_name("QUESTION");
    check_whole(cmd->add_option("--seed", options->seed,
                                "The session's seed: the question `start --seed` draws, and the "
                                "exact seconds its follow-ups come"),
                0, std::numeric_limits<std::int64_t>::max());
    cmd->add_option("-c,--category", options->categories,
                    "With --seed and no QUESTION: draw only from this rubric, as `start` does "
                    "(repeatable)")
        ->type_name("ID")
        ->excludes(question);
    add_format_option(*cmd, options->format, {OutputFormat::html, OutputFormat::markdown},
                      "html (default: one page that prints well) or markdown", false);
    add_out_options(*cmd, options->out, "Write the packet to FILE (default: standard output)");
    add_adaptive_options(*cmd, options->adaptive);
    add_profile_option(*cmd, options->profile);
    cmd->get_option("--profile")->excludes(question);
    add_sessions_dir_option(*cmd, options->sessions_dir);
    cmd->footer("Without a seed the packet says in which window of its phase each follow-up "
                "comes;\n  with one, the exact time, as in a session started with that seed.\n"
                "Examples:\n  mockcoach packet system-design/url-shortener --out packet.html\n"
                "  mockcoach packet --seed 7 --format markdown\n"
                "  mockcoach start --partner");
    commands.add(cmd, [&context, options] { return packet(context, *options); });
}

} // namespace mockcoach::cli
