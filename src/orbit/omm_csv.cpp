// CSV as CelesTrak publishes OMMs: a header row of keywords, then one row per element set
// (RFC 4180: fields in double quotes may hold commas and doubled quotes; rows end in CRLF
// or LF).
#include <fmt/format.h>

#include <set>

#include "orbit/omm.hpp"
#include "orbit/omm_fields.hpp"
#include "orbit/try.hpp"

namespace jingkai::orbit {
namespace {

using omm_detail::KeyPolicy;

struct CsvField {
  std::string text;
  int column = 0;  // of the text's first character
};

struct CsvRow {
  int line = 0;
  std::vector<CsvField> fields;
};

std::expected<std::vector<CsvRow>, ParseError> read_rows(std::string_view text) {
  std::vector<CsvRow> rows;
  std::size_t at = 0;
  int line = 1;
  std::size_t line_start = 0;
  auto column = [&](std::size_t position) { return static_cast<int>(position - line_start) + 1; };
  auto fail = [&](std::size_t position, std::string message) {
    return std::unexpected(ParseError{line, column(position), "omm_csv", std::move(message)});
  };
  while (at < text.size()) {
    CsvRow row{line, {}};
    bool row_ended = false;
    while (!row_ended) {
      CsvField field;
      if (at < text.size() && text[at] == '"') {
        field.column = column(at) + 1;
        ++at;
        while (true) {
          if (at >= text.size()) return fail(at, "the text ends inside a quoted field");
          const char c = text[at];
          if (c == '\n' || c == '\r') return fail(at, "a line break inside a quoted field");
          if (c == '"') {
            if (at + 1 < text.size() && text[at + 1] == '"') {
              field.text += '"';
              at += 2;
              continue;
            }
            ++at;
            break;
          }
          field.text += c;
          ++at;
        }
        if (at < text.size() && text[at] != ',' && text[at] != '\n' && text[at] != '\r') {
          return fail(at, "expected ',' or the end of the row after a quoted field");
        }
      } else {
        field.column = column(at);
        while (at < text.size() && text[at] != ',' && text[at] != '\n' && text[at] != '\r') {
          if (text[at] == '"') return fail(at, "a '\"' inside a field that is not quoted");
          field.text += text[at++];
        }
      }
      row.fields.push_back(std::move(field));
      if (at >= text.size()) {
        row_ended = true;
      } else if (text[at] == ',') {
        ++at;
      } else {
        if (text[at] == '\r') {
          if (at + 1 >= text.size() || text[at + 1] != '\n') {
            return fail(at, "a carriage return that does not end a row (rows end in CRLF or LF)");
          }
          ++at;
        }
        ++at;
        ++line;
        line_start = at;
        row_ended = true;
      }
    }
    const bool blank = row.fields.size() == 1 && omm_detail::trim(row.fields[0].text).empty();
    if (!blank) rows.push_back(std::move(row));
  }
  return rows;
}

std::string quoted_if_needed(const std::string& value) {
  if (value.find_first_of(",\"") == std::string::npos) return value;
  std::string quoted = "\"";
  for (char c : value) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

}  // namespace

std::expected<std::vector<Omm>, ParseError> parse_omm_csv(std::string_view text) {
  auto rows = ORBIT_TRY(read_rows(omm_detail::without_byte_order_mark(text)));
  std::vector<Omm> omms;
  if (rows.empty()) return omms;
  const CsvRow& header = rows.front();
  std::set<std::string_view> keys;
  for (const CsvField& field : header.fields) {
    const std::string_view key = omm_detail::trim(field.text);
    if (key.empty()) {
      return std::unexpected(
          ParseError{header.line, field.column, "omm_csv", "a column of the header has no name"});
    }
    if (!keys.insert(key).second) {
      return std::unexpected(ParseError{header.line, field.column, "omm_duplicate_key",
                                        fmt::format("column {} is given twice", key)});
    }
  }
  const omm_detail::Location where{header.line, 0,
                                   fmt::format("the header row (line {})", header.line)};
  for (std::size_t r = 1; r < rows.size(); ++r) {
    const CsvRow& row = (rows)[r];
    if (row.fields.size() != header.fields.size()) {
      return std::unexpected(ParseError{row.line, 0, "omm_csv",
                                        fmt::format("the row has {} fields; the header has {}",
                                                    row.fields.size(), header.fields.size())});
    }
    omm_detail::Message message;
    message.sections.fill(where);
    for (std::size_t k = 0; k < row.fields.size(); ++k) {
      const CsvField& field = row.fields[k];
      const std::string_view value = omm_detail::trim(field.text);
      const auto leading = static_cast<int>(field.text.find_first_not_of(" \t"));
      message.fields.push_back(
          omm_detail::Field{.key = std::string(omm_detail::trim(header.fields[k].text)),
                            .value = std::string(value),
                            .line = row.line,
                            .column = field.column + (value.empty() ? 0 : leading)});
    }
    auto omm = ORBIT_TRY(omm_detail::build_omm(message, KeyPolicy::kCatalogue));
    omms.push_back(std::move(omm));
  }
  return omms;
}

std::expected<std::string, ParseError> format_omm_csv(std::span<const Omm> omms) {
  std::string text;
  for (std::size_t k = 0; k < omm_detail::kCatalogueKeys.size(); ++k) {
    text += fmt::format("{}{}", k == 0 ? "" : ",", omm_detail::kCatalogueKeys[k]);
  }
  text += "\r\n";
  for (std::size_t i = 0; i < omms.size(); ++i) {
    ORBIT_TRY(omm_detail::check_writable(omms[i], i, KeyPolicy::kCatalogue));
    const auto values = omm_detail::catalogue_values(omms[i]);
    for (std::size_t k = 0; k < values.size(); ++k) {
      text += fmt::format("{}{}", k == 0 ? "" : ",", quoted_if_needed(values[k].value));
    }
    text += "\r\n";
  }
  return text;
}

}  // namespace jingkai::orbit
