// The command line of the working-day calendar (工作日历): date arithmetic on working days,
// and the calendar years an administrator imports.
#pragma once

#include <CLI/CLI.hpp>

#include "app/cli_support.hpp"

namespace jingkai::app {

// Adds `calendar add-workdays|workdays|import|export` to `cli`; their exit code goes to
// `console.status`.
void add_calendar_commands(CLI::App& cli, const Console& console);

}  // namespace jingkai::app
