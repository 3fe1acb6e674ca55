// OMM in JSON (CelesTrak's array of flat objects): values, Space-Track's variations, strict
// JSON with error positions, and writing.
#include <gtest/gtest.h>

#include "omm_samples.hpp"
#include "orbit/omm.hpp"

namespace jingkai::orbit {
namespace {

using testing::expect_iss_elements;
using testing::fails_at;
using testing::kIssJson;
using testing::only;
using testing::position_of;
using testing::replaced;

std::expected<std::vector<Omm>, ParseError> json_with(std::string_view from, std::string_view to) {
  return parse_omm_json(replaced(kIssJson, from, to));
}

// The sample's one object, without the array around it.
std::string iss_object() { return std::string(kIssJson.substr(1, kIssJson.size() - 2)); }

// ---- reading ----

TEST(OmmJson, ReadsEveryValueOfCelesTraksJson) {
  const Omm omm = only(parse_omm_json(kIssJson));
  expect_iss_elements(omm);
  EXPECT_EQ(omm.creation_date, "");
  EXPECT_EQ(omm.comments.size(), 0u);
}

TEST(OmmJson, ReadsALoneObject) { expect_iss_elements(only(parse_omm_json(iss_object()))); }

TEST(OmmJson, ReadsSeveralObjectsWithBlanksAndLineBreaksBetween) {
  auto omms = parse_omm_json("[\n  " + iss_object() + " ,\r\n\t" +
                             replaced(iss_object(), "25544", "25545") + "\n]\n");
  ASSERT_TRUE(omms) << omms.error().to_string();
  ASSERT_EQ(omms->size(), 2u);
  EXPECT_EQ((*omms)[1].norad_cat_id, 25545);
}

TEST(OmmJson, ReadsAnEmptyArray) {
  auto omms = parse_omm_json(" [ ] ");
  ASSERT_TRUE(omms);
  EXPECT_TRUE(omms->empty());
}

TEST(OmmJson, ReadsNumbersWrittenAsStringsAsSpaceTrackWritesThem) {
  auto text = replaced(kIssJson, "\"NORAD_CAT_ID\":25544", "\"NORAD_CAT_ID\":\"25544\"");
  text = replaced(text, "\"BSTAR\":-1.1606e-5", "\"BSTAR\":\"-0.11606E-4\"");
  expect_iss_elements(only(parse_omm_json(text)));
}

TEST(OmmJson, ReadsSpaceTracksRecordWithEveryValueAString) {
  const std::string record =
      R"j([{"CCSDS_OMM_VERS":"2.0","COMMENT":"GENERATED VIA SPACE-TRACK.ORG API",)j"
      R"j("CREATION_DATE":"2008-09-20T18:00:00","ORIGINATOR":"18 SPCS",)j"
      R"j("OBJECT_NAME":"ISS (ZARYA)","OBJECT_ID":"1998-067A","CENTER_NAME":"EARTH",)j"
      R"j("REF_FRAME":"TEME","TIME_SYSTEM":"UTC","MEAN_ELEMENT_THEORY":"SGP4",)j"
      R"j("EPOCH":"2008-09-20T12:25:40.104192","MEAN_MOTION":"15.72125391",)j"
      R"j("ECCENTRICITY":"0.00067030","INCLINATION":"51.6416","RA_OF_ASC_NODE":"247.4627",)j"
      R"j("ARG_OF_PERICENTER":"130.5360","MEAN_ANOMALY":"325.0288","EPHEMERIS_TYPE":"0",)j"
      R"j("CLASSIFICATION_TYPE":"U","NORAD_CAT_ID":"25544","ELEMENT_SET_NO":"292",)j"
      R"j("REV_AT_EPOCH":"56353","BSTAR":"-0.00001160600000","MEAN_MOTION_DOT":"-0.00002182",)j"
      R"j("MEAN_MOTION_DDOT":"0.0000000000000","SEMIMAJOR_AXIS":"6730.960","PERIOD":"91.597",)j"
      R"j("OBJECT_TYPE":"PAYLOAD","RCS_SIZE":"LARGE","DECAY_DATE":null,"GP_ID":"249487080",)j"
      R"j("TLE_LINE0":"0 ISS (ZARYA)"}])j";
  const Omm omm = only(parse_omm_json(record));
  expect_iss_elements(omm);
  EXPECT_EQ(omm.originator, "");  // the catalogue form keeps no header
}

TEST(OmmJson, SkipsKeysItDoesNotKeep) {
  expect_iss_elements(only(json_with(
      "{", R"({"CCSDS_OMM_VERS":"2.0","COMMENT":"GENERATED VIA SPACE-TRACK.ORG API",)"
           R"("CREATION_DATE":"2024-01-01T00:00:00","ORIGINATOR":"18 SPCS","DECAY_DATE":null,)"
           R"("SEMIMAJOR_AXIS":"6730.0","TLE":{"lines":[1,2]},)")));
}

TEST(OmmJson, ReadsAndChecksTheMetadataKeysWhenGiven) {
  const Omm omm =
      only(json_with("{", R"({"CENTER_NAME":"EARTH","REF_FRAME":"TEME","TIME_SYSTEM":"UTC",)"
                          R"("MEAN_ELEMENT_THEORY":"SGP4",)"));
  expect_iss_elements(omm);
  EXPECT_TRUE(fails_at(json_with("{", R"({"REF_FRAME":"J2000",)"), 1, 16, "omm_metadata"));
}

TEST(OmmJson, DecodesEscapes) {
  EXPECT_EQ(only(json_with("ISS (ZARYA)", R"(ISS \"Z\\A\/R\u0059A\")")).object_name,
            R"(ISS "Z\A/RYA")");
}

TEST(OmmJson, ReadsAByteOrderMark) {
  expect_iss_elements(only(parse_omm_json("\xEF\xBB\xBF" + std::string(kIssJson))));
}

// ---- mandatory keys and types ----

TEST(OmmJson, RefusesAMissingKeyNamingItAndTheObject) {
  auto omms = json_with("\"MEAN_MOTION\":15.72125391,", "");
  EXPECT_TRUE(fails_at(omms, 1, 2, "omm_missing_key"));
  EXPECT_EQ(omms.error().message, "the object at line 1, column 2 has no MEAN_MOTION");
}

TEST(OmmJson, RefusesEachCatalogueKeyWhenMissing) {
  for (std::string_view key :
       {"OBJECT_NAME", "OBJECT_ID", "EPOCH", "MEAN_MOTION", "ECCENTRICITY", "INCLINATION",
        "RA_OF_ASC_NODE", "ARG_OF_PERICENTER", "MEAN_ANOMALY", "NORAD_CAT_ID", "ELEMENT_SET_NO",
        "REV_AT_EPOCH", "BSTAR", "MEAN_MOTION_DOT", "MEAN_MOTION_DDOT"}) {
    std::string renamed = replaced(kIssJson, "\"" + std::string(key) + "\"", "\"X\"");
    auto omms = parse_omm_json(renamed);
    ASSERT_FALSE(omms) << key;
    EXPECT_EQ(omms.error().code, "omm_missing_key") << key;
    EXPECT_NE(omms.error().message.find(key), std::string::npos) << omms.error().message;
  }
}

TEST(OmmJson, RefusesANumberForAName) {
  EXPECT_TRUE(fails_at(json_with("\"ISS (ZARYA)\"", "25544"),
                       position_of(kIssJson, "\"ISS (ZARYA)\""), "omm_type"));
}

TEST(OmmJson, RefusesNullForAMandatoryNumber) {
  EXPECT_TRUE(
      fails_at(json_with("15.72125391", "null"), position_of(kIssJson, "15.72125391"), "omm_type"));
}

TEST(OmmJson, RefusesAStringThatIsNotANumberAtItsCharacter) {
  EXPECT_TRUE(fails_at(json_with("\"NORAD_CAT_ID\":25544", "\"NORAD_CAT_ID\":\"255x4\""),
                       position_of(kIssJson, "25544", 4), "omm_integer"));
}

TEST(OmmJson, RefusesAFractionalCatalogueNumber) {
  EXPECT_TRUE(
      fails_at(json_with("25544", "2.5544e4"), position_of(kIssJson, "25544", 1), "omm_integer"));
}

TEST(OmmJson, RefusesAKeyGivenTwice) {
  EXPECT_TRUE(fails_at(json_with("\"CLASSIFICATION_TYPE\"", "\"EPHEMERIS_TYPE\""),
                       position_of(kIssJson, "\"CLASSIFICATION_TYPE\""), "omm_duplicate_key"));
}

TEST(OmmJson, RefusesAnArrayOfSomethingElse) {
  EXPECT_TRUE(fails_at(parse_omm_json("[1]"), 1, 2, "omm_json"));
  EXPECT_TRUE(fails_at(parse_omm_json("\"x\""), 1, 1, "omm_json"));
}

// ---- values, as in every encoding ----

TEST(OmmJson, RefusesAnEccentricityOfOne) {
  EXPECT_TRUE(fails_at(json_with("0.0006703", "1"), position_of(kIssJson, "0.0006703"),
                       "omm_eccentricity"));
}

TEST(OmmJson, RefusesANegativeMeanMotion) {
  EXPECT_TRUE(fails_at(json_with("15.72125391", "-15.72125391"),
                       position_of(kIssJson, "15.72125391"), "omm_mean_motion"));
}

TEST(OmmJson, RefusesAnEpochThatDoesNotParse) {
  EXPECT_TRUE(fails_at(json_with("2008-09-20T12", "2008-09-20 12"),
                       position_of(kIssJson, "2008-09-20T12", 10), "omm_epoch"));
}

TEST(OmmJson, RefusesAnUnknownMeanElementTheory) {
  EXPECT_TRUE(fails_at(json_with("{", R"({"MEAN_ELEMENT_THEORY":"SGP4-XP",)"), 1, 26,
                       "omm_mean_element_theory"));
}

TEST(OmmJson, RefusesANameOutsidePrintableAscii) {
  EXPECT_FALSE(json_with("ISS (ZARYA)", "ISS\\n(ZARYA)"));
  EXPECT_FALSE(json_with("ISS (ZARYA)", "\xE5\x9B\xBD\xE9\x99\x85"));
}

// ---- strict JSON ----

TEST(OmmJson, RefusesATrailingComma) {
  EXPECT_TRUE(fails_at(json_with("\"MEAN_MOTION_DDOT\":0}", "\"MEAN_MOTION_DDOT\":0,}"),
                       position_of(kIssJson, "\"MEAN_MOTION_DDOT\":0}", 21), "omm_json"));
}

TEST(OmmJson, RefusesLeadingZeros) {
  EXPECT_TRUE(fails_at(json_with("\"EPHEMERIS_TYPE\":0", "\"EPHEMERIS_TYPE\":00"),
                       position_of(kIssJson, "\"EPHEMERIS_TYPE\":0", 18), "omm_json"));
}

TEST(OmmJson, RefusesAPlusSignAndABarePoint) {
  EXPECT_FALSE(json_with("15.72125391", "+15.72125391"));
  EXPECT_FALSE(json_with("15.72125391", "15."));
  EXPECT_FALSE(json_with("0.0006703", ".0006703"));
}

TEST(OmmJson, RefusesSingleQuotesAndComments) {
  EXPECT_FALSE(json_with("\"U\"", "'U'"));
  EXPECT_FALSE(parse_omm_json("// list\n" + std::string(kIssJson)));
}

TEST(OmmJson, RefusesAnUnknownEscape) { EXPECT_FALSE(json_with("ISS (ZARYA)", "ISS \\x41")); }

TEST(OmmJson, RefusesALoneSurrogate) { EXPECT_FALSE(json_with("ISS (ZARYA)", "\\ud800")); }

TEST(OmmJson, RefusesAnUnescapedControlCharacter) {
  EXPECT_FALSE(json_with("ISS (ZARYA)", "ISS\t(ZARYA)"));
}

TEST(OmmJson, RefusesBytesThatAreNotUtf8) {
  EXPECT_FALSE(json_with("ISS (ZARYA)", "ISS \xC0\xAF"));
  EXPECT_FALSE(json_with("ISS (ZARYA)", "ISS \xED\xA0\x80"));
}

TEST(OmmJson, RefusesAnythingAfterTheValue) {
  EXPECT_TRUE(fails_at(parse_omm_json("[] []"), 1, 4, "omm_json"));
}

TEST(OmmJson, RefusesATruncatedText) {
  EXPECT_FALSE(parse_omm_json(kIssJson.substr(0, kIssJson.size() - 1)));
  EXPECT_FALSE(parse_omm_json(kIssJson.substr(0, 40)));
  EXPECT_FALSE(parse_omm_json(""));
}

TEST(OmmJson, RefusesNestingBeyondTheLimitWithoutExhaustingTheStack) {
  EXPECT_FALSE(parse_omm_json(std::string(100000, '[')));
}

TEST(OmmJson, CountsLinesForErrors) {
  EXPECT_TRUE(fails_at(parse_omm_json("[\n  {\n    \"A\": tru\n  }\n]"), 3, 10, "omm_json"));
}

// ---- writing ----

TEST(OmmJson, ReadsWhatItWritesToEqualValues) {
  Omm omm = only(parse_omm_json(kIssJson));
  omm.object_name = R"(A "B" \ C)";
  const std::vector<Omm> omms{omm, only(parse_omm_json(kIssJson))};
  auto text = format_omm_json(omms);
  ASSERT_TRUE(text) << text.error().to_string();
  auto back = parse_omm_json(*text);
  ASSERT_TRUE(back) << back.error().to_string() << "\n" << *text;
  EXPECT_EQ(*back, omms);
}

TEST(OmmJson, WritesCelesTraksKeysInItsOrderWithNumbersAsNumbers) {
  auto text = format_omm_json(std::vector<Omm>{only(parse_omm_json(kIssJson))});
  ASSERT_TRUE(text);
  EXPECT_EQ(*text,
            "[\n  {\n"
            "    \"OBJECT_NAME\": \"ISS (ZARYA)\",\n"
            "    \"OBJECT_ID\": \"1998-067A\",\n"
            "    \"EPOCH\": \"2008-09-20T12:25:40.104192\",\n"
            "    \"MEAN_MOTION\": 15.72125391,\n"
            "    \"ECCENTRICITY\": 0.0006703,\n"
            "    \"INCLINATION\": 51.6416,\n"
            "    \"RA_OF_ASC_NODE\": 247.4627,\n"
            "    \"ARG_OF_PERICENTER\": 130.536,\n"
            "    \"MEAN_ANOMALY\": 325.0288,\n"
            "    \"EPHEMERIS_TYPE\": 0,\n"
            "    \"CLASSIFICATION_TYPE\": \"U\",\n"
            "    \"NORAD_CAT_ID\": 25544,\n"
            "    \"ELEMENT_SET_NO\": 292,\n"
            "    \"REV_AT_EPOCH\": 56353,\n"
            "    \"BSTAR\": -1.1606e-05,\n"
            "    \"MEAN_MOTION_DOT\": -2.182e-05,\n"
            "    \"MEAN_MOTION_DDOT\": 0\n"
            "  }\n]\n");
}

TEST(OmmJson, WritesAnEmptyArrayForNoMessages) {
  auto text = format_omm_json({});
  ASSERT_TRUE(text);
  EXPECT_EQ(*text, "[]\n");
}

TEST(OmmJson, RefusesToWriteAnEccentricityOfOne) {
  Omm omm = only(parse_omm_json(kIssJson));
  omm.eccentricity = 1.0;
  EXPECT_FALSE(format_omm_json(std::vector<Omm>{omm}));
}

TEST(OmmJson, RefusesToWriteAnotherTheory) {
  Omm omm = only(parse_omm_json(kIssJson));
  omm.mean_element_theory = "DSST";
  EXPECT_FALSE(format_omm_json(std::vector<Omm>{omm}));
}

}  // namespace
}  // namespace jingkai::orbit
