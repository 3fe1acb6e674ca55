#include "modules/approvals/application_service.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <boost/json.hpp>

#include "core/period.hpp"
#include "core/text.hpp"
#include "modules/approvals/material_file.hpp"

namespace jingkai::approvals {
namespace {

namespace json = boost::json;

Error not_found() {
  return Error::not_found("application_not_found", "办件不存在 (no such application)");
}

std::string audit_json(const Application& a) {
  return json::serialize(json::object{
      {"number", a.number},
      {"item_code", a.item_code},
      {"enterprise_id", a.enterprise_id},
      {"state", to_string(a.state)},
      {"decision", to_string(a.decision)},
      {"accepted_on", a.accepted_on ? format_date(*a.accepted_on) : ""},
      {"promised_deadline", a.promised_deadline ? format_date(*a.promised_deadline) : ""},
      {"statutory_deadline", a.statutory_deadline ? format_date(*a.statutory_deadline) : ""},
      {"paused_days", a.paused_days},
      {"extension_days", a.extension ? a.extension->days : 0},
      {"promised_overdue", a.promised_overdue},
      {"statutory_overdue", a.statutory_overdue},
  });
}

Status check_text(std::string_view value, std::string_view field, std::size_t max_characters) {
  std::size_t characters = 0;
  for (char c : value) characters += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  if (!is_valid_utf8(value) || characters > max_characters) {
    return std::unexpected(Error::invalid(
        "bad_text",
        fmt::format("{} 过长或不是有效文本 (at most {} characters)", field, max_characters),
        std::string(field)));
  }
  return {};
}

// Sets both deadlines from the application's record; whether each has passed is recomputed
// (an extension or a resubmission may move a deadline past today again).
Status set_deadlines(const WorkCalendar& calendar, Application& a, Date today) {
  auto deadlines = compute_deadlines(calendar, a);
  if (!deadlines) return std::unexpected(deadlines.error());
  a.promised_deadline = deadlines->promised;
  a.statutory_deadline = deadlines->statutory;
  a.promised_overdue = today > deadlines->promised;
  a.statutory_overdue = today > deadlines->statutory;
  return {};
}

}  // namespace

ApplicationService::ApplicationService(store::Database& db, const ApplicationRepo& repo,
                                       const ServiceItemRepo& items, const store::AuditLog& audit,
                                       const Clock& clock, calendar::CalendarService& calendar,
                                       enterprises::EnterpriseService& enterprises,
                                       enterprises::RepresentativeService& representatives,
                                       const store::FileStore& files, ApplicationSettings settings)
    : db_(db),
      repo_(repo),
      items_(items),
      audit_(audit),
      clock_(clock),
      calendar_(calendar),
      enterprises_(enterprises),
      representatives_(representatives),
      files_(files),
      settings_(settings) {}

bool ApplicationService::sees_all(const Actor& actor) const {
  return actor.has(Role::approval_officer) || actor.has(Role::admin) || actor.has(Role::leader);
}

Result<std::shared_ptr<const WorkCalendar>> ApplicationService::calendar() {
  return calendar_.current();
}

Result<Application> ApplicationService::visible(store::Tx& tx, const Actor& actor, ApplicationId id,
                                                bool for_update) {
  auto found = repo_.find(tx, actor.zone_id, id, for_update);
  if (!found) return std::unexpected(not_found());
  if (!sees_all(actor)) {
    // Applicants see their enterprises' applications only; others' are "not found", so that
    // their numbers reveal nothing.
    if (!actor.has(Role::enterprise_user) ||
        !representatives_.check_represents(actor, found->enterprise_id)) {
      return std::unexpected(not_found());
    }
  }
  return *found;
}

Status ApplicationService::check_party(const Actor& actor, Party party,
                                       const Application& application) {
  if (party == Party::officer) {
    if (!actor.has(Role::approval_officer)) {
      return std::unexpected(Error::forbidden(
          "只有窗口审批人员可以办理此操作 (only an approval officer may do this)"));
    }
    return {};
  }
  if (!actor.has(Role::enterprise_user)) {
    return std::unexpected(
        Error::forbidden("只有企业办事人可以办理此操作 (only the applicant may do this)"));
  }
  return representatives_.check_represents(actor, application.enterprise_id);
}

void ApplicationService::record(store::Tx& tx, const Actor& actor, const Application& before,
                                const Application& after, ApplicationEvent event) {
  event.at = clock_.now_ms();
  event.actor = actor.user_name;
  repo_.add_event(tx, actor.zone_id, after.id, event);
  const std::string action = "application." + event.action;
  audit_.append(tx, actor,
                {action, "application", std::to_string(after.id),
                 before.id ? audit_json(before) : std::string(), audit_json(after)});
  repo_.bump_version(tx, actor.zone_id);
}

Result<ApplicationView> ApplicationService::view(store::Tx& tx, const Actor& actor,
                                                 const WorkCalendar& calendar,
                                                 const Application& application) {
  ApplicationView view;
  view.summary = {application, read_clock(calendar, application, today(), settings_.warning_days)};
  view.files = repo_.files(tx, actor.zone_id, application.id);
  view.timeline = repo_.events(tx, actor.zone_id, application.id);
  for (Party party : {Party::applicant, Party::officer}) {
    if (!check_party(actor, party, application)) continue;
    for (Action action : available_actions(application, party)) view.actions.push_back(action);
  }
  return view;
}

Result<ApplicationView> ApplicationService::create(const Actor& actor,
                                                   const NewApplication& input) {
  for (auto [value, field, max] :
       {std::tuple{std::string_view(input.contact_name), "contact_name", 50},
        std::tuple{std::string_view(input.contact_phone), "contact_phone", 30},
        std::tuple{std::string_view(input.note), "note", 2000}}) {
    if (auto ok = check_text(value, field, std::size_t(max)); !ok) {
      return std::unexpected(ok.error());
    }
  }
  if (auto ok = representatives_.check_represents(actor, input.enterprise_id); !ok) {
    return std::unexpected(ok.error());
  }
  auto enterprise = enterprises_.get(actor, input.enterprise_id);
  if (!enterprise) return std::unexpected(enterprise.error());
  auto cal = calendar();
  if (!cal) return std::unexpected(cal.error());
  return db_.write([&](store::Tx& tx) -> Result<ApplicationView> {
    auto item = items_.find(tx, actor.zone_id, input.item_code);
    if (!item || !item->published) {
      return std::unexpected(Error::not_found(
          "service_item_not_found",
          "办事事项不存在或未发布 (no such published service item): " + input.item_code));
    }
    Application a;
    a.item_code = item->code;
    a.item_name = item->name;
    a.category = item->category;
    a.department = item->department;
    a.statutory_days = item->statutory_days;
    a.promised_days = item->promised_days;
    a.enterprise_id = enterprise->id;
    a.enterprise_name = enterprise->name;
    a.applicant_id = actor.user_id;
    a.applicant_name = actor.user_name;
    a.contact_name = std::string(trim_blanks(input.contact_name));
    a.contact_phone = std::string(trim_blanks(input.contact_phone));
    a.note = input.note;
    a.created_at = a.updated_at = clock_.now_ms();
    repo_.insert(tx, actor.zone_id, a);
    record(tx, actor, Application{}, a, {0, "create", "", "", std::string(to_string(a.state))});
    return view(tx, actor, **cal, a);
  });
}

Result<ApplicationView> ApplicationService::get(const Actor& actor, ApplicationId id) {
  auto cal = calendar();
  if (!cal) return std::unexpected(cal.error());
  return db_.read([&](store::Tx& tx) -> Result<ApplicationView> {
    auto found = visible(tx, actor, id, false);
    if (!found) return std::unexpected(found.error());
    return view(tx, actor, **cal, *found);
  });
}

Result<Page<ApplicationSummary>> ApplicationService::list(const Actor& actor,
                                                          ApplicationFilter filter,
                                                          PageRequest page) {
  if (!is_application_sort(filter.sort)) {
    return std::unexpected(
        Error::invalid("bad_sort", "不支持的排序: " + filter.sort + " (unknown sort key)", "sort"));
  }
  for (auto* month :
       {&filter.received_from, &filter.received_to, &filter.finished_from, &filter.finished_to}) {
    if (month->empty()) continue;
    if (auto period = parse_period(*month, "month"); !period) {
      return std::unexpected(period.error());
    }
  }
  if (!sees_all(actor)) {
    auto ids = representatives_.enterprise_ids(actor);
    if (!ids) return std::unexpected(ids.error());
    filter.enterprises_allowed = std::move(*ids);
  }
  auto cal = calendar();
  if (!cal) return std::unexpected(cal.error());
  const Date day = today();
  FlagBounds bounds{day, day + std::chrono::days(settings_.warning_days)};
  if (auto horizon = warning_horizon(**cal, day, settings_.warning_days)) bounds.horizon = *horizon;

  const std::string key = fmt::format(
      "{}|{}|{}|{}|{}|{}|{}|{}|{}|{}|{}|{}|{}|{}|{}|{}|{}", actor.zone_id, filter.query,
      filter.open_only, filter.item_code, filter.department, filter.category,
      filter.enterprise_id.value_or(0), filter.flag ? to_string(*filter.flag) : "",
      filter.received_from, filter.received_to, filter.finished_from, filter.finished_to,
      filter.on_time, filter.in_zone ? int(*filter.in_zone) : -1, format_date(day),
      [&] {
        std::string states;
        for (auto s : filter.states) states += std::string(to_string(s)) + ",";
        return states;
      }(),
      [&] {
        std::string ids = filter.enterprises_allowed ? "only:" : "all";
        if (filter.enterprises_allowed) {
          for (auto id : *filter.enterprises_allowed) ids += std::to_string(id) + ",";
        }
        return ids;
      }());
  return db_.read([&](store::Tx& tx) -> Result<Page<ApplicationSummary>> {
    const std::int64_t version = repo_.version(tx, actor.zone_id);
    std::optional<std::int64_t> total;
    {
      std::lock_guard lock(counts_mutex_);
      auto it = counts_.find(key);
      if (it != counts_.end() && it->second.version == version) total = it->second.total;
    }
    if (!total) {
      total = repo_.count(tx, actor.zone_id, filter, bounds);
      std::lock_guard lock(counts_mutex_);
      if (counts_.size() > 10000) counts_.clear();
      counts_[key] = {version, *total};
    }
    Page<Application> found = repo_.list(tx, actor.zone_id, filter, bounds, page);
    Page<ApplicationSummary> result;
    result.page = found.page;
    result.page_size = found.page_size;
    result.total = *total;
    for (Application& a : found.items) {
      ClockReading clock = read_clock(**cal, a, day, settings_.warning_days);
      result.items.push_back({std::move(a), clock});
    }
    return result;
  });
}

Result<ApplicationView> ApplicationService::update(const Actor& actor, ApplicationId id,
                                                   const ApplicationPatch& patch) {
  for (auto [value, field, max] : {std::tuple{patch.contact_name, "contact_name", 50},
                                   std::tuple{patch.contact_phone, "contact_phone", 30},
                                   std::tuple{patch.note, "note", 2000}}) {
    if (!value) continue;
    if (auto ok = check_text(*value, field, std::size_t(max)); !ok) {
      return std::unexpected(ok.error());
    }
  }
  auto cal = calendar();
  if (!cal) return std::unexpected(cal.error());
  return db_.write([&](store::Tx& tx) -> Result<ApplicationView> {
    auto found = visible(tx, actor, id, true);
    if (!found) return std::unexpected(found.error());
    if (auto ok = check_party(actor, Party::applicant, *found); !ok) {
      return std::unexpected(ok.error());
    }
    if (found->state != ApplicationState::draft && found->state != ApplicationState::correcting) {
      return std::unexpected(Error::conflict(
          "transition_not_allowed",
          fmt::format("办件处于「{}」, 不能修改 (only a draft or an application under correction "
                      "can be changed)",
                      to_label(found->state)),
          "state"));
    }
    Application after = *found;
    if (patch.contact_name) after.contact_name = std::string(trim_blanks(*patch.contact_name));
    if (patch.contact_phone) after.contact_phone = std::string(trim_blanks(*patch.contact_phone));
    if (patch.note) after.note = *patch.note;
    after.updated_at = clock_.now_ms();
    repo_.update(tx, actor.zone_id, after);
    record(tx, actor, *found, after, {0, "edit", "", "", ""});
    return view(tx, actor, **cal, after);
  });
}

Result<ApplicationView> ApplicationService::act(const Actor& actor, ApplicationId id, Action action,
                                                const ActionInput& input) {
  const std::string reason(trim_blanks(input.reason));
  if (needs_reason(action) && reason.empty()) {
    return std::unexpected(
        Error::invalid("missing_reason", "请填写理由 (a reason is required)", "reason"));
  }
  if (auto ok = check_text(reason, "reason", 2000); !ok) return std::unexpected(ok.error());
  std::vector<std::string> items;
  if (action == Action::request_correction) {
    for (const std::string& item : input.items) {
      const std::string_view text = trim_blanks(item);
      if (text.empty()) continue;
      if (auto ok = check_text(text, "items", 500); !ok) return std::unexpected(ok.error());
      items.emplace_back(text);
    }
    if (items.empty()) {
      return std::unexpected(Error::invalid(
          "missing_items", "请一次性列出需要补正的全部内容 (list everything to correct)", "items"));
    }
  }
  if (action == Action::extend) {
    if (input.days < 1 || input.days > kMaxExtensionDays) {
      return std::unexpected(Error::invalid(
          "bad_extension",
          fmt::format("延期天数应为 1 至 {} 个工作日 (an extension is 1 to {} working days)",
                      kMaxExtensionDays, kMaxExtensionDays),
          "days"));
    }
    if (trim_blanks(input.approver).empty()) {
      return std::unexpected(Error::invalid(
          "missing_approver", "延期须经负责人批准 (name the head who approved it)", "approver"));
    }
  }
  auto cal = calendar();
  if (!cal) return std::unexpected(cal.error());
  const WorkCalendar& calendar = **cal;
  const EpochMs now = clock_.now_ms();
  const Date day = china_date(now);
  return db_.write([&](store::Tx& tx) -> Result<ApplicationView> {
    auto found = visible(tx, actor, id, true);
    if (!found) return std::unexpected(found.error());
    if (auto ok = check_party(actor, party_of(action), *found); !ok) {
      return std::unexpected(ok.error());
    }
    auto next = next_state(*found, action);
    if (!next) return std::unexpected(next.error());
    Application a = *found;
    a.state = *next;
    a.updated_at = now;
    json::object details;
    switch (action) {
      case Action::submit: {
        auto item = items_.find(tx, actor.zone_id, a.item_code);
        const auto files = repo_.files(tx, actor.zone_id, a.id);
        std::vector<std::string> missing;
        for (const Material& m : item ? item->materials : std::vector<Material>{}) {
          if (!m.condition.empty()) continue;
          const bool given = std::ranges::any_of(files, [&](const ApplicationFile& f) {
            return f.kind == FileKind::material && f.material == m.name;
          });
          if (!given) missing.push_back(m.name);
        }
        if (!missing.empty()) {
          return std::unexpected(
              Error::invalid("materials_missing",
                             fmt::format("缺少必需材料: {} (required materials are missing)",
                                         fmt::join(missing, "、")),
                             "materials"));
        }
        a.submitted_at = now;
        a.submitted_on = day;
        break;
      }
      case Action::accept: {
        a.accepted_on = day;
        if (auto ok = set_deadlines(calendar, a, day); !ok) return std::unexpected(ok.error());
        details["promised_deadline"] = format_date(*a.promised_deadline);
        details["statutory_deadline"] = format_date(*a.statutory_deadline);
        break;
      }
      case Action::refuse:
        a.refusal_reason = reason;
        break;
      case Action::request_correction: {
        a.correction = Correction{now, day, items, reason, std::nullopt, found->state};
        a.promised_deadline.reset();
        a.statutory_deadline.reset();
        json::array listed;
        for (const auto& item : items) listed.emplace_back(item);
        details["items"] = std::move(listed);
        break;
      }
      case Action::resubmit: {
        auto paused = paused_working_days(calendar, a.correction->requested_on, day);
        if (!paused) return std::unexpected(paused.error());
        a.correction->resubmitted_on = day;
        a.paused_days += *paused;
        if (auto ok = set_deadlines(calendar, a, day); !ok) return std::unexpected(ok.error());
        details["paused_working_days"] = *paused;
        details["promised_deadline"] = format_date(*a.promised_deadline);
        details["statutory_deadline"] = format_date(*a.statutory_deadline);
        break;
      }
      case Action::extend: {
        a.extension = Extension{input.days, reason, std::string(trim_blanks(input.approver)), day};
        details["days"] = input.days;
        details["approver"] = a.extension->approver;
        if (a.state != ApplicationState::correcting) {
          if (auto ok = set_deadlines(calendar, a, day); !ok) return std::unexpected(ok.error());
          details["promised_deadline"] = format_date(*a.promised_deadline);
          details["statutory_deadline"] = format_date(*a.statutory_deadline);
        }
        break;
      }
      case Action::approve:
      case Action::reject:
        a.decision = action == Action::approve ? Decision::approved : Decision::rejected;
        a.decision_reason = reason;
        break;
      case Action::finish: {
        const auto files = repo_.files(tx, actor.zone_id, a.id);
        if (std::ranges::none_of(files, [](const auto& f) { return f.kind == FileKind::result; })) {
          return std::unexpected(
              Error::invalid("result_missing",
                             "办结前请上传结果文书 (upload the result document first)", "result"));
        }
        auto outcome = finishing_outcome(calendar, a, day);
        if (!outcome) return std::unexpected(outcome.error());
        a.finished_on = day;
        a.in_zone = input.in_zone;
        a.working_days_taken = outcome->working_days_taken;
        a.on_time_promised = outcome->on_time_promised;
        a.on_time_statutory = outcome->on_time_statutory;
        a.promised_overdue = !outcome->on_time_promised;
        a.statutory_overdue = !outcome->on_time_statutory;
        details["working_days_taken"] = outcome->working_days_taken;
        details["on_time_promised"] = outcome->on_time_promised;
        details["on_time_statutory"] = outcome->on_time_statutory;
        details["in_zone"] = input.in_zone;
        break;
      }
      case Action::review:
      case Action::withdraw:
        break;
    }
    repo_.update(tx, actor.zone_id, a);
    record(tx, actor, *found, a,
           {0, std::string(to_string(action)), "", std::string(to_string(found->state)),
            std::string(to_string(a.state)), reason,
            details.empty() ? std::string() : json::serialize(details)});
    return view(tx, actor, calendar, a);
  });
}

Result<ApplicationFile> ApplicationService::add_file(const Actor& actor, ApplicationId id,
                                                     const FileUpload& upload) {
  auto type = check_file(upload.file_name, upload.bytes);
  if (!type) return std::unexpected(type.error());
  const Party party = upload.kind == FileKind::result ? Party::officer : Party::applicant;
  // Checked before the bytes are stored, and again in the transaction that records them.
  auto check = [&](store::Tx& tx, bool for_update) -> Result<Application> {
    auto found = visible(tx, actor, id, for_update);
    if (!found) return std::unexpected(found.error());
    if (auto ok = check_party(actor, party, *found); !ok) return std::unexpected(ok.error());
    if (!takes_files(found->state, upload.kind)) {
      return std::unexpected(Error::conflict(
          "transition_not_allowed",
          fmt::format("办件处于「{}」, 不能上传{} (files of this kind are not taken now)",
                      to_label(found->state),
                      upload.kind == FileKind::result ? "结果文书" : "材料"),
          "state"));
    }
    if (upload.kind == FileKind::material) {
      auto item = items_.find(tx, actor.zone_id, found->item_code);
      const bool known = item && std::ranges::any_of(item->materials, [&](const Material& m) {
                           return m.name == upload.material;
                         });
      if (!known) {
        return std::unexpected(Error::invalid(
            "unknown_material",
            "该事项没有这项材料 (the item asks for no such material): " + upload.material,
            "material"));
      }
    }
    return *found;
  };
  if (auto ok = db_.read([&](store::Tx& tx) { return check(tx, false); }); !ok) {
    return std::unexpected(ok.error());
  }
  auto digest = files_.put(upload.bytes);
  if (!digest) return std::unexpected(digest.error());
  return db_.write([&](store::Tx& tx) -> Result<ApplicationFile> {
    auto found = check(tx, true);
    if (!found) return std::unexpected(found.error());
    ApplicationFile file;
    file.application_id = id;
    file.kind = upload.kind;
    file.material = upload.kind == FileKind::material ? upload.material : std::string();
    file.file_name = upload.file_name;
    file.content_type = std::string(type->content_type);
    file.size = std::int64_t(upload.bytes.size());
    file.sha256 = *digest;
    file.uploaded_at = clock_.now_ms();
    file.uploader_id = actor.user_id;
    file.uploaded_by = actor.user_name;
    repo_.add_file(tx, actor.zone_id, file);
    record(tx, actor, *found, *found,
           {0, "upload", "", "", "", "",
            json::serialize(json::object{{"file_id", file.id},
                                         {"kind", to_string(file.kind)},
                                         {"material", file.material},
                                         {"file_name", file.file_name},
                                         {"size", file.size},
                                         {"sha256", file.sha256}})});
    return file;
  });
}

Result<std::pair<ApplicationFile, std::string>> ApplicationService::file(
    const Actor& actor, ApplicationId id, ApplicationFileId file_id) {
  auto record = db_.read([&](store::Tx& tx) -> Result<ApplicationFile> {
    auto found = visible(tx, actor, id, false);
    if (!found) return std::unexpected(found.error());
    auto file = repo_.file(tx, actor.zone_id, id, file_id);
    if (!file) {
      return std::unexpected(Error::not_found("file_not_found", "文件不存在 (no such file)"));
    }
    return *file;
  });
  if (!record) return std::unexpected(record.error());
  auto bytes = files_.get(record->sha256);
  if (!bytes) return std::unexpected(bytes.error());
  if (std::int64_t(bytes->size()) != record->size) {
    return std::unexpected(Error::internal("the stored file does not match its record"));
  }
  return std::pair{std::move(*record), std::move(*bytes)};
}

Result<ApplicationView> ApplicationService::remove_file(const Actor& actor, ApplicationId id,
                                                        ApplicationFileId file_id) {
  auto cal = calendar();
  if (!cal) return std::unexpected(cal.error());
  return db_.write([&](store::Tx& tx) -> Result<ApplicationView> {
    auto found = visible(tx, actor, id, true);
    if (!found) return std::unexpected(found.error());
    if (auto ok = check_party(actor, Party::applicant, *found); !ok) {
      return std::unexpected(ok.error());
    }
    auto file = repo_.file(tx, actor.zone_id, id, file_id);
    if (!file || file->kind != FileKind::material) {
      return std::unexpected(Error::not_found("file_not_found", "文件不存在 (no such file)"));
    }
    // Under correction only what was added for it may go: what was submitted stays on file.
    const bool removable = found->state == ApplicationState::draft ||
                           (found->state == ApplicationState::correcting && found->correction &&
                            file->uploaded_at >= found->correction->requested_at);
    if (!removable) {
      return std::unexpected(Error::conflict(
          "transition_not_allowed",
          "已提交的材料不能删除 (materials already submitted cannot be removed)", "state"));
    }
    repo_.remove_file(tx, actor.zone_id, file_id);
    record(tx, actor, *found, *found,
           {0, "remove_file", "", "", "", "",
            json::serialize(json::object{{"file_id", file->id},
                                         {"material", file->material},
                                         {"file_name", file->file_name}})});
    return view(tx, actor, **cal, *found);
  });
}

Result<ApplicationStatistics> ApplicationService::statistics(const Actor& actor,
                                                             std::string_view from,
                                                             std::string_view to,
                                                             std::string_view by) {
  // Without months: this year up to this month, by the server's date in China.
  const std::string this_month = format_date(today()).substr(0, 7);
  const std::string first_month = this_month.substr(0, 4) + "-01";
  if (from.empty()) from = first_month;
  if (to.empty()) to = this_month;
  auto first = parse_period(from, "from");
  if (!first) return std::unexpected(first.error());
  auto last = parse_period(to, "to");
  if (!last) return std::unexpected(last.error());
  if (last->index() < first->index()) {
    return std::unexpected(
        Error::invalid("bad_range", "起始月份晚于结束月份 (from is after to)", "from"));
  }
  if (last->index() - first->index() >= 36) {
    return std::unexpected(
        Error::invalid("bad_range", "最多统计 36 个月 (at most 36 months)", "to"));
  }
  if (by != "month" && by != "item" && by != "department") {
    return std::unexpected(Error::invalid("bad_group", "by 应为 month, item 或 department", "by"));
  }
  return db_.read([&](store::Tx& tx) -> Result<ApplicationStatistics> {
    ApplicationStatistics stats{std::string(from), std::string(to), std::string(by), {}, {}};
    stats.total.counts.key = "total";
    stats.total.counts.label = "合计";
    for (ApplicationCounts& counts : repo_.counts(tx, actor.zone_id, by, from, to)) {
      StatisticsRow row{std::move(counts), 0};
      if (row.counts.finished > 0) {
        row.average_working_days =
            double(row.counts.working_days_total) / double(row.counts.finished);
      }
      ApplicationCounts& t = stats.total.counts;
      t.received += row.counts.received;
      t.finished += row.counts.finished;
      t.on_time_promised += row.counts.on_time_promised;
      t.on_time_statutory += row.counts.on_time_statutory;
      t.working_days_total += row.counts.working_days_total;
      t.in_zone += row.counts.in_zone;
      stats.rows.push_back(std::move(row));
    }
    if (stats.total.counts.finished > 0) {
      stats.total.average_working_days =
          double(stats.total.counts.working_days_total) / double(stats.total.counts.finished);
    }
    return stats;
  });
}

Result<SweepOutcome> ApplicationService::sweep(const Actor& actor) {
  SweepOutcome outcome;
  outcome.today = today();
  auto done = db_.write([&](store::Tx& tx) -> Status {
    for (const OverdueCandidate& c : repo_.overdue(tx, outcome.today)) {
      auto found = repo_.find(tx, c.zone_id, c.id, true);
      if (!found) continue;
      Application a = *found;
      a.promised_overdue = a.promised_overdue || c.promised;
      a.statutory_overdue = a.statutory_overdue || c.statutory;
      repo_.update(tx, c.zone_id, a);
      Actor in_zone = actor;
      in_zone.zone_id = c.zone_id;
      if (c.promised) {
        ++outcome.promised_overdue;
        record(tx, in_zone, *found, a,
               {0, "overdue_promised", "", "", "", "",
                json::serialize(
                    json::object{{"promised_deadline", format_date(*a.promised_deadline)}})});
      }
      if (c.statutory) {
        ++outcome.statutory_overdue;
        record(tx, in_zone, *found, a,
               {0, "overdue_statutory", "", "", "", "",
                json::serialize(
                    json::object{{"statutory_deadline", format_date(*a.statutory_deadline)}})});
      }
    }
    return {};
  });
  if (!done) return std::unexpected(done.error());
  return outcome;
}

}  // namespace jingkai::approvals
