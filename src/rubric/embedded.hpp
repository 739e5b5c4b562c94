// The shipped rubric files, compiled into the binary by cmake/embed_rubrics.cmake.
#pragma once

#include <string_view>
#include <vector>

namespace mockcoach::rubric {

struct EmbeddedFile {
    std::string_view name;
    std::string_view bytes;
};

const std::vector<EmbeddedFile>& embedded_rubrics();

} // namespace mockcoach::rubric
