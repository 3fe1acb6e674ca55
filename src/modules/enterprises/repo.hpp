// EnterpriseRepo: the only SQL about industrial chains, enterprises and their monthly reports.
#pragma once

#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/page.hpp"
#include "modules/enterprises/model.hpp"
#include "store/database.hpp"

namespace jingkai::enterprises {

// Which enterprises an aggregate or a drill-down covers.
struct Scope {
  std::optional<ChainId> chain_id;
  bool without_chain = false;  // only enterprises assigned to no chain
  bool above_scale_only = false;
};

struct PeriodTotal {
  Period period;
  Fen output_fen = 0;
  Fen value_added_fen = 0;
  Fen revenue_fen = 0;
  Fen tax_fen = 0;
  std::int64_t reports = 0;
};

struct GroupCount {
  std::string key;  // a chain's id as text ("" for none), or a flag's name
  std::string label;
  std::int64_t count = 0;
};

// A stored report with a figure past its bound, and which figure.
struct OutOfBoundsReport {
  std::string uscc;
  std::string name;
  Period period;
  std::string field;
};

// One enterprise's sums over a range of periods, for rankings.
struct EnterpriseTotal {
  EnterpriseId id = 0;
  std::string name;
  std::string chain_name;
  std::int64_t land_area_centimu = 0;
  Fen output_fen = 0;
  Fen value_added_fen = 0;
  Fen tax_fen = 0;
};

class EnterpriseRepo {
 public:
  ChainId insert_chain(store::Tx& tx, ZoneId zone, const Chain& chain) const;
  bool update_chain(store::Tx& tx, ZoneId zone, const Chain& chain) const;
  std::vector<Chain> list_chains(store::Tx& tx, ZoneId zone) const;
  std::optional<Chain> find_chain(store::Tx& tx, ZoneId zone, ChainId id) const;

  // `year` is the statistical year whose above-scale status the rows carry.
  EnterpriseId insert(store::Tx& tx, ZoneId zone, const Enterprise& enterprise) const;
  void update(store::Tx& tx, ZoneId zone, const Enterprise& enterprise) const;
  std::optional<Enterprise> find(store::Tx& tx, ZoneId zone, EnterpriseId id, Date today) const;
  std::optional<EnterpriseId> find_by_uscc(store::Tx& tx, ZoneId zone, std::string_view uscc) const;
  // A page of the registry; `known_total`, when given, is taken as the page's total instead
  // of counting the matching rows (the count is most of a filtered list's cost).
  Page<Enterprise> list(store::Tx& tx, ZoneId zone, const EnterpriseFilter& filter,
                        PageRequest page, Date today,
                        std::optional<std::int64_t> known_total = std::nullopt) const;

  // Inserts or replaces the report of (enterprise, period).
  void upsert_report(store::Tx& tx, ZoneId zone, const MonthlyReport& report, EpochMs now) const;
  // The same for many reports: with SQLite one prepared statement stepped over bound
  // columns, with PostgreSQL multi-row statements of up to kUpsertBatch rows (so a pair
  // (enterprise, period) must not appear twice in `reports`).
  static constexpr std::size_t kUpsertBatch = 500;
  void upsert_reports(store::Tx& tx, ZoneId zone, std::span<const MonthlyReport> reports,
                      EpochMs now) const;
  std::optional<MonthlyReport> find_report(store::Tx& tx, ZoneId zone, EnterpriseId enterprise,
                                           Period period) const;
  // Reports of one enterprise (or all when 0) in [from, to], newest first.
  Page<MonthlyReport> list_reports(store::Tx& tx, ZoneId zone, EnterpriseId enterprise, Period from,
                                   Period to, const Scope& scope, PageRequest page) const;
  // The enterprises of the zone by credit code.
  std::unordered_map<std::string, EnterpriseId> directory(store::Tx& tx, ZoneId zone) const;
  // Which (enterprise, period) pairs in [from, to] have a report, as report_key()s.
  std::unordered_set<std::uint64_t> report_keys(store::Tx& tx, ZoneId zone, Period from,
                                                Period to) const;
  // Recomputes the yearly sums of `years` for one enterprise, or every enterprise of the
  // zone when `enterprise` is 0, from the monthly reports.
  void refresh_years(store::Tx& tx, ZoneId zone, EnterpriseId enterprise,
                     const std::set<int>& years) const;

  // A number that changes with every write to the zone's registry or reports.
  void bump_version(store::Tx& tx, ZoneId zone) const;
  std::int64_t version(store::Tx& tx, ZoneId zone) const;

  // Aggregates for indicators.
  std::vector<PeriodTotal> period_totals(store::Tx& tx, ZoneId zone, Period from, Period to,
                                         const Scope& scope) const;
  std::vector<GroupCount> count_by_chain(store::Tx& tx, ZoneId zone, Date today) const;
  std::vector<GroupCount> count_by_flag(store::Tx& tx, ZoneId zone, Date today) const;
  // Sums over [from, to] per industrial chain (key: the chain's id, "" for none).
  std::vector<std::pair<GroupCount, PeriodTotal>> chain_totals(store::Tx& tx, ZoneId zone,
                                                               Period from, Period to,
                                                               bool above_scale_only) const;
  // Above-scale enterprises' sums over [from, to], the largest `limit` by `order` (output,
  // value_added, tax, tax_per_mu, value_added_per_mu); only those whose output over the
  // range exceeds `min_output`. `total` receives how many qualify.
  std::vector<EnterpriseTotal> ranking(store::Tx& tx, ZoneId zone, Period from, Period to,
                                       std::string_view order, int limit, Fen min_output,
                                       std::int64_t& total) const;
  // The latest period with a report, if any.
  std::optional<Period> latest_period(store::Tx& tx, ZoneId zone) const;
  // The first stored report (by period, then enterprise) with a figure past the bounds of
  // core/money.hpp, written before they were enforced, if any.
  std::optional<OutOfBoundsReport> first_out_of_bounds(store::Tx& tx, ZoneId zone) const;
};

inline std::uint64_t report_key(EnterpriseId enterprise, Period period) {
  return (std::uint64_t(enterprise) << 20) | std::uint64_t(period.index());
}

// The SQL that decides whether enterprise `e` is above scale in a year, given the joined
// yearly sums `prev` (the year before) and `cur` (the year itself).
std::string_view above_scale_sql();

}  // namespace jingkai::enterprises
