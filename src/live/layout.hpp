// Fitting a screen into the terminal's rows. Each part of a screen (a line, or a block such as
// the big clock) has a rank: when the rows cannot hold them all, the parts of the lowest rank
// are given up first, and a part ranked `always` never is. Each screen documents its order.
#pragma once

#include <cstddef>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace mockcoach::live {

using Lines = std::vector<std::string>;

// A place in the give-up order: a lower `level` is given up first and, within a level, a lower
// `order` (so the older of two typed lines can go before the newer one). Parts of the same rank
// are kept in the order they are shown.
struct Rank {
    int level = 0;
    int order = 0;
    constexpr Rank(int level_ = 0, int order_ = 0) : level(level_), order(order_) {}
    friend constexpr bool operator==(const Rank&, const Rank&) = default;
    friend constexpr auto operator<=>(const Rank&, const Rank&) = default;
};
inline constexpr Rank always{std::numeric_limits<int>::max()};

class Layout {
  public:
    using Id = std::size_t;

    // A part of the screen, shown in the order added; `instead` is shown when it is given up
    // (the one-line clock for the big one), and is never given up itself.
    Id add(Lines lines, Rank rank, Lines instead = {});
    Id add(std::string line, Rank rank) { return add(Lines{std::move(line)}, rank); }
    // A blank line, given up before anything else unless told otherwise.
    Id blank(Rank rank = 0) { return add(std::string(), rank); }
    void set_rank(Id id, Rank rank) { parts_[id].rank = rank; }
    // The rows left free go here (by default, after the last part).
    void fill_here() { fill_at_ = parts_.size(); }

    // Keeps what fits in `rows`: from the highest rank down, each part whose rows still fit,
    // so a smaller part may be kept after a bigger one was given up. A row is then left free
    // only when every part that was given up needs more rows than are free.
    void fit(std::size_t rows);
    bool kept(Id id) const { return parts_[id].kept; }
    // Whether any part was given up by fit().
    bool cut() const;
    // A part's lines, to mark a cut once fit() has decided ("…" on the last line kept).
    Lines& lines(Id id) { return parts_[id].lines; }

    // The kept parts (and `instead` for the others), with blank lines at the fill point up to
    // the rows given to fit().
    Lines render() const;

  private:
    struct Part {
        Lines lines;
        Rank rank;
        Lines instead;
        bool kept = true;
    };
    std::vector<Part> parts_;
    std::size_t fill_at_ = std::numeric_limits<std::size_t>::max();
    std::size_t rows_ = 0;
};

// A text wrapped to `width`, a part a line: the first `always_lines` never given up, the rest at
// `rest`. `first` starts the first line and `indent` the others (a hanging indent).
struct TextParts {
    std::vector<Layout::Id> ids;
};
TextParts add_text(Layout& layout, std::string_view text, std::size_t width, std::string_view first,
                   std::string_view indent, std::size_t always_lines, Rank rest);
// Once fit() has decided: when lines of `text` were given up, the last one kept shows as much
// of the rest as fits, ending in "…". Returns whether any was given up.
bool mark_cut(Layout& layout, const TextParts& text, std::size_t width);
// Once fit() has decided, for lines given up from the top (the oldest of what was typed): the
// first one kept starts with `marker` in place of its first character (an indent's space).
void mark_older_cut(Layout& layout, const std::vector<Layout::Id>& lines,
                    const std::string& marker);

} // namespace mockcoach::live
