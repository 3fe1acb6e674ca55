// Tables written for people to open in Excel: CSV and XLSX, built in memory and returned as
// bytes for a download.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/error.hpp"

struct lxw_workbook;
struct lxw_worksheet;
struct lxw_format;

namespace jingkai::tabular {

// CSV out: UTF-8 with a BOM (so that Excel on Chinese Windows opens it right), CRLF line ends,
// a cell quoted when it holds a comma, a quote, CR or LF (and a lone empty cell, so that the
// row is not read back as an empty line). Text a spreadsheet would run as a formula ("=SUM(1)",
// "@cmd", "-2+3") is written after a ' (formula_guard.hpp); plain numbers ("-12.50") are not.
// open_table reads back exactly the rows written.
class CsvWriter {
 public:
  explicit CsvWriter(bool bom = true);
  void row(const std::vector<std::string>& cells);
  // The rows so far as UTF-8; the writer starts over empty.
  std::string take();
  // The rows so far in GBK, with no BOM, for programs that only read GBK; the writer starts
  // over empty. table_encoding when a cell has a character GBK lacks (an emoji, a rare
  // ideograph), naming its byte offset in the UTF-8 text.
  Result<std::string> take_gbk();

 private:
  std::string out_;
  bool bom_;
};

// A cell of an XLSX row: text is written as a string, numbers as numbers.
struct Cell {
  std::variant<std::string, double, std::int64_t> value;
};

// XLSX out with libxlsxwriter, one sheet, rows in order (libxlsxwriter's constant-memory mode,
// so a large export keeps little in memory; strings go in inline). libxlsxwriter writes to a
// file: a private temporary file (mkstemp) in `temp_dir`, or $TMPDIR, or /tmp, read back and
// removed by finish() or the destructor.
// Errors: xlsx_sheet_name (empty, over 31 characters, or one of []:*?/\), xlsx_too_many_rows
// (over 1,048,576) or xlsx_too_many_columns (over 16,384), xlsx_text (a cell of over 32,767
// characters or not UTF-8), xlsx_number (NaN, an infinity, or an integer beyond 2^53 that a
// double would round), xlsx_write (the temporary file). After an error the writer keeps it:
// every later call returns it.
// A trailing empty string cell is a blank cell in XLSX and reads back as no cell.
class XlsxWriter {
 public:
  explicit XlsxWriter(std::string sheet_name);
  XlsxWriter(std::string sheet_name, std::string temp_dir);
  ~XlsxWriter();
  XlsxWriter(const XlsxWriter&) = delete;
  XlsxWriter& operator=(const XlsxWriter&) = delete;

  // A row of column names in bold.
  Status header(const std::vector<std::string>& names);
  Status row(const std::vector<Cell>& cells);
  // The workbook's bytes; the writer is spent afterwards.
  Result<std::string> finish();

 private:
  Status write(const std::vector<Cell>& cells, lxw_format* format);
  Status fail(Error error);
  void discard();

  // libxlsxwriter keeps pointers to these strings until the workbook is closed.
  std::string temp_dir_;
  std::string sheet_name_;
  std::string path_;
  lxw_workbook* workbook_ = nullptr;
  lxw_worksheet* sheet_ = nullptr;
  lxw_format* bold_ = nullptr;
  std::uint32_t next_row_ = 0;
  std::optional<Error> error_;
};

}  // namespace jingkai::tabular
