// The screen between a loop's rounds and its loop.
#include "live/between_screen.hpp"

#include "live/screen_size.hpp"
#include "util/text.hpp"

#include <cerrno>
#include <fmt/format.h>
#include <unistd.h>

namespace mockcoach::live {

namespace {

// `text` wrapped to the width with a hanging indent, a part a row: its first row at `first`,
// the others at `rest`.
TextParts add_wrapped(Layout& layout, std::string_view text, std::size_t width, Rank first,
                      Rank rest) {
    TextParts parts = add_text(layout, text, width, "", "  ", 0, rest);
    if (!parts.ids.empty()) layout.set_rank(parts.ids.front(), first);
    return parts;
}

} // namespace

Lines between_screen(const BetweenRounds& what, const View& view) {
    const Style style(view.colour);
    const std::size_t width = width_of(view);
    Layout layout;
    const TextParts title = add_wrapped(layout, what.title, width, always, Rank(5, 1));
    layout.blank(Rank(0, 2));
    if (what.left) {
        const std::string clock = format_clock(ceil_seconds(*what.left));
        layout.add(big_text(clock, width), Rank(20), {fit("Time left: " + clock, view)});
        layout.blank(Rank(0, 1));
    }
    std::vector<TextParts> lines;
    for (std::size_t i = 0; i < what.lines.size(); ++i) {
        const int order = -static_cast<int>(i);
        lines.push_back(add_wrapped(layout, what.lines[i], width, Rank(10, order), Rank(5, order)));
    }
    layout.blank(Rank(0, 0));
    layout.fill_here();
    if (!view.message.empty()) layout.add(fit(view.message, view), always);
    layout.add(key_help(view, fmt::format("Enter {} \u00b7 q stop the day (resume later)", what.go),
                        fmt::format("Enter {} \u00b7 q stop", what.go)),
               always);
    layout.fit(rows_of(view));
    mark_cut(layout, title, width);
    for (const TextParts& line : lines) mark_cut(layout, line, width);
    // Styled once cut: the cut measures plain text.
    for (const Layout::Id id : title.ids)
        for (std::string& row : layout.lines(id)) row = style.bold(row);
    return layout.render();
}

BetweenEnd run_between(term::RawTerminal& terminal, term::SignalWatch& signals, int input_fd,
                       BetweenRounds what,
                       std::optional<std::chrono::steady_clock::time_point> deadline, Colour colour,
                       const BetweenClock& clock) {
    View view;
    view.colour = colour;
    KeyDecoder decoder;
    for (;;) {
        const auto arrived = signals.take();
        if (arrived.ending) return {BetweenEnd::Kind::signal, arrived.ending};
        const auto now = clock.now();
        if (deadline) {
            if (now >= *deadline) return {BetweenEnd::Kind::time_up};
            what.left =
                std::chrono::duration_cast<std::chrono::milliseconds>(*deadline - now).count();
        }
        view.size = terminal.size();
        terminal.write(compose(between_screen(what, view), view.size));
        // Until the next whole second of the countdown (so it never skips one), a key or a
        // signal; without a deadline, a key or a signal only.
        int timeout = -1;
        if (what.left) timeout = static_cast<int>((*what.left - 1) % 1000 + 1);
        pollfd fds[2] = {{input_fd, POLLIN, 0}, {signals.fd(), POLLIN, 0}};
        if (clock.wait(fds, 2, timeout) <= 0) continue;
        if (!(fds[0].revents & (POLLIN | POLLHUP | POLLERR))) continue;
        char buffer[64];
        const ssize_t got = ::read(input_fd, buffer, sizeof buffer);
        if (got == 0 || (got < 0 && errno != EINTR && errno != EAGAIN))
            return {BetweenEnd::Kind::stop};
        if (got > 0) decoder.feed(std::string_view(buffer, static_cast<std::size_t>(got)));
        while (auto key = decoder.next()) {
            if (key->type == Key::Type::enter ||
                (key->type == Key::Type::character && key->text == "s"))
                return {BetweenEnd::Kind::go};
            if (key->type == Key::Type::character && key->text == "q")
                return {BetweenEnd::Kind::stop};
            if (key->type == Key::Type::ctrl_c) return {BetweenEnd::Kind::signal, SIGINT};
            view.message = fmt::format("Enter {}, q stop the day", what.go);
        }
    }
}

} // namespace mockcoach::live
