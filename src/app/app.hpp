// App: one deployment's parts, wired together — the database, the services and the router.
// The server and the command line both start here.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/pinyin.hpp"
#include "http/router.hpp"
#include "http/server.hpp"
#include "http/static_files.hpp"
#include "modules/accounts/repo.hpp"
#include "modules/accounts/service.hpp"
#include "modules/approvals/application_repo.hpp"
#include "modules/approvals/application_service.hpp"
#include "modules/approvals/repo.hpp"
#include "modules/approvals/service.hpp"
#include "modules/audit/service.hpp"
#include "modules/calendar/repo.hpp"
#include "modules/calendar/service.hpp"
#include "modules/enterprises/repo.hpp"
#include "modules/enterprises/report_import.hpp"
#include "modules/enterprises/representatives.hpp"
#include "modules/enterprises/service.hpp"
#include "modules/indicators/repo.hpp"
#include "modules/indicators/service.hpp"
#include "store/audit_log.hpp"
#include "store/database.hpp"
#include "store/file_store.hpp"

namespace jingkai::app {

struct AppOptions {
  std::string db = "jingkai.db";  // SQLite file path or postgresql:// URL
  std::size_t connections = 8;
  std::string web_dir = JINGKAI_DEFAULT_WEB_DIR;    // the built web UI; empty serves none
  std::string data_dir = JINGKAI_DEFAULT_DATA_DIR;  // reference data shipped with the product
  // Where uploaded files are kept; empty: beside a SQLite file ("<db>.files"), or
  // "jingkai-files" in the working folder for PostgreSQL.
  std::string files_dir;
  // The audit chain's key file (store/audit_key.hpp); empty: default_audit_key_file(db),
  // created on first use.
  std::string audit_key_file;
  // Refuse to open with a key that did not write the newest record (off for `audit verify`,
  // which reports that itself).
  bool check_audit_key = true;
  approvals::ApplicationSettings applications;
  // When set, PUT /api/v1/system/clock moves it (serve --settable-clock); it must be the
  // clock the App runs on.
  SettableClock* settable_clock = nullptr;
  accounts::AccountSettings accounts;
};

class App {
 public:
  // Opens the database and brings its schema up to date (or refuses one that is newer).
  static Result<std::unique_ptr<App>> open(const AppOptions& options, const Clock& clock);

  store::Database& db() { return *db_; }
  accounts::AccountService& accounts() { return accounts_; }
  audit::AuditService& audit() { return audit_; }
  calendar::CalendarService& calendar() { return calendar_; }
  enterprises::EnterpriseService& enterprises() { return enterprises_; }
  enterprises::ReportImporter& report_importer() { return report_importer_; }
  indicators::IndicatorService& indicators() { return indicators_; }
  approvals::CatalogueService& catalogue() { return catalogue_; }
  approvals::ApplicationService& applications() { return applications_; }
  enterprises::RepresentativeService& representatives() { return representatives_; }
  const std::string& data_dir() const { return data_dir_; }
  const IndustryCatalog& industries() const { return *industries_; }
  const http::Router& router() const { return router_; }

 private:
  App(const AppOptions& options, const Clock& clock, std::unique_ptr<store::Database> db,
      std::unique_ptr<IndustryCatalog> industries, std::unique_ptr<PinyinIndex> pinyin,
      const store::AuditKey& audit_key);

  const Clock& clock_;
  std::string data_dir_;
  std::unique_ptr<store::Database> db_;
  store::AuditLog audit_log_;
  accounts::AccountRepo account_repo_;
  accounts::AccountService accounts_;
  audit::AuditService audit_;
  calendar::CalendarRepo calendar_repo_;
  calendar::CalendarService calendar_;
  std::unique_ptr<IndustryCatalog> industries_;
  std::unique_ptr<PinyinIndex> pinyin_;
  enterprises::EnterpriseRepo enterprise_repo_;
  enterprises::EnterpriseService enterprises_;
  enterprises::ReportImporter report_importer_;
  indicators::IndicatorRepo indicator_repo_;
  indicators::IndicatorService indicators_;
  approvals::ServiceItemRepo service_item_repo_;
  approvals::CatalogueService catalogue_;
  enterprises::RepresentativeRepo representative_repo_;
  enterprises::RepresentativeService representatives_;
  store::FileStore file_store_;
  approvals::ApplicationRepo application_repo_;
  approvals::ApplicationService applications_;
  http::StaticFiles static_files_;
  http::Router router_;
};

// Where uploaded files go when AppOptions::files_dir is empty.
std::string default_files_dir(const std::string& db);

// Where the audit key is when AppOptions::audit_key_file is empty: beside a SQLite file
// ("<db>.audit-key"), or "jingkai.audit-key" in the working folder for PostgreSQL — never in
// the database, which is what the key protects.
std::string default_audit_key_file(const std::string& db);

// The shipped working-day calendar (data/holidays-cn.txt) as text; empty when missing.
std::string read_shipped_calendar(const std::string& data_dir);

// A data file the product ships, whole; an error naming the file when it cannot be read.
Result<std::string> read_data_file(const std::string& data_dir, std::string_view name);

// The demo zone's administrator, printed by `make demo`.
inline constexpr std::string_view kDemoZone = "zhuji-edz";
inline constexpr std::string_view kDemoAdmin = "admin";
inline constexpr std::string_view kDemoPassword = "jingkai-demo";
// The demo's service-centre officer (窗口) and an enterprise's applicant (企业办事人), who
// represents the first demo enterprise by name; same password.
inline constexpr std::string_view kDemoOfficer = "chuangkou";
inline constexpr std::string_view kDemoApplicant = "qiye";

// Creates the demo zone — its administrator, enterprises and 24 months of their reports, the
// service-item catalogue and its users — unless the zone exists; returns whether it created
// it. With `clock` (the clock `app` runs on), also a year of applications at the service
// centre, made with the clock moved through the year. `progress` hears of each step.
Result<bool> seed_demo(App& app, const Actor& actor,
                       const std::function<void(std::string_view)>& progress = {},
                       SettableClock* clock = nullptr);

// The demo zone's officer and applicant (`in_zone` works in the demo zone).
Status seed_demo_service_users(App& app, const Actor& in_zone);

}  // namespace jingkai::app
