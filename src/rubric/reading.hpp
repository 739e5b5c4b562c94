// The checks every loader of a data file shares (rubrics, question files, profiles): ids,
// places, non-empty text and the file's format number, each problem worded once.
#pragma once

#include "rubric/rubric.hpp"
#include "tomlfile/reader.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace mockcoach::rubric {

// 1 to 64 of a-z, 0-9 and '-': rubric, question, criterion and profile ids, and tags.
bool valid_id(std::string_view id);

Place place_of(std::string_view path, const toml::source_region& where);

// A string that must hold more than white space.
std::optional<std::string> read_text(tomlfile::TableReader& reader, std::string_view key,
                                     tomlfile::Need need);

// An optional `format`, which must be `version`; a newer one asks for a newer mockcoach.
void check_format(tomlfile::TableReader& reader, int version);

} // namespace mockcoach::rubric
