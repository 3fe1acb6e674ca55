// JSON as CelesTrak publishes OMMs: an array of flat objects, one per element set. The
// reader is a small strict RFC 8259 parser (no comments, no trailing commas, UTF-8 checked,
// nesting limited) that keeps each value's position for error messages.
#include <fmt/format.h>

#include <cstdint>
#include <set>

#include "orbit/omm.hpp"
#include "orbit/omm_fields.hpp"
#include "orbit/try.hpp"

namespace jingkai::orbit {
namespace {

using omm_detail::KeyPolicy;

constexpr int kMaxDepth = 32;

struct JsonMember;

struct JsonValue {
  enum class Type { kNull, kBool, kNumber, kString, kArray, kObject };
  Type type = Type::kNull;
  std::string text;  // a number as written, a string decoded
  std::vector<JsonValue> items;
  std::vector<JsonMember> members;
  int line = 0;
  int column = 0;
};

struct JsonMember {
  std::string key;
  JsonValue value;
};

class JsonReader {
 public:
  explicit JsonReader(std::string_view text) : text_(text) {}

  std::expected<JsonValue, ParseError> read_document() {
    skip_blanks();
    auto value = read_value(0);
    if (!value) return value;
    skip_blanks();
    if (at_ < text_.size()) return fail(fmt::format("unexpected {} after the JSON value", found()));
    return value;
  }

 private:
  std::unexpected<ParseError> fail(std::string message) const {
    return std::unexpected(ParseError{line_, column(), "omm_json", std::move(message)});
  }

  int column() const { return static_cast<int>(at_ - line_start_) + 1; }

  std::string found() const {
    if (at_ >= text_.size()) return "the end of the text";
    const auto c = static_cast<unsigned char>(text_[at_]);
    if (c < 0x20 || c > 0x7e) return fmt::format("byte 0x{:02x}", c);
    return fmt::format("'{}'", text_[at_]);
  }

  void skip_blanks() {
    while (at_ < text_.size()) {
      const char c = text_[at_];
      if (c == '\n') {
        ++line_;
        line_start_ = ++at_;
      } else if (c == ' ' || c == '\t' || c == '\r') {
        ++at_;
      } else {
        break;
      }
    }
  }

  std::expected<JsonValue, ParseError> read_value(int depth) {
    if (depth > kMaxDepth) return fail(fmt::format("nested deeper than {} levels", kMaxDepth));
    JsonValue value;
    value.line = line_;
    value.column = column();
    if (at_ >= text_.size()) return fail("expected a value, found the end of the text");
    const char c = text_[at_];
    if (c == '{') return read_object(std::move(value), depth);
    if (c == '[') return read_array(std::move(value), depth);
    if (c == '"') {
      auto text = ORBIT_TRY(read_string());
      value.type = JsonValue::Type::kString;
      value.text = std::move(text);
      return value;
    }
    if (c == '-' || (c >= '0' && c <= '9')) {
      auto text = ORBIT_TRY(read_number());
      value.type = JsonValue::Type::kNumber;
      value.text = std::move(text);
      return value;
    }
    for (std::string_view literal : {"true", "false", "null"}) {
      if (text_.substr(at_).starts_with(literal)) {
        at_ += literal.size();
        value.type = literal == "null" ? JsonValue::Type::kNull : JsonValue::Type::kBool;
        value.text = std::string(literal);
        return value;
      }
    }
    return fail(fmt::format("expected a value, found {}", found()));
  }

  std::expected<JsonValue, ParseError> read_object(JsonValue value, int depth) {
    value.type = JsonValue::Type::kObject;
    ++at_;
    skip_blanks();
    if (at_ < text_.size() && text_[at_] == '}') {
      ++at_;
      return value;
    }
    std::set<std::string> keys;
    while (true) {
      if (at_ >= text_.size() || text_[at_] != '"') {
        return fail(fmt::format("expected a key in quotes, found {}", found()));
      }
      const int key_line = line_;
      const int key_column = column();
      auto key = ORBIT_TRY(read_string());
      if (!keys.insert(key).second) {
        return std::unexpected(ParseError{key_line, key_column, "omm_duplicate_key",
                                          fmt::format("key \"{}\" is given twice", key)});
      }
      skip_blanks();
      if (at_ >= text_.size() || text_[at_] != ':') {
        return fail(fmt::format("expected ':' after the key, found {}", found()));
      }
      ++at_;
      skip_blanks();
      auto member = ORBIT_TRY(read_value(depth + 1));
      value.members.push_back({std::move(key), std::move(member)});
      skip_blanks();
      if (at_ < text_.size() && text_[at_] == ',') {
        ++at_;
        skip_blanks();
        continue;
      }
      if (at_ < text_.size() && text_[at_] == '}') {
        ++at_;
        return value;
      }
      return fail(fmt::format("expected ',' or '}}' in an object, found {}", found()));
    }
  }

