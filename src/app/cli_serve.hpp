// The command line that runs a deployment: the server, its schema and the demo zone.
#pragma once

#include <CLI/CLI.hpp>

#include "app/cli_support.hpp"

namespace jingkai::app {

// Adds `serve`, `migrate` and `demo` to `cli`; their exit code goes to `console.status`.
void add_serve_commands(CLI::App& cli, const Console& console);

}  // namespace jingkai::app
