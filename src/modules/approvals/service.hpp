// CatalogueService: the service-item catalogue (办事指南) — the public guide, its upkeep by
// the service centre, and its import and export as a spreadsheet, all or nothing.
#pragma once

#include <optional>
#include <string>

#include "core/actor.hpp"
#include "core/clock.hpp"
#include "modules/accounts/service.hpp"
#include "modules/approvals/repo.hpp"
#include "store/audit_log.hpp"
#include "store/database.hpp"
#include "tabular/import_problem.hpp"
#include "tabular/table_reader.hpp"

namespace jingkai::approvals {

struct CatalogueImport {
  std::int64_t rows = 0;
  bool imported = false;
  std::int64_t inserted = 0;
  std::int64_t updated = 0;
  std::int64_t problem_count = 0;
  std::vector<tabular::ImportProblem> problems;
};

class CatalogueService {
 public:
  CatalogueService(store::Database& db, const ServiceItemRepo& repo, const store::AuditLog& audit,
                   const Clock& clock, accounts::AccountService& accounts);

  // The published guide of the zone with code `zone_code`, for anyone.
  Result<Page<ServiceItem>> guide(std::string_view zone_code, const CatalogueFilter& filter,
                                  PageRequest page);
  Result<ServiceItem> guide_item(std::string_view zone_code, std::string_view code);
  Result<std::vector<std::pair<std::string, std::int64_t>>> categories(std::string_view zone_code);

  // The whole catalogue of the actor's zone, unpublished items included.
  Result<Page<ServiceItem>> list(const Actor& actor, const CatalogueFilter& filter,
                                 PageRequest page);
  // Creates the item or replaces the one with its code; audited.
  Result<ServiceItem> save(const Actor& actor, const ServiceItem& item);
  // A catalogue spreadsheet (catalogue_columns()); a file with a bad row changes nothing.
  Result<CatalogueImport> import(const Actor& actor, std::string bytes,
                                 std::optional<tabular::Encoding> encoding,
                                 std::string_view source);

 private:
  Result<ZoneId> zone_id(std::string_view zone_code);

  store::Database& db_;
  const ServiceItemRepo& repo_;
  const store::AuditLog& audit_;
  const Clock& clock_;
  accounts::AccountService& accounts_;
};

}  // namespace jingkai::approvals
