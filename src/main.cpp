// mockcoach's entry point: everything lives in the libraries under src/; this only hands over
// to cli::run.
#include "cli/cli.hpp"

int main(int argc, char** argv) {
    return mockcoach::cli::run(argc, argv);
}
