#include "http/json_body.hpp"

#include <fmt/format.h>

#include "core/text.hpp"

namespace jingkai::http {

Result<boost::json::object> parse_json_object(const Request& request) {
  const std::string_view type = request[beast_http::field::content_type];
  // "application/json" with or without parameters such as charset=utf-8.
  const std::string_view media = type.substr(0, type.find(';'));
  if (media != "application/json") {
    return std::unexpected(Error{ErrorKind::unsupported_media_type,
                                 "unsupported_media_type",
                                 "请求体须为 application/json (the body must be JSON)",
                                 {}});
  }
  if (!is_valid_utf8(request.body())) {
    return std::unexpected(
        Error::invalid("invalid_utf8", "请求体不是有效的 UTF-8 (the body is not valid UTF-8)"));
  }
  boost::system::error_code ec;
  boost::json::value value = boost::json::parse(request.body(), ec);
  if (ec) {
    return std::unexpected(Error::invalid(
        "malformed_json", "请求体不是有效的 JSON (malformed JSON): " + ec.message()));
  }
  if (!value.is_object()) {
    return std::unexpected(
        Error::invalid("malformed_json", "请求体须为 JSON 对象 (the body must be a JSON object)"));
  }
  return std::move(value.as_object());
}

const boost::json::value* FieldReader::find(std::string_view name) {
  asked_.emplace(name);
  const auto it = body_.find(name);
  if (it == body_.end() || it->value().is_null()) return nullptr;
  return &it->value();
}

void FieldReader::fail(Error error) {
  if (!error_) error_ = std::move(error);
}

namespace {

Error wrong_type(std::string_view name, std::string_view expected) {
  return Error::invalid("wrong_type",
                        fmt::format("字段 {} 须为{} (field {} must be {})", name,
                                    expected == "string"    ? "字符串"
                                    : expected == "array"   ? "数组"
                                    : expected == "boolean" ? "布尔值"
                                    : expected == "number"  ? "数字"
                                                            : "整数",
                                    name, expected),
                        std::string(name));
}

}  // namespace

std::string FieldReader::optional_string(std::string_view name, std::size_t max_chars) {
  const boost::json::value* value = find(name);
  if (!value) return {};
  if (!value->is_string()) {
    fail(wrong_type(name, "string"));
    return {};
  }
  std::string text(value->as_string());
  if (utf8_length(text) > max_chars) {
    fail(Error::invalid(
        "too_long",
        fmt::format("字段 {} 最多 {} 个字符 (at most {} characters)", name, max_chars, max_chars),
        std::string(name)));
    return {};
  }
  return text;
}

std::string FieldReader::required_string(std::string_view name, std::size_t max_chars) {
  if (!body_.contains(name) || body_.at(name).is_null()) {
    asked_.emplace(name);
    fail(Error::invalid("missing_field",
                        fmt::format("缺少字段 {} (field {} is required)", name, name),
                        std::string(name)));
    return {};
  }
  return optional_string(name, max_chars);
}

std::vector<std::string> FieldReader::string_array(std::string_view name, std::size_t max_items) {
  std::vector<std::string> items;
  const boost::json::value* value = find(name);
  if (!value) return items;
  if (!value->is_array() || value->as_array().size() > max_items) {
    fail(wrong_type(name, "array"));
    return items;
  }
  for (const auto& item : value->as_array()) {
    if (!item.is_string()) {
      fail(wrong_type(name, "array"));
      return {};
    }
    items.emplace_back(item.as_string());
  }
  return items;
}

std::optional<std::int64_t> FieldReader::optional_int(std::string_view name) {
  const boost::json::value* value = find(name);
  if (!value) return std::nullopt;
  if (!value->is_int64()) {
    if (value->is_uint64() && value->as_uint64() <= INT64_MAX) {
      return static_cast<std::int64_t>(value->as_uint64());
    }
    fail(wrong_type(name, "integer"));
    return std::nullopt;
  }
  return value->as_int64();
}

std::optional<std::int64_t> FieldReader::optional_int(std::string_view name, std::int64_t min,
                                                      std::int64_t max, std::string_view code) {
  const boost::json::value* value = find(name);
  if (!value) return std::nullopt;
  // Past INT64_MAX a JSON number is unsigned; 9e18 is a double: both are out of range, while
  // a fraction within the range is the wrong type.
  const bool in_range = value->is_int64() ? min <= value->as_int64() && value->as_int64() <= max
                        : value->is_double()
                            ? double(min) <= value->as_double() && value->as_double() <= double(max)
                            : false;
  if (!value->is_number() || (in_range && !value->is_int64())) {
    fail(wrong_type(name, "integer"));
    return std::nullopt;
  }
  if (!in_range) {
    fail(Error::invalid(std::string(code),
                        fmt::format("字段 {} 须为 {} 到 {} 之间的整数 (field {} must be an integer "
                                    "from {} to {})",
                                    name, min, max, name, min, max),
                        std::string(name)));
    return std::nullopt;
  }
  return value->as_int64();
}

std::optional<bool> FieldReader::optional_bool(std::string_view name) {
  const boost::json::value* value = find(name);
  if (!value) return std::nullopt;
  if (!value->is_bool()) {
    fail(wrong_type(name, "boolean"));
    return std::nullopt;
  }
  return value->as_bool();
}

std::optional<std::string> FieldReader::optional_decimal_text(std::string_view name) {
  const boost::json::value* value = find(name);
  if (!value) return std::nullopt;
  if (value->is_string()) return std::string(value->as_string());
  if (value->is_int64()) return std::to_string(value->as_int64());
  if (value->is_uint64()) return std::to_string(value->as_uint64());
  if (value->is_double()) {
    // The shortest text that reads back as the same double: what the client meant to send.
    return fmt::format("{}", value->as_double());
  }
  fail(wrong_type(name, "number"));
  return std::nullopt;
}

Status FieldReader::finish() const {
  if (error_) return std::unexpected(*error_);
  for (const auto& entry : body_) {
    if (!asked_.contains(entry.key())) {
      // The key quoted cut short: it can be as long as the body.
      const std::string key = excerpt(entry.key());
      return std::unexpected(Error::invalid(
          "unknown_field", fmt::format("未知字段 {} (unknown field {})", key, key), key));
    }
  }
  return {};
}

}  // namespace jingkai::http
