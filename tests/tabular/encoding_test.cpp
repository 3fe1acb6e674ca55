#include "tabular/encoding.hpp"

#include <gtest/gtest.h>

namespace jingkai::tabular {
namespace {

TEST(CsvEncoding, ValidUtf8PrefixIsTheWholeOfValidText) {
  EXPECT_EQ(valid_utf8_prefix(""), 0u);
  const std::string ascii = "plain ascii, long enough for the eight-byte steps";
  EXPECT_EQ(valid_utf8_prefix(ascii), ascii.size());
  EXPECT_EQ(valid_utf8_prefix("诸暨经开区"), 15u);
  EXPECT_EQ(valid_utf8_prefix("\xF0\x9F\x9B\xB0"), 4u);
  EXPECT_EQ(valid_utf8_prefix("\xF4\x8F\xBF\xBF"), 4u);
}

TEST(CsvEncoding, ValidUtf8PrefixStopsAtTheFirstBadByteWhereverItIs) {
  for (std::size_t at = 0; at < 40; ++at) {
    std::string text(48, 'a');
    text[at] = '\xFF';
    EXPECT_EQ(valid_utf8_prefix(text), at);
  }
}

TEST(CsvEncoding, ValidUtf8PrefixStopsAtTheStartOfABadSequence) {
  EXPECT_EQ(valid_utf8_prefix("ab\xE8\xAF"), 2u);          // truncated
  EXPECT_EQ(valid_utf8_prefix("ab\xC0\xAF"), 2u);          // overlong
  EXPECT_EQ(valid_utf8_prefix("ab\xE0\x80\xAF"), 2u);      // overlong
  EXPECT_EQ(valid_utf8_prefix("ab\xED\xA0\x80"), 2u);      // surrogate
  EXPECT_EQ(valid_utf8_prefix("ab\xF4\x90\x80\x80"), 2u);  // beyond U+10FFFF
  EXPECT_EQ(valid_utf8_prefix("ab\xE8x\xAF"), 2u);         // ASCII where a continuation belongs
  EXPECT_EQ(valid_utf8_prefix("诸\x80"), 3u);              // stray continuation
  EXPECT_EQ(valid_utf8_prefix("abcdefgh诸\xF8\x88\x80\x80\x80"), 11u);
}

TEST(CsvEncoding, BinaryKindNamesKnownFormats) {
  EXPECT_NE(binary_kind(std::string("\x89PNG\r\n\x1A\n", 8)).find("PNG"), std::string::npos);
  EXPECT_NE(binary_kind("\xFF\xD8\xFF\xE0").find("JPEG"), std::string::npos);
  EXPECT_NE(binary_kind("%PDF-1.7\n").find("PDF"), std::string::npos);
  EXPECT_NE(binary_kind("\x7F"
                        "ELF")
                .find("ELF"),
            std::string::npos);
  EXPECT_NE(binary_kind("\x1F\x8B\x08").find("gzip"), std::string::npos);
  EXPECT_NE(binary_kind("Rar!\x1A\x07").find("archive"), std::string::npos);
  EXPECT_NE(binary_kind("7z\xBC\xAF\x27\x1C").find("archive"), std::string::npos);
  EXPECT_NE(binary_kind("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1").find(".xls"), std::string::npos);
  EXPECT_NE(binary_kind("\xFE\xFF\0a").find("UTF-16"), std::string::npos);
}

TEST(CsvEncoding, BinaryKindTakesTextAsText) {
  EXPECT_EQ(binary_kind("a,b\r\nc,d\n"), "");
  EXPECT_EQ(binary_kind("名称\t代码\f\n"), "");
  EXPECT_EQ(binary_kind("\xD6\xD0\xCE\xC4"), "");  // GBK
  EXPECT_EQ(binary_kind("a\x1A"), "");             // DOS end-of-file mark
  EXPECT_EQ(binary_kind("PK is a fine start for text"), "");
}

TEST(CsvEncoding, BinaryKindLooksOnlyAtTheStartForControlCharacters) {
  std::string text(70 * 1024, 'a');
  for (std::size_t i = 66 * 1024; i < text.size(); ++i) text[i] = '\x01';
  EXPECT_EQ(binary_kind(text), "");
  text[10] = '\0';
  EXPECT_NE(binary_kind(text), "");
}

TEST(CsvEncoding, GbkToUtf8AndBack) {
  const std::string gbk = "\xD6\xEE\xF4\xDF";  // 诸暨
  auto utf8 = gbk_to_utf8(gbk);
  ASSERT_TRUE(utf8);
  EXPECT_EQ(*utf8, "诸暨");
  auto back = utf8_to_gbk(*utf8);
  ASSERT_TRUE(back);
  EXPECT_EQ(*back, gbk);
}

TEST(CsvEncoding, GbkToUtf8NamesTheLineOfABadByte) {
  auto utf8 = gbk_to_utf8("a\nb\n\xD6\xEE\xFF");
  ASSERT_FALSE(utf8);
  EXPECT_EQ(utf8.error().code, "table_encoding");
  EXPECT_NE(utf8.error().message.find("line 3, byte offset 6"), std::string::npos)
      << utf8.error().message;
}

TEST(CsvEncoding, DecodeGbkKeepsWhatCameBeforeABadByte) {
  std::string out;
  EXPECT_EQ(decode_gbk("ok\xD6\xEE\x80rest", out), 4u);
  EXPECT_EQ(out, "ok诸");
}

TEST(CsvEncoding, Utf8ToGbkRejectsInvalidUtf8) {
  auto gbk = utf8_to_gbk("ok\xE8\xAF");
  ASSERT_FALSE(gbk);
  EXPECT_EQ(gbk.error().code, "table_encoding");
}

}  // namespace
}  // namespace jingkai::tabular
