// IndicatorService: the figures leadership reads for a zone and a period, computed from
// the enterprises' monthly reports by the enterprises module — never stored by hand — each
// with the query that lists the records it is made of (drill-down).
#pragma once

#include <map>
#include <memory>
#include <mutex>

#include "core/actor.hpp"
#include "core/clock.hpp"
#include "modules/enterprises/service.hpp"
#include "modules/indicators/model.hpp"
#include "modules/indicators/repo.hpp"
#include "store/audit_log.hpp"
#include "store/database.hpp"

namespace jingkai::indicators {

// How many firms the top-N lists and the per-mu rankings show.
inline constexpr int kTopN = 10;
// Output above which a firm counts among the "over 100 million" (亿元以上) firms.
inline constexpr Fen kHundredMillionFen = 100'000'000LL * 100;

class IndicatorService {
 public:
  IndicatorService(store::Database& db, const IndicatorRepo& repo, const store::AuditLog& audit,
                   const Clock& clock, enterprises::EnterpriseService& enterprises);

  // The dashboard of the actor's zone for `period` (default: the latest period reported).
  // Computed once per version of the zone's statistics and kept until the next change.
  Result<Dashboard> dashboard(const Actor& actor, std::optional<Period> period);

  Result<enterprises::EnterpriseService::Ranking> ranking(const Actor& actor, Period from,
                                                          Period to, std::string_view order,
                                                          int limit, Fen min_output);

  Result<CityTotal> save_city_total(const Actor& actor, const CityTotal& total);
  Result<std::vector<CityTotal>> city_totals(const Actor& actor);

 private:
  Result<Dashboard> compute(const Actor& actor, Period period);

  store::Database& db_;
  const IndicatorRepo& repo_;
  const store::AuditLog& audit_;
  const Clock& clock_;
  enterprises::EnterpriseService& enterprises_;

  struct Cached {
    std::int64_t version = 0;
    std::shared_ptr<const Dashboard> figures;
  };
  std::mutex mutex_;
  std::map<std::pair<ZoneId, int>, Cached> cache_;  // by (zone, period index)
};

}  // namespace jingkai::indicators
