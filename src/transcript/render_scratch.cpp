// The scratchpad in each rendering: shown as written (code keeps its indentation and its
// lines), with when it was snapshotted and whether it was cut.
#include "transcript/render.hpp"

#include "util/text.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace mockcoach::transcript {

std::string scratch_snapshots_line(const Scratch& scratch) {
    std::string line;
    for (const ScratchSnapshot& snapshot : scratch.snapshots)
        line += fmt::format("{}{} ({})", line.empty() ? "" : ", ",
                            snapshot.after ? "after " + *snapshot.after : "at the end",
                            format_clock(snapshot.at_seconds));
    return fmt::format("{} snapshot{}: {}", scratch.snapshots.size(),
                       scratch.snapshots.size() == 1 ? "" : "s", line);
}

std::string scratch_cut_line(const Scratch& scratch) {
    return fmt::format("cut: the file had {} bytes; the first {} KiB are kept", scratch.bytes,
                       scratch_limit_bytes / 1024);
}

std::string render_scratch_text(const Scratch& scratch, const Style& style, std::size_t width) {
    std::string out = fmt::format("\n{}\n", style.bold("Scratchpad"));
    for (const auto& line : wrap(scratch_snapshots_line(scratch), width - 2))
        out += fmt::format("  {}\n", style.dim(line));
    if (scratch.truncated) out += fmt::format("  {}\n", style.yellow(scratch_cut_line(scratch)));
    if (scratch.text.empty()) return out + fmt::format("  {}\n", style.dim("(empty)"));
    // Line by line, unwrapped: wrapping code at spaces would change what it says.
    std::size_t start = 0;
    std::string_view text = scratch.text;
    if (text.ends_with('\n')) text.remove_suffix(1);
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        out += fmt::format("  {}\n", text.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

std::string render_scratch_markdown(const Scratch& scratch) {
    // A fence longer than any run of backticks in the text, so that nothing in it ends the block.
    std::size_t longest = 0, run = 0;
    for (const char c : scratch.text) {
        run = c == '`' ? run + 1 : 0;
        longest = std::max(longest, run);
    }
    const std::string fence(std::max<std::size_t>(3, longest + 1), '`');
    std::string out = "\n### Scratchpad\n\n";
    out += fmt::format("*{}*\n", scratch_snapshots_line(scratch));
    if (scratch.truncated) out += fmt::format("\n**{}**\n", scratch_cut_line(scratch));
    out += fmt::format("\n{}text\n{}", fence, scratch.text);
    if (!scratch.text.empty() && !scratch.text.ends_with('\n')) out += '\n';
    return out + fence + "\n";
}

void write_scratch_json(JsonWriter& out, const std::optional<Scratch>& scratch) {
    out.key("scratch");
    if (!scratch) {
        out.null();
        return;
    }
    out.begin_object()
        .field("bytes", scratch->bytes)
        .field("truncated", scratch->truncated)
        .field("text", scratch->text);
    out.key("snapshot").begin_array();
    for (const ScratchSnapshot& snapshot : scratch->snapshots)
        out.begin_object()
            .field("after", snapshot.after)
            .field("at_seconds", snapshot.at_seconds)
            .field("bytes", snapshot.bytes)
            .end_object();
    out.end_array().end_object();
}

} // namespace mockcoach::transcript
