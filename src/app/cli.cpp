#include "app/cli.hpp"

#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <atomic>
#include <charconv>
#include <chrono>
#include <cstdlib>
#include <expected>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <thread>
#include <vector>

#include "app/app.hpp"
#include "app/cli_approvals.hpp"
#include "app/cli_catalogue.hpp"
#include "app/cli_statistics.hpp"
#include "app/cli_support.hpp"
#include "app/daily_sweep.hpp"
#include "app/schema_history.hpp"
#include "http/server.hpp"
#include "modules/approvals/routes.hpp"
#include "modules/enterprises/routes.hpp"
#include "orbit/batch.hpp"
#include "orbit/frames.hpp"
#include "orbit/geodetic.hpp"
#include "orbit/iso8601.hpp"
#include "orbit/passes.hpp"
#include "orbit/time_scales.hpp"
#include "orbit/verification_output.hpp"
#include "store/migrations.hpp"

namespace jingkai::app {

int run_cli(int argc, char** argv, std::istream& in, std::ostream& out, std::ostream& err) {
  CLI::App cli{"jingkai (经开): runs an economic development zone", "jingkai"};
  cli.require_subcommand(1);
  cli.set_version_flag("--version", JINGKAI_VERSION);
  const SystemClock clock;
  int status = kOk;
  add_statistics_commands(cli, clock, out, err, status);
  add_catalogue_commands(cli, clock, out, err, status);
  add_approvals_commands(cli, clock, out, err, status);

  // serve
  DataOptions serve_data;
  http::ServerOptions server;
  std::string web_dir = JINGKAI_DEFAULT_WEB_DIR;
  bool demo = false;
  bool settable_clock = false;
  int sweep_minutes = 60;
  auto* serve = cli.add_subcommand("serve", "serve the API and the web UI");
  serve_data.add_to(serve);
  serve->add_option("--host", server.host, "address to listen on")->capture_default_str();
  serve->add_option("--port", server.port, "port to listen on (0: any free port)")
      ->capture_default_str();
  serve->add_option("--threads", server.threads, "server threads (0: one per core)");
  serve->add_option("--web", web_dir, "folder of the built web UI")->capture_default_str();
  serve->add_flag("--demo", demo, "create the demo zone and its administrator if missing");
  serve->add_flag("--settable-clock", settable_clock,
                  "let an administrator set the server's clock (PUT /api/v1/system/clock): for "
                  "rehearsals and tests, never in production");
  serve
      ->add_option("--sweep-minutes", sweep_minutes,
                   "how often the server marks overdue applications")
      ->capture_default_str()
      ->check(CLI::Range(1, 24 * 60));
  serve->callback([&] {
    spdlog::set_level(spdlog::level::info);
    const unsigned threads =
        server.threads ? server.threads : std::max(1u, std::thread::hardware_concurrency());
    // The system's time unless the API sets it (--settable-clock); the demo's year of
    // applications is made by moving it.
    SettableClock server_clock;
    auto app = open_app(serve_data, server_clock, threads + 3, web_dir,
                        settable_clock ? &server_clock : nullptr);
    if (!app) return void(status = report(err, app.error()));
    if (demo) {
      if (auto seeded = seed_demo(**app, console_actor(), {}, &server_clock); !seeded) {
        return void(status = report(err, seeded.error()));
      }
    }
    server.upload_limits = App::upload_limits();
    DailySweep sweep((*app)->applications(), std::chrono::minutes(sweep_minutes));
    http::Server http_server(server, (*app)->router());
    auto port = http_server.start();
    if (!port) return void(status = report(err, port.error()));
    out << "jingkai listening on http://" << server.host << ":" << *port
        << "/ (database: " << store::to_string((*app)->db().dialect()) << ")" << std::endl;
    if (settable_clock) {
      out << "the clock is settable (--settable-clock): not for production" << std::endl;
    }
    if (demo) {
      out << "demo zone " << kDemoZone << ": log in as " << kDemoAdmin << " / " << kDemoPassword
          << " (also " << kDemoOfficer << ", the service-centre officer, and " << kDemoApplicant
          << ", an enterprise's applicant; same password)" << std::endl;
    }
    http_server.wait_for_signal();
    out << "jingkai: stopping" << std::endl;
    http_server.stop();
  });

  // migrate
  DataOptions migrate_data;
  auto* migrate = cli.add_subcommand("migrate", "bring the database schema up to date");
  migrate_data.add_to(migrate);
  migrate->callback([&] {
    auto db = store::Database::open(migrate_data.db, 1);
    if (!db) return void(status = report(err, db.error()));
    auto state = store::migrate(**db, schema_history());
    if (!state) return void(status = report(err, state.error()));
    out << "schema version " << state->before << " -> " << state->after << "\n";
  });

  // demo
  DataOptions demo_data;
  auto* demo_command = cli.add_subcommand("demo", "create the demo zone in a database");
  demo_data.add_to(demo_command);
  demo_command->callback([&] {
    SettableClock demo_clock;
    auto app = open_app(demo_data, demo_clock);
    if (!app) return void(status = report(err, app.error()));
    auto seeded = seed_demo(
        **app, console_actor(), [&err](std::string_view step) { err << "demo: " << step << "\n"; },
        &demo_clock);
    if (!seeded) return void(status = report(err, seeded.error()));
    out << (*seeded ? "created" : "already present") << ": demo zone " << kDemoZone
        << ", log in as " << kDemoAdmin << " / " << kDemoPassword << "\n";
  });

  // zone add | list
  auto* zone = cli.add_subcommand("zone", "zones (tenants)");
  zone->require_subcommand(1);
  DataOptions zone_add_data;
  accounts::Zone new_zone;
  auto* zone_add = zone->add_subcommand("add", "add a zone");
  zone_add_data.add_to(zone_add);
  zone_add->add_option("--code", new_zone.code, "stable code, e.g. zhuji-edz")->required();
  zone_add->add_option("--name", new_zone.name, "name, e.g. 诸暨经济开发区")->required();
  zone_add->callback([&] {
    auto app = open_app(zone_add_data, clock);
    if (!app) return void(status = report(err, app.error()));
    auto created = (*app)->accounts().add_zone(console_actor(), new_zone);
    if (!created) return void(status = report(err, created.error()));
    out << "zone " << created->code << " added\n";
  });
  DataOptions zone_list_data;
  auto* zone_list = zone->add_subcommand("list", "list zones");
  zone_list_data.add_to(zone_list);
  zone_list->callback([&] {
    auto app = open_app(zone_list_data, clock);
    if (!app) return void(status = report(err, app.error()));
    auto zones = (*app)->accounts().list_zones();
    if (!zones) return void(status = report(err, zones.error()));
    for (const auto& z : *zones) out << z.code << "\t" << z.name << "\n";
  });

  // user add | grant | list
  auto* user = cli.add_subcommand("user", "users and their roles");
  user->require_subcommand(1);
  DataOptions user_add_data;
  std::string user_zone;
  accounts::NewUser new_user;
  std::vector<std::string> user_roles;
  bool password_stdin = false;
  auto* user_add = user->add_subcommand("add", "add a user with roles in a zone");
  user_add_data.add_to(user_add);
  user_add->add_option("--zone", user_zone, "zone code")->required();
  user_add->add_option("--role", user_roles, "role (repeatable)")->required();
  user_add->add_option("--name", new_user.name, "login name")->required();
  user_add->add_option("--display-name", new_user.display_name, "name shown in the UI");
  user_add->add_flag("--password-stdin", password_stdin, "read the password from standard input")
      ->required();
  auto parse_roles = [&](const std::vector<std::string>& names) -> Result<std::vector<Role>> {
    std::vector<Role> roles;
    for (const auto& name : names) {
      auto role = parse_role(name);
      if (!role)
        return std::unexpected(Error::invalid("unknown_role", "未知角色: " + name, "role"));
      roles.push_back(*role);
    }
    return roles;
  };
  user_add->callback([&] {
    auto roles = parse_roles(user_roles);
    if (!roles) return void(status = report(err, roles.error()));
    new_user.roles = *roles;
    std::getline(in, new_user.password);
    if (!new_user.password.empty() && new_user.password.back() == '\r')
      new_user.password.pop_back();
    auto app = open_app(user_add_data, clock);
    if (!app) return void(status = report(err, app.error()));
    auto created = (*app)->accounts().add_user(console_actor(), user_zone, new_user);
    if (!created) return void(status = report(err, created.error()));
    out << "user " << created->name << " added to " << user_zone << "\n";
  });
  DataOptions grant_data;
  std::string grant_zone, grant_role, grant_name;
  auto* user_grant = user->add_subcommand("grant", "give an existing user a role in a zone");
  grant_data.add_to(user_grant);
  user_grant->add_option("--zone", grant_zone, "zone code")->required();
  user_grant->add_option("--role", grant_role, "role")->required();
  user_grant->add_option("--name", grant_name, "login name")->required();
  user_grant->callback([&] {
    auto roles = parse_roles({grant_role});
    if (!roles) return void(status = report(err, roles.error()));
    auto app = open_app(grant_data, clock);
    if (!app) return void(status = report(err, app.error()));
    auto granted =
        (*app)->accounts().grant(console_actor(), grant_name, grant_zone, roles->front());
    if (!granted) return void(status = report(err, granted.error()));
    out << "user " << grant_name << " holds " << grant_role << " in " << grant_zone << "\n";
  });

  // token create
  auto* token = cli.add_subcommand("token", "bearer tokens for scripts");
  token->require_subcommand(1);
  DataOptions token_data;
  std::string token_zone, token_user, token_label;
  int token_days = 90;
  auto* token_create = token->add_subcommand("create", "create a token; prints it once");
  token_data.add_to(token_create);
  token_create->add_option("--zone", token_zone, "zone the token works in")->required();
  token_create->add_option("--name", token_user, "user the token acts for")->required();
  token_create->add_option("--label", token_label, "what the token is for");
  token_create->add_option("--days", token_days, "days of validity")->capture_default_str();
  token_create->callback([&] {
    auto app = open_app(token_data, clock);
    if (!app) return void(status = report(err, app.error()));
    auto created = (*app)->accounts().create_api_token(console_actor(), token_user, token_zone,
                                                       token_label, token_days);
    if (!created) return void(status = report(err, created.error()));
    out << *created << "\n";
  });

  // audit verify
  auto* audit = cli.add_subcommand("audit", "the audit log");
  audit->require_subcommand(1);
  DataOptions verify_data;
  auto* verify = audit->add_subcommand("verify", "check the hash chain; exit 1 if broken");
  verify_data.add_to(verify);
  verify->callback([&] {
    auto app = open_app(verify_data, clock);
    if (!app) return void(status = report(err, app.error()));
    auto result = (*app)->audit().verify();
    if (!result) return void(status = report(err, result.error()));
    if (result->ok) {
      out << "audit log intact: " << result->rows << " records\n";
    } else {
      out << "audit log BROKEN at record " << *result->first_bad_seq << ": " << result->reason
          << "\n";
      status = kFailed;
    }
  });

  // calendar add-workdays | workdays | import | export
  auto* calendar = cli.add_subcommand("calendar", "the working-day calendar (工作日历)");
  calendar->require_subcommand(1);
  std::string calendar_db, from_text, to_text, import_file;
  int workdays_count = 0;
  // Without --db, the calendar shipped in data/; with it, that database's imports laid over.
  auto load_calendar = [&]() -> Result<std::shared_ptr<const WorkCalendar>> {
    if (calendar_db.empty()) {
      auto shipped = WorkCalendar::parse(read_shipped_calendar(JINGKAI_DEFAULT_DATA_DIR));
      if (!shipped) return std::unexpected(shipped.error());
      return std::make_shared<const WorkCalendar>(std::move(*shipped));
    }
    auto app = open_app(DataOptions{calendar_db}, clock);
    if (!app) return std::unexpected(app.error());
    return (*app)->calendar().current();
  };
  auto* add_workdays = calendar->add_subcommand(
      "add-workdays", "the date N working days after --from (N = 1: the next working day)");
  add_workdays->add_option("--from", from_text, "YYYY-MM-DD")->required();
  add_workdays->add_option("--days", workdays_count, "N >= 0")->required();
  add_workdays->add_option("--db", calendar_db, "include the calendar years imported there");
  add_workdays->callback([&] {
    auto from = parse_date(from_text, "from");
    if (!from) return void(status = report(err, from.error()));
    auto current = load_calendar();
    if (!current) return void(status = report(err, current.error()));
    auto date = (*current)->add_working_days(*from, workdays_count);
    if (!date) return void(status = report(err, date.error()));
    out << format_date(*date) << "\n";
  });
  auto* workdays = calendar->add_subcommand(
      "workdays", "how many working days lie after --from up to and including --to");
  workdays->add_option("--from", from_text, "YYYY-MM-DD")->required();
  workdays->add_option("--to", to_text, "YYYY-MM-DD")->required();
  workdays->add_option("--db", calendar_db, "include the calendar years imported there");
  workdays->callback([&] {
    auto from = parse_date(from_text, "from");
    if (!from) return void(status = report(err, from.error()));
    auto to = parse_date(to_text, "to");
    if (!to) return void(status = report(err, to.error()));
    auto current = load_calendar();
    if (!current) return void(status = report(err, current.error()));
    auto count = (*current)->working_days_between(*from, *to);
    if (!count) return void(status = report(err, count.error()));
    out << *count << "\n";
  });
  DataOptions import_data;
  auto* calendar_import = calendar->add_subcommand(
      "import", "import calendar years (the form of data/holidays-cn.txt); replaces those years");
  import_data.add_to(calendar_import);
  calendar_import->add_option("file", import_file, "calendar file")->required();
  calendar_import->callback([&] {
    std::ifstream file(import_file, std::ios::binary);
    if (!file) {
      err << "jingkai: cannot read " << import_file << "\n";
      return void(status = kBadInput);
    }
    std::ostringstream text;
    text << file.rdbuf();
    auto app = open_app(import_data, clock);
    if (!app) return void(status = report(err, app.error()));
    auto years = (*app)->calendar().import(console_actor(), text.str());
    if (!years) return void(status = report(err, years.error()));
    out << "imported";
    for (int year : *years) out << " " << year;
    out << "\n";
  });
  auto* calendar_export = calendar->add_subcommand("export", "print the calendar in force");
  calendar_export->add_option("--db", calendar_db, "include the calendar years imported there");
  calendar_export->callback([&] {
    auto current = load_calendar();
    if (!current) return void(status = report(err, current.error()));
    out << (*current)->to_text();
  });

  // orbit propagate: minutes since epoch (--tsince) or UTC times (--start/--stop/--step)
  auto* orbit = cli.add_subcommand("orbit", "orbit tools: propagation of element sets");
  orbit->require_subcommand(1);
  std::string tle_file, tsince, gravity = "wgs72", mode = "i", start_text, stop_text;
  std::string frame = "teme", format = "csv";
  double step_seconds = 60;
  bool ignore_checksums = false;
  auto* propagate = orbit->add_subcommand(
      "propagate",
      "SGP4/SDP4 states: with --tsince in the layout of Vallado's tcppver.out (TEME); with "
      "--start/--stop/--step as CSV or JSON in TEME, ITRF or geodetic coordinates");
  propagate->add_option("--tle", tle_file, "file of 2- or 3-line element sets")->required();
  auto* tsince_option =
      propagate->add_option("--tsince", tsince, "START:STOP:STEP in minutes since each epoch");
  auto* start_option =
      propagate->add_option("--start", start_text, "first time, ISO 8601 UTC (…Z)");
  propagate->add_option("--stop", stop_text, "last time, ISO 8601 UTC");
  propagate->add_option("--step", step_seconds, "seconds between times")->capture_default_str();
  propagate->add_option("--frame", frame, "teme | itrf | geodetic")->capture_default_str();
  propagate->add_option("--format", format, "csv | json")->capture_default_str();
  tsince_option->excludes(start_option);
  propagate->add_option("--gravity", gravity, "wgs72old | wgs72 | wgs84")->capture_default_str();
  propagate->add_option("--mode", mode, "a (AFSPC) | i (improved)")->capture_default_str();
  propagate->add_flag("--ignore-checksums", ignore_checksums,
                      "accept lines whose mod-10 checksum is wrong (as in SGP4-VER.TLE)");
  propagate->callback([&] {
    auto bad = [&](std::string_view message) {
      err << "jingkai: " << message << "\n";
      status = kBadInput;
    };
    orbit::StateListingOptions options;
    if (gravity == "wgs72old") {
      options.sgp4.gravity = orbit::GravityModel::kWgs72Old;
    } else if (gravity == "wgs84") {
      options.sgp4.gravity = orbit::GravityModel::kWgs84;
    } else if (gravity != "wgs72") {
      return bad("--gravity must be wgs72old, wgs72 or wgs84");
    }
    if (mode == "a") {
      options.sgp4.mode = orbit::OperationMode::kAfspc;
    } else if (mode != "i") {
      return bad("--mode must be a or i");
    }
    if (ignore_checksums) options.checksums = orbit::ChecksumPolicy::kIgnore;
    std::ifstream file(tle_file, std::ios::binary);
    if (!file) return bad("cannot read " + tle_file);
    std::ostringstream text;
    text << file.rdbuf();

    if (!tsince.empty()) {
      auto range = orbit::parse_tsince_range(tsince);
      if (!range) return bad("--tsince: " + range.error().to_string());
      auto listing = orbit::list_states(text.str(), *range, options);
      if (!listing) return bad(tle_file + ": " + listing.error().to_string());
      out << listing->text;
      return;
    }
    if (start_text.empty() || stop_text.empty()) {
      return bad("give --tsince START:STOP:STEP, or --start and --stop (ISO 8601 UTC)");
    }
    auto start = orbit::parse_iso8601_utc(start_text);
    if (!start) return bad("--start: " + start.error().to_string());
    auto stop = orbit::parse_iso8601_utc(stop_text);
    if (!stop) return bad("--stop: " + stop.error().to_string());
    const double span = orbit::seconds_between(*start, *stop);
    if (span < 0) return bad("--stop is before --start");
    if (!(step_seconds > 0)) return bad("--step must be a positive number of seconds");
    if (span / step_seconds > 10'000'000) return bad("more than 10 million times: widen --step");
    if (frame != "teme" && frame != "itrf" && frame != "geodetic") {
      return bad("--frame must be teme, itrf or geodetic");
    }
    if (format != "csv" && format != "json") return bad("--format must be csv or json");
    orbit::TleParseOptions parse_options;
    parse_options.checksums = options.checksums;
    auto sets = orbit::parse_tle_file(text.str(), parse_options);
    if (!sets) return bad(tle_file + ": " + sets.error().to_string());

    const bool json = format == "json", geodetic = frame == "geodetic";
    const char* columns = geodetic ? "satellite,time,latitude_deg,longitude_deg,height_km"
                                   : "satellite,time,x_km,y_km,z_km,vx_km_s,vy_km_s,vz_km_s";
    if (json) {
      out << "[";
    } else {
      out << columns << "\n";
    }
    bool first = true;
    int failures = 0;
    for (const orbit::Tle& tle : *sets) {
      auto sgp4 = orbit::Sgp4::create(tle, options.sgp4);
      const long steps = static_cast<long>(span / step_seconds);
      for (long i = 0; i <= steps; ++i) {
        const orbit::JulianDate utc = orbit::add_seconds(*start, i * step_seconds);
        std::expected<orbit::StateVector, orbit::Sgp4Error> state =
            sgp4 ? sgp4->propagate(orbit::minutes_between(tle.epoch, utc))
                 : std::unexpected(sgp4.error());
        if (!state) {
          // Reported and the satellite skipped from here on: never a silently wrong orbit.
          err << "jingkai: satellite " << tle.catalog_number << " stops at "
              << orbit::format_iso8601_utc(utc) << ": SGP4 error " << orbit::code(state.error())
              << " (" << orbit::describe(state.error()) << ")\n";
          ++failures;
          break;
        }
        const orbit::StateVector s = frame == "teme" ? *state : orbit::teme_to_itrf(*state, utc);
        const std::string time = orbit::format_iso8601_utc(utc);
        std::vector<double> values;
        if (geodetic) {
          const auto g =
              orbit::geodetic_from_itrf({s.position_km[0], s.position_km[1], s.position_km[2]});
          values = {g.latitude_deg, g.longitude_deg, g.height_km};
        } else {
          values = {s.position_km[0],   s.position_km[1],   s.position_km[2],
                    s.velocity_km_s[0], s.velocity_km_s[1], s.velocity_km_s[2]};
        }
        if (json) {
          out << (first ? "\n" : ",\n") << "{\"satellite\":" << tle.catalog_number << ",\"time\":\""
              << time << "\"";
          std::string_view names(columns);
          names.remove_prefix(std::string_view("satellite,time,").size());
          for (double value : values) {
            const auto comma = names.find(',');
            out << ",\"" << names.substr(0, comma) << "\":" << fmt::format("{:.9f}", value);
            names.remove_prefix(comma == std::string_view::npos ? names.size() : comma + 1);
          }
          out << "}";
        } else {
          out << tle.catalog_number << "," << time;
          for (double value : values) out << "," << fmt::format("{:.9f}", value);
          out << "\n";
        }
        first = false;
      }
    }
    if (json) out << "\n]\n";
    if (failures > 0) status = kFailed;
  });

  // orbit passes
  std::string passes_tle, passes_start, passes_stop, passes_format = "csv", stations_file;
  std::vector<std::string> station_specs;
  unsigned passes_threads = 0;
  auto* passes = orbit->add_subcommand("passes", "passes of every satellite over stations");
  passes->add_option("--tle", passes_tle, "file of 2- or 3-line element sets")->required();
  passes->add_option("--station", station_specs, "NAME,LAT,LON,HEIGHT_M[,MIN_EL_DEG] (repeatable)");
  passes->add_option(
      "--stations", stations_file,
      "CSV file, a station a line: NAME,LAT,LON,HEIGHT_M[,MIN_EL_DEG] ('#' comments)");
  passes->add_option("--threads", passes_threads, "threads over satellites (0: one per core)");
  passes->add_option("--start", passes_start, "ISO 8601 UTC (…Z)")->required();
  passes->add_option("--stop", passes_stop, "ISO 8601 UTC")->required();
  passes->add_option("--format", passes_format, "csv | json")->capture_default_str();
  passes->callback([&] {
    auto bad = [&](std::string_view message) {
      err << "jingkai: " << message << "\n";
      status = kBadInput;
    };
    if (passes_format != "csv" && passes_format != "json") {
      return bad("--format must be csv or json");
    }
    std::vector<std::string> station_names;
    std::vector<orbit::PassSite> sites;
    // Empty when `spec` is a station (added), else why not.
    auto add_station = [&](const std::string& spec) -> std::string {
      std::vector<std::string> parts;
      std::stringstream fields(spec);
      for (std::string part; std::getline(fields, part, ',');) parts.push_back(part);
      double numbers[4] = {0, 0, 0, 0};
      bool numbers_ok = parts.size() == 4 || parts.size() == 5;
      for (std::size_t i = 1; numbers_ok && i < parts.size(); ++i) {
        const char* begin = parts[i].data();
        const char* end = begin + parts[i].size();
        auto [stop, ec] = std::from_chars(begin, end, numbers[i - 1]);
        numbers_ok = ec == std::errc() && stop == end;
      }
      if (!numbers_ok || parts[0].empty()) return "expected NAME,LAT,LON,HEIGHT_M[,MIN_EL_DEG]";
      auto station = orbit::Station::create({numbers[0], numbers[1], numbers[2] / 1000.0});
      if (!station) return station.error().message;
      auto horizon = orbit::Horizon::flat(numbers[3]);
      if (!horizon) return horizon.error().message;
      station_names.push_back(parts[0]);
      sites.push_back({*station, *horizon});
      return {};
    };
    for (const std::string& spec : station_specs) {
      if (auto why = add_station(spec); !why.empty()) return bad("--station " + spec + ": " + why);
    }
    if (!stations_file.empty()) {
      std::ifstream list(stations_file, std::ios::binary);
      if (!list) return bad("cannot read " + stations_file);
      int line_number = 0;
      for (std::string line; std::getline(list, line);) {
        ++line_number;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line.front() == '#') continue;
        if (auto why = add_station(line); !why.empty()) {
          return bad(fmt::format("{}:{}: {}", stations_file, line_number, why));
        }
      }
    }
    if (sites.empty()) return bad("no station: give --station or --stations");
    auto start = orbit::parse_iso8601_utc(passes_start);
    if (!start) return bad("--start: " + start.error().to_string());
    auto stop = orbit::parse_iso8601_utc(passes_stop);
    if (!stop) return bad("--stop: " + stop.error().to_string());
    if (orbit::seconds_between(*start, *stop) <= 0) return bad("--stop is not after --start");
    std::ifstream file(passes_tle, std::ios::binary);
    if (!file) return bad("cannot read " + passes_tle);
    std::ostringstream text;
    text << file.rdbuf();
    auto sets = orbit::parse_tle_file(text.str());
    if (!sets) return bad(passes_tle + ": " + sets.error().to_string());

    const bool json = passes_format == "json";
    out << (json ? "[" : "satellite,station,aos,tca,los,max_elevation,aos_azimuth,los_azimuth\n");
    bool first = true;
    int failures = 0;
    // Every satellite is searched over every station at once (threads over satellites), then
    // printed in the file's order.
    std::vector<orbit::Sgp4> satellites;
    std::vector<std::expected<std::size_t, orbit::Sgp4Error>> row_of;  // per element set
    for (const orbit::Tle& tle : *sets) {
      auto sgp4 = orbit::Sgp4::create(tle);
      if (!sgp4) {
        row_of.push_back(std::unexpected(sgp4.error()));
        continue;
      }
      row_of.push_back(satellites.size());
      satellites.push_back(*sgp4);
    }
    auto network = orbit::predict_network_passes(satellites, sites, *start, *stop, {},
                                                 {.threads = passes_threads});
    if (!network) return bad(network.error().message);
    // The rows are formatted on worker threads, a block of satellites at a time, and written
    // in the file's order: at 5,000 satellites × 50 stations × 7 days (8.5 million passes)
    // formatting on one thread takes about as long as the search. One text per satellite for
    // out and one for err.
    struct Text {
      std::string out, err;
      int failures = 0;
    };
    auto format_satellite = [&](std::size_t n, Text& text) {
      text.out.clear();
      text.err.clear();
      text.failures = 0;
      const orbit::Tle& tle = (*sets)[n];
      if (!row_of[n]) {
        text.err += fmt::format("jingkai: satellite {}: SGP4 error {} ({})\n", tle.catalog_number,
                                orbit::code(row_of[n].error()), orbit::describe(row_of[n].error()));
        ++text.failures;
        return;
      }
      for (std::size_t i = 0; i < sites.size(); ++i) {
        const std::string& station_name = station_names[i];
        const orbit::PassPrediction* found = &network->at(*row_of[n], i);
        for (const orbit::Pass& pass : found->passes) {
          if (json) {
            const std::string aos = orbit::format_iso8601_utc(pass.aos.time);
            const std::string tca = orbit::format_iso8601_utc(pass.tca.time);
            const std::string los = orbit::format_iso8601_utc(pass.los.time);
            // Each row after a comma; the comma before the first row of all is dropped below.
            fmt::format_to(std::back_inserter(text.out),
                           ",\n{{\"satellite\":{},\"station\":{},\"aos\":\"{}\",\"tca\":\"{}\","
                           "\"los\":\"{}\",\"max_elevation\":{:.4f},\"aos_azimuth\":{:.4f},"
                           "\"los_azimuth\":{:.4f},\"aos_clipped\":{},\"los_clipped\":{}}}",
                           tle.catalog_number,
                           boost::json::serialize(boost::json::value(station_name)), aos, tca, los,
                           pass.max_elevation_deg, pass.aos.azimuth_deg, pass.los.azimuth_deg,
                           pass.aos_clipped, pass.los_clipped);
          } else {
            // The timestamps appended in place: three strings fewer a row, of millions.
            fmt::format_to(std::back_inserter(text.out), "{},{},", tle.catalog_number,
                           station_name);
            orbit::append_iso8601_utc(text.out, pass.aos.time);
            text.out += ',';
            orbit::append_iso8601_utc(text.out, pass.tca.time);
            text.out += ',';
            orbit::append_iso8601_utc(text.out, pass.los.time);
            fmt::format_to(std::back_inserter(text.out), ",{:.4f},{:.4f},{:.4f}\n",
                           pass.max_elevation_deg, pass.aos.azimuth_deg, pass.los.azimuth_deg);
          }
        }
        if (found->failure) {
          text.err += fmt::format(
              "jingkai: satellite {} stops at {}: SGP4 error {} ({})\n", tle.catalog_number,
              orbit::format_iso8601_utc(found->failure->time), orbit::code(found->failure->error),
              orbit::describe(found->failure->error));
          ++text.failures;
          break;
        }
      }
    };
    unsigned workers = passes_threads > 0 ? passes_threads : std::thread::hardware_concurrency();
    workers = std::max(1U, workers);
    constexpr std::size_t kBlock = 64;
    std::vector<Text> texts(std::min(kBlock, sets->size()));
    for (std::size_t block = 0; block < sets->size(); block += kBlock) {
      const std::size_t count = std::min(kBlock, sets->size() - block);
      std::atomic<std::size_t> next{0};
      auto work = [&] {
        for (std::size_t k = next++; k < count; k = next++) format_satellite(block + k, texts[k]);
      };
      {
        std::vector<std::jthread> pool;
        for (unsigned w = 1; w < workers && w < count; ++w) pool.emplace_back(work);
        work();
      }
      for (std::size_t k = 0; k < count; ++k) {
        const Text& text = texts[k];
        if (first && !text.out.empty()) {
          out << std::string_view(text.out).substr(json ? 1 : 0);
          first = false;
        } else {
          out << text.out;
        }
        err << text.err;
        failures += text.failures;
      }
    }
    if (json) out << "\n]\n";
    if (failures > 0) status = kFailed;
  });

