#include "modules/approvals/catalogue.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "core/text.hpp"

namespace jingkai::approvals {
namespace {

Status check_text(std::string_view text, const std::string& field, std::string_view label,
                  std::size_t min_chars, std::size_t max_chars) {
  if (!is_valid_utf8(text)) {
    return std::unexpected(Error::invalid(
        "bad_text", fmt::format("{}不是有效的 UTF-8 ({} is not UTF-8)", label, field), field));
  }
  const std::size_t length = utf8_length(text);
  if (length < min_chars) {
    return std::unexpected(Error::invalid(
        "missing_field", fmt::format("请填写{} ({} is required)", label, field), field));
  }
  if (length > max_chars) {
    return std::unexpected(Error::invalid("too_long",
                                          fmt::format("{}不能超过 {} 个字符 ({} is longer than {})",
                                                      label, max_chars, field, max_chars),
                                          field));
  }
  return {};
}

// Splits on ';', '；' (U+FF1B) and line breaks.
std::vector<std::string_view> split_entries(std::string_view text) {
  std::vector<std::string_view> entries;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size();) {
    std::size_t width = 0;
    if (i == text.size()) {
      width = 1;
    } else if (text[i] == ';' || text[i] == '\n') {
      width = 1;
    } else if (text.substr(i, 3) == "\xEF\xBC\x9B") {
      width = 3;
    }
    if (width == 0) {
      ++i;
      continue;
    }
    const std::string_view entry = trim_blanks(text.substr(start, i - start));
    if (!entry.empty()) entries.push_back(entry);
    i += width;
    start = i;
  }
  return entries;
}

std::vector<std::string_view> split_fields(std::string_view entry) {
  std::vector<std::string_view> fields;
  std::size_t start = 0;
  for (std::size_t at = entry.find('|'); at != std::string_view::npos;
       at = entry.find('|', start)) {
    fields.push_back(trim_blanks(entry.substr(start, at - start)));
    start = at + 1;
  }
  fields.push_back(trim_blanks(entry.substr(start)));
  return fields;
}

constexpr std::string_view kConditionPrefix = "条件:";
constexpr std::string_view kConditionPrefixWide = "条件：";

}  // namespace

std::string_view to_label(MaterialForm form) {
  switch (form) {
    case MaterialForm::original:
      return "原件";
    case MaterialForm::copy:
      return "复印件";
    case MaterialForm::original_and_copy:
      return "原件和复印件";
    case MaterialForm::electronic:
      return "电子件";
  }
  return "原件";
}

std::optional<MaterialForm> parse_material_form(std::string_view label) {
  for (MaterialForm form : {MaterialForm::original, MaterialForm::copy,
                            MaterialForm::original_and_copy, MaterialForm::electronic}) {
    if (label == to_label(form)) return form;
  }
  return std::nullopt;
}

