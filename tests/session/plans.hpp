// Small hand-built plans for the session, transcript and screen tests: short budgets, a few
// prompts and three criteria, so timings in the tests stay easy to follow.
#pragma once

#include "session/engine.hpp"

#include <string>
#include <vector>

namespace mockcoach::test_plans {

// Phases named "Clarify", "Design", "Deep dive", "Wrap up" (as many as budgets are given),
// each with two prompts; criteria "structure", "depth" and "communication".
inline session::Plan small_plan(std::vector<session::Millis> budgets = {60'000, 120'000, 30'000}) {
    static const std::vector<std::string> names{"Clarify", "Design", "Deep dive", "Wrap up"};
    session::Plan plan;
    plan.rubric_id = "system-design";
    plan.rubric_name = "System Design";
    plan.question_id = "url-shortener";
    plan.question = "Design a URL shortener for a large social network.";
    plan.testing = "Breaking a vague problem into components and trade-offs.";
    plan.tip = "State your assumptions out loud.";
    for (std::size_t i = 0; i < budgets.size(); ++i) {
        const std::string& name = names[i % names.size()];
        plan.phases.push_back(
            {name, budgets[i], {name + ": first prompt", name + ": second prompt"}});
    }
    plan.criteria = {
        {"structure", "Structure", {{1, "wandering"}, {3, "mostly ordered"}, {5, "clear plan"}}},
        {"depth", "Technical depth", {{1, "shallow"}, {3, "some detail"}, {5, "deep"}}},
        {"communication", "Communication", {{1, "hard to follow"}, {3, "fine"}, {5, "crisp"}}},
    };
    return plan;
}

} // namespace mockcoach::test_plans
