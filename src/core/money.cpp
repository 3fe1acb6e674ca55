#include "core/money.hpp"

#include <fmt/format.h>

#include "core/text.hpp"

namespace jingkai {
namespace {

// The largest magnitude read: 90 trillion yuan in fen, so that sums of millions of such
// values still fit in 64 bits.
constexpr std::int64_t kMaxUnits = 9'000'000'000'000'000LL;

// Reads [-]digits[.digits] with optional thousands separators (',' or ' ') into an integer
// count of 10^-decimals units. Empty optional on any malformation.
bool read_decimal(std::string_view text, int decimals, bool allow_negative, std::int64_t& out,
                  std::string& why) {
  std::size_t i = 0;
  bool negative = false;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) {
    negative = text[i] == '-';
    if (negative && !allow_negative) {
      why = "negative";
      return false;
    }
    ++i;
  }
  std::int64_t units = 0;
  int integer_digits = 0;
  int group = -1;  // digits since the last separator; -1 before any separator
  char separator = 0;
  for (; i < text.size() && text[i] != '.'; ++i) {
    const char c = text[i];
    if (c == ',' || c == ' ') {
      if (integer_digits == 0 || (group != -1 && group != 3) ||
          (group == -1 && integer_digits > 3) || (separator != 0 && separator != c)) {
        why = "misplaced thousands separator";
        return false;
      }
      separator = c;
      group = 0;
      continue;
    }
    if (c < '0' || c > '9') {
      why = fmt::format("unexpected character '{}'", c);
      return false;
    }
    if (units > INT64_MAX / 10) {
      why = "too large";
      return false;
    }
    units = units * 10 + (c - '0');
    ++integer_digits;
    if (group != -1) ++group;
  }
  if (integer_digits == 0 || (group != -1 && group != 3)) {
    why = integer_digits == 0 ? "no digits" : "misplaced thousands separator";
    return false;
  }
  int fraction_digits = 0;
  if (i < text.size()) {
    ++i;  // '.'
    if (i == text.size()) {
      why = "no digits after the decimal point";
      return false;
    }
    for (; i < text.size(); ++i) {
      const char c = text[i];
      if (c < '0' || c > '9') {
        why = fmt::format("unexpected character '{}'", c);
        return false;
      }
      if (++fraction_digits > decimals) {
        why = fmt::format("more than {} decimals", decimals);
        return false;
      }
      if (units > INT64_MAX / 10) {
        why = "too large";
        return false;
      }
      units = units * 10 + (c - '0');
    }
  }
  for (; fraction_digits < decimals; ++fraction_digits) {
    if (units > INT64_MAX / 10) {
      why = "too large";
      return false;
    }
    units *= 10;
  }
  if (units > kMaxUnits) {
    why = "too large";
    return false;
  }
  out = negative ? -units : units;
  return true;
}

}  // namespace

Result<Fen> parse_yuan(std::string_view text, std::string_view field) {
  std::int64_t fen = 0;
  std::string why;
  if (!read_decimal(trim_blanks(text), 2, true, fen, why)) {
    return std::unexpected(Error::invalid(
        "bad_amount",
        fmt::format("金额须为以元为单位、最多两位小数的数字: \"{}\" (amount in yuan: {})", text,
                    why),
        std::string(field)));
  }
  return fen;
}

std::string format_yuan(Fen fen) { return format_decimal(fen, 2); }

Result<std::int64_t> parse_decimal(std::string_view text, int decimals, std::string_view field) {
  std::int64_t units = 0;
  std::string why;
  if (!read_decimal(trim_blanks(text), decimals, false, units, why)) {
    return std::unexpected(Error::invalid(
        "bad_quantity",
        fmt::format("须为非负数, 最多 {} 位小数: \"{}\" (quantity: {})", decimals, text, why),
        std::string(field)));
  }
  return units;
}

std::string format_decimal(std::int64_t units, int decimals) {
  std::int64_t scale = 1;
  for (int i = 0; i < decimals; ++i) scale *= 10;
  const bool negative = units < 0;
  const std::uint64_t magnitude =
      negative ? std::uint64_t(0) - std::uint64_t(units) : std::uint64_t(units);
  if (decimals == 0) return fmt::format("{}{}", negative ? "-" : "", magnitude);
  return fmt::format("{}{}.{:0{}}", negative ? "-" : "", magnitude / scale, magnitude % scale,
                     decimals);
}

namespace {

Error out_of_range(std::string_view what) {
  return Error::conflict(
      "sum_out_of_range",
      fmt::format("{} 的合计超出可计算范围，请核对数据 (the sum of {} is out of range)", what,
                  what));
}

}  // namespace

Result<std::int64_t> checked_add(std::int64_t a, std::int64_t b, std::string_view what) {
  std::int64_t sum = 0;
  if (__builtin_add_overflow(a, b, &sum)) return std::unexpected(out_of_range(what));
  return sum;
}

Result<std::int64_t> checked_mul(std::int64_t a, std::int64_t b, std::string_view what) {
  std::int64_t product = 0;
  if (__builtin_mul_overflow(a, b, &product)) return std::unexpected(out_of_range(what));
  return product;
}

Result<Fen> per_mu(Fen amount, std::int64_t area_centimu, std::string_view what) {
  if (area_centimu <= 0) {
    return std::unexpected(Error::invalid("bad_quantity", "用地面积须为正数 (no land area)"));
  }
  const Fen hundredfold = TRY(checked_mul(amount, 100, what));
  return hundredfold / area_centimu;
}

}  // namespace jingkai
