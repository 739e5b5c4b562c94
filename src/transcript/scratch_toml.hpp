// The transcript's [scratch] table in and out of TOML (transcript.cpp's writer and reader call
// these; nothing else needs them).
#pragma once

#include "tomlfile/parse.hpp"
#include "transcript/transcript.hpp"

#include <string>
#include <string_view>

namespace mockcoach::transcript {

// "\n[scratch]\n..." with the text as a multi-line literal string where it can be one, so the
// pad reads in the file as it was typed, and each snapshot as a [[scratch.snapshot]].
std::string scratch_toml(const Scratch& scratch);

// A literal block ('''...''') when `text` can be one (no ''', no control character but tab and
// line feed, not ending in a quote), else a basic string with escapes.
std::string toml_text_block(std::string_view text);

Scratch read_scratch(std::string_view path, const toml::table& table, Diagnostics& diagnostics);

} // namespace mockcoach::transcript
