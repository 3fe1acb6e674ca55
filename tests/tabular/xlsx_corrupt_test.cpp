#include "tabular/table_reader.hpp"
#include "tabular/table_writer.hpp"
#include "tabular/tabular_support.hpp"
#include "tabular/xlsx_fixtures.hpp"

namespace jingkai::tabular {
namespace {

using namespace testing;

// The error reading `bytes` ends in; a test failure when it reads to the end instead.
Error error_of(const std::string& bytes) {
  auto rows = read_all(bytes);
  EXPECT_FALSE(rows.has_value()) << "read " << rows->size() << " rows";
  return rows ? Error{} : rows.error();
}

void expect_corrupt(const std::string& bytes, std::string_view mentions) {
  const Error error = error_of(bytes);
  EXPECT_EQ(error.code, "xlsx_corrupt") << error.message;
  EXPECT_EQ(error.field, "file");
  EXPECT_NE(error.message.find(mentions), std::string::npos) << error.message;
}

std::string sample_workbook() {
  XlsxWriter writer("Sheet1");
  EXPECT_TRUE(writer.header({"统一社会信用代码", "企业名称", "营业收入"}));
  for (int i = 0; i < 200; ++i) {
    EXPECT_TRUE(writer.row({Cell{"91330681MA2BCDE" + std::to_string(100 + i)},
                            Cell{"诸暨第" + std::to_string(i) + "号企业"}, Cell{i * 1.5}}));
  }
  return writer.finish().value_or("");
}

std::string shared_strings_workbook() {
  return libxlsxwriter_file(false, [](lxw_workbook* workbook) {
    lxw_worksheet* sheet = workbook_add_worksheet(workbook, "Sheet1");
    for (int i = 0; i < 50; ++i) {
      worksheet_write_string(sheet, i, 0, ("名称" + std::to_string(i)).c_str(), nullptr);
      worksheet_write_number(sheet, i, 1, i, nullptr);
    }
  });
}

TEST(XlsxCorrupt, ATruncatedArchiveIsCorruptAtEveryCutPoint) {
  for (const std::string& whole : {sample_workbook(), shared_strings_workbook()}) {
    ASSERT_GT(whole.size(), 1000u);
    for (std::size_t cut = 4; cut < whole.size(); cut += 1 + cut / 50) {
      const Error error = error_of(whole.substr(0, cut));
      ASSERT_EQ(error.code, "xlsx_corrupt") << "cut at " << cut << ": " << error.message;
      ASSERT_EQ(error.field, "file");
    }
  }
}

TEST(XlsxCorrupt, ATruncatedArchiveSaysTheUploadMayBeIncomplete) {
  const std::string whole = sample_workbook();
  expect_corrupt(whole.substr(0, whole.size() / 2), "not a complete ZIP archive");
}

TEST(XlsxCorrupt, DamagedBytesInsideTheArchiveAreAnErrorOrHarmlessNeverACrash) {
  const std::string whole = shared_strings_workbook();
  int errors = 0;
  for (std::size_t at = 0; at < whole.size(); at += 7) {
    std::string damaged = whole;
    damaged[at] = static_cast<char>(damaged[at] ^ 0x5A);
    auto rows = read_all(damaged);
    if (!rows) {
      ++errors;
      // A damaged signature turns the file into text that is not UTF-8 or GBK.
      if (at < 4) continue;
      ASSERT_EQ(rows.error().code, "xlsx_corrupt") << "byte " << at << ": " << rows.error().message;
    }
  }
  EXPECT_GT(errors, 0);
}

TEST(XlsxCorrupt, AMissingSharedStringsPartThatTheWorkbookNamesIsNamed) {
  const Parts parts = unzip_parts(shared_strings_workbook());
  ASSERT_NE(find_part(parts, "xl/sharedStrings.xml"), nullptr);
  expect_corrupt(zip_parts(without_part(parts, "xl/sharedStrings.xml")), "xl/sharedStrings.xml");
}

TEST(XlsxCorrupt, ASharedStringCellWithNoSharedStringsAtAllNamesItsRow) {
  expect_corrupt(hand_made_xlsx("<row r=\"1\"><c><v>1</v></c></row>"
                                "<row r=\"2\"><c t=\"s\"><v>0</v></c></row>"),
                 "row 2 uses shared strings but xl/sharedStrings.xml is missing");
}

TEST(XlsxCorrupt, ASharedStringIndexOutOfRangeNamesItsRow) {
  expect_corrupt(hand_made_xlsx("<row r=\"4\"><c t=\"s\"><v>2</v></c></row>", "<si><t>a</t></si>"),
                 "row 4: no shared string \"2\"");
  expect_corrupt(hand_made_xlsx("<row r=\"1\"><c t=\"s\"><v>x</v></c></row>", "<si><t>a</t></si>"),
                 "no shared string \"x\"");
  expect_corrupt(hand_made_xlsx("<row r=\"1\"><c t=\"s\"><v>-1</v></c></row>", "<si><t>a</t></si>"),
                 "no shared string");
  expect_corrupt(hand_made_xlsx("<row r=\"1\"><c t=\"s\"/></row>", "<si><t>a</t></si>"),
                 "no shared string");
}

TEST(XlsxCorrupt, AMissingWorkbookIsNamed) {
  const Parts parts = workbook_parts(sheet_xml(""));
  expect_corrupt(zip_parts(without_part(parts, "xl/workbook.xml")), "xl/workbook.xml is missing");
}

TEST(XlsxCorrupt, AMissingRelationshipsPartIsNamed) {
  const Parts parts = workbook_parts(sheet_xml(""));
  expect_corrupt(zip_parts(without_part(parts, "xl/_rels/workbook.xml.rels")),
                 "xl/_rels/workbook.xml.rels is missing");
}

TEST(XlsxCorrupt, AMissingSheetIsNamed) {
  const Parts parts = workbook_parts(sheet_xml(""));
  expect_corrupt(zip_parts(without_part(parts, "xl/worksheets/sheet1.xml")),
                 "xl/worksheets/sheet1.xml is missing");
}

TEST(XlsxCorrupt, AnyZipThatIsNotAWorkbookIsCorrupt) {
  expect_corrupt(zip_parts({{"readme.txt", "hello"}}), "xl/workbook.xml is missing");
}

TEST(XlsxCorrupt, AWorkbookWithoutSheetsIsNamedAsSuch) {
  const Parts parts =
      with_part(workbook_parts(sheet_xml("")), "xl/workbook.xml",
                std::string("<workbook xmlns=\"") + kMain + "\"><sheets/></workbook>");
  expect_corrupt(zip_parts(parts), "the workbook has no sheet");
}

TEST(XlsxCorrupt, ASheetWithoutARelationshipIdIsNamed) {
  const Parts parts =
      with_part(workbook_parts(sheet_xml("")), "xl/workbook.xml",
                std::string("<workbook xmlns=\"") + kMain +
                    "\"><sheets><sheet name=\"a\" sheetId=\"1\" id=\"rId1\"/></sheets></workbook>");
  expect_corrupt(zip_parts(parts), "has no r:id");
}

TEST(XlsxCorrupt, ASheetTheRelationshipsDoNotListIsNamed) {
  const Parts parts = with_part(
      workbook_parts(sheet_xml("")), "xl/workbook.xml",
      std::string("<workbook xmlns=\"") + kMain + "\" xmlns:r=\"" + kRelNs +
          "\"><sheets><sheet name=\"a\" sheetId=\"1\" r:id=\"rId7\"/></sheets></workbook>");
  expect_corrupt(zip_parts(parts), "no target for sheet rId7");
}

TEST(XlsxCorrupt, GarbageXmlNamesThePartAndLine) {
  const Parts parts =
      with_part(workbook_parts(sheet_xml("")), "xl/worksheets/sheet1.xml", "<worksheet>\n<<<>");
  expect_corrupt(zip_parts(parts), "xl/worksheets/sheet1.xml line 2: bad XML");
  expect_corrupt(zip_parts(with_part(workbook_parts(sheet_xml("")), "xl/workbook.xml", "garbage")),
                 "xl/workbook.xml line 1: bad XML");
  expect_corrupt(hand_made_xlsx("", "<si><t>unclosed</si>"), "xl/sharedStrings.xml");
}

TEST(XlsxCorrupt, AnEmptyPartIsBadXml) {
  expect_corrupt(
      zip_parts(with_part(workbook_parts(sheet_xml("")), "xl/worksheets/sheet1.xml", "")),
      "xl/worksheets/sheet1.xml line 1: bad XML");
}

TEST(XlsxCorrupt, ASheetCutShortGivesItsRowsThenAnError) {
  std::string sheet =
      sheet_xml("<row r=\"1\"><c><v>1</v></c></row><row r=\"2\"><c><v>2</v></c></row>");
  sheet.resize(sheet.find("<row r=\"2\"") + 12);
  auto reader = open_table(
      zip_parts(with_part(workbook_parts(sheet_xml("")), "xl/worksheets/sheet1.xml", sheet)));
  ASSERT_TRUE(reader) << reader.error().message;
  std::vector<std::string> cells;
  ASSERT_EQ((*reader)->next(cells), true);
  EXPECT_EQ(cells, std::vector<std::string>{"1"});
  auto more = (*reader)->next(cells);
  ASSERT_FALSE(more);
  EXPECT_EQ(more.error().code, "xlsx_corrupt");
  EXPECT_EQ((*reader)->next(cells), false);
}

TEST(XlsxCorrupt, CellsOutOfOrderAreAnError) {
  expect_corrupt(
      hand_made_xlsx("<row r=\"1\"><c r=\"C1\"><v>1</v></c><c r=\"A1\"><v>2</v></c></row>"),
      "row 1: bad or out-of-order cell reference \"A1\"");
  expect_corrupt(
      hand_made_xlsx("<row r=\"1\"><c r=\"B1\"><v>1</v></c><c r=\"B1\"><v>2</v></c></row>"),
      "\"B1\"");
}

TEST(XlsxCorrupt, AMalformedCellReferenceIsAnError) {
  for (const char* reference : {"1A", "a1", "", "A-1", "AAAA1", "XFE1", "ZZZ1"}) {
    expect_corrupt(
        hand_made_xlsx(std::string("<row r=\"1\"><c r=\"") + reference + "\"><v>1</v></c></row>"),
        "bad or out-of-order cell reference");
  }
}

TEST(XlsxCorrupt, TheLastColumnXfdIsFine) {
  auto rows = read_all(hand_made_xlsx("<row r=\"1\"><c r=\"XFD1\"><v>1</v></c></row>"));
  ASSERT_TRUE(rows) << rows.error().message;
  ASSERT_EQ(rows->at(0).size(), 16384u);
  EXPECT_EQ(rows->at(0).back(), "1");
}

TEST(XlsxCorrupt, RowNumbersThatDoNotIncreaseAreAnError) {
  expect_corrupt(
      hand_made_xlsx("<row r=\"2\"><c><v>1</v></c></row><row r=\"2\"><c><v>1</v></c></row>"),
      "bad row number \"2\" after row 2");
  expect_corrupt(hand_made_xlsx("<row r=\"0\"><c><v>1</v></c></row>"), "bad row number \"0\"");
  expect_corrupt(hand_made_xlsx("<row r=\"x\"><c><v>1</v></c></row>"), "bad row number \"x\"");
}

TEST(XlsxCorrupt, ADoctypeIsRefused) {
  const std::string sheet =
      "<?xml version=\"1.0\"?><!DOCTYPE lol [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b "
      "\"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><worksheet><sheetData><row r=\"1\"><c "
      "t=\"inlineStr\"><is><t>&b;</t></is></c></row></sheetData></worksheet>";
  expect_corrupt(
      zip_parts(with_part(workbook_parts(sheet_xml("")), "xl/worksheets/sheet1.xml", sheet)),
      "DOCTYPE");
}

TEST(XlsxCorrupt, AnUnknownEntityIsBadXml) {
  expect_corrupt(hand_made_xlsx("<row r=\"1\"><c t=\"inlineStr\"><is><t>&nbsp;</t></is></c></row>"),
                 "bad XML");
}

TEST(XlsxCorrupt, AFileThatOnlyStartsLikeAZipIsCorrupt) {
  expect_corrupt(std::string("PK\x03\x04", 4), "not a complete ZIP archive");
  expect_corrupt(std::string("PK\x03\x04", 4) + std::string(5000, 'x'),
                 "not a complete ZIP archive");
}

TEST(XlsxCorrupt, AnEmptyZipIsCorrupt) {
  expect_corrupt(std::string("PK\x05\x06\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0", 22),
                 "xl/workbook.xml is missing");
}

}  // namespace
}  // namespace jingkai::tabular
