#include <fmt/format.h>
#include <xlsxwriter.h>

#include "tabular/table_reader.hpp"
#include "tabular/table_writer.hpp"
#include "tabular/tabular_support.hpp"
#include "tabular/xlsx_fixtures.hpp"

namespace jingkai::tabular {
namespace {

using namespace testing;

Rows xlsx_rows(const std::string& bytes) {
  auto rows = read_all(bytes);
  EXPECT_TRUE(rows.has_value()) << (rows ? "" : rows.error().message);
  return rows.value_or(Rows{});
}

// The cells of the one-row sheet whose row is `cells_xml`.
std::vector<std::string> cells_of(const std::string& cells_xml, const std::string& items = {}) {
  Rows rows = xlsx_rows(hand_made_xlsx("<row r=\"1\">" + cells_xml + "</row>", items));
  return rows.size() == 1 ? rows[0] : std::vector<std::string>{"<not one row>"};
}

TEST(XlsxReader, ReadsSharedStringsAsLibxlsxwriterWritesThemByDefault) {
  const std::string bytes = libxlsxwriter_file(false, [](lxw_workbook* workbook) {
    lxw_worksheet* sheet = workbook_add_worksheet(workbook, "企业");
    worksheet_write_string(sheet, 0, 0, "企业名称", nullptr);
    worksheet_write_string(sheet, 0, 1, "营业收入", nullptr);
    worksheet_write_string(sheet, 1, 0, "诸暨市袜业有限公司", nullptr);
    worksheet_write_number(sheet, 1, 1, 1234.5, nullptr);
    worksheet_write_string(sheet, 2, 0, "诸暨市袜业有限公司", nullptr);  // shared: same index
    worksheet_write_number(sheet, 2, 1, 12000000, nullptr);
  });
  const Parts parts = unzip_parts(bytes);
  ASSERT_NE(find_part(parts, "xl/sharedStrings.xml"), nullptr);
  EXPECT_NE(find_part(parts, "xl/worksheets/sheet1.xml")->find("t=\"s\""), std::string::npos);
  EXPECT_EQ(xlsx_rows(bytes), (Rows{{"企业名称", "营业收入"},
                                    {"诸暨市袜业有限公司", "1234.5"},
                                    {"诸暨市袜业有限公司", "12000000"}}));
}

TEST(XlsxReader, ReadsInlineStringsAsLibxlsxwriterWritesThemInConstantMemory) {
  const std::string bytes = libxlsxwriter_file(true, [](lxw_workbook* workbook) {
    lxw_worksheet* sheet = workbook_add_worksheet(workbook, "Sheet1");
    worksheet_write_string(sheet, 0, 0, "期间", nullptr);
    worksheet_write_string(sheet, 1, 0, "2025-03", nullptr);
    worksheet_write_number(sheet, 1, 1, -0.25, nullptr);
  });
  const Parts parts = unzip_parts(bytes);
  EXPECT_EQ(find_part(parts, "xl/sharedStrings.xml"), nullptr);
  EXPECT_NE(find_part(parts, "xl/worksheets/sheet1.xml")->find("inlineStr"), std::string::npos);
  EXPECT_EQ(xlsx_rows(bytes), (Rows{{"期间"}, {"2025-03", "-0.25"}}));
}

TEST(XlsxReader, ReadsOnlyTheFirstSheet) {
  const std::string bytes = libxlsxwriter_file(false, [](lxw_workbook* workbook) {
    worksheet_write_string(workbook_add_worksheet(workbook, "一月"), 0, 0, "first", nullptr);
    worksheet_write_string(workbook_add_worksheet(workbook, "二月"), 0, 0, "second", nullptr);
  });
  EXPECT_EQ(xlsx_rows(bytes), (Rows{{"first"}}));
}

TEST(XlsxReader, FindsTheFirstSheetThroughTheRelationshipsNotTheFileName) {
  Parts parts =
      workbook_parts(sheet_xml("<row r=\"1\"><c t=\"inlineStr\"><is><t>one</t></is></c></row>"));
  parts = with_part(parts, "xl/worksheets/sheet2.xml",
                    sheet_xml("<row r=\"1\"><c t=\"inlineStr\"><is><t>two</t></is></c></row>"));
  parts = with_part(parts, "xl/workbook.xml",
                    std::string("<workbook xmlns=\"") + kMain + "\" xmlns:rel=\"" + kRelNs +
                        "\"><sheets><sheet name=\"B\" sheetId=\"2\" rel:id=\"rId2\"/>"
                        "<sheet name=\"A\" sheetId=\"1\" rel:id=\"rId1\"/></sheets></workbook>");
  parts = with_part(parts, "xl/_rels/workbook.xml.rels",
                    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                    "relationships\"><Relationship Id=\"rId1\" Type=\"x/worksheet\" "
                    "Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" "
                    "Type=\"x/worksheet\" Target=\"/xl/worksheets/sheet2.xml\"/></Relationships>");
  EXPECT_EQ(xlsx_rows(zip_parts(parts)), (Rows{{"two"}}));
}

TEST(XlsxReader, FillsCellsLeftOutOfARowWithEmptyStrings) {
  EXPECT_EQ(cells_of("<c r=\"B1\"><v>2</v></c><c r=\"E1\"><v>5</v></c>"),
            (std::vector<std::string>{"", "2", "", "", "5"}));
}

TEST(XlsxReader, ReadsCellsWithoutAReferenceInOrder) {
  EXPECT_EQ(cells_of("<c><v>1</v></c><c r=\"C1\"><v>3</v></c><c><v>4</v></c>"),
            (std::vector<std::string>{"1", "", "3", "4"}));
}

TEST(XlsxReader, ReadsColumnsBeyondZ) {
  std::vector<std::string> expected(28);
  expected[27] = "x";
  EXPECT_EQ(cells_of("<c r=\"AB1\" t=\"inlineStr\"><is><t>x</t></is></c>"), expected);
}

TEST(XlsxReader, SkipsRowsTheSheetLeavesOutAndReportsTheSheetsRowNumbers) {
  auto reader =
      open_table(hand_made_xlsx("<row r=\"1\"><c><v>1</v></c></row>"
                                "<row r=\"3\"><c><v>3</v></c></row>"
                                "<row r=\"4\" ht=\"30\" customHeight=\"1\"/>"
                                "<row><c><v>5</v></c></row>"
                                "<row r=\"70\"><c r=\"A70\"><v>70</v></c></row>"));
  ASSERT_TRUE(reader) << reader.error().message;
  std::vector<std::string> cells;
  std::vector<std::int64_t> numbers;
  Rows rows;
  while ((*reader)->next(cells).value_or(false)) {
    numbers.push_back((*reader)->row_number());
    rows.push_back(cells);
  }
  EXPECT_EQ(numbers, (std::vector<std::int64_t>{1, 3, 5, 70}));
  EXPECT_EQ(rows, (Rows{{"1"}, {"3"}, {"5"}, {"70"}}));
}

TEST(XlsxReader, ReadsARowOfBlankStyledCellsAsEmptyStrings) {
  EXPECT_EQ(cells_of("<c r=\"A1\" s=\"1\"/><c r=\"B1\" s=\"1\"/>"),
            (std::vector<std::string>{"", ""}));
}

TEST(XlsxReader, ReadsASheetWithNoRowsAsNoRows) {
  EXPECT_EQ(xlsx_rows(hand_made_xlsx("")), Rows{});
}

TEST(XlsxReader, WritesNumbersWithoutAnExponent) {
  EXPECT_EQ(cells_of("<c><v>1.2E+7</v></c><c><v>1234.5</v></c><c><v>-0.50</v></c>"
                     "<c><v>1E-3</v></c><c><v>0</v></c><c><v>-0</v></c><c><v>007</v></c>"
                     "<c><v>2.5e2</v></c><c><v>1.23456789012E+5</v></c><c><v>-4.5E-7</v></c>"),
            (std::vector<std::string>{"12000000", "1234.5", "-0.5", "0.001", "0", "0", "7", "250",
                                      "123456.789012", "-0.00000045"}));
}

TEST(XlsxReader, WritesEveryShapeOfNumberPlainly) {
  EXPECT_EQ(cells_of("<c t=\"n\"><v>+5</v></c><c><v>1E+0</v></c><c><v>0.000</v></c>"
                     "<c><v>-0.0E+5</v></c><c><v>.5</v></c><c><v>5.</v></c><c><v>100</v></c>"
                     "<c><v>1.5E1</v></c><c><v>123E-2</v></c><c><v>0.001E3</v></c>"),
            (std::vector<std::string>{"5", "1", "0", "0", "0.5", "5", "100", "15", "1.23", "1"}));
}

TEST(XlsxReader, ShiftsTheDecimalPointUpToSixtyFourPlaces) {
  EXPECT_EQ(cells_of("<c><v>1E64</v></c><c><v>1E-64</v></c><c><v>1E65</v></c><c><v>1E-65</v></c>"),
            (std::vector<std::string>{"1" + std::string(64, '0'), "0." + std::string(63, '0') + "1",
                                      "1E65", "1E-65"}));
}

TEST(XlsxReader, KeepsNumbersWhosePlainFormWouldBeAbsurdAsStored) {
  EXPECT_EQ(cells_of("<c><v>1.5E+300</v></c><c><v>12345678901234567890</v></c>"),
            (std::vector<std::string>{"1.5E+300", "12345678901234567890"}));
}

TEST(XlsxReader, KeepsANumberCellThatIsNotANumberAsText) {
  EXPECT_EQ(cells_of("<c><v>abc</v></c><c><v>1e</v></c><c><v>.</v></c><c><v>1.2.3</v></c>"),
            (std::vector<std::string>{"abc", "1e", ".", "1.2.3"}));
}

TEST(XlsxReader, ReadsBooleansErrorsAndFormulaResults) {
  EXPECT_EQ(
      cells_of("<c t=\"b\"><v>1</v></c><c t=\"b\"><v>0</v></c>"
               "<c t=\"e\"><f>1/0</f><v>#DIV/0!</v></c>"
               "<c t=\"str\"><f>A1&amp;\"x\"</f><v>TRUEx</v></c>"
               "<c><f>1+1</f><v>2</v></c><c t=\"d\"><v>2025-03-01T00:00:00</v></c>"),
      (std::vector<std::string>{"TRUE", "FALSE", "#DIV/0!", "TRUEx", "2", "2025-03-01T00:00:00"}));
}

TEST(XlsxReader, DecodesEscapesInFormulaStringResults) {
  EXPECT_EQ(cells_of("<c t=\"str\"><f>CHAR(13)</f><v>a_x000D_b</v></c>"),
            std::vector<std::string>{"a\rb"});
}

TEST(XlsxReader, KeepsAnInlineStringWithoutItsTypeAsText) {
  EXPECT_EQ(cells_of("<c><is><t>abc</t></is></c>"), std::vector<std::string>{"abc"});
}

TEST(XlsxReader, LeavesDatesAsTheSerialNumbersTheyAre) {
  EXPECT_EQ(cells_of("<c s=\"3\"><v>45717</v></c>"), std::vector<std::string>{"45717"});
}

TEST(XlsxReader, JoinsRichTextRunsAndLeavesOutPhoneticGuides) {
  EXPECT_EQ(cells_of("<c t=\"s\"><v>0</v></c><c t=\"s\"><v>1</v></c>",
                     "<si><r><t>诸暨</t></r><r><rPr><b/></rPr><t>经开区</t></r></si>"
                     "<si><t>東京</t><rPh sb=\"0\" eb=\"2\"><t>トウキョウ</t></rPh></si>"),
            (std::vector<std::string>{"诸暨经开区", "東京"}));
}

TEST(XlsxReader, JoinsRichTextRunsOfInlineStrings) {
  EXPECT_EQ(cells_of("<c t=\"inlineStr\"><is><r><t>a</t></r><r><t xml:space=\"preserve\"> "
                     "b</t></r></is></c>"),
            std::vector<std::string>{"a b"});
}

TEST(XlsxReader, KeepsSpacesAndNewlinesInText) {
  EXPECT_EQ(cells_of("<c t=\"inlineStr\"><is><t xml:space=\"preserve\">  a\nb  </t></is></c>"),
            std::vector<std::string>{"  a\nb  "});
}

TEST(XlsxReader, DecodesExcelsEscapesForControlCharacters) {
  EXPECT_EQ(cells_of("<c t=\"s\"><v>0</v></c><c t=\"inlineStr\"><is><t>x_x0009_y</t></is></c>",
                     "<si><t>a_x000D_\nb_x005F_x0041_</t></si>"),
            (std::vector<std::string>{"a\r\nb_x0041_", "x\ty"}));
}

TEST(XlsxReader, LeavesUnderscoresThatAreNotEscapesAlone) {
  EXPECT_EQ(cells_of("<c t=\"inlineStr\"><is><t>_x12_ _xZZZZ_ _x00E9_</t></is></c>"),
            std::vector<std::string>{"_x12_ _xZZZZ_ é"});
}

TEST(XlsxReader, DecodesEntitiesAndCharacterReferences) {
  EXPECT_EQ(cells_of("<c t=\"inlineStr\"><is><t>&lt;&amp;&gt;&quot;&#x8BF8;&#26280;</t></is></c>"),
            std::vector<std::string>{"<&>\"诸暨"});
}

TEST(XlsxReader, ReadsAnEmptySharedString) {
  EXPECT_EQ(
      cells_of("<c t=\"s\"><v>1</v></c><c t=\"s\"><v>0</v></c>", "<si><t/></si><si><t>x</t></si>"),
      (std::vector<std::string>{"x", ""}));
}

// A cell of Excel's longest text (32,767 characters) spans the reader's 64 KiB chunks; a longer
// one is refused (xlsx_limits_test.cpp).
TEST(XlsxReader, ReadsTheLongestCellAcrossChunks) {
  std::string big;
  for (int i = 0; i < 32766; ++i) big += "中";
  EXPECT_EQ(cells_of("<c t=\"inlineStr\"><is><t>" + big + "x</t></is></c><c t=\"s\"><v>0</v></c>",
                     "<si><t>" + big + "y</t></si>"),
            (std::vector<std::string>{big + "x", big + "y"}));
}

TEST(XlsxReader, StreamsALargeSheetAcrossManyChunks) {
  XlsxWriter writer("数据");
  ASSERT_TRUE(writer.header({"序号", "名称", "金额"}));
  for (std::int64_t i = 1; i <= 30000; ++i) {
    ASSERT_TRUE(writer.row({Cell{i}, Cell{"企业" + std::to_string(i)}, Cell{i * 0.5}}));
  }
  auto bytes = writer.finish();
  ASSERT_TRUE(bytes) << bytes.error().message;
  auto reader = open_table(*bytes);
  ASSERT_TRUE(reader) << reader.error().message;
  std::vector<std::string> cells;
  ASSERT_EQ((*reader)->next(cells), true);
  EXPECT_EQ(cells, (std::vector<std::string>{"序号", "名称", "金额"}));
  double last_progress = (*reader)->progress();
  std::int64_t count = 0;
  for (;;) {
    auto more = (*reader)->next(cells);
    ASSERT_TRUE(more) << more.error().message;
    if (!*more) break;
    ++count;
    ASSERT_EQ((*reader)->row_number(), count + 1);
    ASSERT_EQ(cells[0], std::to_string(count));
    ASSERT_EQ(cells[1], "企业" + std::to_string(count));
    ASSERT_GE((*reader)->progress(), last_progress);
    last_progress = (*reader)->progress();
  }
  EXPECT_EQ(count, 30000);
  EXPECT_EQ(cells, (std::vector<std::string>{"30000", "企业30000", "15000"}));  // the last row
  EXPECT_EQ((*reader)->progress(), 1.0);
  EXPECT_EQ((*reader)->next(cells), false);
}

TEST(XlsxReader, ProgressStartsBelowOneAndEndsAtOne) {
  std::string rows;
  for (int i = 1; i <= 2000; ++i) rows += fmt::format("<row r=\"{0}\"><c><v>{0}</v></c></row>", i);
  auto reader = open_table(hand_made_xlsx(rows));
  ASSERT_TRUE(reader);
  std::vector<std::string> cells;
  ASSERT_EQ((*reader)->next(cells), true);
  EXPECT_LT((*reader)->progress(), 0.01);
  while ((*reader)->next(cells).value_or(false)) {
  }
  EXPECT_EQ((*reader)->progress(), 1.0);
}

TEST(XlsxReader, ReusesTheCellsStringsFromRowToRow) {
  auto reader = open_table(hand_made_xlsx(
      "<row r=\"1\"><c t=\"inlineStr\"><is><t>aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa</t></is></c>"
      "<c><v>1.25000000000000000000000</v></c></row>"
      "<row r=\"2\"><c t=\"inlineStr\"><is><t>b</t></is></c><c><v>2</v></c></row>"));
  ASSERT_TRUE(reader);
  std::vector<std::string> cells;
  ASSERT_EQ((*reader)->next(cells), true);
  const std::string* storage = cells.data();
  const char* first = cells[0].data();
  const char* second = cells[1].data();
  ASSERT_EQ((*reader)->next(cells), true);
  EXPECT_EQ(cells, (std::vector<std::string>{"b", "2"}));
  EXPECT_EQ(cells.data(), storage);
  EXPECT_EQ(cells[0].data(), first);
  EXPECT_EQ(cells[1].data(), second);
}

TEST(XlsxReader, OverwritesCellsLeftFromALongerRow) {
  auto reader =
      open_table(hand_made_xlsx("<row r=\"1\"><c><v>1</v></c><c><v>2</v></c></row>"
                                "<row r=\"2\"><c r=\"B2\"><v>3</v></c></row>"));
  ASSERT_TRUE(reader);
  std::vector<std::string> cells{"stale", "stale", "stale"};
  ASSERT_EQ((*reader)->next(cells), true);
  EXPECT_EQ(cells, (std::vector<std::string>{"1", "2"}));
  ASSERT_EQ((*reader)->next(cells), true);
  EXPECT_EQ(cells, (std::vector<std::string>{"", "3"}));
}

TEST(XlsxReader, ReadsStrictOoxmlNamespaces) {
  std::string sheet =
      "<worksheet xmlns=\"http://purl.oclc.org/ooxml/spreadsheetml/main\"><sheetData>"
      "<row r=\"1\"><c t=\"inlineStr\"><is><t>strict</t></is></c></row></sheetData></worksheet>";
  EXPECT_EQ(xlsx_rows(zip_parts(workbook_parts(sheet))), (Rows{{"strict"}}));
}

}  // namespace
}  // namespace jingkai::tabular
