// CSV injection: text a spreadsheet would run as a formula is exported after a ', and read
// back without it; numbers stay numbers both ways.
#include "tabular/formula_guard.hpp"

#include <random>

#include "tabular/sheet_file.hpp"
#include "tabular/table_writer.hpp"
#include "tabular/tabular_support.hpp"
#include "tabular/xlsx_fixtures.hpp"

namespace jingkai::tabular {
namespace {

using namespace testing;

TEST(CsvWriter, TheFormulaGuardRule) {
  for (const char* text : {"=SUM(1)",
                           "=",
                           "+",
                           "-",
                           "@",
                           "@SUM(A1)",
                           "\tx",
                           "\rx",
                           "-2+3",
                           "+1-1",
                           "-cmd|' /C calc'!A0",
                           "=HYPERLINK(\"http://x\",\"y\")",
                           "'=x",
                           "''=x",
                           "'@x",
                           "'-",
                           "- 5",
                           "-5 ",
                           "-1e",
                           "-.5",
                           "-5.",
                           "+-5"}) {
    EXPECT_TRUE(needs_formula_guard(text)) << text;
  }
  for (const char* text : {"", "'", "''", "abc", "'abc", "a=b", " =x", "1-2", "诸暨", "-12.50",
                           "+3", "-0", "-1E5", "-1e-5", "+2.5E+3", "'-12.50", "0", "12", "_x"}) {
    EXPECT_FALSE(needs_formula_guard(text)) << text;
  }
}

TEST(CsvWriter, TextThatWouldRunAsAFormulaIsWrittenAfterAQuote) {
  CsvWriter writer(false);
  writer.row({"=SUM(1)", "@cmd", "+x", "-2+3", "\tTAB", "=A1,B1", "=\"q\""});
  EXPECT_EQ(writer.take(), "'=SUM(1),'@cmd,'+x,'-2+3,'\tTAB,\"'=A1,B1\",\"'=\"\"q\"\"\"\r\n");
  writer.row({"\rCR"});
  EXPECT_EQ(writer.take(), "\"'\rCR\"\r\n");
}

TEST(CsvWriter, NumbersAndOrdinaryTextAreWrittenAsTheyAre) {
  CsvWriter writer(false);
  writer.row({"-12.50", "+3", "-1E5", "0", "诸暨市袜业有限公司", "a=b", "", "91330681MA2BCDEF1X"});
  EXPECT_EQ(writer.take(), "-12.50,+3,-1E5,0,诸暨市袜业有限公司,a=b,,91330681MA2BCDEF1X\r\n");
}

TEST(CsvWriter, AQuoteAlreadyBeforeAFormulaGetsOneMore) {
  CsvWriter writer(false);
  writer.row({"'=x", "'abc", "'-12.50"});
  EXPECT_EQ(writer.take(), "''=x,'abc,'-12.50\r\n");
}

TEST(CsvReader, AGuardQuoteIsTakenOffAndOtherQuotesAreKept) {
  EXPECT_EQ(read_all("'=SUM(1),\"'=A1,B1\",''=x,'abc,'-12.50,'-2+3,'\r\n"),
            (Rows{{"=SUM(1)", "=A1,B1", "'=x", "'abc", "'-12.50", "-2+3", "'"}}));
}

TEST(TableRoundTrip, FormulaLikeTextAndNegativeFiguresReadBackExactly) {
  const Rows rows = {{"企业名称", "利润总额(万元)", "从业人数"},
                     {"=SUM(1)", "-12.50", "-3"},
                     {"@HYPERLINK(\"http://x\")", "-0.01", "+5"},
                     {"'=already quoted", "'plain", "-2+3"},
                     {"\tleading tab", "\rleading CR", "-"}};
  CsvWriter writer;
  for (const auto& row : rows) writer.row(row);
  auto back = read_all(writer.take());
  ASSERT_TRUE(back) << back.error().message;
  EXPECT_EQ(*back, rows);
}

TEST(TableRoundTrip, RandomFormulaLikeTextReadsBackExactly) {
  std::mt19937 random(4180);
  const std::vector<std::string> pieces = {"=", "+", "-", "@", "'", "\t", "\r",
                                           "1", ".", "E", "a", ",", "\"", "诸"};
  for (int trial = 0; trial < 300; ++trial) {
    Rows rows;
    CsvWriter writer(trial % 2 == 0);
    for (int r = 0; r < 1 + static_cast<int>(random() % 5); ++r) {
      std::vector<std::string> row(1 + random() % 5);
      for (auto& cell : row) {
        for (int k = 1 + static_cast<int>(random() % 5); k > 0; --k)
          cell += pieces[random() % pieces.size()];
      }
      writer.row(row);
      rows.push_back(row);
    }
    auto back = read_all(writer.take());
    ASSERT_TRUE(back) << back.error().message;
    ASSERT_EQ(*back, rows);
  }
}

TEST(TableRoundTrip, ASheetKeepsNumberCellsAsNumbersAndGuardsFormulaText) {
  const std::vector<std::vector<Cell>> rows = {
      {Cell{"=SUM(1)"}, Cell{std::int64_t{-1250}}, Cell{-12.5}, Cell{"-12.50"}}};
  auto csv = write_sheet(SheetFormat::csv, "Sheet1", {"名称", "分", "元", "文本"}, rows);
  ASSERT_TRUE(csv);
  EXPECT_NE(csv->find("'=SUM(1),-1250,-12.5,-12.50\r\n"), std::string::npos) << *csv;
  EXPECT_EQ(read_all(*csv),
            (Rows{{"名称", "分", "元", "文本"}, {"=SUM(1)", "-1250", "-12.5", "-12.50"}}));
  // XLSX keeps text as a string cell, which no spreadsheet runs: no quote there.
  auto xlsx = write_sheet(SheetFormat::xlsx, "Sheet1", {"名称", "分", "元", "文本"}, rows);
  ASSERT_TRUE(xlsx);
  const std::string sheet = *find_part(unzip_parts(*xlsx), "xl/worksheets/sheet1.xml");
  EXPECT_NE(sheet.find("<is><t>=SUM(1)</t></is>"), std::string::npos) << sheet;
  EXPECT_EQ(sheet.find("<f>"), std::string::npos) << sheet;
  EXPECT_EQ(read_all(*xlsx),
            (Rows{{"名称", "分", "元", "文本"}, {"=SUM(1)", "-1250", "-12.5", "-12.50"}}));
}

}  // namespace
}  // namespace jingkai::tabular
