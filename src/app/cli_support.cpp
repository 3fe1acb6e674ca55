#include "app/cli_support.hpp"

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "core/date.hpp"

namespace jingkai::app {

int report(std::ostream& err, const Error& error) {
  err << "jingkai: " << error.message;
  if (!error.field.empty()) err << " [" << error.field << "]";
  err << "\n";
  return error.kind == ErrorKind::invalid_input || error.kind == ErrorKind::not_found ||
                 error.kind == ErrorKind::conflict
             ? kBadInput
             : kFailed;
}

Actor console_actor() {
  const char* user = std::getenv("USER");
  return Actor::system(std::string("cli:") + (user && *user ? user : "console"));
}

Result<Actor> console_actor_in(App& app, std::string_view zone_code) {
  auto zones = TRY(app.accounts().list_zones());
  for (const auto& zone : zones) {
    if (zone.code != zone_code) continue;
    Actor actor = console_actor();
    actor.zone_id = zone.id;
    actor.zone_code = zone.code;
    actor.roles.assign(kAllRoles.begin(), kAllRoles.end());
    return actor;
  }
  return std::unexpected(
      Error::not_found("zone_not_found", "园区不存在 (no such zone): " + std::string(zone_code)));
}

Status TodayOption::apply_to(SettableClock& clock) const {
  if (today.empty()) return {};
  auto day = TRY(parse_date(today, "today"));
  constexpr EpochMs kNoonInChina = (12 - 8) * 3600 * 1000;
  clock.set_now_ms(
      std::chrono::duration_cast<std::chrono::milliseconds>(day.time_since_epoch()).count() +
      kNoonInChina);
  return {};
}

Result<std::unique_ptr<App>> open_app(const DataOptions& data, const Clock& clock,
                                      std::size_t connections, std::string web_dir,
                                      SettableClock* settable_clock) {
  AppOptions options;
  options.db = data.db;
  options.files_dir = data.files;
  options.audit_key_file = data.audit_key;
  options.check_audit_key = data.check_audit_key;
  options.applications.warning_days = data.warning_days;
  options.settable_clock = settable_clock;
  options.connections = connections;
  options.web_dir = std::move(web_dir);
  return App::open(options, clock);
}

Result<std::string> read_file(const std::string& path) {
  auto text = read_text(path);
  if (!text) {
    return std::unexpected(
        Error::invalid("file_unreadable", "无法读取文件 (cannot read) " + path, "file"));
  }
  return std::move(*text);
}

Status write_output(const std::string& path, const std::string& bytes, std::ostream& out) {
  if (path.empty()) {
    out << bytes;
    return {};
  }
  std::ofstream output(path, std::ios::binary);
  output << bytes;
  if (!output) return std::unexpected(Error::internal("cannot write " + path));
  return {};
}

std::optional<std::string> read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace jingkai::app
