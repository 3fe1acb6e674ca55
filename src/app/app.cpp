#include "app/app.hpp"

#include <unistd.h>

#include <fstream>
#include <sstream>

#include "app/demo_applications.hpp"
#include "app/demo_zone.hpp"
#include "app/schema_history.hpp"
#include "http/json_body.hpp"
#include "modules/accounts/routes.hpp"
#include "modules/approvals/application_routes.hpp"
#include "modules/approvals/material_file.hpp"
#include "modules/approvals/routes.hpp"
#include "modules/audit/routes.hpp"
#include "modules/calendar/routes.hpp"
#include "modules/enterprises/routes.hpp"
#include "modules/indicators/routes.hpp"
#include "store/migrations.hpp"

namespace jingkai::app {
namespace {

void register_system_routes(http::Router& router, store::Database& db,
                            SettableClock* settable_clock, const store::AuditLog& audit) {
  router.add(
      http::Verb::put, "/api/v1/system/clock", http::Access::only({Role::admin}),
      [&db, settable_clock, &audit](const http::RequestContext& ctx) -> Result<http::Response> {
        if (!settable_clock) {
          return std::unexpected(Error::conflict(
              "clock_not_settable",
              "服务器时钟不可设置 (start the server with --settable-clock to set its clock)"));
        }
        auto body = TRY(http::parse_json_object(ctx.request));
        http::FieldReader fields(body);
        const std::string text = fields.required_string("now", 40);
        TRY(fields.finish());
        auto now = TRY(parse_instant(text, "now"));
        const std::string before = format_china_time(settable_clock->now_ms());
        settable_clock->set_now_ms(now);
        TRY(db.write([&](store::Tx& tx) -> Status {
          audit.append(tx, ctx.actor(),
                       {"system.clock_set", "system", "clock",
                        boost::json::serialize(boost::json::object{{"now", before}}),
                        boost::json::serialize(boost::json::object{{"now", text}})});
          return {};
        }));
        return http::json_response(http::StatusCode::ok,
                                   boost::json::object{{"now", format_china_time(now)}});
      });
  router.add(http::Verb::get, "/api/v1/health", http::Access::anyone(),
             [&db](const http::RequestContext&) -> Result<http::Response> {
               return http::json_response(
                   http::StatusCode::ok, boost::json::object{{"status", "ok"},
                                                             {"db", store::to_string(db.dialect())},
                                                             {"version", JINGKAI_VERSION}});
             });
}

// A named key file must exist; the default one is made on first use, so that a new deployment
// works without the option — but never for a log that already holds keyed records, which a
// new key could not verify.
Result<store::AuditKey> open_audit_key(const AppOptions& options, store::Database& db) {
  if (!options.audit_key_file.empty()) return store::AuditKey::load(options.audit_key_file);
  const std::string path = default_audit_key_file(options.db);
  if (::access(path.c_str(), F_OK) == 0) return store::AuditKey::load(path);
  const bool keyed = TRY(db.read(
      [](store::Tx& tx) -> Result<bool> { return store::AuditLog::has_keyed_records(tx); }));
  if (keyed) {
    return std::unexpected(
        Error::invalid("audit_key_missing",
                       "审计密钥文件 " + path +
                           " 缺失，而审计日志已有密钥记录 (the audit key file is missing "
                           "but the log holds keyed records: give it with --audit-key)",
                       "audit_key"));
  }
  return store::AuditKey::load_or_create(path);
}

}  // namespace

Result<std::unique_ptr<App>> App::open(const AppOptions& options, const Clock& clock) {
  auto db = TRY(store::Database::open(options.db, options.connections));
  auto industry_text = TRY(read_data_file(options.data_dir, "industry-codes-gb4754-2017.txt"));
  auto industries = TRY(IndustryCatalog::parse(industry_text));
  auto pinyin_text = TRY(read_data_file(options.data_dir, "pinyin-initials.txt"));
  auto pinyin = TRY(PinyinIndex::parse(pinyin_text));
  TRY(store::migrate(*db, schema_history()));
  auto audit_key = TRY(open_audit_key(options, *db));
  if (options.check_audit_key) {
    TRY(db->read([&](store::Tx& tx) { return store::AuditLog(clock, audit_key).check_key(tx); }));
  }
  return std::unique_ptr<App>(new App(options, clock, std::move(db),
                                      std::make_unique<IndustryCatalog>(std::move(industries)),
                                      std::make_unique<PinyinIndex>(std::move(pinyin)), audit_key));
}

App::App(const AppOptions& options, const Clock& clock, std::unique_ptr<store::Database> db,
         std::unique_ptr<IndustryCatalog> industries, std::unique_ptr<PinyinIndex> pinyin,
         const store::AuditKey& audit_key)
    : clock_(clock),
      data_dir_(options.data_dir),
      db_(std::move(db)),
      audit_log_(clock, audit_key),
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
      representatives_(*db_, representative_repo_, audit_log_, clock, enterprises_, accounts_),
      file_store_(options.files_dir.empty() ? default_files_dir(options.db) : options.files_dir),
      applications_(*db_, application_repo_, service_item_repo_, audit_log_, clock, calendar_,
                    enterprises_, representatives_, file_store_, options.applications),
      static_files_(options.web_dir),
      router_([this](std::string_view token) { return accounts_.authenticate(token); }) {
  register_system_routes(router_, *db_, options.settable_clock, audit_log_);
  accounts::register_routes(router_, accounts_);
  audit::register_routes(router_, audit_);
  calendar::register_routes(router_, calendar_);
  enterprises::register_routes(router_, enterprises_, report_importer_);
  indicators::register_routes(router_, indicators_);
  enterprises::register_representative_routes(router_, representatives_);
  approvals::register_routes(router_, catalogue_);
  approvals::register_application_routes(router_, applications_);
  if (!options.web_dir.empty()) {
    router_.set_fallback([this](const http::Request& r) { return static_files_.serve(r); });
  }
}

std::string default_audit_key_file(const std::string& db) {
  if (db.starts_with("postgresql://") || db.starts_with("postgres://")) return "jingkai.audit-key";
  return db + ".audit-key";
}

std::string default_files_dir(const std::string& db) {
  if (db.starts_with("postgresql://") || db.starts_with("postgres://")) return "jingkai-files";
  return db + ".files";
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
                       const std::function<void(std::string_view)>& progress,
                       SettableClock* clock) {
  auto zones = TRY(app.accounts().list_zones());
  for (const auto& zone : zones) {
    if (zone.code == kDemoZone) return false;
  }
  auto zone =
      TRY(app.accounts().add_zone(actor, {0, std::string(kDemoZone), "诸暨经济开发区 (演示)"}));
  TRY(app.accounts().add_user(
      actor, kDemoZone,
      {std::string(kDemoAdmin), "演示管理员", std::string(kDemoPassword), {Role::admin}}));
  Actor in_zone = actor;
  in_zone.zone_id = zone.id;
  in_zone.zone_code = zone.code;
  in_zone.roles.assign(kAllRoles.begin(), kAllRoles.end());
  TRY(build_demo_enterprises(app, in_zone, DemoShape{}, progress));
  if (progress) progress("service-item catalogue");
  auto catalogue = TRY(read_data_file(app.data_dir(), "demo-service-items.csv"));
  auto imported = TRY(app.catalogue().import(in_zone, std::move(catalogue), std::nullopt,
                                             "data/demo-service-items.csv"));
  if (!imported.imported) {
    return std::unexpected(
        Error::internal("the demo catalogue has bad rows: " + imported.problems.front().message));
  }
  if (progress) progress("service-centre users");
  TRY(seed_demo_service_users(app, in_zone));
  if (clock) {
    if (progress) progress("a year at the service centre");
    TRY(build_demo_applications(app, in_zone, *clock, DemoApplicationsShape{}, progress));
  }
  return true;
}

Status seed_demo_service_users(App& app, const Actor& in_zone) {
  TRY(app.accounts().add_user(in_zone, kDemoZone,
                              {std::string(kDemoOfficer),
                               "演示窗口人员",
                               std::string(kDemoPassword),
                               {Role::approval_officer}}));
  TRY(app.accounts().add_user(in_zone, kDemoZone,
                              {std::string(kDemoApplicant),
                               "演示企业办事人",
                               std::string(kDemoPassword),
                               {Role::enterprise_user}}));
  enterprises::EnterpriseFilter first;
  first.sort = "name";
  auto page = TRY(app.enterprises().list(in_zone, first, PageRequest{1, 1}));
  if (page.items.empty()) return {};
  TRY(app.representatives().grant(in_zone, page.items.front().id, kDemoApplicant));
  return {};
}

}  // namespace jingkai::app
