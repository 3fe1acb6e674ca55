// The OMM keywords of an SGP4 element set (internal to the orbit library): what each is and
// where its value goes in Omm, the table itself being omm.cpp's; and the check of a whole Omm
// that names the keyword at fault (omm_validate.cpp), so that the builder can point at it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "orbit/omm.hpp"
#include "orbit/omm_fields.hpp"
#include "orbit/parse_error.hpp"

namespace jingkai::orbit::omm_detail {

inline constexpr int kMaxNoradCatId = 999999999;  // the catalogue's 9-digit numbers

enum class Key {
  kVersion,
  kCreationDate,
  kOriginator,
  kObjectName,
  kObjectId,
  kCenterName,
  kRefFrame,
  kTimeSystem,
  kMeanElementTheory,
  kEpoch,
  kMeanMotion,
  kEccentricity,
  kInclination,
  kRaOfAscNode,
  kArgOfPericenter,
  kMeanAnomaly,
  kEphemerisType,
  kClassificationType,
  kNoradCatId,
  kElementSetNo,
  kRevAtEpoch,
  kBstar,
  kMeanMotionDot,
  kMeanMotionDdot,
};

enum class Kind { kText, kTime, kDecimal, kInteger };

struct KeySpec {
  Key key;
  std::string_view name;
  Section section;
  Kind kind;
  std::string_view unit;
  bool mandatory_standard;
  bool mandatory_catalogue;
  // Where the value goes (the one that fits `kind`; the epoch and classification are special).
  double Omm::*decimal = nullptr;
  int Omm::*integer = nullptr;
  std::string Omm::*text = nullptr;
};

// The keyword's entry in the table.
const KeySpec& spec_of(Key key);

// The keyword at fault in an error of find_invalid_value, for locating it.
struct Problem {
  Key key;
  ParseError error;
};

// The first value the parser would refuse, with its keyword; the header is checked only
// for kStandard.
std::optional<Problem> find_problem(const Omm& omm, KeyPolicy policy);

}  // namespace jingkai::orbit::omm_detail