Status check_item(const ServiceItem& item) {
  if (item.code.size() < 3 || item.code.size() > 40 ||
      item.code.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-") != std::string::npos) {
    return std::unexpected(Error::invalid(
        "bad_item_code",
        fmt::format("事项编码须为 3-40 位大写字母、数字或连字符: \"{}\" (code: A-Z, 0-9, -)",
                    item.code),
        "code"));
  }
  struct Text {
    const std::string& value;
    const char* field;
    std::string_view label;
    std::size_t min, max;
  };
  for (const Text& text : {Text{item.name, "name", "事项名称", 2, 100},
                           Text{item.category, "category", "事项类别", 2, 30},
                           Text{item.department, "department", "办理部门", 2, 60},
                           Text{item.legal_basis, "legal_basis", "设定依据", 0, 2000},
                           Text{item.conditions, "conditions", "申请条件", 0, 4000}}) {
    if (auto ok = check_text(text.value, text.field, text.label, text.min, text.max); !ok) {
      return ok;
    }
  }
  if (std::find(std::begin(kItemKinds), std::end(kItemKinds), item.kind) == std::end(kItemKinds)) {
    return std::unexpected(Error::invalid(
        "bad_item_kind",
        fmt::format("未知的事项类型 \"{}\" (unknown kind; one of 行政许可, 行政确认, 行政备案, "
                    "行政给付, 行政裁决, 行政奖励, 其他行政权力, 公共服务)",
                    item.kind),
        "kind"));
  }
  if (item.statutory_days < 0 || item.statutory_days > kMaxTimeLimitDays) {
    return std::unexpected(
        Error::invalid("bad_time_limit",
                       "法定时限须在 0 到 365 个工作日之间 (statutory limit: 0-365 working days)",
                       "statutory_days"));
  }
  if (item.promised_days < 0 || item.promised_days > item.statutory_days) {
    return std::unexpected(Error::invalid(
        "promise_over_statutory",
        fmt::format("承诺时限 {} 天不能超过法定时限 {} 天 (the promised limit must not exceed the "
                    "statutory one)",
                    item.promised_days, item.statutory_days),
        "promised_days"));
  }
  if (item.visits < 0 || item.visits > kMaxVisits) {
    return std::unexpected(
        Error::invalid("bad_visits", "跑动次数须在 0 到 5 之间 (visits: 0-5)", "visits"));
  }
  if (item.fee_fen < 0) {
    return std::unexpected(
        Error::invalid("negative_value", "收费不能为负数 (the fee must not be negative)", "fee"));
  }
  if (item.fee_fen > kMaxFeeFen) {
    return std::unexpected(Error::invalid(
        "out_of_range", "收费不能超过 1 亿元 (the fee must not exceed 100 million yuan)", "fee"));
  }
  if (item.materials.size() > 100) {
    return std::unexpected(Error::invalid(
        "too_many_materials", "申请材料不能超过 100 项 (at most 100 materials)", "materials"));
  }
  for (std::size_t i = 0; i < item.materials.size(); ++i) {
    const Material& m = item.materials[i];
    const std::string prefix = fmt::format("materials[{}]", i);
    if (auto ok = check_text(m.name, prefix + ".name", "材料名称", 1, 100); !ok) return ok;
    if (m.copies < 1 || m.copies > 20) {
      return std::unexpected(Error::invalid(
          "bad_copies", "材料份数须在 1 到 20 之间 (copies: 1-20)", prefix + ".copies"));
    }
    if (auto ok = check_text(m.condition, prefix + ".condition", "适用条件", 0, 200); !ok) {
      return ok;
    }
    if (m.template_file.find('/') != std::string::npos ||
        m.template_file.find('\\') != std::string::npos || m.template_file.starts_with(".")) {
      return std::unexpected(Error::invalid("bad_template_file",
                                            "模板文件名不能含路径 (a template is a bare file name)",
                                            prefix + ".template_file"));
    }
    if (auto ok = check_text(m.template_file, prefix + ".template_file", "模板文件", 0, 100); !ok) {
      return ok;
    }
  }
  return {};
}

Result<std::vector<Material>> parse_materials(std::string_view text) {
  std::vector<Material> materials;
  const auto entries = split_entries(text);
  for (std::size_t i = 0; i < entries.size(); ++i) {
    auto bad = [&](std::string_view why) {
      return std::unexpected(Error::invalid(
          "bad_materials",
          fmt::format("申请材料第 {} 项 \"{}\": {} (material {}: 名称|形式|份数|必需 or 条件:…"
                      "[|模板])",
                      i + 1, entries[i], why, i + 1),
          "materials"));
    };
    const auto fields = split_fields(entries[i]);
    if (fields.size() < 4 || fields.size() > 5) return bad("须为 4 或 5 段, 以 | 分隔");
    Material m;
    m.name = std::string(fields[0]);
    if (m.name.empty()) return bad("缺少名称");
    auto form = parse_material_form(fields[1]);
    if (!form) return bad("形式须为 原件, 复印件, 原件和复印件 或 电子件");
    m.form = *form;
    const std::string_view count = fields[2];
    auto [end, ec] = std::from_chars(count.data(), count.data() + count.size(), m.copies);
    if (ec != std::errc() || end != count.data() + count.size() || m.copies < 1 || m.copies > 20) {
      return bad("份数须为 1 到 20 的整数");
    }
    const std::string_view need = fields[3];
    if (need == "必需") {
      m.condition.clear();
    } else if (need.starts_with(kConditionPrefix) || need.starts_with(kConditionPrefixWide)) {
      const std::size_t prefix = need.starts_with(kConditionPrefix) ? kConditionPrefix.size()
                                                                    : kConditionPrefixWide.size();
      m.condition = std::string(trim_blanks(need.substr(prefix)));
      if (m.condition.empty()) return bad("条件须写明");
    } else {
      return bad("须为 必需 或 条件:说明");
    }
    if (fields.size() == 5) m.template_file = std::string(fields[4]);
    materials.push_back(std::move(m));
  }
  return materials;
}

