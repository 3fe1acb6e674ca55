// OMM in XML (the CCSDS NDM/XML layout): structure, values, errors with their positions,
// and writing.
#include <gtest/gtest.h>

#include "omm_samples.hpp"
#include "orbit/omm.hpp"

namespace jingkai::orbit {
namespace {

using testing::expect_iss_elements;
using testing::fails_at;
using testing::kIssXml;
using testing::only;
using testing::position_of;
using testing::replaced;

std::expected<std::vector<Omm>, ParseError> xml_with(std::string_view from, std::string_view to) {
  return parse_omm_xml(replaced(kIssXml, from, to));
}

// The sample's <omm> element alone, as a standalone message.
std::string lone_omm() {
  const std::string text(kIssXml);
  const auto start = text.find("<omm ");
  const auto end = text.find("</omm>") + 6;
  return text.substr(start, end - start);
}

// ---- reading ----

TEST(OmmXml, ReadsEveryValueOfTheCataloguesXml) {
  const Omm omm = only(parse_omm_xml(kIssXml));
  expect_iss_elements(omm);
  EXPECT_EQ(omm.version, "2.0");
  EXPECT_EQ(omm.creation_date, "2008-09-20T18:00:00");
  EXPECT_EQ(omm.originator, "18 SPCS");
}

TEST(OmmXml, ReadsThePrettyPrintedLayoutWithSchemaAttributes) {
  constexpr std::string_view kPretty = R"x(<?xml version="1.0" encoding="UTF-8"?>
<ndm xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="ndmxml.xsd">
  <omm id="CCSDS_OMM_VERS" version="2.0">
    <header>
      <CREATION_DATE>2008-09-20T18:00:00</CREATION_DATE>
      <ORIGINATOR>18 SPCS</ORIGINATOR>
    </header>
    <body>
      <segment>
        <metadata>
          <OBJECT_NAME>ISS (ZARYA)</OBJECT_NAME>
          <OBJECT_ID>1998-067A</OBJECT_ID>
          <CENTER_NAME>EARTH</CENTER_NAME>
          <REF_FRAME>TEME</REF_FRAME>
          <TIME_SYSTEM>UTC</TIME_SYSTEM>
          <MEAN_ELEMENT_THEORY>SGP4</MEAN_ELEMENT_THEORY>
        </metadata>
        <data>
          <meanElements>
            <EPOCH>2008-09-20T12:25:40.104192</EPOCH>
            <MEAN_MOTION>15.72125391</MEAN_MOTION>
            <ECCENTRICITY>.0006703</ECCENTRICITY>
            <INCLINATION>51.6416</INCLINATION>
            <RA_OF_ASC_NODE>247.4627</RA_OF_ASC_NODE>
            <ARG_OF_PERICENTER>130.5360</ARG_OF_PERICENTER>
            <MEAN_ANOMALY>325.0288</MEAN_ANOMALY>
          </meanElements>
          <tleParameters>
            <EPHEMERIS_TYPE>0</EPHEMERIS_TYPE>
            <CLASSIFICATION_TYPE>U</CLASSIFICATION_TYPE>
            <NORAD_CAT_ID>25544</NORAD_CAT_ID>
            <ELEMENT_SET_NO>292</ELEMENT_SET_NO>
            <REV_AT_EPOCH>56353</REV_AT_EPOCH>
            <BSTAR>-.11606E-4</BSTAR>
            <MEAN_MOTION_DOT>-2.182E-5</MEAN_MOTION_DOT>
            <MEAN_MOTION_DDOT>0</MEAN_MOTION_DDOT>
          </tleParameters>
        </data>
      </segment>
    </body>
  </omm>
</ndm>
)x";
  expect_iss_elements(only(parse_omm_xml(kPretty)));
}

TEST(OmmXml, ReadsALoneOmmWithoutNdm) { expect_iss_elements(only(parse_omm_xml(lone_omm()))); }

TEST(OmmXml, ReadsSeveralOmmsOfOneNdm) {
  const std::string omm = lone_omm();
  auto omms = parse_omm_xml("<ndm>" + omm + "\n" + replaced(omm, "25544", "25545") + "</ndm>");
  ASSERT_TRUE(omms) << omms.error().to_string();
  ASSERT_EQ(omms->size(), 2u);
  EXPECT_EQ((*omms)[1].norad_cat_id, 25545);
}

TEST(OmmXml, ReadsAnEmptyNdm) {
  auto omms = parse_omm_xml("<ndm></ndm>");
  ASSERT_TRUE(omms);
  EXPECT_TRUE(omms->empty());
}

TEST(OmmXml, ReadsUnitsAttributes) {
  auto text = replaced(kIssXml, "<MEAN_MOTION>", "<MEAN_MOTION units=\"rev/day\">");
  text = replaced(text, "<INCLINATION>", "<INCLINATION units='deg'>");
  text = replaced(text, "<BSTAR>", "<BSTAR units=\"1/ER\">");
  expect_iss_elements(only(parse_omm_xml(text)));
}

TEST(OmmXml, ReadsCommentsOfEachSection) {
  auto text = replaced(kIssXml, "<header>", "<header><COMMENT>one</COMMENT>");
  text = replaced(text, "<data>", "<data><COMMENT> two </COMMENT>");
  text = replaced(text, "<tleParameters>", "<tleParameters><COMMENT>three</COMMENT>");
  const Omm omm = only(parse_omm_xml(text));
  EXPECT_EQ(omm.comments, (std::vector<std::string>{"one", "two", "three"}));
}

TEST(OmmXml, DecodesEntityAndCharacterReferences) {
  EXPECT_EQ(only(xml_with("ISS (ZARYA)", "A&amp;B &lt;&#49;&#x32;&gt; &quot;&apos;")).object_name,
            "A&B <12> \"'");
}

TEST(OmmXml, ReadsCdataAndSkipsCommentsAndProcessingInstructions) {
  auto text = replaced(kIssXml, "ISS (ZARYA)", "<![CDATA[ISS <ZARYA>]]>");
  text = replaced(text, "<EPOCH>", "<!-- the epoch --><?note x?><EPOCH>");
  EXPECT_EQ(only(parse_omm_xml(text)).object_name, "ISS <ZARYA>");
}

TEST(OmmXml, ReadsValuesOnTheirOwnLines) {
  expect_iss_elements(only(xml_with("<INCLINATION>51.6416<", "<INCLINATION>\n  51.6416\n<")));
}

TEST(OmmXml, ReadsEmptyAndSelfClosedNames) {
  const Omm omm =
      only(xml_with("<OBJECT_NAME>ISS (ZARYA)</OBJECT_NAME><OBJECT_ID>1998-067A</OBJECT_ID>",
                    "<OBJECT_NAME/><OBJECT_ID></OBJECT_ID>"));
  EXPECT_EQ(omm.object_name, "");
  EXPECT_EQ(omm.object_id, "");
}

TEST(OmmXml, SkipsTheBlocksSgp4DoesNotNeed) {
  auto text =
      replaced(kIssXml, "<tleParameters>",
               "<spacecraftParameters><MASS>1</MASS></spacecraftParameters><tleParameters>");
  text = replaced(text, "</tleParameters>",
                  "</tleParameters><userDefinedParameters><USER_DEFINED parameter=\"X\">1"
                  "</USER_DEFINED></userDefinedParameters>");
  expect_iss_elements(only(parse_omm_xml(text)));
}

// ---- structure ----

TEST(OmmXml, RefusesAMissingKeywordNamingItAndItsSection) {
  auto omms = xml_with("<MEAN_MOTION>15.72125391</MEAN_MOTION>", "");
  EXPECT_TRUE(fails_at(omms, position_of(kIssXml, "<meanElements>"), "omm_missing_key"));
  EXPECT_NE(omms.error().message.find("MEAN_MOTION"), std::string::npos);
  EXPECT_NE(omms.error().message.find("<meanElements>"), std::string::npos);
}

TEST(OmmXml, RefusesAMissingTleParametersBlockNamingAKeywordOfIt) {
  const std::string text(kIssXml);
  const auto start = text.find("<tleParameters>");
  const auto end = text.find("</tleParameters>") + 16;
  auto omms = parse_omm_xml(text.substr(0, start) + text.substr(end));
  EXPECT_TRUE(fails_at(omms, position_of(kIssXml, "<data>"), "omm_missing_key"));
  EXPECT_NE(omms.error().message.find("NORAD_CAT_ID"), std::string::npos);
}

TEST(OmmXml, RefusesAMissingHeader) {
  const std::string text(kIssXml);
  const auto start = text.find("<header>");
  const auto end = text.find("</header>") + 9;
  auto omms = parse_omm_xml(text.substr(0, start) + text.substr(end));
  EXPECT_TRUE(fails_at(omms, position_of(kIssXml, "<body>"), "omm_xml"));
}

TEST(OmmXml, RefusesAKeywordInTheWrongSection) {
  EXPECT_TRUE(fails_at(xml_with("<OBJECT_NAME>", "<BSTAR>0</BSTAR><OBJECT_NAME>"),
                       position_of(kIssXml, "<OBJECT_NAME>", 7), "omm_xml"));
}

TEST(OmmXml, RefusesAnUnknownKeyword) {
  EXPECT_TRUE(fails_at(xml_with("<BSTAR>", "<DRAG>1</DRAG><BSTAR>"),
                       position_of(kIssXml, "<BSTAR>", 6), "omm_unknown_key"));
}

TEST(OmmXml, RefusesTextBesideElements) {
  EXPECT_TRUE(fails_at(xml_with("<metadata>", "<metadata>oops"),
                       position_of(kIssXml, "<metadata>", 10), "omm_xml"));
}

TEST(OmmXml, RefusesAnotherMessageInTheNdm) {
  EXPECT_TRUE(fails_at(xml_with("<omm ", "<opm/><omm "), position_of(kIssXml, "<omm "), "omm_xml"));
}

TEST(OmmXml, RefusesAnotherRoot) {
  EXPECT_TRUE(fails_at(parse_omm_xml("<opm/>"), 1, 1, "omm_xml"));
}

TEST(OmmXml, RefusesAnOmmWithoutItsVersion) {
  EXPECT_TRUE(
      fails_at(xml_with(" version=\"2.0\"", ""), position_of(kIssXml, "<omm "), "omm_missing_key"));
}

TEST(OmmXml, RefusesAnUnreadVersionAtTheAttribute) {
  EXPECT_TRUE(fails_at(xml_with("version=\"2.0\"", "version=\"9.9\""),
                       position_of(kIssXml, "\"2.0\">", 1), "omm_version"));
}

TEST(OmmXml, RefusesAnAttributeOtherThanUnitsOnAKeyword) {
  EXPECT_TRUE(fails_at(xml_with("<BSTAR>", "<BSTAR scale=\"1\">"),
                       position_of(kIssXml, "<BSTAR>", 14), "omm_xml"));
}

// ---- the XML itself ----

TEST(OmmXml, RefusesAMismatchedClosingTagAtIt) {
  EXPECT_TRUE(fails_at(xml_with("</INCLINATION>", "</INCLINATIONS>"),
                       position_of(kIssXml, "</INCLINATION>", 2), "omm_xml"));
}

TEST(OmmXml, RefusesATextThatEndsInsideAnElement) {
  const std::string text(kIssXml);
  EXPECT_FALSE(parse_omm_xml(text.substr(0, text.find("</tleParameters>"))));
}

TEST(OmmXml, RefusesADoctypeAndItsEntities) {
  auto omms = parse_omm_xml("<?xml version=\"1.0\"?>\n<!DOCTYPE ndm [<!ENTITY x \"y\">]>\n<ndm/>");
  EXPECT_TRUE(fails_at(omms, 2, 1, "omm_xml"));
}

TEST(OmmXml, RefusesAnUnknownEntity) {
  EXPECT_TRUE(
      fails_at(xml_with("ISS (ZARYA)", "ISS &nbsp;"), position_of(kIssXml, "ISS (", 5), "omm_xml"));
}

TEST(OmmXml, RefusesABareAmpersand) { EXPECT_FALSE(xml_with("ISS (ZARYA)", "A & B")); }

TEST(OmmXml, RefusesANonAsciiCharacterReference) {
  EXPECT_FALSE(xml_with("ISS (ZARYA)", "ISS &#x2014;"));
}

TEST(OmmXml, RefusesAControlCharacter) { EXPECT_FALSE(xml_with("ISS (ZARYA)", "ISS\x01")); }

TEST(OmmXml, RefusesTextAfterTheRoot) {
  EXPECT_TRUE(fails_at(parse_omm_xml("<ndm></ndm>x"), 1, 12, "omm_xml"));
}

TEST(OmmXml, RefusesNestingBeyondTheLimit) {
  std::string deep;
  for (int i = 0; i < 1000; ++i) deep += "<a>";
  EXPECT_FALSE(parse_omm_xml(deep));
}

TEST(OmmXml, RefusesADuplicateAttribute) {
  EXPECT_FALSE(xml_with("version=\"2.0\"", "version=\"2.0\" version=\"3.0\""));
}

// ---- values, as in every encoding ----

TEST(OmmXml, RefusesAMalformedNumberAtItsLineAndColumn) {
  EXPECT_TRUE(fails_at(xml_with("<ECCENTRICITY>.0006703", "<ECCENTRICITY>.00x6703"),
                       position_of(kIssXml, "<ECCENTRICITY>", 14 + 3), "omm_number"));
}

TEST(OmmXml, RefusesAnEccentricityOfOne) {
  EXPECT_TRUE(fails_at(xml_with("<ECCENTRICITY>.0006703", "<ECCENTRICITY>1"),
                       position_of(kIssXml, "<ECCENTRICITY>", 14), "omm_eccentricity"));
}

TEST(OmmXml, RefusesANegativeMeanMotion) {
  EXPECT_TRUE(fails_at(xml_with("<MEAN_MOTION>15", "<MEAN_MOTION>-15"),
                       position_of(kIssXml, "<MEAN_MOTION>", 13), "omm_mean_motion"));
}

TEST(OmmXml, RefusesAnUnknownMeanElementTheory) {
  EXPECT_TRUE(fails_at(xml_with(">SGP4<", ">SGP8<"), position_of(kIssXml, ">SGP4<", 1),
                       "omm_mean_element_theory"));
}

TEST(OmmXml, RefusesAWrongUnit) {
  EXPECT_TRUE(fails_at(xml_with("<INCLINATION>", "<INCLINATION units=\"rad\">"),
                       position_of(kIssXml, "<INCLINATION>", 20), "omm_unit"));
}

TEST(OmmXml, RefusesAValueSpreadOverTwoLines) {
  EXPECT_FALSE(xml_with("ISS (ZARYA)", "ISS\n(ZARYA)"));
}

// ---- writing ----

TEST(OmmXml, ReadsWhatItWritesToEqualValues) {
  Omm omm = only(parse_omm_xml(kIssXml));
  omm.comments = {"one", "two & <three>"};
  omm.object_name = "A&B <\"C\">";
  const std::vector<Omm> omms{omm, omm};
  auto text = format_omm_xml(omms);
  ASSERT_TRUE(text) << text.error().to_string();
  auto back = parse_omm_xml(*text);
  ASSERT_TRUE(back) << back.error().to_string() << "\n" << *text;
  EXPECT_EQ(*back, omms);
}

TEST(OmmXml, WritesTheStandardLayoutWithUnits) {
  auto text = format_omm_xml(std::vector<Omm>{only(parse_omm_xml(kIssXml))});
  ASSERT_TRUE(text);
  EXPECT_TRUE(text->starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ndm>\n"));
  EXPECT_NE(text->find("<omm id=\"CCSDS_OMM_VERS\" version=\"2.0\">"), std::string::npos);
  EXPECT_NE(text->find("<MEAN_MOTION units=\"rev/day\">15.72125391</MEAN_MOTION>"),
            std::string::npos);
  EXPECT_NE(text->find("<NORAD_CAT_ID>25544</NORAD_CAT_ID>"), std::string::npos);
}

TEST(OmmXml, WritesAnEmptyNdmForNoMessages) {
  auto text = format_omm_xml({});
  ASSERT_TRUE(text);
  auto back = parse_omm_xml(*text);
  ASSERT_TRUE(back);
  EXPECT_TRUE(back->empty());
}

TEST(OmmXml, RefusesToWriteAMeanMotionOfZero) {
  Omm omm = only(parse_omm_xml(kIssXml));
  omm.mean_motion = 0.0;
  auto text = format_omm_xml(std::vector<Omm>{omm});
  ASSERT_FALSE(text);
  EXPECT_NE(text.error().message.find("MEAN_MOTION"), std::string::npos);
}

}  // namespace
}  // namespace jingkai::orbit
