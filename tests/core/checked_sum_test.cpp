// The bounds on stored amounts and the checked arithmetic that sums them: every sum the
// product computes stays in 64 bits, and one that would not is an error, never a wrapped number.
#include <gtest/gtest.h>

#include <limits>

#include "core/money.hpp"

namespace jingkai {
namespace {

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();

TEST(MoneyBounds, TheWorstSumsOfTheDesignFitIn64Bits) {
  // A zone's year to date: 12 months × every firm × a figure at the bound.
  static_assert(kMaxSumFen == 12 * kMaxZoneEnterprises * kMaxMonthlyFen);
  static_assert(kMaxSumFen <= kMax);
  // A ranking over every month a period can name (1949-01..2200-12), per mu (× 100).
  static_assert(3'024 * kMaxMonthlyFen <= kMax / 100);
  // The above-scale rule: a year's revenue × 12.
  static_assert(12 * kMaxMonthlyFen <= kMax / 12);
  EXPECT_EQ(kMaxMonthlyFen, 5'000'000'000'000);  // 500亿元 a month
}

TEST(CheckedSum, AddsAndMultipliesUpToTheLimitsAndNoFurther) {
  EXPECT_EQ(checked_add(kMax - 1, 1, "x").value(), kMax);
  EXPECT_EQ(checked_add(kMin + 1, -1, "x").value(), kMin);
  const auto over = checked_add(kMax, 1, "工业总产值");
  ASSERT_FALSE(over);
  EXPECT_EQ(over.error().code, "sum_out_of_range");
  EXPECT_EQ(over.error().kind, ErrorKind::conflict);
  EXPECT_NE(over.error().message.find("工业总产值"), std::string::npos);
  EXPECT_FALSE(checked_add(kMin, -1, "x"));

  EXPECT_EQ(checked_mul(kMax / 100, 100, "x").value(), kMax / 100 * 100);
  EXPECT_FALSE(checked_mul(kMax / 100 + 1, 100, "x"));
  EXPECT_FALSE(checked_mul(kMin, -1, "x"));
}

TEST(CheckedSum, PerMuIsTheAmountPerHundredthMuTimesAHundred) {
  EXPECT_EQ(per_mu(500'000, 1'000, "x").value(), 50'000);  // 5000 yuan over 10 mu
  // A year at the bound on the smallest land area there is (0.01 mu).
  EXPECT_EQ(per_mu(12 * kMaxMonthlyFen, 1, "x").value(), 12 * kMaxMonthlyFen * 100);
  EXPECT_EQ(per_mu(kMax / 100, 1, "x").value(), kMax / 100 * 100);
  EXPECT_EQ(per_mu(kMax / 100 + 1, 1, "x").error().code, "sum_out_of_range");
  EXPECT_FALSE(per_mu(100, 0, "x"));
}

}  // namespace
}  // namespace jingkai
