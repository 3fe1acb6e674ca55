// The HTTP messages the server exchanges, and builders for the JSON responses it sends.
#pragma once

#include <boost/beast/http.hpp>
#include <boost/json.hpp>
#include <string>

#include "core/error.hpp"
#include "core/page.hpp"

namespace jingkai::http {

namespace beast_http = boost::beast::http;
using Verb = beast_http::verb;
using StatusCode = beast_http::status;
using Request = beast_http::request<beast_http::string_body>;
using Response = beast_http::response<beast_http::string_body>;

Response json_response(StatusCode status, const boost::json::value& body);

// What every response carries, whatever made it: no content sniffing, a content security
// policy that allows only the server's own scripts and never a frame around its pages, no
// referrer beyond the origin.
void add_security_headers(Response& response);

// Whether a request that changes something says what it sends in a Content-Type a plain
// HTML form or a cross-site script could not send without the browser asking first (CORS
// preflight): none, text/plain, application/x-www-form-urlencoded and multipart/form-data
// are refused, so a page on another site cannot make a logged-in browser change anything.
Status check_state_change_content_type(const Request& request);
Response no_content();

// {"error":{"code","message","field"}} with the status the error's kind maps to.
Response error_response(const Error& error);
// As above, with more members beside "error" (e.g. the bad rows of a refused import).
Response error_response(const Error& error, boost::json::object details);

// Client input as an error may quote it back: valid UTF-8 (a byte that is not is shown as
// U+FFFD), whole when it has at most 200 characters, else its first 200 and "…" — the
// length tabular's imports quote. A JSON key or a path segment can be as long as the body
// or the header, and the answer must stay small and valid JSON text.
std::string excerpt(std::string_view text);

// A file to download: `filename` (ASCII) is what the browser saves it as.
// `text` with every byte outside RFC 3986's unreserved set percent-encoded.
std::string url_encode(std::string_view text);
Response file_response(std::string_view content_type, std::string_view filename, std::string body);
StatusCode status_for(ErrorKind kind);

// {items, total, page, page_size}, rendering each item with `render`.
template <typename T, typename Render>
boost::json::object page_json(const Page<T>& page, Render&& render) {
  boost::json::array items;
  items.reserve(page.items.size());
  for (const T& item : page.items) items.push_back(render(item));
  return {{"items", std::move(items)},
          {"total", page.total},
          {"page", page.page},
          {"page_size", page.page_size}};
}

// Renders a value with the `to_json` of its own module, found by argument-dependent lookup.
struct ToJson {
  template <typename T>
  auto operator()(const T& value) const {
    return to_json(value);
  }
};

// The shape of most handlers: a service's result rendered as JSON, or its error passed on
// to the router, which maps it to a status.
template <typename T, typename Render = ToJson>
Result<Response> ok_json(Result<T> result, Render&& render = {}) {
  return json_response(StatusCode::ok, render(TRY(std::move(result))));
}

// As ok_json, for what a POST made: 201 Created.
template <typename T, typename Render = ToJson>
Result<Response> created_json(Result<T> result, Render&& render = {}) {
  return json_response(StatusCode::created, render(TRY(std::move(result))));
}

// As ok_json, for a page of a list: {items, total, page, page_size}.
template <typename T, typename Render = ToJson>
Result<Response> ok_page(Result<Page<T>> result, Render&& render = {}) {
  return json_response(StatusCode::ok, page_json(TRY(std::move(result)), render));
}

}  // namespace jingkai::http
