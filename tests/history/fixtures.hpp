// Sessions and transcripts with known numbers, for the history tests.
#pragma once

#include "history/history.hpp"
#include "transcript/transcript.hpp"

#include <string>
#include <vector>

namespace mockcoach::history_fixtures {

// 2026-11-DAY at HOUR:00 with the given UTC offset in minutes.
inline WallTime at(int day, int hour = 12, int offset_minutes = 0, int month = 11) {
    return from_civil({{2026, month, day}, hour, 0, 0}, offset_minutes);
}

inline history::Session session(std::string rubric, int day, std::vector<int> scores = {},
                                transcript::Status status = transcript::Status::completed) {
    history::Session s;
    s.rubric = rubric;
    s.rubric_name = rubric + " name";
    s.question_id = "q-" + std::to_string(day);
    s.question = "Question " + std::to_string(day) + "?";
    s.started_at = at(day);
    s.id = "202611" + std::to_string(10 + day) + "-" + rubric;
    s.file = s.id + ".toml";
    s.status = status;
    for (std::size_t i = 0; i < scores.size(); ++i)
        s.scores.push_back({"c" + std::to_string(i), "Criterion " + std::to_string(i), scores[i]});
    return s;
}

// A whole transcript that reads back, for writing into folders.
inline transcript::Transcript transcript_of(std::string rubric, std::string question, int day,
                                            std::vector<int> scores = {3, 4}) {
    transcript::Transcript t;
    t.rubric = rubric;
    t.rubric_name = rubric + " name";
    t.question_id = question;
    t.question = "Explain " + question + ".";
    t.started_at = at(day);
    t.ended_at = at(day, 13);
    t.id = "202611" + std::to_string(10 + day) + "-120000-" + rubric + "-" + question;
    t.phases.push_back({"Plan", 300, 0, 320, 0, 20, {{5, "a note"}}, ""});
    t.phases.push_back({"Build", 600, 60, 600, 10, 0, {}, ""});
    for (std::size_t i = 0; i < scores.size(); ++i)
        t.scores.push_back({"c" + std::to_string(i), "Criterion " + std::to_string(i), scores[i]});
    t.mean_score = transcript::mean_of(t.scores);
    t.reflection = "Went \"well\".\nNext: slower.";
    return t;
}

} // namespace mockcoach::history_fixtures
