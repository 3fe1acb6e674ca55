// The command line of who may do what: zones, users and their roles, bearer tokens, and the
// audit log that records what they did.
#pragma once

#include <CLI/CLI.hpp>

#include "app/cli_support.hpp"

namespace jingkai::app {

// Adds `zone add|list`, `user add|grant`, `token create` and `audit verify` to `cli`; a new
// user's password is read from `console.in`; their exit code goes to `console.status`.
void add_accounts_commands(CLI::App& cli, const Console& console);

}  // namespace jingkai::app
