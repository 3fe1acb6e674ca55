// The enterprise registry and its monthly statistics reports: plain data.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/actor.hpp"
#include "core/clock.hpp"
#include "core/date.hpp"
#include "core/money.hpp"
#include "core/period.hpp"

namespace jingkai::enterprises {

using EnterpriseId = std::int64_t;
using ChainId = std::int64_t;

// An industrial chain (产业链) the zone organises investment and statistics by; each zone
// keeps its own list.
struct Chain {
  ChainId id = 0;
  std::string code;  // stable, e.g. "smart-vision"
  std::string name;  // e.g. 智能视觉
};

enum class EnterpriseStatus { active, moved_out, deregistered };
std::string_view to_string(EnterpriseStatus status);
std::optional<EnterpriseStatus> parse_status(std::string_view text);

// What a user enters about an enterprise; the registry checks it.
struct EnterpriseDraft {
  std::string uscc;  // 统一社会信用代码 (GB 32100-2015)
  std::string name;
  std::string legal_representative;  // 法定代表人
  std::string address;               // 注册地址
  std::string division_code;         // 行政区划代码 (GB/T 2260)
  std::string industry_code;         // 国民经济行业分类 (GB/T 4754-2017)
  std::optional<ChainId> chain_id;
  std::string high_tech_certificate;  // 高新技术企业证书编号; empty when none
  std::optional<Date> high_tech_expires_on;
  std::string listed_exchange;  // e.g. SSE, SZSE, HKEX; empty when not listed
  std::string listed_ticker;
  std::string global500_group;  // the Fortune Global 500 group it belongs to, if any
  // 规上 by the statistics office's decision, overriding the revenue rule; empty: the rule.
  std::optional<bool> above_scale_override;
  std::int64_t land_area_centimu = 0;  // land in 1/100 mu (亩)
  std::optional<Date> founded_on;
  EnterpriseStatus status = EnterpriseStatus::active;
};

struct Enterprise : EnterpriseDraft {
  EnterpriseId id = 0;
  ZoneId zone_id = 0;
  std::string name_initials;  // pinyin initials of the name, for search
  std::string chain_name;
  bool above_scale = false;  // for the current statistical year, rule or override
  EpochMs created_at = 0;
  EpochMs updated_at = 0;
};

// The annual main-business revenue at which an industrial enterprise is above scale
// (规模以上工业企业): 20 million CNY, the national rule since 2011. A firm is above scale in a
// year when its revenue in the year before reached it — annualised over the months it
// reported, so that a firm that started mid-year is judged fairly — or, with no reports
// the year before, its revenue so far this year, annualised the same way. A decision of the
// statistics office (above_scale_override) overrides the rule. The SQL of this rule is in
// repo.cpp (kAboveScaleSql) and uses this number.
inline constexpr Fen kAboveScaleRevenueFen = 20'000'000LL * 100;

// Filters of the registry list; unset means "any".
struct EnterpriseFilter {
  std::string query;  // name, code, or pinyin initials (prefix)
  std::optional<ChainId> chain_id;
  bool without_chain = false;  // only enterprises assigned to no chain
  std::optional<bool> above_scale;
  std::optional<bool> high_tech;
  std::optional<bool> listed;
  std::optional<bool> global500;
  std::optional<EnterpriseStatus> status;
  std::string industry_prefix;  // e.g. "39" for a division
  std::string sort = "name";    // name, -name, founded_on, -founded_on, land_area, -land_area,
                                // updated_at, -updated_at
};

// One enterprise's figures for one month (月报). Money in fen; energy in kg of standard coal.
struct MonthlyFigures {
  Fen output_fen = 0;            // 工业总产值
  Fen value_added_fen = 0;       // 工业增加值
  Fen revenue_fen = 0;           // 主营业务收入
  Fen profit_fen = 0;            // 利润总额 (may be negative)
  Fen tax_fen = 0;               // 实缴税金
  std::int64_t employees = 0;    // 从业人员
  std::int64_t energy_kgce = 0;  // 综合能耗, kg of standard coal (tce × 1000)
};

struct MonthlyReport {
  EnterpriseId enterprise_id = 0;
  Period period;
  MonthlyFigures figures;
  EpochMs updated_at = 0;
  std::string enterprise_name;  // filled by list queries
  std::string uscc;
};

}  // namespace jingkai::enterprises
