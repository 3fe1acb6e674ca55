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
  auto deadlines = TRY(compute_deadlines(calendar, a));
  a.promised_deadline = deadlines.promised;
  a.statutory_deadline = deadlines.statutory;
  a.promised_overdue = today > deadlines.promised;
  a.statutory_overdue = today > deadlines.statutory;
  return {};
}

// An action's free text, checked before any transaction opens.
struct CheckedInput {
  std::string reason;
  std::vector<std::string> items;  // what a request for correction lists
};

Result<CheckedInput> check_action_input(Action action, const ActionInput& input) {
  CheckedInput checked{std::string(trim_blanks(input.reason)), {}};
  if (needs_reason(action) && checked.reason.empty()) {
    return std::unexpected(
        Error::invalid("missing_reason", "请填写理由 (a reason is required)", "reason"));
  }
  TRY(check_text(checked.reason, "reason", 2000));
  if (action == Action::request_correction) {
    for (const std::string& item : input.items) {
      const std::string_view text = trim_blanks(item);
      if (text.empty()) continue;
      TRY(check_text(text, "items", 500));
      checked.items.emplace_back(text);
    }
    if (checked.items.empty()) {
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
  return checked;
}

}  // namespace

// What one action works with: the calendar, its moment, the checked input, and the details
// that its timeline entry will show.
struct ApplicationService::ActionStep {
  const WorkCalendar& calendar;
  EpochMs now;
  Date day;
  const ActionInput& input;
  const CheckedInput& checked;
  ApplicationState state_before;
  json::object details;

  void note_deadlines(const Application& a) {
    details["promised_deadline"] = format_date(*a.promised_deadline);
    details["statutory_deadline"] = format_date(*a.statutory_deadline);
  }
};

namespace {

// 提交: every required material must be there.
Status submit(ApplicationService::ActionStep& step, Application& a,
              const std::vector<Material>& materials, const std::vector<ApplicationFile>& files) {
  std::vector<std::string> missing;
  for (const Material& m : materials) {
    if (!m.condition.empty()) continue;
    const bool given = std::ranges::any_of(files, [&](const ApplicationFile& f) {
      return f.kind == FileKind::material && f.material == m.name;
    });
    if (!given) missing.push_back(m.name);
  }
  if (!missing.empty()) {
    return std::unexpected(Error::invalid(
        "materials_missing",
        fmt::format("缺少必需材料: {} (required materials are missing)", fmt::join(missing, "、")),
        "materials"));
  }
  a.submitted_at = step.now;
  a.submitted_on = step.day;
  return {};
}

// 受理: the clocks start.
Status accept(ApplicationService::ActionStep& step, Application& a) {
  a.accepted_on = step.day;
  TRY(set_deadlines(step.calendar, a, step.day));
  step.note_deadlines(a);
  return {};
}

// 补正: everything to correct at once; the clocks stop.
void request_correction(ApplicationService::ActionStep& step, Application& a) {
  a.correction = Correction{step.now,     step.day,         step.checked.items, step.checked.reason,
                            std::nullopt, step.state_before};
  a.promised_deadline.reset();
  a.statutory_deadline.reset();
  json::array listed;
  for (const auto& item : step.checked.items) listed.emplace_back(item);
  step.details["items"] = std::move(listed);
}

// 补正后重新提交: the clocks run again, later by the working days they stood still.
Status resubmit(ApplicationService::ActionStep& step, Application& a) {
  const int paused = TRY(paused_working_days(step.calendar, a.correction->requested_on, step.day));
  a.correction->resubmitted_on = step.day;
  a.paused_days += paused;
  TRY(set_deadlines(step.calendar, a, step.day));
  step.details["paused_working_days"] = paused;
  step.note_deadlines(a);
  return {};
}

// 延期: once, approved by the head; a stopped clock stays stopped.
Status extend(ApplicationService::ActionStep& step, Application& a) {
  a.extension = Extension{step.input.days, step.checked.reason,
                          std::string(trim_blanks(step.input.approver)), step.day};
  step.details["days"] = step.input.days;
  step.details["approver"] = a.extension->approver;
  if (a.state != ApplicationState::correcting) {
    TRY(set_deadlines(step.calendar, a, step.day));
    step.note_deadlines(a);
  }
  return {};
}

// 办结: with the result document; the record of time taken is kept for the statistics.
Status finish(ApplicationService::ActionStep& step, Application& a,
              const std::vector<ApplicationFile>& files) {
  if (std::ranges::none_of(files, [](const auto& f) { return f.kind == FileKind::result; })) {
    return std::unexpected(Error::invalid(
        "result_missing", "办结前请上传结果文书 (upload the result document first)", "result"));
  }
  const auto outcome = TRY(finishing_outcome(step.calendar, a, step.day));
  a.finished_on = step.day;
  a.in_zone = step.input.in_zone;
  a.working_days_taken = outcome.working_days_taken;
  a.on_time_promised = outcome.on_time_promised;
  a.on_time_statutory = outcome.on_time_statutory;
  a.promised_overdue = !outcome.on_time_promised;
  a.statutory_overdue = !outcome.on_time_statutory;
  step.details["working_days_taken"] = outcome.working_days_taken;
  step.details["on_time_promised"] = outcome.on_time_promised;
  step.details["on_time_statutory"] = outcome.on_time_statutory;
  step.details["in_zone"] = step.input.in_zone;
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
    TRY(check_text(value, field, std::size_t(max)));
  }
  TRY(representatives_.check_represents(actor, input.enterprise_id));
  auto enterprise = TRY(enterprises_.get(actor, input.enterprise_id));
  auto cal = TRY(calendar());
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
    a.enterprise_id = enterprise.id;
    a.enterprise_name = enterprise.name;
    a.applicant_id = actor.user_id;
    a.applicant_name = actor.user_name;
    a.contact_name = std::string(trim_blanks(input.contact_name));
    a.contact_phone = std::string(trim_blanks(input.contact_phone));
    a.note = input.note;
    a.created_at = a.updated_at = clock_.now_ms();
    repo_.insert(tx, actor.zone_id, a);
    record(tx, actor, Application{}, a, {0, "create", "", "", std::string(to_string(a.state))});
    return view(tx, actor, *cal, a);
  });
}

