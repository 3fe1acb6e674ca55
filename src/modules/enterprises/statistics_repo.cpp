// EnterpriseRepo's aggregates for the indicators: sums by period and chain, counts by flag,
// rankings. Only the indicators module reads them (through EnterpriseService).
#include <fmt/format.h>

#include "modules/enterprises/repo.hpp"
#include "modules/enterprises/repo_sql.hpp"

namespace jingkai::enterprises {

using sql::above_scale_cte;
using sql::kAboveJoin;
using sql::kAboveScaleSql;
using sql::kHighTechSql;
using sql::Param;
using sql::year_joins;

std::vector<PeriodTotal> EnterpriseRepo::period_totals(store::Tx& tx, ZoneId zone, Period from,
                                                       Period to, const Scope& scope) const {
  std::string joins;
  std::string where = " WHERE r.zone_id = ? AND r.period BETWEEN ? AND ?";
  std::vector<Param> params{Param(static_cast<long long>(zone)),
                            Param(static_cast<long long>(from.index())),
                            Param(static_cast<long long>(to.index()))};
  if (scope.chain_id || scope.without_chain) {
    joins = " JOIN enterprises e ON e.id = r.enterprise_id";
  }
  if (scope.chain_id) {
    where += " AND e.chain_id = ?";
    params.emplace_back(static_cast<long long>(*scope.chain_id));
  }
  if (scope.without_chain) where += " AND e.chain_id IS NULL";
  std::string with;
  if (scope.above_scale_only) {
    with = above_scale_cte(from, to);
    joins += kAboveJoin;
    params.insert(params.begin(), Param(static_cast<long long>(zone)));
  }
  std::vector<PeriodTotal> totals;
  long long period = 0, output = 0, value_added = 0, revenue = 0, tax = 0, reports = 0;
  auto rows = tx.query_with(
      fmt::format("{}SELECT r.period, SUM(r.output_fen), SUM(r.value_added_fen),"
                  " SUM(r.revenue_fen), SUM(r.tax_fen), COUNT(*) FROM enterprise_reports r{}{}"
                  " GROUP BY r.period ORDER BY r.period",
                  with, joins, where),
      params, soci::into(period), soci::into(output), soci::into(value_added), soci::into(revenue),
      soci::into(tax), soci::into(reports));
  while (rows.next()) {
    totals.push_back({Period::from_index(int(period)), output, value_added, revenue, tax, reports});
  }
  return totals;
}

std::vector<GroupCount> EnterpriseRepo::count_by_chain(store::Tx& tx, ZoneId zone,
                                                       Date today) const {
  std::vector<Param> params{Param(static_cast<long long>(zone))};
  std::vector<GroupCount> counts;
  long long chain = 0, count = 0;
  soci::indicator chain_null = soci::i_ok;
  std::string name;
  auto rows = tx.query_with(
      fmt::format("SELECT e.chain_id, COALESCE(MAX(c.name), ''), COUNT(*) FROM enterprises e"
                  " LEFT JOIN industrial_chains c ON c.id = e.chain_id WHERE e.zone_id = ? AND"
                  " e.status = 'active' GROUP BY e.chain_id ORDER BY COUNT(*) DESC"),
      params, soci::into(chain, chain_null), soci::into(name), soci::into(count));
  while (rows.next()) {
    counts.push_back(
        {chain_null == soci::i_ok ? std::to_string(chain) : std::string(), name, count});
  }
  (void)today;
  return counts;
}

std::vector<GroupCount> EnterpriseRepo::count_by_flag(store::Tx& tx, ZoneId zone,
                                                      Date today) const {
  std::vector<Param> params{Param(std::string(format_date(today))),
                            Param(static_cast<long long>(zone))};
  long long all = 0, above = 0, high_tech = 0, listed = 0, global500 = 0;
  tx.query_with(
        fmt::format("SELECT COUNT(*), COALESCE(SUM({}), 0), COALESCE(SUM(CASE WHEN {} THEN 1 ELSE"
                    " 0 END), 0), COALESCE(SUM(CASE WHEN e.listed_exchange <> '' THEN 1 ELSE 0"
                    " END), 0), COALESCE(SUM(CASE WHEN e.global500_group <> '' THEN 1 ELSE 0"
                    " END), 0) FROM enterprises e{} WHERE e.zone_id = ? AND e.status ="
                    " 'active'",
                    kAboveScaleSql, kHighTechSql, year_joins(std::to_string(year_of(today)))),
        params, soci::into(all), soci::into(above), soci::into(high_tech), soci::into(listed),
        soci::into(global500))
      .next();
  return {{"all", "企业总数", all},
          {"above_scale", "规上企业", above},
          {"high_tech", "高新技术企业", high_tech},
          {"listed", "上市企业", listed},
          {"global500", "世界500强企业", global500}};
}

std::vector<std::pair<GroupCount, PeriodTotal>> EnterpriseRepo::chain_totals(
    store::Tx& tx, ZoneId zone, Period from, Period to, bool above_scale_only) const {
  std::vector<Param> params{Param(static_cast<long long>(zone)),
                            Param(static_cast<long long>(from.index())),
                            Param(static_cast<long long>(to.index()))};
  if (above_scale_only) params.insert(params.begin(), Param(static_cast<long long>(zone)));
  std::vector<std::pair<GroupCount, PeriodTotal>> totals;
  long long chain = 0, output = 0, value_added = 0, revenue = 0, tax = 0, reports = 0,
            enterprises = 0;
  soci::indicator chain_null = soci::i_ok;
  std::string name;
  auto rows = tx.query_with(
      fmt::format("{}SELECT e.chain_id, COALESCE(MAX(c.name), ''), COUNT(DISTINCT e.id),"
                  " SUM(r.output_fen), SUM(r.value_added_fen), SUM(r.revenue_fen),"
                  " SUM(r.tax_fen), COUNT(*) FROM enterprise_reports r{}"
                  " JOIN enterprises e ON e.id = r.enterprise_id"
                  " LEFT JOIN industrial_chains c ON c.id = e.chain_id"
                  " WHERE r.zone_id = ? AND r.period BETWEEN ? AND ?"
                  " GROUP BY e.chain_id ORDER BY SUM(r.output_fen) DESC",
                  above_scale_only ? above_scale_cte(from, to) : std::string(),
                  above_scale_only ? kAboveJoin : std::string_view()),
      params, soci::into(chain, chain_null), soci::into(name), soci::into(enterprises),
      soci::into(output), soci::into(value_added), soci::into(revenue), soci::into(tax),
      soci::into(reports));
  while (rows.next()) {
    totals.push_back({GroupCount{chain_null == soci::i_ok ? std::to_string(chain) : std::string(),
                                 name, enterprises},
                      PeriodTotal{from, output, value_added, revenue, tax, reports}});
  }
  return totals;
}

std::vector<EnterpriseTotal> EnterpriseRepo::ranking(store::Tx& tx, ZoneId zone, Period from,
                                                     Period to, std::string_view order, int limit,
                                                     Fen min_output, std::int64_t& total) const {
  std::string_view order_sql = "SUM(r.output_fen)";
  if (order == "value_added") order_sql = "SUM(r.value_added_fen)";
  if (order == "tax") order_sql = "SUM(r.tax_fen)";
  // Per mu (亩均): only firms with land on record can be ranked.
  if (order == "tax_per_mu") order_sql = "SUM(r.tax_fen) * 100 / MAX(e.land_area_centimu)";
  if (order == "value_added_per_mu") {
    order_sql = "SUM(r.value_added_fen) * 100 / MAX(e.land_area_centimu)";
  }
  const bool per_mu = order.ends_with("_per_mu");
  std::vector<Param> params{
      Param(static_cast<long long>(zone)), Param(static_cast<long long>(zone)),
      Param(static_cast<long long>(from.index())), Param(static_cast<long long>(to.index())),
      Param(static_cast<long long>(min_output))};
  // One pass: the page, and how many qualify as a window over all the groups.
  total = 0;
  std::vector<EnterpriseTotal> totals;
  EnterpriseTotal row;
  long long id = 0, land = 0, output = 0, value_added = 0, tax = 0, count = 0;
  auto rows = tx.query_with(
      fmt::format("{}SELECT e.id, MAX(e.name), COALESCE(MAX(c.name), ''), MAX(e.land_area_centimu),"
                  " SUM(r.output_fen), SUM(r.value_added_fen), SUM(r.tax_fen), COUNT(*) OVER ()"
                  " FROM enterprise_reports r{} JOIN enterprises e ON e.id = r.enterprise_id"
                  " LEFT JOIN industrial_chains c ON c.id = e.chain_id"
                  " WHERE r.zone_id = ? AND r.period BETWEEN ? AND ?{}"
                  " GROUP BY e.id HAVING SUM(r.output_fen) > ? ORDER BY {} DESC, e.id LIMIT {}",
                  above_scale_cte(from, to), kAboveJoin,
                  per_mu ? " AND e.land_area_centimu > 0" : "", order_sql, limit),
      params, soci::into(id), soci::into(row.name), soci::into(row.chain_name), soci::into(land),
      soci::into(output), soci::into(value_added), soci::into(tax), soci::into(count));
  while (rows.next()) {
    total = count;
    row.id = id;
    row.land_area_centimu = land;
    row.output_fen = output;
    row.value_added_fen = value_added;
    row.tax_fen = tax;
    totals.push_back(row);
  }
  return totals;
}

std::optional<Period> EnterpriseRepo::latest_period(store::Tx& tx, ZoneId zone) const {
  const long long zone_id = zone;
  long long period = 0;
  soci::indicator null_period = soci::i_ok;
  tx.query_one("SELECT MAX(period) FROM enterprise_reports WHERE zone_id = :z", soci::use(zone_id),
               soci::into(period, null_period));
  if (null_period == soci::i_null) return std::nullopt;
  return Period::from_index(int(period));
}

}  // namespace jingkai::enterprises
