// The keyword table, the builder every OMM reader ends in, the epoch text and the
// conversions to and from Tle. The encodings' readers and writers are in omm_kvn.cpp,
// omm_xml.cpp, omm_json.cpp and omm_csv.cpp; the checks of a whole Omm in omm_validate.cpp.
#include "orbit/omm.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <map>

#include "orbit/omm_fields.hpp"
#include "orbit/omm_keys.hpp"
#include "orbit/try.hpp"

namespace jingkai::orbit {
namespace omm_detail {
namespace {

constexpr int kMaxTleCatalogNumber = 339999;  // Z9999 in Alpha-5
constexpr std::int64_t kMicrosecondsPerDay = 86'400'000'000;

// Header and metadata: mandatory in KVN and XML; the catalogues' flat forms name only the
// object.
constexpr KeySpec text_key(Key key, std::string_view name, Section section,
                           std::string Omm::*member, bool in_catalogue = false) {
  return {key, name, section, Kind::kText, "", true, in_catalogue, nullptr, nullptr, member};
}

constexpr KeySpec decimal_key(Key key, std::string_view name, Section section,
                              std::string_view unit, double Omm::*member) {
  return {key, name, section, Kind::kDecimal, unit, true, true, member, nullptr, nullptr};
}

// EPHEMERIS_TYPE is optional (default 0): the others are what a TLE needs.
constexpr KeySpec integer_key(Key key, std::string_view name, std::string_view unit,
                              int Omm::*member, bool mandatory = true) {
  return {
      key,    name,   Section::kTleParameters, Kind::kInteger, unit, mandatory, mandatory, nullptr,
      member, nullptr};
}

// In Key order, so that spec_of can index it.
constexpr KeySpec kKeys[] = {
    text_key(Key::kVersion, "CCSDS_OMM_VERS", Section::kHeader, &Omm::version),
    {Key::kCreationDate, "CREATION_DATE", Section::kHeader, Kind::kTime, "", true, false, nullptr,
     nullptr, &Omm::creation_date},
    text_key(Key::kOriginator, "ORIGINATOR", Section::kHeader, &Omm::originator),
    text_key(Key::kObjectName, "OBJECT_NAME", Section::kMetadata, &Omm::object_name, true),
    text_key(Key::kObjectId, "OBJECT_ID", Section::kMetadata, &Omm::object_id, true),
    text_key(Key::kCenterName, "CENTER_NAME", Section::kMetadata, &Omm::center_name),
    text_key(Key::kRefFrame, "REF_FRAME", Section::kMetadata, &Omm::ref_frame),
    text_key(Key::kTimeSystem, "TIME_SYSTEM", Section::kMetadata, &Omm::time_system),
    text_key(Key::kMeanElementTheory, "MEAN_ELEMENT_THEORY", Section::kMetadata,
             &Omm::mean_element_theory),
    {Key::kEpoch, "EPOCH", Section::kMeanElements, Kind::kTime, "", true, true},
    decimal_key(Key::kMeanMotion, "MEAN_MOTION", Section::kMeanElements, "rev/day",
                &Omm::mean_motion),
    decimal_key(Key::kEccentricity, "ECCENTRICITY", Section::kMeanElements, "", &Omm::eccentricity),
    decimal_key(Key::kInclination, "INCLINATION", Section::kMeanElements, "deg",
                &Omm::inclination_deg),
    decimal_key(Key::kRaOfAscNode, "RA_OF_ASC_NODE", Section::kMeanElements, "deg",
                &Omm::ra_of_asc_node_deg),
    decimal_key(Key::kArgOfPericenter, "ARG_OF_PERICENTER", Section::kMeanElements, "deg",
                &Omm::arg_of_pericenter_deg),
    decimal_key(Key::kMeanAnomaly, "MEAN_ANOMALY", Section::kMeanElements, "deg",
                &Omm::mean_anomaly_deg),
    integer_key(Key::kEphemerisType, "EPHEMERIS_TYPE", "", &Omm::ephemeris_type, false),
    {Key::kClassificationType, "CLASSIFICATION_TYPE", Section::kTleParameters, Kind::kText, "",
     false, false},
    integer_key(Key::kNoradCatId, "NORAD_CAT_ID", "", &Omm::norad_cat_id),
    integer_key(Key::kElementSetNo, "ELEMENT_SET_NO", "", &Omm::element_set_no),
    integer_key(Key::kRevAtEpoch, "REV_AT_EPOCH", "rev", &Omm::rev_at_epoch),
    decimal_key(Key::kBstar, "BSTAR", Section::kTleParameters, "1/ER", &Omm::bstar),
    decimal_key(Key::kMeanMotionDot, "MEAN_MOTION_DOT", Section::kTleParameters, "rev/day**2",
                &Omm::mean_motion_dot),
    decimal_key(Key::kMeanMotionDdot, "MEAN_MOTION_DDOT", Section::kTleParameters, "rev/day**3",
                &Omm::mean_motion_ddot),
};

const KeySpec* find_key(std::string_view name) {
  for (const KeySpec& spec : kKeys) {
    if (spec.name == name) return &spec;
  }
  return nullptr;
}

// Keywords of the standard that an SGP4 element set does not need: read and dropped.
bool is_dropped_keyword(std::string_view name) {
  static constexpr std::string_view kDropped[] = {
      "MESSAGE_ID",      "REF_FRAME_EPOCH", "GM",         "MASS",         "SOLAR_RAD_AREA",
      "SOLAR_RAD_COEFF", "DRAG_AREA",       "DRAG_COEFF", "COV_REF_FRAME"};
  for (std::string_view dropped : kDropped) {
    if (name == dropped) return true;
  }
  if (name.starts_with("USER_DEFINED_") && name.size() > 13) return true;
  // The 21 covariance entries: CX_X, CY_DOT_X, CZ_DOT_Z_DOT, ...
  auto axis = [&](std::string_view& rest) {
    if (rest.empty() || (rest[0] != 'X' && rest[0] != 'Y' && rest[0] != 'Z')) return false;
    rest.remove_prefix(1);
    if (rest.starts_with("_DOT")) rest.remove_prefix(4);
    return true;
  };
  std::string_view rest = name;
  if (!rest.starts_with('C')) return false;
  rest.remove_prefix(1);
  if (!axis(rest) || !rest.starts_with('_')) return false;
  rest.remove_prefix(1);
  return axis(rest) && rest.empty();
}

// Keywords of the standard that belong to other theories than SGP4: refused by name.
std::optional<std::string_view> refusal_for(std::string_view name) {
  if (name == "SEMI_MAJOR_AXIS") {
    return "an SGP4 element set gives MEAN_MOTION, not SEMI_MAJOR_AXIS";
  }
  if (name == "BTERM" || name == "AGOM") return "BTERM and AGOM belong to SGP4-XP, not SGP4";
  return std::nullopt;
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Errors about a value carry its 1-based offset in `column`; the builder adds the value's
// position in the text.
ParseError value_error(int offset, std::string code, std::string message) {
  return ParseError{0, offset, std::move(code), std::move(message)};
}

// [+-]digits[.digits][(e|E)[+-]digits], a digit on at least one side of the point.
std::expected<double, ParseError> parse_decimal(std::string_view text, std::string_view key) {
  if (text.empty())
    return std::unexpected(value_error(1, "omm_number", fmt::format("{} is empty", key)));
  std::size_t i = 0;
  auto bad = [&](std::size_t at, std::string_view expected) {
    const std::string found = at < text.size() ? fmt::format("'{}'", text[at]) : "the end";
    return std::unexpected(
        value_error(static_cast<int>(at) + 1, "omm_number",
                    fmt::format("{} \"{}\" is not a number: found {} where {} belongs", key, text,
                                found, expected)));
  };
  if (text[i] == '+' || text[i] == '-') ++i;
  const std::size_t mantissa_start = i;
  std::size_t digits = 0;
  while (i < text.size() && is_digit(text[i])) ++i, ++digits;
  if (i < text.size() && text[i] == '.') {
    ++i;
    while (i < text.size() && is_digit(text[i])) ++i, ++digits;
  }
  if (digits == 0) return bad(mantissa_start, "a digit");
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
    const std::size_t exponent_start = i;
    while (i < text.size() && is_digit(text[i])) ++i;
    if (i == exponent_start) return bad(i, "a digit of the exponent");
  }
  if (i != text.size()) return bad(i, "a digit, '.' or an exponent");
  // from_chars takes no '+'; it rounds correctly, so shortest-form text reads back exactly.
  std::string_view digits_text = text[0] == '+' ? text.substr(1) : text;
  double value = 0.0;
  const auto result =
      std::from_chars(digits_text.data(), digits_text.data() + digits_text.size(), value);
  if (result.ec != std::errc{} || result.ptr != digits_text.data() + digits_text.size() ||
      !std::isfinite(value)) {
    return std::unexpected(value_error(
        1, "omm_number", fmt::format("{} \"{}\" is out of the range of a double", key, text)));
  }
  return value;
}

std::expected<std::int64_t, ParseError> parse_integer(std::string_view text, std::string_view key) {
  if (text.empty()) {
    return std::unexpected(value_error(1, "omm_integer", fmt::format("{} is empty", key)));
  }
  std::size_t i = text[0] == '+' || text[0] == '-' ? 1 : 0;
  if (i == text.size()) {
    return std::unexpected(value_error(static_cast<int>(i) + 1, "omm_integer",
                                       fmt::format("{} \"{}\" has no digits", key, text)));
  }
  for (std::size_t at = i; at < text.size(); ++at) {
    if (!is_digit(text[at])) {
      return std::unexpected(value_error(
          static_cast<int>(at) + 1, "omm_integer",
          fmt::format("{} \"{}\" is not a whole number: found '{}'", key, text, text[at])));
    }
  }
  std::int64_t value = 0;
  const auto result = std::from_chars(text.data() + i, text.data() + text.size(), value);
  if (result.ec != std::errc{} || value > kMaxNoradCatId) {
    return std::unexpected(
        value_error(1, "omm_range", fmt::format("{} {} is out of range", key, text)));
  }
  return text[0] == '-' ? -value : value;
}

std::string describe_kind(ValueKind kind) {
  switch (kind) {
    case ValueKind::kText:
      return "a string";
    case ValueKind::kNumber:
      return "a number";
    default:
      return "neither a string nor a number";
  }
}

// Sets one keyword's value from its text; range checks come after, on the whole struct.
std::expected<void, ParseError> set_value(Omm& omm, const KeySpec& spec, const Field& field) {
  const std::string_view text = field.value;
  const bool wants_number = spec.kind == Kind::kDecimal || spec.kind == Kind::kInteger;
  if (field.kind == ValueKind::kOther || (field.kind == ValueKind::kNumber && !wants_number)) {
    return std::unexpected(value_error(
        1, "omm_type",
        fmt::format("{} must be {}, found {}", spec.name, wants_number ? "a number" : "a string",
                    describe_kind(field.kind))));
  }
  if (!field.unit.empty() && !equals_ignoring_case(field.unit, spec.unit) &&
      !(spec.unit.empty() && equals_ignoring_case(field.unit, "n/a"))) {
    return std::unexpected(ParseError{
        0, -1, "omm_unit",
        spec.unit.empty()
            ? fmt::format("{} has no unit; found [{}]", spec.name, field.unit)
            : fmt::format("{} is in [{}]; found [{}]", spec.name, spec.unit, field.unit)});
  }
  if (spec.kind == Kind::kDecimal) {
    auto value = ORBIT_TRY(parse_decimal(text, spec.name));
    omm.*spec.decimal = value;
    return {};
  }
  if (spec.kind == Kind::kInteger) {
    auto value = ORBIT_TRY(parse_integer(text, spec.name));
    omm.*spec.integer = static_cast<int>(value);
    return {};
  }
  if (!is_printable_ascii(text)) {
    return std::unexpected(value_error(
        1, "omm_text", fmt::format("{} must be printable ASCII on one line", spec.name)));
  }
  if (spec.kind == Kind::kTime) {
    auto time = parse_omm_epoch(text);
    if (!time) {
      ParseError error = time.error();
      error.message = fmt::format("{}: {}", spec.name, error.message);
      return std::unexpected(error);
    }
    if (spec.key == Key::kEpoch) {
      omm.epoch = *time;
    } else {
      omm.*spec.text = std::string(text);
    }
    return {};
  }
  if (spec.key == Key::kClassificationType) {
    if (text.size() != 1) {
      return std::unexpected(value_error(
          1, "omm_classification",
          fmt::format("CLASSIFICATION_TYPE is one letter (U, C or S), found \"{}\"", text)));
    }
    omm.classification_type = text[0];
    return {};
  }
  // B-2's name for the same theory, kept under one name so that every encoding agrees.
  const bool older_sgp4_name = spec.key == Key::kMeanElementTheory && text == "SGP/SGP4";
  omm.*spec.text = older_sgp4_name ? std::string("SGP4") : std::string(text);
  return {};
}

}  // namespace

const KeySpec& spec_of(Key key) { return kKeys[static_cast<int>(key)]; }

std::string_view trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t");
  return text.substr(first, last - first + 1);
}

bool is_printable_ascii(std::string_view text) {
  for (char c : text) {
    if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) > 0x7e) return false;
  }
  return true;
}

