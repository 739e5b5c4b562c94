// mockcoach(1) from the command tree: NAME, SYNOPSIS, DESCRIPTION, OPTIONS and a COMMANDS
// section with every subcommand, its positionals, options, help text and examples.
#include "manual/manual.hpp"
#include "manual/sections.hpp"

#include <fmt/format.h>

namespace mockcoach::manual {
namespace {

// The next UTF-8 code point of `text` at `at`, advancing `at`; U+FFFD for a broken sequence.
char32_t next_code_point(std::string_view text, std::size_t& at) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char first = byte(at);
    const std::size_t length = first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : first >= 0xC0 ? 2 : 1;
    if (length == 1 || at + length > text.size()) {
        ++at;
        return first < 0x80 ? first : 0xFFFD;
    }
    char32_t code = first & (0x3F >> (length - 1));
    for (std::size_t i = 1; i < length; ++i) {
        if ((byte(at + i) & 0xC0) != 0x80) {
            ++at;
            return 0xFFFD;
        }
        code = (code << 6) | (byte(at + i) & 0x3F);
    }
    at += length;
    return code;
}

std::string bold(std::string_view text) {
    return "\\fB" + roff_escape(text) + "\\fR";
}
std::string italic(std::string_view text) {
    return "\\fI" + roff_escape(text) + "\\fR";
}

// Help text as filled roff paragraphs: a blank line starts a new paragraph.
std::string paragraphs(std::string_view text) {
    std::string out;
    std::size_t start = 0;
    bool blank = true;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(start, end - start);
        while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
        if (line.empty()) {
            blank = true;
        } else {
            if (blank && !out.empty()) out += ".PP\n";
            blank = false;
            out += roff_escape(line) + "\n";
        }
        start = end + 1;
    }
    return out;
}

// Text whose lines and indents matter (footers: examples, keys, script commands), unfilled.
std::string verbatim(std::string_view text) {
    std::string out = ".PP\n.nf\n";
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view line = text.substr(start, end - start);
        out += line.empty() ? std::string(".sp") : roff_escape(line);
        out += "\n";
        start = end + 1;
    }
    return out + ".fi\n";
}

std::string option_tag(const completion::Option& option) {
    std::string tag;
    for (const std::string& name : option.names) tag += (tag.empty() ? "" : ", ") + bold(name);
    if (option.takes_value)
        tag += " " + italic(option.value_name.empty() ? "VALUE" : option.value_name);
    return tag;
}

std::string option_help(std::string_view help, const std::vector<std::string>& choices,
                        bool repeatable) {
    std::string text = roff_escape(help);
    if (!text.empty() && text.back() != '.') text += '.';
    if (!choices.empty()) {
        text += " One of:";
        for (std::size_t i = 0; i < choices.size(); ++i)
            text += (i == 0 ? " " : ", ") + bold(choices[i]);
        text += '.';
    }
    if (repeatable && help.find("repeatable") == std::string_view::npos) text += " Repeatable.";
    return text + "\n";
}

// Every command takes -h, --help: said once, under OPTIONS, rather than in each command.
std::string options_list(const completion::Command& command, bool with_help) {
    std::string out;
    for (const completion::Positional& positional : command.positionals)
        out += ".TP\n" + italic(positional.name) + "\n" +
               option_help(positional.help, positional.choices, positional.repeatable);
    for (const completion::Option& option : command.options) {
        if (option.is_help && !with_help) continue;
        out += ".TP\n" + option_tag(option) + "\n" +
               option_help(option.help, option.choices, option.repeatable);
    }
    return out;
}

std::string synopsis_of(const completion::Command& command, const std::string& path) {
    std::string line = bold(path);
    if (!command.options.empty()) line += " [" + italic("OPTIONS") + "]";
    for (const completion::Positional& positional : command.positionals) {
        std::string name = italic(positional.name) + (positional.repeatable ? "..." : "");
        line += " " + (positional.required ? name : "[" + name + "]");
    }
    if (!command.subcommands.empty())
        line +=
            " " + (command.needs_subcommand ? italic("COMMAND") : "[" + italic("COMMAND") + "]");
    return line;
}

