#include "pair_home.hpp"

namespace mockcoach::testing {

std::string pair_rubric(const std::vector<std::pair<std::string, std::string>>& questions) {
    std::string text = R"(format = 1
id = "pair"
name = "Pair"
weight = 1

[[phase]]
name = "Talk"
minutes = 1

[[criterion]]
id = "clarity"
name = "Clarity"
levels.1 = "Lost."
levels.3 = "Clear."
levels.5 = "Crisp."
)";
    for (const auto& [id, question] : questions)
        text += "\n[[question]]\nid = \"" + id + "\"\ntext = \"" + question + "\"\n";
    return text;
}

PairHome::PairHome(const std::string& rubric_text) : rubric(home.write("pair.toml", rubric_text)) {}

RunResult PairHome::run(std::vector<std::string> args, std::vector<std::string> env,
                        std::string input) const {
    for (const std::string& extra : {std::string("--sessions-dir"), sessions.string(),
                                     std::string("--rubrics"), rubric.string()})
        args.push_back(extra);
    RunOptions options = with_home(home.path());
    options.env = std::move(env);
    options.input = std::move(input);
    return run_mockcoach(args, options);
}

} // namespace mockcoach::testing