std::string_view without_byte_order_mark(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  return text;
}

bool takes_unit(std::string_view key) {
  if (const KeySpec* spec = find_key(key)) {
    return spec->kind == Kind::kDecimal || spec->kind == Kind::kInteger;
  }
  return key != "COMMENT" && key != "MESSAGE_ID" && key != "REF_FRAME_EPOCH" &&
         key != "COV_REF_FRAME" && !key.starts_with("USER_DEFINED_");
}

std::expected<Omm, ParseError> build_omm(const Message& message, KeyPolicy policy) {
  Omm omm;
  omm.version = "3.0";
  std::map<Key, const Field*> seen;
  for (const Field& field : message.fields) {
    auto at_field = [&](ParseError error) {
      if (error.column == -1) {  // a unit error: point at the unit
        error.column = field.unit_column;
      } else {
        error.column = field.column + std::max(error.column, 1) - 1;
      }
      error.line = field.line;
      return std::unexpected(std::move(error));
    };
    if (field.key == "COMMENT") {
      if (policy == KeyPolicy::kCatalogue) continue;
      if (!is_printable_ascii(field.value)) {
        return at_field(value_error(1, "omm_text", "a COMMENT must be printable ASCII"));
      }
      omm.comments.push_back(field.value);
      continue;
    }
    const KeySpec* spec = find_key(field.key);
    const bool skipped_header =
        policy == KeyPolicy::kCatalogue && spec != nullptr && spec->section == Section::kHeader;
    if (spec == nullptr || skipped_header) {
      if (policy == KeyPolicy::kCatalogue) continue;
      if (auto refusal = refusal_for(field.key)) {
        return std::unexpected(ParseError{field.line, field.column, "omm_unknown_key",
                                          fmt::format("{}: {}", field.key, *refusal)});
      }
      if (is_dropped_keyword(field.key)) continue;
      return std::unexpected(
          ParseError{field.line, field.column, "omm_unknown_key",
                     fmt::format("\"{}\" is not a keyword of an OMM", field.key)});
    }
    if (field.section && *field.section != spec->section) {
      return std::unexpected(ParseError{field.line, field.column, "omm_xml",
                                        fmt::format("{} is in the wrong section", spec->name)});
    }
    if (auto [it, inserted] = seen.emplace(spec->key, &field); !inserted) {
      return std::unexpected(ParseError{
          field.line, field.column, "omm_duplicate_key",
          fmt::format("{} is given twice (first on line {})", spec->name, it->second->line)});
    }
    if (auto ok = set_value(omm, *spec, field); !ok) return at_field(ok.error());
  }
  for (const KeySpec& spec : kKeys) {
    const bool mandatory =
        policy == KeyPolicy::kStandard ? spec.mandatory_standard : spec.mandatory_catalogue;
    if (!mandatory || seen.contains(spec.key)) continue;
    const Location& where = message.sections[static_cast<int>(spec.section)];
    return std::unexpected(ParseError{where.line, where.column, "omm_missing_key",
                                      fmt::format("{} has no {}", where.description, spec.name)});
  }
  if (auto problem = find_problem(omm, policy)) {
    ParseError error = problem->error;
    if (auto it = seen.find(problem->key); it != seen.end()) {
      error.line = it->second->line;
      error.column = it->second->column;
    } else {
      const Location& where = message.sections[static_cast<int>(spec_of(problem->key).section)];
      error.line = where.line;
      error.column = where.column;
    }
    return std::unexpected(std::move(error));
  }
  return omm;
}

