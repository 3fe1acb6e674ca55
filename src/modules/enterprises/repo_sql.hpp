// The SQL pieces that the registry's, the reports' and the statistics' queries share: the
// above-scale rule (规模以上: last year's main-business revenue of at least 20 million CNY,
// annualised over the months reported) and the high-tech flag as SQL. Internal to the
// enterprises module.
#pragma once

#include <fmt/format.h>

#include <string>
#include <string_view>

#include "core/period.hpp"
#include "store/database.hpp"

namespace jingkai::enterprises::sql {

using Param = store::Tx::Param;

constexpr std::string_view kAboveScaleSql =
    "CASE WHEN e.above_scale_override IS NOT NULL THEN e.above_scale_override"
    " WHEN prev.enterprise_id IS NOT NULL THEN CASE WHEN prev.revenue_fen * 12 >="
    " CAST(2000000000 AS BIGINT) * prev.months THEN 1 ELSE 0 END"
    " WHEN cur.revenue_fen * 12 >= CAST(2000000000 AS BIGINT) * cur.months THEN 1 ELSE 0 END";

// Joins the yearly sums that above_scale_sql() reads; `year` is an SQL expression.
inline std::string year_joins(std::string_view year) {
  return fmt::format(
      " LEFT JOIN enterprise_years prev ON prev.enterprise_id = e.id AND prev.year = ({}) - 1"
      " LEFT JOIN enterprise_years cur ON cur.enterprise_id = e.id AND cur.year = ({})",
      year, year);
}

// The aggregates over reports keep a report when its enterprise was above scale in the
// report's year. Evaluating the rule per report row (two lookups in enterprise_years each)
// made the dashboard's queries cost seconds at 100,000 firms × 36 months; instead the rule is
// evaluated once per (enterprise, year) of the range, in a CTE `above` that the reports join.
// The CTE takes the zone as its one parameter ('?'), which comes first in the statement.
inline std::string above_scale_cte(Period from, Period to) {
  std::string years;
  for (int year = from.year; year <= to.year; ++year) {
    years += fmt::format("{}SELECT {} AS year", years.empty() ? "" : " UNION ALL ", year);
  }
  return fmt::format(
      "WITH above AS MATERIALIZED (SELECT e.id AS enterprise_id, y.year AS year"
      " FROM enterprises e CROSS JOIN ({}) y{} WHERE e.zone_id = ? AND ({}) = 1) ",
      years, year_joins("y.year"), kAboveScaleSql);
}

// Joins the reports `r` to `above`.
constexpr std::string_view kAboveJoin =
    " JOIN above a ON a.enterprise_id = r.enterprise_id AND a.year = r.period / 12";

constexpr std::string_view kHighTechSql =
    "(e.high_tech_certificate <> '' AND (e.high_tech_expires_on = '' OR "
    "e.high_tech_expires_on >= ?))";

}  // namespace jingkai::enterprises::sql
