#include "modules/indicators/service.hpp"

#include <fmt/format.h>

#include <boost/json.hpp>
#include <chrono>
#include <cmath>

namespace jingkai::indicators {
namespace {

namespace json = boost::json;
using enterprises::PeriodTotal;
using enterprises::Scope;

Drill reports_drill(Period from, Period to,
                    std::vector<std::pair<std::string, Drill::Value>> extra = {}) {
  extra.emplace_back("from", format_period(from));
  extra.emplace_back("to", format_period(to));
  extra.emplace_back("above_scale", "true");
  return {DrillTarget::reports, std::move(extra)};
}

// Year-on-year growth in percent, one decimal; none without a base.
std::optional<double> growth(Fen now, Fen before) {
  if (before <= 0) return std::nullopt;
  // In floating point from the start: now - before in integers could overflow.
  const double percent = (double(now) - double(before)) * 100.0 / double(before);
  return std::round(percent * 10.0) / 10.0;
}

Result<Fen> output_in(const std::vector<PeriodTotal>& totals, Period from, Period to) {
  Fen sum = 0;
  for (const PeriodTotal& t : totals) {
    if (from <= t.period && t.period <= to) sum = TRY(checked_add(sum, t.output_fen, "工业总产值"));
  }
  return sum;
}

std::string chain_query_value(const enterprises::GroupCount& group) {
  return group.key.empty() ? "none" : group.key;
}

std::vector<RankedFirm> ranked(const std::vector<enterprises::EnterpriseTotal>& items, Period from,
                               Period to) {
  std::vector<RankedFirm> out;
  out.reserve(items.size());
  for (const auto& item : items) {
    out.push_back(
        {item,
         {DrillTarget::reports,
          {{"enterprise", item.id}, {"from", format_period(from)}, {"to", format_period(to)}}}});
  }
  return out;
}

Result<OutputFigures> output_figures(const std::vector<PeriodTotal>& months, Period period) {
  const Period january = period.january();
  const Period last = period.same_month_last_year();
  const Period last_january = last.january();
  OutputFigures output;
  output.month_fen = TRY(output_in(months, period, period));
  output.month_last_year_fen = TRY(output_in(months, last, last));
  output.month_yoy_pct = growth(output.month_fen, output.month_last_year_fen);
  output.ytd_fen = TRY(output_in(months, january, period));
  output.ytd_last_year_fen = TRY(output_in(months, last_january, last));
  output.ytd_yoy_pct = growth(output.ytd_fen, output.ytd_last_year_fen);
  output.month_drill = reports_drill(period, period);
  output.ytd_drill = reports_drill(january, period);
  output.ytd_last_year_drill = reports_drill(last_january, last);
  return output;
}

Result<std::vector<MonthOutput>> monthly_output(const std::vector<PeriodTotal>& months,
                                                Period period) {
  std::vector<MonthOutput> monthly;
  for (int m = 1; m <= 12; ++m) {
    MonthOutput row;
    row.month = m;
    row.period = Period{period.year, m};
    row.last_year_period = Period{period.year - 1, m};
    row.last_year_output_fen = TRY(output_in(months, row.last_year_period, row.last_year_period));
    row.last_year_drill = reports_drill(row.last_year_period, row.last_year_period);
    if (row.period <= period) {
      row.output_fen = TRY(output_in(months, row.period, row.period));
      row.drill = reports_drill(row.period, row.period);
    }
    monthly.push_back(std::move(row));
  }
  return monthly;
}

std::vector<FlagCount> flag_counts(const std::vector<enterprises::GroupCount>& flags) {
  std::vector<FlagCount> counts;
  for (const auto& flag : flags) {
    Drill drill{DrillTarget::enterprises, {{"status", "active"}}};
    if (flag.key != "all") drill.query.emplace_back(flag.key, "true");
    counts.push_back({flag.key, flag.label, flag.count, std::move(drill)});
  }
  return counts;
}

std::vector<ChainFigures> chain_figures(
    const std::vector<enterprises::GroupCount>& by_chain,
    const std::vector<std::pair<enterprises::GroupCount, PeriodTotal>>& chain_output,
    Period period) {
  std::vector<ChainFigures> chains;
  for (const auto& group : by_chain) {
    ChainFigures row;
    row.key = group.key;
    row.label = group.label.empty() ? "未归属产业链" : group.label;
    row.enterprises = group.count;
    row.enterprises_drill = {DrillTarget::enterprises,
                             {{"chain", chain_query_value(group)}, {"status", "active"}}};
    for (const auto& [chain, total] : chain_output) {
      if (chain.key != group.key) continue;
      row.above_scale_enterprises = chain.count;
      row.output_ytd_fen = total.output_fen;
    }
    row.output_drill =
        reports_drill(period.january(), period, {{"chain", chain_query_value(group)}});
    chains.push_back(std::move(row));
  }
  return chains;
}

}  // namespace

IndicatorService::IndicatorService(store::Database& db, const IndicatorRepo& repo,
                                   const store::AuditLog& audit, const Clock& clock,
                                   enterprises::EnterpriseService& enterprises)
    : db_(db), repo_(repo), audit_(audit), clock_(clock), enterprises_(enterprises) {}

Result<Dashboard> IndicatorService::dashboard(const Actor& actor, std::optional<Period> requested) {
  Period period;
  if (requested) {
    TRY(enterprises_.check_period(*requested));
    period = *requested;
  } else {
    auto latest = TRY(enterprises_.latest_period(actor));
    period = latest.value_or(period_of(enterprises_.today()));
  }
  const std::int64_t version = TRY(enterprises_.statistics_version(actor.zone_id));

  std::shared_ptr<const Dashboard> figures;
  bool cached = false;
  {
    std::lock_guard lock(mutex_);
    auto it = cache_.find({actor.zone_id, period.index()});
    if (it != cache_.end() && it->second.version == version) {
      figures = it->second.figures;
      cached = true;
    }
  }
  if (!figures) {
    const auto started = std::chrono::steady_clock::now();
    auto attempt = compute(actor, period);
    if (!attempt) {
      return std::unexpected(enterprises_.explain_failed_sum(actor, std::move(attempt.error())));
    }
    Dashboard computed = std::move(*attempt);
    computed.computed_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
            .count();
    figures = std::make_shared<const Dashboard>(std::move(computed));
    std::lock_guard lock(mutex_);
    // Kept only if no newer version was cached meanwhile.
    auto& slot = cache_[{actor.zone_id, period.index()}];
    if (slot.version <= version) slot = {version, figures};
  }

  Dashboard result = *figures;
  result.version = version;
  result.cached = cached;
  // The city's total is entered by hand and read fresh: the zone's share follows it at once.
  auto city = TRY(db_.read([&](store::Tx& tx) -> Result<std::optional<CityTotal>> {
    return repo_.find_city_total(tx, actor.zone_id, period);
  }));
  if (city && city->above_scale_output_ytd_fen > 0) {
    result.city_share.city_ytd_fen = city->above_scale_output_ytd_fen;
    result.city_share.share_pct = std::round(double(result.output.ytd_fen) * 1000.0 /
                                             double(city->above_scale_output_ytd_fen)) /
                                  10.0;
  }
  result.city_share.drill = reports_drill(period.january(), period);
  return result;
}

Result<Dashboard> IndicatorService::compute(const Actor& actor, Period period) {
  const Period january = period.january();
  Scope above_scale;
  above_scale.above_scale_only = true;
  Dashboard d;
  d.period = period;
  // Both years' months in one query: the chart shows this year beside the last.
  const auto months = TRY(enterprises_.period_totals(actor, period.same_month_last_year().january(),
                                                     period, above_scale));
  d.output = TRY(output_figures(months, period));
  d.monthly = TRY(monthly_output(months, period));
  d.counts = flag_counts(TRY(enterprises_.count_by_flag(actor)));
  d.chains = chain_figures(TRY(enterprises_.count_by_chain(actor)),
                           TRY(enterprises_.chain_totals(actor, january, period, true)), period);
  d.top = ranked(TRY(enterprises_.ranking(actor, january, period, "output", kTopN)).items, january,
                 period);
  d.tax_per_mu =
      ranked(TRY(enterprises_.ranking(actor, january, period, "tax_per_mu", kTopN)).items, january,
             period);
  d.value_added_per_mu =
      ranked(TRY(enterprises_.ranking(actor, january, period, "value_added_per_mu", kTopN)).items,
             january, period);

  // "Over 100 million": output over the twelve months up to the period, so that the figure
  // means a year's output in every month, not only in December.
  const Period year_ago = period.plus_months(-11);
  const auto over =
      TRY(enterprises_.ranking(actor, year_ago, period, "output", 1, kHundredMillionFen));
  d.over_100m = {over.total,
                 year_ago,
                 period,
                 {DrillTarget::ranking,
                  {{"order", "output"},
                   {"from", format_period(year_ago)},
                   {"to", format_period(period)},
                   {"min_output_fen", kHundredMillionFen},
                   {"limit", std::int64_t{500}}}}};
  return d;
}

Result<enterprises::EnterpriseService::Ranking> IndicatorService::ranking(
    const Actor& actor, Period from, Period to, std::string_view order, int limit, Fen min_output) {
  return enterprises_.ranking(actor, from, to, order, limit, min_output);
}

Result<CityTotal> IndicatorService::save_city_total(const Actor& actor, const CityTotal& input) {
  TRY(enterprises_.check_period(input.period));
  if (input.above_scale_output_ytd_fen <= 0 ||
      input.above_scale_output_ytd_fen > kMaxCityTotalFen) {
    return std::unexpected(Error::invalid("bad_amount",
                                          "全市规上工业产值须为正数且不超过 10 万亿元 (the city "
                                          "total must be positive, at most 10^15 fen)",
                                          "above_scale_output_ytd_fen"));
  }
  CityTotal total = input;
  total.updated_at = clock_.now_ms();
  return db_.write([&](store::Tx& tx) -> Result<CityTotal> {
    auto before = repo_.find_city_total(tx, actor.zone_id, total.period);
    repo_.save_city_total(tx, actor.zone_id, total);
    auto as_json = [](const CityTotal& t) {
      return json::serialize(
          json::object{{"period", format_period(t.period)},
                       {"above_scale_output_ytd_fen", t.above_scale_output_ytd_fen}});
    };
    audit_.append(tx, actor,
                  {"city_total.save", "city_total", format_period(total.period),
                   before ? as_json(*before) : std::string(), as_json(total)});
    return total;
  });
}

Result<std::vector<CityTotal>> IndicatorService::city_totals(const Actor& actor) {
  return db_.read([&](store::Tx& tx) -> Result<std::vector<CityTotal>> {
    return repo_.city_totals(tx, actor.zone_id);
  });
}

}  // namespace jingkai::indicators
