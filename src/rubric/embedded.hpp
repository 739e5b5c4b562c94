// The shipped rubrics as static data: src/rubric/gen/ loads rubrics/*.toml with the loader when
// mockcoach is built (an invalid file fails the build) and writes them out in these shapes, so
// the binary builds its Rubric values at start without parsing any TOML.
#pragma once

#include "rubric/rubric.hpp"

#include <span>
#include <string_view>

namespace mockcoach::rubric {

// A place in the rubric's file; the file itself is the rubric's.
struct PositionData {
    int line = 0;
    int column = 0;
};

struct PhaseData {
    std::string_view name;
    double minutes = 0;
    std::span<const std::string_view> prompts;
};

struct LevelData {
    int score = 0;
    std::string_view meaning;
};

struct CriterionData {
    std::string_view id;
    std::string_view name;
    std::span<const LevelData> levels;
};

struct FollowupData {
    std::string_view phase;
    std::string_view text;
    PositionData at;
};

struct QuestionData {
    std::string_view id;
    std::string_view text;
    double weight = 1;
    std::span<const std::string_view> tags;
    std::span<const std::string_view> also;
    PositionData also_at;
    std::span<const std::string_view> key_points;
    std::span<const FollowupData> followups;
    PositionData at;
};

struct RubricData {
    std::string_view file; // its name in the rubric folder: "system-design.toml"
    std::string_view id;
    std::string_view name;
    double weight = 0;
    std::string_view testing;
    std::string_view tip;
    std::span<const PhaseData> phases;
    std::span<const CriterionData> criteria;
    std::span<const QuestionData> questions;
    PositionData at;
};

// The shipped rubrics, in file name order (generated/embedded_rubrics.cpp).
std::span<const RubricData> embedded_rubric_data();

// A layer of the rubrics in `data`, each placed in `folder` + its file name
// ("built-in:rubrics/" gives "built-in:rubrics/sql.toml:4:6").
Layer layer_of(std::span<const RubricData> data, std::string origin, std::string_view folder);

} // namespace mockcoach::rubric
