// EnterpriseService: the registry's rules — identifiers checked against the national
// standards, one record per credit code, every change audited — and the monthly reports
// with the above-scale rule. What other modules (indicators) call.
#pragma once

#include <functional>
#include <mutex>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/actor.hpp"
#include "core/clock.hpp"
#include "core/industry_code.hpp"
#include "core/page.hpp"
#include "modules/enterprises/model.hpp"
#include "modules/enterprises/repo.hpp"
#include "store/audit_log.hpp"
#include "store/database.hpp"

namespace jingkai::enterprises {

// The pinyin initials of a name, for search (拼音首字母).
using NameInitials = std::function<std::string(std::string_view)>;

// A report as an import file gives it: the enterprise named by its credit code.
struct ReportLine {
  std::string uscc;
  Period period;
  MonthlyFigures figures;
};

struct SavedReports {
  std::int64_t inserted = 0;
  std::int64_t updated = 0;
  std::set<Period> periods;
};

class EnterpriseService {
 public:
  EnterpriseService(store::Database& db, const EnterpriseRepo& repo, const store::AuditLog& audit,
                    const Clock& clock, const IndustryCatalog& industries, NameInitials initials);

  Result<std::vector<Chain>> chains(const Actor& actor);
  Result<Chain> add_chain(const Actor& actor, const Chain& chain);
  Result<Chain> update_chain(const Actor& actor, const Chain& chain);

  Result<Enterprise> create(const Actor& actor, const EnterpriseDraft& draft);
  // Registers many enterprises in one transaction: all of them, or none when one fails (its
  // error then names its index in `drafts` in the message).
  Result<std::int64_t> create_all(const Actor& actor, const std::vector<EnterpriseDraft>& drafts);
  Result<Enterprise> update(const Actor& actor, EnterpriseId id, const EnterpriseDraft& draft);
  Result<Enterprise> get(const Actor& actor, EnterpriseId id);
  Result<Page<Enterprise>> list(const Actor& actor, const EnterpriseFilter& filter,
                                PageRequest page);
  // The audit records about one enterprise and its reports, newest first.
  Result<Page<store::AuditRecord>> history(const Actor& actor, EnterpriseId id, PageRequest page);

  Result<MonthlyReport> save_report(const Actor& actor, EnterpriseId id, Period period,
                                    const MonthlyFigures& figures);
  Result<Page<MonthlyReport>> reports(const Actor& actor, EnterpriseId id, Period from, Period to,
                                      const Scope& scope, PageRequest page);

  // The credit codes of the zone's enterprises and their ids, for importers.
  Result<std::unordered_map<std::string, EnterpriseId>> directory(const Actor& actor);
  // Saves many reports in one transaction, all or nothing, with one audit record that
  // names `source` (e.g. the file and its SHA-256). The lines must have passed
  // check_period() and check_figures(), and their codes be in directory().
  Result<SavedReports> save_reports(const Actor& actor, const std::vector<ReportLine>& lines,
                                    std::string_view source,
                                    const std::function<void(double)>& progress = {});

  // The checks a report must pass, on their own for importers: no future period, no
  // negative figure except profit, none past its bound (core/money.hpp). Errors name the field.
  Status check_period(Period period) const;
  static Status check_figures(const MonthlyFigures& figures);

  // For indicators: the version of the zone's statistics (changes with every write) and the
  // aggregates.
  Result<std::int64_t> statistics_version(ZoneId zone);
  Result<std::vector<PeriodTotal>> period_totals(const Actor& actor, Period from, Period to,
                                                 const Scope& scope);
  Result<std::vector<GroupCount>> count_by_chain(const Actor& actor);
  Result<std::vector<GroupCount>> count_by_flag(const Actor& actor);
  Result<std::vector<std::pair<GroupCount, PeriodTotal>>> chain_totals(const Actor& actor,
                                                                       Period from, Period to,
                                                                       bool above_scale_only);
  static constexpr int kMaxRankingLimit = 500;
  struct Ranking {
    std::vector<EnterpriseTotal> items;
    std::int64_t total = 0;  // how many enterprises qualify
  };
  Result<Ranking> ranking(const Actor& actor, Period from, Period to, std::string_view order,
                          int limit, Fen min_output = -1);
  Result<std::optional<Period>> latest_period(const Actor& actor);

  Date today() const;

  // The error of sums that failed (in the database, or checked_add's sum_out_of_range in a
  // caller): a conflict naming the stored report past the bounds of core/money.hpp when there
  // is one (the cause of the overflow), else `failure` as it was.
  Error explain_failed_sum(const Actor& actor, Error failure);

 private:
  // Checks and normalises a draft (the code upper-cased, names trimmed).
  Result<EnterpriseDraft> checked(store::Tx& tx, ZoneId zone, const EnterpriseDraft& draft) const;
  Result<Enterprise> create_in(store::Tx& tx, const Actor& actor, const EnterpriseDraft& draft);
  // A read of sums, its failure explained.
  template <typename T>
  Result<T> summing(const Actor& actor, Result<T> result) {
    if (!result) return std::unexpected(explain_failed_sum(actor, std::move(result.error())));
    return result;
  }

  store::Database& db_;
  const EnterpriseRepo& repo_;
  const store::AuditLog& audit_;
  const Clock& clock_;
  const IndustryCatalog& industries_;
  NameInitials initials_;

  // How many enterprises a list's filter matches, by zone, filter and day, for the
  // statistics version it was counted at: every write to the registry bumps the version, so
  // a count is reused only while nothing changed. Counting is most of a filtered page's cost
  // (tens of ms at 100,000 firms), and the list pages through the same filter.
  struct Count {
    std::int64_t version = 0;
    std::int64_t total = 0;
  };
  std::mutex counts_mutex_;
  std::unordered_map<std::string, Count> counts_;
};

// Whether `sort` is a sort key the registry list understands.
bool is_sort_key(std::string_view sort);

}  // namespace jingkai::enterprises
