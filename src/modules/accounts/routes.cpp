#include "modules/accounts/routes.hpp"

#include <fmt/format.h>

#include "http/json_body.hpp"

namespace jingkai::accounts {
namespace {

namespace json = boost::json;
using http::Access;
using http::RequestContext;
using http::Response;
using http::Verb;

json::array roles_json(const std::vector<Role>& roles) {
  json::array array;
  for (Role role : roles) array.emplace_back(to_string(role));
  return array;
}

json::object user_json(const User& user, std::string_view current_zone) {
  json::array zones;
  for (const Membership& m : user.memberships) {
    zones.push_back(
        json::object{{"code", m.zone.code}, {"name", m.zone.name}, {"roles", roles_json(m.roles)}});
  }
  return {{"id", user.id},
          {"name", user.name},
          {"display_name", user.display_name},
          {"current_zone", current_zone},
          {"zones", std::move(zones)}};
}

json::object zone_user_json(const ZoneUser& user) {
  return {{"id", user.id},
          {"name", user.name},
          {"display_name", user.display_name},
          {"roles", roles_json(user.roles)}};
}

Result<std::vector<Role>> parse_roles(const std::vector<std::string>& names) {
  std::vector<Role> roles;
  for (const std::string& name : names) {
    auto role = parse_role(name);
    if (!role) {
      return std::unexpected(Error::invalid("unknown_role", "未知角色: " + name, "roles"));
    }
    roles.push_back(*role);
  }
  return roles;
}

// Whether the browser reached the server over HTTPS — directly or, as in production, through
// a proxy that says so — or on this machine, where browsers keep Secure cookies over plain
// HTTP too. Only a plain-HTTP session to another address (a rehearsal on a LAN) gets a cookie
// without Secure, which would otherwise never come back.
bool secure_context(const http::Request& request) {
  if (boost::beast::iequals(request["X-Forwarded-Proto"], "https")) return true;
  std::string_view host = request[http::beast_http::field::host];
  if (host.starts_with('[')) {
    host = host.substr(0, host.find(']') + 1);
  } else {
    host = host.substr(0, host.find(':'));
  }
  const bool loopback_ipv4 =
      host.starts_with("127.") && host.find_first_not_of("0123456789.") == std::string_view::npos;
  return host == "localhost" || host.ends_with(".localhost") || loopback_ipv4 || host == "[::1]";
}

std::string session_cookie(const http::Request& request, std::string_view token,
                           EpochMs max_age_ms) {
  return fmt::format("{}={}; Path=/; HttpOnly; SameSite=Strict{}; Max-Age={}",
                     http::Router::kSessionCookie, token, secure_context(request) ? "; Secure" : "",
                     max_age_ms / 1000);
}

// Sessions: log in and out, who am I, the zone a session works in.
void register_session_routes(http::Router& router, AccountService& accounts) {
  router.add(Verb::post, "/api/v1/auth/login", Access::anyone(),
             [&accounts](const RequestContext& ctx) -> Result<Response> {
               auto body = TRY(http::parse_json_object(ctx.request));
               http::FieldReader fields(body);
               const std::string name = fields.required_string("name", 64);
               const std::string password = fields.required_string("password", 256);
               TRY(fields.finish());
               auto login = TRY(accounts.login(name, password));
               std::string zone_code;
               for (const auto& m : login.user.memberships) {
                 if (m.zone.id == login.current_zone) zone_code = m.zone.code;
               }
               Response response = http::json_response(
                   http::StatusCode::ok, json::object{{"token", login.token},
                                                      {"user", user_json(login.user, zone_code)}});
               response.set(http::beast_http::field::set_cookie,
                            session_cookie(ctx.request, login.token, login.valid_for_ms));
               return response;
             });

  router.add(Verb::post, "/api/v1/auth/logout", Access::any_user(),
             [&accounts](const RequestContext& ctx) -> Result<Response> {
               TRY(accounts.logout(ctx.credential));
               Response response = http::no_content();
               response.set(http::beast_http::field::set_cookie,
                            session_cookie(ctx.request, "", 0));
               return response;
             });

  router.add(Verb::get, "/api/v1/auth/me", Access::any_user(),
             [&accounts](const RequestContext& ctx) -> Result<Response> {
               auto user = TRY(accounts.describe(ctx.actor().user_id));
               return http::json_response(
                   http::StatusCode::ok,
                   json::object{{"user", user_json(user, ctx.actor().zone_code)}});
             });

  router.add(Verb::put, "/api/v1/auth/zone", Access::any_user(),
             [&accounts](const RequestContext& ctx) -> Result<Response> {
               auto body = TRY(http::parse_json_object(ctx.request));
               http::FieldReader fields(body);
               const std::string zone = fields.required_string("zone", 32);
               TRY(fields.finish());
               auto user = TRY(accounts.switch_zone(ctx.credential, ctx.actor(), zone));
               return http::json_response(http::StatusCode::ok,
                                          json::object{{"user", user_json(user, zone)}});
             });
}

// Zones (tenants of one deployment).
void register_zone_routes(http::Router& router, AccountService& accounts) {
  router.add(
      Verb::get, "/api/v1/zones", Access::any_user(),
      [&accounts](const RequestContext& ctx) -> Result<Response> {
        auto page = TRY(ctx.page());
        auto zones = TRY(accounts.list_zones());
        Page<Zone> result{{}, static_cast<std::int64_t>(zones.size()), page.page, page.page_size};
        for (std::size_t i = page.offset();
             i < zones.size() && result.items.size() < std::size_t(page.page_size); ++i) {
          result.items.push_back(zones[i]);
        }
        return http::json_response(http::StatusCode::ok, http::page_json(result, [](const Zone& z) {
                                     return json::object{{"code", z.code}, {"name", z.name}};
                                   }));
      });

  router.add(Verb::post, "/api/v1/zones", Access::only({Role::admin}),
             [&accounts](const RequestContext& ctx) -> Result<Response> {
               auto body = TRY(http::parse_json_object(ctx.request));
               http::FieldReader fields(body);
               Zone zone;
               zone.code = fields.required_string("code", 32);
               zone.name = fields.required_string("name", 100);
               TRY(fields.finish());
               auto created = TRY(accounts.add_zone(ctx.actor(), zone));
               // The admin who creates a zone administers it.
               TRY(accounts.grant(ctx.actor(), ctx.actor().user_name, created.code, Role::admin));
               return http::json_response(
                   http::StatusCode::created,
                   json::object{{"code", created.code}, {"name", created.name}});
             });
}

// A zone's users and their roles.
void register_user_routes(http::Router& router, AccountService& accounts) {
  router.add(Verb::get, "/api/v1/users", Access::only({Role::admin}),
             [&accounts](const RequestContext& ctx) -> Result<Response> {
               auto page = TRY(ctx.page());
               auto users = TRY(accounts.list_users(ctx.actor(), page));
               return http::json_response(http::StatusCode::ok,
                                          http::page_json(users, zone_user_json));
             });

  router.add(Verb::post, "/api/v1/users", Access::only({Role::admin}),
             [&accounts](const RequestContext& ctx) -> Result<Response> {
               auto body = TRY(http::parse_json_object(ctx.request));
               http::FieldReader fields(body);
               NewUser user;
               user.name = fields.required_string("name", 64);
               user.display_name = fields.optional_string("display_name", 64);
               user.password = fields.required_string("password", 256);
               const auto role_names = fields.string_array("roles", 16);
               TRY(fields.finish());
               auto roles = TRY(parse_roles(role_names));
               user.roles = std::move(roles);
               auto created = TRY(accounts.add_user(ctx.actor(), ctx.actor().zone_code, user));
               return http::json_response(http::StatusCode::created, zone_user_json(created));
             });
}

}  // namespace

void register_routes(http::Router& router, AccountService& accounts) {
  register_session_routes(router, accounts);
  register_zone_routes(router, accounts);
  register_user_routes(router, accounts);
}

}  // namespace jingkai::accounts
