// Number, duration and table formatting shared by every command.
#include "util/text.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <fmt/format.h>

namespace mockcoach {

std::string format_clock(long long seconds) {
    const char* sign = seconds < 0 ? "-" : "";
    const long long s = std::llabs(seconds);
    if (s >= 3600) return fmt::format("{}{}:{:02}:{:02}", sign, s / 3600, s / 60 % 60, s % 60);
    return fmt::format("{}{:02}:{:02}", sign, s / 60, s % 60);
}

std::string format_overtime(long long seconds) {
    return "+" + format_clock(std::llabs(seconds));
}

std::string format_minutes(double minutes) {
    if (minutes == std::floor(minutes)) return fmt::format("{}", static_cast<long long>(minutes));
    return fmt::format("{:g}", minutes);
}

std::string format_score(std::optional<double> score) {
    if (!score) return "-";
    // Halves round up, as people round (3.25 -> 3.3); printf would round 3.25 to even, "3.2".
    return fmt::format("{:.1f}", std::floor(*score * 10 + 0.5) / 10);
}

std::string format_budget_sum(const std::vector<double>& minutes) {
    std::string parts;
    double total = 0;
    for (double m : minutes) {
        if (!parts.empty()) parts += '+';
        parts += format_minutes(m);
        total += m;
    }
    return fmt::format("{} = {} min", parts, format_minutes(total));
}

std::string format_score_change(double change) {
    const std::string magnitude = format_score(std::fabs(change));
    if (magnitude == "0.0") return magnitude;
    return (change < 0 ? "-" : "+") + magnitude;
}

std::string format_percent(double share) {
    return fmt::format("{:.1f}%", share * 100);
}

std::string sparkline(const std::vector<double>& values, double low, double high) {
    static constexpr const char* blocks[] = {"\u2581", "\u2582", "\u2583", "\u2584",
                                             "\u2585", "\u2586", "\u2587", "\u2588"};
    std::string out;
    for (double value : values) {
        const double fraction =
            high > low ? std::clamp((value - low) / (high - low), 0.0, 1.0) : 1.0;
        out += blocks[static_cast<std::size_t>(std::lround(fraction * 7))];
    }
    return out;
}

std::size_t decode_utf8(std::string_view text, std::size_t i, char32_t& code_point) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = byte(i);
    if (lead < 0x80) {
        code_point = lead;
        return 1;
    }
    std::size_t length = 0;
    char32_t value = 0;
    char32_t minimum = 0;
    if ((lead & 0xE0) == 0xC0) {
        length = 2, value = lead & 0x1F, minimum = 0x80;
    } else if ((lead & 0xF0) == 0xE0) {
        length = 3, value = lead & 0x0F, minimum = 0x800;
    } else if ((lead & 0xF8) == 0xF0) {
        length = 4, value = lead & 0x07, minimum = 0x10000;
    } else {
        return 0;
    }
    if (i + length > text.size()) return 0;
    for (std::size_t k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) return 0;
        value = (value << 6) | (byte(i + k) & 0x3F);
    }
    if (value < minimum || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return 0;
    code_point = value;
    return length;
}

std::string unprintable(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        char32_t c = 0;
        const std::size_t length = decode_utf8(text, i, c);
        if (length == 0)
            return fmt::format("the invalid UTF-8 byte 0x{:02X}",
                               static_cast<unsigned char>(text[i]));
        const bool crlf = c == '\r' && i + 1 < text.size() && text[i + 1] == '\n';
        if ((c < 0x20 && c != '\t' && c != '\n' && !crlf) || (c >= 0x7F && c <= 0x9F))
            return fmt::format("the control character U+{:04X}", static_cast<std::uint32_t>(c));
        i += length;
    }
    return {};
}

std::string truncate_to(std::string_view text, std::size_t width) {
    if (display_width(text) <= width) return std::string(text);
    if (width == 0) return {};
    return std::string(text.substr(0, prefix_fitting(text, width - 1))) + "\u2026";
}

std::vector<std::string> wrap(std::string_view text, std::size_t width) {
    std::vector<std::string> lines;
    std::string line;
    std::size_t start = 0;
    width = std::max<std::size_t>(width, 8);
    while (start <= text.size()) {
        std::size_t end = text.find(' ', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view word = text.substr(start, end - start);
        while (display_width(word) > width) { // a word longer than a line is split
            if (!line.empty()) lines.push_back(std::move(line)), line.clear();
            // At least one character, so a character wider than the line still moves on.
            const std::size_t cut = std::max<std::size_t>(prefix_fitting(word, width), 1);
            lines.emplace_back(word.substr(0, cut));
            word.remove_prefix(cut);
        }
        if (!word.empty()) {
            if (!line.empty() && display_width(line) + 1 + display_width(word) > width)
                lines.push_back(std::move(line)), line.clear();
            if (!line.empty()) line += ' ';
            line += word;
        }
        start = end + 1;
    }
    if (!line.empty() || lines.empty()) lines.push_back(line);
    return lines;
}

Table::Table(std::vector<std::string> header, std::vector<Align> align)
    : header_(std::move(header)), align_(std::move(align)) {
    align_.resize(header_.size(), Align::left);
}

void Table::add(std::vector<std::string> row) {
    row.resize(header_.size());
    rows_.push_back(std::move(row));
}

std::string Table::render(std::optional<std::size_t> max_width) const {
    std::vector<std::size_t> widths(header_.size());
    const auto measure = [&](const std::vector<std::string>& row) {
        for (std::size_t i = 0; i < row.size(); ++i)
            widths[i] = std::max(widths[i], display_width(row[i]));
    };
    measure(header_);
    for (const auto& row : rows_) measure(row);
    if (max_width && !widths.empty()) {
        std::size_t others = 0;
        for (std::size_t i = 0; i + 1 < widths.size(); ++i) others += widths[i] + 2;
        widths.back() = std::min(widths.back(),
                                 *max_width > others + 10 ? *max_width - others : std::size_t{10});
    }
    std::string out;
    const auto emit = [&](const std::vector<std::string>& row) {
        std::string line;
        for (std::size_t i = 0; i < row.size(); ++i) {
            const bool last = i + 1 == row.size();
            std::string cell = truncate_to(row[i], widths[i]);
            const std::size_t pad = widths[i] - display_width(cell);
            if (align_[i] == Align::right) line.append(pad, ' ');
            line += cell;
            if (align_[i] == Align::left && !last) line.append(pad, ' ');
            if (!last) line += "  ";
        }
        while (!line.empty() && line.back() == ' ') line.pop_back();
        out += line + "\n";
    };
    emit(header_);
    for (const auto& row : rows_) emit(row);
    return out;
}

std::string shell_word(std::string_view word) {
    const bool bare = !word.empty() && std::all_of(word.begin(), word.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || std::strchr("-_=./:@+,", c);
    });
    if (bare) return std::string(word);
    std::string quoted = "'";
    for (const char c : word) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return quoted + "'";
}

} // namespace mockcoach
