#include "modules/approvals/service.hpp"

#include <fmt/format.h>

#include <boost/json.hpp>
#include <unordered_set>

#include "core/digest.hpp"
#include "core/text.hpp"
#include "modules/approvals/catalogue.hpp"

namespace jingkai::approvals {
namespace {

std::string item_json(const ServiceItem& item) {
  return boost::json::serialize(boost::json::object{{"code", item.code},
                                                    {"name", item.name},
                                                    {"category", item.category},
                                                    {"kind", item.kind},
                                                    {"department", item.department},
                                                    {"statutory_days", item.statutory_days},
                                                    {"promised_days", item.promised_days},
                                                    {"visits", item.visits},
                                                    {"fee_fen", item.fee_fen},
                                                    {"materials", format_materials(item.materials)},
                                                    {"published", item.published}});
}

}  // namespace

CatalogueService::CatalogueService(store::Database& db, const ServiceItemRepo& repo,
                                   const store::AuditLog& audit, const Clock& clock,
                                   accounts::AccountService& accounts)
    : db_(db), repo_(repo), audit_(audit), clock_(clock), accounts_(accounts) {}

Result<ZoneId> CatalogueService::zone_id(std::string_view zone_code) {
  if (zone_code.empty()) {
    return std::unexpected(
        Error::invalid("missing_field", "请指明园区 (zone is required)", "zone"));
  }
  auto zones = TRY(accounts_.list_zones());
  for (const auto& zone : zones) {
    if (zone.code == zone_code) return zone.id;
  }
  return std::unexpected(
      Error::not_found("zone_not_found", "园区不存在 (no such zone): " + std::string(zone_code)));
}

Result<Page<ServiceItem>> CatalogueService::guide(std::string_view zone_code,
                                                  const CatalogueFilter& filter, PageRequest page) {
  auto zone = TRY(zone_id(zone_code));
  CatalogueFilter published = filter;
  published.published_only = true;
  return db_.read([&](store::Tx& tx) -> Result<Page<ServiceItem>> {
    return repo_.list(tx, zone, published, page);
  });
}

Result<ServiceItem> CatalogueService::guide_item(std::string_view zone_code,
                                                 std::string_view code) {
  auto zone = TRY(zone_id(zone_code));
  return db_.read([&](store::Tx& tx) -> Result<ServiceItem> {
    auto item = repo_.find(tx, zone, code);
    if (!item || !item->published) {
      return std::unexpected(
          Error::not_found("service_item_not_found", "办事事项不存在 (no such service item)"));
    }
    return *item;
  });
}

Result<std::vector<std::pair<std::string, std::int64_t>>> CatalogueService::categories(
    std::string_view zone_code) {
  auto zone = TRY(zone_id(zone_code));
  return db_.read([&](store::Tx& tx) -> Result<std::vector<std::pair<std::string, std::int64_t>>> {
    return repo_.categories(tx, zone, true);
  });
}

Result<Page<ServiceItem>> CatalogueService::list(const Actor& actor, const CatalogueFilter& filter,
                                                 PageRequest page) {
  return db_.read([&](store::Tx& tx) -> Result<Page<ServiceItem>> {
    return repo_.list(tx, actor.zone_id, filter, page);
  });
}

Result<ServiceItem> CatalogueService::save(const Actor& actor, const ServiceItem& input) {
  TRY(check_item(input));
  ServiceItem item = input;
  item.updated_at = clock_.now_ms();
  return db_.write([&](store::Tx& tx) -> Result<ServiceItem> {
    auto before = repo_.find(tx, actor.zone_id, item.code);
    item.id = repo_.save(tx, actor.zone_id, item);
    audit_.append(tx, actor,
                  {before ? "service_item.update" : "service_item.create", "service_item",
                   item.code, before ? item_json(*before) : std::string(), item_json(item)});
    return item;
  });
}

Result<CatalogueImport> CatalogueService::import(const Actor& actor, std::string bytes,
                                                 std::optional<tabular::Encoding> encoding,
                                                 std::string_view source) {
  const std::string digest = sha256_hex(bytes);
  auto opened = TRY(tabular::open_table(std::move(bytes), encoding));
  tabular::TableReader& table = *opened;
  std::vector<std::string> cells;
  auto header = TRY(table.next(cells));
  const auto& columns = catalogue_columns();
  std::vector<std::string> missing;
  std::vector<std::size_t> at(columns.size(), SIZE_MAX);
  if (header) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
      for (std::size_t c = 0; c < columns.size(); ++c) {
        const std::string_view heading = trim_blanks(cells[i]);
        if (heading == columns[c].key || heading == columns[c].heading) at[c] = i;
      }
    }
  }
  for (std::size_t c = 0; c < columns.size(); ++c) {
    if (at[c] == SIZE_MAX) missing.emplace_back(columns[c].heading);
  }
  if (!header || !missing.empty()) {
    return std::unexpected(
        Error::invalid("import_header",
                       fmt::format("表头不符合模板, 缺少 [{}] (the header lacks [{}])",
                                   fmt::join(missing, ", "), fmt::join(missing, ", ")),
                       "file"));
  }

  CatalogueImport outcome;
  std::vector<ServiceItem> items;
  std::unordered_set<std::string> codes;
  std::vector<std::string_view> row_cells(columns.size());
  for (;;) {
    auto more = TRY(table.next(cells));
    if (!more) break;
    bool blank = true;
    for (const std::string& cell : cells) blank = blank && trim_blanks(cell).empty();
    if (blank) continue;
    ++outcome.rows;
    for (std::size_t c = 0; c < columns.size(); ++c) {
      row_cells[c] = at[c] < cells.size() ? std::string_view(cells[at[c]]) : std::string_view();
    }
    auto problem = [&](const Error& error, std::string_view value) {
      ++outcome.problem_count;
      if (outcome.problems.size() < tabular::kMaxListedProblems) {
        outcome.problems.push_back(
            {table.row_number(), error.field, std::string(value), error.code, error.message});
      }
    };
    auto item = item_from_row(row_cells);
    if (!item) {
      std::string_view value;
      for (std::size_t c = 0; c < columns.size(); ++c) {
        if (item.error().field.starts_with(columns[c].key)) value = row_cells[c];
      }
      problem(item.error(), value);
      continue;
    }
    if (!codes.insert(item->code).second) {
      problem(Error::invalid("duplicate_row",
                             "事项编码在文件中出现两次 (the code appears twice): " + item->code,
                             "code"),
              item->code);
      continue;
    }
    items.push_back(std::move(*item));
  }
  if (outcome.rows == 0) {
    return std::unexpected(
        Error::invalid("table_empty", "文件中没有数据行 (the file has no data rows)", "file"));
  }
  if (outcome.problem_count > 0) return outcome;

  const EpochMs now = clock_.now_ms();
  TRY(db_.write([&](store::Tx& tx) -> Status {
    for (ServiceItem& item : items) {
      item.updated_at = now;
      const bool existed = repo_.find(tx, actor.zone_id, item.code).has_value();
      repo_.save(tx, actor.zone_id, item);
      ++(existed ? outcome.updated : outcome.inserted);
    }
    audit_.append(tx, actor,
                  {"service_item.import", "service_item_import",
                   fmt::format("{} sha256:{}", source, digest), "",
                   boost::json::serialize(boost::json::object{{"rows", outcome.rows},
                                                              {"inserted", outcome.inserted},
                                                              {"updated", outcome.updated}})});
    return {};
  }));
  outcome.imported = true;
  return outcome;
}

}  // namespace jingkai::approvals
