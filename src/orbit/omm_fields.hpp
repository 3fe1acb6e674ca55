// What the four OMM encodings share: each reader turns its text into keyword/value fields
// with their positions, and one builder checks and converts them, so that a value means
// the same and fails the same way whatever the encoding. Internal to the orbit library.
#pragma once

#include <array>
#include <expected>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "orbit/omm.hpp"
#include "orbit/parse_error.hpp"

namespace jingkai::orbit::omm_detail {

// Where the standard places a keyword (XML checks that a keyword sits in its section).
enum class Section { kHeader, kMetadata, kMeanElements, kTleParameters, kAny };

// JSON tells strings from numbers; the other encodings have only text.
enum class ValueKind { kText, kNumber, kOther };

struct Field {
  std::string key;
  std::string value;  // blanks around it already removed
  int line = 0;
  int column = 0;  // of the value's first character
  ValueKind kind = ValueKind::kText;
  std::string unit;  // KVN "[deg]" or XML units="deg", without brackets; empty when absent
  int unit_column = 0;
  std::optional<Section> section;  // the XML section it was found in
};

struct Location {
  int line = 0;
  int column = 0;
  std::string description;  // "the OMM that starts on line 3"
};

struct Message {
  std::vector<Field> fields;
  // Where a missing keyword of each section is reported (index: Section).
  std::array<Location, 4> sections;
};

// kStandard (KVN, XML): header and metadata keywords are mandatory, unknown keywords are
// errors. kCatalogue (JSON, CSV): the catalogues' flat form; metadata defaults to the SGP4
// values, header keywords and unknown keys are skipped.
enum class KeyPolicy { kStandard, kCatalogue };

std::expected<Omm, ParseError> build_omm(const Message& message, KeyPolicy policy);

// True for keywords whose KVN value may end in a "[unit]" (numbers; not names or times).
bool takes_unit(std::string_view key);

// The first value the parser would refuse, as an error naming the keyword (line and column
// 0); the header is checked only for kStandard.
std::optional<ParseError> find_invalid_value(const Omm& omm, KeyPolicy policy);

// For writers: the same, as an "omm_unwritable" error that names the message.
std::expected<void, ParseError> check_writable(const Omm& omm, std::size_t index, KeyPolicy policy);

// Shortest text that reads back to the same double ("15.72125391", "-1.1606e-05").
std::string format_number(double value);

// A keyword, its value as text and its unit, in the order of the standard.
struct KeywordValue {
  std::string_view key;
  std::string value;
  std::string_view unit;  // empty for none
};

std::vector<KeywordValue> metadata_values(const Omm& omm);
std::vector<KeywordValue> mean_element_values(const Omm& omm);  // epoch must be writable
std::vector<KeywordValue> tle_parameter_values(const Omm& omm);

// The seventeen keywords of CelesTrak's JSON and CSV, in its order.
inline constexpr std::array<std::string_view, 17> kCatalogueKeys = {
    "OBJECT_NAME",     "OBJECT_ID",           "EPOCH",
    "MEAN_MOTION",     "ECCENTRICITY",        "INCLINATION",
    "RA_OF_ASC_NODE",  "ARG_OF_PERICENTER",   "MEAN_ANOMALY",
    "EPHEMERIS_TYPE",  "CLASSIFICATION_TYPE", "NORAD_CAT_ID",
    "ELEMENT_SET_NO",  "REV_AT_EPOCH",        "BSTAR",
    "MEAN_MOTION_DOT", "MEAN_MOTION_DDOT"};

// The catalogue keywords' values, in kCatalogueKeys order; `is_text` tells which JSON
// writes as strings.
struct CatalogueValue {
  std::string_view key;
  std::string value;
  bool is_text = false;
};
std::vector<CatalogueValue> catalogue_values(const Omm& omm);

// Printable ASCII without control characters; what every text value must be.
bool is_printable_ascii(std::string_view text);

// `text` without leading and trailing blanks and tabs.
std::string_view trim(std::string_view text);

// A UTF-8 byte order mark at the start of a text is dropped (some servers send one).
std::string_view without_byte_order_mark(std::string_view text);

}  // namespace jingkai::orbit::omm_detail
