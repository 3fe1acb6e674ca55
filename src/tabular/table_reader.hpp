// Tables read from the spreadsheets people upload: CSV (UTF-8 or GBK) and XLSX, one row at a
// time, every cell as UTF-8 text.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace jingkai::tabular {

// The encoding of a CSV file. GBK is read as GB18030, its superset, so that every file saved
// by Excel on Chinese Windows ("CSV (逗号分隔)") decodes.
enum class Encoding { utf8, gbk };

// Rows of text cells, one at a time, from a CSV or XLSX file held in memory. Cells are UTF-8.
//
// CSV: RFC 4180 with a comma separator; CRLF, LF or a lone CR end a row; quoted fields may hold
// commas, newlines and "" for a quote. Text after a closing quote is kept, as Excel does. An
// empty line is a row with no cells. A cell that CsvWriter guarded against formula injection
// (a ' before text that a spreadsheet would run: see needs_formula_guard) reads without its '.
// XLSX: the first sheet of the workbook. Numbers come back as their decimal text without an
// exponent ("1.2E+7" reads "12000000"), booleans as TRUE/FALSE, errors as stored ("#DIV/0!"),
// dates as the serial numbers the file stores. Rows the sheet leaves out are skipped, and so
// are rows that hold no cell; cells left out inside a row read as empty strings.
// Either way a row has as many cells as the file gives it, which may differ from the header.
class TableReader {
 public:
  virtual ~TableReader() = default;
  // Reads the next row into `cells` (resized, strings reused — no allocation per row in the
  // steady state); false at the end. A malformed file is an Error naming the row (1-based, the
  // header is row 1) and what is wrong.
  virtual Result<bool> next(std::vector<std::string>& cells) = 0;
  // Of the row last returned: the record's number in a CSV, the sheet's row number in XLSX.
  virtual std::int64_t row_number() const = 0;
  // Fraction of the input consumed, 0..1, for progress bars.
  virtual double progress() const = 0;
};

// Opens `bytes` as a table: XLSX when it starts with a ZIP signature, otherwise CSV.
// `encoding` forces the CSV encoding; without it a UTF-8 BOM or valid UTF-8 means UTF-8, else
// GBK when the bytes decode cleanly as GB18030. Errors (field "file"): table_empty,
// table_not_text (binary that is neither: an image, a program, a legacy .xls, UTF-16 text),
// table_encoding (does not decode in the given or detected encoding; names the line and the
// byte offset), xlsx_corrupt (truncated or not a valid XLSX; names what is missing),
// xlsx_too_large (a decompression bomb: see open_xlsx).
// GBK forced on a file that is plainly UTF-8 (a BOM, or several multibyte characters that are
// all valid UTF-8) is table_encoding rather than silent mojibake. An XLSX whose first sheet has
// no rows opens and reads no rows.
Result<std::unique_ptr<TableReader>> open_table(std::string bytes,
                                                std::optional<Encoding> encoding = std::nullopt);

// "utf-8", "utf8", "gbk", "gb18030", "gb2312", case-insensitive; else table_encoding_name.
Result<Encoding> parse_encoding(std::string_view name);

}  // namespace jingkai::tabular
