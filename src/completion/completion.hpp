// Shell completion: a plain description of the command line (taken from the CLI11 app the
// parser uses, so nothing is kept by hand per option), what a partly typed line can go on with,
// and the thin bash, zsh and fish scripts that ask `mockcoach __complete` for it.
#pragma once

#include "util/name_table.hpp"

#include <CLI/CLI.hpp>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace mockcoach::completion {

// The kind of live value an option or a positional takes, for those whose values come from
// the user's data rather than from a fixed list.
enum class ValueKind {
    none,                // a free value: nothing to offer (a number, a date, text)
    rubric,              // a rubric id from the catalog
    question,            // a question id (ID when unique, RUBRIC/ID)
    behavioral_question, // a question of the behavioral rubric
    story,               // a story name from the sessions folder
    profile,             // a draw profile's name (shipped or the user's)
    session,             // a transcript id from the sessions folder, "latest", or a loop's id
    unfinished_loop,     // the id of a loop not finished yet (`loop --resume`)
    file,                // a path: the shell's own file completion
    directory,           // a folder: the shell's own folder completion
};

// Which options and positionals take which kind of live value: the one table of it.
struct ValueRule {
    std::string_view command; // "stories show"; "" for any command
    std::string_view name;    // "--category" (any of its names) or a positional's name ("NAME")
    ValueKind kind;
};

struct Option {
    std::vector<std::string> names; // "-c", "--category": short ones first
    std::string value_name;         // "ID"; "" for a flag
    std::string help;
    bool takes_value = false;
    bool repeatable = false;
    bool required = false;
    bool is_help = false;             // --help or --help-all
    std::vector<std::string> choices; // a fixed set (CLI::IsMember), else empty
    ValueKind kind = ValueKind::none;
    bool named(std::string_view name) const;
};

struct Positional {
    std::string name; // "NAME"
    std::string help;
    bool repeatable = false;
    bool required = false;
    std::vector<std::string> choices;
    ValueKind kind = ValueKind::none;
};

struct Command {
    std::string name; // "start"; the program's own name at the root
    std::string help;
    std::string footer; // "" when it only repeats its parent's (CLI11 passes footers down)
    std::vector<Option> options;
    std::vector<Positional> positionals;
    std::vector<Command> subcommands;
    bool fallthrough = false;      // its parent's options are accepted after it
    bool needs_subcommand = false; // one of its subcommands must follow
    const Command* find(std::string_view subcommand) const;
};

// The visible tree of a CLI11 app: hidden subcommands and options (an empty group) are left
// out, as --help leaves them out. `rules` give options and positionals their kind of value.
Command describe(CLI::App& app, std::span<const ValueRule> rules);

// --- Completing a line -------------------------------------------------------------------

struct Candidate {
    std::string value;
    std::string description; // shown by zsh and fish; may be empty
};

// What the shell should do: offer these candidates, or complete a path itself.
enum class Mode { words, files, directories };
// The first line __complete prints, which the scripts switch on.
inline constexpr auto mode_names = name_table<Mode>({
    {Mode::words, "words"},
    {Mode::files, "files"},
    {Mode::directories, "dirs"},
});

struct Completion {
    Mode mode = Mode::words;
    std::vector<Candidate> candidates;
    std::string path; // files and directories: the part of a path typed so far
};

// Values of options already typed on the line, by long name ("--sessions-dir" -> {"/tmp/s"}),
// so a live source reads the folder or the rubrics the command would read.
using SeenOptions = std::map<std::string, std::vector<std::string>, std::less<>>;

// The live values of a kind, for a word starting with `prefix` (the caller filters them by
// prefix again, so a source may return more). Throwing is allowed: it means no candidates.
using ValueSource = std::function<std::vector<Candidate>(ValueKind kind, std::string_view prefix,
                                                         const SeenOptions& seen)>;

// `words`: the line after the program's name, unquoted, the last being the word under the
// cursor (empty when it starts a new word). Candidates start with that word.
Completion complete(const Command& root, std::span<const std::string> words,
                    const ValueSource& values);

// --- Shells ------------------------------------------------------------------------------

enum class Shell { bash, zsh, fish };
inline constexpr auto shell_names = name_table<Shell>({
    {Shell::bash, "bash"},
    {Shell::zsh, "zsh"},
    {Shell::fish, "fish"},
});
inline std::optional<Shell> shell_named(std::string_view name) {
    return shell_names.parse(name);
}

// The script to source (or install) for a shell; it calls `PROGRAM __complete`.
std::string script(Shell shell, std::string_view program);

// bash hands over words as typed (quotes and backslashes kept, split again at an unquoted '='
// or ':': `--format=json` as "--format", "=", "json").
// These are the words as the program would see them, with the quote left open in the last.
struct BashWords {
    std::vector<std::string> words;
    char open_quote = 0;          // '\'' or '"' when the last word has an unclosed quote
    std::size_t replace_from = 0; // bash replaces the last word from here (after "--opt=", "a:")
};
BashWords bash_words(std::span<const std::string> typed);
// A candidate as bash should insert it in place of the last word: quoted to match its open
// quote, or with special characters escaped, and without the "--opt=" bash does not replace.
std::string bash_insert(std::string_view candidate, const BashWords& line);

// The lines `__complete` prints: the mode, then one candidate a line (bash: quoted for
// insertion; zsh and fish: "value<TAB>description").
std::string render(const Completion& completion, Shell shell, const BashWords* bash = nullptr);

} // namespace mockcoach::completion
