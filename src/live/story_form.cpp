// The save-as-story form's keys.
#include "live/story_form.hpp"

#include "stories/stories.hpp"

#include <fmt/format.h>

namespace mockcoach::live {

bool edit_line(std::string& draft, const Key& key) {
    if (key.type == Key::Type::character) {
        draft += key.text;
    } else if (key.type == Key::Type::backspace) {
        std::size_t size = draft.size(); // drop one whole UTF-8 character
        while (size > 0 && (static_cast<unsigned char>(draft[size - 1]) & 0xC0) == 0x80) --size;
        draft.resize(size > 0 ? size - 1 : 0);
    } else {
        return false;
    }
    return true;
}

StoryForm::Outcome StoryForm::key(const Key& key) {
    const bool leave = key.type == Key::Type::escape || key.type == Key::Type::ctrl_c;
    if (leave && step_ == Step::themes) { // back to the name
        step_ = Step::name;
        draft_ = name_;
        message_.clear();
        return {};
    }
    if (leave) return {Outcome::Kind::skip, {}};
    if (key.type == Key::Type::enter) return enter();
    if (edit_line(draft_, key)) message_.clear();
    return {};
}

StoryForm::Outcome StoryForm::enter() {
    if (step_ == Step::name) {
        if (std::string problem = stories::check_name(draft_); !problem.empty()) {
            message_ = std::move(problem);
            return {};
        }
        name_ = stories::trim_name(draft_);
        step_ = Step::themes;
        draft_.clear();
        message_.clear();
        return {};
    }
    // Themes by number from the list shown, or by name; both may be mixed: "1, 3, on-call".
    std::string named;
    std::size_t start = 0;
    while (start <= draft_.size()) {
        std::size_t end = draft_.find(',', start);
        if (end == std::string::npos) end = draft_.size();
        std::string item = stories::trim_name(std::string_view(draft_).substr(start, end - start));
        start = end + 1;
        const bool number = !item.empty() && item.size() <= 3 &&
                            item.find_first_not_of("0123456789") == std::string::npos;
        if (number) {
            const std::size_t index = std::stoul(item);
            if (index < 1 || index > offered_.size()) {
                message_ = fmt::format("{} is not on the list (1 to {})", item, offered_.size());
                return {};
            }
            item = offered_[index - 1];
        }
        named += (named.empty() ? "" : ",") + item;
    }
    stories::Themes themes = stories::parse_themes(named);
    if (!themes.error.empty()) {
        message_ = std::move(themes.error);
        return {};
    }
    return {Outcome::Kind::save, {name_, std::move(themes.themes)}};
}

void StoryForm::refused(std::string reason) {
    step_ = Step::name;
    draft_ = name_;
    message_ = std::move(reason);
}

} // namespace mockcoach::live
