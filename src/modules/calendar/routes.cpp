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
  auto text = TRY(query_value(ctx, name));
  return parse_date(text, name);
}

}  // namespace

void register_routes(http::Router& router, CalendarService& calendar) {
  router.add(
      http::Verb::get, "/api/v1/calendar/add-workdays", Access::any_user(),
      [&calendar](const RequestContext& ctx) -> Result<Response> {
        auto from = TRY(query_date(ctx, "from"));
        auto days_text = TRY(query_value(ctx, "days"));
        int days = 0;
        auto [end, ec] =
            std::from_chars(days_text.data(), days_text.data() + days_text.size(), days);
        if (ec != std::errc() || end != days_text.data() + days_text.size() || days < 0 ||
            days > 3650) {
          return std::unexpected(Error::invalid("bad_days", "days 须为 0-3650 的整数", "days"));
        }
        auto current = TRY(calendar.current());
        auto date = TRY(current->add_working_days(from, days));
        return http::json_response(
            http::StatusCode::ok,
            json::object{{"from", format_date(from)}, {"days", days}, {"date", format_date(date)}});
      });

  router.add(http::Verb::get, "/api/v1/calendar/workdays", Access::any_user(),
             [&calendar](const RequestContext& ctx) -> Result<Response> {
               auto from = TRY(query_date(ctx, "from"));
               auto to = TRY(query_date(ctx, "to"));
               auto current = TRY(calendar.current());
               auto count = TRY(current->working_days_between(from, to));
               return http::json_response(
                   http::StatusCode::ok,
                   json::object{
                       {"from", format_date(from)}, {"to", format_date(to)}, {"workdays", count}});
             });

  router.add(http::Verb::get, "/api/v1/calendar", Access::any_user(),
             [&calendar](const RequestContext&) -> Result<Response> {
               auto current = TRY(calendar.current());
               json::array years;
               for (int year : current->years()) years.emplace_back(year);
               return http::json_response(
                   http::StatusCode::ok,
                   json::object{{"years", std::move(years)}, {"text", current->to_text()}});
             });

  router.add(http::Verb::post, "/api/v1/calendar", Access::only({Role::admin}),
             [&calendar](const RequestContext& ctx) -> Result<Response> {
               auto body = TRY(http::parse_json_object(ctx.request));
               http::FieldReader fields(body);
               const std::string text = fields.required_string("text", 200'000);
               TRY(fields.finish());
               auto years = TRY(calendar.import(ctx.actor(), text));
               json::array imported;
               for (int year : years) imported.emplace_back(year);
               return http::json_response(http::StatusCode::ok,
                                          json::object{{"imported", std::move(imported)}});
             });
}

}  // namespace jingkai::calendar
