// The command line of the orbit engine: SGP4/SDP4 propagation of element sets, passes over
// ground stations, and a benchmark of the batch path.
#pragma once

#include <CLI/CLI.hpp>

#include "app/cli_support.hpp"

namespace jingkai::app {

// Adds `orbit propagate|passes|bench` to `cli`; their exit code goes to `console.status`.
void add_orbit_commands(CLI::App& cli, const Console& console);

}  // namespace jingkai::app
