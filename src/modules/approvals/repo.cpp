#include "modules/approvals/repo.hpp"

#include <fmt/format.h>

#include "modules/approvals/catalogue.hpp"

namespace jingkai::approvals {
namespace {

using Param = store::Tx::Param;

constexpr std::string_view kColumns =
    "id, code, name, category, kind, department, legal_basis, statutory_days, promised_days,"
    " visits, fee_fen, conditions, materials, published, updated_at";

struct ItemRow {
  long long id = 0, statutory = 0, promised = 0, visits = 0, fee = 0, published = 0, updated = 0;
  std::string code, name, category, kind, department, legal_basis, conditions, materials;

  template <typename Run>
  auto bind(Run&& run) {
    return run(soci::into(id), soci::into(code), soci::into(name), soci::into(category),
               soci::into(kind), soci::into(department), soci::into(legal_basis),
               soci::into(statutory), soci::into(promised), soci::into(visits), soci::into(fee),
               soci::into(conditions), soci::into(materials), soci::into(published),
               soci::into(updated));
  }

  ServiceItem get() const {
    ServiceItem item;
    item.id = id;
    item.code = code;
    item.name = name;
    item.category = category;
    item.kind = kind;
    item.department = department;
    item.legal_basis = legal_basis;
    item.statutory_days = int(statutory);
    item.promised_days = int(promised);
    item.visits = int(visits);
    item.fee_fen = fee;
    item.conditions = conditions;
    // Stored in the form format_materials() writes, which always reads back.
    item.materials = parse_materials(materials).value_or(std::vector<Material>{});
    item.published = published != 0;
    item.updated_at = updated;
    return item;
  }
};

}  // namespace

ServiceItemId ServiceItemRepo::save(store::Tx& tx, ZoneId zone, const ServiceItem& item) const {
  const long long zone_id = zone, statutory = item.statutory_days, promised = item.promised_days,
                  visits = item.visits, fee = item.fee_fen, published = item.published ? 1 : 0,
                  updated = item.updated_at;
  const std::string materials = format_materials(item.materials);
  long long id = 0;
  tx.query_one(
      "INSERT INTO service_items (zone_id, code, name, category, kind, department, legal_basis,"
      " statutory_days, promised_days, visits, fee_fen, conditions, materials, published,"
      " updated_at) VALUES (:a, :b, :c, :d, :e, :f, :g, :h, :i, :j, :k, :l, :m, :n, :o)"
      " ON CONFLICT (zone_id, code) DO UPDATE SET name = excluded.name,"
      " category = excluded.category, kind = excluded.kind, department = excluded.department,"
      " legal_basis = excluded.legal_basis, statutory_days = excluded.statutory_days,"
      " promised_days = excluded.promised_days, visits = excluded.visits,"
      " fee_fen = excluded.fee_fen, conditions = excluded.conditions,"
      " materials = excluded.materials, published = excluded.published,"
      " updated_at = excluded.updated_at RETURNING id",
      soci::use(zone_id), soci::use(item.code), soci::use(item.name), soci::use(item.category),
      soci::use(item.kind), soci::use(item.department), soci::use(item.legal_basis),
      soci::use(statutory), soci::use(promised), soci::use(visits), soci::use(fee),
      soci::use(item.conditions), soci::use(materials), soci::use(published), soci::use(updated),
      soci::into(id));
  return id;
}

std::optional<ServiceItem> ServiceItemRepo::find(store::Tx& tx, ZoneId zone,
                                                 std::string_view code) const {
  std::vector<Param> params{Param(static_cast<long long>(zone)), Param(std::string(code))};
  ItemRow row;
  const bool found = row.bind([&](auto&&... intos) {
    return tx
        .query_with(
            fmt::format("SELECT {} FROM service_items WHERE zone_id = ? AND code = ?", kColumns),
            params, std::forward<decltype(intos)>(intos)...)
        .next();
  });
  if (!found) return std::nullopt;
  return row.get();
}

Page<ServiceItem> ServiceItemRepo::list(store::Tx& tx, ZoneId zone, const CatalogueFilter& filter,
                                        PageRequest page) const {
  std::string where = " WHERE zone_id = ?";
  std::vector<Param> params{Param(static_cast<long long>(zone))};
  if (filter.published_only) where += " AND published = 1";
  if (!filter.category.empty()) {
    where += " AND category = ?";
    params.emplace_back(filter.category);
  }
  if (!filter.query.empty()) {
    where += " AND (name LIKE ? ESCAPE '\\' OR code LIKE ? ESCAPE '\\')";
    params.emplace_back("%" + store::escape_like(filter.query) + "%");
    params.emplace_back("%" + store::escape_like(filter.query) + "%");
  }
  Page<ServiceItem> result;
  result.page = page.page;
  result.page_size = page.page_size;
  long long total = 0;
  tx.query_with(fmt::format("SELECT COUNT(*) FROM service_items{}", where), params,
                soci::into(total))
      .next();
  result.total = total;
  ItemRow row;
  row.bind([&](auto&&... intos) {
    auto rows = tx.query_with(fmt::format("SELECT {} FROM service_items{} ORDER BY category, code"
                                          " LIMIT {} OFFSET {}",
                                          kColumns, where, page.page_size, page.offset()),
                              params, std::forward<decltype(intos)>(intos)...);
    while (rows.next()) result.items.push_back(row.get());
    return 0;
  });
  return result;
}

std::vector<std::pair<std::string, std::int64_t>> ServiceItemRepo::categories(
    store::Tx& tx, ZoneId zone, bool published_only) const {
  std::vector<Param> params{Param(static_cast<long long>(zone))};
  std::vector<std::pair<std::string, std::int64_t>> out;
  std::string category;
  long long count = 0;
  auto rows =
      tx.query_with(fmt::format("SELECT category, COUNT(*) FROM service_items WHERE zone_id = ?{}"
                                " GROUP BY category ORDER BY COUNT(*) DESC, category",
                                published_only ? " AND published = 1" : ""),
                    params, soci::into(category), soci::into(count));
  while (rows.next()) out.emplace_back(category, count);
  return out;
}

}  // namespace jingkai::approvals
