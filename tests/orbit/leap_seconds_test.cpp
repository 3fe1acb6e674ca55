// The leap-second table: the built-in copy, the shipped file, run-time tables and their errors.
#include "orbit/leap_seconds.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "orbit/iso8601.hpp"

namespace jingkai::orbit {
namespace {

std::filesystem::path test_data_dir() {
#ifdef JINGKAI_ORBIT_TEST_DATA_DIR
  return JINGKAI_ORBIT_TEST_DATA_DIR;
#else
  return std::filesystem::path(__FILE__).parent_path();
#endif
}

JulianDate utc(std::string_view text) {
  auto date = parse_iso8601_utc(text);
  EXPECT_TRUE(date) << text;
  return date.value_or(JulianDate{});
}

double offset_at(const LeapSecondTable& table, std::string_view text) {
  auto offset = table.tai_minus_utc(utc(text));
  EXPECT_TRUE(offset) << text;
  return offset.value_or(-1.0);
}

ParseError parse_error_of(std::string_view text) {
  auto table = LeapSecondTable::parse(text);
  EXPECT_FALSE(table) << text;
  return table ? ParseError{} : table.error();
}

// ---- the built-in table ----

TEST(LeapSeconds, BuiltInTableRunsFrom1972At10SecondsTo2017At37) {
  const LeapSecondTable table = LeapSecondTable::built_in();
  ASSERT_EQ(table.entries().size(), 28u);
  EXPECT_EQ(table.entries().front(), (LeapSecond{CalendarDate{1972, 1, 1}, 10}));
  EXPECT_EQ(table.entries().back(), (LeapSecond{CalendarDate{2017, 1, 1}, 37}));
}

TEST(LeapSeconds, BuiltInTableIsTheShippedFile) {
  const std::filesystem::path path = test_data_dir() / ".." / ".." / "data" / "leap_seconds.txt";
  std::ifstream file(path);
  ASSERT_TRUE(file) << path;
  std::stringstream text;
  text << file.rdbuf();
  auto shipped = LeapSecondTable::parse(text.str());
  ASSERT_TRUE(shipped) << shipped.error().to_string();
  const LeapSecondTable built_in = LeapSecondTable::built_in();
  ASSERT_EQ(shipped->entries().size(), built_in.entries().size());
  for (std::size_t i = 0; i < built_in.entries().size(); ++i) {
    EXPECT_EQ(shipped->entries()[i], built_in.entries()[i]) << i;
  }
}

TEST(LeapSeconds, NewOffsetStartsAtMidnightOfItsDate) {
  const LeapSecondTable table = LeapSecondTable::built_in();
  EXPECT_EQ(offset_at(table, "2016-12-31T23:59:59.999Z"), 36.0);
  EXPECT_EQ(offset_at(table, "2017-01-01T00:00:00.000Z"), 37.0);
  EXPECT_EQ(offset_at(table, "2015-06-30T12:00:00Z"), 35.0);
  EXPECT_EQ(offset_at(table, "2015-07-01T00:00:00Z"), 36.0);
}

TEST(LeapSeconds, KnowsTheOffsetOfEachEra) {
  const LeapSecondTable table = LeapSecondTable::built_in();
  EXPECT_EQ(offset_at(table, "1972-01-01T00:00:00Z"), 10.0);
  EXPECT_EQ(offset_at(table, "1980-01-06T00:00:00Z"), 19.0);  // GPS epoch: TAI − GPS = 19 s
  EXPECT_EQ(offset_at(table, "2000-06-27T18:50:19Z"), 32.0);
  EXPECT_EQ(offset_at(table, "2006-06-25T00:00:00Z"), 33.0);
  EXPECT_EQ(offset_at(table, "2024-03-20T03:06:00Z"), 37.0);
}

TEST(LeapSeconds, LastOffsetHoldsAfterTheTable) {
  EXPECT_EQ(offset_at(LeapSecondTable::built_in(), "2099-12-31T23:59:59Z"), 37.0);
}

TEST(LeapSeconds, DatesBefore1972AreAnError) {
  auto offset = LeapSecondTable::built_in().tai_minus_utc(utc("1971-12-31T23:59:59.999Z"));
  ASSERT_FALSE(offset);
  EXPECT_EQ(offset.error().code, "time_before_leap_seconds");
  EXPECT_EQ(offset.error().field, "utc");
  EXPECT_NE(offset.error().message.find("1972-01-01"), std::string::npos);
}

TEST(LeapSeconds, LooksUpTheOffsetFromTai) {
  const LeapSecondTable table = LeapSecondTable::built_in();
  // 2017-01-01 0h UTC is 00:00:37 TAI; the 36 s before it hold the old offset.
  EXPECT_EQ(*table.tai_minus_utc_at_tai(utc("2017-01-01T00:00:37.000Z")), 37.0);
  EXPECT_EQ(*table.tai_minus_utc_at_tai(utc("2017-01-01T00:00:36.500Z")), 36.0);
  EXPECT_EQ(*table.tai_minus_utc_at_tai(utc("2017-01-01T00:00:35.999Z")), 36.0);
  EXPECT_FALSE(table.tai_minus_utc_at_tai(utc("1972-01-01T00:00:09.000Z")));
  EXPECT_EQ(*table.tai_minus_utc_at_tai(utc("1972-01-01T00:00:10.000Z")), 10.0);
}

// ---- tables given at run time ----

TEST(LeapSeconds, ReadsATableWithANewerStep) {
  auto table = LeapSecondTable::parse("2015-07-01 36\n2017-01-01 37\n2027-01-01 38\n");
  ASSERT_TRUE(table) << table.error().to_string();
  EXPECT_EQ(offset_at(*table, "2026-12-31T23:59:59Z"), 37.0);
  EXPECT_EQ(offset_at(*table, "2027-01-01T00:00:00Z"), 38.0);
}

TEST(LeapSeconds, AcceptsANegativeLeapSecond) {
  auto table = LeapSecondTable::parse("2017-01-01 37\n2029-07-01 36\n");
  ASSERT_TRUE(table) << table.error().to_string();
  EXPECT_EQ(offset_at(*table, "2029-07-01T00:00:00Z"), 36.0);
}

TEST(LeapSeconds, IgnoresCommentsBlankLinesAndCarriageReturns) {
  auto table = LeapSecondTable::parse(
      "# header\r\n\r\n  1972-01-01   10  # first\r\n\t1972-07-01\t11\r\n# end");
  ASSERT_TRUE(table) << table.error().to_string();
  EXPECT_EQ(table->entries().size(), 2u);
  EXPECT_EQ(table->entries()[1], (LeapSecond{CalendarDate{1972, 7, 1}, 11}));
}

TEST(LeapSeconds, RefusesAnEmptyTable) {
  EXPECT_EQ(parse_error_of("# nothing here\n\n").code, "leap_seconds_empty");
}

TEST(LeapSeconds, RefusesAMalformedDateAndNamesItsColumn) {
  const ParseError error = parse_error_of("1972-01-01 10\n  1972/07/01 11\n");
  EXPECT_EQ(error.code, "leap_seconds_date");
  EXPECT_EQ(error.line, 2);
  EXPECT_EQ(error.column, 3);
}

TEST(LeapSeconds, RefusesADateNotInTheCalendar) {
  EXPECT_EQ(parse_error_of("1972-13-01 10\n").code, "leap_seconds_date");
  EXPECT_EQ(parse_error_of("1973-02-29 10\n").code, "leap_seconds_date");
}

TEST(LeapSeconds, RefusesADateThatIsNotTheFirstOfAMonth) {
  const ParseError error = parse_error_of("1972-06-30 10\n");
  EXPECT_EQ(error.code, "leap_seconds_date");
  EXPECT_EQ(error.column, 9);
}

TEST(LeapSeconds, RefusesAMissingOrNonIntegerOffset) {
  EXPECT_EQ(parse_error_of("1972-01-01\n").code, "leap_seconds_offset");
  EXPECT_EQ(parse_error_of("1972-01-01   \n").code, "leap_seconds_offset");
  const ParseError error = parse_error_of("1972-01-01 10.5\n");
  EXPECT_EQ(error.code, "leap_seconds_offset");
  EXPECT_EQ(error.column, 12);
}

TEST(LeapSeconds, RefusesTextAfterTheOffset) {
  const ParseError error = parse_error_of("1972-01-01 10 s\n");
  EXPECT_EQ(error.code, "leap_seconds_trailing");
  EXPECT_EQ(error.column, 15);
}

TEST(LeapSeconds, RefusesDatesOutOfOrder) {
  const ParseError error = parse_error_of("1973-01-01 12\n1972-07-01 11\n");
  EXPECT_EQ(error.code, "leap_seconds_order");
  EXPECT_EQ(error.line, 2);
  EXPECT_EQ(parse_error_of("1973-01-01 12\n1973-01-01 13\n").code, "leap_seconds_order");
}

TEST(LeapSeconds, RefusesAStepOfMoreThanOneSecond) {
  const ParseError error = parse_error_of("1972-01-01 10\n1973-01-01 12\n");
  EXPECT_EQ(error.code, "leap_seconds_step");
  EXPECT_EQ(error.line, 2);
  EXPECT_EQ(parse_error_of("1972-01-01 10\n1973-01-01 10\n").code, "leap_seconds_step");
}

}  // namespace
}  // namespace jingkai::orbit
