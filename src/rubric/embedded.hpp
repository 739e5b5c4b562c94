// The shipped rubrics as static data: src/rubric/gen/ loads rubrics/*.toml with the loader when
// mockcoach is built (an invalid file fails the build) and writes them out in these shapes, so
// the binary builds its Rubric values at start without parsing any TOML.
//
// The data holds no pointers: text is an offset and a size in one character array, a list is
// the first index and the count of its items in that kind's one array. So it is read-only data
// the loader maps as it is, with nothing to relocate when the program starts (a pointer would
// cost a relocation and a copied page for every string of every question), and only the pages
// a command reads are ever touched.
#pragma once

#include "rubric/rubric.hpp"

#include <cstdint>
#include <span>
#include <string_view>

namespace mockcoach::rubric {

// A string: characters [offset, offset + size) of RubricSet::text.
struct TextRef {
    std::uint32_t offset = 0;
    std::uint32_t size = 0;
};

// A list: items [first, first + count) of the array of its kind in the RubricSet.
struct ListRef {
    std::uint32_t first = 0;
    std::uint32_t count = 0;
};

struct PhaseData {
    TextRef name;
    double minutes = 0;
    ListRef prompts; // of RubricSet::strings
};

struct LevelData {
    int score = 0;
    TextRef meaning;
};

struct CriterionData {
    TextRef id;
    TextRef name;
    ListRef levels;
};

struct FollowupData {
    TextRef phase;
    TextRef text;
    Position at;
};

struct QuestionData {
    TextRef id;
    TextRef text;
    double weight = 1;
    ListRef tags; // of RubricSet::strings, as are also and key_points
    ListRef also;
    Position also_at;
    ListRef key_points;
    ListRef followups;
    Position at;
};

struct RubricData {
    TextRef file; // its name in the rubric folder: "system-design.toml"
    TextRef id;
    TextRef name;
    double weight = 0;
    TextRef testing;
    TextRef tip;
    ListRef phases;
    ListRef criteria;
    ListRef questions;
    Position at;
};

// Every rubric of one folder, in file name order, and the arrays their lists index.
struct RubricSet {
    std::string_view text; // every string once, back to back
    std::span<const TextRef> strings;
    std::span<const PhaseData> phases;
    std::span<const LevelData> levels;
    std::span<const CriterionData> criteria;
    std::span<const FollowupData> followups;
    std::span<const QuestionData> questions;
    std::span<const RubricData> rubrics;
};

// The shipped rubrics (generated/embedded_rubrics.cpp).
const RubricSet& embedded_rubric_data();

// A layer of the rubrics in `data`, each placed in `folder` + its file name
// ("built-in:rubrics/" gives "built-in:rubrics/sql.toml:4:6").
Layer layer_of(const RubricSet& data, std::string origin, std::string_view folder);

} // namespace mockcoach::rubric
