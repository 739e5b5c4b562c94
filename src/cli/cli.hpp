// The command line: builds the CLI11 app from one file per subcommand and maps every failure
// to a message and an exit code (2 usage or invalid input, 1 runtime failure).
#pragma once

namespace mockcoach::cli {

int run(int argc, char** argv);

} // namespace mockcoach::cli
