// What a partly typed command line can go on with: the line is walked as the parser would walk
// it (subcommands, options and whether they take a value, positionals, `--`), then the word
// under the cursor is completed from the command it stands in.
#include "completion/completion.hpp"

#include <algorithm>
#include <set>
#include <unordered_set>

namespace mockcoach::completion {
namespace {

struct Walk {
    std::vector<const Command*> chain; // the program, then each subcommand typed
    SeenOptions seen;
    std::set<const Option*> given;
    std::size_t positional = 0; // positionals of the current command filled so far
    bool only_positionals = false;
    const Option* expecting = nullptr; // the option whose value comes next

    const Command& current() const { return *chain.back(); }

    // The options accepted here: the command's own, then its parents' while they fall through.
    std::vector<const Option*> options() const {
        std::vector<const Option*> all;
        for (std::size_t level = chain.size(); level-- > 0;) {
            for (const Option& option : chain[level]->options) all.push_back(&option);
            if (!chain[level]->fallthrough) break;
        }
        return all;
    }

    const Option* option(std::string_view name) const {
        for (const Option* option : options())
            if (option->named(name)) return option;
        return nullptr;
    }

    const Positional* next_positional() const {
        const auto& positionals = current().positionals;
        if (positionals.empty()) return nullptr;
        if (positional < positionals.size()) return &positionals[positional];
        return positionals.back().repeatable ? &positionals.back() : nullptr;
    }

    void record(const Option& option, std::string value) {
        seen[option.names.back()].push_back(std::move(value));
    }

    void take_positional() {
        if (positional < current().positionals.size()) ++positional;
    }

    // One word before the cursor.
    void step(const std::string& word) {
        if (expecting) {
            record(*expecting, word);
            expecting = nullptr;
        } else if (only_positionals) {
            take_positional();
        } else if (word == "--") {
            only_positionals = true;
        } else if (word.starts_with("--")) {
            const auto equals = word.find('=');
            const Option* found = option(std::string_view(word).substr(0, equals));
            if (!found) return;
            given.insert(found);
            if (!found->takes_value) return;
            if (equals == std::string::npos)
                expecting = found;
            else
                record(*found, word.substr(equals + 1));
        } else if (word.size() > 1 && word[0] == '-') {
            // -yq VALUE, -qVALUE: flags run together, the first option with a value ends it.
            for (std::size_t i = 1; i < word.size(); ++i) {
                const Option* found = option(std::string{'-', word[i]});
                if (!found) return;
                given.insert(found);
                if (!found->takes_value) continue;
                if (i + 1 == word.size())
                    expecting = found;
                else
                    record(*found, word.substr(i + 1));
                return;
            }
        } else if (const Command* sub = current().find(word)) {
            chain.push_back(sub);
            positional = 0;
            given.clear();
        } else {
            take_positional();
        }
    }
};

bool starts_with(std::string_view text, std::string_view prefix) {
    return text.substr(0, prefix.size()) == prefix;
}

// The candidates offered so far, each value once: a set beside the list, so that a bank of
// thousands of questions is not compared pair by pair.
struct Offer {
    Completion& completion;
    std::unordered_set<std::string> values;

    void add(std::string value, std::string description, std::string_view prefix) {
        if (!starts_with(value, prefix) || !values.insert(value).second) return;
        completion.candidates.push_back({std::move(value), std::move(description)});
    }
};

// The values a word may take: a fixed set, the shell's paths, or live values from the source.
void add_values(Offer& offer, ValueKind kind, const std::vector<std::string>& choices,
                std::string_view prefix, std::string_view before, const Walk& walk,
                const ValueSource& values) {
    Completion& completion = offer.completion;
    const std::string typed = std::string(before) + std::string(prefix);
    for (const std::string& choice : choices) offer.add(std::string(before) + choice, "", typed);
    if (!choices.empty()) return;
    switch (kind) {
    case ValueKind::none:
        return;
    case ValueKind::file:
        completion.mode = Mode::files;
        completion.path = prefix;
        return;
    case ValueKind::directory:
        completion.mode = Mode::directories;
        completion.path = prefix;
        return;
    default:
        break;
    }
    if (!values) return;
    std::vector<Candidate> live;
    try {
        live = values(kind, prefix, walk.seen);
    } catch (...) {
        return; // completing never fails loudly: nothing to offer is the answer
    }
    for (Candidate& candidate : live)
        offer.add(before.empty() ? std::move(candidate.value)
                                 : std::string(before) + candidate.value,
                  std::move(candidate.description), typed);
}

// Long names, and short ones only once a lone "-" asks for them (or an option has no other).
void add_options(Offer& offer, const Walk& walk, std::string_view prefix) {
    for (const Option* option : walk.options()) {
        if (walk.given.contains(option) && !option->repeatable) continue;
        const bool has_long = option->names.back().starts_with("--");
        for (const std::string& name : option->names) {
            if (prefix != "-" && has_long && !name.starts_with("--")) continue;
            offer.add(name, option->help, prefix);
        }
    }
}

} // namespace

Completion complete(const Command& root, std::span<const std::string> words,
                    const ValueSource& values) {
    Walk walk;
    walk.chain.push_back(&root);
    if (words.empty()) words = std::span<const std::string>{};
    for (std::size_t i = 0; i + 1 < words.size(); ++i) walk.step(words[i]);
    const std::string word = words.empty() ? std::string() : words.back();

    Completion completion;
    Offer offer{completion, {}};
    if (walk.expecting) {
        add_values(offer, walk.expecting->kind, walk.expecting->choices, word, "", walk, values);
        return completion;
    }
    if (!walk.only_positionals && word.starts_with("-")) {
        const auto equals = word.find('=');
        if (word.starts_with("--") && equals != std::string::npos) {
            const Option* option = walk.option(std::string_view(word).substr(0, equals));
            if (option && option->takes_value)
                add_values(offer, option->kind, option->choices, word.substr(equals + 1),
                           word.substr(0, equals + 1), walk, values);
            return completion;
        }
        add_options(offer, walk, word);
        return completion;
    }
    const Command& command = walk.current();
    if (!walk.only_positionals && walk.positional == 0)
        for (const Command& sub : command.subcommands) offer.add(sub.name, sub.help, word);
    const Positional* positional =
        walk.only_positionals || command.subcommands.empty() || walk.positional > 0
            ? walk.next_positional()
            : nullptr;
    if (positional)
        add_values(offer, positional->kind, positional->choices, word, "", walk, values);
    // A command with nothing to type but options (`start`) offers its options on an empty word.
    const bool nothing_else = command.subcommands.empty() && completion.candidates.empty() &&
                              completion.mode == Mode::words &&
                              (!positional || positional->kind == ValueKind::none);
    if (nothing_else && word.empty() && !walk.only_positionals) add_options(offer, walk, "");
    return completion;
}

} // namespace mockcoach::completion
