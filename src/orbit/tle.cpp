#include "orbit/tle.hpp"

#include <fmt/format.h>

#include <array>
#include <cmath>
#include <cstdint>
#include <optional>

#include "orbit/try.hpp"

namespace jingkai::orbit {
namespace {

constexpr int kLineLength = 69;
constexpr int kChecksumColumn = 69;
constexpr int kMaxNameLength = 24;
constexpr int kMaxCatalogNumber = 339999;  // Z9999 in Alpha-5
constexpr double kPowersOfTen[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11};

// Alpha-5 letters skip I and O, which read too much like 1 and 0: A=10 ... H=17, J=18 ...
// N=22, P=23 ... Z=33.
constexpr std::string_view kAlpha5Letters = "ABCDEFGHJKLMNPQRSTUVWXYZ";

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string describe_char(char c) {
  if (c == ' ') return "a blank";
  if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7f) {
    return fmt::format("byte 0x{:02x}", static_cast<unsigned char>(c));
  }
  return fmt::format("'{}'", c);
}

// One line of an element set, with errors located by line number and 1-based column.
class LineReader {
 public:
  LineReader(std::string_view text, int line_number) : text_(text), line_number_(line_number) {}

  char at(int column) const { return text_[column - 1]; }

  ParseError error(int column, std::string code, std::string message) const {
    return ParseError{line_number_, column, std::move(code), std::move(message)};
  }

  // Length, printable ASCII and the line number in column 1.
  std::expected<void, ParseError> check_shape(char line_digit) const {
    for (std::size_t i = 0; i < text_.size() && i < kLineLength; ++i) {
      const auto c = static_cast<unsigned char>(text_[i]);
      if (c < 0x20 || c >= 0x7f) {
        return std::unexpected(error(static_cast<int>(i) + 1, "tle_character",
                                     fmt::format("{} is not allowed in a TLE line (only "
                                                 "printable ASCII; columns are fixed)",
                                                 describe_char(text_[i]))));
      }
    }
    if (text_.size() != kLineLength) {
      const int column = static_cast<int>(std::min<std::size_t>(text_.size(), kLineLength)) + 1;
      return std::unexpected(error(column, "tle_line_length",
                                   fmt::format("line has {} characters; a TLE line has exactly {}",
                                               text_.size(), kLineLength)));
    }
    if (at(1) != line_digit) {
      return std::unexpected(error(
          1, "tle_line_number",
          fmt::format("expected line number {}, found {}", line_digit, describe_char(at(1)))));
    }
    return {};
  }

  std::expected<void, ParseError> expect_blank(int column) const {
    if (at(column) == ' ') return {};
    return std::unexpected(
        error(column, "tle_column",
              fmt::format("expected a blank between fields, found {} (is a field shifted?)",
                          describe_char(at(column)))));
  }

  std::expected<void, ParseError> expect_blanks(std::initializer_list<int> columns) const {
    for (int column : columns) {
      if (auto ok = expect_blank(column); !ok) return ok;
    }
    return {};
  }

  // Right-justified digits, leading blanks allowed; all blanks reads as 0 only when
  // `blank_is_zero`.
  std::expected<std::int64_t, ParseError> integer(int first, int last, std::string_view field,
                                                  bool blank_is_zero) const {
    std::int64_t value = 0;
    bool seen_digit = false;
    for (int column = first; column <= last; ++column) {
      const char c = at(column);
      if (c == ' ' && !seen_digit) continue;
      if (!is_digit(c)) {
        return std::unexpected(error(column, "tle_field",
                                     fmt::format("found {} in {} (columns {}-{}: digits, "
                                                 "right-justified)",
                                                 describe_char(c), field, first, last)));
      }
      seen_digit = true;
      value = value * 10 + (c - '0');
    }
    if (!seen_digit && !blank_is_zero) {
      return std::unexpected(error(first, "tle_field",
                                   fmt::format("{} (columns {}-{}) is blank", field, first, last)));
    }
    return value;
  }

