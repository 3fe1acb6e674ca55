// The command line of the service-item catalogue (办事指南): import and export.
#pragma once

#include <CLI/CLI.hpp>
#include <ostream>

#include "core/clock.hpp"

namespace jingkai::app {

// Adds `catalogue import|export` to `cli`; their exit code goes to `status`.
void add_catalogue_commands(CLI::App& cli, const Clock& clock, std::ostream& out, std::ostream& err,
                            int& status);

}  // namespace jingkai::app
