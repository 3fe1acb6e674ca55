#include "tabular/formula_guard.hpp"

namespace jingkai::tabular {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// [+-]digits[.digits][(e|E)[+-]digits]: what Excel reads as a number, not as a formula.
bool plain_number(std::string_view text) {
  std::size_t i = 0;
  const std::size_t n = text.size();
  if (i < n && (text[i] == '+' || text[i] == '-')) ++i;
  const std::size_t digits = i;
  while (i < n && is_digit(text[i])) ++i;
  if (i == digits) return false;
  if (i < n && text[i] == '.') {
    const std::size_t fraction = ++i;
    while (i < n && is_digit(text[i])) ++i;
    if (i == fraction) return false;
  }
  if (i < n && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    if (i < n && (text[i] == '+' || text[i] == '-')) ++i;
    const std::size_t exponent = i;
    while (i < n && is_digit(text[i])) ++i;
    if (i == exponent) return false;
  }
  return i == n;
}

}  // namespace

bool needs_formula_guard(std::string_view text) {
  const std::size_t first = text.find_first_not_of('\'');
  if (first == std::string_view::npos) return false;
  switch (text[first]) {
    case '=':
    case '@':
    case '\t':
    case '\r':
      return true;
    case '+':
    case '-':
      return !plain_number(text.substr(first));
    default:
      return false;
  }
}

}  // namespace jingkai::tabular
