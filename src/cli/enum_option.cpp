// The wording of a refused enum value.
#include "cli/enum_option.hpp"

#include <fmt/format.h>

namespace mockcoach::cli {

std::string or_list(const std::vector<std::string_view>& names) {
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0) out += i + 1 == names.size() ? " or " : ", ";
        out += names[i];
    }
    return out;
}

std::string refusal(std::string_view value, bool known,
                    const std::vector<std::string_view>& offered, std::string_view what,
                    std::string_view owner) {
    const std::string use = "; use " + or_list(offered);
    if (known) return fmt::format("{} does not offer {} \"{}\"{}", owner, what, value, use);
    return with_suggestion(fmt::format("unknown {} \"{}\"", what, value), value, offered, use);
}

} // namespace mockcoach::cli
