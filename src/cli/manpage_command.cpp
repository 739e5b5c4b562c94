// The hidden `mockcoach __manpage`: prints mockcoach(1) in roff, from the app's own command
// tree. The build runs it to make the installed page, so the page cannot drift from --help.
#include "cli/context.hpp"

#include "completion/completion.hpp"
#include "manual/manual.hpp"
#include "util/errors.hpp"

#include <fmt/format.h>

namespace mockcoach::cli {

void add_manpage_command(CLI::App& app, Context& context, Commands& commands) {
    CLI::App* cmd = app.add_subcommand("__manpage", "")->group(""); // no group: hidden
    commands.add(cmd, [&app, &context] {
        fmt::print(context.out, "{}",
                   manual::render_page(completion::describe(app, {}), MOCKCOACH_VERSION));
        return exit_code::ok;
    });
}

} // namespace mockcoach::cli
