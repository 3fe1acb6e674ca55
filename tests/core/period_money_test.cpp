// Statistical periods (YYYY-MM) and money in fen: exact, and strict about what they read.
#include <gtest/gtest.h>

#include "core/money.hpp"
#include "core/period.hpp"

namespace jingkai {
namespace {

TEST(Period, ParsesYearAndMonth) {
  auto period = parse_period("2026-03");
  ASSERT_TRUE(period);
  EXPECT_EQ(period->year, 2026);
  EXPECT_EQ(period->month, 3);
  EXPECT_EQ(format_period(*period), "2026-03");
}

TEST(Period, RefusesWhatIsNotAMonthNamingTheField) {
  for (std::string_view bad : {"", "2026-3", "2026-13", "2026-00", "2026/03", "26-03", "2026-03-01",
                               "２０２６-03", "1948-12", "2201-01", "20a6-03", " 2026-03"}) {
    auto period = parse_period(bad, "from");
    EXPECT_FALSE(period) << bad;
    if (!period) {
      EXPECT_EQ(period.error().code, "bad_period");
      EXPECT_EQ(period.error().field, "from");
    }
  }
}

TEST(Period, IndexesAreConsecutiveAcrossYears) {
  const Period december{2025, 12};
  EXPECT_EQ(december.plus_months(1), (Period{2026, 1}));
  EXPECT_EQ(december.plus_months(-11), (Period{2025, 1}));
  EXPECT_EQ(december.plus_months(-12), (Period{2024, 12}));
  EXPECT_EQ(Period::from_index(december.index()), december);
  EXPECT_EQ((Period{2026, 1}).index() - december.index(), 1);
  EXPECT_EQ((Period{2026, 5}).same_month_last_year(), (Period{2025, 5}));
  EXPECT_EQ((Period{2026, 5}).january(), (Period{2026, 1}));
  EXPECT_LT((Period{2025, 12}), (Period{2026, 1}));
}

TEST(Period, OfADate) {
  auto date = parse_date("2024-02-29");
  ASSERT_TRUE(date);
  EXPECT_EQ(period_of(*date), (Period{2024, 2}));
}

TEST(Money, ReadsYuanIntoExactFen) {
  EXPECT_EQ(parse_yuan("0", "x").value(), 0);
  EXPECT_EQ(parse_yuan("1234", "x").value(), 123400);
  EXPECT_EQ(parse_yuan("1234.5", "x").value(), 123450);
  EXPECT_EQ(parse_yuan("1234.05", "x").value(), 123405);
  EXPECT_EQ(parse_yuan("-56.7", "x").value(), -5670);
  EXPECT_EQ(parse_yuan("+3", "x").value(), 300);
  EXPECT_EQ(parse_yuan("1,234,567.89", "x").value(), 123456789);
  EXPECT_EQ(parse_yuan("12 345.00", "x").value(), 1234500);
  EXPECT_EQ(parse_yuan("  7.10 ", "x").value(), 710);
  // 0.1 + 0.2 is exactly 0.3 here, unlike in a double.
  EXPECT_EQ(parse_yuan("0.1", "x").value() + parse_yuan("0.2", "x").value(),
            parse_yuan("0.3", "x").value());
  EXPECT_EQ(parse_yuan("90000000000000", "x").value(), 9'000'000'000'000'000LL);
}

TEST(Money, RefusesAmountsItCannotReadExactly) {
  for (std::string_view bad : {"", "-", ".5", "1.", "1.234", "1e6", "922337203685477580.7", "1,23",
                               "12,3456", "1234,567", "1,234 567", "abc", "1.2.3", "--1", "1 2",
                               "NaN", "¥12", "90000000000001", "99999999999999999999"}) {
    auto fen = parse_yuan(bad, "output");
    EXPECT_FALSE(fen) << bad;
    if (!fen) {
      EXPECT_EQ(fen.error().code, "bad_amount");
      EXPECT_EQ(fen.error().field, "output");
      EXPECT_NE(fen.error().message.find(std::string(bad)), std::string::npos) << bad;
    }
  }
}

TEST(Money, FormatsFenAsYuanThatReadsBack) {
  EXPECT_EQ(format_yuan(0), "0.00");
  EXPECT_EQ(format_yuan(5), "0.05");
  EXPECT_EQ(format_yuan(-50), "-0.50");
  EXPECT_EQ(format_yuan(123405), "1234.05");
  EXPECT_EQ(format_yuan(INT64_MIN + 1), "-92233720368547758.07");
  for (Fen fen : {Fen(0), Fen(1), Fen(-1), Fen(99), Fen(100), Fen(123456789), Fen(-987654321)}) {
    EXPECT_EQ(parse_yuan(format_yuan(fen), "x").value(), fen) << fen;
  }
}

TEST(Quantity, ReadsDecimalsIntoUnits) {
  EXPECT_EQ(parse_decimal("12.5", 2, "land").value(), 1250);
  EXPECT_EQ(parse_decimal("12", 2, "land").value(), 1200);
  EXPECT_EQ(parse_decimal("0.001", 3, "energy").value(), 1);
  EXPECT_EQ(parse_decimal("56", 0, "employees").value(), 56);
  EXPECT_FALSE(parse_decimal("56.5", 0, "employees"));
  EXPECT_FALSE(parse_decimal("-1", 2, "land"));
  EXPECT_EQ(parse_decimal("-1", 2, "land").error().code, "bad_quantity");
  EXPECT_EQ(parse_decimal("x", 2, "land").error().field, "land");
  EXPECT_EQ(format_decimal(1250, 2), "12.50");
  EXPECT_EQ(format_decimal(12345, 3), "12.345");
  EXPECT_EQ(format_decimal(7, 0), "7");
}

}  // namespace
}  // namespace jingkai
