// OMM in KVN: what is read, what is refused (each with its line and column), and what is
// written.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "omm_samples.hpp"
#include "orbit/omm.hpp"

namespace jingkai::orbit {
namespace {

using testing::expect_iss_elements;
using testing::fails_at;
using testing::kIssKvn;
using testing::only;
using testing::replaced;

std::expected<std::vector<Omm>, ParseError> kvn_with(std::string_view from, std::string_view to) {
  return parse_omm_kvn(replaced(kIssKvn, from, to));
}

// ---- reading ----

TEST(OmmKvn, ReadsEveryValueOfTheCataloguesKvn) {
  const Omm omm = only(parse_omm_kvn(kIssKvn));
  expect_iss_elements(omm);
  EXPECT_EQ(omm.version, "2.0");
  EXPECT_EQ(omm.creation_date, "2008-09-20T18:00:00");
  EXPECT_EQ(omm.originator, "18 SPCS");
}

TEST(OmmKvn, KeepsCommentsWithoutTheirLeadingBlanks) {
  const Omm omm = only(parse_omm_kvn(kIssKvn));
  ASSERT_EQ(omm.comments.size(), 1u);
  EXPECT_EQ(omm.comments[0], "GENERATED VIA SPACE-TRACK.ORG API");
}

TEST(OmmKvn, ReadsCommentsAnywhereAndAnEmptyOne) {
  const Omm omm = only(kvn_with("EPOCH =", "COMMENT\nCOMMENT mean elements\nEPOCH ="));
  ASSERT_EQ(omm.comments.size(), 3u);
  EXPECT_EQ(omm.comments[1], "");
  EXPECT_EQ(omm.comments[2], "mean elements");
}

TEST(OmmKvn, ReadsUnitsInBrackets) {
  auto text = replaced(kIssKvn, "15.72125391", "15.72125391 [rev/day]");
  text = replaced(text, "51.6416", "51.6416    [deg]");
  text = replaced(text, "-.11606E-4", "-.11606E-4 [1/ER]");
  text =
      replaced(text, "MEAN_MOTION_DOT = -.00002182", "MEAN_MOTION_DOT = -.00002182 [rev/day**2]");
  text = replaced(text, "MEAN_MOTION_DDOT = 0", "MEAN_MOTION_DDOT = 0 [rev/day**3]");
  expect_iss_elements(only(parse_omm_kvn(text)));
}

TEST(OmmKvn, ReadsUnitsWhateverTheirCase) {
  expect_iss_elements(only(kvn_with("15.72125391", "15.72125391 [REV/DAY]")));
}

TEST(OmmKvn, ReadsAlignedKeywordsBlanksTabsAndCrlf) {
  std::string text = replaced(kIssKvn, "INCLINATION = ", "  INCLINATION\t  =\t");
  std::string crlf;
  for (char c : text) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  expect_iss_elements(only(parse_omm_kvn(crlf)));
}

TEST(OmmKvn, SkipsBlankLinesAndAByteOrderMark) {
  expect_iss_elements(
      only(parse_omm_kvn("\xEF\xBB\xBF" + replaced(kIssKvn, "EPOCH", "\n\n  \nEPOCH"))));
}

TEST(OmmKvn, ReadsSeveralMessagesOneAfterAnother) {
  const std::string two = std::string(kIssKvn) + "\n" + replaced(kIssKvn, "25544", "25545");
  auto omms = parse_omm_kvn(two);
  ASSERT_TRUE(omms) << omms.error().to_string();
  ASSERT_EQ(omms->size(), 2u);
  EXPECT_EQ((*omms)[0].norad_cat_id, 25544);
  EXPECT_EQ((*omms)[1].norad_cat_id, 25545);
}

TEST(OmmKvn, ReadsNothingFromAnEmptyText) {
  auto omms = parse_omm_kvn("\n  \n");
  ASSERT_TRUE(omms);
  EXPECT_TRUE(omms->empty());
}

TEST(OmmKvn, ReadsAnEmptyObjectNameAndId) {
  const Omm omm = only(kvn_with("OBJECT_NAME = ISS (ZARYA)\nOBJECT_ID = 1998-067A",
                                "OBJECT_NAME =\nOBJECT_ID =   "));
  EXPECT_EQ(omm.object_name, "");
  EXPECT_EQ(omm.object_id, "");
}

TEST(OmmKvn, KeepsBracketsAndEqualSignsInNames) {
  EXPECT_EQ(only(kvn_with("ISS (ZARYA)", "STARLINK-1 [DTC] = X")).object_name,
            "STARLINK-1 [DTC] = X");
}

TEST(OmmKvn, ReadsTheOlderTheoryNameSgpSgp4AsSgp4) {
  EXPECT_EQ(only(kvn_with("= SGP4", "= SGP/SGP4")).mean_element_theory, "SGP4");
}

TEST(OmmKvn, ReadsVersion3) { EXPECT_EQ(only(kvn_with("= 2.0", "= 3.0")).version, "3.0"); }

TEST(OmmKvn, DefaultsEphemerisTypeAndClassificationWhenLeftOut) {
  const Omm omm = only(kvn_with("EPHEMERIS_TYPE = 0\nCLASSIFICATION_TYPE = U\n", ""));
  EXPECT_EQ(omm.ephemeris_type, 0);
  EXPECT_EQ(omm.classification_type, 'U');
}

TEST(OmmKvn, AcceptsAndDropsStandardKeywordsSgp4DoesNotNeed) {
  const Omm omm = only(kvn_with("EPHEMERIS_TYPE",
                                "GM = 398600.8 [km**3/s**2]\nMASS = 420000 [kg]\nCX_X = 1e-3\n"
                                "CZ_DOT_Z_DOT = 1e-9\nUSER_DEFINED_OWNER = NASA\nEPHEMERIS_TYPE"));
  expect_iss_elements(omm);
}

// ---- a missing keyword names itself and the message's first line ----

TEST(OmmKvn, RefusesAMissingMeanMotionNamingItAndTheLine) {
  auto omms = kvn_with("MEAN_MOTION = 15.72125391\n", "");
  EXPECT_TRUE(fails_at(omms, 1, 0, "omm_missing_key"));
  EXPECT_NE(omms.error().message.find("MEAN_MOTION"), std::string::npos);
}

TEST(OmmKvn, RefusesAMissingKeywordInTheSecondMessageNamingItsLine) {
  const std::string two =
      std::string(kIssKvn) + "\n" + replaced(kIssKvn, "BSTAR = -.11606E-4\n", "");
  auto omms = parse_omm_kvn(two);
  EXPECT_TRUE(fails_at(omms, 27, 0, "omm_missing_key"));
  EXPECT_NE(omms.error().message.find("BSTAR"), std::string::npos);
}

TEST(OmmKvn, RefusesEachMandatoryKeywordWhenMissing) {
  for (std::string_view key :
       {"CREATION_DATE",   "ORIGINATOR",        "OBJECT_NAME",  "OBJECT_ID",
        "CENTER_NAME",     "REF_FRAME",         "TIME_SYSTEM",  "MEAN_ELEMENT_THEORY",
        "EPOCH",           "MEAN_MOTION",       "ECCENTRICITY", "INCLINATION",
        "RA_OF_ASC_NODE",  "ARG_OF_PERICENTER", "MEAN_ANOMALY", "NORAD_CAT_ID",
        "ELEMENT_SET_NO",  "REV_AT_EPOCH",      "BSTAR",        "MEAN_MOTION_DOT",
        "MEAN_MOTION_DDOT"}) {
    std::string text(kIssKvn);
    const auto start = text.find("\n" + std::string(key) + " ") + 1;
    text.erase(start, text.find('\n', start) - start + 1);
    auto omms = parse_omm_kvn(text);
    ASSERT_FALSE(omms) << key;
    EXPECT_EQ(omms.error().code, "omm_missing_key") << key;
    EXPECT_EQ(omms.error().message, fmt::format("the OMM that starts on line 1 has no {}", key));
  }
}

// ---- malformed values name line and column ----

TEST(OmmKvn, RefusesAMalformedNumberAtItsLineAndColumn) {
  EXPECT_TRUE(fails_at(kvn_with(".0006703", ".00x6703"), 13, 19, "omm_number"));
}

TEST(OmmKvn, RefusesTwoPointsInANumber) {
  EXPECT_TRUE(fails_at(kvn_with("51.6416", "51.64.16"), 14, 20, "omm_number"));
}

TEST(OmmKvn, RefusesAnExponentWithoutDigits) {
  EXPECT_TRUE(fails_at(kvn_with("-.11606E-4", "-.11606E-"), 23, 18, "omm_number"));
}

TEST(OmmKvn, RefusesAnEmptyNumber) {
  EXPECT_TRUE(fails_at(kvn_with("= 51.6416", "="), 14, 14, "omm_number"));
}

TEST(OmmKvn, RefusesNanAndInfinity) {
  EXPECT_TRUE(fails_at(kvn_with("= 51.6416", "= nan"), 14, 15, "omm_number"));
  EXPECT_TRUE(fails_at(kvn_with("= -.11606E-4", "= inf"), 23, 9, "omm_number"));
}

TEST(OmmKvn, RefusesANumberBeyondTheRangeOfADouble) {
  EXPECT_TRUE(fails_at(kvn_with("-.11606E-4", "1e999"), 23, 9, "omm_number"));
}

TEST(OmmKvn, RefusesAFractionalCatalogueNumber) {
  EXPECT_TRUE(fails_at(kvn_with("= 25544", "= 25544.0"), 20, 21, "omm_integer"));
}

TEST(OmmKvn, RefusesAWrongUnitPointingAtIt) {
  EXPECT_TRUE(fails_at(kvn_with("51.6416", "51.6416 [rad]"), 14, 23, "omm_unit"));
}

TEST(OmmKvn, RefusesAUnitOnAKeywordWithout) {
  EXPECT_TRUE(fails_at(kvn_with(".0006703", ".0006703 [deg]"), 13, 25, "omm_unit"));
}

TEST(OmmKvn, RefusesAnUnclosedUnit) {
  EXPECT_TRUE(fails_at(kvn_with("51.6416", "51.6416 deg]"), 14, 26, "omm_kvn"));
}

TEST(OmmKvn, RefusesALineWithoutEquals) {
  EXPECT_TRUE(fails_at(kvn_with("INCLINATION = ", "INCLINATION  "), 14, 14, "omm_kvn"));
}

TEST(OmmKvn, RefusesALowerCaseKeyword) {
  EXPECT_TRUE(fails_at(kvn_with("INCLINATION", "inclination"), 14, 1, "omm_kvn"));
}

TEST(OmmKvn, RefusesAnEpochThatDoesNotParseAtItsColumn) {
  EXPECT_TRUE(fails_at(kvn_with("2008-09-20T12", "2008-09-31T12"), 11, 17, "omm_epoch"));
}

TEST(OmmKvn, RefusesACreationDateThatIsNotATime) {
  EXPECT_TRUE(fails_at(kvn_with("2008-09-20T18:00:00", "yesterday"), 3, 17, "omm_epoch"));
}

TEST(OmmKvn, RefusesNonAsciiBytesAtTheirColumn) {
  EXPECT_TRUE(fails_at(kvn_with("ISS (ZARYA)", "ISS \xE2\x80\x94 ZARYA"), 5, 19, "omm_kvn"));
}

TEST(OmmKvn, RefusesAClassificationOfMoreThanOneLetter) {
  EXPECT_TRUE(fails_at(kvn_with("CLASSIFICATION_TYPE = U", "CLASSIFICATION_TYPE = UC"), 19, 23,
                       "omm_classification"));
}

// ---- values that would make a wrong orbit ----

TEST(OmmKvn, RefusesAnEccentricityOfOne) {
  auto omms = kvn_with(".0006703", "1.0");
  EXPECT_TRUE(fails_at(omms, 13, 16, "omm_eccentricity"));
}

TEST(OmmKvn, RefusesANegativeEccentricity) {
  EXPECT_TRUE(fails_at(kvn_with(".0006703", "-.0006703"), 13, 16, "omm_eccentricity"));
}

TEST(OmmKvn, RefusesANegativeMeanMotion) {
  EXPECT_TRUE(fails_at(kvn_with("15.72125391", "-15.72125391"), 12, 15, "omm_mean_motion"));
}

TEST(OmmKvn, RefusesAZeroMeanMotion) {
  EXPECT_TRUE(fails_at(kvn_with("15.72125391", "0"), 12, 15, "omm_mean_motion"));
}

TEST(OmmKvn, RefusesAnInclinationBeyond180Degrees) {
  EXPECT_TRUE(fails_at(kvn_with("51.6416", "180.5"), 14, 15, "omm_range"));
}

TEST(OmmKvn, RefusesAnAngleBeyond360Degrees) {
  EXPECT_TRUE(fails_at(kvn_with("325.0288", "365.0288"), 17, 16, "omm_range"));
}

TEST(OmmKvn, RefusesAnEphemerisTypeOf10) {
  EXPECT_TRUE(fails_at(kvn_with("EPHEMERIS_TYPE = 0", "EPHEMERIS_TYPE = 10"), 18, 18, "omm_range"));
}

TEST(OmmKvn, RefusesAnElementSetNumberBeyond9999) {
  EXPECT_TRUE(fails_at(kvn_with("= 292", "= 10000"), 21, 18, "omm_range"));
}

TEST(OmmKvn, RefusesANegativeCatalogueNumber) {
  EXPECT_TRUE(fails_at(kvn_with("= 25544", "= -25544"), 20, 16, "omm_range"));
}

TEST(OmmKvn, RefusesACatalogueNumberBeyondNineDigits) {
  EXPECT_TRUE(fails_at(kvn_with("= 25544", "= 1000000000"), 20, 16, "omm_range"));
}

TEST(OmmKvn, ReadsANineDigitCatalogueNumber) {
  EXPECT_EQ(only(kvn_with("= 25544", "= 999999999")).norad_cat_id, 999999999);
}

TEST(OmmKvn, RefusesAnUnknownMeanElementTheory) {
  auto omms = kvn_with("= SGP4", "= DSST");
  EXPECT_TRUE(fails_at(omms, 10, 23, "omm_mean_element_theory"));
  EXPECT_NE(omms.error().message.find("DSST"), std::string::npos);
}

TEST(OmmKvn, RefusesSgp4XpWhoseElementsSgp4CannotPropagate) {
  EXPECT_TRUE(fails_at(kvn_with("= SGP4", "= SGP4-XP"), 10, 23, "omm_mean_element_theory"));
}

TEST(OmmKvn, RefusesAnotherFrameCentreOrTimeSystem) {
  EXPECT_TRUE(fails_at(kvn_with("= TEME", "= GCRF"), 8, 13, "omm_metadata"));
  EXPECT_TRUE(fails_at(kvn_with("= EARTH", "= MOON"), 7, 15, "omm_metadata"));
  EXPECT_TRUE(fails_at(kvn_with("= UTC", "= TAI"), 9, 15, "omm_metadata"));
}

TEST(OmmKvn, RefusesAnUnreadVersion) {
  EXPECT_TRUE(fails_at(kvn_with("= 2.0", "= 1.0"), 1, 18, "omm_version"));
}

// ---- keywords ----

TEST(OmmKvn, RefusesAnUnknownKeyword) {
  EXPECT_TRUE(
      fails_at(kvn_with("EPHEMERIS_TYPE = 0", "EPHEMERIS_TYP = 0"), 18, 17, "omm_unknown_key"));
}

TEST(OmmKvn, RefusesSemiMajorAxisSayingWhy) {
  auto omms = kvn_with("MEAN_MOTION = 15.72125391", "SEMI_MAJOR_AXIS = 6730.0");
  EXPECT_TRUE(fails_at(omms, 12, 19, "omm_unknown_key"));
  EXPECT_NE(omms.error().message.find("MEAN_MOTION"), std::string::npos);
}

TEST(OmmKvn, RefusesAKeywordGivenTwice) {
  EXPECT_TRUE(
      fails_at(kvn_with("INCLINATION = 51.6416", "INCLINATION = 51.6416\nINCLINATION = 51.6"), 15,
               15, "omm_duplicate_key"));
}

TEST(OmmKvn, RefusesKeywordsBeforeTheVersionLine) {
  EXPECT_TRUE(fails_at(parse_omm_kvn("ORIGINATOR = X\n" + std::string(kIssKvn)), 1, 1, "omm_kvn"));
}

TEST(OmmKvn, RefusesAnOmmOfAnotherMessageType) {
  EXPECT_TRUE(fails_at(kvn_with("CCSDS_OMM_VERS", "CCSDS_OPM_VERS"), 1, 1, "omm_kvn"));
}

// ---- writing ----

TEST(OmmKvn, ReadsWhatItWritesToEqualValues) {
  const Omm omm = only(parse_omm_kvn(kIssKvn));
  const std::vector<Omm> omms{omm, omm};
  auto text = format_omm_kvn(omms);
  ASSERT_TRUE(text) << text.error().to_string();
  auto back = parse_omm_kvn(*text);
  ASSERT_TRUE(back) << back.error().to_string() << "\n" << *text;
  EXPECT_EQ(*back, omms);
}

TEST(OmmKvn, WritesKeywordsWithUnits) {
  auto text = format_omm_kvn(std::vector<Omm>{only(parse_omm_kvn(kIssKvn))});
  ASSERT_TRUE(text);
  EXPECT_NE(text->find("MEAN_MOTION         = 15.72125391 [rev/day]\n"), std::string::npos)
      << *text;
  EXPECT_NE(text->find("ECCENTRICITY        = 0.0006703\n"), std::string::npos) << *text;
  EXPECT_NE(text->find("BSTAR               = -1.1606e-05 [1/ER]\n"), std::string::npos) << *text;
  EXPECT_NE(text->find("EPOCH               = 2008-09-20T12:25:40.104192\n"), std::string::npos);
  EXPECT_NE(text->find("COMMENT GENERATED VIA SPACE-TRACK.ORG API\n"), std::string::npos);
}

TEST(OmmKvn, WritesAnEmptyNameThatReadsBackEmpty) {
  Omm omm = only(parse_omm_kvn(kIssKvn));
  omm.object_name.clear();
  auto text = format_omm_kvn(std::vector<Omm>{omm});
  ASSERT_TRUE(text);
  EXPECT_EQ(only(parse_omm_kvn(*text)).object_name, "");
}

TEST(OmmKvn, RefusesToWriteWithoutCreationDateOrOriginator) {
  Omm omm = only(parse_omm_kvn(kIssKvn));
  omm.creation_date.clear();
  auto text = format_omm_kvn(std::vector<Omm>{omm});
  ASSERT_FALSE(text);
  EXPECT_EQ(text.error().code, "omm_unwritable");
  EXPECT_NE(text.error().message.find("CREATION_DATE"), std::string::npos);
  omm = only(parse_omm_kvn(kIssKvn));
  omm.originator.clear();
  EXPECT_FALSE(format_omm_kvn(std::vector<Omm>{omm}));
}

TEST(OmmKvn, RefusesToWriteAnEccentricityOfOneNamingTheMessage) {
  Omm omm = only(parse_omm_kvn(kIssKvn));
  omm.eccentricity = 1.0;
  const std::vector<Omm> omms{only(parse_omm_kvn(kIssKvn)), omm};
  auto text = format_omm_kvn(omms);
  ASSERT_FALSE(text);
  EXPECT_EQ(text.error().code, "omm_unwritable");
  EXPECT_NE(text.error().message.find("OMM 2"), std::string::npos) << text.error().message;
  EXPECT_NE(text.error().message.find("ECCENTRICITY"), std::string::npos);
}

TEST(OmmKvn, RefusesToWriteANameWithALineBreak) {
  Omm omm = only(parse_omm_kvn(kIssKvn));
  omm.object_name = "ISS\nEPOCH = 2020-01-01T00:00:00";
  EXPECT_FALSE(format_omm_kvn(std::vector<Omm>{omm}));
}

TEST(OmmKvn, RefusesToWriteANameWithBlanksAroundIt) {
  Omm omm = only(parse_omm_kvn(kIssKvn));
  omm.object_name = " ISS";
  EXPECT_FALSE(format_omm_kvn(std::vector<Omm>{omm}));
}

}  // namespace
}  // namespace jingkai::orbit
