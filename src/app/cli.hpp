// The command line: `jingkai serve`, and the commands that manage zones, users, tokens and
// the audit log from the server's console.
#pragma once

#include <iosfwd>

namespace jingkai::app {

// Runs the command in argv; returns the process exit code (0 ok, 1 failed, 2 bad usage or
// bad input).
int run_cli(int argc, char** argv, std::istream& in, std::ostream& out, std::ostream& err);

}  // namespace jingkai::app
