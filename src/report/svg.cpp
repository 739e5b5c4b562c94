// Scales, ticks, axes and the <svg> element itself.
#include "report/svg.hpp"

#include "report/html.hpp"
#include "util/text.hpp"
#include "util/wall_time.hpp"

#include <array>
#include <cmath>
#include <fmt/format.h>

namespace mockcoach::report::svg {

double Scale::operator()(double value) const {
    if (from_high == from_low) return (to_low + to_high) / 2;
    return to_low + (value - from_low) / (from_high - from_low) * (to_high - to_low);
}

std::vector<Tick> number_ticks(double low, double high, std::size_t most, std::string_view suffix) {
    std::vector<Tick> ticks;
    if (!(high > low) || most < 2) return ticks;
    const double rough = (high - low) / static_cast<double>(most - 1);
    const double power = std::pow(10.0, std::floor(std::log10(rough)));
    double step = power * 10;
    for (double factor : {1.0, 2.0, 5.0, 10.0})
        if (factor * power >= rough) {
            step = factor * power;
            break;
        }
    const int decimals = step >= 1 ? 0 : static_cast<int>(std::ceil(-std::log10(step)));
    for (double value = std::ceil(low / step) * step; value <= high + step * 1e-9; value += step)
        ticks.push_back({value, fmt::format("{:.{}f}{}", value, decimals, suffix)});
    return ticks;
}

std::vector<Tick> clock_ticks(double high_seconds, std::size_t most) {
    std::vector<Tick> ticks;
    if (!(high_seconds > 0) || most < 2) return ticks;
    // Steps a clock face reads easily; past an hour, whole hours.
    constexpr std::array<double, 12> steps = {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 1200, 3600};
    double step = 3600 * std::ceil(high_seconds / 3600 / static_cast<double>(most - 1));
    for (const double candidate : steps)
        if (high_seconds / candidate <= static_cast<double>(most - 1)) {
            step = candidate;
            break;
        }
    for (double value = 0; value <= high_seconds + step * 1e-9; value += step)
        ticks.push_back({value, format_clock(std::llround(value))});
    return ticks;
}

namespace {

constexpr std::int64_t day_seconds = 86400;
constexpr std::array<const char*, 12> month_names = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

// Ticks every `days` days; weeks start on Mondays (1970-01-05 was one).
std::vector<Tick> day_ticks(std::int64_t first, std::int64_t last, std::int64_t days) {
    std::vector<Tick> ticks;
    std::int64_t day = first;
    if (days == 7) day += ((4 - first) % 7 + 7) % 7;
    for (; day <= last; day += days) {
        const Date date = civil_from_days(day);
        ticks.push_back({static_cast<double>(day * day_seconds),
                         fmt::format("{} {}", date.day, month_names[date.month - 1])});
    }
    return ticks;
}

// Ticks at the first day of every `months`-th month (counted from January of year 0, so steps
// of 3, 6 and 12 fall on quarters, halves and years).
std::vector<Tick> month_ticks(std::int64_t first, std::int64_t last, int months) {
    std::vector<Tick> ticks;
    const Date start = civil_from_days(first);
    std::int64_t index = std::int64_t{start.year} * 12 + start.month - 1;
    if (start.day != 1) ++index;
    index += (months - index % months) % months;
    for (;; index += months) {
        const auto year = static_cast<int>(index / 12);
        const auto month = static_cast<int>(index % 12) + 1;
        const std::int64_t day = days_from_civil(year, month, 1);
        if (day > last) break;
        ticks.push_back({static_cast<double>(day * day_seconds),
                         months % 12 == 0 ? fmt::format("{}", year)
                                          : fmt::format("{} {}", month_names[month - 1], year)});
    }
    return ticks;
}

} // namespace

std::vector<Tick> date_ticks(std::int64_t low, std::int64_t high, std::size_t most) {
    const std::int64_t first = floor_div(low + day_seconds - 1, day_seconds); // first whole day
    const std::int64_t last = floor_div(high, day_seconds);
    for (std::int64_t days : {1, 2, 7, 14}) {
        auto ticks = day_ticks(first, last, days);
        if (ticks.size() <= most) return ticks;
    }
    for (int months : {1, 2, 3, 6, 12, 24, 60, 120}) {
        auto ticks = month_ticks(first, last, months);
        if (ticks.size() <= most) return ticks;
    }
    return {};
}

std::pair<std::int64_t, std::int64_t> day_domain(std::int64_t low, std::int64_t high,
                                                 std::int64_t min_days) {
    std::int64_t first = floor_div(low, day_seconds);
    std::int64_t last = floor_div(high, day_seconds) + 1;
    while (last - first < min_days) {
        --first;
        if (last - first < min_days) ++last;
    }
    return {first * day_seconds, last * day_seconds};
}

Chart::Chart(std::string id, double width, double height, std::string_view title,
             std::string_view description)
    : id_(std::move(id)), width_(width), height_(height) {
    head_ = fmt::format("<title id=\"{0}-title\">{1}</title>\n<desc id=\"{0}-desc\">{2}</desc>\n",
                        id_, escape(title), escape(description));
}

std::string Chart::hatch(std::string_view name, std::string_view ground_colour,
                         std::string_view stripe_colour) {
    const std::string pattern_id = fmt::format("{}-{}", id_, name);
    head_ += fmt::format(
        "<defs><pattern id=\"{}\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
        "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"{}\"/>"
        "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"{}\" stroke-width=\"3\"/>"
        "</pattern></defs>\n",
        pattern_id, ground_colour, stripe_colour);
    return fmt::format("url(#{})", pattern_id);
}

void Chart::line(double x1, double y1, double x2, double y2, std::string_view css_class) {
    last_element_ = body_.size();
    body_ += fmt::format("<line class=\"{}\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>\n",
                         css_class, coordinate(x1), coordinate(y1), coordinate(x2), coordinate(y2));
}

void Chart::rect(double x, double y, double width, double height, std::string_view css_class,
                 std::string_view fill) {
    last_element_ = body_.size();
    body_ += fmt::format("<rect class=\"{}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"",
                         css_class, coordinate(x), coordinate(y), coordinate(std::max(0.0, width)),
                         coordinate(std::max(0.0, height)));
    if (!fill.empty()) body_ += fmt::format(" fill=\"{}\"", fill);
    body_ += "/>\n";
}

void Chart::circle(double x, double y, double radius, std::string_view css_class) {
    last_element_ = body_.size();
    body_ += fmt::format("<circle class=\"{}\" cx=\"{}\" cy=\"{}\" r=\"{}\"/>\n", css_class,
                         coordinate(x), coordinate(y), coordinate(radius));
}

void Chart::polyline(const std::vector<std::pair<double, double>>& points,
                     std::string_view css_class) {
    last_element_ = body_.size();
    body_ += fmt::format("<polyline class=\"{}\" points=\"", css_class);
    for (std::size_t i = 0; i < points.size(); ++i)
        body_ += fmt::format("{}{},{}", i ? " " : "", coordinate(points[i].first),
                             coordinate(points[i].second));
    body_ += "\"/>\n";
}

void Chart::text(double x, double y, std::string_view text, std::string_view css_class,
                 Anchor anchor) {
    static constexpr const char* anchors[] = {"start", "middle", "end"};
    last_element_ = body_.size();
    body_ += fmt::format("<text class=\"{}\" x=\"{}\" y=\"{}\" text-anchor=\"{}\">{}</text>\n",
                         css_class, coordinate(x), coordinate(y), anchors[static_cast<int>(anchor)],
                         escape(text));
}

void Chart::text_lines(double x, double y, const std::vector<std::string>& lines,
                       double line_height, std::string_view css_class, Anchor anchor) {
    static constexpr const char* anchors[] = {"start", "middle", "end"};
    last_element_ = body_.size();
    body_ += fmt::format("<text class=\"{}\" x=\"{}\" y=\"{}\" text-anchor=\"{}\">", css_class,
                         coordinate(x), coordinate(y), anchors[static_cast<int>(anchor)]);
    for (std::size_t i = 0; i < lines.size(); ++i)
        body_ += fmt::format("<tspan x=\"{}\" dy=\"{}\">{}</tspan>", coordinate(x),
                             coordinate(i == 0 ? 0 : line_height), escape(lines[i]));
    body_ += "</text>\n";
}

void Chart::centred_lines(double x, double y, const std::vector<std::string>& lines,
                          double line_height, std::string_view css_class, Anchor anchor) {
    if (lines.empty()) return;
    const double first = y - static_cast<double>(lines.size() - 1) * line_height / 2;
    if (lines.size() == 1)
        text(x, first, lines.front(), css_class, anchor);
    else
        text_lines(x, first, lines, line_height, css_class, anchor);
}

void Chart::tooltip(std::string_view text) {
    body_.insert(last_element_, fmt::format("<g><title>{}</title>", escape(text)));
    body_.insert(body_.size() - 1, "</g>"); // before the element's newline
}

void Chart::y_axis(const Scale& y, const std::vector<Tick>& ticks, double x_left, double x_right,
                   std::string_view label) {
    for (const Tick& tick : ticks) {
        line(x_left, y(tick.value), x_right, y(tick.value), "grid");
        text(x_left - 6, y(tick.value) + 4, tick.label, "tick", Anchor::end);
    }
    const double middle = (y.to_low + y.to_high) / 2;
    last_element_ = body_.size();
    body_ += fmt::format("<text class=\"axis-label\" x=\"0\" y=\"0\" text-anchor=\"middle\" "
                         "transform=\"translate({},{}) rotate(-90)\">{}</text>\n",
                         coordinate(x_left - 46), coordinate(middle), escape(label));
}

void Chart::x_axis(const Scale& x, const std::vector<Tick>& ticks, double y_bottom,
                   std::string_view label) {
    line(x.to_low, y_bottom, x.to_high, y_bottom, "axis");
    for (const Tick& tick : ticks) {
        line(x(tick.value), y_bottom, x(tick.value), y_bottom + 4, "axis");
        text(x(tick.value), y_bottom + 16, tick.label, "tick", Anchor::middle);
    }
    text((x.to_low + x.to_high) / 2, y_bottom + 34, label, "axis-label", Anchor::middle);
}

std::string Chart::finish() const {
    return fmt::format("<svg id=\"{0}\" class=\"chart\" "
                       "role=\"img\" aria-labelledby=\"{0}-title {0}-desc\" viewBox=\"0 0 {1} "
                       "{2}\" width=\"{1}\" height=\"{2}\">\n{3}{4}</svg>\n",
                       id_, coordinate(width_), coordinate(height_), head_, body_);
}

} // namespace mockcoach::report::svg
