// The [[review]] tables of a transcript in and out of TOML: transcript.cpp's writer and reader
// hand them over here so that the file of the session model stays about the session.
#pragma once

#include "tomlfile/reader.hpp"
#include "transcript/transcript.hpp"

#include <string>
#include <vector>

namespace mockcoach::transcript {

// "\n[[review]]\n..." for each review, with its scores and key points as sub-tables.
std::string reviews_to_toml(const std::vector<Review>& reviews);

// The reviews under the transcript's "review" key; problems go to `diagnostics`. A reviewed
// key point must be one of the `key_points` the transcript holds.
std::vector<Review> read_reviews(std::string_view path, tomlfile::TableReader& transcript_reader,
                                 std::size_t key_points, Diagnostics& diagnostics);

} // namespace mockcoach::transcript