  std::expected<JsonValue, ParseError> read_array(JsonValue value, int depth) {
    value.type = JsonValue::Type::kArray;
    ++at_;
    skip_blanks();
    if (at_ < text_.size() && text_[at_] == ']') {
      ++at_;
      return value;
    }
    while (true) {
      auto item = ORBIT_TRY(read_value(depth + 1));
      value.items.push_back(std::move(item));
      skip_blanks();
      if (at_ < text_.size() && text_[at_] == ',') {
        ++at_;
        skip_blanks();
        continue;
      }
      if (at_ < text_.size() && text_[at_] == ']') {
        ++at_;
        return value;
      }
      return fail(fmt::format("expected ',' or ']' in an array, found {}", found()));
    }
  }

  // -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
  std::expected<std::string, ParseError> read_number() {
    const std::size_t start = at_;
    auto digits = [&] {
      const std::size_t first = at_;
      while (at_ < text_.size() && text_[at_] >= '0' && text_[at_] <= '9') ++at_;
      return at_ - first;
    };
    if (text_[at_] == '-') ++at_;
    if (at_ < text_.size() && text_[at_] == '0') {
      ++at_;
      if (at_ < text_.size() && text_[at_] >= '0' && text_[at_] <= '9') {
        return fail("a JSON number has no leading zeros");
      }
    } else if (digits() == 0) {
      return fail(fmt::format("expected a digit, found {}", found()));
    }
    if (at_ < text_.size() && text_[at_] == '.') {
      ++at_;
      if (digits() == 0) return fail(fmt::format("expected a digit after '.', found {}", found()));
    }
    if (at_ < text_.size() && (text_[at_] == 'e' || text_[at_] == 'E')) {
      ++at_;
      if (at_ < text_.size() && (text_[at_] == '+' || text_[at_] == '-')) ++at_;
      if (digits() == 0) {
        return fail(fmt::format("expected a digit of the exponent, found {}", found()));
      }
    }
    return std::string(text_.substr(start, at_ - start));
  }

  std::expected<unsigned, ParseError> read_hex4() {
    unsigned code = 0;
    for (int n = 0; n < 4; ++n, ++at_) {
      if (at_ >= text_.size()) return fail("expected four hex digits after \\u");
      const char c = text_[at_];
      code <<= 4;
      if (c >= '0' && c <= '9') {
        code |= static_cast<unsigned>(c - '0');
      } else if (c >= 'a' && c <= 'f') {
        code |= static_cast<unsigned>(c - 'a' + 10);
      } else if (c >= 'A' && c <= 'F') {
        code |= static_cast<unsigned>(c - 'A' + 10);
      } else {
        return fail(fmt::format("expected a hex digit after \\u, found {}", found()));
      }
    }
    return code;
  }

  static void append_utf8(std::string& out, unsigned code) {
    if (code < 0x80) {
      out += static_cast<char>(code);
    } else if (code < 0x800) {
      out += static_cast<char>(0xC0 | (code >> 6));
      out += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
      out += static_cast<char>(0xE0 | (code >> 12));
      out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (code >> 18));
      out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (code & 0x3F));
    }
  }

  // Length of the well-formed UTF-8 sequence at at_ (RFC 3629), 0 if it is not one.
  std::size_t utf8_length() const {
    const auto byte = [&](std::size_t k) -> unsigned {
      return at_ + k < text_.size() ? static_cast<unsigned char>(text_[at_ + k]) : 0u;
    };
    const unsigned lead = byte(0);
    auto continuation = [&](std::size_t k) { return (byte(k) & 0xC0) == 0x80; };
    if (lead >= 0xC2 && lead <= 0xDF) return continuation(1) ? 2 : 0;
    if (lead >= 0xE0 && lead <= 0xEF) {
      const unsigned second = byte(1);
      if ((lead == 0xE0 && second < 0xA0) || (lead == 0xED && second > 0x9F)) return 0;
      return continuation(1) && continuation(2) ? 3 : 0;
    }
    if (lead >= 0xF0 && lead <= 0xF4) {
      const unsigned second = byte(1);
      if ((lead == 0xF0 && second < 0x90) || (lead == 0xF4 && second > 0x8F)) return 0;
      return continuation(1) && continuation(2) && continuation(3) ? 4 : 0;
    }
    return 0;
  }

