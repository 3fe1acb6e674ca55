#include "modules/indicators/service.hpp"

#include <fmt/format.h>

#include <chrono>

namespace jingkai::indicators {
namespace {

namespace json = boost::json;
using enterprises::PeriodTotal;
using enterprises::Scope;

// Where the records behind a figure are listed: an API path and its query.
json::object drill(std::string_view path, json::object query) {
  return {{"path", path}, {"query", std::move(query)}};
}

json::object reports_drill(Period from, Period to, json::object extra = {}) {
  extra["from"] = format_period(from);
  extra["to"] = format_period(to);
  extra["above_scale"] = "true";
  return drill("/api/v1/enterprise-reports", std::move(extra));
}

// Year-on-year growth in percent, one decimal; null without a base.
json::value growth(Fen now, Fen before) {
  if (before <= 0) return nullptr;
  const double percent = double(now - before) * 100.0 / double(before);
  return std::round(percent * 10.0) / 10.0;
}

Fen output_in(const std::vector<PeriodTotal>& totals, Period from, Period to) {
  Fen sum = 0;
  for (const PeriodTotal& t : totals) {
    if (from <= t.period && t.period <= to) sum += t.output_fen;
  }
  return sum;
}

std::string chain_query_value(const enterprises::GroupCount& group) {
  return group.key.empty() ? "none" : group.key;
}

json::array ranking_json(const std::vector<enterprises::EnterpriseTotal>& items, Period from,
                         Period to) {
  json::array out;
  for (const auto& item : items) {
    json::object row{{"id", item.id},
                     {"name", item.name},
                     {"chain_name", item.chain_name},
                     {"land_area_mu", format_decimal(item.land_area_centimu, 2)},
                     {"output_fen", item.output_fen},
                     {"value_added_fen", item.value_added_fen},
                     {"tax_fen", item.tax_fen}};
    if (item.land_area_centimu > 0) {
      row["tax_per_mu_fen"] = item.tax_fen * 100 / item.land_area_centimu;
      row["value_added_per_mu_fen"] = item.value_added_fen * 100 / item.land_area_centimu;
    }
    row["drill"] = drill("/api/v1/enterprise-reports", json::object{{"enterprise", item.id},
                                                                    {"from", format_period(from)},
                                                                    {"to", format_period(to)}});
    out.push_back(std::move(row));
  }
  return out;
}

}  // namespace

IndicatorService::IndicatorService(store::Database& db, const IndicatorRepo& repo,
                                   const store::AuditLog& audit, const Clock& clock,
                                   enterprises::EnterpriseService& enterprises)
    : db_(db), repo_(repo), audit_(audit), clock_(clock), enterprises_(enterprises) {}

Result<boost::json::object> IndicatorService::dashboard(const Actor& actor,
                                                        std::optional<Period> requested) {
  Period period;
  if (requested) {
    if (auto ok = enterprises_.check_period(*requested); !ok) return std::unexpected(ok.error());
    period = *requested;
  } else {
    auto latest = enterprises_.latest_period(actor);
    if (!latest) return std::unexpected(latest.error());
    period = latest->value_or(period_of(enterprises_.today()));
  }
  auto version = enterprises_.statistics_version(actor.zone_id);
  if (!version) return std::unexpected(version.error());

  std::shared_ptr<const json::object> figures;
  bool cached = false;
  {
    std::lock_guard lock(mutex_);
    auto it = cache_.find({actor.zone_id, period.index()});
    if (it != cache_.end() && it->second.version == *version) {
      figures = it->second.figures;
      cached = true;
    }
  }
  if (!figures) {
    const auto started = std::chrono::steady_clock::now();
    auto computed = compute(actor, period);
    if (!computed) return std::unexpected(computed.error());
    (*computed)["computed_ms"] =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
            .count();
    figures = std::make_shared<const json::object>(std::move(*computed));
    std::lock_guard lock(mutex_);
    // Kept only if no newer version was cached meanwhile.
    auto& slot = cache_[{actor.zone_id, period.index()}];
    if (slot.version <= *version) slot = {*version, figures};
  }

  json::object result = *figures;
  result["version"] = *version;
  result["cached"] = cached;
  // The city's total is entered by hand and read fresh: the zone's share follows it at once.
  auto city = db_.read([&](store::Tx& tx) -> Result<std::optional<CityTotal>> {
    return repo_.find_city_total(tx, actor.zone_id, period);
  });
  if (!city) return std::unexpected(city.error());
  const Fen ytd = result.at("output").as_object().at("ytd_fen").as_int64();
  json::object share{{"city_ytd_fen", nullptr}, {"share_pct", nullptr}};
  if (*city && (*city)->above_scale_output_ytd_fen > 0) {
    share["city_ytd_fen"] = (*city)->above_scale_output_ytd_fen;
    share["share_pct"] =
        std::round(double(ytd) * 1000.0 / double((*city)->above_scale_output_ytd_fen)) / 10.0;
  }
  share["drill"] = reports_drill(period.january(), period);
  result["city_share"] = std::move(share);
  return result;
}

Result<boost::json::object> IndicatorService::compute(const Actor& actor, Period period) {
  const Period january = period.january();
  const Period last = period.same_month_last_year();
  const Period last_january = last.january();
  Scope above_scale;
  above_scale.above_scale_only = true;

  // Both years' months in one query: the chart shows this year beside the last.
  auto months = enterprises_.period_totals(actor, last_january, period, above_scale);
  if (!months) return std::unexpected(months.error());

  json::object output;
  output["month_fen"] = output_in(*months, period, period);
  output["month_last_year_fen"] = output_in(*months, last, last);
  output["month_yoy_pct"] =
      growth(output_in(*months, period, period), output_in(*months, last, last));
  output["ytd_fen"] = output_in(*months, january, period);
  output["ytd_last_year_fen"] = output_in(*months, last_january, last);
  output["ytd_yoy_pct"] =
      growth(output_in(*months, january, period), output_in(*months, last_january, last));
  output["month_drill"] = reports_drill(period, period);
  output["ytd_drill"] = reports_drill(january, period);
  output["ytd_last_year_drill"] = reports_drill(last_january, last);

  json::array monthly;
  for (int m = 1; m <= 12; ++m) {
    const Period now{period.year, m};
    const Period before{period.year - 1, m};
    json::object row{{"month", m}, {"period", format_period(now)}};
    row["last_year_period"] = format_period(before);
    row["last_year_output_fen"] = output_in(*months, before, before);
    row["last_year_drill"] = reports_drill(before, before);
    if (now <= period) {
      row["output_fen"] = output_in(*months, now, now);
      row["drill"] = reports_drill(now, now);
    } else {
      row["output_fen"] = nullptr;
    }
    monthly.push_back(std::move(row));
  }

  auto flags = enterprises_.count_by_flag(actor);
  if (!flags) return std::unexpected(flags.error());
  json::array counts;
  for (const auto& flag : *flags) {
    json::object query{{"status", "active"}};
    if (flag.key != "all") query[flag.key] = "true";
    counts.push_back(json::object{{"key", flag.key},
                                  {"label", flag.label},
                                  {"value", flag.count},
                                  {"drill", drill("/api/v1/enterprises", std::move(query))}});
  }

  auto by_chain = enterprises_.count_by_chain(actor);
  if (!by_chain) return std::unexpected(by_chain.error());
  auto chain_output = enterprises_.chain_totals(actor, january, period, true);
  if (!chain_output) return std::unexpected(chain_output.error());
  json::array chains;
  for (const auto& group : *by_chain) {
    json::object row{{"key", group.key},
                     {"label", group.label.empty() ? "未归属产业链" : group.label},
                     {"enterprises", group.count},
                     {"enterprises_drill",
                      drill("/api/v1/enterprises", json::object{{"chain", chain_query_value(group)},
                                                                {"status", "active"}})}};
    row["above_scale_enterprises"] = 0;
    row["output_ytd_fen"] = 0;
    for (const auto& [chain, total] : *chain_output) {
      if (chain.key != group.key) continue;
      row["above_scale_enterprises"] = chain.count;
      row["output_ytd_fen"] = total.output_fen;
    }
    row["output_drill"] =
        reports_drill(january, period, json::object{{"chain", chain_query_value(group)}});
    chains.push_back(std::move(row));
  }

  auto top = enterprises_.ranking(actor, january, period, "output", kTopN);
  if (!top) return std::unexpected(top.error());
  auto tax_per_mu = enterprises_.ranking(actor, january, period, "tax_per_mu", kTopN);
  if (!tax_per_mu) return std::unexpected(tax_per_mu.error());
  auto value_added_per_mu =
      enterprises_.ranking(actor, january, period, "value_added_per_mu", kTopN);
  if (!value_added_per_mu) return std::unexpected(value_added_per_mu.error());

  // "Over 100 million": output over the twelve months up to the period, so that the figure
  // means a year's output in every month, not only in December.
  const Period year_ago = period.plus_months(-11);
  auto over = enterprises_.ranking(actor, year_ago, period, "output", 1, kHundredMillionFen);
  if (!over) return std::unexpected(over.error());

  json::object result;
  result["period"] = format_period(period);
  result["counts"] = std::move(counts);
  result["output"] = std::move(output);
  result["monthly"] = std::move(monthly);
  result["chains"] = std::move(chains);
  result["top"] = ranking_json(top->items, january, period);
  result["per_mu"] =
      json::object{{"tax", ranking_json(tax_per_mu->items, january, period)},
                   {"value_added", ranking_json(value_added_per_mu->items, january, period)}};
  result["over_100m"] = json::object{
      {"value", over->total},
      {"from", format_period(year_ago)},
      {"to", format_period(period)},
      {"drill",
       drill("/api/v1/indicators/ranking", json::object{{"order", "output"},
                                                        {"from", format_period(year_ago)},
                                                        {"to", format_period(period)},
                                                        {"min_output_fen", kHundredMillionFen},
                                                        {"limit", 500}})}};
  return result;
}

Result<enterprises::EnterpriseService::Ranking> IndicatorService::ranking(
    const Actor& actor, Period from, Period to, std::string_view order, int limit, Fen min_output) {
  return enterprises_.ranking(actor, from, to, order, limit, min_output);
}

Result<CityTotal> IndicatorService::save_city_total(const Actor& actor, const CityTotal& input) {
  if (auto ok = enterprises_.check_period(input.period); !ok) return std::unexpected(ok.error());
  // The bound of every amount the product reads (90 trillion yuan): a total past it is a typo.
  constexpr Fen kLargestTotal = 9'000'000'000'000'000LL;
  if (input.above_scale_output_ytd_fen <= 0 || input.above_scale_output_ytd_fen > kLargestTotal) {
    return std::unexpected(Error::invalid("bad_amount",
                                          "全市规上工业产值须为正数且不超过 90 万亿元 (the city "
                                          "total must be positive, at most 90 trillion "
                                          "yuan)",
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
