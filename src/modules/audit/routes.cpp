#include "modules/audit/routes.hpp"

namespace jingkai::audit {
namespace {

namespace json = boost::json;

// Before and after are stored as JSON text; they go out as JSON, not as strings of it.
json::value embedded(const std::string& text) {
  if (text.empty()) return nullptr;
  boost::system::error_code ec;
  json::value value = json::parse(text, ec);
  return ec ? json::value(text) : value;
}

json::object record_json(const store::AuditRecord& r) {
  return {{"seq", r.seq},
          {"at", format_china_time(r.at)},
          {"actor", r.actor},
          {"action", r.action},
          {"entity", r.entity},
          {"entity_id", r.entity_id},
          {"before", embedded(r.before)},
          {"after", embedded(r.after)},
          {"hash", r.hash}};
}

}  // namespace

void register_routes(http::Router& router, AuditService& audit) {
  using http::Access;
  using http::RequestContext;
  using http::Response;

  router.add(http::Verb::get, "/api/v1/audit", Access::only({Role::admin}),
             [&audit](const RequestContext& ctx) -> Result<Response> {
               auto page = TRY(ctx.page());
               auto records = TRY(audit.list(ctx.actor(), page));
               json::object body = http::page_json(records, record_json);
               for (auto& item : body["items"].as_array()) {
                 item.as_object()["zone"] = ctx.actor().zone_code;
               }
               return http::json_response(http::StatusCode::ok, body);
             });

  router.add(http::Verb::get, "/api/v1/audit/verify", Access::only({Role::admin}),
             [&audit](const RequestContext&) -> Result<Response> {
               auto report = TRY(audit.verify());
               json::object body{{"ok", report.ok}, {"rows", report.rows}};
               if (!report.ok) {
                 body["first_bad_seq"] = *report.first_bad_seq;
                 body["reason"] = report.reason;
               }
               return http::json_response(http::StatusCode::ok, body);
             });
}

}  // namespace jingkai::audit