Result<ApplicationView> ApplicationService::get(const Actor& actor, ApplicationId id) {
  auto cal = TRY(calendar());
  return db_.read([&](store::Tx& tx) -> Result<ApplicationView> {
    auto found = TRY(visible(tx, actor, id, false));
    return view(tx, actor, *cal, found);
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
    TRY(parse_period(*month, "month"));
  }
  if (!sees_all(actor)) {
    auto ids = TRY(representatives_.enterprise_ids(actor));
    filter.enterprises_allowed = std::move(ids);
  }
  auto cal = TRY(calendar());
  const Date day = today();
  FlagBounds bounds{day, day + std::chrono::days(settings_.warning_days)};
  if (auto horizon = warning_horizon(*cal, day, settings_.warning_days)) bounds.horizon = *horizon;

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
      ClockReading clock = read_clock(*cal, a, day, settings_.warning_days);
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
    TRY(check_text(*value, field, std::size_t(max)));
  }
  auto cal = TRY(calendar());
  return db_.write([&](store::Tx& tx) -> Result<ApplicationView> {
    auto found = TRY(visible(tx, actor, id, true));
    TRY(check_party(actor, Party::applicant, found));
    if (found.state != ApplicationState::draft && found.state != ApplicationState::correcting) {
      return std::unexpected(Error::conflict(
          "transition_not_allowed",
          fmt::format("办件处于「{}」, 不能修改 (only a draft or an application under correction "
                      "can be changed)",
                      to_label(found.state)),
          "state"));
    }
    Application after = found;
    if (patch.contact_name) after.contact_name = std::string(trim_blanks(*patch.contact_name));
    if (patch.contact_phone) after.contact_phone = std::string(trim_blanks(*patch.contact_phone));
    if (patch.note) after.note = *patch.note;
    after.updated_at = clock_.now_ms();
    repo_.update(tx, actor.zone_id, after);
    record(tx, actor, found, after, {0, "edit", "", "", ""});
    return view(tx, actor, *cal, after);
  });
}

Result<ApplicationView> ApplicationService::act(const Actor& actor, ApplicationId id, Action action,
                                                const ActionInput& input) {
  const CheckedInput checked = TRY(check_action_input(action, input));
  auto cal = TRY(calendar());
  const EpochMs now = clock_.now_ms();
  return db_.write([&](store::Tx& tx) -> Result<ApplicationView> {
    const Application found = TRY(visible(tx, actor, id, true));
    TRY(check_party(actor, party_of(action), found));
    Application a = found;
    a.state = TRY(next_state(found, action));
    a.updated_at = now;
    ActionStep step{*cal, now, china_date(now), input, checked, found.state, {}};
    TRY(apply(tx, actor.zone_id, action, step, a));
    repo_.update(tx, actor.zone_id, a);
    record(tx, actor, found, a,
           {0, std::string(to_string(action)), "", std::string(to_string(found.state)),
            std::string(to_string(a.state)), checked.reason,
            step.details.empty() ? std::string() : json::serialize(step.details)});
    return view(tx, actor, *cal, a);
  });
}

