// mockcoach_rubric_gen: run by the build. Loads the shipped rubric files with the same loader
// and catalog checks as `mockcoach rubrics validate`, fails with their FILE:LINE:COLUMN
// diagnostics if any file has a problem, and otherwise writes them out as a C++ source of
// static data (cpp_source.hpp), so the binary never parses its own rubrics at start.
//
// Usage: mockcoach_rubric_gen FUNCTION OUTPUT [FILE.toml]...
#include "rubric/gen/cpp_source.hpp"

#include "tomlfile/tomlfile.hpp"
#include "util/atomic_file.hpp"
#include "util/files.hpp"

#include <algorithm>
#include <exception>
#include <filesystem>
#include <fmt/format.h>
#include <map>

using namespace mockcoach;
using namespace mockcoach::rubric;

namespace {

// The files by name (the order of the output, whatever order the build lists them in).
std::vector<std::filesystem::path> sorted_by_name(int argc, char** argv) {
    std::vector<std::filesystem::path> files(argv + 3, argv + argc);
    std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) {
        return a.filename() < b.filename() || (a.filename() == b.filename() && a < b);
    });
    return files;
}

int report(const Diagnostics& problems) {
    for (const Diagnostic& d : problems) fmt::print(stderr, "{}\n", format_diagnostic(d));
    fmt::print(stderr,
               "mockcoach_rubric_gen: {} problem{} in the shipped rubrics; they are checked "
               "when mockcoach is built, so fix them to build\n",
               problems.size(), problems.size() == 1 ? "" : "s");
    return 1;
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        fmt::print(stderr, "usage: mockcoach_rubric_gen FUNCTION OUTPUT [FILE.toml]...\n");
        return 2;
    }
    const std::string function = argv[1];
    const std::filesystem::path output = argv[2];
    const std::vector<std::filesystem::path> files = sorted_by_name(argc, argv);

    Layer layer{"built-in", {}, {}};
    for (const auto& file : files)
        if (auto bytes = read_file(file, tomlfile::max_file_bytes, layer.read_problems))
            layer.files.push_back({file.string(), std::move(*bytes)});
    const Catalog catalog = build_catalog({std::move(layer)});
    // Any diagnostic fails, a warning too: the shipped rubrics are clean or not shipped.
    if (!catalog.diagnostics.empty()) return report(catalog.diagnostics);

    std::map<std::string, const Rubric*, std::less<>> by_file;
    for (const Rubric& rubric : catalog.rubrics) by_file[rubric.place.file] = &rubric;
    std::vector<gen::NamedRubric> named;
    Diagnostics problems;
    for (const auto& file : files) {
        const auto found = by_file.find(file.string());
        if (found == by_file.end()) {
            problems.push_back({file.string(), 1, 1, Severity::error,
                                "a shipped file must define a rubric; a file of questions for "
                                "another rubric belongs in that rubric's file"});
            continue;
        }
        named.push_back({file.filename().string(), found->second});
    }
    if (!problems.empty()) return report(problems);

    try {
        std::filesystem::create_directories(output.parent_path());
        replace_file(output, gen::cpp_source(named, function));
    } catch (const std::exception& e) {
        fmt::print(stderr, "mockcoach_rubric_gen: cannot write {}: {}\n", output.string(),
                   e.what());
        return 1;
    }
    return 0;
}