std::string format_number(double value) { return fmt::format("{}", value); }

std::vector<KeywordValue> metadata_values(const Omm& omm) {
  return {
      {"OBJECT_NAME", omm.object_name, ""}, {"OBJECT_ID", omm.object_id, ""},
      {"CENTER_NAME", omm.center_name, ""}, {"REF_FRAME", omm.ref_frame, ""},
      {"TIME_SYSTEM", omm.time_system, ""}, {"MEAN_ELEMENT_THEORY", omm.mean_element_theory, ""}};
}

std::vector<KeywordValue> mean_element_values(const Omm& omm) {
  return {{"EPOCH", format_omm_epoch(omm.epoch).value_or(""), ""},
          {"MEAN_MOTION", format_number(omm.mean_motion), "rev/day"},
          {"ECCENTRICITY", format_number(omm.eccentricity), ""},
          {"INCLINATION", format_number(omm.inclination_deg), "deg"},
          {"RA_OF_ASC_NODE", format_number(omm.ra_of_asc_node_deg), "deg"},
          {"ARG_OF_PERICENTER", format_number(omm.arg_of_pericenter_deg), "deg"},
          {"MEAN_ANOMALY", format_number(omm.mean_anomaly_deg), "deg"}};
}

std::vector<KeywordValue> tle_parameter_values(const Omm& omm) {
  return {{"EPHEMERIS_TYPE", fmt::format("{}", omm.ephemeris_type), ""},
          {"CLASSIFICATION_TYPE", std::string(1, omm.classification_type), ""},
          {"NORAD_CAT_ID", fmt::format("{}", omm.norad_cat_id), ""},
          {"ELEMENT_SET_NO", fmt::format("{}", omm.element_set_no), ""},
          {"REV_AT_EPOCH", fmt::format("{}", omm.rev_at_epoch), ""},
          {"BSTAR", format_number(omm.bstar), "1/ER"},
          {"MEAN_MOTION_DOT", format_number(omm.mean_motion_dot), "rev/day**2"},
          {"MEAN_MOTION_DDOT", format_number(omm.mean_motion_ddot), "rev/day**3"}};
}

