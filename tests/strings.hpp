// Lets doctest print vectors of strings in failed checks instead of "{?}".
#pragma once

#include <doctest/doctest.h>
#include <string>
#include <vector>

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
