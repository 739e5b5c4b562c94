// Session set-up and the two runners' edges (terminal, standard input, exit codes).
#include "cli/session_setup.hpp"

#include "session/recover.hpp"
#include "session/run_script.hpp"
#include "term/signals.hpp"
#include "term/terminal.hpp"
#include "tomlfile/tomlfile.hpp"
#include "transcript/render.hpp"
#include "transcript/store.hpp"
#include "util/errors.hpp"
#include "util/files.hpp"

#include <cerrno>
#include <fmt/format.h>
#include <unistd.h>

namespace mockcoach::cli {

void add_sessions_dir_option(CLI::App& command, std::optional<std::string>& target) {
    command
        .add_option("--sessions-dir", target,
                    "Where transcripts go (default $MOCKCOACH_SESSIONS, else "
                    "$XDG_DATA_HOME/mockcoach/sessions)")
        ->type_name("DIR");
}

std::uint64_t session_seed() {
    return bank::fresh_seed();
}

SessionSetup::SessionSetup(Context& context, const std::optional<std::string>& sessions_dir,
                           const std::string& clock_kind, double speed)
    : folder_(transcript::sessions_folder(sessions_dir)), clock_kind_(clock_kind), speed_(speed) {
    transcript::prepare_folder(folder_);
    Diagnostics problems;
    for (const auto& item : session::recover_all(folder_, problems)) {
        if (!item.transcript.empty())
            fmt::print(context.err, "mockcoach: recovered an interrupted session: {}\n",
                       item.transcript.string());
    }
    for (const Diagnostic& d : problems) fmt::print(context.err, "{}\n", format_diagnostic(d));
    if (clock_kind_ == "virtual")
        clock_ = std::make_unique<session::VirtualClock>(std::chrono::system_clock::now());
    else
        clock_ = std::make_unique<session::RealClock>(speed_);
}

session::Recorder SessionSetup::recorder(session::Plan plan, std::string mode, std::uint64_t seed,
                                         std::optional<std::string> story) {
    transcript::Transcript meta;
    meta.story = std::move(story);
    meta.id = transcript::session_id(clock_->wall_start(), plan.rubric_id, plan.question_id);
    meta.mode = std::move(mode);
    meta.seed = static_cast<std::int64_t>(seed);
    meta.speed = clock_kind_ == "virtual" ? 1 : speed_;
    meta.clock = clock_kind_;
    return session::Recorder(std::move(plan), std::move(meta), folder_, *clock_);
}

void print_summary(Context& context, const std::filesystem::path& path,
                   const SessionExtras& extras) {
    Diagnostics problems;
    const auto bytes = read_file(path, tomlfile::max_file_bytes, problems);
    const auto record =
        bytes ? transcript::read_transcript(path.string(), *bytes, problems) : std::nullopt;
    if (!record) {
        for (const Diagnostic& d : problems) fmt::print(context.err, "{}\n", format_diagnostic(d));
        throw IoError(fmt::format("the transcript at {} does not read back", path.string()));
    }
    const term::Style style = context.out_style();
    const int width = term::width_of(context.out);
    fmt::print(
        context.out, "\n{}\nsaved: {}\n",
        transcript::render_text(*record, style, width > 0 ? static_cast<std::size_t>(width) : 80),
        path.string());
    if (extras.after_summary) fmt::print(context.out, "{}", extras.after_summary(*record));
}

namespace {

// Lines from a file descriptor; a signal cuts a blocking read short so it can be acted on.
class LineReader {
  public:
    LineReader(int fd, term::SignalWatch& signals) : fd_(fd), signals_(signals) {}

    std::optional<std::string> next() {
        constexpr std::size_t max_line = 1 << 20;
        for (;;) {
            const std::size_t newline = buffer_.find('\n');
            if (newline != std::string::npos || buffer_.size() >= max_line ||
                (eof_ && !buffer_.empty())) {
                const std::size_t end = std::min({newline, buffer_.size(), max_line});
                std::string line = buffer_.substr(0, end);
                buffer_.erase(0, std::min(end + 1, buffer_.size()));
                return line;
            }
            if (eof_) return std::nullopt;
            char chunk[4096];
            const ssize_t got = ::read(fd_, chunk, sizeof chunk);
            if (got > 0)
                buffer_.append(chunk, static_cast<std::size_t>(got));
            else if (got == 0)
                eof_ = true;
            else if (errno == EINTR) {
                if (signals_.ending_pending()) return std::nullopt;
            } else {
                eof_ = true;
            }
        }
    }

  private:
    int fd_;
    term::SignalWatch& signals_;
    std::string buffer_;
    bool eof_ = false;
};

} // namespace

void run_scripted(Context& context, session::Recorder& recorder, const SessionExtras& extras) {
    term::SignalWatch signals;
    LineReader reader(STDIN_FILENO, signals);
    session::ScriptIo io;
    io.read_line = [&] { return reader.next(); };
    io.print = [&](const std::string& line) {
        fmt::print(context.out, "{}\n", line);
        std::fflush(context.out);
    };
    io.take_signal = [&] { return signals.take_ending(); };
    io.save_story = extras.save_story;
    const session::ScriptResult result = session::run_script(recorder, io);
    using Kind = session::ScriptResult::Kind;
    switch (result.kind) {
    case Kind::bad_line:
        fmt::print(context.err, "<stdin>:{}: error: {}\n", result.line, result.error);
        fmt::print(context.err,
                   "mockcoach: the session so far is kept in {}; `mockcoach recover` "
                   "saves it as an interrupted transcript\n",
                   recorder.journal_path().string());
        context.exit_code = exit_code::usage;
        return;
    case Kind::not_started:
        fmt::print(context.err,
                   "mockcoach: no commands: the session never started, nothing saved\n");
        return;
    case Kind::signalled:
        context.exit_code = 128 + result.signal;
        if (result.path.empty()) return;
        fmt::print(context.err, "mockcoach: stopped by signal {}; saved as interrupted\n",
                   result.signal);
        break;
    case Kind::saved:
        break;
    }
    print_summary(context, result.path, extras);
}

void run_live_session(Context& context, session::Recorder& recorder,
                      const term::LiveOptions& options, const SessionExtras& extras) {
    term::SignalWatch signals;
    term::LiveResult result;
    {
        term::RawTerminal terminal(STDIN_FILENO, STDOUT_FILENO);
        result = term::run_live(recorder, terminal, signals, STDIN_FILENO, options);
    } // the terminal is restored here, on this and every other way out
    using Kind = term::LiveResult::Kind;
    if (result.kind == Kind::abandoned) {
        fmt::print(context.out, "Cancelled before the clock started; nothing saved.\n");
        return;
    }
    if (result.kind == Kind::signalled) {
        context.exit_code = 128 + result.signal;
        if (result.path.empty()) return;
        fmt::print(context.err, "mockcoach: stopped by signal {}; saved as interrupted\n",
                   result.signal);
    }
    print_summary(context, result.path, extras);
}

} // namespace mockcoach::cli
