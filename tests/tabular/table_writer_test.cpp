#include "tabular/table_writer.hpp"

#include <dirent.h>
#include <sys/stat.h>

#include <cmath>
#include <limits>
#include <random>

#include "tabular/table_reader.hpp"
#include "tabular/tabular_support.hpp"
#include "tabular/xlsx_fixtures.hpp"

namespace jingkai::tabular {
namespace {

using namespace testing;

TEST(CsvWriter, WritesABomCrlfAndQuotesOnlyWhereNeeded) {
  CsvWriter writer;
  writer.row({"名称", "a,b", "say \"hi\"", "two\nlines", "cr\r", "plain"});
  writer.row({"1", "", "x"});
  EXPECT_EQ(writer.take(),
            "\xEF\xBB\xBF名称,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\r\",plain\r\n"
            "1,,x\r\n");
}

TEST(CsvWriter, WritesWithoutABomWhenAsked) {
  CsvWriter writer(false);
  writer.row({"a"});
  EXPECT_EQ(writer.take(), "a\r\n");
}

TEST(CsvWriter, QuotesALoneEmptyCellSoThatItIsNotAnEmptyLine) {
  CsvWriter writer(false);
  writer.row({""});
  writer.row({});
  writer.row({"", ""});
  EXPECT_EQ(writer.take(), "\"\"\r\n\r\n,\r\n");
}

TEST(CsvWriter, QuotesOnlyQuotes) {
  CsvWriter writer(false);
  writer.row({"\"", "\"\""});
  EXPECT_EQ(writer.take(), "\"\"\"\",\"\"\"\"\"\"\r\n");
}

TEST(CsvWriter, AOneColumnFileOfEmptyCellsReadsBack) {
  CsvWriter writer;
  writer.row({"备注"});
  writer.row({""});
  writer.row({""});
  EXPECT_EQ(read_all(writer.take()), (Rows{{"备注"}, {""}, {""}}));
}

TEST(CsvWriter, StartsOverAfterTake) {
  CsvWriter writer;
  writer.row({"a"});
  EXPECT_EQ(writer.take(),
            "\xEF\xBB\xBF"
            "a\r\n");
  EXPECT_EQ(writer.take(), "\xEF\xBB\xBF");
  writer.row({"b"});
  EXPECT_EQ(writer.take(),
            "\xEF\xBB\xBF"
            "b\r\n");
}

TEST(CsvWriter, WritesGbkForProgramsThatReadNothingElse) {
  CsvWriter writer;
  writer.row({"企业名称", "期间"});
  writer.row({"诸暨市袜业有限公司", "2025-03"});
  auto gbk = writer.take_gbk();
  ASSERT_TRUE(gbk) << gbk.error().message;
  EXPECT_EQ(*gbk, iconv_from_utf8("企业名称,期间\r\n诸暨市袜业有限公司,2025-03\r\n", "GBK"));
  EXPECT_EQ(read_all(*gbk), (Rows{{"企业名称", "期间"}, {"诸暨市袜业有限公司", "2025-03"}}));
}

TEST(CsvWriter, ACharacterGbkLacksIsAnError) {
  CsvWriter writer;
  writer.row({"ok", "卫星\xF0\x9F\x9B\xB0"});  // U+1F6F0 has no GBK code
  auto gbk = writer.take_gbk();
  ASSERT_FALSE(gbk);
  EXPECT_EQ(gbk.error().code, "table_encoding");
  EXPECT_NE(gbk.error().message.find("byte offset 9"), std::string::npos) << gbk.error().message;
}

TEST(TableRoundTrip, CsvWriterRowsReadBackExactly) {
  std::mt19937 random(2260);
  const std::vector<std::string> pieces = {"a", ",",    "\"", "\r", "\n", "\r\n",
                                           " ", "诸暨", "",   "0",  "😀",  "\t"};
  for (int trial = 0; trial < 200; ++trial) {
    Rows rows;
    CsvWriter writer(trial % 2 == 0);
    for (int r = 0; r < 1 + static_cast<int>(random() % 8); ++r) {
      std::vector<std::string> row(random() % 6);
      for (auto& cell : row) {
        for (int k = static_cast<int>(random() % 5); k > 0; --k)
          cell += pieces[random() % pieces.size()];
      }
      writer.row(row);
      rows.push_back(row);
    }
    std::string bytes = writer.take();
    // An all-empty table is table_empty, not rows.
    if (bytes.find_first_not_of("\xEF\xBB\xBF\r\n") == std::string::npos) continue;
    auto back = read_all(bytes);
    ASSERT_TRUE(back) << back.error().message;
    ASSERT_EQ(*back, rows) << bytes;
  }
}

TEST(TableRoundTrip, XlsxWriterCellsReadBackAsText) {
  XlsxWriter writer("2025年3月");
  ASSERT_TRUE(writer.header({"统一社会信用代码", "企业名称", "营业收入(万元)", "从业人数"}));
  ASSERT_TRUE(writer.row({Cell{"91330681MA2BCDEF1X"}, Cell{"诸暨市袜业有限公司"}, Cell{1234.5},
                          Cell{std::int64_t{356}}}));
  ASSERT_TRUE(writer.row({Cell{"x"}, Cell{""}, Cell{1e20}, Cell{std::int64_t{-12000000}}}));
  ASSERT_TRUE(writer.row({Cell{"a,\"b\"\r\nc"}, Cell{"  spaced  "}, Cell{0.001},
                          Cell{std::int64_t{9007199254740992}}}));
  ASSERT_TRUE(writer.row({Cell{"ctl\x01\x1F"}, Cell{"_x0041_"}, Cell{-0.0}}));
  ASSERT_TRUE(writer.row({Cell{"trailing"}, Cell{""}}));
  auto bytes = writer.finish();
  ASSERT_TRUE(bytes) << bytes.error().message;
  EXPECT_EQ(xlsx_rows_or_error(*bytes),
            (Rows{{"统一社会信用代码", "企业名称", "营业收入(万元)", "从业人数"},
                  {"91330681MA2BCDEF1X", "诸暨市袜业有限公司", "1234.5", "356"},
                  {"x", "", "100000000000000000000", "-12000000"},
                  {"a,\"b\"\r\nc", "  spaced  ", "0.001", "9007199254740992"},
                  {"ctl\x01\x1F", "_x0041_", "0"},
                  {"trailing"}}));
}

TEST(TableRoundTrip, RandomXlsxWriterTextReadsBackExactly) {
  std::mt19937 random(4754);
  const std::vector<std::string> pieces = {"a", "&",    "<",       ">", "\"", "'",  "\r\n",
                                           " ", "诸暨", "_x000D_", "😀", "\t", "]]>"};
  XlsxWriter writer("Sheet1");
  Rows rows;
  for (int r = 0; r < 300; ++r) {
    std::vector<std::string> row(1 + random() % 6);
    std::vector<Cell> cells;
    for (auto& text : row) {
      for (int k = 1 + static_cast<int>(random() % 5); k > 0; --k)
        text += pieces[random() % pieces.size()];
      cells.push_back(Cell{text});
    }
    ASSERT_TRUE(writer.row(cells));
    rows.push_back(row);
  }
  auto bytes = writer.finish();
  ASSERT_TRUE(bytes) << bytes.error().message;
  EXPECT_EQ(xlsx_rows_or_error(*bytes), rows);
}

TEST(XlsxWriter, ACellOfAnIntIsAnIntegerAndOfALiteralIsText) {
  EXPECT_TRUE(std::holds_alternative<std::int64_t>(Cell{42}.value));
  EXPECT_TRUE(std::holds_alternative<double>(Cell{4.2}.value));
  EXPECT_TRUE(std::holds_alternative<std::string>(Cell{"42"}.value));
}

TEST(XlsxWriter, WritesNumbersAsNumbersAndTextAsStrings) {
  XlsxWriter writer("Sheet1");
  ASSERT_TRUE(writer.row({Cell{"1234.5"}, Cell{1234.5}, Cell{std::int64_t{7}}}));
  auto bytes = writer.finish();
  ASSERT_TRUE(bytes);
  const std::string sheet = *find_part(unzip_parts(*bytes), "xl/worksheets/sheet1.xml");
  EXPECT_NE(sheet.find("<c r=\"A1\" t=\"inlineStr\"><is><t>1234.5</t></is></c>"), std::string::npos)
      << sheet;
  EXPECT_NE(sheet.find("<c r=\"B1\"><v>1234.5</v></c>"), std::string::npos) << sheet;
  EXPECT_NE(sheet.find("<c r=\"C1\"><v>7</v></c>"), std::string::npos) << sheet;
}

TEST(XlsxWriter, WritesTheHeaderInBold) {
  XlsxWriter writer("Sheet1");
  ASSERT_TRUE(writer.header({"名称"}));
  ASSERT_TRUE(writer.row({Cell{"甲"}}));
  auto bytes = writer.finish();
  ASSERT_TRUE(bytes);
  const Parts parts = unzip_parts(*bytes);
  const std::string sheet = *find_part(parts, "xl/worksheets/sheet1.xml");
  EXPECT_NE(sheet.find("<c r=\"A1\" s=\"1\" t=\"inlineStr\">"), std::string::npos) << sheet;
  EXPECT_NE(sheet.find("<c r=\"A2\" t=\"inlineStr\">"), std::string::npos) << sheet;
  EXPECT_NE(find_part(parts, "xl/styles.xml")->find("<b/>"), std::string::npos);
}

TEST(XlsxWriter, NamesTheSheet) {
  XlsxWriter writer("2025年3月报表");
  ASSERT_TRUE(writer.row({Cell{"x"}}));
  auto bytes = writer.finish();
  ASSERT_TRUE(bytes);
  EXPECT_NE(find_part(unzip_parts(*bytes), "xl/workbook.xml")->find("name=\"2025年3月报表\""),
            std::string::npos);
}

TEST(XlsxWriter, RejectsBadSheetNames) {
  for (const std::string& name : std::vector<std::string>{"", "a/b", "a[1]", "x:y", "q?", "*",
                                                          "back\\slash", std::string(32, 'n')}) {
    XlsxWriter writer(name);
    auto row = writer.row({Cell{"x"}});
    ASSERT_FALSE(row) << name;
    EXPECT_EQ(row.error().code, "xlsx_sheet_name");
    auto bytes = writer.finish();
    ASSERT_FALSE(bytes);
    EXPECT_EQ(bytes.error().code, "xlsx_sheet_name");
  }
}

TEST(XlsxWriter, AcceptsAThirtyOneCharacterSheetName) {
  XlsxWriter writer(std::string(31, 'n'));
  EXPECT_TRUE(writer.row({Cell{"x"}}));
  EXPECT_TRUE(writer.finish());
}

TEST(XlsxWriter, RejectsNumbersXlsxCannotHold) {
  for (const Cell& cell :
       {Cell{std::nan("")}, Cell{std::numeric_limits<double>::infinity()},
        Cell{-std::numeric_limits<double>::infinity()}, Cell{std::int64_t{9007199254740993}},
        Cell{std::int64_t{-9007199254740993}}}) {
    XlsxWriter writer("Sheet1");
    auto row = writer.row({Cell{"ok"}, cell});
    ASSERT_FALSE(row);
    EXPECT_EQ(row.error().code, "xlsx_number");
    EXPECT_NE(row.error().message.find("row 1, column 2"), std::string::npos)
        << row.error().message;
    EXPECT_FALSE(writer.finish());
  }
}

TEST(XlsxWriter, RejectsTextOverExcelsLimitButTakesTextAtIt) {
  XlsxWriter at_limit("Sheet1");
  EXPECT_TRUE(at_limit.row({Cell{std::string(32767, 'x')}}));
  std::string chinese;
  for (int i = 0; i < 32767; ++i) chinese += "诸";
  EXPECT_TRUE(at_limit.row({Cell{chinese}}));  // characters, not bytes
  auto bytes = at_limit.finish();
  ASSERT_TRUE(bytes);
  EXPECT_EQ(xlsx_rows_or_error(*bytes), (Rows{{std::string(32767, 'x')}, {chinese}}));

  XlsxWriter over("Sheet1");
  auto row = over.row({Cell{std::string(32768, 'x')}});
  ASSERT_FALSE(row);
  EXPECT_EQ(row.error().code, "xlsx_text");
}

TEST(XlsxWriter, RejectsMoreColumnsThanASheetHas) {
  XlsxWriter writer("Sheet1");
  auto row = writer.row(std::vector<Cell>(16385, Cell{std::int64_t{1}}));
  ASSERT_FALSE(row);
  EXPECT_EQ(row.error().code, "xlsx_too_many_columns");
  XlsxWriter widest("Sheet1");
  EXPECT_TRUE(widest.row(std::vector<Cell>(16384, Cell{std::int64_t{1}})));
}

TEST(XlsxWriter, RejectsTextThatIsNotUtf8) {
  XlsxWriter writer("Sheet1");
  auto row = writer.row({Cell{"\xD6\xD0"}});  // 中 in GBK
  ASSERT_FALSE(row);
  EXPECT_EQ(row.error().code, "xlsx_text");
  XlsxWriter nul("Sheet1");
  EXPECT_FALSE(nul.row({Cell{std::string("a\0b", 3)}}));
}

TEST(XlsxWriter, KeepsTheFirstErrorForEveryLaterCall) {
  XlsxWriter writer("Sheet1");
  ASSERT_FALSE(writer.row({Cell{std::nan("")}}));
  auto later = writer.row({Cell{"fine"}});
  ASSERT_FALSE(later);
  EXPECT_EQ(later.error().code, "xlsx_number");
  auto header = writer.header({"fine"});
  ASSERT_FALSE(header);
  EXPECT_EQ(header.error().code, "xlsx_number");
}

TEST(XlsxWriter, FinishesOnlyOnce) {
  XlsxWriter writer("Sheet1");
  ASSERT_TRUE(writer.finish());
  auto again = writer.finish();
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, "xlsx_write");
  EXPECT_FALSE(writer.row({Cell{"late"}}));
}

TEST(XlsxWriter, AnEmptyWorkbookOpensWithNoRows) {
  XlsxWriter writer("Sheet1");
  auto bytes = writer.finish();
  ASSERT_TRUE(bytes);
  EXPECT_EQ(xlsx_rows_or_error(*bytes), Rows{});
}

class XlsxWriterTempDir : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::string(std::getenv("TMPDIR") ? std::getenv("TMPDIR") : "/tmp") + "/jk-xlsx-XXXXXX";
    ASSERT_NE(mkdtemp(dir_.data()), nullptr);
  }
  void TearDown() override { rmdir(dir_.c_str()); }
  int entries() const {
    int count = 0;
    DIR* dir = opendir(dir_.c_str());
    while (dirent* entry = readdir(dir)) count += entry->d_name[0] != '.';
    closedir(dir);
    return count;
  }
  std::string dir_;
};

