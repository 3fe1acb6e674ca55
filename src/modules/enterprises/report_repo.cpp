// EnterpriseRepo's monthly reports (月报): writing them, reading them, the yearly sums kept
// beside them, and the version that every write bumps.
#include "modules/enterprises/repo.hpp"

#include <fmt/format.h>

#include "modules/enterprises/repo_sql.hpp"

namespace jingkai::enterprises {

using sql::above_scale_cte;
using sql::kAboveJoin;
using sql::Param;

void EnterpriseRepo::upsert_report(store::Tx& tx, ZoneId zone, const MonthlyReport& report,
                                   EpochMs now) const {
  const long long enterprise = report.enterprise_id, zone_id = zone, period = report.period.index(),
                  updated = now;
  const MonthlyFigures& f = report.figures;
  const long long output = f.output_fen, value_added = f.value_added_fen, revenue = f.revenue_fen,
                  profit = f.profit_fen, tax = f.tax_fen, employees = f.employees,
                  energy = f.energy_kgce;
  tx.exec(
      "INSERT INTO enterprise_reports (enterprise_id, period, zone_id, output_fen,"
      " value_added_fen, revenue_fen, profit_fen, tax_fen, employees, energy_kgce, updated_at)"
      " VALUES (:a, :b, :c, :d, :e, :f, :g, :h, :i, :j, :k)"
      " ON CONFLICT (enterprise_id, period) DO UPDATE SET output_fen = excluded.output_fen,"
      " value_added_fen = excluded.value_added_fen, revenue_fen = excluded.revenue_fen,"
      " profit_fen = excluded.profit_fen, tax_fen = excluded.tax_fen,"
      " employees = excluded.employees, energy_kgce = excluded.energy_kgce,"
      " updated_at = excluded.updated_at",
      soci::use(enterprise), soci::use(period), soci::use(zone_id), soci::use(output),
      soci::use(value_added), soci::use(revenue), soci::use(profit), soci::use(tax),
      soci::use(employees), soci::use(energy), soci::use(updated));
}

void EnterpriseRepo::upsert_reports(store::Tx& tx, ZoneId zone,
                                    std::span<const MonthlyReport> reports, EpochMs now) const {
  constexpr std::string_view kUpdate =
      " ON CONFLICT (enterprise_id, period) DO UPDATE SET output_fen = excluded.output_fen,"
      " value_added_fen = excluded.value_added_fen, revenue_fen = excluded.revenue_fen,"
      " profit_fen = excluded.profit_fen, tax_fen = excluded.tax_fen,"
      " employees = excluded.employees, energy_kgce = excluded.energy_kgce,"
      " updated_at = excluded.updated_at";
  if (reports.empty()) return;
  if (tx.dialect() == store::Dialect::sqlite) {
    // SQLite runs in this process: the one-row statement, prepared once, stepped for each row
    // with the columns bound from vectors (SOCI's bulk use) costs the least.
    std::vector<long long> columns[11];
    for (auto& column : columns) column.reserve(reports.size());
    for (const MonthlyReport& r : reports) {
      const MonthlyFigures& f = r.figures;
      columns[0].push_back(r.enterprise_id);
      columns[1].push_back(r.period.index());
      columns[2].push_back(zone);
      columns[3].push_back(f.output_fen);
      columns[4].push_back(f.value_added_fen);
      columns[5].push_back(f.revenue_fen);
      columns[6].push_back(f.profit_fen);
      columns[7].push_back(f.tax_fen);
      columns[8].push_back(f.employees);
      columns[9].push_back(f.energy_kgce);
      columns[10].push_back(now);
    }
    tx.exec(fmt::format("INSERT INTO enterprise_reports (enterprise_id, period, zone_id,"
                        " output_fen, value_added_fen, revenue_fen, profit_fen, tax_fen,"
                        " employees, energy_kgce, updated_at)"
                        " VALUES (:a, :b, :c, :d, :e, :f, :g, :h, :i, :j, :k){}",
                        kUpdate),
            soci::use(columns[0]), soci::use(columns[1]), soci::use(columns[2]),
            soci::use(columns[3]), soci::use(columns[4]), soci::use(columns[5]),
            soci::use(columns[6]), soci::use(columns[7]), soci::use(columns[8]),
            soci::use(columns[9]), soci::use(columns[10]));
    return;
  }
  // PostgreSQL: one statement per batch rather than per row, for the round trip each
  // statement costs. Two texts at most (a full batch and the rest), each prepared once per
  // connection.
  constexpr std::string_view kRow = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  std::vector<Param> params;
  std::string sql;
  for (std::size_t start = 0; start < reports.size(); start += kUpsertBatch) {
    const auto batch = reports.subspan(start, std::min(kUpsertBatch, reports.size() - start));
    sql =
        "INSERT INTO enterprise_reports (enterprise_id, period, zone_id, output_fen,"
        " value_added_fen, revenue_fen, profit_fen, tax_fen, employees, energy_kgce, updated_at)"
        " VALUES ";
    sql.reserve(sql.size() + batch.size() * (kRow.size() + 2) + 400);
    params.clear();
    params.reserve(batch.size() * 11);
    for (std::size_t i = 0; i < batch.size(); ++i) {
      const MonthlyReport& r = batch[i];
      const MonthlyFigures& f = r.figures;
      if (i > 0) sql += ", ";
      sql += kRow;
      for (long long value :
           {static_cast<long long>(r.enterprise_id), static_cast<long long>(r.period.index()),
            static_cast<long long>(zone), static_cast<long long>(f.output_fen),
            static_cast<long long>(f.value_added_fen), static_cast<long long>(f.revenue_fen),
            static_cast<long long>(f.profit_fen), static_cast<long long>(f.tax_fen),
            static_cast<long long>(f.employees), static_cast<long long>(f.energy_kgce),
            static_cast<long long>(now)}) {
        params.emplace_back(value);
      }
    }
    sql += kUpdate;
    tx.exec_with(sql, params);
  }
}

namespace {

struct ReportRow {
  long long enterprise = 0, period = 0, output = 0, value_added = 0, revenue = 0, profit = 0,
            tax = 0, employees = 0, energy = 0, updated = 0;
  std::string name, uscc;

