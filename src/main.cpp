// mockcoach's entry point: everything lives in mockcoach_core; this only hands over.
#include "cli/cli.hpp"

int main(int argc, char** argv) {
    return mockcoach::cli::run(argc, argv);
}
