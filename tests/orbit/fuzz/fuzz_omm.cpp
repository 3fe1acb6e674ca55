// The OMM fuzz target: the same bytes are read as KVN, XML, JSON and CSV. Built into
// orbit_fuzz (the repeatable driver) and, with JINGKAI_FUZZ_LIBFUZZER defined, as a
// libFuzzer entry point of its own.
#include <fmt/format.h>

#include <cmath>
#include <stdexcept>
#include <string>
#include <string_view>

#include "fuzz_targets.hpp"
#include "orbit/omm.hpp"
#include "orbit/tle.hpp"

namespace jingkai::orbit::fuzz {
namespace {

[[noreturn]] void broken(const std::string& what) { throw std::logic_error(what); }

void check_is_orbit(const Omm& omm) {
  const double values[] = {
      omm.epoch.day,       omm.epoch.fraction,     omm.mean_motion,           omm.eccentricity,
      omm.inclination_deg, omm.ra_of_asc_node_deg, omm.arg_of_pericenter_deg, omm.mean_anomaly_deg,
      omm.bstar,           omm.mean_motion_dot,    omm.mean_motion_ddot};
  for (double value : values) {
    if (!std::isfinite(value)) broken("a parsed OMM holds a value that is not finite");
  }
  if (!(omm.eccentricity >= 0.0 && omm.eccentricity < 1.0)) {
    broken(fmt::format("parsed ECCENTRICITY {} outside [0, 1)", omm.eccentricity));
  }
  if (!(omm.mean_motion > 0.0)) broken(fmt::format("parsed MEAN_MOTION {}", omm.mean_motion));
  if (!(omm.epoch.fraction >= 0.0 && omm.epoch.fraction < 1.0)) {
    broken("parsed EPOCH fraction outside [0, 1)");
  }
  if (omm.mean_element_theory != "SGP4") broken("a theory other than SGP4 was read");
  if (omm.norad_cat_id < 0) broken("a negative NORAD_CAT_ID was read");
}

void check_tle_conversions(const Omm& omm) {
  auto tle = tle_from_omm(omm);
  if (tle && omm.object_id != "UNKNOWN") {
    auto back = omm_from_tle(
        *tle,
        {.creation_date = omm.creation_date, .originator = omm.originator, .version = omm.version});
    if (!back) broken("OMM → Tle → OMM failed: " + back.error().to_string());
    back->comments = omm.comments;
    if (!(*back == omm)) broken("OMM → Tle → OMM changed a value");
  }
  if (auto lines = format_omm_as_tle(omm)) {
    auto reread = parse_tle(lines->line1, lines->line2);
    if (!reread) broken("the TLE text of an OMM does not read back: " + reread.error().to_string());
    if (reread->catalog_number != omm.norad_cat_id) broken("the catalogue number changed");
  } else if (lines.error().code.empty()) {
    broken("an error without a code");
  }
}

}  // namespace

void fuzz_omm(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  for (OmmEncoding encoding :
       {OmmEncoding::kKvn, OmmEncoding::kXml, OmmEncoding::kJson, OmmEncoding::kCsv}) {
    auto omms = parse_omm(text, encoding);
    if (!omms) {
      if (omms.error().code.empty() || omms.error().message.empty()) {
        broken("an OMM error without code or message");
      }
      if (omms.error().line < 0 || omms.error().column < 0) broken("a negative error position");
      continue;
    }
    for (const Omm& omm : *omms) {
      check_is_orbit(omm);
      check_tle_conversions(omm);
    }
    auto written = format_omm(*omms, encoding);
    if (!written) broken("parsed OMMs cannot be written: " + written.error().to_string());
    auto reread = parse_omm(*written, encoding);
    if (!reread) broken("the library does not read its own OMM: " + reread.error().to_string());
    if (*reread != *omms) broken("parse → write → parse changed a value:\n" + *written);
  }
}

}  // namespace jingkai::orbit::fuzz

#ifdef JINGKAI_FUZZ_LIBFUZZER
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  jingkai::orbit::fuzz::fuzz_omm(data, size);
  return 0;
}
#endif