std::vector<CatalogueValue> catalogue_values(const Omm& omm) {
  std::vector<CatalogueValue> values;
  auto add = [&](const std::vector<KeywordValue>& section) {
    for (const KeywordValue& entry : section) {
      for (std::string_view key : kCatalogueKeys) {
        if (key != entry.key) continue;
        const bool is_text = key == "OBJECT_NAME" || key == "OBJECT_ID" || key == "EPOCH" ||
                             key == "CLASSIFICATION_TYPE";
        values.push_back({key, entry.value, is_text});
      }
    }
  };
  add(metadata_values(omm));
  add(mean_element_values(omm));
  add(tle_parameter_values(omm));
  return values;
}

}  // namespace omm_detail

using omm_detail::KeyPolicy;

std::expected<JulianDate, ParseError> parse_omm_epoch(std::string_view text) {
  std::size_t i = 0;
  auto fail = [&](std::string message) {
    return std::unexpected(ParseError{0, static_cast<int>(std::min(i, text.size())) + 1,
                                      "omm_epoch", std::move(message)});
  };
  auto found = [&] {
    return i < text.size() ? fmt::format("'{}'", text[i]) : std::string("the end");
  };
  const auto format_hint = "YYYY-MM-DDThh:mm:ss[.ffffff] or YYYY-DDDThh:mm:ss[.ffffff]";
  auto number = [&](int digits) -> std::optional<int> {
    int value = 0;
    for (int n = 0; n < digits; ++n, ++i) {
      if (i >= text.size() || !omm_detail::is_digit(text[i])) return std::nullopt;
      value = value * 10 + (text[i] - '0');
    }
    return value;
  };
  auto expect = [&](char c) {
    if (i < text.size() && text[i] == c) {
      ++i;
      return true;
    }
    return false;
  };
  auto year = number(4);
  if (!year)
    return fail(fmt::format("expected a digit of the year, found {} ({})", found(), format_hint));
  if (!expect('-')) return fail(fmt::format("expected '-' after the year, found {}", found()));
  std::size_t digits = 0;
  while (i + digits < text.size() && omm_detail::is_digit(text[i + digits])) ++digits;
  int month = 0, day = 0, day_of_year_value = 0;
  if (digits == 3) {
    day_of_year_value = *number(3);
    if (day_of_year_value < 1 || day_of_year_value > days_in_year(*year)) {
      i -= 3;
      return fail(fmt::format("day {} is outside 1-{} of {}", day_of_year_value,
                              days_in_year(*year), *year));
    }
  } else if (digits == 2) {
    month = *number(2);
    if (month < 1 || month > 12) {
      i -= 2;
      return fail(fmt::format("month {} is outside 1-12", month));
    }
    if (!expect('-')) return fail(fmt::format("expected '-' after the month, found {}", found()));
    auto day_value = number(2);
    if (!day_value) return fail(fmt::format("expected two digits of the day, found {}", found()));
    day = *day_value;
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const int month_days = kDays[month - 1] + (month == 2 && is_leap_year(*year) ? 1 : 0);
    if (day < 1 || day > month_days) {
      i -= 2;
      return fail(fmt::format("day {} is outside 1-{} of {}-{:02}", day, month_days, *year, month));
    }
  } else {
    return fail(fmt::format("expected a month (MM-DD) or a day of the year (DDD), found {} ({})",
                            found(), format_hint));
  }
  if (!expect('T')) return fail(fmt::format("expected 'T' before the time, found {}", found()));
  auto field = [&](std::string_view what, int max) -> std::expected<int, ParseError> {
    const std::size_t start = i;
    auto value = number(2);
    if (!value) return fail(fmt::format("expected two digits of the {}, found {}", what, found()));
    if (*value > max) {
      i = start;
      return fail(max == 59 && what == "second"
                      ? fmt::format("second {} is outside 0-59 (an element set's epoch is never "
                                    "in a leap second)",
                                    *value)
                      : fmt::format("{} {} is outside 0-{}", what, *value, max));
    }
    return *value;
  };
  auto hour = ORBIT_TRY(field("hour", 23));
  if (!expect(':')) return fail(fmt::format("expected ':' after the hour, found {}", found()));
  auto minute = ORBIT_TRY(field("minute", 59));
  if (!expect(':')) return fail(fmt::format("expected ':' after the minute, found {}", found()));
  auto second = ORBIT_TRY(field("second", 59));
  std::int64_t microseconds = 0;
  if (expect('.')) {
    int decimals = 0;
    while (i < text.size() && omm_detail::is_digit(text[i])) {
      if (decimals < 6) {
        microseconds = microseconds * 10 + (text[i] - '0');
      } else if (text[i] != '0') {
        return fail(
            "the epoch is finer than a microsecond; six decimals of the second are read "
            "exactly, more would be rounded");
      }
      ++decimals;
      ++i;
    }
    if (decimals == 0) return fail(fmt::format("expected a digit after '.', found {}", found()));
    for (int n = decimals; n < 6; ++n) microseconds *= 10;
  }
  expect('Z');
  if (i != text.size()) return fail(fmt::format("unexpected {} after the time", found()));
  const double midnight = month > 0 ? julian_day_at_midnight(*year, month, day)
                                    : julian_day_at_midnight(*year, 1, 1) + (day_of_year_value - 1);
  microseconds += ((hour * 60LL + minute) * 60LL + second) * 1'000'000LL;
  // Both integers are exact doubles, so the quotient is the double nearest to the true
  // fraction: the same double a TLE's eight-decimal fraction gives for the same instant.
  return JulianDate{midnight, static_cast<double>(microseconds) /
                                  static_cast<double>(omm_detail::kMicrosecondsPerDay)};
}

