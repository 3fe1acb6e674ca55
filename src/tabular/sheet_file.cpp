#include "tabular/sheet_file.hpp"

#include <fmt/format.h>

namespace jingkai::tabular {

Result<SheetFormat> parse_sheet_format(std::string_view text) {
  if (text.empty() || text == "csv") return SheetFormat::csv;
  if (text == "xlsx") return SheetFormat::xlsx;
  return std::unexpected(
      Error::invalid("bad_format", "导出格式须为 csv 或 xlsx (format: csv or xlsx)", "format"));
}

std::string_view content_type(SheetFormat format) {
  return format == SheetFormat::csv
             ? "text/csv; charset=utf-8"
             : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}

std::string_view extension(SheetFormat format) {
  return format == SheetFormat::csv ? "csv" : "xlsx";
}

Result<std::string> write_sheet(SheetFormat format, std::string_view sheet,
                                const std::vector<std::string>& header,
                                const std::vector<std::vector<Cell>>& rows) {
  if (format == SheetFormat::csv) {
    CsvWriter csv;
    csv.row(header);
    std::vector<std::string> texts;
    for (const auto& row : rows) {
      texts.clear();
      for (const Cell& cell : row) {
        if (const auto* text = std::get_if<std::string>(&cell.value)) {
          texts.push_back(*text);
        } else if (const auto* integer = std::get_if<std::int64_t>(&cell.value)) {
          texts.push_back(std::to_string(*integer));
        } else {
          texts.push_back(fmt::format("{}", std::get<double>(cell.value)));
        }
      }
      csv.row(texts);
    }
    return csv.take();
  }
  XlsxWriter xlsx{std::string(sheet)};
  TRY(xlsx.header(header));
  for (const auto& row : rows) {
    TRY(xlsx.row(row));
  }
  return xlsx.finish();
}

}  // namespace jingkai::tabular