  // [blanks][sign]digits.digits with the point fixed at `point`; the value is the integer
  // of all digits divided by a power of ten, which rounds once, as strtod does.
  std::expected<double, ParseError> decimal(int first, int last, int point,
                                            std::string_view field) const {
    const std::string format = decimal_format(first, last, point);
    if (at(point) != '.') {
      return std::unexpected(
          error(point, "tle_field",
                fmt::format("expected '.' in {}, found {} (columns {}-{}: {})", field,
                            describe_char(at(point)), first, last, format)));
    }
    int column = first;
    while (column < point && at(column) == ' ') ++column;
    double sign = 1.0;
    if (column < point && (at(column) == '-' || at(column) == '+')) {
      if (at(column) == '-') sign = -1.0;
      ++column;
    }
    std::int64_t digits = 0;
    for (; column <= last; ++column) {
      if (column == point) continue;
      const char c = at(column);
      if (!is_digit(c)) {
        return std::unexpected(error(column, "tle_field",
                                     fmt::format("found {} in {} (columns {}-{}: {})",
                                                 describe_char(c), field, first, last, format)));
      }
      digits = digits * 10 + (c - '0');
    }
    return sign * (static_cast<double>(digits) / kPowersOfTen[last - point]);
  }

  // The 8-column "SMMMMMSE" field: mantissa with an implied leading decimal point and a
  // power of ten: " 12345-3" is 0.12345e-3.
  std::expected<double, ParseError> implied_decimal(int first, std::string_view field) const {
    const int last = first + 7;
    auto fail = [&](int column, std::string_view expected) {
      return std::unexpected(
          error(column, "tle_field",
                fmt::format("found {} in {} where {} belongs (columns {}-{}: "
                            "format SNNNNNSE, e.g. \" 12345-3\")",
                            describe_char(at(column)), field, expected, first, last)));
    };
    const char sign = at(first);
    if (sign != ' ' && sign != '+' && sign != '-') return fail(first, "a sign or blank");
    std::int64_t mantissa = 0;
    for (int column = first + 1; column <= first + 5; ++column) {
      if (!is_digit(at(column))) return fail(column, "a digit");
      mantissa = mantissa * 10 + (at(column) - '0');
    }
    const char exponent_sign = at(first + 6);
    if (exponent_sign != '+' && exponent_sign != '-') return fail(first + 6, "'+' or '-'");
    if (!is_digit(at(last))) return fail(last, "a digit");
    const int exponent = (exponent_sign == '-' ? -1 : 1) * (at(last) - '0');
    // Mantissa and power of ten rounded separately, as the reference reader does.
    const double value = static_cast<double>(mantissa) / 1e5 * std::pow(10.0, exponent);
    return sign == '-' ? -value : value;
  }

  std::expected<int, ParseError> catalog_number(int first) const {
    const char lead = at(first);
    if (lead >= 'A' && lead <= 'Z') {
      const auto index = kAlpha5Letters.find(lead);
      if (index == std::string_view::npos) {
        return std::unexpected(error(first, "tle_catalog_number",
                                     fmt::format("'{}' is not an Alpha-5 letter (I and O are "
                                                 "not used)",
                                                 lead)));
      }
      auto rest = ORBIT_TRY(integer(first + 1, first + 4, "satellite number", false));
      for (int column = first + 1; column <= first + 4; ++column) {
        if (at(column) == ' ') {
          return std::unexpected(error(column, "tle_catalog_number",
                                       "an Alpha-5 satellite number has four digits after its "
                                       "letter"));
        }
      }
      return static_cast<int>((10 + index) * 10000 + rest);
    }
    auto number = ORBIT_TRY(integer(first, first + 4, "satellite number", false));
    return static_cast<int>(number);
  }

  std::expected<void, ParseError> check_checksum(ChecksumPolicy policy) const {
    const char found = at(kChecksumColumn);
    if (!is_digit(found)) {
      return std::unexpected(
          error(kChecksumColumn, "tle_checksum",
                fmt::format("checksum must be a digit, found {}", describe_char(found))));
    }
    const int computed = tle_checksum(text_);
    if (policy == ChecksumPolicy::kVerify && computed != found - '0') {
      return std::unexpected(
          error(kChecksumColumn, "tle_checksum",
                fmt::format("checksum is {} but columns 1-68 sum to {} (mod 10; '-' counts 1)",
                            found - '0', computed)));
    }
    return {};
  }

 private:
  static std::string decimal_format(int first, int last, int point) {
    return std::string(point - first, 'N') + "." + std::string(last - point, 'N');
  }

