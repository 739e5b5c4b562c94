// Applying events to an engine in tests: one that must be accepted, one that must be refused.
#pragma once

#include "session/engine.hpp"

#include <doctest/doctest.h>
#include <string>

namespace mockcoach::test_events {

// Applies an event that must be accepted and returns its effects.
inline session::Effects ok(session::Engine& engine, session::EventKind kind, session::Millis at,
                           std::string text = {}, std::int64_t number = 0) {
    const session::Outcome outcome = engine.apply({kind, at, std::move(text), number});
    INFO("event ", session::event_name(kind), " at ", at);
    CHECK(outcome.error == "");
    return outcome.effects;
}

// Applies an event that must be refused and returns its message.
inline std::string refused(session::Engine& engine, session::EventKind kind, session::Millis at,
                           std::string text = {}, std::int64_t number = 0) {
    const session::Outcome outcome = engine.apply({kind, at, std::move(text), number});
    INFO("event ", session::event_name(kind), " at ", at);
    CHECK_FALSE(outcome.accepted());
    return outcome.error;
}

} // namespace mockcoach::test_events