  std::expected<std::string, ParseError> read_string() {
    ++at_;  // the opening quote
    std::string out;
    while (true) {
      if (at_ >= text_.size()) return fail("the text ends inside a string");
      const auto c = static_cast<unsigned char>(text_[at_]);
      if (c == '"') {
        ++at_;
        return out;
      }
      if (c < 0x20) return fail(fmt::format("{} must be escaped inside a string", found()));
      if (c >= 0x80) {
        const std::size_t length = utf8_length();
        if (length == 0) return fail(fmt::format("{} is not UTF-8", found()));
        out.append(text_.substr(at_, length));
        at_ += length;
        continue;
      }
      if (c != '\\') {
        out += static_cast<char>(c);
        ++at_;
        continue;
      }
      ++at_;
      if (at_ >= text_.size()) return fail("the text ends inside an escape");
      const char escape = text_[at_];
      static constexpr std::string_view kFrom = "\"\\/bfnrt";
      static constexpr std::string_view kTo = "\"\\/\b\f\n\r\t";
      if (const auto k = kFrom.find(escape); k != std::string_view::npos) {
        out += kTo[k];
        ++at_;
        continue;
      }
      if (escape != 'u') return fail(fmt::format("\\{} is not a JSON escape", escape));
      ++at_;
      auto code = ORBIT_TRY(read_hex4());
      if (code >= 0xDC00 && code <= 0xDFFF) return fail("a lone low surrogate in \\u escapes");
      if (code >= 0xD800 && code <= 0xDBFF) {
        if (!text_.substr(at_).starts_with("\\u")) return fail("a high surrogate without its pair");
        at_ += 2;
        auto low = ORBIT_TRY(read_hex4());
        if (low < 0xDC00 || low > 0xDFFF) return fail("a high surrogate without its pair");
        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
      }
      append_utf8(out, code);
    }
  }

  std::string_view text_;
  std::size_t at_ = 0;
  std::size_t line_start_ = 0;
  int line_ = 1;
};

std::expected<Omm, ParseError> omm_of_object(const JsonValue& object) {
  omm_detail::Message message;
  const omm_detail::Location where{
      object.line, object.column,
      fmt::format("the object at line {}, column {}", object.line, object.column)};
  message.sections.fill(where);
  for (const JsonMember& member : object.members) {
    omm_detail::Field field{
        .key = member.key, .value = {}, .line = member.value.line, .column = member.value.column};
    switch (member.value.type) {
      case JsonValue::Type::kString:
        field.kind = omm_detail::ValueKind::kText;
        field.value = std::string(omm_detail::trim(member.value.text));
        ++field.column;  // past the quote
        break;
      case JsonValue::Type::kNumber:
        field.kind = omm_detail::ValueKind::kNumber;
        field.value = member.value.text;
        break;
      default:
        field.kind = omm_detail::ValueKind::kOther;
        break;
    }
    message.fields.push_back(std::move(field));
  }
  return omm_detail::build_omm(message, KeyPolicy::kCatalogue);
}

}  // namespace

std::expected<std::vector<Omm>, ParseError> parse_omm_json(std::string_view text) {
  JsonReader reader(omm_detail::without_byte_order_mark(text));
  auto document = ORBIT_TRY(reader.read_document());
  std::vector<Omm> omms;
  if (document.type == JsonValue::Type::kObject) {
    auto omm = ORBIT_TRY(omm_of_object(document));
    omms.push_back(std::move(omm));
    return omms;
  }
  if (document.type != JsonValue::Type::kArray) {
    return std::unexpected(ParseError{document.line, document.column, "omm_json",
                                      "expected an array of OMM objects (or one object)"});
  }
  for (const JsonValue& item : document.items) {
    if (item.type != JsonValue::Type::kObject) {
      return std::unexpected(
          ParseError{item.line, item.column, "omm_json", "expected an OMM object in the array"});
    }
    auto omm = ORBIT_TRY(omm_of_object(item));
    omms.push_back(std::move(omm));
  }
  return omms;
}

std::expected<std::string, ParseError> format_omm_json(std::span<const Omm> omms) {
  std::string text = "[";
  for (std::size_t i = 0; i < omms.size(); ++i) {
    ORBIT_TRY(omm_detail::check_writable(omms[i], i, KeyPolicy::kCatalogue));
    text += i == 0 ? "\n  {" : ",\n  {";
    const auto values = omm_detail::catalogue_values(omms[i]);
    for (std::size_t k = 0; k < values.size(); ++k) {
      const auto& entry = values[k];
      std::string value = entry.value;
      if (entry.is_text) {
        // Values are printable ASCII (checked above): only '"' and '\' need escapes.
        std::string quoted = "\"";
        for (char c : value) {
          if (c == '"' || c == '\\') quoted += '\\';
          quoted += c;
        }
        value = quoted + "\"";
      }
      text += fmt::format("{}\n    \"{}\": {}", k == 0 ? "" : ",", entry.key, value);
    }
    text += "\n  }";
  }
  text += omms.empty() ? "]\n" : "\n]\n";
  return text;
}

}  // namespace jingkai::orbit
