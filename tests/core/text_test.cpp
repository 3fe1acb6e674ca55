#include "core/text.hpp"

#include <gtest/gtest.h>

namespace jingkai {
namespace {

TEST(Utf8, AcceptsAsciiChineseAndAstralCharacters) {
  EXPECT_TRUE(is_valid_utf8(""));
  EXPECT_TRUE(is_valid_utf8("zhuji-edz"));
  EXPECT_TRUE(is_valid_utf8("诸暨经济开发区"));
  EXPECT_TRUE(is_valid_utf8("\xF0\x9F\x9B\xB0"));  // U+1F6F0 satellite
  EXPECT_TRUE(is_valid_utf8("\xC2\x80"));          // smallest two-byte form
  EXPECT_TRUE(is_valid_utf8("\xF4\x8F\xBF\xBF"));  // U+10FFFF, the last code point
}

TEST(Utf8, RejectsStrayContinuationBytes) {
  EXPECT_FALSE(is_valid_utf8("\x80"));
  EXPECT_FALSE(is_valid_utf8("abc\xBF"));
}

TEST(Utf8, RejectsTruncatedSequences) {
  EXPECT_FALSE(is_valid_utf8("\xE8\xAF"));  // 诸 without its last byte
  EXPECT_FALSE(is_valid_utf8("\xC2"));
  EXPECT_FALSE(is_valid_utf8("\xF0\x9F\x9B"));
}

TEST(Utf8, RejectsOverlongEncodings) {
  EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));          // '/' in two bytes
  EXPECT_FALSE(is_valid_utf8("\xE0\x80\xAF"));      // '/' in three bytes
  EXPECT_FALSE(is_valid_utf8("\xF0\x80\x80\xAF"));  // '/' in four bytes
}

TEST(Utf8, RejectsSurrogatesAndCodePointsBeyondUnicode) {
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));      // U+D800
  EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // U+110000
  EXPECT_FALSE(is_valid_utf8("\xFF"));
  EXPECT_FALSE(is_valid_utf8("\xF8\x88\x80\x80\x80"));
}

TEST(Utf8, RejectsAContinuationByteReplacedByAscii) {
  EXPECT_FALSE(
      is_valid_utf8("\xE8"
                    "a"
                    "\xAF"));
}

TEST(Utf8, LengthCountsCodePointsNotBytes) {
  EXPECT_EQ(utf8_length(""), 0u);
  EXPECT_EQ(utf8_length("abc"), 3u);
  EXPECT_EQ(utf8_length("诸暨"), 2u);
  EXPECT_EQ(utf8_length("A诸\xF0\x9F\x9B\xB0"), 3u);
}

}  // namespace
}  // namespace jingkai