  std::string_view text_;
  int line_number_;
};

std::expected<void, ParseError> parse_line1(const LineReader& line, ChecksumPolicy checksums,
                                            Tle& tle) {
  ORBIT_TRY(line.check_shape('1'));
  ORBIT_TRY(line.expect_blanks({2, 9, 18, 33, 44, 53, 62, 64}));
  auto catalog = ORBIT_TRY(line.catalog_number(3));
  tle.catalog_number = catalog;

  const char classification = line.at(8);
  if (classification != 'U' && classification != 'C' && classification != 'S') {
    return std::unexpected(line.error(
        8, "tle_classification",
        fmt::format("classification must be U, C or S, found {}", describe_char(classification))));
  }
  tle.classification = classification;

  // International designator: launch year (2 digits), launch number (3 digits), piece
  // (1-3 letters, left-justified), or all blank (analyst objects).
  bool designator_blank = true;
  for (int column = 10; column <= 17; ++column) designator_blank &= line.at(column) == ' ';
  tle.international_designator.clear();
  if (!designator_blank) {
    for (int column = 10; column <= 14; ++column) {
      if (!is_digit(line.at(column))) {
        return std::unexpected(
            line.error(column, "tle_international_designator",
                       fmt::format("found {} in the international designator (columns 10-17: "
                                   "YYNNNPPP, launch year, launch number, piece)",
                                   describe_char(line.at(column)))));
      }
    }
    bool piece_ended = false;
    for (int column = 15; column <= 17; ++column) {
      const char c = line.at(column);
      const bool letter = c >= 'A' && c <= 'Z';
      if ((column == 15 && !letter) || (letter && piece_ended) || (!letter && c != ' ')) {
        return std::unexpected(
            line.error(column, "tle_international_designator",
                       fmt::format("found {} in the piece of the international designator (columns "
                                   "15-17: 1-3 letters, left-justified)",
                                   describe_char(c))));
      }
      piece_ended |= !letter;
    }
    std::string designator;
    for (int column = 10; column <= 17 && line.at(column) != ' '; ++column) {
      designator += line.at(column);
    }
    tle.international_designator = designator;
  }

  for (int column = 19; column <= 20; ++column) {
    if (!is_digit(line.at(column))) {
      return std::unexpected(line.error(column, "tle_epoch",
                                        fmt::format("epoch year (columns 19-20) must be two "
                                                    "digits, found {}",
                                                    describe_char(line.at(column)))));
    }
  }
  const int two_digit_year = (line.at(19) - '0') * 10 + (line.at(20) - '0');
  // The first satellite flew in 1957; the two-digit year wraps in 2057.
  const int year = two_digit_year >= 57 ? 1900 + two_digit_year : 2000 + two_digit_year;
  if (line.at(24) != '.') {
    return std::unexpected(line.error(24, "tle_epoch",
                                      fmt::format("expected '.' in the epoch day, found {} "
                                                  "(columns 21-32: DDD.DDDDDDDD)",
                                                  describe_char(line.at(24)))));
  }
  auto day = ORBIT_TRY(line.integer(21, 23, "epoch day", false));
  auto day_fraction = ORBIT_TRY(line.integer(25, 32, "epoch day fraction", false));
  for (int column = 25; column <= 32; ++column) {
    if (line.at(column) == ' ') {
      return std::unexpected(line.error(column, "tle_epoch",
                                        "the epoch day fraction (columns 25-32) has eight digits"));
    }
  }
  if (day < 1 || day > days_in_year(year)) {
    return std::unexpected(line.error(
        21, "tle_epoch_day",
        fmt::format("epoch day {} is outside 1-{} of {}", day, days_in_year(year), year)));
  }
  tle.epoch = julian_date_from_day_of_year(year, static_cast<int>(day),
                                           static_cast<double>(day_fraction) / 1e8);

  // Column 34 is the sign: the field is S.NNNNNNNN, below 1 in magnitude (rev/day², halved);
  // a digit there would read as 1.xxx and could never be written back (found by libFuzzer).
  if (is_digit(line.at(34))) {
    return std::unexpected(line.error(
        34, "tle_field",
        "found a digit in the sign column of the first derivative of mean motion (columns "
        "34-43: S.NNNNNNNN, e.g. \"-.00002182\")"));
  }
  auto ndot = ORBIT_TRY(line.decimal(34, 43, 35, "first derivative of mean motion"));
  tle.mean_motion_dot = ndot;
  auto nddot = ORBIT_TRY(line.implied_decimal(45, "second derivative of mean motion"));
  tle.mean_motion_ddot = nddot;
  auto bstar = ORBIT_TRY(line.implied_decimal(54, "BSTAR"));
  tle.bstar = bstar;

  const char ephemeris = line.at(63);
  if (ephemeris != ' ' && !is_digit(ephemeris)) {
    return std::unexpected(line.error(
        63, "tle_field",
        fmt::format("ephemeris type must be a digit, found {}", describe_char(ephemeris))));
  }
  tle.ephemeris_type = ephemeris == ' ' ? 0 : ephemeris - '0';
  auto element_set = ORBIT_TRY(line.integer(65, 68, "element set number", true));
  tle.element_set_number = static_cast<int>(element_set);
  return line.check_checksum(checksums);
}

std::expected<void, ParseError> check_angle(const LineReader& line, int column,
                                            std::string_view field, double value, double max) {
  if (value >= 0.0 && value <= max) return {};
  return std::unexpected(line.error(
      column, "tle_range",
      fmt::format("{} {} is outside 0-{} degrees", field, value, static_cast<int>(max))));
}

std::expected<void, ParseError> parse_line2(const LineReader& line, ChecksumPolicy checksums,
                                            Tle& tle) {
  ORBIT_TRY(line.check_shape('2'));
  ORBIT_TRY(line.expect_blanks({2, 8, 17, 26, 34, 43, 52}));
  auto catalog = ORBIT_TRY(line.catalog_number(3));
  if (catalog != tle.catalog_number) {
    return std::unexpected(line.error(
        3, "tle_catalog_mismatch",
        fmt::format("satellite number {} differs from line 1's {}", catalog, tle.catalog_number)));
  }

  auto inclination = ORBIT_TRY(line.decimal(9, 16, 12, "inclination"));
  ORBIT_TRY(check_angle(line, 9, "inclination", inclination, 180.0));
  tle.inclination_deg = inclination;
  auto node = ORBIT_TRY(line.decimal(18, 25, 21, "right ascension of the ascending node"));
  ORBIT_TRY(check_angle(line, 18, "right ascension of the ascending node", node, 360.0));
  tle.right_ascension_deg = node;

  // Seven digits with an implied leading decimal point.
  std::int64_t eccentricity = 0;
  for (int column = 27; column <= 33; ++column) {
    const char c = line.at(column);
    if (!is_digit(c)) {
      return std::unexpected(
          line.error(column, "tle_eccentricity",
                     fmt::format("found {} in eccentricity (columns 27-33: seven digits, decimal "
                                 "point implied before them)",
                                 describe_char(c))));
    }
    eccentricity = eccentricity * 10 + (c - '0');
  }
  tle.eccentricity = static_cast<double>(eccentricity) / 1e7;

  auto perigee = ORBIT_TRY(line.decimal(35, 42, 38, "argument of perigee"));
  ORBIT_TRY(check_angle(line, 35, "argument of perigee", perigee, 360.0));
  tle.argument_of_perigee_deg = perigee;
  auto anomaly = ORBIT_TRY(line.decimal(44, 51, 47, "mean anomaly"));
  ORBIT_TRY(check_angle(line, 44, "mean anomaly", anomaly, 360.0));
  tle.mean_anomaly_deg = anomaly;
  auto mean_motion = ORBIT_TRY(line.decimal(53, 63, 55, "mean motion"));
  if (!(mean_motion > 0.0)) {
    return std::unexpected(
        line.error(53, "tle_mean_motion",
                   fmt::format("mean motion {} rev/day must be greater than zero", mean_motion)));
  }
  tle.mean_motion = mean_motion;
  auto revolution = ORBIT_TRY(line.integer(64, 68, "revolution number", true));
  tle.revolution_number = static_cast<int>(revolution);
  return line.check_checksum(checksums);
}

std::string_view trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t");
  return text.substr(first, last - first + 1);
}

