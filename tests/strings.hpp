// What many tests ask of text: whether it holds a part, how often, and a file's whole content;
// and doctest printing vectors of strings in failed checks instead of "{?}".
#pragma once

#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace mockcoach::testing {

inline bool contains(std::string_view text, std::string_view part) {
    return text.find(part) != std::string_view::npos;
}

// Occurrences of `part`, overlapping ones included.
inline std::size_t count(std::string_view text, std::string_view part) {
    std::size_t n = 0;
    for (auto at = text.find(part); at != std::string_view::npos; at = text.find(part, at + 1)) ++n;
    return n;
}

// The bytes of `path` ("" when it cannot be read).
inline std::string slurp(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

} // namespace mockcoach::testing

namespace doctest {
template <> struct StringMaker<std::vector<std::string>> {
    static String convert(const std::vector<std::string>& lines) {
        std::string text = "{";
        for (std::size_t i = 0; i < lines.size(); ++i)
            text += (i ? ", \"" : "\"") + lines[i] + "\"";
        return (text + "}").c_str();
    }
};
} // namespace doctest
