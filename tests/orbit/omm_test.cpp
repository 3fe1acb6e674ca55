// OMM and TLE, both ways: every encoding round-trips an element set to identical TLE fields,
// catalogue numbers beyond 99999 go to Alpha-5 or are refused, and an OMM propagates to the
// same state as the TLE it came from.
#include "orbit/omm.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "omm_samples.hpp"
#include "orbit/sgp4.hpp"
#include "orbit/tle.hpp"
#include "tle_samples.hpp"
#include "verification_data.hpp"

namespace jingkai::orbit {
namespace {

using testing::checksummed;
using testing::kIssLine1;
using testing::kIssLine2;
using testing::kVanguardLine1;
using testing::kVanguardLine2;
using testing::only;

constexpr OmmEncoding kEncodings[] = {OmmEncoding::kKvn, OmmEncoding::kXml, OmmEncoding::kJson,
                                      OmmEncoding::kCsv};
const OmmHeader kHeader{.creation_date = "2024-01-01T00:00:00", .originator = "JINGKAI"};

// MOLNIYA 1-36: deep space, 12 h resonance, eccentricity 0.7.
constexpr std::string_view kMolniyaLine1 =
    "1 09880U 77021A   06176.56157475  .00000421  00000-0  10000-3 0  9814";
constexpr std::string_view kMolniyaLine2 =
    "2 09880  64.5968 349.3786 7069051 270.0229  16.3320  2.00813614112380";

std::string_view name_of(OmmEncoding encoding) {
  switch (encoding) {
    case OmmEncoding::kKvn:
      return "KVN";
    case OmmEncoding::kXml:
      return "XML";
    case OmmEncoding::kJson:
      return "JSON";
    default:
      return "CSV";
  }
}

Tle tle_of(std::string_view line1, std::string_view line2, std::string name = "") {
  auto tle = parse_tle(line1, line2, {.checksums = ChecksumPolicy::kIgnore});
  EXPECT_TRUE(tle) << tle.error().to_string();
  Tle result = tle.value_or(Tle{});
  result.name = std::move(name);
  return result;
}

Omm omm_of(const Tle& tle) {
  auto omm = omm_from_tle(tle, kHeader);
  EXPECT_TRUE(omm) << omm.error().to_string();
  return omm.value_or(Omm{});
}

// TLE → OMM → text in `encoding` → OMM → TLE.
Tle through_text(const Tle& tle, OmmEncoding encoding) {
  const std::vector<Omm> omms{omm_of(tle)};
  auto text = format_omm(omms, encoding);
  EXPECT_TRUE(text) << text.error().to_string();
  if (!text) return Tle{};
  auto back = parse_omm(*text, encoding);
  EXPECT_TRUE(back) << back.error().to_string() << "\n" << *text;
  if (!back || back->size() != 1) return Tle{};
  auto result = tle_from_omm(back->front());
  EXPECT_TRUE(result) << result.error().to_string();
  return result.value_or(Tle{});
}

// ---- TLE → OMM ----

TEST(OmmFromTle, CarriesEveryFieldUnderItsKeyword) {
  const Omm omm = omm_of(tle_of(kIssLine1, kIssLine2, "ISS (ZARYA)"));
  testing::expect_iss_elements(omm);
  EXPECT_EQ(omm.creation_date, "2024-01-01T00:00:00");
  EXPECT_EQ(omm.originator, "JINGKAI");
  EXPECT_EQ(omm.version, "3.0");
}

TEST(OmmFromTle, WritesTheDesignatorWithItsFourDigitYear) {
  EXPECT_EQ(omm_of(tle_of(kVanguardLine1, kVanguardLine2)).object_id, "1958-002B");
  EXPECT_EQ(omm_of(tle_of(kIssLine1, kIssLine2)).object_id, "1998-067A");
  Tle tle = tle_of(kIssLine1, kIssLine2);
  tle.international_designator = "24001ABC";
  EXPECT_EQ(omm_of(tle).object_id, "2024-001ABC");
  tle.international_designator = "56999Z";
  EXPECT_EQ(omm_of(tle).object_id, "2056-999Z");
}

TEST(OmmFromTle, GivesAnEmptyIdForAnEmptyDesignator) {
  Tle tle = tle_of(kIssLine1, kIssLine2);
  tle.international_designator.clear();
  EXPECT_EQ(omm_of(tle).object_id, "");
}

TEST(OmmFromTle, RefusesADesignatorOfAnotherForm) {
  Tle tle = tle_of(kIssLine1, kIssLine2);
  for (const char* designator : {"98067", "9806A", "98067a", "98067ABCD"}) {
    tle.international_designator = designator;
    auto omm = omm_from_tle(tle, kHeader);
    ASSERT_FALSE(omm) << designator;
    EXPECT_EQ(omm.error().code, "omm_object_id");
  }
}

TEST(OmmFromTle, RefusesAnElementSetThatIsNoOrbit) {
  Tle tle = tle_of(kIssLine1, kIssLine2);
  tle.eccentricity = 1.0;
  auto omm = omm_from_tle(tle, kHeader);
  ASSERT_FALSE(omm);
  EXPECT_EQ(omm.error().code, "omm_eccentricity");
}

TEST(OmmFromTle, KeepsAnAlpha5CatalogueNumberAsThePlainInteger) {
  const Tle tle = tle_of(checksummed(testing::with_columns(kIssLine1, 3, "B1234").substr(0, 68)),
                         checksummed(testing::with_columns(kIssLine2, 3, "B1234").substr(0, 68)));
  ASSERT_EQ(tle.catalog_number, 111234);
  const Omm omm = omm_of(tle);
  EXPECT_EQ(omm.norad_cat_id, 111234);
  auto json = format_omm_json(std::vector<Omm>{omm});
  ASSERT_TRUE(json);
  EXPECT_NE(json->find("\"NORAD_CAT_ID\": 111234,"), std::string::npos) << *json;
}

// ---- OMM → TLE ----

TEST(TleFromOmm, TakesTheTwoDigitYearOfTheDesignator) {
  const Omm omm = only(parse_omm_kvn(testing::kIssKvn));
  auto tle = tle_from_omm(omm);
  ASSERT_TRUE(tle) << tle.error().to_string();
  EXPECT_EQ(tle->international_designator, "98067A");
  EXPECT_EQ(tle->name, "ISS (ZARYA)");
  EXPECT_EQ(tle->catalog_number, 25544);
}

TEST(TleFromOmm, GivesAnEmptyDesignatorForAnEmptyOrUnknownId) {
  Omm omm = only(parse_omm_kvn(testing::kIssKvn));
  omm.object_id = "";
  EXPECT_EQ(tle_from_omm(omm)->international_designator, "");
  omm.object_id = "UNKNOWN";
  EXPECT_EQ(tle_from_omm(omm)->international_designator, "");
}

TEST(TleFromOmm, RefusesAnIdATleCannotCarry) {
  Omm omm = only(parse_omm_kvn(testing::kIssKvn));
  for (const char* id :
       {"98067A", "1998-067", "1998-67A", "1956-001A", "2057-001A", "1998-067ABCD", "1998/067A"}) {
    omm.object_id = id;
    auto tle = tle_from_omm(omm);
    ASSERT_FALSE(tle) << id;
    EXPECT_EQ(tle.error().code, "omm_object_id") << id;
  }
}

TEST(TleFromOmm, RefusesValuesTheParserWouldRefuse) {
  Omm omm = only(parse_omm_kvn(testing::kIssKvn));
  omm.eccentricity = 1.5;
  EXPECT_EQ(tle_from_omm(omm).error().code, "omm_eccentricity");
  omm = only(parse_omm_kvn(testing::kIssKvn));
  omm.mean_motion = -1.0;
  EXPECT_EQ(tle_from_omm(omm).error().code, "omm_mean_motion");
  omm = only(parse_omm_kvn(testing::kIssKvn));
  omm.mean_element_theory = "DSST";
  EXPECT_EQ(tle_from_omm(omm).error().code, "omm_mean_element_theory");
  omm = only(parse_omm_kvn(testing::kIssKvn));
  omm.bstar = std::nan("");
  EXPECT_EQ(tle_from_omm(omm).error().code, "omm_number");
}

TEST(TleFromOmm, WritesTheCataloguesTleCharacterForCharacter) {
  auto text = format_omm_as_tle(only(parse_omm_kvn(testing::kIssKvn)));
  ASSERT_TRUE(text) << text.error().to_string();
  EXPECT_EQ(text->line1, kIssLine1);
  EXPECT_EQ(text->line2, kIssLine2);
}

// ---- catalogue numbers beyond 99999 ----

std::string catalogue_columns(int norad_cat_id) {
  Omm omm = only(parse_omm_kvn(testing::kIssKvn));
  omm.norad_cat_id = norad_cat_id;
  auto text = format_omm_as_tle(omm);
  EXPECT_TRUE(text) << text.error().to_string();
  if (!text) return "";
  EXPECT_EQ(text->line1.substr(2, 5), text->line2.substr(2, 5));
  auto back = parse_tle(text->line1, text->line2);
  EXPECT_TRUE(back) << back.error().to_string();
  EXPECT_EQ(back->catalog_number, norad_cat_id);
  return text->line1.substr(2, 5);
}

TEST(OmmCatalogueNumber, WritesFiveDigitsUpTo99999) {
  EXPECT_EQ(catalogue_columns(5), "00005");
  EXPECT_EQ(catalogue_columns(99999), "99999");
}

TEST(OmmCatalogueNumber, WritesAlpha5From100000To339999) {
  EXPECT_EQ(catalogue_columns(100000), "A0000");
  EXPECT_EQ(catalogue_columns(179999), "H9999");
  EXPECT_EQ(catalogue_columns(180000), "J0000");  // I is skipped
  EXPECT_EQ(catalogue_columns(182349), "J2349");
  EXPECT_EQ(catalogue_columns(229999), "N9999");
  EXPECT_EQ(catalogue_columns(230000), "P0000");  // O is skipped
  EXPECT_EQ(catalogue_columns(339999), "Z9999");
}

TEST(OmmCatalogueNumber, RefusesANumberBeyondAlpha5NamingIt) {
  for (int number : {340000, 999999, 999999999}) {
    Omm omm = only(parse_omm_kvn(testing::kIssKvn));
    omm.norad_cat_id = number;
    auto text = format_omm_as_tle(omm);
    ASSERT_FALSE(text) << number;
    EXPECT_EQ(text.error().code, "omm_catalog_number");
    EXPECT_NE(text.error().message.find(std::to_string(number)), std::string::npos);
    EXPECT_NE(text.error().message.find("Alpha-5"), std::string::npos);
  }
}

TEST(OmmCatalogueNumber, PropagatesANumberBeyondAlpha5AllTheSame) {
  Omm omm = only(parse_omm_kvn(testing::kIssKvn));
  omm.norad_cat_id = 800000;
  auto tle = tle_from_omm(omm);
  ASSERT_TRUE(tle) << tle.error().to_string();
  EXPECT_EQ(tle->catalog_number, 800000);
  auto sgp4 = Sgp4::create(*tle);
  ASSERT_TRUE(sgp4);
  EXPECT_TRUE(sgp4->propagate(90.0));
}

// ---- round trips ----

void expect_round_trips(const Tle& tle, std::string_view what) {
  for (OmmEncoding encoding : kEncodings) {
    EXPECT_EQ(through_text(tle, encoding), tle) << what << " through " << name_of(encoding);
  }
}

TEST(OmmRoundTrip, TleThroughEachEncodingGivesIdenticalFields) {
  expect_round_trips(tle_of(kVanguardLine1, kVanguardLine2), "Vanguard");
  expect_round_trips(tle_of(kIssLine1, kIssLine2, "ISS (ZARYA)"), "ISS");
  expect_round_trips(tle_of(kMolniyaLine1, kMolniyaLine2, "MOLNIYA 1-36"), "Molniya");
}

TEST(OmmRoundTrip, AnAlpha5TleThroughEachEncodingGivesIdenticalFields) {
  Tle tle = tle_of(kIssLine1, kIssLine2);
  tle.catalog_number = 339999;
  expect_round_trips(tle, "Z9999");
}

TEST(OmmRoundTrip, ExtremeTleValuesThroughEachEncodingGiveIdenticalFields) {
  Tle tle = tle_of(kIssLine1, kIssLine2, "X");
  tle.epoch = JulianDate{2451544.5 + 365, 0.99999999};  // 2000 December 31, last TLE tick
  tle.eccentricity = 0.9999999;
  tle.inclination_deg = 180.0;
  tle.mean_anomaly_deg = 0.0;
  tle.bstar = -0.99999e9;
  tle.mean_motion_ddot = 0.12345e-9;
  tle.element_set_number = 9999;
  tle.revolution_number = 99999;
  tle.classification = 'S';
  tle.ephemeris_type = 9;
  tle.international_designator = "";
  expect_round_trips(tle, "extremes");
}

TEST(OmmRoundTrip, EveryElementSetOfValladosVerificationSet) {
  const auto folder = testing::find_verification_data();
  if (!folder) GTEST_SKIP() << "SGP4-VER.TLE not found (python3-sgp4 not installed)";
  const auto cases = testing::read_verification_cases(testing::read_file(*folder / "SGP4-VER.TLE"));
  ASSERT_EQ(cases.size(), 33u);
  for (const auto& c : cases) {
    expect_round_trips(tle_of(c.line1, c.line2), c.line1);
  }
}

TEST(OmmRoundTrip, OmmThroughTleTextGivesIdenticalValues) {
  for (OmmEncoding encoding : kEncodings) {
    std::string text;
    switch (encoding) {
      case OmmEncoding::kKvn:
        text = std::string(testing::kIssKvn);
        break;
      case OmmEncoding::kXml:
        text = std::string(testing::kIssXml);
        break;
      case OmmEncoding::kJson:
        text = std::string(testing::kIssJson);
        break;
      default:
        text = testing::iss_csv();
    }
    const Omm omm = only(parse_omm(text, encoding));
    auto lines = format_omm_as_tle(omm);
    ASSERT_TRUE(lines) << lines.error().to_string();
    Tle tle = tle_of(lines->line1, lines->line2, omm.object_name);
    auto back = omm_from_tle(
        tle,
        {.creation_date = omm.creation_date, .originator = omm.originator, .version = omm.version});
    ASSERT_TRUE(back) << back.error().to_string();
    back->comments = omm.comments;
    // The TLE reads "-11606-4" as 0.11606 × 10⁻⁴ (two roundings, as the reference reader
    // does), which may be one ulp from the double nearest to -1.1606e-05.
    EXPECT_DOUBLE_EQ(back->bstar, omm.bstar) << name_of(encoding);
    EXPECT_DOUBLE_EQ(back->mean_motion_ddot, omm.mean_motion_ddot) << name_of(encoding);
    back->bstar = omm.bstar;
    back->mean_motion_ddot = omm.mean_motion_ddot;
    EXPECT_EQ(*back, omm) << name_of(encoding);
  }
}

TEST(OmmRoundTrip, OmmThroughTleStructGivesIdenticalValues) {
  const Omm omm = only(parse_omm_json(testing::kIssJson));
  auto tle = tle_from_omm(omm);
  ASSERT_TRUE(tle);
  auto back = omm_from_tle(*tle);
  ASSERT_TRUE(back);
  EXPECT_EQ(*back, omm);
}

TEST(OmmRoundTrip, ParseDispatchesOnTheEncoding) {
  const std::vector<Omm> omms{omm_of(tle_of(kIssLine1, kIssLine2, "ISS (ZARYA)"))};
  for (OmmEncoding encoding : kEncodings) {
    auto text = format_omm(omms, encoding);
    ASSERT_TRUE(text);
    for (OmmEncoding other : kEncodings) {
      EXPECT_EQ(static_cast<bool>(parse_omm(*text, other)), other == encoding)
          << name_of(encoding) << " read as " << name_of(other);
    }
  }
}

// ---- propagation ----

double distance_km(const std::array<double, 3>& a, const std::array<double, 3>& b) {
  return std::hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}

void expect_same_states(const Tle& from_text, const Omm& omm, std::string_view what) {
  auto tle = tle_from_omm(omm);
  ASSERT_TRUE(tle) << tle.error().to_string();
  auto expected = Sgp4::create(from_text);
  auto actual = Sgp4::create(*tle);
  ASSERT_TRUE(expected && actual) << what;
  for (double minutes : {-1440.0, 0.0, 90.0, 720.0, 1440.0, 4320.0}) {
    auto a = expected->propagate(minutes);
    auto b = actual->propagate(minutes);
    ASSERT_TRUE(a && b) << what << " at " << minutes;
    EXPECT_LT(distance_km(a->position_km, b->position_km), 1e-9) << what << " at " << minutes;
    EXPECT_LT(distance_km(a->velocity_km_s, b->velocity_km_s), 1e-12) << what << " at " << minutes;
  }
}

TEST(OmmPropagation, TheCataloguesOmmInEachEncodingGivesTheStateOfItsTle) {
  const Tle tle = tle_of(kIssLine1, kIssLine2);
  expect_same_states(tle, only(parse_omm_kvn(testing::kIssKvn)), "KVN");
  expect_same_states(tle, only(parse_omm_xml(testing::kIssXml)), "XML");
  expect_same_states(tle, only(parse_omm_json(testing::kIssJson)), "JSON");
  expect_same_states(tle, only(parse_omm_csv(testing::iss_csv())), "CSV");
}

TEST(OmmPropagation, AnExportedDeepSpaceSetGivesTheStateOfItsTle) {
  const Tle tle = tle_of(kMolniyaLine1, kMolniyaLine2);
  for (OmmEncoding encoding : kEncodings) {
    auto text = format_omm(std::vector<Omm>{omm_of(tle)}, encoding);
    ASSERT_TRUE(text);
    expect_same_states(tle, only(parse_omm(*text, encoding)), name_of(encoding));
  }
}

TEST(OmmPropagation, KeepsTheEpochToTheMicrosecondAcrossTheConversion) {
  const Omm omm = only(parse_omm_kvn(testing::kIssKvn));
  auto sgp4 = Sgp4::create(*tle_from_omm(omm));
  ASSERT_TRUE(sgp4);
  EXPECT_EQ(sgp4->epoch(), omm.epoch);
}

}  // namespace
}  // namespace jingkai::orbit