bool is_tle_line(std::string_view line, char digit) {
  return line.size() >= 2 && line[0] == digit && line[1] == ' ';
}

// Text of `value` printed with `decimals` digits after the point, as an integer count of
// the last digit (rounded half away from zero), or nothing when it is negative or too wide.
std::optional<std::int64_t> fixed_units(double value, int decimals, std::int64_t limit) {
  if (!(value >= 0.0)) return std::nullopt;
  const double scaled = std::round(value * kPowersOfTen[decimals]);
  if (!(scaled < static_cast<double>(limit))) return std::nullopt;
  return static_cast<std::int64_t>(scaled);
}

std::expected<std::string, ParseError> format_fixed(double value, int decimals, int width, int line,
                                                    int column, std::string_view field) {
  std::string text = fmt::format("{:{}.{}f}", value, width, decimals);
  if (!std::isfinite(value) || static_cast<int>(text.size()) != width) {
    return std::unexpected(ParseError{
        line, column, "tle_unwritable",
        fmt::format("{} {} does not fit columns {}-{}", field, value, column, column + width - 1)});
  }
  return text;
}

// The 8-column implied-decimal form; 0 is written " 00000-0" (Space-Track's form), and an
// exponent of 0 takes '-', as in " 13519-0".
std::expected<std::string, ParseError> format_implied_decimal(double value, int line, int column,
                                                              std::string_view field) {
  if (!std::isfinite(value)) {
    return std::unexpected(ParseError{line, column, "tle_unwritable",
                                      fmt::format("{} is not a finite number", field)});
  }
  const char sign = value < 0.0 ? '-' : ' ';
  if (value == 0.0) return std::string(" 00000-0");
  // "d.dddde±XX": fmt rounds correctly, so the five digits are those of the value.
  const std::string scientific = fmt::format("{:.4e}", std::fabs(value));
  const int exponent = std::stoi(scientific.substr(7)) + 1;
  if (exponent < -9) {
    // Below 0.1e-9 the mantissa takes leading zeros at the smallest exponent, as a parsed
    // " 05000-9" had them; what is smaller than 0.00001e-9 is written as zero.
    const auto units = static_cast<long long>(std::llround(std::fabs(value) * 1e14));
    if (units == 0) return std::string(" 00000-0");
    return fmt::format("{}{:05}-9", sign, units);
  }
  if (exponent > 9) {
    return std::unexpected(
        ParseError{line, column, "tle_unwritable",
                   fmt::format("{} {} needs an exponent of {}; columns {}-{} hold -9 to 9", field,
                               value, exponent, column, column + 7)});
  }
  return fmt::format("{}{}{}{}{}", sign, scientific[0], scientific.substr(2, 4),
                     exponent <= 0 ? '-' : '+', std::abs(exponent));
}

