// The shell side of completion: scripts that only hand the line to `mockcoach __complete` and
// offer what it prints, and bash's quoting, which bash leaves to the completing program.
#include "completion/completion.hpp"

#include <fmt/format.h>

namespace mockcoach::completion {

std::optional<Shell> shell_named(std::string_view name) {
    if (name == "bash") return Shell::bash;
    if (name == "zsh") return Shell::zsh;
    if (name == "fish") return Shell::fish;
    return std::nullopt;
}

namespace {

// What bash's quoting leaves of `word`, and the quote left open at its end, if any.
std::string unquote(std::string_view word, char& open_quote) {
    std::string text;
    open_quote = 0;
    for (std::size_t i = 0; i < word.size(); ++i) {
        const char c = word[i];
        if (open_quote == '\'') {
            if (c == '\'')
                open_quote = 0;
            else
                text += c;
        } else if (open_quote == '"') {
            if (c == '"')
                open_quote = 0;
            else if (c == '\\' && i + 1 < word.size() &&
                     std::string_view("$`\"\\").find(word[i + 1]) != std::string_view::npos)
                text += word[++i];
            else
                text += c;
        } else if (c == '\\') {
            if (i + 1 < word.size()) text += word[++i];
        } else if (c == '\'' || c == '"') {
            open_quote = c;
        } else {
            text += c;
        }
    }
    return text;
}

std::string one_line(std::string_view text, std::size_t limit = 72) {
    std::string line;
    for (char c : text) {
        if (c == '\n') break;
        line += c == '\t' ? ' ' : c;
    }
    if (line.size() > limit) {
        std::size_t cut = limit - 3;
        while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
        line = line.substr(0, cut) + "...";
    }
    return line;
}

std::string_view mode_name(Mode mode) {
    switch (mode) {
    case Mode::files:
        return "files";
    case Mode::directories:
        return "dirs";
    default:
        return "words";
    }
}

} // namespace

BashWords bash_words(std::span<const std::string> typed) {
    // bash splits words again at the unquoted characters of COMP_WORDBREAKS: `--format=json`
    // arrives as "--format", "=", "json" and `Led:x` as "Led", ":", "x". They are joined
    // again, each piece unquoted on its own; bash replaces only what follows the last break.
    BashWords line;
    char open = 0;
    std::size_t break_end = 0;
    for (std::size_t i = 0; i < typed.size(); ++i) {
        const bool joins =
            !line.words.empty() &&
            (typed[i] == ":" || (typed[i] == "=" && line.words.back().starts_with("--") &&
                                 line.words.back().find('=') == std::string::npos));
        if (!joins) {
            line.words.push_back(unquote(typed[i], open));
            break_end = 0;
            continue;
        }
        line.words.back() += typed[i];
        break_end = line.words.back().size();
        open = 0;
        if (i + 1 < typed.size() && typed[i + 1] != ":" && typed[i + 1] != "=")
            line.words.back() += unquote(typed[++i], open);
    }
    line.open_quote = open;
    line.replace_from = break_end;
    return line;
}

std::string bash_insert(std::string_view candidate, const BashWords& line) {
    const std::string_view text = candidate.substr(std::min(line.replace_from, candidate.size()));
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (line.open_quote == '\'') {
            out += c == '\'' ? std::string("'\\''") : std::string(1, c);
        } else if (line.open_quote == '"') {
            if (std::string_view("$`\"\\").find(c) != std::string_view::npos) out += '\\';
            out += c;
        } else {
            // ':' and '=' too: unescaped, bash would split the word there on the next Tab.
            const bool special =
                std::string_view(" \t'\"\\$`&|;<>()*?[]{}!:=").find(c) != std::string_view::npos ||
                (i == 0 && (c == '~' || c == '#'));
            if (special) out += '\\';
            out += c;
        }
    }
    return out;
}

