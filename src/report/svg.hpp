// The few SVG pieces the charts are drawn with: scales, round-number and date ticks, axes, and
// an accessible <svg> element. Styling is by class, from the page's one stylesheet.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mockcoach::report::svg {

// A linear map from data values to pixels.
struct Scale {
    double from_low = 0;
    double from_high = 1;
    double to_low = 0;
    double to_high = 1;
    double operator()(double value) const;
};

struct Tick {
    double value = 0;
    std::string label;
};

// Ticks at round numbers (steps of 1, 2 or 5 times a power of ten) from `low` to `high`, at
// most `most` of them, each labelled with `suffix` ("%", " min").
std::vector<Tick> number_ticks(double low, double high, std::size_t most,
                               std::string_view suffix = "");

// Ticks from 0 to `high_seconds` at round numbers of seconds (5 s, 10 s, 15 s, 30 s, 1 min,
// 2 min, …), at most `most` of them, labelled "mm:ss": a short budget in minutes would read
// "0.0 / 0.5 / 1.0 min".
std::vector<Tick> clock_ticks(double high_seconds, std::size_t most);

// Ticks at day, week, month or year starts (whichever is finest with at most `most` ticks)
// between two local_seconds values.
std::vector<Tick> date_ticks(std::int64_t low, std::int64_t high, std::size_t most);

// The whole days around [low, high], at least `min_days` wide: a time axis's domain.
std::pair<std::int64_t, std::int64_t> day_domain(std::int64_t low, std::int64_t high,
                                                 std::int64_t min_days = 1);

enum class Anchor { start, middle, end };

// One chart: <svg role="img"> labelled by its own <title> and <desc>, so a screen reader
// announces it as one image with a description; the page adds the numbers as a table.
class Chart {
  public:
    // `id` must be unique in the page: it prefixes the title's, the description's and any
    // pattern's id.
    Chart(std::string id, double width, double height, std::string_view title,
          std::string_view description);

    const std::string& id() const { return id_; }

    // Diagonal stripes of `stripe_class` on `ground_class`, usable as fill="url(#ID-NAME)":
    // a texture tells series apart where colour alone would not (greyscale print, colour
    // blindness).
    std::string hatch(std::string_view name, std::string_view ground_colour,
                      std::string_view stripe_colour);

    void line(double x1, double y1, double x2, double y2, std::string_view css_class);
    void rect(double x, double y, double width, double height, std::string_view css_class,
              std::string_view fill = {});
    void circle(double x, double y, double radius, std::string_view css_class);
    void polyline(const std::vector<std::pair<double, double>>& points, std::string_view css_class);
    // `text` is escaped here.
    void text(double x, double y, std::string_view text, std::string_view css_class,
              Anchor anchor = Anchor::start);
    // Lines of text one under the other, the first's baseline at `y`: one <text> of <tspan>s,
    // so that a screen reader and a copy take it as the one label it is.
    void text_lines(double x, double y, const std::vector<std::string>& lines, double line_height,
                    std::string_view css_class, Anchor anchor = Anchor::start);
    // Lines centred on the baseline `y` a single line would have (a row's label beside its bar):
    // one line as plain text, more moved up by half their extra height.
    void centred_lines(double x, double y, const std::vector<std::string>& lines,
                       double line_height, std::string_view css_class, Anchor anchor);
    // A tooltip for the element drawn last: wraps it in a <g> with its own <title>.
    void tooltip(std::string_view text);

    // Grid lines across [x_left, x_right] at each tick, labels at the left, and `label` (the
    // quantity and its unit) rotated along the axis.
    void y_axis(const Scale& y, const std::vector<Tick>& ticks, double x_left, double x_right,
                std::string_view label);
    // Tick marks and labels below y_bottom, and `label` centred under them.
    void x_axis(const Scale& x, const std::vector<Tick>& ticks, double y_bottom,
                std::string_view label);

    std::string finish() const;

  private:
    std::string id_;
    double width_;
    double height_;
    std::string head_; // <title>, <desc>, <defs>
    std::string body_;
    std::size_t last_element_ = 0; // where the last element starts in body_, for tooltip()
};

} // namespace mockcoach::report::svg