std::string with_checksum(std::string line) {
  line += static_cast<char>('0' + tle_checksum(line));
  return line;
}

std::expected<std::string, ParseError> format_line1(const Tle& tle, const std::string& catalog) {
  if (tle.classification != 'U' && tle.classification != 'C' && tle.classification != 'S') {
    return std::unexpected(ParseError{1, 8, "tle_unwritable", "classification must be U, C or S"});
  }
  const std::string& designator = tle.international_designator;
  if (designator.size() > 8) {
    return std::unexpected(
        ParseError{1, 10, "tle_unwritable", "international designator has more than 8 characters"});
  }

  const CalendarDate calendar = calendar_date(tle.epoch);
  int year = calendar.year;
  int day = day_of_year(tle.epoch);
  auto fraction = fixed_units(tle.epoch.fraction, 8, 100000001);
  if (!fraction || tle.epoch.fraction >= 1.0) {
    return std::unexpected(
        ParseError{1, 21, "tle_unwritable", "epoch fraction of day must be in [0, 1)"});
  }
  if (*fraction == 100000000) {  // rounds up into the next day
    *fraction = 0;
    if (++day > days_in_year(year)) {
      day = 1;
      ++year;
    }
  }
  if (year < 1957 || year > 2056) {
    return std::unexpected(ParseError{
        1, 19, "tle_unwritable",
        fmt::format("epoch year {} is outside 1957-2056, what two digits can say", year)});
  }

  const auto ndot_units = fixed_units(std::fabs(tle.mean_motion_dot), 8, 100000000);
  if (!ndot_units) {
    return std::unexpected(ParseError{
        1, 34, "tle_unwritable",
        fmt::format("first derivative of mean motion {} does not fit columns 34-43 (|x| < 1)",
                    tle.mean_motion_dot)});
  }
  const char ndot_sign = tle.mean_motion_dot < 0.0 && *ndot_units != 0 ? '-' : ' ';
  auto nddot = ORBIT_TRY(
      format_implied_decimal(tle.mean_motion_ddot, 1, 45, "second derivative of mean motion"));
  auto bstar = ORBIT_TRY(format_implied_decimal(tle.bstar, 1, 54, "BSTAR"));
  if (tle.ephemeris_type < 0 || tle.ephemeris_type > 9) {
    return std::unexpected(ParseError{1, 63, "tle_unwritable", "ephemeris type must be 0-9"});
  }
  if (tle.element_set_number < 0 || tle.element_set_number > 9999) {
    return std::unexpected(
        ParseError{1, 65, "tle_unwritable", "element set number must be 0-9999"});
  }
  return with_checksum(fmt::format("1 {}{} {:<8} {:02}{:03}.{:08} {}.{:08} {} {} {} {:4}", catalog,
                                   tle.classification, designator, year % 100, day, *fraction,
                                   ndot_sign, *ndot_units, nddot, bstar, tle.ephemeris_type,
                                   tle.element_set_number));
}

