#include "app/app.hpp"

#include <fstream>
#include <sstream>

#include "app/demo_zone.hpp"
#include "modules/accounts/routes.hpp"
#include "modules/approvals/routes.hpp"
#include "modules/audit/routes.hpp"
#include "modules/calendar/routes.hpp"
#include "modules/enterprises/routes.hpp"
#include "modules/indicators/routes.hpp"
#include "store/migrations.hpp"

namespace jingkai::app {
namespace {

void register_system_routes(http::Router& router, const store::Database& db) {
  router.add(http::Verb::get, "/api/v1/health", http::Access::anyone(),
             [&db](const http::RequestContext&) -> Result<http::Response> {
               return http::json_response(
                   http::StatusCode::ok, boost::json::object{{"status", "ok"},
                                                             {"db", store::to_string(db.dialect())},
                                                             {"version", JINGKAI_VERSION}});
             });
}

}  // namespace

Result<std::unique_ptr<App>> App::open(const AppOptions& options, const Clock& clock) {
  auto db = store::Database::open(options.db, options.connections);
  if (!db) return std::unexpected(db.error());
  auto industry_text = read_data_file(options.data_dir, "industry-codes-gb4754-2017.txt");
  if (!industry_text) return std::unexpected(industry_text.error());
  auto industries = IndustryCatalog::parse(*industry_text);
  if (!industries) return std::unexpected(industries.error());
  auto pinyin_text = read_data_file(options.data_dir, "pinyin-initials.txt");
  if (!pinyin_text) return std::unexpected(pinyin_text.error());
  auto pinyin = PinyinIndex::parse(*pinyin_text);
  if (!pinyin) return std::unexpected(pinyin.error());
  if (auto migrated = store::migrate(**db); !migrated) return std::unexpected(migrated.error());
  return std::unique_ptr<App>(new App(options, clock, std::move(*db),
                                      std::make_unique<IndustryCatalog>(std::move(*industries)),
                                      std::make_unique<PinyinIndex>(std::move(*pinyin))));
}

App::App(const AppOptions& options, const Clock& clock, std::unique_ptr<store::Database> db,
         std::unique_ptr<IndustryCatalog> industries, std::unique_ptr<PinyinIndex> pinyin)
    : clock_(clock),
      data_dir_(options.data_dir),
      db_(std::move(db)),
      audit_log_(clock),
      accounts_(*db_, account_repo_, audit_log_, clock, options.accounts),
      audit_(*db_, audit_log_),
      calendar_(*db_, calendar_repo_, audit_log_, clock, read_shipped_calendar(options.data_dir)),
      industries_(std::move(industries)),
      pinyin_(std::move(pinyin)),
      enterprises_(*db_, enterprise_repo_, audit_log_, clock, *industries_,
                   [this](std::string_view name) { return pinyin_->initials(name); }),
      report_importer_(enterprises_),
      indicators_(*db_, indicator_repo_, audit_log_, clock, enterprises_),
      catalogue_(*db_, service_item_repo_, audit_log_, clock, accounts_),
      static_files_(options.web_dir),
      router_([this](std::string_view token) { return accounts_.authenticate(token); }) {
  register_system_routes(router_, *db_);
  accounts::register_routes(router_, accounts_);
  audit::register_routes(router_, audit_);
  calendar::register_routes(router_, calendar_);
  enterprises::register_routes(router_, enterprises_, report_importer_);
  indicators::register_routes(router_, indicators_);
  approvals::register_routes(router_, catalogue_);
  if (!options.web_dir.empty()) {
    router_.set_fallback([this](const http::Request& r) { return static_files_.serve(r); });
  }
}

std::string read_shipped_calendar(const std::string& data_dir) {
  std::ifstream in(data_dir + "/holidays-cn.txt", std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

Result<std::string> read_data_file(const std::string& data_dir, std::string_view name) {
  const std::string path = data_dir + "/" + std::string(name);
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return std::unexpected(Error::internal("cannot read the shipped data file " + path));
  }
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

Result<bool> seed_demo(App& app, const Actor& actor,
                       const std::function<void(std::string_view)>& progress) {
  auto zones = app.accounts().list_zones();
  if (!zones) return std::unexpected(zones.error());
  for (const auto& zone : *zones) {
    if (zone.code == kDemoZone) return false;
  }
  auto zone = app.accounts().add_zone(actor, {0, std::string(kDemoZone), "诸暨经济开发区 (演示)"});
  if (!zone) return std::unexpected(zone.error());
  auto admin = app.accounts().add_user(
      actor, kDemoZone,
      {std::string(kDemoAdmin), "演示管理员", std::string(kDemoPassword), {Role::admin}});
  if (!admin) return std::unexpected(admin.error());
  Actor in_zone = actor;
  in_zone.zone_id = zone->id;
  in_zone.zone_code = zone->code;
  in_zone.roles.assign(kAllRoles.begin(), kAllRoles.end());
  auto built = build_demo_enterprises(app, in_zone, DemoShape{}, progress);
  if (!built) return std::unexpected(built.error());
  if (progress) progress("service-item catalogue");
  auto catalogue = read_data_file(app.data_dir(), "demo-service-items.csv");
  if (!catalogue) return std::unexpected(catalogue.error());
  auto imported = app.catalogue().import(in_zone, std::move(*catalogue), std::nullopt,
                                         "data/demo-service-items.csv");
  if (!imported) return std::unexpected(imported.error());
  if (!imported->imported) {
    return std::unexpected(
        Error::internal("the demo catalogue has bad rows: " + imported->problems.front().message));
  }
  return true;
}

}  // namespace jingkai::app
