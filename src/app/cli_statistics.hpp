// The command line of the enterprise registry and its statistics: import and export of
// reports and enterprises, credit-code checks, and the indicators of a zone.
#pragma once

#include <CLI/CLI.hpp>

#include "app/cli_support.hpp"

namespace jingkai::app {

// Adds `import`, `export`, `uscc` and `indicators` to `cli`; their exit code goes to
// `console.status`.
void add_statistics_commands(CLI::App& cli, const Console& console);

}  // namespace jingkai::app
