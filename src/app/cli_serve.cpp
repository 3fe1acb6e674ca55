#include "app/cli_serve.hpp"

#include <spdlog/spdlog.h>

#include <chrono>
#include <memory>
#include <thread>

#include "app/cli_support.hpp"
#include "app/daily_sweep.hpp"
#include "app/schema_history.hpp"
#include "http/server.hpp"
#include "store/migrations.hpp"

namespace jingkai::app {
namespace {

struct ServeOptions {
  DataOptions data;
  http::ServerOptions server;
  std::string web_dir = JINGKAI_DEFAULT_WEB_DIR;
  bool demo = false;
  bool settable_clock = false;
  int sweep_minutes = 60;
  TodayOption today;  // with --demo
};

void print_demo_login(std::ostream& out) {
  out << "demo zone " << kDemoZone << ": log in as " << kDemoAdmin << " / " << kDemoPassword
      << " (also " << kDemoOfficer << ", the service-centre officer, and " << kDemoApplicant
      << ", an enterprise's applicant; same password)" << std::endl;
}

// Runs the server until a signal stops it; the exit code.
Status serve(ServeOptions& options, std::ostream& out) {
  spdlog::set_level(spdlog::level::info);
  http::ServerOptions& server = options.server;
  const unsigned threads =
      server.threads ? server.threads : std::max(1u, std::thread::hardware_concurrency());
  // The system's time unless the API sets it (--settable-clock); the demo's year of
  // applications is made by moving it.
  SettableClock server_clock;
  TRY(options.today.apply_to(server_clock));
  auto app = TRY(open_app(options.data, server_clock, threads + 3, options.web_dir,
                          options.settable_clock ? &server_clock : nullptr));
  if (options.demo) TRY(seed_demo(*app, console_actor(), {}, &server_clock));
  DailySweep sweep(app->applications(), std::chrono::minutes(options.sweep_minutes));
  http::Server http_server(server, app->router());
  const auto port = TRY(http_server.start());
  out << "jingkai listening on http://" << server.host << ":" << port
      << "/ (database: " << store::to_string(app->db().dialect()) << ")" << std::endl;
  if (options.settable_clock) {
    out << "the clock is settable (--settable-clock): not for production" << std::endl;
  }
  if (options.demo) print_demo_login(out);
  http_server.wait_for_signal();
  out << "jingkai: stopping" << std::endl;
  http_server.stop();
  return {};
}

void add_serve_command(CLI::App& cli, std::ostream& out, std::ostream& err, int& status) {
  auto options = std::make_shared<ServeOptions>();
  auto* serve_command = cli.add_subcommand("serve", "serve the API and the web UI");
  options->data.add_to(serve_command);
  http::ServerOptions& server = options->server;
  serve_command->add_option("--host", server.host, "address to listen on")->capture_default_str();
  serve_command->add_option("--port", server.port, "port to listen on (0: any free port)")
      ->capture_default_str();
  serve_command->add_option("--threads", server.threads, "server threads (0: one per core)");
  serve_command->add_option("--web", options->web_dir, "folder of the built web UI")
      ->capture_default_str();
  auto* demo = serve_command->add_flag("--demo", options->demo,
                                       "create the demo zone and its administrator if missing");
  serve_command->add_flag(
      "--settable-clock", options->settable_clock,
      "let an administrator set the server's clock (PUT /api/v1/system/clock): for "
      "rehearsals and tests, never in production");
  serve_command
      ->add_option("--sweep-minutes", options->sweep_minutes,
                   "how often the server marks overdue applications")
      ->capture_default_str()
      ->check(CLI::Range(1, 24 * 60));
  options->today
      .add_to(serve_command,
              "with --demo: build the demo as of this day and run the clock on from it")
      ->needs(demo);
  serve_command->callback(reporting(err, status, [options, &out] { return serve(*options, out); }));
}

void add_migrate_command(CLI::App& cli, std::ostream& out, std::ostream& err, int& status) {
  auto data = std::make_shared<DataOptions>();
  auto* migrate = cli.add_subcommand("migrate", "bring the database schema up to date");
  data->add_to(migrate);
  migrate->callback(reporting(err, status, [data, &out, &err]() -> Status {
    auto db = TRY(store::Database::open(data->db, 1));
    auto state = TRY(store::migrate(*db, schema_history()));
    out << "schema version " << state.before << " -> " << state.after << "\n";
    return {};
  }));
}

struct DemoOptions {
  DataOptions data;
  TodayOption today;
};

void add_demo_command(CLI::App& cli, std::ostream& out, std::ostream& err, int& status) {
  auto options = std::make_shared<DemoOptions>();
  auto* demo = cli.add_subcommand("demo", "create the demo zone in a database");
  options->data.add_to(demo);
  options->today.add_to(demo,
                        "build the demo as of this day, its reports and applications before it");
  demo->callback(reporting(err, status, [options, &out, &err]() -> Status {
    SettableClock demo_clock;
    TRY(options->today.apply_to(demo_clock));
    auto app = TRY(open_app(options->data, demo_clock));
    auto seeded = TRY(seed_demo(
        *app, console_actor(), [&err](std::string_view step) { err << "demo: " << step << "\n"; },
        &demo_clock));
    out << (seeded ? "created" : "already present") << ": demo zone " << kDemoZone << ", log in as "
        << kDemoAdmin << " / " << kDemoPassword << "\n";
    return {};
  }));
}

}  // namespace

void add_serve_commands(CLI::App& cli, const Console& console) {
  add_serve_command(cli, console.out, console.err, console.status);
  add_migrate_command(cli, console.out, console.err, console.status);
  add_demo_command(cli, console.out, console.err, console.status);
}

}  // namespace jingkai::app
