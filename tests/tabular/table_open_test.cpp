#include "tabular/table_reader.hpp"
#include "tabular/tabular_support.hpp"

namespace jingkai::tabular {
namespace {

using testing::iconv_from_utf8;
using testing::read_all;
using testing::Rows;

const std::string kUtf8Report =
    "统一社会信用代码,企业名称,期间,营业收入(万元)\n"
    "91330681MA2BCDEF1X,诸暨市袜业有限公司,2025-03,1234.5\n"
    "91330681MA2BCDEF2Y,\"浙江珍珠\"\"养殖\"\",有限公司\",2025-03,88\n";
const Rows kReportRows = {
    {"统一社会信用代码", "企业名称", "期间", "营业收入(万元)"},
    {"91330681MA2BCDEF1X", "诸暨市袜业有限公司", "2025-03", "1234.5"},
    {"91330681MA2BCDEF2Y", "浙江珍珠\"养殖\",有限公司", "2025-03", "88"},
};

void expect_error(const Result<Rows>& rows, std::string_view code) {
  ASSERT_FALSE(rows.has_value()) << "read " << rows->size() << " rows";
  EXPECT_EQ(rows.error().code, code) << rows.error().message;
  EXPECT_EQ(rows.error().field, "file");
  EXPECT_FALSE(rows.error().message.empty());
}

TEST(CsvEncoding, DetectsUtf8) { EXPECT_EQ(read_all(kUtf8Report), kReportRows); }

TEST(CsvEncoding, StripsAUtf8BomAsExcelWritesIt) {
  std::string excel = "\xEF\xBB\xBF" + kUtf8Report;
  for (std::size_t at; (at = excel.find('\n')) != std::string::npos && excel[at - 1] != '\r';) {
    excel.replace(at, 1, "\r\n");
  }
  EXPECT_EQ(read_all(excel), kReportRows);
  EXPECT_EQ(read_all(excel, Encoding::utf8), kReportRows);
}

TEST(CsvEncoding, AQuotedFirstCellAfterABomIsStillQuoted) {
  EXPECT_EQ(read_all("\xEF\xBB\xBF\"a,b\",c\n"), (Rows{{"a,b", "c"}}));
}

TEST(CsvEncoding, DetectsGbkAsExcelOnChineseWindowsSavesIt) {
  EXPECT_EQ(read_all(iconv_from_utf8(kUtf8Report, "GBK")), kReportRows);
}

TEST(CsvEncoding, ReadsForcedGbk) {
  EXPECT_EQ(read_all(iconv_from_utf8(kUtf8Report, "GBK"), Encoding::gbk), kReportRows);
}

TEST(CsvEncoding, ReadsGb2312Text) {
  EXPECT_EQ(read_all(iconv_from_utf8("名称\n开发区\n", "GB2312")), (Rows{{"名称"}, {"开发区"}}));
}

TEST(CsvEncoding, ReadsCharactersOnlyGb18030Has) {
  // U+20000 (𠀀) and U+9FA6 are outside GBK: GB18030 gives them four-byte codes.
  const std::string text = "名称\n𠀀\xE9\xBE\xA6\n";
  EXPECT_EQ(read_all(iconv_from_utf8(text, "GB18030")), (Rows{{"名称"}, {"𠀀\xE9\xBE\xA6"}}));
}

TEST(CsvEncoding, ReadsAsciiForcedEitherWay) {
  EXPECT_EQ(read_all("a,b\n", Encoding::gbk), (Rows{{"a", "b"}}));
  EXPECT_EQ(read_all("a,b\n", Encoding::utf8), (Rows{{"a", "b"}}));
}

TEST(CsvEncoding, GbkForcedAsUtf8NamesTheLineAndOffsetOfTheFirstBadByte) {
  const std::string gbk = iconv_from_utf8("code,name\n1,诸暨\n", "GBK");
  auto rows = read_all(gbk, Encoding::utf8);
  expect_error(rows, "table_encoding");
  EXPECT_NE(rows.error().message.find("line 2, byte offset 12"), std::string::npos)
      << rows.error().message;
  EXPECT_NE(rows.error().message.find("第 2 行，字节偏移 12"), std::string::npos);
}

TEST(CsvEncoding, Utf8ForcedAsGbkIsAnErrorNotMojibake) {
  expect_error(read_all(kUtf8Report, Encoding::gbk), "table_encoding");
}

TEST(CsvEncoding, ABomForcedAsGbkIsAnError) {
  expect_error(read_all("\xEF\xBB\xBF"
                        "a,b\n",
                        Encoding::gbk),
               "table_encoding");
}

TEST(CsvEncoding, ForcedGbkNamesAByteThatDoesNotDecode) {
  const std::string bad = iconv_from_utf8("名称\n", "GBK") + "ok\n\xFF\n";
  auto rows = read_all(bad, Encoding::gbk);
  expect_error(rows, "table_encoding");
  EXPECT_NE(rows.error().message.find("line 3, byte offset 8"), std::string::npos)
      << rows.error().message;
}

TEST(CsvEncoding, ABrokenUtf8FileWithABomNamesTheOffsetInTheWholeFile) {
  auto rows = read_all("\xEF\xBB\xBFok\n\xE8\xAF\n");
  expect_error(rows, "table_encoding");
  EXPECT_NE(rows.error().message.find("line 2, byte offset 6"), std::string::npos)
      << rows.error().message;
}

TEST(CsvEncoding, BytesThatAreNeitherUtf8NorGbkAreAnEncodingError) {
  auto rows = read_all("a,b\nc,\xFF\xFF\n");
  expect_error(rows, "table_encoding");
  EXPECT_NE(rows.error().message.find("UTF-8/GBK"), std::string::npos) << rows.error().message;
  EXPECT_NE(rows.error().message.find("line 2, byte offset 6"), std::string::npos);
}

TEST(CsvEncoding, ANeitherErrorPointsPastWhatTheLikelierEncodingRead) {
  // Valid GBK up to a truncated lead byte at the end: GBK got further than UTF-8 did.
  const std::string gbk = iconv_from_utf8("名称\n开发区\n", "GBK") + "\x81";
  auto rows = read_all(gbk);
  expect_error(rows, "table_encoding");
  EXPECT_NE(rows.error().message.find("byte offset 12"), std::string::npos) << rows.error().message;
}

TEST(CsvEncoding, AGbkFileTruncatedInsideACharacterIsAnError) {
  std::string gbk = iconv_from_utf8("名称\n开发区", "GBK");
  gbk.pop_back();
  expect_error(read_all(gbk, Encoding::gbk), "table_encoding");
}

TEST(TableOpen, AnEmptyFileIsTableEmpty) {
  expect_error(read_all(""), "table_empty");
  expect_error(read_all("", Encoding::gbk), "table_empty");
  expect_error(read_all("\xEF\xBB\xBF"), "table_empty");
  expect_error(read_all("\r\n\n\r"), "table_empty");
}

TEST(TableOpen, AFileOfSpacesIsNotEmpty) { EXPECT_EQ(read_all(" \n"), (Rows{{" "}})); }

TEST(TableOpen, APngImageIsNotText) {
  const std::string png("\x89PNG\r\n\x1A\n\0\0\0\rIHDR\0\0\0\x10", 20);
  auto rows = read_all(png);
  expect_error(rows, "table_not_text");
  EXPECT_NE(rows.error().message.find("PNG"), std::string::npos);
}

TEST(TableOpen, AnElfProgramIsNotText) {
  const std::string elf(
      "\x7F"
      "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0",
      20);
  expect_error(read_all(elf), "table_not_text");
  expect_error(read_all(elf, Encoding::utf8), "table_not_text");
  expect_error(read_all(elf, Encoding::gbk), "table_not_text");
}

TEST(TableOpen, ALegacyXlsFileIsNamedAsSuch) {
  const std::string xls("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0", 12);
  auto rows = read_all(xls);
  expect_error(rows, "table_not_text");
  EXPECT_NE(rows.error().message.find(".xls"), std::string::npos);
}

TEST(TableOpen, Utf16TextIsNotReadAsCsv) {
  auto rows =
      read_all(iconv_from_utf8("\xEF\xBB\xBF"
                               "a,b\n",
                               "UTF-16"));
  expect_error(rows, "table_not_text");
  EXPECT_NE(rows.error().message.find("UTF-16"), std::string::npos) << rows.error().message;
}

TEST(TableOpen, TextWithANulByteIsNotText) {
  expect_error(read_all(std::string("a,b\nc,\0\n", 8)), "table_not_text");
}

TEST(TableOpen, TextFullOfControlCharactersIsNotText) {
  expect_error(read_all("\x01\x02\x03\x04,\x05\x06\n"), "table_not_text");
}

TEST(TableOpen, AFewControlCharactersInLongTextAreStillText) {
  std::string text(2000, 'a');
  text[100] = '\x07';
  text[500] = '\x1A';
  text += "\n";
  auto rows = read_all(text);
  ASSERT_TRUE(rows) << rows.error().message;
  EXPECT_EQ(rows->at(0).at(0).size(), 2000u);
}

TEST(TableOpen, AGzipFileIsNotText) {
  expect_error(read_all(std::string("\x1F\x8B\x08\0\0\0\0\0", 8)), "table_not_text");
}

TEST(TableOpen, AZipSignatureMeansXlsx) {
  expect_error(read_all(std::string("PK\x03\x04garbage")), "xlsx_corrupt");
  expect_error(read_all(std::string("PK\x03\x04garbage"), Encoding::gbk), "xlsx_corrupt");
  expect_error(read_all(std::string("PK\x05\x06\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0", 22)),
               "xlsx_corrupt");
}

TEST(TableOpen, ParsesEncodingNames) {
  EXPECT_EQ(parse_encoding("utf-8"), Encoding::utf8);
  EXPECT_EQ(parse_encoding("UTF8"), Encoding::utf8);
  EXPECT_EQ(parse_encoding("Utf-8"), Encoding::utf8);
  EXPECT_EQ(parse_encoding("gbk"), Encoding::gbk);
  EXPECT_EQ(parse_encoding("GB18030"), Encoding::gbk);
  EXPECT_EQ(parse_encoding("gb2312"), Encoding::gbk);
}

TEST(TableOpen, RejectsUnknownEncodingNames) {
  for (const char* name : {"", "latin1", "utf-16", "gb", "utf-8 ", "big5"}) {
    auto encoding = parse_encoding(name);
    ASSERT_FALSE(encoding) << name;
    EXPECT_EQ(encoding.error().code, "table_encoding_name");
    EXPECT_EQ(encoding.error().field, "encoding");
  }
}

}  // namespace
}  // namespace jingkai::tabular
