// libFuzzer: any bytes as a request target through the router: its target parsing (Boost.URL,
// dot segments, route patterns) and what handlers read from the result, the page (page,
// page_size), a flag (query_bool) and path ids (id_param). Every answer is below 500, every
// error in the answer and from the context is well-formed and quotes at most an excerpt, and
// the values read are in their documented ranges.
#include <boost/beast/http.hpp>
#include <boost/json.hpp>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/libfuzzer_rules.hpp"
#include "http/router.hpp"

namespace {

using jingkai::Error;
using jingkai::Result;
using jingkai::fuzz::check_error;
using jingkai::fuzz::require;
namespace http = jingkai::http;

// What a list or detail handler reads from its context, checked; the first error is answered.
Result<http::Response> read_context(const http::RequestContext& ctx) {
  Result<http::Response> answer = http::no_content();
  auto keep = [&](const Error& error) {
    check_error(error);
    if (answer) answer = std::unexpected(error);
  };
  if (auto page = ctx.page()) {
    require(page->page >= 1, "a page below 1");
    require(page->page_size >= 1 && page->page_size <= 500, "a page size outside [1, 500]");
    require(page->page <= INT64_MAX / page->page_size, "a page whose offset would wrap");
  } else {
    keep(page.error());
  }
  if (auto flag = ctx.query_bool("include_closed"); !flag) keep(flag.error());
  for (const auto& [name, value] : ctx.params) {
    if (auto id = ctx.id_param(name)) {
      require(*id > 0, "an id that is not positive");
    } else {
      keep(id.error());
    }
  }
  return answer;
}

http::Router make_router() {
  http::Router router([](std::string_view credential) -> Result<jingkai::Actor> {
    if (credential == "t") return jingkai::Actor{1, "fuzz", 1, "zone", {jingkai::Role::admin}};
    return std::unexpected(Error::unauthenticated("no"));
  });
  const auto anyone = http::Access::anyone();
  router.add(http::Verb::get, "/api/v1/enterprises", anyone, read_context);
  router.add(http::Verb::get, "/api/v1/enterprises/{id}", anyone, read_context);
  router.add(http::Verb::get, "/api/v1/enterprises/{id}/reports/{report_id}", anyone, read_context);
  router.add(http::Verb::get, "/api/v1/users", http::Access::only({jingkai::Role::admin}),
             read_context);
  return router;
}

// An error answer carries {"error": {"code", "message", "field"}}, held to the same rules.
void check_answer(const http::Response& response) {
  require(response.result_int() < 500, "a 5xx for a request target");
  if (response.result_int() < 400) return;
  boost::system::error_code ec;
  const auto json = boost::json::parse(response.body(), ec);
  require(!ec && json.is_object() && json.as_object().contains("error"),
          "an error answer that is not {\"error\": …}");
  const auto& detail = json.at("error").as_object();
  Error error;
  error.code = detail.at("code").as_string();
  error.message = detail.at("message").as_string();
  if (detail.at("field").is_string()) error.field = detail.at("field").as_string();
  check_error(error);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const http::Router router = make_router();
  const std::string_view target(reinterpret_cast<const char*>(data), size);
  http::Request request{http::Verb::get, target, 11};
  request.set(boost::beast::http::field::authorization, "Bearer t");
  check_answer(router.handle(request));
  return 0;
}
