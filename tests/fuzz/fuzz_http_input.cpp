// Fuzz targets for what the server parses from the network: a raw HTTP request through the
// router (target, dot segments, query, cookies, bearer tokens) and a JSON body through the
// strict field reader. Each is a libFuzzer entry point; tests/fuzz/driver.cpp runs it under
// g++ with generated inputs, since clang 14 cannot compile this C++23 code base.
#include <boost/beast/http.hpp>
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>

#include "http/json_body.hpp"
#include "http/router.hpp"

namespace jingkai::fuzz {
namespace {

http::Router make_router() {
  http::Router router([](std::string_view credential) -> Result<Actor> {
    if (credential == "t") return Actor{1, "fuzz", 1, "zone", {Role::admin}};
    return std::unexpected(Error::unauthenticated("no"));
  });
  auto ok = [](const http::RequestContext& ctx) -> Result<http::Response> {
    auto page = ctx.page();
    if (!page) return std::unexpected(page.error());
    return http::json_response(http::StatusCode::ok, boost::json::object{{"ok", true}});
  };
  router.add(http::Verb::get, "/api/v1/health", http::Access::anyone(), ok);
  router.add(http::Verb::get, "/api/v1/users", http::Access::only({Role::admin}), ok);
  router.add(http::Verb::get, "/api/v1/users/{id}", http::Access::any_user(), ok);
  router.add(http::Verb::post, "/api/v1/users", http::Access::only({Role::admin}),
             [](const http::RequestContext& ctx) -> Result<http::Response> {
               auto body = http::parse_json_object(ctx.request);
               if (!body) return std::unexpected(body.error());
               return http::no_content();
             });
  return router;
}

}  // namespace

// Every request the parser accepts gets an answer below 500.
void fuzz_request(const std::uint8_t* data, std::size_t size) {
  static const http::Router router = make_router();
  boost::beast::http::request_parser<boost::beast::http::string_body> parser;
  parser.eager(true);
  parser.body_limit(1 << 20);
  boost::beast::error_code ec;
  parser.put(boost::asio::buffer(data, size), ec);
  if (ec || !parser.is_done()) return;
  const http::Response response = router.handle(parser.get());
  if (response.result_int() >= 500) throw std::logic_error("5xx for a parsed request");
}

// Any bytes as a JSON body: a value or an error with a code, never a crash.
void fuzz_json_body(const std::uint8_t* data, std::size_t size) {
  http::Request request{http::Verb::post, "/", 11};
  request.set(boost::beast::http::field::content_type, "application/json");
  request.body().assign(reinterpret_cast<const char*>(data), size);
  auto body = http::parse_json_object(request);
  if (!body) {
    if (body.error().code.empty()) throw std::logic_error("error without a code");
    return;
  }
  http::FieldReader fields(*body);
  fields.required_string("name", 64);
  fields.optional_string("display_name", 64);
  fields.string_array("roles", 16);
  fields.optional_int("days");
  auto done = fields.finish();
  // An unknown key may itself be "" (the fuzzer found {"":1}); every other error names its field.
  if (!done && done.error().field.empty() && done.error().code != "unknown_field") {
    throw std::logic_error("field error without a field");
  }
}

}  // namespace jingkai::fuzz

#ifdef JINGKAI_FUZZ_TARGET_REQUEST
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  jingkai::fuzz::fuzz_request(data, size);
  return 0;
}
#endif
