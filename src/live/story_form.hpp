// After a STAR rehearsal: the two-step form that saves the answer as a story (a name, then its
// themes, by number or by name) or skips. Keys in, what to do out; no terminal, so it is tested
// like the screens.
#pragma once

#include "session/script.hpp"
#include "term/terminal.hpp"

#include <string>
#include <vector>

namespace mockcoach::live {

using term::Key;

class StoryForm {
  public:
    enum class Step { name, themes };
    struct Outcome {
        enum class Kind { typing, skip, save } kind = Kind::typing;
        session::SaveStory story; // for save
    };

    // `offered`: the themes shown numbered from 1, in that order.
    explicit StoryForm(std::vector<std::string> offered) : offered_(std::move(offered)) {}

    Outcome key(const Key& key);
    // The story could not be saved under that name: back to the name, saying why.
    void refused(std::string reason);

    Step step() const { return step_; }
    const std::string& name() const { return name_; }
    const std::string& draft() const { return draft_; }
    const std::string& message() const { return message_; }
    const std::vector<std::string>& offered() const { return offered_; }

  private:
    Outcome enter();
    std::vector<std::string> offered_;
    Step step_ = Step::name;
    std::string name_;
    std::string draft_;
    std::string message_;
};

// Typing into a one-line draft: characters append, backspace drops one whole UTF-8 character.
// False for keys that are not editing.
bool edit_line(std::string& draft, const Key& key);

} // namespace mockcoach::live
