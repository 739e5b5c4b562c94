// The scratchpad's edges in the commands that run sessions: whether a session has one, its file
// created before the clock starts, and its path printed with the plan.
#include "cli/session_setup.hpp"

#include "session/scratch.hpp"
#include "util/errors.hpp"

#include <fmt/format.h>

namespace mockcoach::cli {

void add_scratch_options(CLI::App& command, RunOptions& options) {
    auto* pad = command.add_flag("--scratch", options.scratch,
                                 "Keep a scratchpad: a text file beside the session for code, a "
                                 "schema or estimates, edited in your own editor (its path is on "
                                 "the plan screen); kept with the transcript");
    command
        .add_flag("--no-scratch", options.no_scratch,
                  "No scratchpad, even with scratch in the settings")
        ->excludes(pad);
}

void keep_scratch(Context& context, const RunOptions& options, const std::filesystem::path& folder,
                  session::Recorder& recorder) {
    if (!settings::scratch(context.settings(), flag_pair(options.scratch, options.no_scratch))
             .value)
        return;
    auto pad = session::scratch_path(folder, recorder.meta().id);
    try {
        session::create_scratch(pad);
    } catch (const IoError&) {
        recorder.abandon(); // no session without the pad it was asked for, and no journal
        throw;
    }
    recorder.keep_scratch(std::move(pad));
}

void print_scratch_path(Context& context, const session::Recorder& recorder) {
    // A --blind session's comes after the guess (run_script): its name names the category.
    if (recorder.scratch_path() && !recorder.engine().plan().blind)
        fmt::print(context.out, "scratch: {}\n", recorder.scratch_path()->string());
}

} // namespace mockcoach::cli
