// What the screen tests share: a view of a terminal size, and checks on a rendered frame.
#pragma once

#include "live/screen.hpp"
#include "util/text.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <string>
#include <string_view>
#include <vector>

namespace mockcoach::test_screens {

// The frameworks the shipped rubrics offer, by name: the blind pick's choices.
inline const std::vector<std::string> frameworks{"Behavioral",
                                                 "Coding",
                                                 "Computer Vision",
                                                 "Deep Learning",
                                                 "Data Structures & Algorithms",
                                                 "Generative AI",
                                                 "LLMs",
                                                 "Machine Learning",
                                                 "ML System Design",
                                                 "MLOps",
                                                 "Model Deployment",
                                                 "Model Evaluation",
                                                 "Natural Language Processing",
                                                 "Optimization",
                                                 "Reinforcement Learning",
                                                 "SQL",
                                                 "Statistics & Probability",
                                                 "System Design"};

// A plain (uncoloured) view of a terminal of `columns` by `rows`.
inline live::View view_of(int columns, int rows) {
    live::View view;
    view.size = {columns, rows};
    view.colour = Colour::plain;
    return view;
}

// Some line of the frame holds `text`.
inline bool contains(const live::Lines& lines, std::string_view text) {
    return std::any_of(lines.begin(), lines.end(), [&](const std::string& line) {
        return line.find(text) != std::string::npos;
    });
}

// True when the rows of `big` appear in `lines` one under the other.
inline bool contains_block(const live::Lines& lines, const live::Lines& big) {
    for (std::size_t i = 0; i + big.size() <= lines.size(); ++i) {
        bool all = true;
        for (std::size_t r = 0; r < big.size() && all; ++r)
            all = lines[i + r].find(big[r]) != std::string::npos;
        if (all) return true;
    }
    return false;
}

// The frame has no more lines than the view's rows and none wider than its columns.
inline void check_fits(const live::Lines& lines, const live::View& view) {
    CHECK(lines.size() <= static_cast<std::size_t>(view.size.rows));
    for (const std::string& line : lines) {
        CAPTURE(line);
        CHECK(display_width(line) <= static_cast<std::size_t>(view.size.columns));
    }
}

} // namespace mockcoach::test_screens
