// The command line of the one-stop service centre: the daily sweep of overdue applications,
// their statistics, and who represents which enterprise.
#pragma once

#include <CLI/CLI.hpp>

#include "app/cli_support.hpp"

namespace jingkai::app {

// Adds `approvals sweep|statistics` and `representative grant|revoke|list` to `cli`.
void add_approvals_commands(CLI::App& cli, const Console& console);

}  // namespace jingkai::app
