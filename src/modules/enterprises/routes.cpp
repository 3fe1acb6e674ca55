#include "modules/enterprises/routes.hpp"

#include <fmt/format.h>

#include <charconv>

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
    auto id = http::parse_id(chain, "chain");
    if (!id) return std::unexpected(id.error());
    filter.chain_id = *id;
  }
  struct Flag {
    std::string_view name;
    std::optional<bool>* into;
  };
  for (const Flag& flag :
       {Flag{"above_scale", &filter.above_scale}, Flag{"high_tech", &filter.high_tech},
        Flag{"listed", &filter.listed}, Flag{"global500", &filter.global500}}) {
    auto value = ctx.query_bool(flag.name);
    if (!value) return std::unexpected(value.error());
    *flag.into = *value;
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
  auto date = parse_date(text, name);
  if (!date) return std::unexpected(date.error());
  return std::optional<Date>(*date);
}

Result<EnterpriseDraft> draft_of(const RequestContext& ctx) {
  auto body = http::parse_json_object(ctx.request);
  if (!body) return std::unexpected(body.error());
  http::FieldReader fields(*body);
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
  if (auto done = fields.finish(); !done) return std::unexpected(done.error());
  if (!expires) return std::unexpected(expires.error());
  if (!founded) return std::unexpected(founded.error());
  draft.high_tech_expires_on = *expires;
  draft.founded_on = *founded;
  if (land) {
    auto centimu = parse_decimal(*land, 2, "land_area_mu");
    if (!centimu) return std::unexpected(centimu.error());
    draft.land_area_centimu = *centimu;
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
  auto body = http::parse_json_object(ctx.request);
  if (!body) return std::unexpected(body.error());
  http::FieldReader fields(*body);
  MonthlyFigures f;
  struct Field {
    std::string_view name;
    std::int64_t* into;
  };
  for (const Field& field :
       {Field{"output_fen", &f.output_fen}, Field{"value_added_fen", &f.value_added_fen},
        Field{"revenue_fen", &f.revenue_fen}, Field{"profit_fen", &f.profit_fen},
        Field{"tax_fen", &f.tax_fen}, Field{"employees", &f.employees},
        Field{"energy_kgce", &f.energy_kgce}}) {
    if (!fields.has(field.name)) {
      return std::unexpected(
          Error::invalid("missing_field",
                         fmt::format("缺少字段 {} (field {} is required)", field.name, field.name),
                         std::string(field.name)));
    }
    *field.into = fields.optional_int(field.name).value_or(0);
  }
  if (auto done = fields.finish(); !done) return std::unexpected(done.error());
  return f;
}

// The range of periods a list or drill-down covers: ?from=&to=, defaulting to the last 12
// months up to now.
Result<std::pair<Period, Period>> period_range(const RequestContext& ctx, Date today) {
  Period to = period_of(today);
  if (auto text = ctx.query_text("to"); !text.empty()) {
    auto parsed = parse_period(text, "to");
    if (!parsed) return std::unexpected(parsed.error());
    to = *parsed;
  }
  Period from = to.plus_months(-11);
  if (auto text = ctx.query_text("from"); !text.empty()) {
    auto parsed = parse_period(text, "from");
    if (!parsed) return std::unexpected(parsed.error());
    from = *parsed;
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

// Collects every page of a list, for exports; a bound keeps one request from holding the
// server for minutes.
template <typename T, typename Fetch>
Result<std::vector<T>> all_pages(Fetch&& fetch) {
  constexpr std::int64_t kMaxRows = 1'000'000;
  std::vector<T> items;
  PageRequest page{1, PageRequest::kMaxPageSize};
  for (;;) {
    auto batch = fetch(page);
    if (!batch) return std::unexpected(batch.error());
    for (auto& item : batch->items) items.push_back(std::move(item));
    if (std::int64_t(items.size()) >= batch->total || batch->items.empty()) break;
    if (std::int64_t(items.size()) >= kMaxRows) {
      return std::unexpected(Error::invalid(
          "export_too_large", "导出超过 100 万行, 请缩小筛选范围 (more than 1,000,000 rows)"));
    }
    ++page.page;
  }
  return items;
}

}  // namespace

void register_routes(http::Router& router, EnterpriseService& enterprises,
                     ReportImporter& importer) {
  router.add(
      http::Verb::get, "/api/v1/chains", readers(),
      [&](const RequestContext& ctx) -> Result<Response> {
        auto chains = enterprises.chains(ctx.actor());
        if (!chains) return std::unexpected(chains.error());
        json::array items;
        for (const Chain& chain : *chains) items.push_back(to_json(chain));
        return http::json_response(http::StatusCode::ok, json::object{{"items", std::move(items)}});
      });

  auto chain_of = [](const RequestContext& ctx) -> Result<Chain> {
    auto body = http::parse_json_object(ctx.request);
    if (!body) return std::unexpected(body.error());
    http::FieldReader fields(*body);
    Chain chain;
    chain.code = fields.required_string("code", 40);
    chain.name = fields.required_string("name", 40);
    if (auto done = fields.finish(); !done) return std::unexpected(done.error());
    return chain;
  };
  router.add(http::Verb::post, "/api/v1/chains", Access::only({Role::admin}),
             [&, chain_of](const RequestContext& ctx) -> Result<Response> {
               auto chain = chain_of(ctx);
               if (!chain) return std::unexpected(chain.error());
               auto added = enterprises.add_chain(ctx.actor(), *chain);
               if (!added) return std::unexpected(added.error());
               return http::json_response(http::StatusCode::created, to_json(*added));
             });
  router.add(http::Verb::put, "/api/v1/chains/{id}", Access::only({Role::admin}),
             [&, chain_of](const RequestContext& ctx) -> Result<Response> {
               auto id = ctx.id_param("id");
               if (!id) return std::unexpected(id.error());
               auto chain = chain_of(ctx);
               if (!chain) return std::unexpected(chain.error());
               chain->id = *id;
               auto updated = enterprises.update_chain(ctx.actor(), *chain);
               if (!updated) return std::unexpected(updated.error());
               return http::json_response(http::StatusCode::ok, to_json(*updated));
             });

  router.add(http::Verb::get, "/api/v1/enterprises", readers(),
             [&](const RequestContext& ctx) -> Result<Response> {
               auto page = ctx.page();
               if (!page) return std::unexpected(page.error());
               auto filter = filter_of(ctx);
               if (!filter) return std::unexpected(filter.error());
               auto list = enterprises.list(ctx.actor(), *filter, *page);
               if (!list) return std::unexpected(list.error());
               return http::json_response(
                   http::StatusCode::ok,
                   http::page_json(*list, [](const Enterprise& e) { return to_json(e); }));
             });

  router.add(http::Verb::get, "/api/v1/enterprises/export", readers(),
             [&](const RequestContext& ctx) -> Result<Response> {
               auto format = parse_sheet_format(ctx.query_text("format"));
               if (!format) return std::unexpected(format.error());
               auto filter = filter_of(ctx);
               if (!filter) return std::unexpected(filter.error());
               auto all = all_pages<Enterprise>(
                   [&](PageRequest page) { return enterprises.list(ctx.actor(), *filter, page); });
               if (!all) return std::unexpected(all.error());
               auto file = export_enterprises(*all, *format);
               if (!file) return std::unexpected(file.error());
               return http::file_response(content_type(*format),
                                          fmt::format("enterprises.{}", extension(*format)),
                                          std::move(*file));
             });

  router.add(http::Verb::post, "/api/v1/enterprises", editors(),
             [&](const RequestContext& ctx) -> Result<Response> {
               auto draft = draft_of(ctx);
               if (!draft) return std::unexpected(draft.error());
               auto created = enterprises.create(ctx.actor(), *draft);
               if (!created) return std::unexpected(created.error());
               return http::json_response(http::StatusCode::created, to_json(*created));
             });

  router.add(http::Verb::get, "/api/v1/enterprises/{id}", readers(),
             [&](const RequestContext& ctx) -> Result<Response> {
               auto id = ctx.id_param("id");
               if (!id) return std::unexpected(id.error());
               auto found = enterprises.get(ctx.actor(), *id);
               if (!found) return std::unexpected(found.error());
               return http::json_response(http::StatusCode::ok, to_json(*found));
             });

  router.add(http::Verb::put, "/api/v1/enterprises/{id}", editors(),
             [&](const RequestContext& ctx) -> Result<Response> {
               auto id = ctx.id_param("id");
               if (!id) return std::unexpected(id.error());
               auto draft = draft_of(ctx);
               if (!draft) return std::unexpected(draft.error());
               auto updated = enterprises.update(ctx.actor(), *id, *draft);
               if (!updated) return std::unexpected(updated.error());
               return http::json_response(http::StatusCode::ok, to_json(*updated));
             });

  router.add(http::Verb::get, "/api/v1/enterprises/{id}/history", readers(),
             [&](const RequestContext& ctx) -> Result<Response> {
               auto id = ctx.id_param("id");
               if (!id) return std::unexpected(id.error());
               auto page = ctx.page();
               if (!page) return std::unexpected(page.error());
               auto history = enterprises.history(ctx.actor(), *id, *page);
               if (!history) return std::unexpected(history.error());
               return http::json_response(
                   http::StatusCode::ok, http::page_json(*history, [](const store::AuditRecord& r) {
                     return json::object{{"seq", r.seq},       {"at", format_china_time(r.at)},
                                         {"actor", r.actor},   {"action", r.action},
                                         {"before", r.before}, {"after", r.after}};
                   }));
             });

  router.add(http::Verb::get, "/api/v1/enterprises/{id}/reports", readers(),
             [&](const RequestContext& ctx) -> Result<Response> {
               auto id = ctx.id_param("id");
               if (!id) return std::unexpected(id.error());
               auto page = ctx.page();
               if (!page) return std::unexpected(page.error());
               auto range = period_range(ctx, enterprises.today());
               if (!range) return std::unexpected(range.error());
               auto reports =
                   enterprises.reports(ctx.actor(), *id, range->first, range->second, {}, *page);
               if (!reports) return std::unexpected(reports.error());
               return http::json_response(
                   http::StatusCode::ok,
                   http::page_json(*reports, [](const MonthlyReport& r) { return to_json(r); }));
             });

  router.add(http::Verb::put, "/api/v1/enterprises/{id}/reports/{period}", editors(),
             [&](const RequestContext& ctx) -> Result<Response> {
               auto id = ctx.id_param("id");
               if (!id) return std::unexpected(id.error());
               auto period = parse_period(ctx.params.at("period"), "period");
               if (!period) return std::unexpected(period.error());
               auto figures = figures_of(ctx);
               if (!figures) return std::unexpected(figures.error());
               auto saved = enterprises.save_report(ctx.actor(), *id, *period, *figures);
               if (!saved) return std::unexpected(saved.error());
               return http::json_response(http::StatusCode::ok, to_json(*saved));
             });

  // Reports across the zone: the drill-down behind every figure of the dashboard.
  router.add(http::Verb::get, "/api/v1/enterprise-reports", readers(),
             [&](const RequestContext& ctx) -> Result<Response> {
               auto page = ctx.page();
               if (!page) return std::unexpected(page.error());
               auto range = period_range(ctx, enterprises.today());
               if (!range) return std::unexpected(range.error());
               Scope scope;
               if (auto chain = ctx.query_text("chain"); chain == "none") {
                 scope.without_chain = true;
               } else if (!chain.empty()) {
                 auto id = http::parse_id(chain, "chain");
                 if (!id) return std::unexpected(id.error());
                 scope.chain_id = *id;
               }
               auto above = ctx.query_bool("above_scale");
               if (!above) return std::unexpected(above.error());
               scope.above_scale_only = above->value_or(false);
               EnterpriseId enterprise = 0;
               if (auto text = ctx.query_text("enterprise"); !text.empty()) {
                 auto id = http::parse_id(text, "enterprise");
                 if (!id) return std::unexpected(id.error());
                 enterprise = *id;
               }
               auto reports = enterprises.reports(ctx.actor(), enterprise, range->first,
                                                  range->second, scope, *page);
               if (!reports) return std::unexpected(reports.error());
               return http::json_response(
                   http::StatusCode::ok,
                   http::page_json(*reports, [](const MonthlyReport& r) { return to_json(r); }));
             });

  router.add(http::Verb::get, "/api/v1/enterprise-reports/export", readers(),
             [&](const RequestContext& ctx) -> Result<Response> {
               auto format = parse_sheet_format(ctx.query_text("format"));
               if (!format) return std::unexpected(format.error());
               auto range = period_range(ctx, enterprises.today());
               if (!range) return std::unexpected(range.error());
               auto all = all_pages<MonthlyReport>([&](PageRequest page) {
                 return enterprises.reports(ctx.actor(), 0, range->first, range->second, {}, page);
               });
               if (!all) return std::unexpected(all.error());
               auto file = export_reports(*all, *format);
               if (!file) return std::unexpected(file.error());
               return http::file_response(
                   content_type(*format),
                   fmt::format("reports-{}-{}.{}", format_period(range->first),
                               format_period(range->second), extension(*format)),
                   std::move(*file));
             });

  router.add(http::Verb::get, "/api/v1/enterprise-reports/template", readers(),
             [&](const RequestContext& ctx) -> Result<Response> {
               auto format = parse_sheet_format(ctx.query_text("format"));
               if (!format) return std::unexpected(format.error());
               auto file = report_template(*format);
               if (!file) return std::unexpected(file.error());
               return http::file_response(content_type(*format),
                                          fmt::format("report-template.{}", extension(*format)),
                                          std::move(*file));
             });

  // The body is the file itself (CSV or XLSX), not JSON: a browser sends a File as is.
  router.add(http::Verb::post, std::string(kImportPath), editors(),
             [&](const RequestContext& ctx) -> Result<Response> {
               std::optional<tabular::Encoding> encoding;
               if (auto text = ctx.query_text("encoding"); !text.empty()) {
                 auto parsed = tabular::parse_encoding(text);
                 if (!parsed) return std::unexpected(parsed.error());
                 encoding = *parsed;
               }
               auto dry_run = ctx.query_bool("dry_run");
               if (!dry_run) return std::unexpected(dry_run.error());
               std::string name(ctx.query_text("name"));
               if (name.empty() || name.size() > 200 || !is_valid_utf8(name)) name = "upload";
               auto outcome = importer.run(ctx.actor(), ctx.request.body(), encoding, name,
                                           dry_run->value_or(false));
               if (!outcome) return std::unexpected(outcome.error());
               if (outcome->problem_count > 0) {
                 return http::error_response(
                     Error::invalid(
                         "import_rejected",
                         fmt::format("{} 处错误, 未导入任何数据 ({} problems; nothing imported)",
                                     outcome->problem_count, outcome->problem_count),
                         "file"),
                     outcome_json(*outcome));
               }
               return http::json_response(http::StatusCode::ok, outcome_json(*outcome));
             });
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
               auto id = ctx.id_param("id");
               if (!id) return std::unexpected(id.error());
               auto list = representatives.list(ctx.actor(), *id);
               if (!list) return std::unexpected(list.error());
               return http::json_response(http::StatusCode::ok, representatives_json(*list));
             });
  router.add(http::Verb::put, "/api/v1/enterprises/{id}/representatives/{user}",
             Access::only({Role::admin}), [&](const RequestContext& ctx) -> Result<Response> {
               auto id = ctx.id_param("id");
               if (!id) return std::unexpected(id.error());
               auto list = representatives.grant(ctx.actor(), *id, ctx.params.at("user"));
               if (!list) return std::unexpected(list.error());
               return http::json_response(http::StatusCode::ok, representatives_json(*list));
             });
  router.add(http::Verb::delete_, "/api/v1/enterprises/{id}/representatives/{user}",
             Access::only({Role::admin}), [&](const RequestContext& ctx) -> Result<Response> {
               auto id = ctx.id_param("id");
               if (!id) return std::unexpected(id.error());
               auto list = representatives.revoke(ctx.actor(), *id, ctx.params.at("user"));
               if (!list) return std::unexpected(list.error());
               return http::json_response(http::StatusCode::ok, representatives_json(*list));
             });
  router.add(
      http::Verb::get, "/api/v1/my/enterprises", Access::only({Role::enterprise_user}),
      [&](const RequestContext& ctx) -> Result<Response> {
        auto list = representatives.represented(ctx.actor());
        if (!list) return std::unexpected(list.error());
        json::array items;
        for (const auto& e : *list) {
          items.push_back(json::object{{"id", e.id}, {"uscc", e.uscc}, {"name", e.name}});
        }
        return http::json_response(http::StatusCode::ok, json::object{{"items", std::move(items)}});
      });
}

}  // namespace jingkai::enterprises
