#include "modules/enterprises/export.hpp"

#include <fmt/format.h>

#include "modules/enterprises/report_import.hpp"
#include "tabular/sheet_file.hpp"

namespace jingkai::enterprises {
namespace {

using tabular::Cell;
using tabular::write_sheet;

// Yuan as text with two decimals: exact, unlike a double.
Cell yuan(Fen fen) { return Cell{format_yuan(fen)}; }
Cell text(std::string value) { return Cell{std::move(value)}; }
Cell date_cell(const std::optional<Date>& date) {
  return Cell{date ? format_date(*date) : std::string()};
}

}  // namespace

Result<std::string> export_enterprises(const std::vector<Enterprise>& enterprises,
                                       SheetFormat format) {
  const std::vector<std::string> header = {
      "统一社会信用代码", "企业名称",     "法定代表人", "注册地址",
      "行政区划代码",     "行业代码",     "产业链",     "规上企业",
      "高新技术企业证书", "证书有效期",   "上市交易所", "股票代码",
      "世界500强集团",    "用地面积(亩)", "成立日期",   "状态"};
  std::vector<std::vector<Cell>> rows;
  rows.reserve(enterprises.size());
  for (const Enterprise& e : enterprises) {
    rows.push_back({text(e.uscc), text(e.name), text(e.legal_representative), text(e.address),
                    text(e.division_code), text(e.industry_code), text(e.chain_name),
                    text(e.above_scale ? "是" : "否"), text(e.high_tech_certificate),
                    date_cell(e.high_tech_expires_on), text(e.listed_exchange),
                    text(e.listed_ticker), text(e.global500_group),
                    text(format_decimal(e.land_area_centimu, 2)), date_cell(e.founded_on),
                    text(std::string(to_string(e.status)))});
  }
  return write_sheet(format, "企业名录", header, rows);
}

Result<std::string> export_reports(const std::vector<MonthlyReport>& reports, SheetFormat format) {
  std::vector<std::string> header;
  for (const ReportColumn& column : report_columns()) header.emplace_back(column.heading);
  // Only the columns the importer reads (it refuses others), so that an export can be
  // corrected in a spreadsheet and imported again.
  std::vector<std::vector<Cell>> rows;
  rows.reserve(reports.size());
  for (const MonthlyReport& r : reports) {
    const MonthlyFigures& f = r.figures;
    rows.push_back({text(r.uscc), text(format_period(r.period)), yuan(f.output_fen),
                    yuan(f.value_added_fen), yuan(f.revenue_fen), yuan(f.profit_fen),
                    yuan(f.tax_fen), Cell{f.employees}, text(format_decimal(f.energy_kgce, 3))});
  }
  return write_sheet(format, "月报", header, rows);
}

Result<std::string> report_template(SheetFormat format) {
  std::vector<std::string> header;
  for (const ReportColumn& column : report_columns()) header.emplace_back(column.heading);
  return write_sheet(format, "月报", header, {});
}

}  // namespace jingkai::enterprises
