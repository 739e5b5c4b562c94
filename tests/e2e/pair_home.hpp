// The "pair" rubric and a HOME that uses it, shared by the end-to-end tests that build a history
// of scored sessions (due, the adaptive draw): one phase of a minute and one criterion, so that a
// session's mean is its one score and a test chooses it exactly.
#pragma once

#include "run_binary.hpp"

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace mockcoach::testing {

// The rubric "pair" (category "pair", phase "Talk" of 1 minute, criterion "clarity") with
// `questions` as (id, text) pairs, in that order.
std::string pair_rubric(const std::vector<std::pair<std::string, std::string>>& questions);

// A temporary HOME holding `rubric` as pair.toml, its sessions in HOME/sessions.
struct PairHome {
    explicit PairHome(const std::string& rubric_text);

    // mockcoach with `args`, then --sessions-dir and --rubrics naming this HOME's folder and
    // rubric, with `env` added to the fixed environment and `input` as standard input.
    RunResult run(std::vector<std::string> args, std::vector<std::string> env = {},
                  std::string input = "") const;

    TempDir home;
    std::filesystem::path sessions = home.path() / "sessions";
    std::filesystem::path rubric;
};

} // namespace mockcoach::testing
