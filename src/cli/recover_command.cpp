// `mockcoach recover`: saves sessions cut short by a crash or kill -9 as interrupted transcripts.
#include "cli/context.hpp"
#include "cli/session_setup.hpp"

#include "session/recover.hpp"
#include "util/errors.hpp"

#include <fmt/format.h>

namespace mockcoach::cli {
namespace {

int recover(Context& context, const std::optional<std::string>& sessions_dir) {
    const auto folder = context.sessions_folder(sessions_dir);
    if (!std::filesystem::is_directory(folder)) {
        fmt::print(context.out, "Nothing to recover: {} does not exist yet.\n", folder.string());
        return exit_code::ok;
    }
    Diagnostics problems;
    const auto recovered = session::recover_all(folder, problems);
    for (const auto& item : recovered) {
        if (item.transcript.empty())
            fmt::print(context.out, "already saved; removed the journal {}\n",
                       item.journal.string());
        else
            fmt::print(context.out, "recovered: {}\n", item.transcript.string());
    }
    for (const Diagnostic& d : problems) fmt::print(context.err, "{}\n", format_diagnostic(d));
    if (recovered.empty() && problems.empty())
        fmt::print(context.out, "Nothing to recover in {}.\n", folder.string());
    return has_errors(problems) ? exit_code::usage : exit_code::ok;
}

} // namespace

void add_recover_command(CLI::App& app, Context& context, Commands& commands) {
    auto sessions_dir = std::make_shared<std::optional<std::string>>();
    CLI::App* cmd = app.add_subcommand(
        "recover", "Save sessions cut short (crash, kill -9) as interrupted transcripts");
    add_sessions_dir_option(*cmd, *sessions_dir);
    cmd->footer("`mockcoach start` does this by itself before a new session.\nExample:\n"
                "  mockcoach recover");
    commands.add(cmd, [&context, sessions_dir] { return recover(context, *sessions_dir); });
}

} // namespace mockcoach::cli