std::expected<std::string, ParseError> format_omm_epoch(const JulianDate& epoch) {
  if (!(epoch.fraction >= 0.0 && epoch.fraction < 1.0) || !std::isfinite(epoch.day) ||
      epoch.day - std::floor(epoch.day) != 0.5) {
    return std::unexpected(ParseError{0, 0, "omm_unwritable",
                                      "EPOCH must be a Julian day ending in .5 and a fraction of "
                                      "the day in [0, 1)"});
  }
  JulianDate date = epoch;
  auto microseconds = static_cast<std::int64_t>(
      std::llround(epoch.fraction * static_cast<double>(omm_detail::kMicrosecondsPerDay)));
  if (microseconds == omm_detail::kMicrosecondsPerDay) {
    microseconds = 0;
    date.day += 1.0;
  }
  date.fraction = 0.0;
  // Julian day 1721425.5 is 1 January of year 1.
  if (date.day < 1721425.5 || date.day > 5373483.5) {
    return std::unexpected(ParseError{0, 0, "omm_unwritable", "EPOCH is outside the years 1-9999"});
  }
  const CalendarDate calendar = calendar_date(date);
  const std::int64_t seconds = microseconds / 1'000'000;
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:06}", calendar.year, calendar.month,
                     calendar.day, seconds / 3600, seconds / 60 % 60, seconds % 60,
                     microseconds % 1'000'000);
}