std::expected<std::string, ParseError> format_line2(const Tle& tle, const std::string& catalog) {
  auto angle = [](double value, double max, int column,
                  std::string_view field) -> std::expected<std::string, ParseError> {
    if (!(value >= 0.0 && value <= max)) {
      return std::unexpected(
          ParseError{2, column, "tle_unwritable",
                     fmt::format("{} {} is outside 0-{} degrees", field, value, max)});
    }
    return format_fixed(value, 4, 8, 2, column, field);
  };
  auto inclination = ORBIT_TRY(angle(tle.inclination_deg, 180.0, 9, "inclination"));
  auto node =
      ORBIT_TRY(angle(tle.right_ascension_deg, 360.0, 18, "right ascension of the ascending node"));
  auto eccentricity = fixed_units(tle.eccentricity, 7, 10000000);
  if (!eccentricity) {
    return std::unexpected(
        ParseError{2, 27, "tle_unwritable",
                   fmt::format("eccentricity {} is outside 0-0.9999999", tle.eccentricity)});
  }
  auto perigee = ORBIT_TRY(angle(tle.argument_of_perigee_deg, 360.0, 35, "argument of perigee"));
  auto anomaly = ORBIT_TRY(angle(tle.mean_anomaly_deg, 360.0, 44, "mean anomaly"));
  if (!(tle.mean_motion > 0.0)) {
    return std::unexpected(
        ParseError{2, 53, "tle_unwritable", "mean motion must be greater than zero"});
  }
  auto mean_motion = ORBIT_TRY(format_fixed(tle.mean_motion, 8, 11, 2, 53, "mean motion"));
  if (tle.revolution_number < 0 || tle.revolution_number > 99999) {
    return std::unexpected(
        ParseError{2, 64, "tle_unwritable", "revolution number must be 0-99999"});
  }
  return with_checksum(fmt::format("2 {} {} {} {:07} {} {} {}{:5}", catalog, inclination, node,
                                   *eccentricity, perigee, anomaly, mean_motion,
                                   tle.revolution_number));
}

}  // namespace

int tle_checksum(std::string_view line) {
  int sum = 0;
  for (std::size_t i = 0; i < line.size() && i < kLineLength - 1; ++i) {
    if (is_digit(line[i])) sum += line[i] - '0';
    if (line[i] == '-') sum += 1;
  }
  return sum % 10;
}

std::expected<Tle, ParseError> parse_tle(std::string_view line1, std::string_view line2,
                                         const TleParseOptions& options) {
  Tle tle;
  const LineReader first(line1, options.first_line_number);
  ORBIT_TRY(parse_line1(first, options.checksums, tle));
  const LineReader second(line2, options.first_line_number + 1);
  ORBIT_TRY(parse_line2(second, options.checksums, tle));
  return tle;
}

