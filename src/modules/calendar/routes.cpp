#include "modules/calendar/routes.hpp"

#include <charconv>

#include "http/json_body.hpp"

namespace jingkai::calendar {
namespace {

namespace json = boost::json;
using http::Access;
using http::RequestContext;
using http::Response;

Result<std::string> query_value(const RequestContext& ctx, std::string_view name) {
  auto it = ctx.query.find(name);
  if (it == ctx.query.end() || it->second.empty()) {
    return std::unexpected(
        Error::invalid("missing_field", "缺少参数 " + std::string(name), std::string(name)));
  }
  return it->second;
}

Result<Date> query_date(const RequestContext& ctx, std::string_view name) {
  auto text = query_value(ctx, name);
  if (!text) return std::unexpected(text.error());
  return parse_date(*text, name);
}

}  // namespace

void register_routes(http::Router& router, CalendarService& calendar) {
  router.add(
      http::Verb::get, "/api/v1/calendar/add-workdays", Access::any_user(),
      [&calendar](const RequestContext& ctx) -> Result<Response> {
        auto from = query_date(ctx, "from");
        if (!from) return std::unexpected(from.error());
        auto days_text = query_value(ctx, "days");
        if (!days_text) return std::unexpected(days_text.error());
        int days = 0;
        auto [end, ec] =
            std::from_chars(days_text->data(), days_text->data() + days_text->size(), days);
        if (ec != std::errc() || end != days_text->data() + days_text->size() || days < 0 ||
            days > 3650) {
          return std::unexpected(Error::invalid("bad_days", "days 须为 0-3650 的整数", "days"));
        }
        auto current = calendar.current();
        if (!current) return std::unexpected(current.error());
        auto date = (*current)->add_working_days(*from, days);
        if (!date) return std::unexpected(date.error());
        return http::json_response(
            http::StatusCode::ok,
            json::object{
                {"from", format_date(*from)}, {"days", days}, {"date", format_date(*date)}});
      });

  router.add(http::Verb::get, "/api/v1/calendar/workdays", Access::any_user(),
             [&calendar](const RequestContext& ctx) -> Result<Response> {
               auto from = query_date(ctx, "from");
               if (!from) return std::unexpected(from.error());
               auto to = query_date(ctx, "to");
               if (!to) return std::unexpected(to.error());
               auto current = calendar.current();
               if (!current) return std::unexpected(current.error());
               auto count = (*current)->working_days_between(*from, *to);
               if (!count) return std::unexpected(count.error());
               return http::json_response(http::StatusCode::ok,
                                          json::object{{"from", format_date(*from)},
                                                       {"to", format_date(*to)},
                                                       {"workdays", *count}});
             });

  router.add(http::Verb::get, "/api/v1/calendar", Access::any_user(),
             [&calendar](const RequestContext&) -> Result<Response> {
               auto current = calendar.current();
               if (!current) return std::unexpected(current.error());
               json::array years;
               for (int year : (*current)->years()) years.emplace_back(year);
               return http::json_response(
                   http::StatusCode::ok,
                   json::object{{"years", std::move(years)}, {"text", (*current)->to_text()}});
             });

  router.add(http::Verb::post, "/api/v1/calendar", Access::only({Role::admin}),
             [&calendar](const RequestContext& ctx) -> Result<Response> {
               auto body = http::parse_json_object(ctx.request);
               if (!body) return std::unexpected(body.error());
               http::FieldReader fields(*body);
               const std::string text = fields.required_string("text", 200'000);
               if (auto done = fields.finish(); !done) return std::unexpected(done.error());
               auto years = calendar.import(ctx.actor(), text);
               if (!years) return std::unexpected(years.error());
               json::array imported;
               for (int year : *years) imported.emplace_back(year);
               return http::json_response(http::StatusCode::ok,
                                          json::object{{"imported", std::move(imported)}});
             });
}

}  // namespace jingkai::calendar
