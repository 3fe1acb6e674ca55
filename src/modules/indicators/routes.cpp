#include "modules/indicators/routes.hpp"

#include <fmt/format.h>

#include <charconv>

#include "http/json_body.hpp"

namespace jingkai::indicators {
namespace {

namespace json = boost::json;
using http::Access;
using http::RequestContext;
using http::Response;

Access readers() {
  return Access::only({Role::admin, Role::leader, Role::stats_officer, Role::investment_officer,
                       Role::park_manager, Role::approval_officer, Role::province_viewer});
}

// An integer query parameter in [min, max] (code `code`), or `fallback` when absent.
Result<std::int64_t> query_int(const RequestContext& ctx, std::string_view name,
                               std::int64_t fallback, std::int64_t min, std::int64_t max,
                               std::string_view code = "out_of_range") {
  const std::string_view text = ctx.query_text(name);
  if (text.empty()) return fallback;
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) {
    return std::unexpected(Error::invalid(
        "bad_number", fmt::format("参数 {} 须为整数 ({} must be an integer)", name, name),
        std::string(name)));
  }
  if (value < min || value > max) {
    return std::unexpected(
        Error::invalid(std::string(code),
                       fmt::format("参数 {} 须在 {} 到 {} 之间 ({} must be from {} to {})", name,
                                   min, max, name, min, max),
                       std::string(name)));
  }
  return value;
}

Result<Period> query_period(const RequestContext& ctx, std::string_view name) {
  return parse_period(ctx.query_text(name), name);
}

// A drill-down as the web UI follows it: the API path of the list and its query.
json::object drill_json(const Drill& drill) {
  std::string_view path;
  switch (drill.target) {
    case DrillTarget::reports:
      path = "/api/v1/enterprise-reports";
      break;
    case DrillTarget::enterprises:
      path = "/api/v1/enterprises";
      break;
    case DrillTarget::ranking:
      path = "/api/v1/indicators/ranking";
      break;
  }
  json::object query;
  for (const auto& [name, value] : drill.query) {
    std::visit([&, &name = name](const auto& v) { query[name] = v; }, value);
  }
  return {{"path", path}, {"query", std::move(query)}};
}

json::value optional_json(const std::optional<double>& value) {
  return value ? json::value(*value) : json::value(nullptr);
}

json::object firm_json(const enterprises::EnterpriseTotal& item) {
  json::object row{{"id", item.id},
                   {"name", item.name},
                   {"chain_name", item.chain_name},
                   {"land_area_mu", format_decimal(item.land_area_centimu, 2)},
                   {"output_fen", item.output_fen},
                   {"value_added_fen", item.value_added_fen},
                   {"tax_fen", item.tax_fen}};
  // EnterpriseService::ranking() has checked that both ratios can be computed.
  if (item.land_area_centimu > 0) {
    if (auto tax = per_mu(item.tax_fen, item.land_area_centimu, item.name)) {
      row["tax_per_mu_fen"] = *tax;
    }
    if (auto value_added = per_mu(item.value_added_fen, item.land_area_centimu, item.name)) {
      row["value_added_per_mu_fen"] = *value_added;
    }
  }
  return row;
}

json::array ranked_json(const std::vector<RankedFirm>& firms) {
  json::array out;
  for (const RankedFirm& ranked : firms) {
    json::object row = firm_json(ranked.firm);
    row["drill"] = drill_json(ranked.drill);
    out.push_back(std::move(row));
  }
  return out;
}

json::object output_json(const OutputFigures& o) {
  return {{"month_fen", o.month_fen},
          {"month_last_year_fen", o.month_last_year_fen},
          {"month_yoy_pct", optional_json(o.month_yoy_pct)},
          {"ytd_fen", o.ytd_fen},
          {"ytd_last_year_fen", o.ytd_last_year_fen},
          {"ytd_yoy_pct", optional_json(o.ytd_yoy_pct)},
          {"month_drill", drill_json(o.month_drill)},
          {"ytd_drill", drill_json(o.ytd_drill)},
          {"ytd_last_year_drill", drill_json(o.ytd_last_year_drill)}};
}

json::array monthly_json(const std::vector<MonthOutput>& monthly) {
  json::array out;
  for (const MonthOutput& m : monthly) {
    json::object row{{"month", m.month},
                     {"period", format_period(m.period)},
                     {"last_year_period", format_period(m.last_year_period)},
                     {"last_year_output_fen", m.last_year_output_fen},
                     {"last_year_drill", drill_json(m.last_year_drill)}};
    if (m.output_fen) {
      row["output_fen"] = *m.output_fen;
      if (m.drill) row["drill"] = drill_json(*m.drill);
    } else {
      row["output_fen"] = nullptr;
    }
    out.push_back(std::move(row));
  }
  return out;
}

json::object dashboard_json(const Dashboard& d) {
  json::array counts;
  for (const FlagCount& c : d.counts) {
    counts.push_back(json::object{
        {"key", c.key}, {"label", c.label}, {"value", c.value}, {"drill", drill_json(c.drill)}});
  }
  json::array chains;
  for (const ChainFigures& c : d.chains) {
    chains.push_back(json::object{{"key", c.key},
                                  {"label", c.label},
                                  {"enterprises", c.enterprises},
                                  {"enterprises_drill", drill_json(c.enterprises_drill)},
                                  {"above_scale_enterprises", c.above_scale_enterprises},
                                  {"output_ytd_fen", c.output_ytd_fen},
                                  {"output_drill", drill_json(c.output_drill)}});
  }
  json::object share{{"city_ytd_fen", nullptr}, {"share_pct", nullptr}};
  if (d.city_share.city_ytd_fen) share["city_ytd_fen"] = *d.city_share.city_ytd_fen;
  if (d.city_share.share_pct) share["share_pct"] = *d.city_share.share_pct;
  share["drill"] = drill_json(d.city_share.drill);
  return {{"period", format_period(d.period)},
          {"counts", std::move(counts)},
          {"output", output_json(d.output)},
          {"monthly", monthly_json(d.monthly)},
          {"chains", std::move(chains)},
          {"top", ranked_json(d.top)},
          {"per_mu", json::object{{"tax", ranked_json(d.tax_per_mu)},
                                  {"value_added", ranked_json(d.value_added_per_mu)}}},
          {"over_100m", json::object{{"value", d.over_100m.value},
                                     {"from", format_period(d.over_100m.from)},
                                     {"to", format_period(d.over_100m.to)},
                                     {"drill", drill_json(d.over_100m.drill)}}},
          {"computed_ms", d.computed_ms},
          {"version", d.version},
          {"cached", d.cached},
          {"city_share", std::move(share)}};
}

}  // namespace

