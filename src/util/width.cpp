// Terminal columns per character: East Asian wide and fullwidth characters and emoji take two,
// combining marks and zero-width characters none, everything else one. The wide ranges follow
// Unicode 15's EastAsianWidth (W and F), so pictographs that default to text presentation (🖥,
// 🛠) stay at one, as wcwidth() has them. The zero-width ranges are the combining blocks and
// the marks of Hebrew, Arabic, Devanagari and Thai; other scripts' marks (Bengali, Tamil, …)
// still count one column each. Ambiguous-width letters stay at one, as most terminals draw them.
#include "util/text.hpp"

#include <algorithm>
#include <iterator>

namespace mockcoach {
namespace {

struct Range {
    char32_t first, last;
};

constexpr Range zero_width[] = {
    {0x0300, 0x036F},   {0x0483, 0x0489},   {0x0591, 0x05BD},   {0x05BF, 0x05BF},
    {0x05C1, 0x05C2},   {0x05C4, 0x05C5},   {0x05C7, 0x05C7},   {0x0610, 0x061A},
    {0x064B, 0x065F},   {0x0670, 0x0670},   {0x06D6, 0x06DC},   {0x06DF, 0x06E4},
    {0x06E7, 0x06E8},   {0x06EA, 0x06ED},   {0x0900, 0x0902},   {0x093A, 0x093A},
    {0x093C, 0x093C},   {0x0941, 0x0948},   {0x094D, 0x094D},   {0x0951, 0x0957},
    {0x0962, 0x0963},   {0x0E31, 0x0E31},   {0x0E34, 0x0E3A},   {0x0E47, 0x0E4E},
    {0x1160, 0x11FF},   {0x1AB0, 0x1AFF},   {0x1DC0, 0x1DFF},   {0x200B, 0x200F},
    {0x202A, 0x202E},   {0x2060, 0x2064},   {0x20D0, 0x20FF},   {0x302A, 0x302D},
    {0x3099, 0x309A},   {0xFE00, 0xFE0F},   {0xFE20, 0xFE2F},   {0xFEFF, 0xFEFF},
    {0x16FE4, 0x16FE4}, {0x1F3FB, 0x1F3FF}, {0xE0000, 0xE007F}, {0xE0100, 0xE01EF},
};

constexpr Range wide[] = {
    {0x1100, 0x115F},   {0x231A, 0x231B},   {0x2329, 0x232A},   {0x23E9, 0x23EC},
    {0x23F0, 0x23F0},   {0x23F3, 0x23F3},   {0x25FD, 0x25FE},   {0x2614, 0x2615},
    {0x2648, 0x2653},   {0x267F, 0x267F},   {0x2693, 0x2693},   {0x26A1, 0x26A1},
    {0x26AA, 0x26AB},   {0x26BD, 0x26BE},   {0x26C4, 0x26C5},   {0x26CE, 0x26CE},
    {0x26D4, 0x26D4},   {0x26EA, 0x26EA},   {0x26F2, 0x26F3},   {0x26F5, 0x26F5},
    {0x26FA, 0x26FA},   {0x26FD, 0x26FD},   {0x2705, 0x2705},   {0x270A, 0x270B},
    {0x2728, 0x2728},   {0x274C, 0x274C},   {0x274E, 0x274E},   {0x2753, 0x2755},
    {0x2757, 0x2757},   {0x2795, 0x2797},   {0x27B0, 0x27B0},   {0x27BF, 0x27BF},
    {0x2B1B, 0x2B1C},   {0x2B50, 0x2B50},   {0x2B55, 0x2B55},   {0x2E80, 0x3029},
    {0x302E, 0x303E},   {0x3041, 0x3098},   {0x309B, 0x33FF},   {0x3400, 0x4DBF},
    {0x4E00, 0xA4CF},   {0xA960, 0xA97F},   {0xAC00, 0xD7A3},   {0xF900, 0xFAFF},
    {0xFE10, 0xFE19},   {0xFE30, 0xFE6F},   {0xFF00, 0xFF60},   {0xFFE0, 0xFFE6},
    {0x16FE0, 0x16FE3}, {0x17000, 0x18CFF}, {0x1B000, 0x1B2FF}, {0x1F004, 0x1F004},
    {0x1F0CF, 0x1F0CF}, {0x1F18E, 0x1F18E}, {0x1F191, 0x1F19A}, {0x1F200, 0x1F251},
    {0x1F300, 0x1F320}, {0x1F32D, 0x1F335}, {0x1F337, 0x1F37C}, {0x1F37E, 0x1F393},
    {0x1F3A0, 0x1F3CA}, {0x1F3CF, 0x1F3D3}, {0x1F3E0, 0x1F3F0}, {0x1F3F4, 0x1F3F4},
    {0x1F3F8, 0x1F43E}, {0x1F440, 0x1F440}, {0x1F442, 0x1F4FC}, {0x1F4FF, 0x1F53D},
    {0x1F54B, 0x1F54E}, {0x1F550, 0x1F567}, {0x1F57A, 0x1F57A}, {0x1F595, 0x1F596},
    {0x1F5A4, 0x1F5A4}, {0x1F5FB, 0x1F64F}, {0x1F680, 0x1F6C5}, {0x1F6CC, 0x1F6CC},
    {0x1F6D0, 0x1F6D2}, {0x1F6D5, 0x1F6D7}, {0x1F6DC, 0x1F6DF}, {0x1F6EB, 0x1F6EC},
    {0x1F6F4, 0x1F6FC}, {0x1F7E0, 0x1F7EB}, {0x1F7F0, 0x1F7F0}, {0x1F90C, 0x1F93A},
    {0x1F93C, 0x1F945}, {0x1F947, 0x1F9FF}, {0x1FA70, 0x1FAFF}, {0x20000, 0x2FFFD},
    {0x30000, 0x3FFFD},
};

template <std::size_t N> bool in(const Range (&table)[N], char32_t c) {
    const auto* at =
        std::upper_bound(std::begin(table), std::end(table), c,
                         [](char32_t value, const Range& r) { return value < r.first; });
    return at != std::begin(table) && c <= std::prev(at)->last;
}

} // namespace

std::size_t char_width(char32_t c) {
    if (c < 0x300) return c == 0 ? 0 : 1; // the common case, first
    if (in(zero_width, c)) return 0;
    return in(wide, c) ? 2 : 1;
}

std::size_t display_width(std::string_view text) {
    std::size_t width = 0;
    for (std::size_t i = 0; i < text.size();) {
        char32_t c = 0;
        const std::size_t length = decode_utf8(text, i, c);
        width += length ? char_width(c) : 1; // a broken byte shows as one replacement mark
        i += length ? length : 1;
    }
    return width;
}

std::size_t char_count(std::string_view text) {
    std::size_t count = 0;
    for (const char c : text)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
    return count;
}

std::string pad_to(std::string_view text, std::size_t width) {
    std::string out(text);
    const std::size_t used = display_width(text);
    if (used < width) out.append(width - used, ' ');
    return out;
}

std::size_t prefix_fitting(std::string_view text, std::size_t columns) {
    std::size_t used = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        char32_t c = 0;
        const std::size_t length = decode_utf8(text, i, c);
        const std::size_t width = length ? char_width(c) : 1;
        if (used + width > columns) break;
        used += width;
        i += length ? length : 1;
    }
    return i;
}

std::size_t suffix_fitting(std::string_view text, std::size_t columns) {
    std::size_t start = text.size();
    std::size_t used = 0;
    while (start > 0) {
        std::size_t lead = start - 1; // back to the lead byte of the character before `start`
        while (lead > 0 && start - lead < 4 &&
               (static_cast<unsigned char>(text[lead]) & 0xC0) == 0x80)
            --lead;
        char32_t c = 0;
        const bool whole = decode_utf8(text, lead, c) == start - lead;
        if (!whole) lead = start - 1; // broken: one byte, one column
        const std::size_t width = whole ? char_width(c) : 1;
        if (used + width > columns) break;
        used += width;
        start = lead;
    }
    // Marks whose base was cut off go with it, rather than start the suffix on their own.
    for (char32_t c = 0; start < text.size();) {
        const std::size_t length = decode_utf8(text, start, c);
        if (length == 0 || char_width(c) != 0) break;
        start += length;
    }
    return start;
}

} // namespace mockcoach
