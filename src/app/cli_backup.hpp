// The command line of backups: a deployment's database, audit key and files copied into one
// folder while the server runs, and restored from it into a fresh place.
#pragma once

#include <CLI/CLI.hpp>

#include "app/cli_support.hpp"

namespace jingkai::app {

// Adds `backup` and `restore` to `cli`; their exit code goes to `console.status`.
void add_backup_commands(CLI::App& cli, const Console& console);

}  // namespace jingkai::app
