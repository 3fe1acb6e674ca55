// The rules of a catalogue entry and the text form of its materials, as the catalogue's
// spreadsheet carries them: no I/O, so that they can be tested alone.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "core/money.hpp"
#include "modules/approvals/model.hpp"
#include "tabular/sheet_file.hpp"

namespace jingkai::approvals {

inline constexpr int kMaxTimeLimitDays = 365;
inline constexpr int kMaxVisits = 5;

// Checks an item: a code of 3-40 characters A-Z 0-9 '-', the texts' lengths, a known kind,
// 0 <= promised <= statutory <= kMaxTimeLimitDays working days, 0-kMaxVisits visits,
// 0 <= fee <= kMaxFeeFen, materials with names and 1-20 copies. Errors name the field
// (materials: "materials[N].name", …).
Status check_item(const ServiceItem& item);

// The materials cell: entries separated by ';' (or '；' or a line break), each
// "名称|形式|份数|必需 or 条件:说明[|模板文件]", e.g.
//   营业执照|复印件|1|必需;委托书|原件|1|条件:委托他人办理的|委托书.docx
// Errors (code bad_materials, field materials) name the entry (1-based) and what is wrong.
Result<std::vector<Material>> parse_materials(std::string_view text);
std::string format_materials(const std::vector<Material>& materials);

// The columns of a catalogue spreadsheet: key and heading.
struct CatalogueColumn {
  std::string_view key;
  std::string_view heading;
};
const std::vector<CatalogueColumn>& catalogue_columns();

// One spreadsheet row (cells in catalogue_columns() order) to an item; errors name the
// column's key as the field.
Result<ServiceItem> item_from_row(const std::vector<std::string_view>& cells);
std::vector<std::string> item_to_row(const ServiceItem& item);

// The guide as a spreadsheet that imports back: the template's header, one row per item.
Result<std::string> export_catalogue(const std::vector<ServiceItem>& items,
                                     tabular::SheetFormat format);

}  // namespace jingkai::approvals
