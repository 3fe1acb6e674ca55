// libFuzzer: any bytes as a JSON request body, read as two routes read theirs: the user
// creation body (POST /api/v1/users) and the enterprise draft (POST /api/v1/enterprises), the
// latter with every kind of field FieldReader has. The fields a route got are held to the
// limits it asked for, and every error is well-formed and quotes at most an excerpt.
#include <boost/beast/http.hpp>
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz/libfuzzer_rules.hpp"
#include "http/json_body.hpp"

namespace {

using jingkai::fuzz::check_error;
using jingkai::fuzz::require;

// A string FieldReader returned: empty after a failure, else within the route's limit.
void check_text(const std::string& text, std::size_t max_chars) {
  require(jingkai::is_valid_utf8(text), "a field read that is not UTF-8");
  require(jingkai::utf8_length(text) <= max_chars, "a field read past its limit");
}

void check_finish(const jingkai::Status& done) {
  if (done) return;
  check_error(done.error());
  // An unknown key may itself be "" ({"":1}); every other error names its field.
  require(!done.error().field.empty() || done.error().code == "unknown_field",
          "a field error without the field");
}

void read_user(const boost::json::object& body) {
  jingkai::http::FieldReader fields(body);
  check_text(fields.required_string("name", 64), 64);
  check_text(fields.optional_string("display_name", 64), 64);
  check_text(fields.required_string("password", 256), 256);
  const auto roles = fields.string_array("roles", 16);
  require(roles.size() <= 16, "more items than the array's limit");
  check_finish(fields.finish());
}

void read_enterprise(const boost::json::object& body) {
  jingkai::http::FieldReader fields(body);
  check_text(fields.required_string("uscc", 40), 40);
  check_text(fields.required_string("name", 100), 100);
  check_text(fields.optional_string("address", 200), 200);
  fields.optional_int("chain_id");
  const auto year = fields.optional_int("established_year", 1900, 2100);
  require(!year || (*year >= 1900 && *year <= 2100), "an int outside its bounds");
  fields.optional_bool("above_scale_override");
  // The text as sent ("" included): the route's decimal parser judges it.
  fields.optional_decimal_text("land_area_mu");
  const bool has_status = fields.has("status");
  check_text(fields.optional_string("status", 20), 20);
  require(!has_status || body.contains("status"), "has() disagrees with the body");
  check_finish(fields.finish());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  jingkai::http::Request request{jingkai::http::Verb::post, "/api/v1/users", 11};
  request.set(boost::beast::http::field::content_type, "application/json");
  request.body().assign(reinterpret_cast<const char*>(data), size);
  auto body = jingkai::http::parse_json_object(request);
  if (!body) {
    check_error(body.error());
    return 0;
  }
  read_user(*body);
  read_enterprise(*body);
  return 0;
}
