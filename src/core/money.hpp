// Money amounts: an integer count of fen (分, 1/100 yuan), never a float. Files and forms
// write yuan with up to two decimals; reports show 万元 / 亿元 by formatting.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace jingkai {

using Fen = std::int64_t;

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
