// The command line of the service-item catalogue (办事指南): import and export.
#pragma once

#include <CLI/CLI.hpp>

#include "app/cli_support.hpp"

namespace jingkai::app {

// Adds `catalogue import|export` to `cli`; their exit code goes to `console.status`.
void add_catalogue_commands(CLI::App& cli, const Console& console);

}  // namespace jingkai::app
