// Router: the table of API routes, each with the roles it allows, and their dispatch.
#pragma once

#include <functional>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/actor.hpp"
#include "core/error.hpp"
#include "core/page.hpp"
#include "http/message.hpp"

namespace jingkai::http {

// Who may call a route: anyone, any signed-in user, or holders of given roles in the zone
// the request works in.
struct Access {
  enum class Kind { anyone, any_user, roles };
  Kind kind = Kind::any_user;
  std::vector<Role> roles;

  static Access anyone() { return {Kind::anyone, {}}; }
  static Access any_user() { return {Kind::any_user, {}}; }
  static Access only(std::initializer_list<Role> roles) { return {Kind::roles, roles}; }
  bool allows(const Actor& actor) const;
};

// `text` as a positive id; bad_id naming `field` otherwise.
Result<std::int64_t> parse_id(std::string_view text, std::string_view field);

// What a handler gets: the request, its parsed target, and who is calling.
struct RequestContext {
  const Request& request;
  std::string path;
  std::map<std::string, std::string, std::less<>> query;
  std::map<std::string, std::string, std::less<>> params;  // from {name} in the pattern
  std::optional<Actor> caller;                             // set unless the route is public
  std::string credential;  // the session or bearer token the caller presented

  const Actor& actor() const { return *caller; }
  // ?page=&page_size=, validated (page >= 1, 1 <= page_size <= 500).
  Result<PageRequest> page() const;
  // The path parameter `name` as a positive id; bad_id names it otherwise.
  Result<std::int64_t> id_param(std::string_view name) const;
  // The query parameter `name` as true/1 or false/0; absent when not given; bad_flag else.
  Result<std::optional<bool>> query_bool(std::string_view name) const;
  // The query parameter `name`, or "" when it is absent.
  std::string_view query_text(std::string_view name) const {
    auto it = query.find(name);
    return it == query.end() ? std::string_view() : std::string_view(it->second);
  }
};

using Handler = std::function<Result<Response>(const RequestContext&)>;

struct Route {
  Verb method;
  std::string pattern;  // e.g. "/api/v1/users/{id}"
  Access access;
  Handler handler;
  std::size_t body_limit = 0;  // the largest body it takes; 0: the server's default
};

// What the router makes of a request from its header alone, before any of the body is read:
// either the answer that refuses it (no such route, no valid credential, a role that may not,
// a Content-Type a form could send), or how large a body its route takes.
struct Admission {
  std::optional<Response> refusal;
  std::size_t body_limit = 0;  // 0: the server's default
};

// Resolves a presented credential to the actor it speaks for.
using Authenticate = std::function<Result<Actor>(std::string_view credential)>;

class Router {
 public:
  static constexpr std::string_view kSessionCookie = "jingkai_session";

  explicit Router(Authenticate authenticate) : authenticate_(std::move(authenticate)) {}

  // `body_limit`: for routes whose body is a file (imports, uploads), larger than the
  // server's default for JSON; it applies to this method and pattern only.
  void add(Verb method, std::string pattern, Access access, Handler handler,
           std::size_t body_limit = 0);
  const std::vector<Route>& routes() const { return routes_; }

  // Serves paths outside /api/ (the web UI). Without it they are 404.
  void set_fallback(std::function<Response(const Request&)> fallback) {
    fallback_ = std::move(fallback);
  }

  // Never throws; every failure becomes a JSON error response.
  Response handle(const Request& request) const;
  // The same checks as handle() makes before calling a handler, on the header only: the
  // server refuses a request here without reading its body. Never throws.
  Admission admit(const Request& header) const;
  // The largest body any route takes.
  std::size_t largest_body_limit() const;

 private:
  // A request matched to its route (none for a path outside /api/), with its caller.
  struct Resolved {
    const Route* route = nullptr;
    RequestContext context;
  };
  std::variant<Resolved, Response> resolve(const Request& request) const;
  Response dispatch(const Request& request) const;

  Authenticate authenticate_;
  std::vector<Route> routes_;
  std::function<Response(const Request&)> fallback_;
};

// The token a request presents: "Authorization: Bearer …", else the session cookie.
std::string credential_of(const Request& request);

}  // namespace jingkai::http
