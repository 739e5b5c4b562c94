// The enum <-> name tables: the facility itself, then every table the program keeps, each
// value to its name and back, so a value added to an enum without a name is caught here.
#include "util/name_table.hpp"

#include "cli/format_option.hpp"
#include "completion/completion.hpp"
#include "hooks/hooks.hpp"
#include "session/clock.hpp"
#include "session/engine.hpp"
#include "settings/settings.hpp"
#include "transcript/transcript.hpp"

#include <doctest/doctest.h>
#include <set>
#include <string>

using namespace mockcoach;

namespace {

enum class Colour { red, green, blue };
constexpr auto colours = name_table<Colour>({
    {Colour::red, "red"},
    {Colour::green, "green"},
    {Colour::blue, "light-blue"},
});

// Every value maps to a name that maps back to it, and no two share a name.
template <class Table> void check_round_trip(const Table& table, std::size_t enumerators) {
    CHECK(table.entries.size() == enumerators);
    std::set<std::string> seen;
    for (const auto value : table.values()) {
        const std::string_view name = table.name_of(value);
        CHECK_FALSE(name.empty());
        CHECK(table.parse(name) == value);
        CHECK(seen.insert(std::string(name)).second);
    }
}

} // namespace

// Evaluated by the compiler: the tables are usable in constant expressions.
static_assert(colours.name_of(Colour::blue) == "light-blue");
static_assert(colours.parse("green") == Colour::green);
static_assert(!colours.parse("Green"));

TEST_SUITE_BEGIN("util/name_table");

TEST_CASE("a name table maps each value to its name and each name back") {
    CHECK(colours.name_of(Colour::red) == "red");
    CHECK(colours.parse("light-blue") == Colour::blue);
    CHECK_FALSE(colours.parse("blue"));
    CHECK_FALSE(colours.parse(""));
    CHECK(colours.names() == std::array<std::string_view, 3>{"red", "green", "light-blue"});
    CHECK(colours.values() == std::array{Colour::red, Colour::green, Colour::blue});
}

TEST_CASE("a value the table was not built for gets the first name") {
    CHECK(colours.name_of(static_cast<Colour>(7)) == "red");
}

TEST_CASE("every enum's name table round-trips each of its values") {
    check_round_trip(session::event_kind_names, 21); // #16: followup, check, point; #18: scratch
    check_round_trip(hooks::event_names, 3);
    check_round_trip(transcript::status_names, 3);
    check_round_trip(transcript::coverage_names, 3);
    check_round_trip(settings::colour_names, 3);
    check_round_trip(settings::source_names, 4);
    check_round_trip(completion::shell_names, 3);
    check_round_trip(completion::mode_names, 3);
    check_round_trip(session::clock_kind_names, 2);
    check_round_trip(cli::output_format_names, 5); // html came with `packet`
}

TEST_CASE("the names are the ones written in files and typed on the command line") {
    // Journals, transcripts and config.toml hold these: a rename would be a format change.
    CHECK(transcript::status_name(transcript::Status::ended_early) == "ended-early");
    CHECK(session::event_name(session::EventKind::interrupt) == "interrupt");
    CHECK(hooks::event_name(hooks::Event::session_end) == "session_end");
    CHECK(settings::colour_name(settings::ColourChoice::automatic) == "auto");
    CHECK(settings::source_name(settings::Source::fallback) == "default");
    CHECK(completion::mode_names.name_of(completion::Mode::directories) == "dirs");
    CHECK(session::clock_kind_names.name_of(session::ClockKind::virtual_) == "virtual");
}

TEST_SUITE_END();
