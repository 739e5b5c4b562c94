// Reading the layer order and checking src/ against it.
#include "layers.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <fstream>
#include <map>
#include <optional>
#include <regex>
#include <sstream>

namespace mockcoach::architecture {
namespace fs = std::filesystem;

namespace {

std::vector<std::string> words(std::string_view line) {
    std::vector<std::string> out;
    std::istringstream in{std::string(line)};
    for (std::string word; in >> word;) out.push_back(word);
    return out;
}

struct Rank {
    std::map<std::string, int> level;
    std::optional<int> of(const std::string& folder) const {
        const auto found = level.find(folder);
        if (found == level.end()) return std::nullopt;
        return found->second;
    }
};

std::string describe(const Rank& rank, const std::string& folder) {
    const auto level = rank.of(folder);
    return level ? fmt::format("{} (layer {})", folder, *level + 1) : folder;
}

// The message for `from` using `to`, or nothing when that edge goes downward.
std::optional<std::string> against_order(const Rank& rank, const std::string& from,
                                         const std::string& to, std::string_view what) {
    if (from == to) return std::nullopt;
    const auto to_level = rank.of(to);
    if (!to_level) return std::nullopt; // not one of ours (reported once as a folder, if it is)
    const auto from_level = rank.of(from);
    if (from_level && *to_level < *from_level) return std::nullopt;
    if (from.empty() && to_level) return std::nullopt; // main.cpp sits on top
    return fmt::format("{} may not use {} ({}): only folders on lower layers (src/README.md)",
                       describe(rank, from), describe(rank, to), what);
}

} // namespace

Layers parse_layers(std::string_view readme) {
    Layers layers;
    bool inside = false;
    std::istringstream in{std::string(readme)};
    for (std::string line; std::getline(in, line);) {
        if (!inside) {
            inside = line.rfind("```layers", 0) == 0;
            continue;
        }
        if (line.rfind("```", 0) == 0) break;
        if (auto folders = words(line); !folders.empty()) layers.push_back(std::move(folders));
    }
    return layers;
}

std::vector<Violation> check_layers(const fs::path& src, const Layers& layers) {
    Rank rank;
    for (std::size_t i = 0; i < layers.size(); ++i)
        for (const auto& folder : layers[i]) rank.level[folder] = static_cast<int>(i);

    std::vector<Violation> found;
    std::vector<fs::path> files;
    for (const auto& entry : fs::recursive_directory_iterator(src))
        if (entry.is_regular_file()) files.push_back(entry.path());
    std::sort(files.begin(), files.end());

    for (const auto& entry : fs::directory_iterator(src)) {
        const std::string folder = entry.path().filename().string();
        if (entry.is_directory() && !rank.of(folder))
            found.push_back({folder, 0,
                             fmt::format("{} is a folder in no layer: add it to the "
                                         "```layers block of src/README.md",
                                         folder)});
    }

    static const std::regex include(R"(^\s*#\s*include\s*"([A-Za-z0-9_]+)/([^"]*)\")");
    static const std::regex link(R"(\bmockcoach_([A-Za-z0-9_]+)\b)");
    for (const fs::path& path : files) {
        const fs::path relative = path.lexically_relative(src);
        const std::string from =
            std::distance(relative.begin(), relative.end()) > 1 ? relative.begin()->string() : "";
        const std::string name = path.filename().string();
        const bool cmake = name == "CMakeLists.txt";
        const std::string extension = path.extension().string();
        if (!cmake && extension != ".cpp" && extension != ".hpp" && extension != ".h") continue;
        std::ifstream in(path);
        int number = 0;
        for (std::string line; std::getline(in, line);) {
            ++number;
            if (cmake) {
                if (line.find('#') != std::string::npos) line.erase(line.find('#'));
                for (auto it = std::sregex_iterator(line.begin(), line.end(), link);
                     it != std::sregex_iterator(); ++it) {
                    const std::string to = (*it)[1];
                    if (auto message = against_order(rank, from, to, "mockcoach_" + to))
                        found.push_back({relative, number, *message});
                }
                continue;
            }
            std::smatch match;
            if (!std::regex_search(line, match, include)) continue;
            const std::string to = match[1];
            if (auto message = against_order(rank, from, to, to + "/" + match[2].str()))
                found.push_back({relative, number, *message});
        }
    }
    return found;
}

std::string format_violation(const Violation& violation) {
    if (violation.line == 0)
        return fmt::format("{}: error: {}", violation.file.string(), violation.message);
    return fmt::format("{}:{}: error: {}", violation.file.string(), violation.line,
                       violation.message);
}

} // namespace mockcoach::architecture