std::string render(const Completion& completion, Shell shell, const BashWords* bash) {
    std::string out = fmt::format("{}\n", mode_name(completion.mode));
    if (completion.mode != Mode::words) return out + completion.path + "\n";
    for (const Candidate& candidate : completion.candidates) {
        if (candidate.value.find('\n') != std::string::npos) continue;
        if (shell == Shell::bash) {
            out += (bash ? bash_insert(candidate.value, *bash) : candidate.value) + "\n";
            continue;
        }
        out += candidate.value;
        if (!candidate.description.empty()) out += "\t" + one_line(candidate.description);
        out += "\n";
    }
    return out;
}

// The scripts only ask `PROGRAM __complete SHELL -- WORDS...` and offer what it prints (a mode
// line, then candidates): the commands, options and values all come from the program itself.
std::string script(Shell shell, std::string_view program) {
    switch (shell) {
    case Shell::bash:
        return fmt::format(
            R"(# bash completion for {0}. Generated by `{0} completion bash`: the candidates come from
# `{0} __complete`, which knows the program's own commands, options, rubrics and stories.
_{0}() {{
    local program=${{COMP_WORDS[0]}}
    [[ $program == "~/"* ]] && program=$HOME/${{program#"~/"}}
    local -a lines
    mapfile -t lines < <(command "$program" __complete bash -- "${{COMP_WORDS[@]:1:COMP_CWORD}}" 2>/dev/null)
    COMPREPLY=()
    case ${{lines[0]-}} in
    files) compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -f -- "${{lines[1]-}}") ;;
    dirs) compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -d -- "${{lines[1]-}}") ;;
    words) COMPREPLY=("${{lines[@]:1}}") ;;
    esac
    return 0
}}
complete -F _{0} {0}
)",
            program);
    case Shell::zsh:
        return fmt::format(
            R"(#compdef {0}
# zsh completion for {0}. Generated by `{0} completion zsh`: the candidates come from
# `{0} __complete`, which knows the program's own commands, options, rubrics and stories.
_{0}() {{
    local -a lines specs
    local line
    lines=("${{(@f)$(command ${{~words[1]}} __complete zsh -- "${{(@Q)words[2,CURRENT-1]}}" "${{(Q)PREFIX}}" 2>/dev/null)}}")
    case ${{lines[1]}} in
    files) compset -P '--*='; _files; return ;;
    dirs) compset -P '--*='; _files -/; return ;;
    words) ;;
    *) return 1 ;;
    esac
    for line in "${{(@)lines[2,-1]}}"; do
        [[ -n $line ]] || continue
        if [[ $line == *$'\t'* ]]; then
            specs+=("${{${{line%%$'\t'*}}//:/\\:}}:${{line#*$'\t'}}")
        else
            specs+=("${{line//:/\\:}}")
        fi
    done
    (( ${{#specs}} )) && _describe -t values '{0}' specs
}}
# Autoloaded from _{0} (fpath), this file is the function's body: run it. Sourced: register it.
if [[ ${{funcstack[1]-}} == _{0} ]]; then
    _{0} "$@"
else
    compdef _{0} {0}
fi
)",
            program);
    case Shell::fish:
        return fmt::format(
            R"(# fish completion for {0}. Generated by `{0} completion fish`: the candidates come from
# `{0} __complete`, which knows the program's own commands, options, rubrics and stories.
function __{0}_complete
    set -l tokens (commandline -opc)
    # The word under the cursor as typed, quotes and all ("Led: the): unquoted for the program.
    set -l current (commandline -ct | string unescape)
    set -l lines (command $tokens[1] __complete fish -- $tokens[2..-1] "$current" 2>/dev/null)
    # A path after --out= is completed on its own and keeps the option in front.
    set -l option (string match -r -- '^--[^=]*=' "$current")
    set -l path (string replace -r -- '^--[^=]*=' '' "$current")
    switch "$lines[1]"
        case files
            __fish_complete_path "$path" | string replace -r -- '^' "$option"
        case dirs
            __fish_complete_directories "$path" | string replace -r -- '^' "$option"
        case words
            printf '%s\n' $lines[2..-1]
    end
end
complete -c {0} -f -a '(__{0}_complete)'
)",
            program);
    }
    return {};
}

} // namespace mockcoach::completion