  MonthlyReport get() const {
    MonthlyReport report;
    report.enterprise_id = enterprise;
    report.period = Period::from_index(int(period));
    report.figures = {output, value_added, revenue, profit, tax, employees, energy};
    report.updated_at = updated;
    report.enterprise_name = name;
    report.uscc = uscc;
    return report;
  }
};

constexpr std::string_view kReportColumns =
    "r.enterprise_id, r.period, r.output_fen, r.value_added_fen, r.revenue_fen, r.profit_fen,"
    " r.tax_fen, r.employees, r.energy_kgce, r.updated_at, e.name, e.uscc";

}  // namespace

std::optional<MonthlyReport> EnterpriseRepo::find_report(store::Tx& tx, ZoneId zone,
                                                         EnterpriseId enterprise,
                                                         Period period) const {
  ReportRow row;
  const long long zone_id = zone, id = enterprise, index = period.index();
  if (!tx.query_one(fmt::format("SELECT {} FROM enterprise_reports r JOIN enterprises e ON e.id ="
                                " r.enterprise_id WHERE r.zone_id = :z AND r.enterprise_id = :e"
                                " AND r.period = :p",
                                kReportColumns),
                    soci::use(zone_id), soci::use(id), soci::use(index), soci::into(row.enterprise),
                    soci::into(row.period), soci::into(row.output), soci::into(row.value_added),
                    soci::into(row.revenue), soci::into(row.profit), soci::into(row.tax),
                    soci::into(row.employees), soci::into(row.energy), soci::into(row.updated),
                    soci::into(row.name), soci::into(row.uscc))) {
    return std::nullopt;
  }
  return row.get();
}

Page<MonthlyReport> EnterpriseRepo::list_reports(store::Tx& tx, ZoneId zone,
                                                 EnterpriseId enterprise, Period from, Period to,
                                                 const Scope& scope, PageRequest page) const {
  std::string where = " WHERE r.zone_id = ? AND r.period BETWEEN ? AND ?";
  std::vector<Param> params{Param(static_cast<long long>(zone)),
                            Param(static_cast<long long>(from.index())),
                            Param(static_cast<long long>(to.index()))};
  if (enterprise != 0) {
    where += " AND r.enterprise_id = ?";
    params.emplace_back(static_cast<long long>(enterprise));
  }
  if (scope.chain_id) {
    where += " AND e.chain_id = ?";
    params.emplace_back(static_cast<long long>(*scope.chain_id));
  }
  if (scope.without_chain) where += " AND e.chain_id IS NULL";
  std::string joins = " JOIN enterprises e ON e.id = r.enterprise_id";
  std::string with;
  if (scope.above_scale_only) {
    with = above_scale_cte(from, to);
    joins += kAboveJoin;
    params.insert(params.begin(), Param(static_cast<long long>(zone)));
  }
  Page<MonthlyReport> result;
  result.page = page.page;
  result.page_size = page.page_size;
  long long total = 0;
  tx.query_with(fmt::format("{}SELECT COUNT(*) FROM enterprise_reports r{}{}", with, joins, where),
                params, soci::into(total))
      .next();
  result.total = total;
  ReportRow row;
  auto rows = tx.query_with(
      fmt::format("{}SELECT {} FROM enterprise_reports r{}{} ORDER BY r.period DESC, r.output_fen"
                  " DESC, r.enterprise_id LIMIT {} OFFSET {}",
                  with, kReportColumns, joins, where, page.page_size, page.offset()),
      params, soci::into(row.enterprise), soci::into(row.period), soci::into(row.output),
      soci::into(row.value_added), soci::into(row.revenue), soci::into(row.profit),
      soci::into(row.tax), soci::into(row.employees), soci::into(row.energy),
      soci::into(row.updated), soci::into(row.name), soci::into(row.uscc));
  while (rows.next()) result.items.push_back(row.get());
  return result;
}

std::unordered_set<std::uint64_t> EnterpriseRepo::report_keys(store::Tx& tx, ZoneId zone,
                                                              Period from, Period to) const {
  std::unordered_set<std::uint64_t> keys;
  const long long zone_id = zone, first = from.index(), last = to.index();
  long long id = 0, period = 0;
  auto rows = tx.query(
      "SELECT enterprise_id, period FROM enterprise_reports WHERE zone_id = :z AND period"
      " BETWEEN :a AND :b",
      soci::use(zone_id), soci::use(first), soci::use(last), soci::into(id), soci::into(period));
  while (rows.next()) keys.insert(report_key(id, Period::from_index(int(period))));
  return keys;
}

void EnterpriseRepo::refresh_years(store::Tx& tx, ZoneId zone, EnterpriseId enterprise,
                                   const std::set<int>& years) const {
  const long long zone_id = zone, id = enterprise;
  const std::string which = enterprise != 0 ? "enterprise_id = :e" : ":e = 0";
  for (int year : years) {
    const long long y = year, first = year * 12, last = year * 12 + 11;
    tx.exec(
        fmt::format("DELETE FROM enterprise_years WHERE zone_id = :z AND year = :y AND {}", which),
        soci::use(zone_id), soci::use(y), soci::use(id));
    tx.exec(fmt::format("INSERT INTO enterprise_years (enterprise_id, year, zone_id, output_fen,"
                        " value_added_fen, revenue_fen, tax_fen, months)"
                        " SELECT enterprise_id, :y, zone_id, SUM(output_fen),"
                        " SUM(value_added_fen), SUM(revenue_fen), SUM(tax_fen), COUNT(*)"
                        " FROM enterprise_reports WHERE zone_id = :z AND period BETWEEN :a AND"
                        " :b AND {} GROUP BY enterprise_id, zone_id",
                        which),
            soci::use(y), soci::use(zone_id), soci::use(first), soci::use(last), soci::use(id));
  }
}

void EnterpriseRepo::bump_version(store::Tx& tx, ZoneId zone) const {
  const long long zone_id = zone;
  tx.exec(
      "INSERT INTO statistics_versions (zone_id, version) VALUES (:z, 1)"
      " ON CONFLICT (zone_id) DO UPDATE SET version = statistics_versions.version + 1",
      soci::use(zone_id));
}

std::int64_t EnterpriseRepo::version(store::Tx& tx, ZoneId zone) const {
  const long long zone_id = zone;
  long long version = 0;
  tx.query_one("SELECT version FROM statistics_versions WHERE zone_id = :z", soci::use(zone_id),
               soci::into(version));
  return version;
}

std::optional<OutOfBoundsReport> EnterpriseRepo::first_out_of_bounds(store::Tx& tx,
                                                                     ZoneId zone) const {
  struct Bound {
    std::string_view column;
    std::int64_t max;
  };
  constexpr Bound kBounds[] = {{"output_fen", kMaxMonthlyFen},  {"value_added_fen", kMaxMonthlyFen},
                               {"revenue_fen", kMaxMonthlyFen}, {"profit_fen", kMaxMonthlyFen},
                               {"tax_fen", kMaxMonthlyFen},     {"employees", kMaxEmployees},
                               {"energy_kgce", kMaxEnergyKgce}};
  // No ABS(): it overflows on INT64_MIN, which is what such a row may hold.
  std::string which = "CASE", any;
  for (const Bound& b : kBounds) {
    const std::string past =
        fmt::format("(r.{} > {} OR r.{} < -{})", b.column, b.max, b.column, b.max);
    which += fmt::format(" WHEN {} THEN '{}'", past, b.column);
    any += fmt::format("{}{}", any.empty() ? "" : " OR ", past);
  }
  which += " END";
  const long long zone_id = zone;
  long long period = 0;
  OutOfBoundsReport found;
  const bool any_found =
      tx.query_one(fmt::format("SELECT e.uscc, e.name, r.period, {} FROM enterprise_reports r"
                               " JOIN enterprises e ON e.id = r.enterprise_id WHERE r.zone_id = :z"
                               " AND ({}) ORDER BY r.period, r.enterprise_id LIMIT 1",
                               which, any),
                   soci::use(zone_id), soci::into(found.uscc), soci::into(found.name),
                   soci::into(period), soci::into(found.field));
  if (!any_found) return std::nullopt;
  found.period = Period::from_index(int(period));
  return found;
}

}  // namespace jingkai::enterprises
