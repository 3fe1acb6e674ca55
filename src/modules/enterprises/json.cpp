#include "modules/enterprises/json.hpp"

namespace jingkai::enterprises {
namespace {

boost::json::value date_or_null(const std::optional<Date>& date) {
  if (!date) return nullptr;
  return boost::json::value(format_date(*date));
}

}  // namespace

boost::json::object to_json(const Chain& chain) {
  return {{"id", chain.id}, {"code", chain.code}, {"name", chain.name}};
}

boost::json::object to_json(const Enterprise& e) {
  boost::json::object out{
      {"id", e.id},
      {"uscc", e.uscc},
      {"name", e.name},
      {"name_initials", e.name_initials},
      {"legal_representative", e.legal_representative},
      {"address", e.address},
      {"division_code", e.division_code},
      {"industry_code", e.industry_code},
      {"chain_id", e.chain_id ? boost::json::value(*e.chain_id) : boost::json::value(nullptr)},
      {"chain_name", e.chain_name},
      {"high_tech_certificate", e.high_tech_certificate},
      {"high_tech_expires_on", date_or_null(e.high_tech_expires_on)},
      {"listed_exchange", e.listed_exchange},
      {"listed_ticker", e.listed_ticker},
      {"global500_group", e.global500_group},
      {"above_scale_override", e.above_scale_override ? boost::json::value(*e.above_scale_override)
                                                      : boost::json::value(nullptr)},
      {"above_scale", e.above_scale},
      {"land_area_mu", format_decimal(e.land_area_centimu, 2)},
      {"founded_on", date_or_null(e.founded_on)},
      {"status", to_string(e.status)},
      {"created_at", e.created_at},
      {"updated_at", e.updated_at},
  };
  return out;
}

boost::json::object to_json(const MonthlyFigures& f) {
  return {{"output_fen", f.output_fen},   {"value_added_fen", f.value_added_fen},
          {"revenue_fen", f.revenue_fen}, {"profit_fen", f.profit_fen},
          {"tax_fen", f.tax_fen},         {"employees", f.employees},
          {"energy_kgce", f.energy_kgce}};
}

boost::json::object to_json(const MonthlyReport& report) {
  boost::json::object out = to_json(report.figures);
  out["enterprise_id"] = report.enterprise_id;
  out["period"] = format_period(report.period);
  out["updated_at"] = report.updated_at;
  if (!report.enterprise_name.empty()) out["enterprise_name"] = report.enterprise_name;
  if (!report.uscc.empty()) out["uscc"] = report.uscc;
  return out;
}

}  // namespace jingkai::enterprises