std::string format_materials(const std::vector<Material>& materials) {
  std::string text;
  for (const Material& m : materials) {
    if (!text.empty()) text += ";";
    text += fmt::format("{}|{}|{}|{}", m.name, to_label(m.form), m.copies,
                        m.condition.empty() ? std::string("必需") : "条件:" + m.condition);
    if (!m.template_file.empty()) text += "|" + m.template_file;
  }
  return text;
}

const std::vector<CatalogueColumn>& catalogue_columns() {
  static const std::vector<CatalogueColumn> kColumns = {
      {"code", "事项编码"},
      {"name", "事项名称"},
      {"category", "事项类别"},
      {"kind", "事项类型"},
      {"department", "办理部门"},
      {"legal_basis", "设定依据"},
      {"statutory_days", "法定时限(工作日)"},
      {"promised_days", "承诺时限(工作日)"},
      {"visits", "跑动次数"},
      {"fee", "收费(元)"},
      {"conditions", "申请条件"},
      {"materials", "申请材料"},
      {"published", "是否发布"},
  };
  return kColumns;
}

Result<ServiceItem> item_from_row(const std::vector<std::string_view>& cells) {
  const auto& columns = catalogue_columns();
  auto cell = [&](std::size_t i) { return i < cells.size() ? trim_blanks(cells[i]) : ""; };
  auto whole = [&](std::size_t i, int& into) -> Status {
    const std::string_view text = cell(i);
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), into);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size()) {
      return std::unexpected(Error::invalid(
          "bad_number",
          fmt::format("{}须为整数: \"{}\" (a whole number)", columns[i].heading, text),
          std::string(columns[i].key)));
    }
    return {};
  };
  ServiceItem item;
  item.code = std::string(cell(0));
  item.name = std::string(cell(1));
  item.category = std::string(cell(2));
  item.kind = std::string(cell(3));
  item.department = std::string(cell(4));
  item.legal_basis = std::string(cell(5));
  TRY(whole(6, item.statutory_days));
  TRY(whole(7, item.promised_days));
  TRY(whole(8, item.visits));
  auto fee = TRY(parse_yuan(cell(9).empty() ? "0" : cell(9), "fee"));
  item.fee_fen = fee;
  item.conditions = std::string(cell(10));
  auto materials = TRY(parse_materials(cell(11)));
  item.materials = std::move(materials);
  const std::string_view published = cell(12);
  if (published == "是" || published.empty()) {
    item.published = true;
  } else if (published == "否") {
    item.published = false;
  } else {
    return std::unexpected(Error::invalid(
        "bad_flag", fmt::format("是否发布须为 是 或 否: \"{}\" (yes or no)", published),
        "published"));
  }
  TRY(check_item(item));
  return item;
}

std::vector<std::string> item_to_row(const ServiceItem& item) {
  return {item.code,
          item.name,
          item.category,
          item.kind,
          item.department,
          item.legal_basis,
          std::to_string(item.statutory_days),
          std::to_string(item.promised_days),
          std::to_string(item.visits),
          format_yuan(item.fee_fen),
          item.conditions,
          format_materials(item.materials),
          item.published ? "是" : "否"};
}

Result<std::string> export_catalogue(const std::vector<ServiceItem>& items,
                                     tabular::SheetFormat format) {
  std::vector<std::string> header;
  for (const auto& column : catalogue_columns()) header.emplace_back(column.heading);
  std::vector<std::vector<tabular::Cell>> rows;
  rows.reserve(items.size());
  for (const ServiceItem& item : items) {
    std::vector<tabular::Cell> row;
    for (std::string& text : item_to_row(item)) row.push_back({std::move(text)});
    rows.push_back(std::move(row));
  }
  return tabular::write_sheet(format, "办事指南", header, rows);
}

}  // namespace jingkai::approvals
