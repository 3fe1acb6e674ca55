#include "orbit/parse_error.hpp"

#include <fmt/format.h>

namespace jingkai::orbit {

std::string ParseError::to_string() const {
  if (line > 0 && column > 0) return fmt::format("line {}, column {}: {}", line, column, message);
  if (line > 0) return fmt::format("line {}: {}", line, message);
  if (column > 0) return fmt::format("column {}: {}", column, message);
  return message;
}

}  // namespace jingkai::orbit
