// KVN: "KEYWORD = value [unit]" lines and "COMMENT text" lines; blank lines anywhere; each
// message starts with its CCSDS_OMM_VERS line.
#include <fmt/format.h>

#include <algorithm>

#include "orbit/omm.hpp"
#include "orbit/omm_fields.hpp"
#include "orbit/try.hpp"

namespace jingkai::orbit {
namespace {

using omm_detail::Field;
using omm_detail::KeyPolicy;
using omm_detail::Location;
using omm_detail::Message;

bool is_keyword_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

Message start_message(int line) {
  Message message;
  const Location start{line, 0, fmt::format("the OMM that starts on line {}", line)};
  message.sections.fill(start);
  return message;
}

// One line, already known to hold something, added to `message`.
std::expected<Field, ParseError> read_line(std::string_view line, int number) {
  const std::size_t start = line.find_first_not_of(" \t");
  std::string_view rest = line.substr(start);
  auto column_of = [&](std::string_view part) {
    return static_cast<int>(part.data() - line.data()) + 1;
  };
  if (rest.starts_with("COMMENT") && (rest.size() == 7 || rest[7] == ' ' || rest[7] == '\t')) {
    const std::string_view text = omm_detail::trim(rest.substr(7));
    return Field{.key = "COMMENT",
                 .value = std::string(text),
                 .line = number,
                 .column = text.empty() ? column_of(rest) + 7 : column_of(text)};
  }
  std::size_t key_length = 0;
  while (key_length < rest.size() && is_keyword_char(rest[key_length])) ++key_length;
  if (key_length == 0) {
    return std::unexpected(ParseError{
        number, column_of(rest), "omm_kvn",
        fmt::format("expected a keyword (capital letters, digits, '_') or COMMENT, found '{}'",
                    rest[0])});
  }
  const std::string key(rest.substr(0, key_length));
  std::string_view after = rest.substr(key_length);
  const std::size_t equals = after.find_first_not_of(" \t");
  if (equals == std::string_view::npos || after[equals] != '=') {
    return std::unexpected(ParseError{number,
                                      column_of(after.substr(std::min(equals, after.size()))),
                                      "omm_kvn", fmt::format("expected '=' after {}", key)});
  }
  std::string_view value = omm_detail::trim(after.substr(equals + 1));
  Field field{
      .key = key,
      .value = {},
      .line = number,
      .column = value.empty() ? column_of(after) + static_cast<int>(equals) + 1 : column_of(value)};
  if (omm_detail::takes_unit(key) && value.ends_with(']')) {
    const std::size_t open = value.rfind('[');
    if (open == std::string_view::npos) {
      return std::unexpected(
          ParseError{number, column_of(value) + static_cast<int>(value.size()) - 1, "omm_kvn",
                     fmt::format("{}: ']' without its '[' (a unit is written "
                                 "\"[deg]\")",
                                 key)});
    }
    const std::string_view unit = omm_detail::trim(value.substr(open + 1, value.size() - open - 2));
    field.unit = std::string(unit);
    field.unit_column = column_of(value) + static_cast<int>(open);
    if (unit.empty()) {
      return std::unexpected(
          ParseError{number, field.unit_column, "omm_unit", fmt::format("{}: empty unit", key)});
    }
    value = omm_detail::trim(value.substr(0, open));
  }
  field.value = std::string(value);
  return field;
}

}  // namespace

std::expected<std::vector<Omm>, ParseError> parse_omm_kvn(std::string_view text) {
  text = omm_detail::without_byte_order_mark(text);
  std::vector<Message> messages;
  int number = 0;
  while (!text.empty()) {
    ++number;
    const std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    if (line.ends_with('\r')) line.remove_suffix(1);
    for (std::size_t i = 0; i < line.size(); ++i) {
      const auto c = static_cast<unsigned char>(line[i]);
      if ((c < 0x20 && c != '\t') || c > 0x7e) {
        return std::unexpected(
            ParseError{number, static_cast<int>(i) + 1, "omm_kvn",
                       fmt::format("byte 0x{:02x} is not allowed: KVN is printable ASCII", c)});
      }
    }
    if (omm_detail::trim(line).empty()) continue;
    auto field = ORBIT_TRY(read_line(line, number));
    if (field.key == "CCSDS_OMM_VERS") {
      messages.push_back(start_message(number));
    } else if (messages.empty()) {
      const int key_column = static_cast<int>(line.find_first_not_of(" \t")) + 1;
      return std::unexpected(
          ParseError{number, key_column, "omm_kvn",
                     fmt::format("an OMM starts with CCSDS_OMM_VERS, found {}", field.key)});
    }
    messages.back().fields.push_back(std::move(field));
  }
  std::vector<Omm> omms;
  for (const Message& message : messages) {
    auto omm = ORBIT_TRY(omm_detail::build_omm(message, KeyPolicy::kStandard));
    omms.push_back(std::move(omm));
  }
  return omms;
}

std::expected<std::string, ParseError> format_omm_kvn(std::span<const Omm> omms) {
  std::string text;
  auto write = [&](std::string_view key, std::string_view value, std::string_view unit) {
    text += fmt::format("{:<19} =", key);
    if (!value.empty()) text += fmt::format(" {}", value);
    if (!unit.empty()) text += fmt::format(" [{}]", unit);
    text += '\n';
  };
  auto write_all = [&](const std::vector<omm_detail::KeywordValue>& values) {
    for (const auto& entry : values) write(entry.key, entry.value, entry.unit);
  };
  for (std::size_t i = 0; i < omms.size(); ++i) {
    const Omm& omm = omms[i];
    ORBIT_TRY(omm_detail::check_writable(omm, i, KeyPolicy::kStandard));
    if (i > 0) text += '\n';
    write("CCSDS_OMM_VERS", omm.version, "");
    for (const std::string& comment : omm.comments) {
      text += comment.empty() ? "COMMENT\n" : fmt::format("COMMENT {}\n", comment);
    }
    write("CREATION_DATE", omm.creation_date, "");
    write("ORIGINATOR", omm.originator, "");
    text += '\n';
    write_all(omm_detail::metadata_values(omm));
    text += '\n';
    write_all(omm_detail::mean_element_values(omm));
    text += '\n';
    write_all(omm_detail::tle_parameter_values(omm));
  }
  return text;
}

}  // namespace jingkai::orbit
