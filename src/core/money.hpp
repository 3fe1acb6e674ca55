// Money amounts: an integer count of fen (分, 1/100 yuan), never a float. Files and forms
// write yuan with up to two decimals; reports show 万元 / 亿元 by formatting.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace jingkai {

using Fen = std::int64_t;

// Bounds on what the product stores, chosen so that no sum it computes can overflow 64 bits
// (INT64_MAX is about 9.22e18). The sums, at their worst:
//  - the dashboard's year to date and a chain's output: 12 months × every firm of a zone
//    (kMaxZoneEnterprises, the design's zone) × kMaxMonthlyFen = 12 × 1e5 × 5e12 = 6e18;
//  - a ranking sums one firm over its range (every month from 1949 to 2200 is 3,024) and the
//    per-mu ratio multiplies by 100: 3,024 × 5e12 × 100 ≈ 1.5e18;
//  - the above-scale rule multiplies a year's revenue by 12: 12 × 5e12 × 12 = 7.2e14.
// 5e12 fen (500亿元 a month, 6000亿元 a year) is above the output of the largest single
// factory in any Chinese development zone. Sums stay checked (checked_add below) all the same:
// a zone larger than the design's is refused with an error, never a wrapped number.
inline constexpr Fen kMaxMonthlyFen = 5'000'000'000'000;  // one figure of a monthly report
inline constexpr std::int64_t kMaxZoneEnterprises = 100'000;
// Sums over a range reach at most this; a filter on such a sum (min_output_fen) needs no more.
inline constexpr Fen kMaxSumFen = 12 * kMaxZoneEnterprises * kMaxMonthlyFen;
// A city's above-scale output entered by hand (全市规上工业产值, year to date); only ever divided,
// in floating point, for a share. 1e15 fen (10万亿元) is twice the largest city's (Shenzhen,
// Suzhou: about 4.5万亿元 a year).
inline constexpr Fen kMaxCityTotalFen = 1'000'000'000'000'000;
// An administrative fee (收费): 1亿元 is far above any fee in a catalogue.
inline constexpr Fen kMaxFeeFen = 10'000'000'000;
// A report's head count (从业人员) and energy (综合能耗, kg of standard coal: 1亿吨 a month is
// more than any plant burns in a year).
inline constexpr std::int64_t kMaxEmployees = 10'000'000;
inline constexpr std::int64_t kMaxEnergyKgce = 100'000'000'000;

// a + b, a × b, or an error (code sum_out_of_range, a conflict: the stored data is past what
// the product can add up) naming `what`. Never wraps.
Result<std::int64_t> checked_add(std::int64_t a, std::int64_t b, std::string_view what);
Result<std::int64_t> checked_mul(std::int64_t a, std::int64_t b, std::string_view what);
// An amount per mu (亩均) from an amount and a land area in 1/100 mu: amount × 100 / area.
Result<Fen> per_mu(Fen amount, std::int64_t area_centimu, std::string_view what);

// Parses a yuan amount such as "1234", "-56.7", "1,234.05" or "12 345.00" into fen, exactly:
// no more than two decimals, thousands separators only between groups of three digits,
// at most ±90 trillion yuan. The error (code bad_amount) names `field`.
Result<Fen> parse_yuan(std::string_view text, std::string_view field);

// "1234.05", "-0.50": what parse_yuan reads back to the same fen.
std::string format_yuan(Fen fen);

// Parses a non-negative decimal quantity with at most `decimals` places into an integer
// count of 10^-decimals units ("12.5" mu with 2 decimals is 1250). Code bad_quantity.
Result<std::int64_t> parse_decimal(std::string_view text, int decimals, std::string_view field);
std::string format_decimal(std::int64_t units, int decimals);

}  // namespace jingkai
