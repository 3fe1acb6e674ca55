#include "http/message.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <boost/url/encode.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>
#include <cctype>

#include "core/text.hpp"

namespace jingkai::http {

Response json_response(StatusCode status, const boost::json::value& body) {
  Response response{status, 11};
  response.set(beast_http::field::content_type, "application/json; charset=utf-8");
  response.set(beast_http::field::cache_control, "no-store");
  response.body() = boost::json::serialize(body);
  response.prepare_payload();
  return response;
}

void add_security_headers(Response& response) {
  // Element Plus and ECharts set style attributes, hence 'unsafe-inline' for styles only;
  // the built UI has no inline script.
  constexpr std::string_view kPolicy =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
      "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
      "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
  response.set("X-Content-Type-Options", "nosniff");
  response.set("Content-Security-Policy", kPolicy);
  response.set("X-Frame-Options", "DENY");
  response.set("Referrer-Policy", "same-origin");
}

Status check_state_change_content_type(const Request& request) {
  switch (request.method()) {
    case Verb::post:
    case Verb::put:
    case Verb::patch:
    case Verb::delete_:
      break;
    default:
      return {};
  }
  std::string media(request[beast_http::field::content_type]);
  media = media.substr(0, media.find(';'));
  std::erase_if(media, [](char c) { return c == ' ' || c == '\t'; });
  for (char& c : media) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (media.empty() || media == "text/plain" || media == "application/x-www-form-urlencoded" ||
      media == "multipart/form-data") {
    return std::unexpected(
        Error{ErrorKind::unsupported_media_type, "unsupported_media_type",
              "修改数据的请求须注明 Content-Type，且不能是表单或纯文本 (a request "
              "that changes data must name its Content-Type, and not a form's "
              "or plain text)",
              "Content-Type"});
  }
  return {};
}

Response no_content() {
  Response response{StatusCode::no_content, 11};
  response.set(beast_http::field::cache_control, "no-store");
  return response;
}

// The one place where the kinds of domain errors meet HTTP status codes.
StatusCode status_for(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::invalid_input:
      return StatusCode::bad_request;
    case ErrorKind::unauthenticated:
      return StatusCode::unauthorized;
    case ErrorKind::forbidden:
      return StatusCode::forbidden;
    case ErrorKind::not_found:
      return StatusCode::not_found;
    case ErrorKind::conflict:
      return StatusCode::conflict;
    case ErrorKind::throttled:
      return StatusCode::too_many_requests;
    case ErrorKind::payload_too_large:
      return StatusCode::payload_too_large;
    case ErrorKind::unsupported_media_type:
      return StatusCode::unsupported_media_type;
    case ErrorKind::unavailable:
      return StatusCode::service_unavailable;
    case ErrorKind::internal:
      return StatusCode::internal_server_error;
  }
  return StatusCode::internal_server_error;
}

std::string excerpt(std::string_view text) {
  constexpr std::size_t kMaxCharacters = 200;
  std::string shown;
  std::size_t characters = 0;
  for (std::size_t at = 0; at < text.size(); ++characters) {
    if (characters == kMaxCharacters) return shown + "…";
    const auto lead = static_cast<unsigned char>(text[at]);
    const std::size_t length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
    const std::string_view one = text.substr(at, length);
    if (one.size() == length && is_valid_utf8(one)) {
      shown += one;
      at += length;
    } else {
      shown += "\uFFFD";
      ++at;
    }
  }
  return shown;
}

Response error_response(const Error& error) { return error_response(error, {}); }

Response error_response(const Error& error, boost::json::object details) {
  std::string_view message = error.message;
  // A failure of the server itself is logged in full; the client learns only that it
  // happened, never a driver's message, a query or a stack.
  if (error.kind == ErrorKind::internal || error.kind == ErrorKind::unavailable) {
    spdlog::error("{}: {}", error.code, error.message);
    message = error.kind == ErrorKind::unavailable
                  ? "服务暂时不可用, 请稍后再试 (service unavailable)"
                  : "服务器内部错误 (internal error)";
  }
  boost::json::object detail{{"code", error.code}, {"message", message}};
  detail["field"] =
      error.field.empty() ? boost::json::value(nullptr) : boost::json::value(error.field);
  details["error"] = std::move(detail);
  return json_response(status_for(error.kind), details);
}

std::string url_encode(std::string_view text) {
  return boost::urls::encode(text, boost::urls::unreserved_chars);
}

Response file_response(std::string_view content_type, std::string_view filename, std::string body) {
  Response response{StatusCode::ok, 11};
  response.set(beast_http::field::content_type, content_type);
  // An ASCII stand-in for old clients, and the real name (UTF-8, percent-encoded) per
  // RFC 6266 / RFC 8187: a name with quotes or Chinese characters never breaks the header.
  std::string fallback;
  for (char c : filename) {
    const auto byte = static_cast<unsigned char>(c);
    fallback += byte >= 0x20 && byte < 0x7F && c != '"' && c != '\\' ? c : '_';
  }
  response.set(beast_http::field::content_disposition,
               fmt::format("attachment; filename=\"{}\"; filename*=UTF-8''{}", fallback,
                           url_encode(filename)));
  response.set(beast_http::field::cache_control, "no-store");
  response.body() = std::move(body);
  response.prepare_payload();
  return response;
}

}  // namespace jingkai::http
