// IndicatorRepo: the only SQL of the indicators module — the city's totals that a
// statistics officer enters by hand, against which the zone's share is computed.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "core/actor.hpp"
#include "core/clock.hpp"
#include "core/money.hpp"
#include "core/period.hpp"
#include "modules/indicators/model.hpp"
#include "store/database.hpp"

namespace jingkai::indicators {

class IndicatorRepo {
 public:
  void save_city_total(store::Tx& tx, ZoneId zone, const CityTotal& total) const;
  std::optional<CityTotal> find_city_total(store::Tx& tx, ZoneId zone, Period period) const;
  std::vector<CityTotal> city_totals(store::Tx& tx, ZoneId zone) const;
};

}  // namespace jingkai::indicators
