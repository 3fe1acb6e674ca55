#include "modules/approvals/application_routes.hpp"

#include <fmt/format.h>

#include "core/text.hpp"
#include "http/json_body.hpp"
#include "modules/approvals/workflow.hpp"
#include "tabular/sheet_file.hpp"

namespace jingkai::approvals {
namespace {

namespace json = boost::json;
using http::Access;
using http::RequestContext;
using http::Response;

Access readers() {
  return Access::only({Role::admin, Role::leader, Role::approval_officer, Role::enterprise_user});
}
Access managers() { return Access::only({Role::admin, Role::leader, Role::approval_officer}); }
Access workers() { return Access::only({Role::approval_officer, Role::enterprise_user}); }

json::value date_json(const std::optional<Date>& date) {
  return date ? json::value(format_date(*date)) : json::value(nullptr);
}

json::object summary_json(const ApplicationSummary& s) {
  const Application& a = s.application;
  return {{"id", a.id},
          {"number", a.number},
          {"item_code", a.item_code},
          {"item_name", a.item_name},
          {"category", a.category},
          {"department", a.department},
          {"statutory_days", a.statutory_days},
          {"promised_days", a.promised_days},
          {"enterprise_id", a.enterprise_id},
          {"enterprise_name", a.enterprise_name},
          {"applicant", a.applicant_name},
          {"state", to_string(a.state)},
          {"state_label", to_label(a.state)},
          {"decision", to_string(a.decision)},
          {"created_at", a.created_at},
          {"submitted_at", a.submitted_at ? json::value(a.submitted_at) : json::value(nullptr)},
          {"accepted_on", date_json(a.accepted_on)},
          {"finished_on", date_json(a.finished_on)},
          {"promised_deadline", date_json(a.promised_deadline)},
          {"statutory_deadline", date_json(a.statutory_deadline)},
          {"working_days_left", s.clock.working_days_left ? json::value(*s.clock.working_days_left)
                                                          : json::value(nullptr)},
          {"flag", to_string(s.clock.flag)},
          {"overdue", a.promised_overdue},
          {"statutory_overdue", a.statutory_overdue}};
}

json::object file_json(const ApplicationFile& f) {
  return {{"id", f.id},
          {"kind", to_string(f.kind)},
          {"material", f.material},
          {"file_name", f.file_name},
          {"content_type", f.content_type},
          {"size", f.size},
          {"sha256", f.sha256},
          {"uploaded_at", f.uploaded_at},
          {"uploaded_by", f.uploaded_by}};
}

json::object view_json(const ApplicationView& v) {
  const Application& a = v.summary.application;
  json::object out = summary_json(v.summary);
  out["contact_name"] = a.contact_name;
  out["contact_phone"] = a.contact_phone;
  out["note"] = a.note;
  out["refusal_reason"] = a.refusal_reason;
  out["decision_reason"] = a.decision_reason;
  out["paused_working_days"] = a.paused_days;
  out["in_zone"] = a.in_zone;
  out["working_days_taken"] =
      a.working_days_taken ? json::value(*a.working_days_taken) : json::value(nullptr);
  out["on_time_promised"] =
      a.on_time_promised ? json::value(*a.on_time_promised) : json::value(nullptr);
  out["on_time_statutory"] =
      a.on_time_statutory ? json::value(*a.on_time_statutory) : json::value(nullptr);
  if (a.correction) {
    json::array items;
    for (const auto& item : a.correction->items) items.emplace_back(item);
    out["correction"] = json::object{{"requested_on", format_date(a.correction->requested_on)},
                                     {"items", std::move(items)},
                                     {"reason", a.correction->reason},
                                     {"resubmitted_on", date_json(a.correction->resubmitted_on)}};
  } else {
    out["correction"] = nullptr;
  }
  if (a.extension) {
    out["extension"] = json::object{{"days", a.extension->days},
                                    {"reason", a.extension->reason},
                                    {"approver", a.extension->approver},
                                    {"on", format_date(a.extension->granted_on)}};
  } else {
    out["extension"] = nullptr;
  }
  json::array files;
  for (const auto& f : v.files) files.push_back(file_json(f));
  out["materials"] = std::move(files);
  json::array timeline;
  for (const auto& e : v.timeline) {
    json::value details = nullptr;
    if (!e.details.empty()) {
      boost::system::error_code ec;
      details = json::parse(e.details, ec);
      if (ec) details = e.details;
    }
    timeline.push_back(json::object{{"at", e.at},
                                    {"action", e.action},
                                    {"actor", e.actor},
                                    {"from", e.from},
                                    {"to", e.to},
                                    {"reason", e.reason},
                                    {"details", std::move(details)}});
  }
  out["timeline"] = std::move(timeline);
  json::array actions;
  for (Action action : v.actions) actions.emplace_back(to_string(action));
  out["actions"] = std::move(actions);
  return out;
}

Result<ApplicationFilter> filter_of(const RequestContext& ctx) {
  ApplicationFilter f;
  f.query = std::string(trim_blanks(ctx.query_text("q")));
  if (auto states = ctx.query_text("state"); !states.empty()) {
    while (!states.empty()) {
      const auto comma = states.find(',');
      const std::string_view name = trim_blanks(states.substr(0, comma));
      auto state = parse_application_state(name);
      if (!state) {
        return std::unexpected(Error::invalid(
            "bad_state", fmt::format("未知状态: {} (unknown state)", name), "state"));
      }
      f.states.push_back(*state);
      states = comma == std::string_view::npos ? std::string_view() : states.substr(comma + 1);
    }
  }
  auto open = TRY(ctx.query_bool("open"));
  f.open_only = open.value_or(false);
  f.item_code = std::string(ctx.query_text("item_code"));
  f.department = std::string(ctx.query_text("department"));
  f.category = std::string(ctx.query_text("category"));
  if (auto text = ctx.query_text("enterprise_id"); !text.empty()) {
    auto id = TRY(http::parse_id(text, "enterprise_id"));
    f.enterprise_id = id;
  }
  if (auto text = ctx.query_text("flag"); !text.empty()) {
    f.flag = parse_deadline_flag(text);
    if (!f.flag || *f.flag == DeadlineFlag::none) {
      return std::unexpected(Error::invalid(
          "bad_flag", "flag 应为 green, yellow, red 或 paused (unknown flag)", "flag"));
    }
  }
  f.received_from = std::string(ctx.query_text("received_from"));
  f.received_to = std::string(ctx.query_text("received_to"));
  f.finished_from = std::string(ctx.query_text("finished_from"));
  f.finished_to = std::string(ctx.query_text("finished_to"));
  f.on_time = std::string(ctx.query_text("on_time"));
  if (!f.on_time.empty() && f.on_time != "promised" && f.on_time != "statutory" &&
      f.on_time != "late_promised" && f.on_time != "late_statutory") {
    return std::unexpected(Error::invalid("bad_on_time", "unknown on_time", "on_time"));
  }
  auto in_zone = TRY(ctx.query_bool("in_zone"));
  f.in_zone = in_zone;
  if (auto sort = ctx.query_text("sort"); !sort.empty()) f.sort = std::string(sort);
  return f;
}

Result<Action> action_of(const RequestContext& ctx) {
  auto action = parse_action(ctx.params.at("action"));
  if (!action) {
    return std::unexpected(Error::not_found(
        "unknown_action", "未知操作 (no such action): " + ctx.params.at("action")));
  }
  return *action;
}

Result<ActionInput> action_input(const RequestContext& ctx) {
  ActionInput input;
  if (ctx.request.body().empty()) return input;
  auto body = TRY(http::parse_json_object(ctx.request));
  http::FieldReader fields(body);
  input.reason = fields.optional_string("reason", 2000);
  input.items = fields.string_array("items", 50);
  // 0 (absent) passes: only extend needs days, and the service refuses it there.
  input.days = int(fields.optional_int("days", 0, kMaxExtensionDays, "bad_extension").value_or(0));
  input.approver = fields.optional_string("approver", 50);
  input.in_zone = fields.optional_bool("in_zone").value_or(true);
  TRY(fields.finish());
  return input;
}

// The statistics' drill-downs: the list queries that give the records behind each figure.
json::object drill_json(std::string_view by, const std::string& key, std::string_view from,
                        std::string_view to) {
  std::string scope;
  std::string received = fmt::format("received_from={}&received_to={}", from, to);
  std::string finished = fmt::format("state=finished&finished_from={}&finished_to={}", from, to);
  if (by == "month" && key != "total") {
    received = fmt::format("received_from={0}&received_to={0}", key);
    finished = fmt::format("state=finished&finished_from={0}&finished_to={0}", key);
  } else if (by == "item" && key != "total") {
    scope = "&item_code=" + http::url_encode(key);
  } else if (by == "department" && key != "total") {
    scope = "&department=" + http::url_encode(key);
  }
  return {{"received", received + scope},
          {"finished", finished + scope},
          {"on_time_promised", finished + "&on_time=promised" + scope},
          {"late_promised", finished + "&on_time=late_promised" + scope},
          {"on_time_statutory", finished + "&on_time=statutory" + scope},
          {"in_zone", finished + "&in_zone=true" + scope}};
}

json::object statistics_row_json(const ApplicationStatistics& stats, const StatisticsRow& row) {
  const ApplicationCounts& c = row.counts;
  return {{"key", c.key},
          {"label", c.label},
          {"received", c.received},
          {"finished", c.finished},
          {"on_time_promised", c.on_time_promised},
          {"on_time_statutory", c.on_time_statutory},
          {"average_working_days", row.average_working_days},
          {"in_zone", c.in_zone},
          {"drill", drill_json(stats.by, c.key, stats.from, stats.to)}};
}

// One application as a row of the export, in the columns of its header.
std::vector<tabular::Cell> export_row(const ApplicationSummary& s) {
  const Application& a = s.application;
  auto date = [](const std::optional<Date>& d) {
    return tabular::Cell{d ? format_date(*d) : std::string()};
  };
  return {{a.number},
          {a.item_code},
          {a.item_name},
          {a.department},
          {a.enterprise_name},
          {std::string(to_label(a.state))},
          date(a.submitted_on),
          date(a.accepted_on),
          date(a.promised_deadline),
          date(a.statutory_deadline),
          {s.clock.working_days_left ? std::to_string(*s.clock.working_days_left) : std::string()},
          {std::string(to_string(s.clock.flag))},
          date(a.finished_on),
          {a.working_days_taken ? std::to_string(*a.working_days_taken) : std::string()}};
}

// The queue: lists, new applications, statistics, the export and the sweep.
void register_queue_routes(http::Router& router, ApplicationService& applications) {
  router.add(http::Verb::get, "/api/v1/applications", readers(),
             [&](const RequestContext& ctx) -> Result<Response> {
               auto page = TRY(ctx.page());
               auto filter = TRY(filter_of(ctx));
               auto found = TRY(applications.list(ctx.actor(), std::move(filter), page));
               json::object body = http::page_json(found, summary_json);
               body["today"] = format_date(applications.today());
               body["warning_days"] = applications.warning_days();
               return http::json_response(http::StatusCode::ok, body);
             });

  router.add(http::Verb::post, "/api/v1/applications", Access::only({Role::enterprise_user}),
             [&](const RequestContext& ctx) -> Result<Response> {
               auto body = TRY(http::parse_json_object(ctx.request));
               http::FieldReader fields(body);
               NewApplication input;
               input.item_code = fields.required_string("item_code", 40);
               input.enterprise_id = fields.optional_int("enterprise_id").value_or(0);
               input.contact_name = fields.optional_string("contact_name", 50);
               input.contact_phone = fields.optional_string("contact_phone", 30);
               input.note = fields.optional_string("note", 2000);
               TRY(fields.finish());
               auto created = TRY(applications.create(ctx.actor(), input));
               return http::json_response(http::StatusCode::created, view_json(created));
             });

  router.add(
      http::Verb::get, "/api/v1/applications/statistics", managers(),
      [&](const RequestContext& ctx) -> Result<Response> {
        std::string_view by = ctx.query_text("by");
        auto stats = TRY(applications.statistics(ctx.actor(), ctx.query_text("from"),
                                                 ctx.query_text("to"), by.empty() ? "month" : by));
        json::array rows;
        for (const auto& row : stats.rows) rows.push_back(statistics_row_json(stats, row));
        return http::json_response(http::StatusCode::ok,
                                   json::object{{"from", stats.from},
                                                {"to", stats.to},
                                                {"today", format_date(applications.today())},
                                                {"by", stats.by},
                                                {"total", statistics_row_json(stats, stats.total)},
                                                {"rows", std::move(rows)}});
      });

  router.add(http::Verb::get, "/api/v1/applications/export", managers(),
             [&](const RequestContext& ctx) -> Result<Response> {
               auto format = TRY(tabular::parse_sheet_format(ctx.query_text("format")));
               auto filter = TRY(filter_of(ctx));
               auto all = TRY(all_pages<ApplicationSummary>(
                   [&](PageRequest page) { return applications.list(ctx.actor(), filter, page); }));
               std::vector<std::vector<tabular::Cell>> rows;
               rows.reserve(all.size());
               for (const ApplicationSummary& s : all) rows.push_back(export_row(s));
               const std::vector<std::string> header = {
                   "申请编号",   "事项编码", "事项名称", "办理部门",        "申请企业",
                   "状态",       "提交日期", "受理日期", "承诺期限",        "法定期限",
                   "剩余工作日", "预警",     "办结日期", "实际用时(工作日)"};
               auto file = TRY(tabular::write_sheet(format, "办件", header, rows));
               return http::file_response(
                   tabular::content_type(format),
                   fmt::format("applications.{}", tabular::extension(format)), std::move(file));
             });

  router.add(http::Verb::post, "/api/v1/applications/sweep", Access::only({Role::admin}),
             [&](const RequestContext& ctx) -> Result<Response> {
               auto outcome = TRY(applications.sweep(ctx.actor()));
               return http::json_response(
                   http::StatusCode::ok,
                   json::object{{"today", format_date(outcome.today)},
                                {"promised_overdue", outcome.promised_overdue},
                                {"statutory_overdue", outcome.statutory_overdue}});
             });
}

// One application: its details, materials and the actions that move it on.
void register_case_routes(http::Router& router, ApplicationService& applications) {
  router.add(http::Verb::get, "/api/v1/applications/{id}", readers(),
             [&](const RequestContext& ctx) -> Result<Response> {
               auto id = TRY(ctx.id_param("id"));
               return http::ok_json(applications.get(ctx.actor(), id), view_json);
             });

  router.add(http::Verb::patch, "/api/v1/applications/{id}", Access::only({Role::enterprise_user}),
             [&](const RequestContext& ctx) -> Result<Response> {
               auto id = TRY(ctx.id_param("id"));
               auto body = TRY(http::parse_json_object(ctx.request));
               http::FieldReader fields(body);
               ApplicationPatch patch;
               if (fields.has("contact_name")) {
                 patch.contact_name = fields.optional_string("contact_name", 50);
               }
               if (fields.has("contact_phone")) {
                 patch.contact_phone = fields.optional_string("contact_phone", 30);
               }
               if (fields.has("note")) patch.note = fields.optional_string("note", 2000);
               TRY(fields.finish());
               return http::ok_json(applications.update(ctx.actor(), id, patch), view_json);
             });

  router.add(
      http::Verb::post, "/api/v1/applications/{id}/materials", workers(),
      [&](const RequestContext& ctx) -> Result<Response> {
        auto id = TRY(ctx.id_param("id"));
        FileUpload upload;
        if (auto kind = ctx.query_text("kind"); !kind.empty()) {
          auto parsed = parse_file_kind(kind);
          if (!parsed) {
            return std::unexpected(
                Error::invalid("bad_kind", "kind 应为 material 或 result", "kind"));
          }
          upload.kind = *parsed;
        }
        upload.material = std::string(ctx.query_text("material"));
        upload.file_name = std::string(ctx.query_text("file_name"));
        upload.bytes = ctx.request.body();
        auto file = TRY(applications.add_file(ctx.actor(), id, upload));
        return http::json_response(http::StatusCode::created, file_json(file));
      },
      kMaterialBodyLimit);

  router.add(http::Verb::get, "/api/v1/applications/{id}/materials/{material_id}", readers(),
             [&](const RequestContext& ctx) -> Result<Response> {
               auto id = TRY(ctx.id_param("id"));
               auto file_id = TRY(ctx.id_param("material_id"));
               auto file = TRY(applications.file(ctx.actor(), id, file_id));
               return http::file_response(file.first.content_type, file.first.file_name,
                                          std::move(file.second));
             });

  router.add(http::Verb::delete_, "/api/v1/applications/{id}/materials/{material_id}",
             Access::only({Role::enterprise_user}),
             [&](const RequestContext& ctx) -> Result<Response> {
               auto id = TRY(ctx.id_param("id"));
               auto file_id = TRY(ctx.id_param("material_id"));
               return http::ok_json(applications.remove_file(ctx.actor(), id, file_id), view_json);
             });

  router.add(http::Verb::post, "/api/v1/applications/{id}/actions/{action}", workers(),
             [&](const RequestContext& ctx) -> Result<Response> {
               auto id = TRY(ctx.id_param("id"));
               auto action = TRY(action_of(ctx));
               auto input = TRY(action_input(ctx));
               return http::ok_json(applications.act(ctx.actor(), id, action, input), view_json);
             });
}

}  // namespace

void register_application_routes(http::Router& router, ApplicationService& applications) {
  register_queue_routes(router, applications);
  register_case_routes(router, applications);
}

}  // namespace jingkai::approvals
