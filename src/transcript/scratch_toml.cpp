// The scratchpad in a transcript: its last text as a literal block, its snapshots by time.
#include "transcript/scratch_toml.hpp"

#include "tomlfile/reader.hpp"

#include <fmt/format.h>

namespace mockcoach::transcript {

using tomlfile::Need;
using tomlfile::TableReader;

std::string toml_text_block(std::string_view text) {
    bool literal = text.find("'''") == std::string_view::npos && !text.ends_with('\'');
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if ((byte < 0x20 && c != '\t' && c != '\n') || byte == 0x7F) literal = false;
    }
    // The line break right after the opening ''' is not part of the string (TOML drops it),
    // so the text starts on a line of its own and keeps its own first line break, if any.
    if (literal) return "'''\n" + std::string(text) + "'''";
    return toml_quote(text);
}

std::string scratch_toml(const Scratch& scratch) {
    std::string out = "\n[scratch]\n";
    out += fmt::format("bytes = {}\n", scratch.bytes);
    if (scratch.truncated) out += "truncated = true\n";
    out += fmt::format("text = {}\n", toml_text_block(scratch.text));
    for (const ScratchSnapshot& snapshot : scratch.snapshots) {
        out += "\n[[scratch.snapshot]]\n";
        if (snapshot.after) out += fmt::format("after = {}\n", toml_quote(*snapshot.after));
        out += fmt::format("at_seconds = {}\n", snapshot.at_seconds);
        out += fmt::format("bytes = {}\n", snapshot.bytes);
    }
    return out;
}

namespace {

std::int64_t count(TableReader& reader, std::string_view key) {
    const auto value = reader.integer(key, Need::required);
    if (value && *value < 0) {
        reader.error(reader.where(key), fmt::format("\"{}\" must not be negative", key));
        return 0;
    }
    return value.value_or(0);
}

} // namespace

Scratch read_scratch(std::string_view path, const toml::table& table, Diagnostics& diagnostics) {
    TableReader reader(path, table, "[scratch]", {"bytes", "truncated", "text", "snapshot"},
                       diagnostics);
    Scratch scratch;
    scratch.bytes = count(reader, "bytes");
    scratch.truncated = reader.boolean("truncated", Need::optional).value_or(false);
    scratch.text = reader.string("text", Need::required).value_or("");
    for (const toml::table* item : reader.tables("snapshot", Need::optional)) {
        TableReader snapshot_reader(path, *item, "[[scratch.snapshot]]",
                                    {"after", "at_seconds", "bytes"}, diagnostics);
        ScratchSnapshot snapshot;
        snapshot.after = snapshot_reader.string("after", Need::optional);
        snapshot.at_seconds = count(snapshot_reader, "at_seconds");
        snapshot.bytes = count(snapshot_reader, "bytes");
        scratch.snapshots.push_back(std::move(snapshot));
    }
    return scratch;
}

} // namespace mockcoach::transcript
