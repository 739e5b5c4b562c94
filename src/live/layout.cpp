// The give-up order of a screen's parts, applied greedily from the most important down.
#include "live/layout.hpp"

#include "util/text.hpp"

#include <algorithm>
#include <numeric>

namespace mockcoach::live {

Layout::Id Layout::add(Lines lines, Rank rank, Lines instead) {
    parts_.push_back({std::move(lines), rank, std::move(instead)});
    return parts_.size() - 1;
}

void Layout::fit(std::size_t rows) {
    rows_ = rows;
    std::size_t used = 0;
    for (Part& part : parts_) {
        part.kept = part.rank == always;
        used += part.kept ? part.lines.size() : part.instead.size();
    }
    std::vector<std::size_t> order(parts_.size());
    std::iota(order.begin(), order.end(), 0);
    // Highest rank first; within a rank, the order shown.
    std::stable_sort(order.begin(), order.end(), [this](std::size_t a, std::size_t b) {
        return parts_[a].rank > parts_[b].rank;
    });
    for (const std::size_t i : order) {
        Part& part = parts_[i];
        if (part.kept) continue;
        const std::size_t more =
            part.lines.size() > part.instead.size() ? part.lines.size() - part.instead.size() : 0;
        if (used + more > rows) continue;
        part.kept = true;
        used += more;
    }
}

bool Layout::cut() const {
    return std::any_of(parts_.begin(), parts_.end(), [](const Part& part) { return !part.kept; });
}

Lines Layout::render() const {
    Lines out;
    std::size_t fill_index = out.size();
    bool filled = false;
    for (std::size_t i = 0; i < parts_.size(); ++i) {
        if (i == fill_at_) fill_index = out.size(), filled = true;
        const Lines& shown = parts_[i].kept ? parts_[i].lines : parts_[i].instead;
        out.insert(out.end(), shown.begin(), shown.end());
    }
    if (!filled) fill_index = out.size();
    if (out.size() < rows_)
        out.insert(out.begin() + static_cast<long>(fill_index), rows_ - out.size(), std::string());
    return out;
}

TextParts add_text(Layout& layout, std::string_view text, std::size_t width, std::string_view first,
                   std::string_view indent, std::size_t always_lines, Rank rest) {
    const auto room = [width](std::string_view margin) {
        const std::size_t used = display_width(margin);
        return width > used + 8 ? width - used : 8;
    };
    // The first line beside `first`, then the rest of the text beside `indent`: each as wide
    // as its margin lets it be.
    Lines lines = wrap(text, room(first));
    if (lines.size() > 1 && display_width(first) != display_width(indent)) {
        // Where the first line ends in `text` (wrap() drops the spaces it breaks at).
        std::size_t at = 0;
        for (std::size_t matched = 0; matched < lines[0].size() && at < text.size(); ++at)
            if (text[at] == lines[0][matched]) ++matched;
        while (at < text.size() && text[at] == ' ') ++at;
        Lines others = wrap(text.substr(at), room(indent));
        lines.resize(1);
        lines.insert(lines.end(), others.begin(), others.end());
    }
    TextParts parts;
    for (std::size_t i = 0; i < lines.size(); ++i)
        parts.ids.push_back(layout.add(std::string(i == 0 ? first : indent) + lines[i],
                                       i < always_lines ? always : rest));
    return parts;
}

bool mark_cut(Layout& layout, const TextParts& text, std::size_t width) {
    std::size_t kept = 0;
    while (kept < text.ids.size() && layout.kept(text.ids[kept])) ++kept;
    if (kept == text.ids.size() || kept == 0) return kept < text.ids.size();
    // The next line did not fit on this one when wrapped, so the two together are cut.
    std::string& last = layout.lines(text.ids[kept - 1]).back();
    std::string next = layout.lines(text.ids[kept]).back();
    next.erase(0, next.find_first_not_of(' '));
    last = truncate_to(last + " " + next, width);
    return true;
}

void mark_older_cut(Layout& layout, const std::vector<Layout::Id>& lines,
                    const std::string& marker) {
    for (std::size_t i = 0; i + 1 < lines.size(); ++i)
        if (!layout.kept(lines[i]) && layout.kept(lines[i + 1])) {
            std::string& line = layout.lines(lines[i + 1]).front();
            line = marker + line.substr(1);
            return;
        }
}

} // namespace mockcoach::live