std::expected<std::vector<Tle>, ParseError> parse_tle_file(std::string_view text,
                                                           const TleParseOptions& options) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    const auto end = text.find('\n');
    std::string_view line = text.substr(0, end);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }

  std::vector<Tle> tles;
  const int base = options.first_line_number;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const int number = base + static_cast<int>(i);
    if (trim(lines[i]).empty()) continue;
    std::string name;
    bool named = false;
    if (is_tle_line(lines[i], '2')) {
      return std::unexpected(
          ParseError{number, 1, "tle_line_number", "line 2 of an element set without its line 1"});
    }
    if (!is_tle_line(lines[i], '1')) {
      // Blanks first, then Space-Track's "0 " prefix, then blanks again: " 0 ISS" is "ISS".
      std::string_view raw = trim(lines[i]);
      if (raw.starts_with("0 ")) raw = trim(raw.substr(2));
      for (std::size_t c = 0; c < raw.size(); ++c) {
        const auto byte = static_cast<unsigned char>(raw[c]);
        if (byte < 0x20 || byte >= 0x7f) {
          return std::unexpected(
              ParseError{number, static_cast<int>(lines[i].find(raw[c]) + 1), "tle_name",
                         "a name holds printable ASCII only: a control or non-ASCII byte cannot be "
                         "written back as a name line"});
        }
      }
      if (raw.size() > kMaxNameLength) {
        return std::unexpected(ParseError{
            number, 1, "tle_name",
            fmt::format("expected line 1 of an element set or a name of at most {} characters, "
                        "found {} characters",
                        kMaxNameLength, raw.size())});
      }
      name = std::string(raw);
      named = true;
      if (++i == lines.size()) {
        return std::unexpected(ParseError{number + 1, 0, "tle_truncated",
                                          fmt::format("the file ends after the name \"{}\"; "
                                                      "expected line 1 of its element set",
                                                      name)});
      }
    }
    const int line1_number = base + static_cast<int>(i);
    if (named && !is_tle_line(lines[i], '1')) {
      return std::unexpected(ParseError{
          line1_number, 1, "tle_line_number",
          fmt::format("expected line 1 of the element set named on line {}", line1_number - 1)});
    }
    if (i + 1 == lines.size()) {
      return std::unexpected(ParseError{
          line1_number + 1, 0, "tle_truncated",
          fmt::format("the file ends after line 1 (line {}); expected its line 2", line1_number)});
    }
    TleParseOptions pair_options = options;
    pair_options.first_line_number = line1_number;
    auto tle = ORBIT_TRY(parse_tle(lines[i], lines[i + 1], pair_options));
    tle.name = std::move(name);
    tles.push_back(std::move(tle));
    ++i;
  }
  return tles;
}

std::expected<std::string, ParseError> format_catalog_number(int catalog_number) {
  if (catalog_number < 0 || catalog_number > kMaxCatalogNumber) {
    return std::unexpected(
        ParseError{0, 3, "tle_unwritable",
                   fmt::format("satellite number {} is outside 0-{} (Alpha-5 ends at Z9999)",
                               catalog_number, kMaxCatalogNumber)});
  }
  if (catalog_number < 100000) return fmt::format("{:05}", catalog_number);
  return fmt::format("{}{:04}", kAlpha5Letters[catalog_number / 10000 - 10],
                     catalog_number % 10000);
}

std::expected<TleText, ParseError> format_tle(const Tle& tle) {
  auto catalog = format_catalog_number(tle.catalog_number);
  if (!catalog) {
    ParseError error = catalog.error();
    error.line = 1;
    return std::unexpected(error);
  }
  auto line1 = ORBIT_TRY(format_line1(tle, *catalog));
  auto line2 = ORBIT_TRY(format_line2(tle, *catalog));
  return TleText{std::move(line1), std::move(line2)};
}

std::expected<std::string, ParseError> format_tle_file(std::span<const Tle> tles) {
  std::string text;
  for (const Tle& tle : tles) {
    if (tle.name.size() > kMaxNameLength) {
      return std::unexpected(ParseError{
          0, 0, "tle_unwritable",
          fmt::format("name \"{}\" is longer than {} characters", tle.name, kMaxNameLength)});
    }
    auto lines = ORBIT_TRY(format_tle(tle));
    // A name that itself begins "0 " gets the prefix the reader takes off, or it would
    // come back without its first two characters; one that begins "1 " or "2 " gets it too,
    // or it would be read as a line of an element set (both found by fuzzing).
    const bool needs_prefix =
        tle.name.starts_with("0 ") || is_tle_line(tle.name, '1') || is_tle_line(tle.name, '2');
    if (!tle.name.empty()) text += (needs_prefix ? "0 " : "") + tle.name + "\n";
    text += lines.line1 + "\n" + lines.line2 + "\n";
  }
  return text;
}

}  // namespace jingkai::orbit