Status ApplicationService::apply(store::Tx& tx, ZoneId zone, Action action, ActionStep& step,
                                 Application& a) {
  switch (action) {
    case Action::submit: {
      const auto item = items_.find(tx, zone, a.item_code);
      return submit(step, a, item ? item->materials : std::vector<Material>{},
                    repo_.files(tx, zone, a.id));
    }
    case Action::accept:
      return accept(step, a);
    case Action::refuse:
      a.refusal_reason = step.checked.reason;
      return {};
    case Action::request_correction:
      request_correction(step, a);
      return {};
    case Action::resubmit:
      return resubmit(step, a);
    case Action::extend:
      return extend(step, a);
    case Action::approve:
    case Action::reject:
      a.decision = action == Action::approve ? Decision::approved : Decision::rejected;
      a.decision_reason = step.checked.reason;
      return {};
    case Action::finish:
      return finish(step, a, repo_.files(tx, zone, a.id));
    case Action::review:
    case Action::withdraw:
      return {};
  }
  return {};
}

Result<ApplicationFile> ApplicationService::add_file(const Actor& actor, ApplicationId id,
                                                     const FileUpload& upload) {
  auto type = TRY(check_file(upload.file_name, upload.bytes));
  const Party party = upload.kind == FileKind::result ? Party::officer : Party::applicant;
  // Checked before the bytes are stored, and again in the transaction that records them.
  auto check = [&](store::Tx& tx, bool for_update) -> Result<Application> {
    auto found = TRY(visible(tx, actor, id, for_update));
    TRY(check_party(actor, party, found));
    if (!takes_files(found.state, upload.kind)) {
      return std::unexpected(Error::conflict(
          "transition_not_allowed",
          fmt::format("办件处于「{}」, 不能上传{} (files of this kind are not taken now)",
                      to_label(found.state), upload.kind == FileKind::result ? "结果文书" : "材料"),
          "state"));
    }
    if (upload.kind == FileKind::material) {
      auto item = items_.find(tx, actor.zone_id, found.item_code);
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
    return found;
  };
  TRY(db_.read([&](store::Tx& tx) { return check(tx, false); }));
  auto digest = TRY(files_.put(upload.bytes));
  return db_.write([&](store::Tx& tx) -> Result<ApplicationFile> {
    auto found = TRY(check(tx, true));
    ApplicationFile file;
    file.application_id = id;
    file.kind = upload.kind;
    file.material = upload.kind == FileKind::material ? upload.material : std::string();
    file.file_name = upload.file_name;
    file.content_type = std::string(type.content_type);
    file.size = std::int64_t(upload.bytes.size());
    file.sha256 = digest;
    file.uploaded_at = clock_.now_ms();
    file.uploader_id = actor.user_id;
    file.uploaded_by = actor.user_name;
    repo_.add_file(tx, actor.zone_id, file);
    record(tx, actor, found, found,
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
  auto record = TRY(db_.read([&](store::Tx& tx) -> Result<ApplicationFile> {
    TRY(visible(tx, actor, id, false));
    auto file = repo_.file(tx, actor.zone_id, id, file_id);
    if (!file) {
      return std::unexpected(Error::not_found("file_not_found", "文件不存在 (no such file)"));
    }
    return *file;
  }));
  auto bytes = TRY(files_.get(record.sha256));
  if (std::int64_t(bytes.size()) != record.size) {
    return std::unexpected(Error::internal("the stored file does not match its record"));
  }
  return std::pair{std::move(record), std::move(bytes)};
}

Result<ApplicationView> ApplicationService::remove_file(const Actor& actor, ApplicationId id,
                                                        ApplicationFileId file_id) {
  auto cal = TRY(calendar());
  return db_.write([&](store::Tx& tx) -> Result<ApplicationView> {
    auto found = TRY(visible(tx, actor, id, true));
    TRY(check_party(actor, Party::applicant, found));
    auto file = repo_.file(tx, actor.zone_id, id, file_id);
    if (!file || file->kind != FileKind::material) {
      return std::unexpected(Error::not_found("file_not_found", "文件不存在 (no such file)"));
    }
    // Under correction only what was added for it may go: what was submitted stays on file.
    const bool removable = found.state == ApplicationState::draft ||
                           (found.state == ApplicationState::correcting && found.correction &&
                            file->uploaded_at >= found.correction->requested_at);
    if (!removable) {
      return std::unexpected(Error::conflict(
          "transition_not_allowed",
          "已提交的材料不能删除 (materials already submitted cannot be removed)", "state"));
    }
    repo_.remove_file(tx, actor.zone_id, file_id);
    record(tx, actor, found, found,
           {0, "remove_file", "", "", "", "",
            json::serialize(json::object{{"file_id", file->id},
                                         {"material", file->material},
                                         {"file_name", file->file_name}})});
    return view(tx, actor, *cal, found);
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
  auto first = TRY(parse_period(from, "from"));
  auto last = TRY(parse_period(to, "to"));
  if (last.index() < first.index()) {
    return std::unexpected(
        Error::invalid("bad_range", "起始月份晚于结束月份 (from is after to)", "from"));
  }
  if (last.index() - first.index() >= 36) {
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
  TRY(db_.write([&](store::Tx& tx) -> Status {
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
  }));
  return outcome;
}

}  // namespace jingkai::approvals
