#include "tabular/table_writer.hpp"

#include <fmt/format.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <iterator>

#include "tabular/encoding.hpp"
#include "tabular/formula_guard.hpp"

namespace jingkai::tabular {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
constexpr std::size_t kMaxStringLength = 32767;     // Excel's limit on a cell's text
constexpr std::int64_t kExactIntegers = 1LL << 53;  // a double holds every integer up to here

Error write_error(std::string_view code, std::string zh, std::string en) {
  return Error::invalid(std::string(code), fmt::format("{} ({})", zh, en));
}

bool is_hex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
}

// Excel reads _xHHHH_ in a cell's text as an escaped character, and libxlsxwriter writes such
// text unchanged, so "_x0041_" would come back as "A". Escaping the underscore itself
// (_x005F_) keeps the text as it was.
const char* excel_text(const std::string& text, std::string& scratch) {
  auto escape_at = [&](std::size_t i) {
    return i + 7 <= text.size() && text[i] == '_' && text[i + 1] == 'x' && is_hex(text[i + 2]) &&
           is_hex(text[i + 3]) && is_hex(text[i + 4]) && is_hex(text[i + 5]) && text[i + 6] == '_';
  };
  std::size_t at = text.find("_x");
  while (at != std::string::npos && !escape_at(at)) at = text.find("_x", at + 1);
  if (at == std::string::npos) return text.c_str();
  scratch.clear();
  for (std::size_t i = 0; i < text.size(); ++i) {
    scratch += escape_at(i) ? std::string_view("_x005F_") : std::string_view(&text[i], 1);
  }
  return scratch.c_str();
}

}  // namespace

CsvWriter::CsvWriter(bool bom) : out_(bom ? kUtf8Bom : ""), bom_(bom) {}

void CsvWriter::row(const std::vector<std::string>& cells) {
  for (std::size_t i = 0; i < cells.size(); ++i) {
    const std::string& cell = cells[i];
    if (i > 0) out_ += ',';
    const bool guard = needs_formula_guard(cell);
    const bool quote =
        cell.find_first_of(",\"\r\n") != std::string::npos || (cell.empty() && cells.size() == 1);
    if (!quote) {
      if (guard) out_ += '\'';
      out_ += cell;
      continue;
    }
    out_ += '"';
    if (guard) out_ += '\'';
    for (std::size_t from = 0;;) {
      const std::size_t at = cell.find('"', from);
      out_.append(cell, from, at == std::string::npos ? std::string::npos : at - from + 1);
      if (at == std::string::npos) break;
      out_ += '"';
      from = at + 1;
    }
    out_ += '"';
  }
  out_ += "\r\n";
}

std::string CsvWriter::take() {
  std::string out = std::move(out_);
  out_.assign(bom_ ? kUtf8Bom : "");
  return out;
}

Result<std::string> CsvWriter::take_gbk() {
  std::string utf8 = take();
  if (bom_) utf8.erase(0, kUtf8Bom.size());
  return utf8_to_gbk(utf8);
}

XlsxWriter::XlsxWriter(std::string sheet_name) : XlsxWriter(std::move(sheet_name), {}) {}

XlsxWriter::XlsxWriter(std::string sheet_name, std::string temp_dir)
    : temp_dir_(std::move(temp_dir)), sheet_name_(std::move(sheet_name)) {
  if (temp_dir_.empty()) {
    const char* env = std::getenv("TMPDIR");
    temp_dir_ = env != nullptr && *env != '\0' ? env : "/tmp";
  }
  std::string path = temp_dir_ + "/jingkai-xlsx-XXXXXX";
  const int fd = mkstemp(path.data());
  if (fd < 0) {
    fail(write_error("xlsx_write", fmt::format("无法在 {} 创建临时文件", temp_dir_),
                     fmt::format("cannot create a temporary file in {}", temp_dir_)));
    return;
  }
  close(fd);
  path_ = path;
  lxw_workbook_options options = {};
  options.constant_memory = LXW_TRUE;
  options.tmpdir = temp_dir_.data();
  workbook_ = workbook_new_opt(path_.c_str(), &options);
  if (workbook_ == nullptr) throw std::bad_alloc();
  if (sheet_name_.empty() ||
      workbook_validate_sheet_name(workbook_, sheet_name_.c_str()) != LXW_NO_ERROR ||
      sheet_name_.find('\0') != std::string::npos) {
    fail(write_error(
        "xlsx_sheet_name",
        fmt::format("工作表名“{}”无效：不能为空、超过 31 个字符或含有 []:*?/\\", sheet_name_),
        fmt::format("bad sheet name \"{}\": empty, over 31 characters, or one of "
                    "[]:*?/\\",
                    sheet_name_)));
    return;
  }
  sheet_ = workbook_add_worksheet(workbook_, sheet_name_.c_str());
  bold_ = workbook_add_format(workbook_);
  if (sheet_ == nullptr || bold_ == nullptr) throw std::bad_alloc();
  format_set_bold(bold_);
}

