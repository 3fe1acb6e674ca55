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
#include "http/static_files.hpp"
#include "modules/accounts/repo.hpp"
#include "modules/accounts/service.hpp"
#include "modules/approvals/repo.hpp"
#include "modules/approvals/service.hpp"
#include "modules/audit/service.hpp"
#include "modules/calendar/repo.hpp"
#include "modules/calendar/service.hpp"
#include "modules/enterprises/repo.hpp"
#include "modules/enterprises/report_import.hpp"
#include "modules/enterprises/service.hpp"
#include "modules/indicators/repo.hpp"
#include "modules/indicators/service.hpp"
#include "store/audit_log.hpp"
#include "store/database.hpp"

namespace jingkai::app {

struct AppOptions {
  std::string db = "jingkai.db";  // SQLite file path or postgresql:// URL
  std::size_t connections = 8;
  std::string web_dir = JINGKAI_DEFAULT_WEB_DIR;    // the built web UI; empty serves none
  std::string data_dir = JINGKAI_DEFAULT_DATA_DIR;  // reference data shipped with the product
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
  const std::string& data_dir() const { return data_dir_; }
  const IndustryCatalog& industries() const { return *industries_; }
  const http::Router& router() const { return router_; }

 private:
  App(const AppOptions& options, const Clock& clock, std::unique_ptr<store::Database> db,
      std::unique_ptr<IndustryCatalog> industries, std::unique_ptr<PinyinIndex> pinyin);

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
  http::StaticFiles static_files_;
  http::Router router_;
};

// The shipped working-day calendar (data/holidays-cn.txt) as text; empty when missing.
std::string read_shipped_calendar(const std::string& data_dir);

// A data file the product ships, whole; an error naming the file when it cannot be read.
Result<std::string> read_data_file(const std::string& data_dir, std::string_view name);

// The demo zone's administrator, printed by `make demo`.
inline constexpr std::string_view kDemoZone = "zhuji-edz";
inline constexpr std::string_view kDemoAdmin = "admin";
inline constexpr std::string_view kDemoPassword = "jingkai-demo";

// Creates the demo zone — its administrator, enterprises and 24 months of their reports —
// unless the zone exists; returns whether it created it. `progress` hears of each step.
Result<bool> seed_demo(App& app, const Actor& actor,
                       const std::function<void(std::string_view)>& progress = {});

}  // namespace jingkai::app