std::expected<std::vector<Omm>, ParseError> parse_omm(std::string_view text, OmmEncoding encoding) {
  switch (encoding) {
    case OmmEncoding::kKvn:
      return parse_omm_kvn(text);
    case OmmEncoding::kXml:
      return parse_omm_xml(text);
    case OmmEncoding::kJson:
      return parse_omm_json(text);
    default:
      return parse_omm_csv(text);
  }
}

std::expected<std::string, ParseError> format_omm(std::span<const Omm> omms, OmmEncoding encoding) {
  switch (encoding) {
    case OmmEncoding::kKvn:
      return format_omm_kvn(omms);
    case OmmEncoding::kXml:
      return format_omm_xml(omms);
    case OmmEncoding::kJson:
      return format_omm_json(omms);
    default:
      return format_omm_csv(omms);
  }
}

namespace {

bool all_digits(std::string_view text) {
  for (char c : text) {
    if (!omm_detail::is_digit(c)) return false;
  }
  return !text.empty();
}

// The piece: one to three capital letters.
bool is_piece(std::string_view text) {
  if (text.empty() || text.size() > 3) return false;
  for (char c : text) {
    if (c < 'A' || c > 'Z') return false;
  }
  return true;
}

}  // namespace

std::expected<Tle, ParseError> tle_from_omm(const Omm& omm) {
  if (auto error = omm_detail::find_invalid_value(omm, KeyPolicy::kCatalogue)) {
    return std::unexpected(*error);
  }
  Tle tle;
  const std::string_view id = omm.object_id;
  if (!id.empty() && id != "UNKNOWN") {
    // "1998-067A": four-digit launch year, launch number, piece.
    const bool shaped = id.size() >= 9 && all_digits(id.substr(0, 4)) && id[4] == '-' &&
                        all_digits(id.substr(5, 3)) && is_piece(id.substr(8));
    const int year = shaped ? std::stoi(std::string(id.substr(0, 4))) : 0;
    if (!shaped || year < 1957 || year > 2056) {
      return std::unexpected(ParseError{
          0, 0, "omm_object_id",
          fmt::format("OBJECT_ID \"{}\" is not an international designator a TLE can carry "
                      "(YYYY-NNNP, launch years 1957-2056, a piece of 1-3 letters)",
                      id)});
    }
    tle.international_designator = std::string(id.substr(2, 2)) + std::string(id.substr(5));
  }
  tle.name = omm.object_name;
  tle.catalog_number = omm.norad_cat_id;
  tle.classification = omm.classification_type;
  tle.epoch = omm.epoch;
  tle.mean_motion_dot = omm.mean_motion_dot;
  tle.mean_motion_ddot = omm.mean_motion_ddot;
  tle.bstar = omm.bstar;
  tle.ephemeris_type = omm.ephemeris_type;
  tle.element_set_number = omm.element_set_no;
  tle.inclination_deg = omm.inclination_deg;
  tle.right_ascension_deg = omm.ra_of_asc_node_deg;
  tle.eccentricity = omm.eccentricity;
  tle.argument_of_perigee_deg = omm.arg_of_pericenter_deg;
  tle.mean_anomaly_deg = omm.mean_anomaly_deg;
  tle.mean_motion = omm.mean_motion;
  tle.revolution_number = omm.rev_at_epoch;
  return tle;
}

