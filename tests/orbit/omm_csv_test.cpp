// OMM in CSV (CelesTrak's header row of keywords, one row per element set): values, quoting,
// errors with line and column, and writing.
#include <gtest/gtest.h>

#include "omm_samples.hpp"
#include "orbit/omm.hpp"

namespace jingkai::orbit {
namespace {

using testing::expect_iss_elements;
using testing::fails_at;
using testing::iss_csv;
using testing::kCsvHeader;
using testing::kIssCsvRow;
using testing::only;
using testing::replaced;

std::string csv(std::string_view header, std::string_view row) {
  return std::string(header) + "\n" + std::string(row) + "\n";
}

std::expected<std::vector<Omm>, ParseError> row_with(std::string_view from, std::string_view to) {
  return parse_omm_csv(csv(kCsvHeader, replaced(kIssCsvRow, from, to)));
}

// 1-based column of `needle` in the sample row.
int row_column(std::string_view needle) { return static_cast<int>(kIssCsvRow.find(needle)) + 1; }

// ---- reading ----

TEST(OmmCsv, ReadsEveryValueOfCelesTraksCsv) {
  expect_iss_elements(only(parse_omm_csv(iss_csv())));
}

TEST(OmmCsv, ReadsLfRowsAndALastRowWithoutLineEnd) {
  expect_iss_elements(
      only(parse_omm_csv(std::string(kCsvHeader) + "\n" + std::string(kIssCsvRow))));
}

TEST(OmmCsv, ReadsSeveralRowsAndSkipsBlankLines) {
  auto omms = parse_omm_csv(std::string(kCsvHeader) + "\r\n" + std::string(kIssCsvRow) +
                            "\r\n\r\n" + replaced(kIssCsvRow, "25544", "25545") + "\r\n");
  ASSERT_TRUE(omms) << omms.error().to_string();
  ASSERT_EQ(omms->size(), 2u);
  EXPECT_EQ((*omms)[1].norad_cat_id, 25545);
}

TEST(OmmCsv, ReadsColumnsInAnyOrder) {
  const std::string header = "NORAD_CAT_ID," + replaced(kCsvHeader, ",NORAD_CAT_ID", "");
  const std::string row = "25544," + replaced(kIssCsvRow, ",25544", "");
  expect_iss_elements(only(parse_omm_csv(csv(header, row))));
}

TEST(OmmCsv, SkipsColumnsItDoesNotKeep) {
  expect_iss_elements(only(parse_omm_csv(csv("RCS_SIZE," + std::string(kCsvHeader) + ",DECAY_DATE",
                                             "LARGE," + std::string(kIssCsvRow) + ","))));
}

TEST(OmmCsv, ReadsQuotedFieldsWithCommasAndQuotes) {
  EXPECT_EQ(only(row_with("ISS (ZARYA)", "\"ISS, \"\"ZARYA\"\"\"")).object_name, "ISS, \"ZARYA\"");
}

TEST(OmmCsv, ReadsAnEmptyNameAndId) {
  const Omm omm = only(row_with("ISS (ZARYA),1998-067A", ","));
  EXPECT_EQ(omm.object_name, "");
  EXPECT_EQ(omm.object_id, "");
}

TEST(OmmCsv, ReadsNothingFromAHeaderAlone) {
  auto omms = parse_omm_csv(std::string(kCsvHeader) + "\r\n");
  ASSERT_TRUE(omms);
  EXPECT_TRUE(omms->empty());
  EXPECT_TRUE(parse_omm_csv("")->empty());
}

// ---- the header ----

TEST(OmmCsv, RefusesAMissingColumnNamingItAndTheHeaderLine) {
  auto omms = parse_omm_csv(
      csv(replaced(kCsvHeader, ",BSTAR", ""), replaced(kIssCsvRow, ",-.11606E-4", "")));
  EXPECT_TRUE(fails_at(omms, 1, 0, "omm_missing_key"));
  EXPECT_EQ(omms.error().message, "the header row (line 1) has no BSTAR");
}

TEST(OmmCsv, RefusesAColumnGivenTwice) {
  EXPECT_TRUE(fails_at(
      parse_omm_csv(csv(std::string(kCsvHeader) + ",BSTAR", std::string(kIssCsvRow) + ",0")), 1,
      static_cast<int>(kCsvHeader.size()) + 2, "omm_duplicate_key"));
}

TEST(OmmCsv, RefusesAHeaderColumnWithoutName) {
  EXPECT_TRUE(
      fails_at(parse_omm_csv(csv(std::string(kCsvHeader) + ",", std::string(kIssCsvRow) + ",")), 1,
               static_cast<int>(kCsvHeader.size()) + 2, "omm_csv"));
}

// ---- rows ----

TEST(OmmCsv, RefusesARowWithFewerFieldsNamingItsLine) {
  EXPECT_TRUE(
      fails_at(parse_omm_csv(iss_csv() + replaced(kIssCsvRow, ",0,U", ",U")), 3, 0, "omm_csv"));
}

TEST(OmmCsv, RefusesAMalformedNumberAtItsLineAndColumn) {
  EXPECT_TRUE(
      fails_at(row_with(".0006703", ".00x6703"), 2, row_column(".0006703") + 3, "omm_number"));
}

TEST(OmmCsv, RefusesAnEmptyMandatoryValueAtItsField) {
  EXPECT_TRUE(
      fails_at(row_with(",15.72125391,", ",,"), 2, row_column("15.72125391"), "omm_number"));
}

TEST(OmmCsv, RefusesAnEccentricityOfOne) {
  EXPECT_TRUE(fails_at(row_with(".0006703", "1.5"), 2, row_column(".0006703"), "omm_eccentricity"));
}

TEST(OmmCsv, RefusesANegativeMeanMotion) {
  EXPECT_TRUE(fails_at(row_with("15.72125391", "-15.72125391"), 2, row_column("15.72125391"),
                       "omm_mean_motion"));
}

TEST(OmmCsv, RefusesAnEpochThatDoesNotParse) {
  EXPECT_TRUE(fails_at(row_with("2008-09-20T12:25:40.104192", "2008-09-20T12:25:40x104192"), 2,
                       row_column("2008-09-20T12:25:40.104192") + 19, "omm_epoch"));
}

TEST(OmmCsv, RefusesAnUnknownMeanElementTheoryColumn) {
  EXPECT_TRUE(fails_at(parse_omm_csv(csv("MEAN_ELEMENT_THEORY," + std::string(kCsvHeader),
                                         "SGP," + std::string(kIssCsvRow))),
                       2, 1, "omm_mean_element_theory"));
}

TEST(OmmCsv, RefusesAQuoteInsideAnUnquotedField) {
  EXPECT_TRUE(fails_at(row_with("ISS (ZARYA)", "ISS \"Z\""), 2, 5, "omm_csv"));
}

TEST(OmmCsv, RefusesTextAfterAClosingQuote) {
  EXPECT_TRUE(fails_at(row_with("ISS (ZARYA)", "\"ISS\" x"), 2, 6, "omm_csv"));
}

TEST(OmmCsv, RefusesAnUnclosedQuote) { EXPECT_FALSE(row_with("ISS (ZARYA)", "\"ISS")); }

TEST(OmmCsv, RefusesALineBreakInsideQuotes) {
  EXPECT_FALSE(row_with("ISS (ZARYA)", "\"ISS\n(ZARYA)\""));
}

TEST(OmmCsv, RefusesALoneCarriageReturn) {
  EXPECT_FALSE(parse_omm_csv(std::string(kCsvHeader) + "\r" + std::string(kIssCsvRow)));
}

TEST(OmmCsv, RefusesANameOutsidePrintableAscii) {
  EXPECT_FALSE(row_with("ISS (ZARYA)", "ISS \x01"));
}

// ---- writing ----

TEST(OmmCsv, ReadsWhatItWritesToEqualValues) {
  Omm omm = only(parse_omm_csv(iss_csv()));
  omm.object_name = "ISS, \"ZARYA\"";
  const std::vector<Omm> omms{omm, only(parse_omm_csv(iss_csv()))};
  auto text = format_omm_csv(omms);
  ASSERT_TRUE(text) << text.error().to_string();
  auto back = parse_omm_csv(*text);
  ASSERT_TRUE(back) << back.error().to_string() << "\n" << *text;
  EXPECT_EQ(*back, omms);
}

TEST(OmmCsv, WritesCelesTraksHeaderAndCrlfRows) {
  auto text = format_omm_csv(std::vector<Omm>{only(parse_omm_csv(iss_csv()))});
  ASSERT_TRUE(text);
  EXPECT_EQ(*text, std::string(kCsvHeader) +
                       "\r\nISS (ZARYA),1998-067A,2008-09-20T12:25:40.104192,15.72125391,0.0006703,"
                       "51.6416,247.4627,130.536,325.0288,0,U,25544,292,56353,-1.1606e-05,"
                       "-2.182e-05,0\r\n");
}

TEST(OmmCsv, WritesTheHeaderAloneForNoMessages) {
  auto text = format_omm_csv({});
  ASSERT_TRUE(text);
  EXPECT_EQ(*text, std::string(kCsvHeader) + "\r\n");
}

TEST(OmmCsv, RefusesToWriteAClassificationOtherThanUCS) {
  Omm omm = only(parse_omm_csv(iss_csv()));
  omm.classification_type = ',';
  EXPECT_FALSE(format_omm_csv(std::vector<Omm>{omm}));
}

}  // namespace
}  // namespace jingkai::orbit
