#include <random>

#include "tabular/table_reader.hpp"
#include "tabular/tabular_support.hpp"

namespace jingkai::tabular {
namespace {

using testing::read_all;
using testing::Rows;

Rows rows_of(std::string text) {
  auto rows = read_all(std::move(text), Encoding::utf8);
  EXPECT_TRUE(rows.has_value()) << (rows ? "" : rows.error().message);
  return rows.value_or(Rows{});
}

TEST(CsvReader, ReadsRowsEndedByLf) {
  EXPECT_EQ(rows_of("name,code\n诸暨,330681\n"), (Rows{{"name", "code"}, {"诸暨", "330681"}}));
}

TEST(CsvReader, ReadsTheLastRowWithoutANewline) {
  EXPECT_EQ(rows_of("a,b\nc,d"), (Rows{{"a", "b"}, {"c", "d"}}));
}

TEST(CsvReader, ReadsRowsEndedByCrlf) {
  EXPECT_EQ(rows_of("a,b\r\nc,d\r\n"), (Rows{{"a", "b"}, {"c", "d"}}));
}

TEST(CsvReader, ReadsRowsEndedByALoneCr) {
  EXPECT_EQ(rows_of("a,b\rc,d\r"), (Rows{{"a", "b"}, {"c", "d"}}));
}

TEST(CsvReader, ReadsMixedLineEndings) {
  EXPECT_EQ(rows_of("a\r\nb\nc\rd"), (Rows{{"a"}, {"b"}, {"c"}, {"d"}}));
}

TEST(CsvReader, KeepsCommasInsideQuotes) {
  EXPECT_EQ(rows_of("\"诸暨,浙江\",x\n"), (Rows{{"诸暨,浙江", "x"}}));
}

TEST(CsvReader, TurnsDoubledQuotesIntoOne) {
  EXPECT_EQ(rows_of("\"say \"\"hi\"\"\",\"\"\"\"\n"), (Rows{{"say \"hi\"", "\""}}));
}

TEST(CsvReader, KeepsNewlinesInsideQuotesAsTheyAre) {
  EXPECT_EQ(rows_of("\"line 1\nline 2\",\"a\r\nb\",\"c\rd\"\r\nnext\r\n"),
            (Rows{{"line 1\nline 2", "a\r\nb", "c\rd"}, {"next"}}));
}

TEST(CsvReader, ReadsAnEmptyQuotedField) {
  EXPECT_EQ(rows_of("\"\",a,\"\"\n"), (Rows{{"", "a", ""}}));
}

TEST(CsvReader, ReadsEmptyFieldsBetweenCommas) {
  EXPECT_EQ(rows_of(",,\n"), (Rows{{"", "", ""}}));
  EXPECT_EQ(rows_of("a,\n"), (Rows{{"a", ""}}));
  EXPECT_EQ(rows_of(",a\n"), (Rows{{"", "a"}}));
}

TEST(CsvReader, ATrailingCommaAtTheEndOfTheFileIsOneMoreEmptyCell) {
  EXPECT_EQ(rows_of("a,b\nc,"), (Rows{{"a", "b"}, {"c", ""}}));
  EXPECT_EQ(rows_of("a,\"b\","), (Rows{{"a", "b", ""}}));
}

TEST(CsvReader, AnEmptyLineIsARowWithNoCells) {
  EXPECT_EQ(rows_of("a\n\nb\n"), (Rows{{"a"}, {}, {"b"}}));
  EXPECT_EQ(rows_of("a\r\n\r\nb"), (Rows{{"a"}, {}, {"b"}}));
}

TEST(CsvReader, ReadsAOneColumnFile) {
  EXPECT_EQ(rows_of("企业名称\n甲公司\n乙公司\n"), (Rows{{"企业名称"}, {"甲公司"}, {"乙公司"}}));
}

TEST(CsvReader, ReadsASingleCell) {
  EXPECT_EQ(rows_of("x"), (Rows{{"x"}}));
  EXPECT_EQ(rows_of("\"x\""), (Rows{{"x"}}));
}

TEST(CsvReader, ReturnsRowsOfWhateverLengthTheyHave) {
  EXPECT_EQ(rows_of("a,b,c\n1\n1,2,3,4,5\n"),
            (Rows{{"a", "b", "c"}, {"1"}, {"1", "2", "3", "4", "5"}}));
}

TEST(CsvReader, KeepsTextAfterAClosingQuoteAsExcelDoes) {
  EXPECT_EQ(rows_of("\"ab\"c,d\n"), (Rows{{"abc", "d"}}));
}

TEST(CsvReader, KeepsAQuoteInsideAnUnquotedFieldAsText) {
  EXPECT_EQ(rows_of("a\"b,c\"\n"), (Rows{{"a\"b", "c\""}}));
}

TEST(CsvReader, KeepsSpacesAroundFields) {
  EXPECT_EQ(rows_of(" a , b \n"), (Rows{{" a ", " b "}}));
}

TEST(CsvReader, ReadsACellOfSpacesOnly) { EXPECT_EQ(rows_of("   \n"), (Rows{{"   "}})); }

TEST(CsvReader, ReadsAQuotedFieldClosedRightBeforeACr) {
  EXPECT_EQ(rows_of("\"a\"\r\"b\"\r"), (Rows{{"a"}, {"b"}}));
}

TEST(CsvReader, ReadsAQuotedFieldBetweenPlainOnes) {
  EXPECT_EQ(rows_of("x,\"y\",z\r\n"), (Rows{{"x", "y", "z"}}));
}

TEST(CsvReader, ProgressIsPartWayAfterSomeRows) {
  auto reader = open_table("aaaa\nbbbb\n");
  ASSERT_TRUE(reader);
  std::vector<std::string> cells;
  ASSERT_EQ((*reader)->next(cells), true);
  EXPECT_DOUBLE_EQ((*reader)->progress(), 0.5);
}

TEST(CsvReader, KeepsTabsAndSemicolonsInsideCells) {
  EXPECT_EQ(rows_of("a\tb;c,d\n"), (Rows{{"a\tb;c", "d"}}));
}

TEST(CsvReader, AnUnterminatedQuoteNamesItsRowAndColumn) {
  auto rows = read_all("h1,h2\na,b\nc,\"never closed\nd,e\n", Encoding::utf8);
  ASSERT_FALSE(rows);
  EXPECT_EQ(rows.error().code, "csv_unterminated_quote");
  EXPECT_EQ(rows.error().field, "file");
  EXPECT_NE(rows.error().message.find("第 3 行第 2 列"), std::string::npos) << rows.error().message;
  EXPECT_NE(rows.error().message.find("row 3, column 2"), std::string::npos)
      << rows.error().message;
}

TEST(CsvReader, AnUnterminatedQuoteInTheHeaderIsRowOne) {
  auto rows = read_all("\"", Encoding::utf8);
  ASSERT_FALSE(rows);
  EXPECT_NE(rows.error().message.find("row 1, column 1"), std::string::npos);
}

TEST(CsvReader, AQuoteClosedByTheLastByteIsFine) {
  EXPECT_EQ(rows_of("a,\"b\"\"\""), (Rows{{"a", "b\""}}));
}

TEST(CsvReader, ReturnsTheRowsBeforeAnUnterminatedQuote) {
  auto reader = open_table("a\nb\n\"c\n", Encoding::utf8);
  ASSERT_TRUE(reader);
  std::vector<std::string> cells;
  EXPECT_EQ((*reader)->next(cells), true);
  EXPECT_EQ((*reader)->next(cells), true);
  EXPECT_EQ(cells, std::vector<std::string>{"b"});
  EXPECT_FALSE((*reader)->next(cells).has_value());
}

TEST(CsvReader, CountsRowsByRecordNotByLine) {
  auto reader = open_table("h\n\"two\nlines\"\nthird\n");
  ASSERT_TRUE(reader);
  std::vector<std::string> cells;
  ASSERT_EQ((*reader)->next(cells), true);
  EXPECT_EQ((*reader)->row_number(), 1);
  ASSERT_EQ((*reader)->next(cells), true);
  EXPECT_EQ((*reader)->row_number(), 2);
  ASSERT_EQ((*reader)->next(cells), true);
  EXPECT_EQ((*reader)->row_number(), 3);
  EXPECT_EQ(cells, std::vector<std::string>{"third"});
  EXPECT_EQ((*reader)->next(cells), false);
  EXPECT_EQ((*reader)->next(cells), false);  // the end stays the end
}

TEST(CsvReader, ProgressGrowsFromZeroToOne) {
  auto reader = open_table("a,b\nc,d\ne,f\n");
  ASSERT_TRUE(reader);
  EXPECT_EQ((*reader)->progress(), 0.0);
  std::vector<std::string> cells;
  double last = 0.0;
  while ((*reader)->next(cells).value_or(false)) {
    EXPECT_GT((*reader)->progress(), last);
    last = (*reader)->progress();
  }
  EXPECT_EQ((*reader)->progress(), 1.0);
}

TEST(CsvReader, ReusesTheCellsStringsFromRowToRow) {
  auto reader =
      open_table("aaaaaaaaaaaaaaaaaaaaaaaa,bbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\nc,\"d\"\"\"\n");
  ASSERT_TRUE(reader);
  std::vector<std::string> cells;
  ASSERT_EQ((*reader)->next(cells), true);
  const char* first = cells[0].data();
  const char* second = cells[1].data();
  const std::string* storage = cells.data();
  ASSERT_EQ((*reader)->next(cells), true);
  EXPECT_EQ(cells, (std::vector<std::string>{"c", "d\""}));
  EXPECT_EQ(cells.data(), storage);
  EXPECT_EQ(cells[0].data(), first);
  EXPECT_EQ(cells[1].data(), second);
}

TEST(CsvReader, OverwritesCellsLeftFromALongerRow) {
  auto reader = open_table("a,b,c\nd\n");
  ASSERT_TRUE(reader);
  std::vector<std::string> cells{"stale", "stale", "stale", "stale"};
  ASSERT_EQ((*reader)->next(cells), true);
  EXPECT_EQ(cells, (std::vector<std::string>{"a", "b", "c"}));
  ASSERT_EQ((*reader)->next(cells), true);
  EXPECT_EQ(cells, std::vector<std::string>{"d"});
}

TEST(CsvReader, ReadsAHugeCell) {
  const std::string big(8 << 20, 'x');
  EXPECT_EQ(rows_of("a," + big + ",b\n"), (Rows{{"a", big, "b"}}));
  std::string quoted = big;
  quoted[4 << 20] = '\n';
  quoted[(4 << 20) + 1] = ',';
  EXPECT_EQ(rows_of("\"" + quoted + "\"\n"), (Rows{{quoted}}));
}

TEST(CsvReader, ReadsAWideRow) {
  std::string line;
  std::vector<std::string> expected;
  for (int i = 0; i < 5000; ++i) {
    expected.push_back(std::to_string(i));
    line += (i ? "," : "") + expected.back();
  }
  EXPECT_EQ(rows_of(line), Rows{expected});
}

// Fields of every length around the 16-byte step of the scanner, with and without quoting,
// against a quoting written here independently of CsvWriter.
TEST(CsvReader, ReadsRandomFieldsOfEveryLengthBackExactly) {
  std::mt19937 random(4754);
  const std::vector<std::string> alphabet = {"a", "b", ",", "\"", "\n", "\r", " ", "诸", "暨"};
  for (int trial = 0; trial < 300; ++trial) {
    Rows expected;
    std::string text;
    const int rows = 1 + static_cast<int>(random() % 6);
    for (int r = 0; r < rows; ++r) {
      std::vector<std::string> row;
      const int width = 1 + static_cast<int>(random() % 5);
      for (int c = 0; c < width; ++c) {
        std::string field;
        const int length = static_cast<int>(random() % 40);
        for (int k = 0; k < length; ++k) {
          const bool plain = random() % 4 != 0;
          field += plain ? std::string(1, "xyz0123456789"[random() % 13])
                         : alphabet[random() % alphabet.size()];
        }
        row.push_back(field);
      }
      if (row.size() == 1 && row[0].empty()) row[0] = "x";  // an empty line is no cells
      for (std::size_t c = 0; c < row.size(); ++c) {
        const std::string& field = row[c];
        const bool quote = field.find_first_of(",\"\r\n") != std::string::npos ||
                           (!field.empty() && random() % 3 == 0);
        if (c) text += ',';
        if (!quote) {
          text += field;
          continue;
        }
        text += '"';
        for (char ch : field) text += ch == '"' ? std::string("\"\"") : std::string(1, ch);
        text += '"';
      }
      text += random() % 2 ? "\r\n" : "\n";
      expected.push_back(row);
    }
    if (random() % 2) text.pop_back();
    if (text.back() == '\r') text.pop_back();
    ASSERT_EQ(rows_of(text), expected) << text;
  }
}

}  // namespace
}  // namespace jingkai::tabular
