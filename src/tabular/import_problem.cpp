#include "tabular/import_problem.hpp"

namespace jingkai::tabular {
namespace {

// The length of the UTF-8 sequence that starts with `lead`, or 1 for a byte that cannot start
// one (so that broken text still advances a byte at a time).
std::size_t sequence_length(unsigned char lead) {
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  if (lead >= 0xE0 && lead <= 0xEF) return 3;
  if (lead >= 0xC2 && lead <= 0xDF) return 2;
  return 1;
}

// The byte offset after the first `characters` code points of `text`, or npos when it has no
// more than that many.
std::size_t cut_after(std::string_view text, std::size_t characters) {
  std::size_t at = 0;
  for (std::size_t n = 0; at < text.size(); ++n) {
    if (n == characters) return at;
    std::size_t length = sequence_length(static_cast<unsigned char>(text[at]));
    if (at + length > text.size()) length = 1;
    for (std::size_t k = 1; k < length; ++k) {
      if ((static_cast<unsigned char>(text[at + k]) & 0xC0) != 0x80) length = 1;
    }
    at += length;
  }
  return std::string_view::npos;
}

}  // namespace

std::string excerpt(std::string_view text, std::size_t max_characters) {
  const std::size_t cut = cut_after(text, max_characters);
  if (cut == std::string_view::npos) return std::string(text);
  std::string shown(text.substr(0, cut));
  shown += "…";
  return shown;
}

ImportProblem::ImportProblem(std::int64_t row, std::string column, std::string_view value,
                             std::string code, std::string_view message)
    : row(row), column(std::move(column)), value(excerpt(value)), code(std::move(code)) {
  // The domain's parsers quote what they were given, so a huge cell is in the message too,
  // perhaps more than once ("amount: \"…\" (amount in yuan: …)").
  std::string quoted;
  if (value.size() > this->value.size() && !value.empty()) {
    for (std::size_t from = 0;;) {
      const std::size_t at = message.find(value, from);
      quoted.append(message.substr(from, at == std::string_view::npos ? at : at - from));
      if (at == std::string_view::npos) break;
      quoted += this->value;
      from = at + value.size();
    }
    message = quoted;
  }
  this->message = excerpt(message, kMaxMessageCharacters);
}

}  // namespace jingkai::tabular
