#include "modules/enterprises/routes.hpp"

#include <fmt/format.h>

#include <charconv>

#include "core/money.hpp"
#include "core/text.hpp"
#include "http/json_body.hpp"
#include "modules/enterprises/export.hpp"
#include "modules/enterprises/json.hpp"

namespace jingkai::enterprises {
namespace {

namespace json = boost::json;
using http::Access;
using http::RequestContext;
using http::Response;

// Who may read the registry and its reports, and who may change them.
Access readers() {
  return Access::only({Role::admin, Role::leader, Role::stats_officer, Role::investment_officer,
                       Role::park_manager, Role::approval_officer, Role::province_viewer});
}
Access editors() { return Access::only({Role::admin, Role::stats_officer}); }

Result<EnterpriseFilter> filter_of(const RequestContext& ctx) {
  EnterpriseFilter filter;
  filter.query = std::string(ctx.query_text("q"));
  if (auto chain = ctx.query_text("chain"); chain == "none") {
    filter.without_chain = true;
  } else if (!chain.empty()) {
    auto id = TRY(http::parse_id(chain, "chain"));
    filter.chain_id = id;
  }
  struct Flag {
    std::string_view name;
    std::optional<bool>* into;
  };
  for (const Flag& flag :
       {Flag{"above_scale", &filter.above_scale}, Flag{"high_tech", &filter.high_tech},
        Flag{"listed", &filter.listed}, Flag{"global500", &filter.global500}}) {
    auto value = TRY(ctx.query_bool(flag.name));
    *flag.into = value;
  }
  if (auto status = ctx.query_text("status"); !status.empty()) {
    filter.status = parse_status(status);
    if (!filter.status) {
      return std::unexpected(Error::invalid(
          "bad_status", "状态须为 active, moved_out 或 deregistered (unknown status)", "status"));
    }
  }
  filter.industry_prefix = std::string(ctx.query_text("industry"));
  if (auto sort = ctx.query_text("sort"); !sort.empty()) filter.sort = std::string(sort);
  return filter;
}

Result<std::optional<Date>> optional_date(http::FieldReader& fields, std::string_view name) {
  const std::string text = fields.optional_string(name, 10);
  if (text.empty()) return std::optional<Date>();
  auto date = TRY(parse_date(text, name));
  return std::optional<Date>(date);
}

Result<EnterpriseDraft> draft_of(const RequestContext& ctx) {
  auto body = TRY(http::parse_json_object(ctx.request));
  http::FieldReader fields(body);
  EnterpriseDraft draft;
  draft.uscc = fields.required_string("uscc", 40);
  draft.name = fields.required_string("name", 100);
  draft.legal_representative = fields.required_string("legal_representative", 50);
  draft.address = fields.optional_string("address", 200);
  draft.division_code = fields.required_string("division_code", 10);
  draft.industry_code = fields.required_string("industry_code", 10);
  draft.chain_id = fields.optional_int("chain_id");
  draft.high_tech_certificate = fields.optional_string("high_tech_certificate", 40);
  auto expires = optional_date(fields, "high_tech_expires_on");
  draft.listed_exchange = fields.optional_string("listed_exchange", 10);
  draft.listed_ticker = fields.optional_string("listed_ticker", 12);
  draft.global500_group = fields.optional_string("global500_group", 100);
  draft.above_scale_override = fields.optional_bool("above_scale_override");
  auto land = fields.optional_decimal_text("land_area_mu");
  auto founded = optional_date(fields, "founded_on");
  const std::string status = fields.optional_string("status", 20);
  TRY(fields.finish());
  draft.high_tech_expires_on = TRY(std::move(expires));
  draft.founded_on = TRY(std::move(founded));
  if (land) {
    auto centimu = TRY(parse_decimal(*land, 2, "land_area_mu"));
    draft.land_area_centimu = centimu;
  }
  if (!status.empty()) {
    auto parsed = parse_status(status);
    if (!parsed) {
      return std::unexpected(Error::invalid(
          "bad_status", "状态须为 active, moved_out 或 deregistered (unknown status)", "status"));
    }
    draft.status = *parsed;
  }
  return draft;
}

Result<MonthlyFigures> figures_of(const RequestContext& ctx) {
  auto body = TRY(http::parse_json_object(ctx.request));
  http::FieldReader fields(body);
  MonthlyFigures f;
  struct Field {
    std::string_view name;
    std::int64_t* into;
    std::int64_t bound;  // of the magnitude; the sign is the service's rule (negative_value)
  };
  for (const Field& field : {Field{"output_fen", &f.output_fen, kMaxMonthlyFen},
                             Field{"value_added_fen", &f.value_added_fen, kMaxMonthlyFen},
                             Field{"revenue_fen", &f.revenue_fen, kMaxMonthlyFen},
                             Field{"profit_fen", &f.profit_fen, kMaxMonthlyFen},
                             Field{"tax_fen", &f.tax_fen, kMaxMonthlyFen},
                             Field{"employees", &f.employees, kMaxEmployees},
                             Field{"energy_kgce", &f.energy_kgce, kMaxEnergyKgce}}) {
    if (!fields.has(field.name)) {
      return std::unexpected(
          Error::invalid("missing_field",
                         fmt::format("缺少字段 {} (field {} is required)", field.name, field.name),
                         std::string(field.name)));
    }
    *field.into = fields.optional_int(field.name, -field.bound, field.bound).value_or(0);
  }
  TRY(fields.finish());
  return f;
}

// The range of periods a list or drill-down covers: ?from=&to=, defaulting to the last 12
// months up to now.
Result<std::pair<Period, Period>> period_range(const RequestContext& ctx, Date today) {
  Period to = period_of(today);
  if (auto text = ctx.query_text("to"); !text.empty()) {
    auto parsed = TRY(parse_period(text, "to"));
    to = parsed;
  }
  Period from = to.plus_months(-11);
  if (auto text = ctx.query_text("from"); !text.empty()) {
    auto parsed = TRY(parse_period(text, "from"));
    from = parsed;
  }
  if (to < from) {
    return std::unexpected(
        Error::invalid("bad_range", "结束统计期早于开始统计期 (to is before from)", "to"));
  }
  if (to.index() - from.index() > 120) {
    return std::unexpected(
        Error::invalid("bad_range", "统计期跨度不能超过 10 年 (at most 10 years)", "from"));
  }
  return std::pair{from, to};
}

json::object outcome_json(const ImportOutcome& outcome) {
  json::array problems;
  for (const ImportProblem& p : outcome.problems) {
    problems.push_back(json::object{{"row", p.row},
                                    {"column", p.column},
                                    {"value", p.value},
                                    {"code", p.code},
                                    {"message", p.message}});
  }
  json::array periods;
  for (const std::string& period : outcome.periods) periods.emplace_back(period);
  return {{"rows", outcome.rows},           {"imported", outcome.imported},
          {"inserted", outcome.inserted},   {"updated", outcome.updated},
          {"periods", std::move(periods)},  {"problem_count", outcome.problem_count},
          {"problems", std::move(problems)}};
}

// Chains (产业链): the zone's strategic industrial chains.
void register_chain_routes(http::Router& router, EnterpriseService& enterprises) {
  router.add(
      http::Verb::get, "/api/v1/chains", readers(),
      [&](const RequestContext& ctx) -> Result<Response> {
        auto chains = TRY(enterprises.chains(ctx.actor()));
        json::array items;
        for (const Chain& chain : chains) items.push_back(to_json(chain));
        return http::json_response(http::StatusCode::ok, json::object{{"items", std::move(items)}});
      });

  auto chain_of = [](const RequestContext& ctx) -> Result<Chain> {
    auto body = TRY(http::parse_json_object(ctx.request));
    http::FieldReader fields(body);
    Chain chain;
    chain.code = fields.required_string("code", 40);
    chain.name = fields.required_string("name", 40);
    TRY(fields.finish());
    return chain;
  };
  router.add(http::Verb::post, "/api/v1/chains", Access::only({Role::admin}),
             [&, chain_of](const RequestContext& ctx) -> Result<Response> {
               auto chain = TRY(chain_of(ctx));
               return http::created_json(enterprises.add_chain(ctx.actor(), chain));
             });
  router.add(http::Verb::put, "/api/v1/chains/{id}", Access::only({Role::admin}),
             [&, chain_of](const RequestContext& ctx) -> Result<Response> {
               auto id = TRY(ctx.id_param("id"));
               auto chain = TRY(chain_of(ctx));
               chain.id = id;
               return http::ok_json(enterprises.update_chain(ctx.actor(), chain));
             });
}

// The registry: firms, their history.
void register_registry_routes(http::Router& router, EnterpriseService& enterprises) {
  router.add(http::Verb::get, "/api/v1/enterprises", readers(),
             [&](const RequestContext& ctx) -> Result<Response> {
               auto page = TRY(ctx.page());
               auto filter = TRY(filter_of(ctx));
               return http::ok_page(enterprises.list(ctx.actor(), filter, page));
             });

  router.add(http::Verb::get, "/api/v1/enterprises/export", readers(),
             [&](const RequestContext& ctx) -> Result<Response> {
               auto format = TRY(parse_sheet_format(ctx.query_text("format")));
               auto filter = TRY(filter_of(ctx));
               auto all = TRY(all_pages<Enterprise>(
                   [&](PageRequest page) { return enterprises.list(ctx.actor(), filter, page); }));
               auto file = TRY(export_enterprises(all, format));
               return http::file_response(content_type(format),
                                          fmt::format("enterprises.{}", extension(format)),
                                          std::move(file));
             });

  router.add(http::Verb::post, "/api/v1/enterprises", editors(),
             [&](const RequestContext& ctx) -> Result<Response> {
               auto draft = TRY(draft_of(ctx));
               return http::created_json(enterprises.create(ctx.actor(), draft));
             });

  router.add(http::Verb::get, "/api/v1/enterprises/{id}", readers(),
             [&](const RequestContext& ctx) -> Result<Response> {
               auto id = TRY(ctx.id_param("id"));
               return http::ok_json(enterprises.get(ctx.actor(), id));
             });

  router.add(http::Verb::put, "/api/v1/enterprises/{id}", editors(),
             [&](const RequestContext& ctx) -> Result<Response> {
               auto id = TRY(ctx.id_param("id"));
               auto draft = TRY(draft_of(ctx));
               return http::ok_json(enterprises.update(ctx.actor(), id, draft));
             });

  router.add(http::Verb::get, "/api/v1/enterprises/{id}/history", readers(),
             [&](const RequestContext& ctx) -> Result<Response> {
               auto id = TRY(ctx.id_param("id"));
               auto page = TRY(ctx.page());
               auto history = TRY(enterprises.history(ctx.actor(), id, page));
               return http::json_response(
                   http::StatusCode::ok, http::page_json(history, [](const store::AuditRecord& r) {
                     return json::object{{"seq", r.seq},       {"at", format_china_time(r.at)},
                                         {"actor", r.actor},   {"action", r.action},
                                         {"before", r.before}, {"after", r.after}};
                   }));
             });
}

// Monthly reports: one firm's, the zone's (the dashboard's drill-down), export and import.
void register_report_routes(http::Router& router, EnterpriseService& enterprises,
                            ReportImporter& importer) {
  router.add(http::Verb::get, "/api/v1/enterprises/{id}/reports", readers(),
             [&](const RequestContext& ctx) -> Result<Response> {
               auto id = TRY(ctx.id_param("id"));
               auto page = TRY(ctx.page());
               auto range = TRY(period_range(ctx, enterprises.today()));
               return http::ok_page(
                   enterprises.reports(ctx.actor(), id, range.first, range.second, {}, page));
             });

  router.add(http::Verb::put, "/api/v1/enterprises/{id}/reports/{period}", editors(),
             [&](const RequestContext& ctx) -> Result<Response> {
               auto id = TRY(ctx.id_param("id"));
               auto period = TRY(parse_period(ctx.params.at("period"), "period"));
               auto figures = TRY(figures_of(ctx));
               return http::ok_json(enterprises.save_report(ctx.actor(), id, period, figures));
             });

  // Reports across the zone: the drill-down behind every figure of the dashboard.
  router.add(http::Verb::get, "/api/v1/enterprise-reports", readers(),
             [&](const RequestContext& ctx) -> Result<Response> {
               auto page = TRY(ctx.page());
               auto range = TRY(period_range(ctx, enterprises.today()));
               Scope scope;
               if (auto chain = ctx.query_text("chain"); chain == "none") {
                 scope.without_chain = true;
               } else if (!chain.empty()) {
                 auto id = TRY(http::parse_id(chain, "chain"));
                 scope.chain_id = id;
               }
               auto above = TRY(ctx.query_bool("above_scale"));
               scope.above_scale_only = above.value_or(false);
               EnterpriseId enterprise = 0;
               if (auto text = ctx.query_text("enterprise"); !text.empty()) {
                 auto id = TRY(http::parse_id(text, "enterprise"));
                 enterprise = id;
               }
               return http::ok_page(enterprises.reports(ctx.actor(), enterprise, range.first,
                                                        range.second, scope, page));
             });

  router.add(http::Verb::get, "/api/v1/enterprise-reports/export", readers(),
             [&](const RequestContext& ctx) -> Result<Response> {
               auto format = TRY(parse_sheet_format(ctx.query_text("format")));
               auto range = TRY(period_range(ctx, enterprises.today()));
               auto all = TRY(all_pages<MonthlyReport>([&](PageRequest page) {
                 return enterprises.reports(ctx.actor(), 0, range.first, range.second, {}, page);
               }));
               auto file = TRY(export_reports(all, format));
               return http::file_response(
                   content_type(format),
                   fmt::format("reports-{}-{}.{}", format_period(range.first),
                               format_period(range.second), extension(format)),
                   std::move(file));
             });

  router.add(http::Verb::get, "/api/v1/enterprise-reports/template", readers(),
             [&](const RequestContext& ctx) -> Result<Response> {
               auto format = TRY(parse_sheet_format(ctx.query_text("format")));
               auto file = TRY(report_template(format));
               return http::file_response(content_type(format),
                                          fmt::format("report-template.{}", extension(format)),
                                          std::move(file));
             });

  // The body is the file itself (CSV or XLSX), not JSON: a browser sends a File as is.
  router.add(
      http::Verb::post, std::string(kImportPath), editors(),
      [&](const RequestContext& ctx) -> Result<Response> {
        std::optional<tabular::Encoding> encoding;
        if (auto text = ctx.query_text("encoding"); !text.empty()) {
          auto parsed = TRY(tabular::parse_encoding(text));
          encoding = parsed;
        }
        auto dry_run = TRY(ctx.query_bool("dry_run"));
        std::string name(ctx.query_text("name"));
        if (name.empty() || name.size() > 200 || !is_valid_utf8(name)) name = "upload";
        auto outcome = TRY(
            importer.run(ctx.actor(), ctx.request.body(), encoding, name, dry_run.value_or(false)));
        if (outcome.problem_count > 0) {
          return http::error_response(
              Error::invalid(
                  "import_rejected",
                  fmt::format("{} 处错误, 未导入任何数据 ({} problems; nothing imported)",
                              outcome.problem_count, outcome.problem_count),
                  "file"),
              outcome_json(outcome));
        }
        return http::json_response(http::StatusCode::ok, outcome_json(outcome));
      },
      kImportBodyLimit);
}

}  // namespace

void register_routes(http::Router& router, EnterpriseService& enterprises,
                     ReportImporter& importer) {
  register_chain_routes(router, enterprises);
  register_registry_routes(router, enterprises);
  register_report_routes(router, enterprises, importer);
}

namespace {

json::object representatives_json(const std::vector<Representative>& list) {
  json::array items;
  for (const Representative& r : list) {
    items.push_back(json::object{{"user_id", r.user_id},
                                 {"name", r.name},
                                 {"display_name", r.display_name},
                                 {"granted_at", r.granted_at}});
  }
  return {{"items", std::move(items)}};
}

}  // namespace

void register_representative_routes(http::Router& router, RepresentativeService& representatives) {
  router.add(http::Verb::get, "/api/v1/enterprises/{id}/representatives",
             Access::only({Role::admin, Role::approval_officer}),
             [&](const RequestContext& ctx) -> Result<Response> {
               auto id = TRY(ctx.id_param("id"));
               return http::ok_json(representatives.list(ctx.actor(), id), representatives_json);
             });
  router.add(http::Verb::put, "/api/v1/enterprises/{id}/representatives/{user}",
             Access::only({Role::admin}), [&](const RequestContext& ctx) -> Result<Response> {
               auto id = TRY(ctx.id_param("id"));
               return http::ok_json(representatives.grant(ctx.actor(), id, ctx.params.at("user")),
                                    representatives_json);
             });
  router.add(http::Verb::delete_, "/api/v1/enterprises/{id}/representatives/{user}",
             Access::only({Role::admin}), [&](const RequestContext& ctx) -> Result<Response> {
               auto id = TRY(ctx.id_param("id"));
               return http::ok_json(representatives.revoke(ctx.actor(), id, ctx.params.at("user")),
                                    representatives_json);
             });
  router.add(
      http::Verb::get, "/api/v1/my/enterprises", Access::only({Role::enterprise_user}),
      [&](const RequestContext& ctx) -> Result<Response> {
        auto list = TRY(representatives.represented(ctx.actor()));
        json::array items;
        for (const auto& e : list) {
          items.push_back(json::object{{"id", e.id}, {"uscc", e.uscc}, {"name", e.name}});
        }
        return http::json_response(http::StatusCode::ok, json::object{{"items", std::move(items)}});
      });
}

}  // namespace jingkai::enterprises
