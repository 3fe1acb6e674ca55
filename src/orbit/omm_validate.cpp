// The checks of a whole Omm, after its values are read and before one is written: every
// value in its range, the metadata an SGP4 element set has, text that reads back.
#include <fmt/format.h>

#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "orbit/omm.hpp"
#include "orbit/omm_fields.hpp"
#include "orbit/omm_keys.hpp"

namespace jingkai::orbit::omm_detail {
std::optional<Problem> find_problem(const Omm& omm, KeyPolicy policy) {
  auto problem = [](Key key, std::string code, std::string message) {
    return Problem{key, ParseError{0, 0, std::move(code), std::move(message)}};
  };
  auto bad_text = [&](Key key, std::string_view text) -> std::optional<Problem> {
    if (is_printable_ascii(text) && trim(text) == text) return std::nullopt;
    return problem(key, "omm_text",
                   fmt::format("{} must be printable ASCII on one line, without blanks around it",
                               spec_of(key).name));
  };
  if (policy == KeyPolicy::kStandard) {
    if (omm.version != "2.0" && omm.version != "3.0") {
      return problem(
          Key::kVersion, "omm_version",
          fmt::format("CCSDS_OMM_VERS \"{}\" is not read; 2.0 and 3.0 are", omm.version));
    }
    if (!parse_omm_epoch(omm.creation_date)) {
      return problem(Key::kCreationDate, "omm_epoch",
                     fmt::format("CREATION_DATE \"{}\" is not a CCSDS time", omm.creation_date));
    }
    if (omm.originator.empty()) return problem(Key::kOriginator, "omm_text", "ORIGINATOR is empty");
    if (auto p = bad_text(Key::kOriginator, omm.originator)) return p;
    for (const std::string& comment : omm.comments) {
      if (!is_printable_ascii(comment) || trim(comment) != comment) {
        return problem(Key::kVersion, "omm_text",
                       "a COMMENT must be printable ASCII on one line, without blanks around it");
      }
    }
  }
  if (auto p = bad_text(Key::kObjectName, omm.object_name)) return p;
  if (auto p = bad_text(Key::kObjectId, omm.object_id)) return p;
  auto expect = [&](Key key, const std::string& value,
                    std::string_view wanted) -> std::optional<Problem> {
    if (value == wanted) return std::nullopt;
    return problem(key, "omm_metadata",
                   fmt::format("{} \"{}\" is not read: an SGP4 element set has {}",
                               spec_of(key).name, value, wanted));
  };
  if (omm.mean_element_theory != "SGP4") {
    return problem(Key::kMeanElementTheory, "omm_mean_element_theory",
                   fmt::format("MEAN_ELEMENT_THEORY \"{}\" is not read; only SGP4 element sets "
                               "(SGP4 or SGP/SGP4) are",
                               omm.mean_element_theory));
  }
  if (auto p = expect(Key::kCenterName, omm.center_name, "EARTH")) return p;
  if (auto p = expect(Key::kRefFrame, omm.ref_frame, "TEME")) return p;
  if (auto p = expect(Key::kTimeSystem, omm.time_system, "UTC")) return p;
  if (!format_omm_epoch(omm.epoch)) {
    return problem(Key::kEpoch, "omm_epoch",
                   "EPOCH must be a Julian day at 0h (ending in .5) of the years 1-9999 and a "
                   "fraction in [0, 1)");
  }
  if (!(omm.mean_motion > 0.0) || !std::isfinite(omm.mean_motion)) {
    return problem(
        Key::kMeanMotion, "omm_mean_motion",
        fmt::format("MEAN_MOTION {} rev/day must be greater than zero", omm.mean_motion));
  }
  if (!(omm.eccentricity >= 0.0 && omm.eccentricity < 1.0)) {
    return problem(Key::kEccentricity, "omm_eccentricity",
                   fmt::format("ECCENTRICITY {} is outside [0, 1): not an elliptical orbit",
                               omm.eccentricity));
  }
  auto angle = [&](Key key, double value, double max) -> std::optional<Problem> {
    if (value >= 0.0 && value <= max) return std::nullopt;
    return problem(key, "omm_range",
                   fmt::format("{} {} is outside 0-{} degrees", spec_of(key).name, value, max));
  };
  if (auto p = angle(Key::kInclination, omm.inclination_deg, 180.0)) return p;
  if (auto p = angle(Key::kRaOfAscNode, omm.ra_of_asc_node_deg, 360.0)) return p;
  if (auto p = angle(Key::kArgOfPericenter, omm.arg_of_pericenter_deg, 360.0)) return p;
  if (auto p = angle(Key::kMeanAnomaly, omm.mean_anomaly_deg, 360.0)) return p;
  auto range = [&](Key key, std::int64_t value, std::int64_t max) -> std::optional<Problem> {
    if (value >= 0 && value <= max) return std::nullopt;
    return problem(key, "omm_range",
                   fmt::format("{} {} is outside 0-{}", spec_of(key).name, value, max));
  };
  if (auto p = range(Key::kEphemerisType, omm.ephemeris_type, 9)) return p;
  const char classification = omm.classification_type;
  if (classification != 'U' && classification != 'C' && classification != 'S') {
    return problem(Key::kClassificationType, "omm_classification",
                   "CLASSIFICATION_TYPE must be U, C or S");
  }
  if (auto p = range(Key::kNoradCatId, omm.norad_cat_id, kMaxNoradCatId)) return p;
  if (auto p = range(Key::kElementSetNo, omm.element_set_no, 9999)) return p;
  if (auto p = range(Key::kRevAtEpoch, omm.rev_at_epoch, kMaxNoradCatId)) return p;
  auto finite = [&](Key key, double value) -> std::optional<Problem> {
    if (std::isfinite(value)) return std::nullopt;
    return problem(key, "omm_number", fmt::format("{} is not a finite number", spec_of(key).name));
  };
  if (auto p = finite(Key::kBstar, omm.bstar)) return p;
  if (auto p = finite(Key::kMeanMotionDot, omm.mean_motion_dot)) return p;
  if (auto p = finite(Key::kMeanMotionDdot, omm.mean_motion_ddot)) return p;
  return std::nullopt;
}

std::optional<ParseError> find_invalid_value(const Omm& omm, KeyPolicy policy) {
  if (auto problem = find_problem(omm, policy)) return problem->error;
  return std::nullopt;
}

std::expected<void, ParseError> check_writable(const Omm& omm, std::size_t index,
                                               KeyPolicy policy) {
  if (auto error = find_invalid_value(omm, policy)) {
    return std::unexpected(
        ParseError{0, 0, "omm_unwritable",
                   fmt::format("OMM {} ({}): {}", index + 1, error->code, error->message)});
  }
  return {};
}

}  // namespace jingkai::orbit::omm_detail
