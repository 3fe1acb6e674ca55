#include "http/router.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <boost/url.hpp>
#include <charconv>

namespace jingkai::http {

bool Access::allows(const Actor& actor) const {
  switch (kind) {
    case Kind::anyone:
    case Kind::any_user:
      return true;
    case Kind::roles:
      return std::any_of(roles.begin(), roles.end(), [&](Role r) { return actor.has(r); });
  }
  return false;
}

void Router::add(Verb method, std::string pattern, Access access, Handler handler,
                 std::size_t body_limit) {
  routes_.push_back(
      Route{method, std::move(pattern), std::move(access), std::move(handler), body_limit});
}

std::size_t Router::largest_body_limit() const {
  std::size_t largest = 0;
  for (const Route& route : routes_) largest = std::max(largest, route.body_limit);
  return largest;
}

namespace {

std::vector<std::string_view> segments(std::string_view path) {
  std::vector<std::string_view> parts;
  std::size_t start = 1;
  while (start <= path.size()) {
    const std::size_t end = std::min(path.find('/', start), path.size());
    parts.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}

// Walks pattern and path segment by segment without allocating: every request is matched
// against every route until one fits.
bool match(std::string_view pattern, std::string_view path,
           std::map<std::string, std::string, std::less<>>& params) {
  auto next_segment = [](std::string_view& rest) {
    const std::size_t end = std::min(rest.find('/'), rest.size());
    std::string_view segment = rest.substr(0, end);
    rest.remove_prefix(end == rest.size() ? end : end + 1);
    return segment;
  };
  if (!pattern.starts_with('/') || !path.starts_with('/')) return false;
  std::string_view want = pattern.substr(1), got = path.substr(1);
  bool more = true;
  while (more) {
    more = want.find('/') != std::string_view::npos;
    if (more != (got.find('/') != std::string_view::npos)) return false;
    const std::string_view w = next_segment(want), g = next_segment(got);
    if (w.starts_with('{') && w.ends_with('}')) {
      if (g.empty()) return false;
      params.emplace(std::string(w.substr(1, w.size() - 2)), std::string(g));
    } else if (w != g) {
      return false;
    }
  }
  return true;
}

std::optional<std::int64_t> to_int(std::string_view text) {
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace

Result<std::int64_t> RequestContext::id_param(std::string_view name) const {
  const auto it = params.find(name);
  return parse_id(it == params.end() ? std::string_view() : std::string_view(it->second), name);
}

Result<std::int64_t> parse_id(std::string_view text, std::string_view field) {
  std::int64_t id = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || end != text.data() + text.size() || id <= 0) {
    return std::unexpected(Error::invalid(
        "bad_id", fmt::format("无效的编号: {} (bad id)", excerpt(text)), std::string(field)));
  }
  return id;
}

Result<std::optional<bool>> RequestContext::query_bool(std::string_view name) const {
  const std::string_view text = query_text(name);
  if (text.empty()) return std::optional<bool>();
  if (text == "true" || text == "1") return std::optional<bool>(true);
  if (text == "false" || text == "0") return std::optional<bool>(false);
  return std::unexpected(Error::invalid(
      "bad_flag", fmt::format("参数 {} 须为 true 或 false ({} must be true or false)", name, name),
      std::string(name)));
}

Result<PageRequest> RequestContext::page() const {
  PageRequest request;
  if (auto it = query.find("page"); it != query.end()) {
    auto value = to_int(it->second);
    if (!value || *value < 1) {
      return std::unexpected(Error::invalid("bad_page", "page 须为正整数", "page"));
    }
    request.page = *value;
  }
  if (auto it = query.find("page_size"); it != query.end()) {
    auto value = to_int(it->second);
    if (!value || *value < 1 || *value > PageRequest::kMaxPageSize) {
      return std::unexpected(
          Error::invalid("bad_page_size", "page_size 须为 1-500 的整数", "page_size"));
    }
    request.page_size = *value;
  }
  if (request.page > INT64_MAX / request.page_size) {
    return std::unexpected(Error::invalid("bad_page", "page 过大", "page"));
  }
  return request;
}

std::string credential_of(const Request& request) {
  const std::string_view authorization = request[beast_http::field::authorization];
  constexpr std::string_view kBearer = "Bearer ";
  if (authorization.starts_with(kBearer)) return std::string(authorization.substr(kBearer.size()));
  const std::string_view cookies = request[beast_http::field::cookie];
  std::size_t start = 0;
  while (start < cookies.size()) {
    std::size_t end = cookies.find(';', start);
    if (end == std::string_view::npos) end = cookies.size();
    std::string_view pair = cookies.substr(start, end - start);
    while (pair.starts_with(' ')) pair.remove_prefix(1);
    if (pair.starts_with(Router::kSessionCookie) &&
        pair.substr(Router::kSessionCookie.size()).starts_with('=')) {
      return std::string(pair.substr(Router::kSessionCookie.size() + 1));
    }
    start = end + 1;
  }
  return {};
}

Response Router::handle(const Request& request) const {
  Response response;
  try {
    response = dispatch(request);
  } catch (const std::exception& failure) {
    response = error_response(
        Error::internal(fmt::format("{} {}: {}", std::string_view(request.method_string()),
                                    std::string_view(request.target()), failure.what())));
  }
  response.keep_alive(request.keep_alive());
  return response;
}

std::variant<Router::Resolved, Response> Router::resolve(const Request& request) const {
  auto target = boost::urls::parse_origin_form(request.target());
  if (!target) {
    return error_response(Error::invalid("bad_target", "请求地址无效 (malformed request target)"));
  }
  const std::string path = target->path();
  // Both the raw and the decoded path: "%2e%2e" must not slip past as a plain segment.
  for (std::string_view form : {std::string_view(target->encoded_path()), std::string_view(path)}) {
    for (std::string_view segment : segments(form)) {
      if (segment == ".." || segment == ".") {
        return error_response(
            Error::invalid("bad_path", "路径中不允许 . 或 .. (dot segments are not allowed)"));
      }
    }
  }
  Resolved resolved{nullptr, RequestContext{request, path, {}, {}, std::nullopt, {}}};
  if (!path.starts_with("/api/")) return resolved;

  bool path_known = false;
  for (const Route& route : routes_) {
    std::map<std::string, std::string, std::less<>> params;
    if (!match(route.pattern, path, params)) continue;
    path_known = true;
    if (route.method == request.method()) {
      resolved.route = &route;
      resolved.context.params = std::move(params);
      break;
    }
  }
  if (!resolved.route) {
    if (path_known) {
      Response response = error_response(Error{
          ErrorKind::invalid_input, "method_not_allowed", "不支持该方法 (method not allowed)", {}});
      response.result(StatusCode::method_not_allowed);
      return response;
    }
    return error_response(Error::not_found("no_route", "没有这个接口 (no such API route)"));
  }
  if (auto typed = check_state_change_content_type(request); !typed) {
    return error_response(typed.error());
  }
  for (const auto& param : target->params()) {
    resolved.context.query.insert_or_assign(
        std::string(param.key), param.has_value ? std::string(param.value) : std::string());
  }
  const Route& route = *resolved.route;
  if (route.access.kind != Access::Kind::anyone) {
    resolved.context.credential = credential_of(request);
    auto actor = authenticate_(resolved.context.credential);
    if (!actor) return error_response(actor.error());
    if (!route.access.allows(*actor)) {
      return error_response(
          Error::forbidden("您的角色无权执行此操作 (your role does not allow this)"));
    }
    resolved.context.caller = std::move(*actor);
  }
  return resolved;
}

Admission Router::admit(const Request& header) const {
  try {
    auto resolved = resolve(header);
    if (auto* refusal = std::get_if<Response>(&resolved)) return {std::move(*refusal), 0};
    const Route* route = std::get<Resolved>(resolved).route;
    return {std::nullopt, route ? route->body_limit : 0};
  } catch (const std::exception& failure) {
    return {error_response(Error::internal(fmt::format(
                "admitting {}: {}", std::string_view(header.target()), failure.what()))),
            0};
  }
}

Response Router::dispatch(const Request& request) const {
  auto resolved = resolve(request);
  if (auto* refusal = std::get_if<Response>(&resolved)) return std::move(*refusal);
  auto& [route, context] = std::get<Resolved>(resolved);
  if (!route) {
    if (fallback_) return fallback_(request);
    return error_response(Error::not_found("not_found", "未找到 (not found)"));
  }
  auto result = route->handler(context);
  if (!result) return error_response(result.error());
  return std::move(*result);
}

}  // namespace jingkai::http
