#include "app/cli.hpp"

#include <CLI/CLI.hpp>

#include "app/cli_accounts.hpp"
#include "app/cli_approvals.hpp"
#include "app/cli_backup.hpp"
#include "app/cli_calendar.hpp"
#include "app/cli_catalogue.hpp"
#include "app/cli_orbit.hpp"
#include "app/cli_serve.hpp"
#include "app/cli_statistics.hpp"
#include "app/cli_support.hpp"

namespace jingkai::app {

int run_cli(int argc, char** argv, std::istream& in, std::ostream& out, std::ostream& err) {
  CLI::App cli{"jingkai (经开): runs an economic development zone", "jingkai"};
  cli.require_subcommand(1);
  cli.set_version_flag("--version", JINGKAI_VERSION);
  const SystemClock clock;
  int status = kOk;
  const Console console{clock, in, out, err, status};
  // In this order in `jingkai --help`.
  add_statistics_commands(cli, console);
  add_catalogue_commands(cli, console);
  add_approvals_commands(cli, console);
  add_serve_commands(cli, console);
  add_accounts_commands(cli, console);
  add_backup_commands(cli, console);
  add_calendar_commands(cli, console);
  add_orbit_commands(cli, console);
  try {
    cli.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = cli.exit(e, out, err);
    return code == 0 ? kOk : kBadInput;
  }
  return status;
}

}  // namespace jingkai::app
