// The service-item catalogue (办事指南): what the one-stop service centre handles, under
// which law, in how many working days, and what an applicant must bring.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/actor.hpp"
#include "core/clock.hpp"
#include "core/money.hpp"

namespace jingkai::approvals {

using ServiceItemId = std::int64_t;

// In what form a material is handed in.
enum class MaterialForm { original, copy, original_and_copy, electronic };
std::string_view to_label(MaterialForm form);  // 原件, 复印件, 原件和复印件, 电子件
std::optional<MaterialForm> parse_material_form(std::string_view label);

// One material an applicant submits (申请材料).
struct Material {
  std::string name;
  MaterialForm form = MaterialForm::original;
  int copies = 1;
  // Empty: always required (必需). Otherwise the condition under which it is (条件).
  std::string condition;
  std::string template_file;  // the name of a form template the centre provides, if any
  bool operator==(const Material&) const = default;
};

struct ServiceItem {
  ServiceItemId id = 0;
  std::string code;         // 事项编码
  std::string name;         // 事项名称
  std::string category;     // 事项类别: 商事登记, 投资项目审批, 不动产登记, …
  std::string kind;         // 事项类型: 行政许可, 行政确认, 公共服务, …
  std::string department;   // 办理部门
  std::string legal_basis;  // 设定依据
  int statutory_days = 0;   // 法定时限, working days
  int promised_days = 0;    // 承诺时限, working days; 0: handled on the spot (即办)
  int visits = 0;           // on-site visits needed: 0 零跑, 1 最多跑一次
  Fen fee_fen = 0;          // 0: free of charge
  std::string conditions;   // 申请条件
  std::vector<Material> materials;
  bool published = true;  // in the public guide
  EpochMs updated_at = 0;
  bool operator==(const ServiceItem&) const = default;
};

// The kinds of administrative power items are catalogued under (权力事项类型).
inline constexpr std::string_view kItemKinds[] = {"行政许可",     "行政确认", "行政备案",
                                                  "行政给付",     "行政裁决", "行政奖励",
                                                  "其他行政权力", "公共服务"};

struct CatalogueFilter {
  std::string query;  // code or name, part
  std::string category;
  bool published_only = true;
};

}  // namespace jingkai::approvals
