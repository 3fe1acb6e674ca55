// Pinyin initials (拼音首字母) of company and place names, from the shipped index.
#include "core/pinyin.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace jingkai {
namespace {

const PinyinIndex& shipped() {
  static const PinyinIndex index = [] {
    std::ifstream in(JINGKAI_SOURCE_DIR "/data/pinyin-initials.txt");
    std::stringstream text;
    text << in.rdbuf();
    auto parsed = PinyinIndex::parse(text.str());
    if (!parsed) throw std::runtime_error(parsed.error().message);
    return *parsed;
  }();
  return index;
}

std::string initials(std::string_view text) { return shipped().initials(text); }

Error failure(std::string_view text) {
  auto parsed = PinyinIndex::parse(text);
  EXPECT_FALSE(parsed) << text;
  return parsed ? Error{} : parsed.error();
}

// --- the shipped index ----------------------------------------------------------------------

TEST(Pinyin, TheShippedIndexCoversTheBasicPlaneHan) {
  // Unihan gives a Mandarin reading for nearly all of the 27,000 characters of U+3400-U+4DBF
  // and U+4E00-U+9FFF; GB 2312 alone has 6,763.
  EXPECT_GT(shipped().characters(), 25000u);
  EXPECT_EQ(shipped().words(), 4u);
}

TEST(Pinyin, PlacesOfTheZone) {
  EXPECT_EQ(initials("诸暨"), "ZJ");  // 暨 is outside GB 2312's pinyin-ordered first level
  EXPECT_EQ(initials("浙江"), "ZJ");
  EXPECT_EQ(initials("杭州"), "HZ");
  EXPECT_EQ(initials("绍兴"), "SX");
  EXPECT_EQ(initials("浙江省绍兴市诸暨市"), "ZJSSXSZJS");
  EXPECT_EQ(initials("诸暨经济开发区"), "ZJJJKFQ");
}

TEST(Pinyin, CompanyNames) {
  EXPECT_EQ(initials("海亮"), "HL");
  EXPECT_EQ(initials("大唐"), "DT");
  EXPECT_EQ(initials("浙江海亮股份有限公司"), "ZJHLGFYXGS");
  EXPECT_EQ(initials("华为技术有限公司"), "HWJSYXGS");
  EXPECT_EQ(initials("阿里巴巴"), "ALBB");
  EXPECT_EQ(initials("比亚迪"), "BYD");
}

TEST(Pinyin, ASCIILettersAndDigitsAreKeptUpperCase) {
  EXPECT_EQ(initials("ABC科技"), "ABCKJ");
  EXPECT_EQ(initials("abc科技"), "ABCKJ");
  EXPECT_EQ(initials("5G通信"), "5GTX");
  EXPECT_EQ(initials("Jingkai 2026"), "JINGKAI2026");
}

TEST(Pinyin, FullWidthLettersAndDigitsCountAsASCII) {
  EXPECT_EQ(initials("ＡＢＣ科技"), "ABCKJ");
  EXPECT_EQ(initials("ａｂｃ１２３"), "ABC123");
}

TEST(Pinyin, PunctuationSpacesAndSymbolsAreDropped) {
  EXPECT_EQ(initials("诸暨市（经开区）"), "ZJSJKQ");
  EXPECT_EQ(initials("诸暨 · 经开区"), "ZJJKQ");
  EXPECT_EQ(initials("A-B_C.D/E"), "ABCDE");
  EXPECT_EQ(initials("，。、；：！？“”《》"), "");
  EXPECT_EQ(initials(""), "");
}

TEST(Pinyin, EmojiAndOtherScriptsAreDropped) {
  EXPECT_EQ(initials("海亮😀科技🚀"), "HLKJ");
  EXPECT_EQ(initials("Ελλάδα"), "");
  EXPECT_EQ(initials("한국"), "");
  EXPECT_EQ(initials("カタカナ"), "");
  EXPECT_EQ(initials("𠀀"), "");  // Extension B is outside the shipped index
}

TEST(Pinyin, InvalidUtf8IsSkippedByteByByte) {
  EXPECT_EQ(initials(std::string("\xFF诸\xFE暨\x80")), "ZJ");
  EXPECT_EQ(initials(std::string("诸\xE6\x9A")), "Z");  // 暨 cut short
  EXPECT_EQ(initials(std::string("\xC0\xAF"
                                 "A")),
            "A");  // overlong '/'
  EXPECT_EQ(initials(std::string("\xED\xA0\x80"
                                 "B")),
            "B");  // a surrogate
  EXPECT_EQ(initials(std::string("\xF4\x90\x80\x80"
                                 "C")),
            "C");  // past U+10FFFF
  EXPECT_EQ(initials(std::string("\0诸", 4)), "Z");
}

TEST(Pinyin, ArbitraryBytesNeverCrash) {
  std::string bytes;
  for (int i = 0; i < 256; ++i) bytes.push_back(static_cast<char>(i));
  const std::string out = initials(bytes + bytes);
  EXPECT_EQ(out,
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMNOPQRSTUVWXYZ"
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMNOPQRSTUVWXYZ");
}

// --- readings chosen for names --------------------------------------------------------------

TEST(Pinyin, ChangReadsCAsInNamesNotZhang) {
  EXPECT_EQ(initials("长城"), "CC");
  EXPECT_EQ(initials("长沙"), "CS");
  EXPECT_EQ(initials("长江"), "CJ");
}

TEST(Pinyin, WordsOverrideTheirCharacters) {
  EXPECT_EQ(initials("银行"), "YH");
  EXPECT_EQ(initials("中国工商银行"), "ZGGSYH");
  EXPECT_EQ(initials("行政服务中心"), "XZFWZX");  // 行 alone is xíng
  EXPECT_EQ(initials("行业协会"), "HYXH");
  EXPECT_EQ(initials("重庆"), "CQ");
  EXPECT_EQ(initials("重工"), "ZG");  // 重 alone is zhòng
  EXPECT_EQ(initials("厦门"), "XM");
  EXPECT_EQ(initials("国贸大厦"), "GMDS");  // 厦 alone is shà
}

// --- the text form --------------------------------------------------------------------------

TEST(Pinyin, ParsesTheTextForm) {
  auto index = PinyinIndex::parse(
      "# comment\n"
      "\n"
      "Z\t诸浙\r\n"
      "J\t暨江\n"
      "Z\t州\n"
      "H\t杭行\n"
      "X\t厦\n"
      "银行\tYH\n"
      "厦门大学\tXMDX\n"
      "厦门\tXM");  // no final newline
  ASSERT_TRUE(index) << index.error().message;
  EXPECT_EQ(index->characters(), 8u);
  EXPECT_EQ(index->words(), 3u);
  EXPECT_EQ(index->initials("诸暨杭州浙江"), "ZJHZZJ");
  EXPECT_EQ(index->initials("银"), "");  // a word's characters are not known by themselves
  EXPECT_EQ(index->initials("银行杭行"), "YHHH");
  EXPECT_EQ(index->initials("厦门大学厦门厦"), "XMDXXMX");  // the longest word wins
}

TEST(Pinyin, AnEmptyIndexKeepsOnlyLettersAndDigits) {
  auto index = PinyinIndex::parse("");
  ASSERT_TRUE(index);
  EXPECT_EQ(index->characters(), 0u);
  EXPECT_EQ(index->initials("诸暨ABC123"), "ABC123");
}

TEST(Pinyin, ErrorsNameTheLine) {
  struct Case {
    std::string text;
    std::string message;
  };
  for (const Case& c : std::vector<Case>{
           {"Z\t诸\nZ 浙\n", "第 2 行: 应为 字母<TAB>汉字 或 词<TAB>首字母"},
           {"Z\t诸\tJ\n", "第 1 行: 应为"},
           {"# x\nz\t诸\n", "第 2 行: 首字母应为 A-Z, 实为 z"},
           {"1\t诸\n", "第 1 行: 首字母应为 A-Z, 实为 1"},
           {"Z\t\n", "第 1 行: 没有汉字"},
           {"Z\t诸a\n", "第 1 行: ASCII 字符 'a' 不能列为汉字"},
           {"Z\t诸\nJ\t暨诸\n", "第 2 行: 诸 已在第 1 行列出 (诸 is listed on line 1 already)"},
           {"Z\t诸诸\n", "第 1 行: 诸 已在第 1 行列出"},
           {"诸\tZ\n", "第 1 行: 诸 应为一个大写字母或两个以上汉字"},
           {"ZJ\tZJ\n", "第 1 行: ZJ 应为一个大写字母或两个以上汉字"},
           {"银行\tY\n", "第 1 行: 银行 的首字母应为 2 个 A-Z 字母, 实为 Y"},
           {"银行\tYHX\n", "实为 YHX"},
           {"银行\tyh\n", "实为 yh"},
           {"银行\tYH\n银行\tYX\n", "第 2 行: 银行 已在第 1 行列出"},
           {std::string("Z\t\xFF\n"), "第 1 行: 不是有效的 UTF-8"},
           {std::string("\xE8\xAF\tZ\n"), "第 1 行: 不是有效的 UTF-8"},
       }) {
    auto error = failure(c.text);
    EXPECT_EQ(error.code, "pinyin_syntax") << c.text;
    EXPECT_EQ(error.field, "pinyin");
    EXPECT_NE(error.message.find(c.message), std::string::npos)
        << c.text << " -> " << error.message;
  }
}

TEST(Pinyin, TheShippedFileHasEveryCharacterOnce) {
  // parse() refuses duplicates, so loading is the check; here, that a few letters that no
  // pinyin syllable begins with do not occur.
  std::ifstream in(JINGKAI_SOURCE_DIR "/data/pinyin-initials.txt");
  std::string line;
  int lines = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    ++lines;
    EXPECT_NE(line.substr(0, 2), "I\t");
    EXPECT_NE(line.substr(0, 2), "U\t");
    EXPECT_NE(line.substr(0, 2), "V\t");
  }
  EXPECT_GT(lines, 600);
}

}  // namespace
}  // namespace jingkai
