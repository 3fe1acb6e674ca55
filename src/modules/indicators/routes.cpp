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

Result<std::int64_t> query_int(const RequestContext& ctx, std::string_view name,
                               std::int64_t fallback) {
  const std::string_view text = ctx.query_text(name);
  if (text.empty()) return fallback;
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) {
    return std::unexpected(Error::invalid(
        "bad_number", fmt::format("参数 {} 须为整数 ({} must be an integer)", name, name),
        std::string(name)));
  }
  return value;
}

Result<Period> query_period(const RequestContext& ctx, std::string_view name) {
  return parse_period(ctx.query_text(name), name);
}

}  // namespace

void register_routes(http::Router& router, IndicatorService& indicators) {
  router.add(http::Verb::get, "/api/v1/indicators/dashboard", readers(),
             [&](const RequestContext& ctx) -> Result<Response> {
               std::optional<Period> period;
               if (!ctx.query_text("period").empty()) {
                 auto parsed = query_period(ctx, "period");
                 if (!parsed) return std::unexpected(parsed.error());
                 period = *parsed;
               }
               auto dashboard = indicators.dashboard(ctx.actor(), period);
               if (!dashboard) return std::unexpected(dashboard.error());
               return http::json_response(http::StatusCode::ok, *dashboard);
             });

  router.add(
      http::Verb::get, "/api/v1/indicators/ranking", readers(),
      [&](const RequestContext& ctx) -> Result<Response> {
        auto from = query_period(ctx, "from");
        if (!from) return std::unexpected(from.error());
        auto to = query_period(ctx, "to");
        if (!to) return std::unexpected(to.error());
        if (*to < *from) {
          return std::unexpected(
              Error::invalid("bad_range", "结束统计期早于开始统计期 (to is before from)", "to"));
        }
        auto limit = query_int(ctx, "limit", 10);
        if (!limit) return std::unexpected(limit.error());
        auto min_output = query_int(ctx, "min_output_fen", -1);
        if (!min_output) return std::unexpected(min_output.error());
        std::string order(ctx.query_text("order"));
        if (order.empty()) order = "output";
        auto ranking =
            indicators.ranking(ctx.actor(), *from, *to, order,
                               int(std::clamp<std::int64_t>(*limit, -1, 100000)), *min_output);
        if (!ranking) return std::unexpected(ranking.error());
        json::array items;
        for (const auto& item : ranking->items) {
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
          items.push_back(std::move(row));
        }
        return http::json_response(http::StatusCode::ok, json::object{{"items", std::move(items)},
                                                                      {"total", ranking->total}});
      });

  router.add(
      http::Verb::get, "/api/v1/indicators/city-totals", readers(),
      [&](const RequestContext& ctx) -> Result<Response> {
        auto totals = indicators.city_totals(ctx.actor());
        if (!totals) return std::unexpected(totals.error());
        json::array items;
        for (const CityTotal& t : *totals) {
          items.push_back(json::object{{"period", format_period(t.period)},
                                       {"above_scale_output_ytd_fen", t.above_scale_output_ytd_fen},
                                       {"updated_at", t.updated_at}});
        }
        return http::json_response(http::StatusCode::ok, json::object{{"items", std::move(items)}});
      });

  router.add(http::Verb::put, "/api/v1/indicators/city-totals/{period}",
             Access::only({Role::admin, Role::stats_officer}),
             [&](const RequestContext& ctx) -> Result<Response> {
               auto period = parse_period(ctx.params.at("period"), "period");
               if (!period) return std::unexpected(period.error());
               auto body = http::parse_json_object(ctx.request);
               if (!body) return std::unexpected(body.error());
               http::FieldReader fields(*body);
               auto value = fields.optional_int("above_scale_output_ytd_fen");
               if (auto done = fields.finish(); !done) return std::unexpected(done.error());
               if (!value) {
                 return std::unexpected(Error::invalid("missing_field",
                                                       "缺少字段 above_scale_output_ytd_fen",
                                                       "above_scale_output_ytd_fen"));
               }
               auto saved = indicators.save_city_total(ctx.actor(), {*period, *value, 0});
               if (!saved) return std::unexpected(saved.error());
               return http::json_response(
                   http::StatusCode::ok,
                   json::object{{"period", format_period(saved->period)},
                                {"above_scale_output_ytd_fen", saved->above_scale_output_ytd_fen},
                                {"updated_at", saved->updated_at}});
             });
}

}  // namespace jingkai::indicators