std::expected<TleText, ParseError> format_omm_as_tle(const Omm& omm) {
  if (omm.norad_cat_id > omm_detail::kMaxTleCatalogNumber) {
    return std::unexpected(ParseError{
        0, 0, "omm_catalog_number",
        fmt::format("NORAD_CAT_ID {} does not fit a TLE: its five columns hold 0-99999, and "
                    "100000-339999 in Alpha-5 (A0000-Z9999); use the OMM",
                    omm.norad_cat_id)});
  }
  auto tle = ORBIT_TRY(tle_from_omm(omm));
  return format_tle(tle);
}

std::expected<Omm, ParseError> omm_from_tle(const Tle& tle, const OmmHeader& header) {
  Omm omm;
  omm.version = header.version;
  omm.creation_date = header.creation_date;
  omm.originator = header.originator;
  const std::string_view designator = tle.international_designator;
  if (!designator.empty()) {
    if (designator.size() < 6 || !all_digits(designator.substr(0, 5)) ||
        !is_piece(designator.substr(5))) {
      return std::unexpected(ParseError{
          0, 0, "omm_object_id",
          fmt::format("international designator \"{}\" is not of the form YYNNNP (1-3 letters)",
                      designator)});
    }
    const int two_digit_year = std::stoi(std::string(designator.substr(0, 2)));
    // As the TLE epoch: the first satellite flew in 1957.
    const int year = two_digit_year >= 57 ? 1900 + two_digit_year : 2000 + two_digit_year;
    omm.object_id = fmt::format("{}-{}", year, designator.substr(2));
  }
  omm.object_name = tle.name;
  omm.norad_cat_id = tle.catalog_number;
  omm.classification_type = tle.classification;
  omm.epoch = tle.epoch;
  omm.mean_motion_dot = tle.mean_motion_dot;
  omm.mean_motion_ddot = tle.mean_motion_ddot;
  omm.bstar = tle.bstar;
  omm.ephemeris_type = tle.ephemeris_type;
  omm.element_set_no = tle.element_set_number;
  omm.inclination_deg = tle.inclination_deg;
  omm.ra_of_asc_node_deg = tle.right_ascension_deg;
  omm.eccentricity = tle.eccentricity;
  omm.arg_of_pericenter_deg = tle.argument_of_perigee_deg;
  omm.mean_anomaly_deg = tle.mean_anomaly_deg;
  omm.mean_motion = tle.mean_motion;
  omm.rev_at_epoch = tle.revolution_number;
  if (auto error = omm_detail::find_invalid_value(omm, KeyPolicy::kCatalogue)) {
    return std::unexpected(*error);
  }
  return omm;
}

}  // namespace jingkai::orbit
