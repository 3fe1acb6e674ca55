// Spreadsheets out of the registry: enterprise lists, reports, and the import template.
#pragma once

#include <string>
#include <vector>

#include "core/error.hpp"
#include "modules/enterprises/model.hpp"
#include "tabular/sheet_file.hpp"

namespace jingkai::enterprises {

using tabular::content_type;
using tabular::extension;
using tabular::parse_sheet_format;
using tabular::SheetFormat;

Result<std::string> export_enterprises(const std::vector<Enterprise>& enterprises,
                                       SheetFormat format);
// Reports in the layout the importer reads back (amounts in yuan, energy in tce).
Result<std::string> export_reports(const std::vector<MonthlyReport>& reports, SheetFormat format);
// The headings of a report file and one example row.
Result<std::string> report_template(SheetFormat format);

}  // namespace jingkai::enterprises
