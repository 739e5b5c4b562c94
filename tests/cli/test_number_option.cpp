// Range checks on numeric options: a value outside the range, or no number at all, is refused
// in mockcoach's words, from inside the parse, as a UsageError.
#include "cli/number_option.hpp"

#include "util/errors.hpp"

#include <doctest/doctest.h>
#include <optional>
#include <string>
#include <vector>

using namespace mockcoach;
using namespace mockcoach::cli;

namespace {

struct Fixture {
    CLI::App app{"tool", "tool"};
    double speed = 1;
    std::size_t count = 1;
    std::optional<std::uint64_t> seed;
    Fixture() {
        check_decimal(app.add_option("--speed", speed, "Speed"), 0.01, 1000.0);
        check_whole(app.add_option("-n,--count", count, "Count"), 1, 100000);
        check_whole(app.add_option("--seed", seed, "Seed"), 0);
    }
    // The refusal, or "" when the line parsed.
    std::string parse(std::vector<std::string> args) {
        std::reverse(args.begin(), args.end()); // CLI11 takes them last first
        try {
            app.parse(args);
        } catch (const UsageError& e) {
            return e.what();
        }
        return "";
    }
};

} // namespace

TEST_SUITE_BEGIN("cli/number_option");

TEST_CASE("--speed outside its range says the range as typed, not CLI11's six decimals") {
    Fixture f;
    CHECK(f.parse({"--speed", "0"}) == "--speed must be between 0.01 and 1000");
    CHECK(f.parse({"--speed", "1001"}) == "--speed must be between 0.01 and 1000");
    CHECK(f.parse({"--speed", "fast"}) == "--speed must be between 0.01 and 1000");
    CHECK(f.parse({"--speed", "0.01"}).empty());
    CHECK(f.speed == doctest::Approx(0.01));
}

TEST_CASE("a whole number option refuses fractions and says an open range as a lower bound") {
    Fixture f;
    CHECK(f.parse({"-n", "0"}) == "--count must be a whole number between 1 and 100000");
    CHECK(f.parse({"--count", "2.5"}) == "--count must be a whole number between 1 and 100000");
    CHECK(f.parse({"--seed", "-1"}) == "--seed must be a whole number 0 or more");
    CHECK(f.parse({"--seed", "7", "--count", "3"}).empty());
    CHECK(f.seed == 7u);
    CHECK(f.count == 3);
}

TEST_CASE("--help still shows the range") {
    Fixture f;
    CHECK(f.app.help().find("FLOAT in [0.01 - 1000]") != std::string::npos);
}

TEST_SUITE_END();
