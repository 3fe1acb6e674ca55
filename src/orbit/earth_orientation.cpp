#include "orbit/earth_orientation.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <optional>

#include "orbit/text_lines.hpp"

namespace jingkai::orbit {
namespace {

constexpr double kModifiedJulianDateOffset = 2400000.5;
constexpr double kSecondsPerMillisecond = 1e-3;
// MJD 51544 is 2000-01-01: the file's two-digit years belong to 19xx before it.
constexpr double kFirstMjdOf2000 = 51544.0;

// A fixed-column field (1-based, inclusive), with its name for errors.
struct Field {
  int first;
  int last;
  const char* name;
};

constexpr Field kYear{1, 2, "year"};
constexpr Field kMonth{3, 4, "month"};
constexpr Field kDay{5, 6, "day"};
constexpr Field kMjd{8, 15, "MJD"};
constexpr Field kPolarX{19, 27, "polar motion x"};
constexpr Field kPolarY{38, 46, "polar motion y"};
constexpr Field kUt1MinusUtc{59, 68, "UT1-UTC"};
constexpr Field kLengthOfDay{80, 86, "LOD"};

std::string_view field_text(std::string_view line, const Field& field) {
  if (line.size() < static_cast<std::size_t>(field.first)) return {};
  return line.substr(field.first - 1, field.last - field.first + 1);
}

bool is_blank(std::string_view text) {
  return text.find_first_not_of(' ') == std::string_view::npos;
}

// A number right-aligned (or anywhere) in its columns; nullopt for text that is not one.
std::optional<double> number_in(std::string_view text) {
  const std::size_t first = text.find_first_not_of(' ');
  if (first == std::string_view::npos) return std::nullopt;
  const std::size_t last = text.find_last_not_of(' ');
  text = text.substr(first, last - first + 1);
  double value = 0.0;
  const char* begin = text.data();
  if (text.starts_with('+')) ++begin;
  const auto [end, ec] = std::from_chars(begin, text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size() || !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

ParseError field_error(int line, const Field& field, std::string_view text) {
  return ParseError{line, field.first, "eop_field",
                    fmt::format("{} (columns {}-{}) is not a number: '{}'", field.name, field.first,
                                field.last, text)};
}

double linear(double a, double b, double t) { return a + (b - a) * t; }

}  // namespace

std::expected<EarthOrientation, ParseError> EarthOrientation::parse_finals(std::string_view text) {
  EarthOrientation result;
  int line_number = 0;
  for (std::string_view line; next_line(text, line);) {
    ++line_number;
    if (is_blank(line)) continue;

    const auto mjd = number_in(field_text(line, kMjd));
    if (!mjd) return std::unexpected(field_error(line_number, kMjd, field_text(line, kMjd)));
    if (*mjd != std::floor(*mjd)) {
      return std::unexpected(
          ParseError{line_number, kMjd.first, "eop_field",
                     fmt::format("MJD {} is not at 0h UTC: the finals rows are daily", *mjd)});
    }
    // The calendar date in columns 1-6 must be the MJD's, or the columns are off.
    const auto year = number_in(field_text(line, kYear));
    const auto month = number_in(field_text(line, kMonth));
    const auto day = number_in(field_text(line, kDay));
    const CalendarDate expected =
        calendar_date(JulianDate{.day = *mjd + kModifiedJulianDateOffset, .fraction = 0.0});
    const int century = *mjd < kFirstMjdOf2000 ? 1900 : 2000;
    if (!year || !month || !day || century + static_cast<int>(*year) != expected.year ||
        static_cast<int>(*month) != expected.month || static_cast<int>(*day) != expected.day) {
      return std::unexpected(ParseError{
          line_number, kYear.first, "eop_date",
          fmt::format("the date in columns 1-6 ('{}') is not MJD {} ({:04d}-{:02d}-{:02d}); "
                      "is a column shifted?",
                      field_text(line, Field{1, 6, ""}), *mjd, expected.year, expected.month,
                      expected.day)});
    }

    const std::string_view x_text = field_text(line, kPolarX);
    const std::string_view y_text = field_text(line, kPolarY);
    const std::string_view ut1_text = field_text(line, kUt1MinusUtc);
    // The file lists future days with nothing measured or predicted yet.
    if (is_blank(x_text) || is_blank(y_text) || is_blank(ut1_text)) continue;

    Row row{.mjd = *mjd, .parameters = {}};
    const auto x = number_in(x_text);
    if (!x) return std::unexpected(field_error(line_number, kPolarX, x_text));
    const auto y = number_in(y_text);
    if (!y) return std::unexpected(field_error(line_number, kPolarY, y_text));
    const auto ut1 = number_in(ut1_text);
    if (!ut1) return std::unexpected(field_error(line_number, kUt1MinusUtc, ut1_text));
    if (std::abs(*ut1) > 1.0) {
      return std::unexpected(
          ParseError{line_number, kUt1MinusUtc.first, "eop_range",
                     fmt::format("UT1-UTC of {} s is impossible: leap seconds keep it within "
                                 "0.9 s",
                                 *ut1)});
    }
    row.parameters.polar_motion_x_arcsec = *x;
    row.parameters.polar_motion_y_arcsec = *y;
    row.parameters.ut1_minus_utc_s = *ut1;
    const std::string_view lod_text = field_text(line, kLengthOfDay);
    if (!is_blank(lod_text)) {
      const auto lod = number_in(lod_text);
      if (!lod) return std::unexpected(field_error(line_number, kLengthOfDay, lod_text));
      row.parameters.length_of_day_excess_s = *lod * kSecondsPerMillisecond;
    }
    if (!result.rows_.empty() && row.mjd <= result.rows_.back().mjd) {
      return std::unexpected(
          ParseError{line_number, kMjd.first, "eop_order",
                     fmt::format("MJD {} does not come after MJD {}: rows must be in date order",
                                 row.mjd, result.rows_.back().mjd)});
    }
    result.rows_.push_back(row);
  }
  if (result.rows_.empty()) {
    return std::unexpected(
        ParseError{0, 0, "eop_empty", "no rows with polar motion and UT1-UTC in the EOP file"});
  }
  return result;
}

EarthOrientationParameters EarthOrientation::at(const JulianDate& utc) const {
  if (rows_.empty()) return {};
  // day − 2400000.5 is a whole number, so the MJD keeps the fraction's precision.
  const double mjd = (utc.day - kModifiedJulianDateOffset) + utc.fraction;
  if (mjd <= rows_.front().mjd) return rows_.front().parameters;
  if (mjd >= rows_.back().mjd) return rows_.back().parameters;
  const auto after = std::upper_bound(rows_.begin(), rows_.end(), mjd,
                                      [](double m, const Row& row) { return m < row.mjd; });
  const Row& a = *(after - 1);
  const Row& b = *after;
  const double t = (mjd - a.mjd) / (b.mjd - a.mjd);
  // A leap second at 0h of b's day makes ΔUT1 jump by a whole second there; before that
  // instant the day runs on the old offset, so interpolate towards b's value without the jump.
  const double step = std::round(b.parameters.ut1_minus_utc_s - a.parameters.ut1_minus_utc_s);
  EarthOrientationParameters p;
  p.ut1_minus_utc_s = linear(a.parameters.ut1_minus_utc_s, b.parameters.ut1_minus_utc_s - step, t);
  p.polar_motion_x_arcsec =
      linear(a.parameters.polar_motion_x_arcsec, b.parameters.polar_motion_x_arcsec, t);
  p.polar_motion_y_arcsec =
      linear(a.parameters.polar_motion_y_arcsec, b.parameters.polar_motion_y_arcsec, t);
  p.length_of_day_excess_s =
      linear(a.parameters.length_of_day_excess_s, b.parameters.length_of_day_excess_s, t);
  return p;
}

}  // namespace jingkai::orbit
