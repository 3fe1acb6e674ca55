#include <fmt/format.h>
#include <iconv.h>

#include <algorithm>
#include <random>

#include "tabular/encoding.hpp"
#include "tabular/tabular_support.hpp"

namespace jingkai::tabular {
namespace {

// glibc's own answer for the whole of `bytes`: the UTF-8 and the offset it stopped at.
std::pair<std::string, std::size_t> iconv_gb18030(const std::string& bytes) {
  iconv_t cd = iconv_open("UTF-8", "GB18030");
  std::string out(bytes.size() * 2 + 16, '\0');
  char* in = const_cast<char*>(bytes.data());
  std::size_t in_left = bytes.size();
  char* dst = out.data();
  std::size_t out_left = out.size();
  const std::size_t r = iconv(cd, &in, &in_left, &dst, &out_left);
  iconv_close(cd);
  out.resize(out.size() - out_left);
  return {out, r == static_cast<std::size_t>(-1) ? bytes.size() - in_left : std::string::npos};
}

constexpr std::size_t kLarge = 300 * 1024;  // over the size where the table takes over

TEST(CsvEncoding, LargeGbkDecodesExactlyAsIconvDoes) {
  // Every two-byte code that iconv takes on its own, between ASCII, plus four-byte codes.
  std::string bytes;
  for (unsigned lead = 0x81; lead <= 0xFE; ++lead) {
    for (unsigned trail = 0x40; trail <= 0xFE; ++trail) {
      const std::string pair{static_cast<char>(lead), static_cast<char>(trail)};
      if (iconv_gb18030(pair).second == std::string::npos) bytes += pair;
    }
    bytes += "a,";
  }
  ASSERT_GT(bytes.size(), 40000u);
  bytes += testing::iconv_from_utf8("𠀀😀\xC2\x80€", "GB18030");
  while (bytes.size() < kLarge) bytes += bytes;
  const auto [expected, expected_bad] = iconv_gb18030(bytes);
  ASSERT_EQ(expected_bad, std::string::npos);
  std::string out;
  EXPECT_EQ(decode_gbk(bytes, out), std::string::npos);
  EXPECT_TRUE(out == expected);
}

TEST(CsvEncoding, LargeGbkStopsAtTheSameByteAsIconv) {
  std::mt19937 random(18030);
  const std::string prefix(kLarge, 'x');
  for (int trial = 0; trial < 120; ++trial) {
    std::string tail;
    for (int k = 0; k < 24; ++k) {
      const unsigned pick = random() % 4;
      tail += pick == 0   ? static_cast<char>('0' + random() % 10)
              : pick == 1 ? static_cast<char>(0x81 + random() % 126)
                          : static_cast<char>(random());
    }
    const std::string bytes = prefix + tail;
    const auto [expected, expected_bad] = iconv_gb18030(bytes);
    std::string out;
    const std::size_t bad = decode_gbk(bytes, out);
    ASSERT_EQ(bad, expected_bad) << "trial " << trial;
    ASSERT_TRUE(out == expected) << "trial " << trial;
  }
}

TEST(CsvEncoding, LargeGbkFileReadsTheSameAsUtf8) {
  std::string utf8 = "名称,金额\n";
  while (utf8.size() < 2 * kLarge) utf8 += "诸暨市袜业有限公司,1234.5\n";
  auto from_utf8 = testing::read_all(utf8);
  auto from_gbk = testing::read_all(testing::iconv_from_utf8(utf8, "GBK"));
  ASSERT_TRUE(from_utf8);
  ASSERT_TRUE(from_gbk) << from_gbk.error().message;
  EXPECT_TRUE(*from_utf8 == *from_gbk);
}

TEST(CsvEncoding, ALargeGbkFileNamesTheLineOfABadByte) {
  std::string gbk = testing::iconv_from_utf8("名称\n", "GBK");
  while (gbk.size() < kLarge) gbk += "line\n";
  const std::size_t lines = static_cast<std::size_t>(std::count(gbk.begin(), gbk.end(), '\n'));
  const std::size_t offset = gbk.size();
  gbk += "\xFF\n";
  auto rows = testing::read_all(gbk, Encoding::gbk);
  ASSERT_FALSE(rows);
  EXPECT_NE(rows.error().message.find(fmt::format("line {}, byte offset {}", lines + 1, offset)),
            std::string::npos)
      << rows.error().message;
}

}  // namespace
}  // namespace jingkai::tabular