// The synopsis without fonts, for a section heading (which is bold already).
std::string heading_of(const completion::Command& command, const std::string& path) {
    std::string line = roff_escape(path);
    for (const completion::Positional& positional : command.positionals) {
        const std::string name =
            roff_escape(positional.name) + (positional.repeatable ? "..." : "");
        line += " " + (positional.required ? name : "[" + name + "]");
    }
    if (!command.subcommands.empty()) line += command.needs_subcommand ? " COMMAND" : " [COMMAND]";
    return line;
}

void command_section(const completion::Command& command, const std::string& path,
                     std::string& out) {
    out += ".SS " + heading_of(command, path) + "\n" + paragraphs(command.help);
    if (!command.subcommands.empty()) {
        out += ".PP\nCommands:\n";
        for (const completion::Command& sub : command.subcommands)
            out += ".TP\n" + bold(sub.name) + "\n" + roff_escape(sub.help) + "\n";
    }
    out += options_list(command, false);
    if (!command.footer.empty()) out += verbatim(command.footer);
    for (const completion::Command& sub : command.subcommands)
        command_section(sub, path + " " + sub.name, out);
}

} // namespace

std::string roff_escape(std::string_view text) {
    std::string out;
    std::size_t at = 0;
    while (at < text.size()) {
        const char c = text[at];
        if (static_cast<unsigned char>(c) >= 0x80) {
            out +=
                fmt::format("\\[u{:04X}]", static_cast<std::uint32_t>(next_code_point(text, at)));
            continue;
        }
        ++at;
        if (c == '\\')
            out += "\\e";
        else if (c == '-')
            out += "\\-";
        else if ((c == '.' || c == '\'') && (out.empty() || out.back() == '\n'))
            out += std::string("\\&") + c;
        else if (c == '\t')
            out += ' ';
        else
            out += c;
    }
    return out;
}

std::string render_page(const completion::Command& root, std::string_view version) {
    const std::string program = root.name;
    std::string upper = program;
    for (char& c : upper) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    std::string out;
    out += fmt::format(".\\\" {}({}) generated by `{} __manpage` from its own command line.\n",
                       program, 1, program);
    out += fmt::format(".TH {} 1 \"\" \"{} {}\" \"User Commands\"\n", upper, program,
                       roff_escape(version));
    out += ".nh\n.ad l\n"; // no hyphenation, ragged right: option names stay whole
    // The first line of the program's help is its one-line summary.
    std::string_view summary = std::string_view(root.help).substr(0, root.help.find('\n'));
    if (const auto colon = summary.find(": "); colon != std::string_view::npos)
        summary.remove_prefix(colon + 2);
    if (summary.ends_with('.')) summary.remove_suffix(1);
    out += ".SH NAME\n" + roff_escape(program) + " \\- " + roff_escape(summary) + "\n";

    out += ".SH SYNOPSIS\n";
    for (const completion::Command& command : root.subcommands) {
        out += ".br\n" + synopsis_of(command, program + " " + command.name) + "\n";
    }
    out += ".br\n" + bold(program) + " " + bold("--help") + " | " + bold("--help-all") + " | " +
           bold("--version") + "\n";

    out += ".SH DESCRIPTION\n";
    const auto first_break = root.help.find('\n');
    const std::string_view rest = first_break == std::string::npos
                                      ? std::string_view()
                                      : std::string_view(root.help).substr(first_break + 1);
    out += paragraphs(rest.empty() ? root.help : rest);
    out += description_section();

    out += ".SH OPTIONS\nThese apply to every command, before or after its name; every command "
           "also takes "
           "\\fB\\-h\\fR, \\fB\\-\\-help\\fR.\n";
    out += options_list(root, true);

    out += ".SH COMMANDS\n";
    for (const completion::Command& command : root.subcommands)
        command_section(command, program + " " + command.name, out);
    out += trailing_sections();
    return out;
}

} // namespace mockcoach::manual
