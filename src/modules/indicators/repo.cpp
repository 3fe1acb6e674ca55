#include "modules/indicators/repo.hpp"

namespace jingkai::indicators {

void IndicatorRepo::save_city_total(store::Tx& tx, ZoneId zone, const CityTotal& total) const {
  const long long zone_id = zone, period = total.period.index(),
                  value = total.above_scale_output_ytd_fen, at = total.updated_at;
  tx.exec(
      "INSERT INTO city_totals (zone_id, period, above_scale_output_ytd_fen, updated_at)"
      " VALUES (:z, :p, :v, :a) ON CONFLICT (zone_id, period) DO UPDATE SET"
      " above_scale_output_ytd_fen = excluded.above_scale_output_ytd_fen,"
      " updated_at = excluded.updated_at",
      soci::use(zone_id), soci::use(period), soci::use(value), soci::use(at));
}

std::optional<CityTotal> IndicatorRepo::find_city_total(store::Tx& tx, ZoneId zone,
                                                        Period period) const {
  const long long zone_id = zone, index = period.index();
  long long value = 0, at = 0;
  if (!tx.query_one("SELECT above_scale_output_ytd_fen, updated_at FROM city_totals"
                    " WHERE zone_id = :z AND period = :p",
                    soci::use(zone_id), soci::use(index), soci::into(value), soci::into(at))) {
    return std::nullopt;
  }
  return CityTotal{period, value, at};
}

std::vector<CityTotal> IndicatorRepo::city_totals(store::Tx& tx, ZoneId zone) const {
  const long long zone_id = zone;
  long long period = 0, value = 0, at = 0;
  std::vector<CityTotal> totals;
  auto rows = tx.query(
      "SELECT period, above_scale_output_ytd_fen, updated_at FROM city_totals WHERE zone_id = :z"
      " ORDER BY period DESC",
      soci::use(zone_id), soci::into(period), soci::into(value), soci::into(at));
  while (rows.next()) totals.push_back({Period::from_index(int(period)), value, at});
  return totals;
}

}  // namespace jingkai::indicators