XlsxWriter::~XlsxWriter() { discard(); }

void XlsxWriter::discard() {
  if (workbook_ != nullptr) {
    // Closing is the only way libxlsxwriter lets go of its own temporary files.
    workbook_close(workbook_);
    workbook_ = nullptr;
  }
  if (!path_.empty()) {
    unlink(path_.c_str());
    path_.clear();
  }
}

Status XlsxWriter::fail(Error error) {
  if (!error_) error_ = std::move(error);
  return std::unexpected(*error_);
}

Status XlsxWriter::header(const std::vector<std::string>& names) {
  std::vector<Cell> cells;
  cells.reserve(names.size());
  for (const auto& name : names) cells.push_back(Cell{name});
  return write(cells, bold_);
}

Status XlsxWriter::row(const std::vector<Cell>& cells) { return write(cells, nullptr); }

Status XlsxWriter::write(const std::vector<Cell>& cells, lxw_format* format) {
  if (error_) return std::unexpected(*error_);
  if (workbook_ == nullptr) {
    return fail(write_error("xlsx_write", "工作簿已经完成", "the workbook is finished"));
  }
  if (next_row_ >= LXW_ROW_MAX) {
    return fail(write_error("xlsx_too_many_rows", fmt::format("XLSX 工作表最多 {} 行", LXW_ROW_MAX),
                            fmt::format("an XLSX sheet holds at most {} rows", LXW_ROW_MAX)));
  }
  if (cells.size() > LXW_COL_MAX) {
    return fail(write_error("xlsx_too_many_columns",
                            fmt::format("XLSX 工作表最多 {} 列", LXW_COL_MAX),
                            fmt::format("an XLSX sheet holds at most {} columns", LXW_COL_MAX)));
  }
  const lxw_row_t row = next_row_++;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    const auto column = static_cast<lxw_col_t>(i);
    const auto where = fmt::format("第 {} 行第 {} 列", row + 1, i + 1);
    const auto where_en = fmt::format("row {}, column {}", row + 1, i + 1);
    lxw_error status = LXW_NO_ERROR;
    if (const auto* text = std::get_if<std::string>(&cells[i].value)) {
      if (text->empty() && format == nullptr) continue;
      if (valid_utf8_prefix(*text) != text->size() || text->find('\0') != std::string::npos) {
        return fail(write_error("xlsx_text", where + "不是有效的 UTF-8 文本",
                                where_en + " is not UTF-8 text"));
      }
      std::string scratch;
      status = worksheet_write_string(sheet_, row, column, excel_text(*text, scratch), format);
      if (status == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED) {
        return fail(
            write_error("xlsx_text", fmt::format("{}超过 {} 个字符", where, kMaxStringLength),
                        fmt::format("{} is over {} characters", where_en, kMaxStringLength)));
      }
    } else {
      double number;
      if (const auto* integer = std::get_if<std::int64_t>(&cells[i].value)) {
        if (*integer > kExactIntegers || *integer < -kExactIntegers) {
          return fail(write_error(
              "xlsx_number", fmt::format("{}的整数 {} 超出 XLSX 能精确保存的范围", where, *integer),
              fmt::format("{}: {} is beyond the integers XLSX holds exactly", where_en, *integer)));
        }
        number = static_cast<double>(*integer);
      } else {
        number = std::get<double>(cells[i].value);
        if (!std::isfinite(number)) {
          return fail(write_error("xlsx_number", where + "不是有限的数",
                                  where_en + " is not a finite number"));
        }
      }
      status = worksheet_write_number(sheet_, row, column, number, format);
    }
    if (status != LXW_NO_ERROR) {
      return fail(write_error("xlsx_write",
                              fmt::format("{}写入失败：{}", where, lxw_strerror(status)),
                              fmt::format("{}: {}", where_en, lxw_strerror(status))));
    }
  }
  return {};
}

Result<std::string> XlsxWriter::finish() {
  if (error_) return std::unexpected(*error_);
  if (workbook_ == nullptr) {
    return std::unexpected(write_error("xlsx_write", "工作簿已经完成", "the workbook is finished"));
  }
  const lxw_error closed = workbook_close(workbook_);
  workbook_ = nullptr;
  if (closed != LXW_NO_ERROR) {
    discard();
    return std::unexpected(
        fail(write_error("xlsx_write", fmt::format("写 XLSX 失败：{}", lxw_strerror(closed)),
                         fmt::format("cannot write the XLSX: {}", lxw_strerror(closed))))
            .error());
  }
  std::ifstream in(path_, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const bool read = !in.bad();
  discard();
  if (!read) {
    return std::unexpected(
        fail(write_error("xlsx_write", "读不回临时文件", "cannot read the temporary file back"))
            .error());
  }
  return bytes;
}

}  // namespace jingkai::tabular