TEST_F(XlsxWriterTempDir, RemovesItsTemporaryFileWhenFinished) {
  XlsxWriter writer("Sheet1", dir_);
  ASSERT_TRUE(writer.row({Cell{"x"}}));
  EXPECT_EQ(entries(), 1);
  ASSERT_TRUE(writer.finish());
  EXPECT_EQ(entries(), 0);
}

TEST_F(XlsxWriterTempDir, RemovesItsTemporaryFileWhenAbandoned) {
  {
    XlsxWriter writer("Sheet1", dir_);
    ASSERT_TRUE(writer.row({Cell{"x"}}));
  }
  EXPECT_EQ(entries(), 0);
}

TEST_F(XlsxWriterTempDir, KeepsItsTemporaryFilePrivate) {
  XlsxWriter writer("Sheet1", dir_);
  DIR* dir = opendir(dir_.c_str());
  std::string name;
  while (dirent* entry = readdir(dir)) {
    if (entry->d_name[0] != '.') name = entry->d_name;
  }
  closedir(dir);
  struct stat info;
  ASSERT_EQ(stat((dir_ + "/" + name).c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0077, 0u);
}

TEST(XlsxWriter, ADirectoryThatCannotBeWrittenIsAnError) {
  XlsxWriter writer("Sheet1", "/nonexistent/jingkai");
  auto row = writer.row({Cell{"x"}});
  ASSERT_FALSE(row);
  EXPECT_EQ(row.error().code, "xlsx_write");
  EXPECT_NE(row.error().message.find("/nonexistent/jingkai"), std::string::npos);
}

}  // namespace
}  // namespace jingkai::tabular
