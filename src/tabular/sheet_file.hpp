// A whole spreadsheet file to download: one sheet of a header and rows, as CSV (UTF-8 with
// a BOM) or XLSX, and the names and types a download carries.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "tabular/table_writer.hpp"

namespace jingkai::tabular {

enum class SheetFormat { csv, xlsx };

// "csv" (also the default for an empty text) or "xlsx"; error bad_format, field "format".
Result<SheetFormat> parse_sheet_format(std::string_view text);
std::string_view content_type(SheetFormat format);
std::string_view extension(SheetFormat format);

// Text cells stay text in XLSX (a credit code or a period must not turn into a number).
Result<std::string> write_sheet(SheetFormat format, std::string_view sheet,
                                const std::vector<std::string>& header,
                                const std::vector<std::vector<Cell>>& rows);

}  // namespace jingkai::tabular
