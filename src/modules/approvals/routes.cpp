#include "modules/approvals/routes.hpp"

#include <fmt/format.h>

#include "http/json_body.hpp"
#include "modules/approvals/catalogue.hpp"
#include "tabular/sheet_file.hpp"

namespace jingkai::approvals {
namespace {

namespace json = boost::json;
using http::Access;
using http::RequestContext;
using http::Response;

Access keepers() { return Access::only({Role::admin, Role::approval_officer}); }

json::object item_json(const ServiceItem& item) {
  json::array materials;
  for (const Material& m : item.materials) {
    materials.push_back(json::object{{"name", m.name},
                                     {"form", to_label(m.form)},
                                     {"copies", m.copies},
                                     {"required", m.condition.empty()},
                                     {"condition", m.condition},
                                     {"template_file", m.template_file}});
  }
  return {{"code", item.code},
          {"name", item.name},
          {"category", item.category},
          {"kind", item.kind},
          {"department", item.department},
          {"legal_basis", item.legal_basis},
          {"statutory_days", item.statutory_days},
          {"promised_days", item.promised_days},
          {"visits", item.visits},
          {"fee_fen", item.fee_fen},
          {"conditions", item.conditions},
          {"materials", std::move(materials)},
          {"published", item.published},
          {"updated_at", item.updated_at}};
}

CatalogueFilter filter_of(const RequestContext& ctx) {
  CatalogueFilter filter;
  filter.query = std::string(ctx.query_text("q"));
  filter.category = std::string(ctx.query_text("category"));
  return filter;
}

Result<ServiceItem> item_of(const RequestContext& ctx) {
  auto body = TRY(http::parse_json_object(ctx.request));
  http::FieldReader fields(body);
  ServiceItem item;
  item.code = ctx.params.at("code");
  item.name = fields.required_string("name", 100);
  item.category = fields.required_string("category", 30);
  item.kind = fields.required_string("kind", 20);
  item.department = fields.required_string("department", 60);
  item.legal_basis = fields.optional_string("legal_basis", 2000);
  // Read within the catalogue's own bounds (catalogue.cpp checks them again for imports), so
  // that no value is narrowed to int on the way.
  item.statutory_days = int(
      fields.optional_int("statutory_days", 0, kMaxTimeLimitDays, "bad_time_limit").value_or(-1));
  item.promised_days = int(
      fields.optional_int("promised_days", 0, kMaxTimeLimitDays, "bad_time_limit").value_or(-1));
  item.visits = int(fields.optional_int("visits", 0, kMaxVisits, "bad_visits").value_or(0));
  item.fee_fen = fields.optional_int("fee_fen", 0, kMaxFeeFen).value_or(0);
  item.conditions = fields.optional_string("conditions", 4000);
  const std::string materials = fields.optional_string("materials", 20000);
  item.published = fields.optional_bool("published").value_or(true);
  TRY(fields.finish());
  auto parsed = TRY(parse_materials(materials));
  item.materials = std::move(parsed);
  return item;
}

}  // namespace

void register_routes(http::Router& router, CatalogueService& catalogue) {
  router.add(http::Verb::get, "/api/v1/service-items", Access::anyone(),
             [&](const RequestContext& ctx) -> Result<Response> {
               auto page = TRY(ctx.page());
               return http::ok_page(catalogue.guide(ctx.query_text("zone"), filter_of(ctx), page),
                                    item_json);
             });

  router.add(
      http::Verb::get, "/api/v1/service-items/categories", Access::anyone(),
      [&](const RequestContext& ctx) -> Result<Response> {
        auto categories = TRY(catalogue.categories(ctx.query_text("zone")));
        json::array items;
        for (const auto& [name, count] : categories) {
          items.push_back(json::object{{"name", name}, {"count", count}});
        }
        return http::json_response(http::StatusCode::ok, json::object{{"items", std::move(items)}});
      });

  router.add(http::Verb::get, "/api/v1/service-items/export", keepers(),
             [&](const RequestContext& ctx) -> Result<Response> {
               auto format = TRY(tabular::parse_sheet_format(ctx.query_text("format")));
               CatalogueFilter filter = filter_of(ctx);
               filter.published_only = false;
               auto items = TRY(all_pages<ServiceItem>(
                   [&](PageRequest page) { return catalogue.list(ctx.actor(), filter, page); }));
               auto file = TRY(export_catalogue(items, format));
               return http::file_response(
                   tabular::content_type(format),
                   fmt::format("service-items.{}", tabular::extension(format)), std::move(file));
             });

  router.add(
      http::Verb::post, std::string(kCatalogueImportPath), Access::only({Role::admin}),
      [&](const RequestContext& ctx) -> Result<Response> {
        std::optional<tabular::Encoding> encoding;
        if (auto text = ctx.query_text("encoding"); !text.empty()) {
          auto parsed = TRY(tabular::parse_encoding(text));
          encoding = parsed;
        }
        std::string name(ctx.query_text("name"));
        if (name.empty() || name.size() > 200) name = "upload";
        auto outcome = TRY(catalogue.import(ctx.actor(), ctx.request.body(), encoding, name));
        json::array problems;
        for (const auto& p : outcome.problems) {
          problems.push_back(json::object{{"row", p.row},
                                          {"column", p.column},
                                          {"value", p.value},
                                          {"code", p.code},
                                          {"message", p.message}});
        }
        json::object result{{"rows", outcome.rows},
                            {"imported", outcome.imported},
                            {"inserted", outcome.inserted},
                            {"updated", outcome.updated},
                            {"problem_count", outcome.problem_count},
                            {"problems", std::move(problems)}};
        if (outcome.problem_count > 0) {
          return http::error_response(
              Error::invalid("import_rejected",
                             fmt::format("{} 处错误, 未导入任何事项 ({} problems; nothing "
                                         "imported)",
                                         outcome.problem_count, outcome.problem_count),
                             "file"),
              std::move(result));
        }
        return http::json_response(http::StatusCode::ok, result);
      },
      kCatalogueImportBodyLimit);

  router.add(http::Verb::get, "/api/v1/service-items/{code}", Access::anyone(),
             [&](const RequestContext& ctx) -> Result<Response> {
               return http::ok_json(
                   catalogue.guide_item(ctx.query_text("zone"), ctx.params.at("code")), item_json);
             });

  router.add(http::Verb::put, "/api/v1/service-items/{code}", keepers(),
             [&](const RequestContext& ctx) -> Result<Response> {
               auto item = TRY(item_of(ctx));
               return http::ok_json(catalogue.save(ctx.actor(), item), item_json);
             });
}

}  // namespace jingkai::approvals