void register_routes(http::Router& router, IndicatorService& indicators) {
  router.add(http::Verb::get, "/api/v1/indicators/dashboard", readers(),
             [&](const RequestContext& ctx) -> Result<Response> {
               std::optional<Period> period;
               if (!ctx.query_text("period").empty()) {
                 auto parsed = TRY(query_period(ctx, "period"));
                 period = parsed;
               }
               return http::ok_json(indicators.dashboard(ctx.actor(), period), dashboard_json);
             });

  router.add(
      http::Verb::get, "/api/v1/indicators/ranking", readers(),
      [&](const RequestContext& ctx) -> Result<Response> {
        auto from = TRY(query_period(ctx, "from"));
        auto to = TRY(query_period(ctx, "to"));
        if (to < from) {
          return std::unexpected(
              Error::invalid("bad_range", "结束统计期早于开始统计期 (to is before from)", "to"));
        }
        auto limit = TRY(query_int(ctx, "limit", 10, 1,
                                   enterprises::EnterpriseService::kMaxRankingLimit, "bad_limit"));
        // No sum over a range exceeds kMaxSumFen (core/money.hpp): a larger floor is a typo.
        auto min_output = TRY(query_int(ctx, "min_output_fen", -1, -1, kMaxSumFen));
        std::string order(ctx.query_text("order"));
        if (order.empty()) order = "output";
        auto ranking =
            TRY(indicators.ranking(ctx.actor(), from, to, order, int(limit), min_output));
        json::array items;
        for (const auto& item : ranking.items) items.push_back(firm_json(item));
        return http::json_response(http::StatusCode::ok, json::object{{"items", std::move(items)},
                                                                      {"total", ranking.total}});
      });

  router.add(
      http::Verb::get, "/api/v1/indicators/city-totals", readers(),
      [&](const RequestContext& ctx) -> Result<Response> {
        auto totals = TRY(indicators.city_totals(ctx.actor()));
        json::array items;
        for (const CityTotal& t : totals) {
          items.push_back(json::object{{"period", format_period(t.period)},
                                       {"above_scale_output_ytd_fen", t.above_scale_output_ytd_fen},
                                       {"updated_at", t.updated_at}});
        }
        return http::json_response(http::StatusCode::ok, json::object{{"items", std::move(items)}});
      });

  router.add(http::Verb::put, "/api/v1/indicators/city-totals/{period}",
             Access::only({Role::admin, Role::stats_officer}),
             [&](const RequestContext& ctx) -> Result<Response> {
               auto period = TRY(parse_period(ctx.params.at("period"), "period"));
               auto body = TRY(http::parse_json_object(ctx.request));
               http::FieldReader fields(body);
               // Any integer that fits is read: the service holds the bound (1 to
               // kMaxCityTotalFen) and refuses past it in words the entry form can show.
               auto value = fields.optional_int("above_scale_output_ytd_fen", INT64_MIN, INT64_MAX,
                                                "bad_amount");
               TRY(fields.finish());
               if (!value) {
                 return std::unexpected(Error::invalid("missing_field",
                                                       "缺少字段 above_scale_output_ytd_fen",
                                                       "above_scale_output_ytd_fen"));
               }
               auto saved = TRY(indicators.save_city_total(ctx.actor(), {period, *value, 0}));
               return http::json_response(
                   http::StatusCode::ok,
                   json::object{{"period", format_period(saved.period)},
                                {"above_scale_output_ytd_fen", saved.above_scale_output_ytd_fen},
                                {"updated_at", saved.updated_at}});
             });
}

}  // namespace jingkai::indicators