  // orbit bench
  std::string bench_tle;
  long bench_steps = 1440;
  unsigned bench_threads = 0;
  auto* bench = orbit->add_subcommand(
      "bench", "propagate every satellite over N one-minute steps with the batch path");
  bench->add_option("--tle", bench_tle, "file of 2- or 3-line element sets")->required();
  bench->add_option("--steps", bench_steps, "one-minute steps")->capture_default_str();
  bench->add_option("--threads", bench_threads, "threads (0: one per core)");
  bench->callback([&] {
    if (bench_steps < 1 || bench_steps > 10'000'000) {
      err << "jingkai: --steps must be 1 to 10000000\n";
      return void(status = kBadInput);
    }
    std::ifstream file(bench_tle, std::ios::binary);
    if (!file) {
      err << "jingkai: cannot read " << bench_tle << "\n";
      return void(status = kBadInput);
    }
    std::ostringstream text;
    text << file.rdbuf();
    auto sets = orbit::parse_tle_file(text.str());
    if (!sets) {
      err << "jingkai: " << bench_tle << ": " << sets.error().to_string() << "\n";
      return void(status = kBadInput);
    }
    std::vector<orbit::Sgp4> satellites;
    for (const orbit::Tle& tle : *sets) {
      auto sgp4 = orbit::Sgp4::create(tle);
      if (sgp4) satellites.push_back(*sgp4);
    }
    std::vector<double> minutes(static_cast<std::size_t>(bench_steps));
    for (std::size_t i = 0; i < minutes.size(); ++i) minutes[i] = double(i);
    const orbit::BatchPropagator batch(satellites);
    orbit::BatchOptions batch_options;
    batch_options.threads = bench_threads;
    // One untimed run first: it allocates and first touches the output (138 MB for 2,000
    // satellites over a day), which is the operating system's work, not propagation's. The
    // timed run reuses that storage, as a tracking loop does.
    orbit::BatchResult result;
    batch.propagate(minutes, batch_options, result);
    const auto began = std::chrono::steady_clock::now();
    batch.propagate(minutes, batch_options, result);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
    const double count = double(satellites.size()) * double(minutes.size());
    out << "satellites: " << satellites.size() << " (" << batch.near_earth_count()
        << " near-earth)\nsteps: " << minutes.size()
        << "\nfailed satellites: " << result.failures.size()
        << "\nseconds: " << fmt::format("{:.3f}", seconds)
        << "\npropagations_per_second: " << fmt::format("{:.0f}", count / seconds) << "\n";
  });

  try {
    cli.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = cli.exit(e, out, err);
    return code == 0 ? kOk : kBadInput;
  }
  return status;
}

}  // namespace jingkai::app
