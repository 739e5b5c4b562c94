// The give-up order of a screen's parts, applied greedily from the most important down.
#include "live/layout.hpp"

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

} // namespace mockcoach::live
