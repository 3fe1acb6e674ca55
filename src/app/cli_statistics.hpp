// The command line of the enterprise registry and its statistics: import and export of
// reports and enterprises, credit-code checks, and the indicators of a zone.
#pragma once

#include <CLI/CLI.hpp>
#include <ostream>

#include "core/clock.hpp"

namespace jingkai::app {

// Adds `import`, `export`, `uscc` and `indicators` to `cli`; their exit code goes to `status`.
void add_statistics_commands(CLI::App& cli, const Clock& clock, std::ostream& out,
                             std::ostream& err, int& status);

}  // namespace jingkai::app
