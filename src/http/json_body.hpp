// Strict reading of JSON request bodies: the content type, UTF-8, syntax, the fields' types,
// and no field the route does not know.
#pragma once

#include <boost/json.hpp>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "http/message.hpp"

namespace jingkai::http {

// Parses the body of `request` as one JSON object.
Result<boost::json::object> parse_json_object(const Request& request);

// Reads fields of a JSON object, remembering the first problem. Call finish() last: it
// reports that problem, or a field nobody asked for.
class FieldReader {
 public:
  explicit FieldReader(const boost::json::object& body) : body_(body) {}

  std::string required_string(std::string_view name, std::size_t max_chars = 1000);
  std::string optional_string(std::string_view name, std::size_t max_chars = 1000);
  std::vector<std::string> string_array(std::string_view name, std::size_t max_items = 100);
  std::optional<std::int64_t> optional_int(std::string_view name);
  // An integer in [min, max]; anything else (a larger integer, 9e18 written as a float) is
  // refused with `code` and the field, never narrowed.
  std::optional<std::int64_t> optional_int(std::string_view name, std::int64_t min,
                                           std::int64_t max,
                                           std::string_view code = "out_of_range");
  std::optional<bool> optional_bool(std::string_view name);
  // A decimal quantity sent as a JSON number or a string, as text for exact parsing.
  std::optional<std::string> optional_decimal_text(std::string_view name);
  // Whether the body has `name` at all (null included): for fields where null means "clear".
  bool has(std::string_view name) const { return body_.contains(name); }

  Status finish() const;

 private:
  const boost::json::value* find(std::string_view name);
  void fail(Error error);

  const boost::json::object& body_;
  std::set<std::string, std::less<>> asked_;
  std::optional<Error> error_;
};

}  // namespace jingkai::http
