#include "modules/approvals/application_repo.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <boost/json.hpp>

namespace jingkai::approvals {
namespace {

using Param = store::Tx::Param;
namespace json = boost::json;

constexpr std::string_view kColumns =
    "id, number, item_code, item_name, category, department, statutory_days, promised_days,"
    " enterprise_id, enterprise_name, applicant_id, applicant_name, contact_name,"
    " contact_phone, note, state, decision, decision_reason, refusal_reason, created_at,"
    " submitted_at, updated_at, submitted_on, accepted_on, finished_on,"
    " correction_requested_at, correction_requested_on, correction_items, correction_reason,"
    " correction_resubmitted_on, correction_resume_state, extension_days, extension_reason,"
    " extension_approver, extension_on, paused_days, promised_deadline, statutory_deadline,"
    " promised_overdue, statutory_overdue, in_zone, working_days_taken, on_time_promised,"
    " on_time_statutory";

// Absent dates are stored as '', absent numbers as -1: every column is NOT NULL, which keeps
// the same SQL and the same reads on both databases.
std::string date_text(const std::optional<Date>& date) {
  return date ? format_date(*date) : std::string();
}
std::optional<Date> date_of(const std::string& text) {
  if (text.empty()) return std::nullopt;
  auto date = parse_date(text);
  return date ? std::optional<Date>(*date) : std::nullopt;
}
long long number_of(const std::optional<int>& value) { return value ? *value : -1; }
long long flag_of(const std::optional<bool>& value) { return value ? (*value ? 1 : 0) : -1; }

std::string items_text(const std::vector<std::string>& items) {
  json::array array;
  for (const auto& item : items) array.emplace_back(item);
  return json::serialize(array);
}
std::vector<std::string> items_of(const std::string& text) {
  std::vector<std::string> items;
  if (text.empty()) return items;
  boost::system::error_code ec;
  const json::value value = json::parse(text, ec);
  if (ec || !value.is_array()) return items;
  for (const auto& item : value.as_array()) {
    if (item.is_string()) items.emplace_back(item.as_string());
  }
  return items;
}

// The columns of one application as bound values, in kColumns order (id last written
// separately: it is the key of the update).
struct ApplicationRow {
  long long id = 0, statutory = 0, promised = 0, enterprise_id = 0, applicant_id = 0;
  long long created_at = 0, submitted_at = 0, updated_at = 0, correction_at = 0;
  long long extension_days = 0, paused = 0, promised_overdue = 0, statutory_overdue = 0;
  long long in_zone = 1, taken = -1, on_time_promised = -1, on_time_statutory = -1;
  std::string number, item_code, item_name, category, department, enterprise_name, applicant_name,
      contact_name, contact_phone, note, state, decision, decision_reason, refusal_reason,
      submitted_on, accepted_on, finished_on, correction_on, correction_items, correction_reason,
      correction_resubmitted_on, correction_resume_state, extension_reason, extension_approver,
      extension_on, promised_deadline, statutory_deadline;

  // `run` gets every column after id, in kColumns order, to bind with soci::into or
  // soci::use inside the very expression that runs the statement: SOCI's use() keeps a
  // reference to a temporary that must not outlive it.
  template <typename Run>
  auto fields(Run&& run) {
    return run(number, item_code, item_name, category, department, statutory, promised,
               enterprise_id, enterprise_name, applicant_id, applicant_name, contact_name,
               contact_phone, note, state, decision, decision_reason, refusal_reason, created_at,
               submitted_at, updated_at, submitted_on, accepted_on, finished_on, correction_at,
               correction_on, correction_items, correction_reason, correction_resubmitted_on,
               correction_resume_state, extension_days, extension_reason, extension_approver,
               extension_on, paused, promised_deadline, statutory_deadline, promised_overdue,
               statutory_overdue, in_zone, taken, on_time_promised, on_time_statutory);
  }

  void set(const Application& a) {
    id = a.id;
    number = a.number;
    item_code = a.item_code;
    item_name = a.item_name;
    category = a.category;
    department = a.department;
    statutory = a.statutory_days;
    promised = a.promised_days;
    enterprise_id = a.enterprise_id;
    enterprise_name = a.enterprise_name;
    applicant_id = a.applicant_id;
    applicant_name = a.applicant_name;
    contact_name = a.contact_name;
    contact_phone = a.contact_phone;
    note = a.note;
    state = std::string(to_string(a.state));
    decision = std::string(to_string(a.decision));
    decision_reason = a.decision_reason;
    refusal_reason = a.refusal_reason;
    created_at = a.created_at;
    submitted_at = a.submitted_at;
    updated_at = a.updated_at;
    submitted_on = date_text(a.submitted_on);
    accepted_on = date_text(a.accepted_on);
    finished_on = date_text(a.finished_on);
    correction_at = a.correction ? a.correction->requested_at : 0;
    correction_on = a.correction ? format_date(a.correction->requested_on) : std::string();
    correction_items = a.correction ? items_text(a.correction->items) : std::string();
    correction_reason = a.correction ? a.correction->reason : std::string();
    correction_resubmitted_on = a.correction ? date_text(a.correction->resubmitted_on) : "";
    correction_resume_state =
        a.correction ? std::string(to_string(a.correction->resume_state)) : std::string();
    extension_days = a.extension ? a.extension->days : 0;
    extension_reason = a.extension ? a.extension->reason : std::string();
    extension_approver = a.extension ? a.extension->approver : std::string();
    extension_on = a.extension ? format_date(a.extension->granted_on) : std::string();
    paused = a.paused_days;
    promised_deadline = date_text(a.promised_deadline);
    statutory_deadline = date_text(a.statutory_deadline);
    promised_overdue = a.promised_overdue;
    statutory_overdue = a.statutory_overdue;
    in_zone = a.in_zone;
    taken = number_of(a.working_days_taken);
    on_time_promised = flag_of(a.on_time_promised);
    on_time_statutory = flag_of(a.on_time_statutory);
  }

  Application get() const {
    Application a;
    a.id = id;
    a.number = number;
    a.item_code = item_code;
    a.item_name = item_name;
    a.category = category;
    a.department = department;
    a.statutory_days = int(statutory);
    a.promised_days = int(promised);
    a.enterprise_id = enterprise_id;
    a.enterprise_name = enterprise_name;
    a.applicant_id = applicant_id;
    a.applicant_name = applicant_name;
    a.contact_name = contact_name;
    a.contact_phone = contact_phone;
    a.note = note;
    a.state = parse_application_state(state).value_or(ApplicationState::draft);
    a.decision = parse_decision(decision).value_or(Decision::none);
    a.decision_reason = decision_reason;
    a.refusal_reason = refusal_reason;
    a.created_at = created_at;
    a.submitted_at = submitted_at;
    a.updated_at = updated_at;
    a.submitted_on = date_of(submitted_on);
    a.accepted_on = date_of(accepted_on);
    a.finished_on = date_of(finished_on);
    if (auto on = date_of(correction_on)) {
      Correction c;
      c.requested_at = correction_at;
      c.requested_on = *on;
      c.items = items_of(correction_items);
      c.reason = correction_reason;
      c.resubmitted_on = date_of(correction_resubmitted_on);
      c.resume_state =
          parse_application_state(correction_resume_state).value_or(ApplicationState::accepted);
      a.correction = std::move(c);
    }
    if (auto on = date_of(extension_on)) {
      a.extension = Extension{int(extension_days), extension_reason, extension_approver, *on};
    }
    a.paused_days = int(paused);
    a.promised_deadline = date_of(promised_deadline);
    a.statutory_deadline = date_of(statutory_deadline);
    a.promised_overdue = promised_overdue != 0;
    a.statutory_overdue = statutory_overdue != 0;
    a.in_zone = in_zone != 0;
    if (taken >= 0) a.working_days_taken = int(taken);
    if (on_time_promised >= 0) a.on_time_promised = on_time_promised != 0;
    if (on_time_statutory >= 0) a.on_time_statutory = on_time_statutory != 0;
    return a;
  }
};

// The queue's order: the promised deadline, those without one after all dated ones.
std::string queue_order(const Application& a) {
  return a.promised_deadline && is_open(a.state) && a.state != ApplicationState::correcting
             ? format_date(*a.promised_deadline)
             : std::string("~");
}

struct Where {
  std::string sql;
  std::vector<Param> params;
};

Where where_of(ZoneId zone, const ApplicationFilter& f, const FlagBounds& bounds) {
  Where w{" WHERE zone_id = ?", {Param(static_cast<long long>(zone))}};
  auto add = [&w](std::string_view clause, auto... values) {
    w.sql += " AND ";
    w.sql += clause;
    (w.params.emplace_back(values), ...);
  };
  if (f.enterprises_allowed) {
    if (f.enterprises_allowed->empty()) {
      w.sql += " AND 1 = 0";
    } else {
      w.sql += " AND enterprise_id IN (";
      for (std::size_t i = 0; i < f.enterprises_allowed->size(); ++i) {
        w.sql += i ? ", ?" : "?";
        w.params.emplace_back(static_cast<long long>((*f.enterprises_allowed)[i]));
      }
      w.sql += ")";
    }
  }
  if (f.open_only) w.sql += " AND open = 1";
  if (!f.states.empty()) {
    w.sql += " AND state IN (";
    for (std::size_t i = 0; i < f.states.size(); ++i) {
      w.sql += i ? ", ?" : "?";
      w.params.emplace_back(std::string(to_string(f.states[i])));
    }
    w.sql += ")";
  }
  if (!f.query.empty()) {
    const std::string part = "%" + store::escape_like(f.query) + "%";
    add("(number LIKE ? ESCAPE '\\' OR item_name LIKE ? ESCAPE '\\' OR enterprise_name LIKE ?"
        " ESCAPE '\\')",
        store::escape_like(f.query) + "%", part, part);
  }
  if (!f.item_code.empty()) add("item_code = ?", f.item_code);
  if (!f.department.empty()) add("department = ?", f.department);
  if (!f.category.empty()) add("category = ?", f.category);
  if (f.enterprise_id) add("enterprise_id = ?", static_cast<long long>(*f.enterprise_id));
  if (f.flag) {
    // queue_order is the promised deadline of an application whose clock runs and '~' (after
    // every date) for the rest: each flag is one range of the queue's index.
    const std::string today = format_date(bounds.today), horizon = format_date(bounds.horizon);
    switch (*f.flag) {
      case DeadlineFlag::red:
        add("open = 1 AND queue_order < ?", today);
        break;
      case DeadlineFlag::yellow:
        add("open = 1 AND queue_order >= ? AND queue_order <= ?", today, horizon);
        break;
      case DeadlineFlag::green:
        add("open = 1 AND queue_order > ? AND queue_order < '~'", horizon);
        break;
      case DeadlineFlag::paused:
        w.sql += " AND state = 'correcting'";
        break;
      case DeadlineFlag::none:
        w.sql += " AND open = 0";
        break;
    }
  }
  // Month bounds compare as text: 'YYYY-MM-31' sorts after every day of the month.
  if (!f.received_from.empty()) add("submitted_on >= ?", f.received_from + "-01");
  if (!f.received_to.empty())
    add("submitted_on <= ? AND submitted_on <> ''", f.received_to + "-31");
  if (!f.finished_from.empty()) add("finished_on >= ?", f.finished_from + "-01");
  if (!f.finished_to.empty()) add("finished_on <= ? AND finished_on <> ''", f.finished_to + "-31");
  if (f.on_time == "promised") w.sql += " AND on_time_promised = 1";
  if (f.on_time == "statutory") w.sql += " AND on_time_statutory = 1";
  if (f.on_time == "late_promised") w.sql += " AND on_time_promised = 0";
  if (f.on_time == "late_statutory") w.sql += " AND on_time_statutory = 0";
  if (f.in_zone) {
    w.sql += *f.in_zone ? " AND state = 'finished' AND in_zone = 1"
                        : " AND state = 'finished' AND in_zone = 0";
  }
  return w;
}

std::string_view order_of(std::string_view sort) {
  if (sort == "-deadline") return "queue_order DESC, id DESC";
  if (sort == "submitted_at") return "submitted_at, id";
  if (sort == "-submitted_at") return "submitted_at DESC, id DESC";
  if (sort == "number") return "number, id";
  if (sort == "-number") return "number DESC, id DESC";
  return "queue_order, id";
}

}  // namespace

bool is_application_sort(std::string_view sort) {
  for (std::string_view known :
       {"deadline", "-deadline", "submitted_at", "-submitted_at", "number", "-number"}) {
    if (sort == known) return true;
  }
  return false;
}

void ApplicationRepo::insert(store::Tx& tx, ZoneId zone, Application& application) const {
  ApplicationRow row;
  row.set(application);
  long long zone_id = zone, open = is_open(application.state) ? 1 : 0, id = 0;
  std::string order = queue_order(application);
  row.fields([&](auto&... columns) {
    tx.query_one(fmt::format("INSERT INTO applications ({}, zone_id, open, queue_order)"
                             " VALUES ({}:z, :o, :q) RETURNING id",
                             std::string_view(kColumns).substr(4),
                             [] {
                               std::string marks;
                               for (int i = 1; i <= 43; ++i) {
                                 marks += fmt::format(":c{}, ", i);
                               }
                               return marks;
                             }()),
                 soci::use(columns)..., soci::use(zone_id), soci::use(open), soci::use(order),
                 soci::into(id));
    return 0;
  });
  application.id = id;
  if (application.number.empty()) {
    const std::string day = format_date(china_date(application.created_at));
    application.number =
        fmt::format("{}{}{}{:06d}", day.substr(0, 4), day.substr(5, 2), day.substr(8, 2), id);
    long long key = id;
    tx.exec("UPDATE applications SET number = :n WHERE id = :i", soci::use(application.number),
            soci::use(key));
  }
}

void ApplicationRepo::update(store::Tx& tx, ZoneId zone, const Application& application) const {
  ApplicationRow row;
  row.set(application);
  long long zone_id = zone, open = is_open(application.state) ? 1 : 0, id = application.id;
  std::string order = queue_order(application);
  static const std::string kUpdate = [] {
    std::string sets;
    std::string_view columns = std::string_view(kColumns).substr(4);  // without "id, "
    int n = 0;
    while (!columns.empty()) {
      const auto comma = columns.find(',');
      std::string_view column = columns.substr(0, comma);
      while (column.starts_with(' ')) column.remove_prefix(1);
      sets += fmt::format("{}{} = :c{}", n ? ", " : "", column, n + 1);
      ++n;
      columns = comma == std::string_view::npos ? std::string_view() : columns.substr(comma + 1);
    }
    return "UPDATE applications SET " + sets +
           ", open = :o, queue_order = :q WHERE id = :i AND zone_id = :z";
  }();
  row.fields([&](auto&... columns) {
    tx.exec(kUpdate, soci::use(columns)..., soci::use(open), soci::use(order), soci::use(id),
            soci::use(zone_id));
    return 0;
  });
}

std::optional<Application> ApplicationRepo::find(store::Tx& tx, ZoneId zone, ApplicationId id,
                                                 bool for_update) const {
  ApplicationRow row;
  long long zone_id = zone, key = id;
  const bool lock = for_update && tx.dialect() == store::Dialect::postgresql;
  const bool found = row.fields([&](auto&... columns) {
    return tx.query_one(fmt::format("SELECT {} FROM applications WHERE id = :i AND zone_id = :z{}",
                                    kColumns, lock ? " FOR UPDATE" : ""),
                        soci::into(row.id), soci::into(columns)..., soci::use(key),
                        soci::use(zone_id));
  });
  // kColumns starts with id: it was bound first above.
  if (!found) return std::nullopt;
  return row.get();
}

std::int64_t ApplicationRepo::count(store::Tx& tx, ZoneId zone, const ApplicationFilter& filter,
                                    const FlagBounds& bounds) const {
  Where w = where_of(zone, filter, bounds);
  long long total = 0;
  tx.query_with("SELECT COUNT(*) FROM applications" + w.sql, w.params, soci::into(total)).next();
  return total;
}

Page<Application> ApplicationRepo::list(store::Tx& tx, ZoneId zone, const ApplicationFilter& filter,
                                        const FlagBounds& bounds, PageRequest page) const {
  Where w = where_of(zone, filter, bounds);
  Page<Application> result;
  result.page = page.page;
  result.page_size = page.page_size;
  ApplicationRow row;
  row.fields([&](auto&... columns) {
    auto rows = tx.query_with(
        fmt::format("SELECT {} FROM applications{} ORDER BY {} LIMIT {}"
                    " OFFSET {}",
                    kColumns, w.sql, order_of(filter.sort), page.page_size, page.offset()),
        w.params, soci::into(row.id), soci::into(columns)...);
    while (rows.next()) result.items.push_back(row.get());
    return 0;
  });
  return result;
}

void ApplicationRepo::add_file(store::Tx& tx, ZoneId zone, ApplicationFile& file) const {
  long long zone_id = zone, application = file.application_id, size = file.size,
            at = file.uploaded_at, uploader = file.uploader_id, id = 0;
  const std::string kind(to_string(file.kind));
  tx.query_one(
      "INSERT INTO application_files (zone_id, application_id, kind, material, file_name,"
      " content_type, size, sha256, uploaded_at, uploader_id, uploaded_by) VALUES (:a, :b, :c,"
      " :d, :e, :f, :g, :h, :i, :j, :k) RETURNING id",
      soci::use(zone_id), soci::use(application), soci::use(kind), soci::use(file.material),
      soci::use(file.file_name), soci::use(file.content_type), soci::use(size),
      soci::use(file.sha256), soci::use(at), soci::use(uploader), soci::use(file.uploaded_by),
      soci::into(id));
  file.id = id;
}

namespace {

struct FileRow {
  long long id = 0, application = 0, size = 0, at = 0, uploader = 0;
  std::string kind, material, file_name, content_type, sha256, uploaded_by;
  template <typename Run>
  auto bind(Run&& run) {
    return run(soci::into(id), soci::into(application), soci::into(kind), soci::into(material),
               soci::into(file_name), soci::into(content_type), soci::into(size),
               soci::into(sha256), soci::into(at), soci::into(uploader), soci::into(uploaded_by));
  }
  ApplicationFile get() const {
    return {id,       application, parse_file_kind(kind).value_or(FileKind::material),
            material, file_name,   content_type,
            size,     sha256,      at,
            uploader, uploaded_by};
  }
};

constexpr std::string_view kFileColumns =
    "id, application_id, kind, material, file_name, content_type, size, sha256, uploaded_at,"
    " uploader_id, uploaded_by";

}  // namespace

std::vector<ApplicationFile> ApplicationRepo::files(store::Tx& tx, ZoneId zone,
                                                    ApplicationId id) const {
  std::vector<ApplicationFile> out;
  FileRow row;
  long long zone_id = zone, key = id;
  row.bind([&](auto&&... intos) {
    auto rows =
        tx.query(fmt::format("SELECT {} FROM application_files WHERE application_id = :a"
                             " AND zone_id = :z ORDER BY id",
                             kFileColumns),
                 std::forward<decltype(intos)>(intos)..., soci::use(key), soci::use(zone_id));
    while (rows.next()) out.push_back(row.get());
    return 0;
  });
  return out;
}

std::optional<ApplicationFile> ApplicationRepo::file(store::Tx& tx, ZoneId zone, ApplicationId id,
                                                     ApplicationFileId file_id) const {
  FileRow row;
  long long zone_id = zone, key = id, file_key = file_id;
  const bool found = row.bind([&](auto&&... intos) {
    return tx.query_one(fmt::format("SELECT {} FROM application_files WHERE id = :f AND"
                                    " application_id = :a AND zone_id = :z",
                                    kFileColumns),
                        std::forward<decltype(intos)>(intos)..., soci::use(file_key),
                        soci::use(key), soci::use(zone_id));
  });
  if (!found) return std::nullopt;
  return row.get();
}

void ApplicationRepo::remove_file(store::Tx& tx, ZoneId zone, ApplicationFileId file_id) const {
  long long zone_id = zone, key = file_id;
  tx.exec("DELETE FROM application_files WHERE id = :f AND zone_id = :z", soci::use(key),
          soci::use(zone_id));
}

void ApplicationRepo::add_event(store::Tx& tx, ZoneId zone, ApplicationId id,
                                const ApplicationEvent& e) const {
  long long zone_id = zone, key = id, at = e.at;
  tx.exec(
      "INSERT INTO application_events (zone_id, application_id, at, action, actor, from_state,"
      " to_state, reason, details) VALUES (:z, :a, :t, :b, :c, :d, :e, :f, :g)",
      soci::use(zone_id), soci::use(key), soci::use(at), soci::use(e.action), soci::use(e.actor),
      soci::use(e.from), soci::use(e.to), soci::use(e.reason), soci::use(e.details));
}

std::vector<ApplicationEvent> ApplicationRepo::events(store::Tx& tx, ZoneId zone,
                                                      ApplicationId id) const {
  std::vector<ApplicationEvent> out;
  ApplicationEvent e;
  long long zone_id = zone, key = id, at = 0;
  auto rows = tx.query(
      "SELECT at, action, actor, from_state, to_state, reason, details FROM application_events"
      " WHERE application_id = :a AND zone_id = :z ORDER BY id",
      soci::into(at), soci::into(e.action), soci::into(e.actor), soci::into(e.from),
      soci::into(e.to), soci::into(e.reason), soci::into(e.details), soci::use(key),
      soci::use(zone_id));
  while (rows.next()) {
    e.at = at;
    out.push_back(e);
  }
  return out;
}

std::vector<OverdueCandidate> ApplicationRepo::overdue(store::Tx& tx, Date today) const {
  std::vector<OverdueCandidate> out;
  const std::string day = format_date(today);
  long long zone_id = 0, id = 0, promised = 0, statutory = 0;
  auto rows = tx.query(
      "SELECT zone_id, id, CASE WHEN promised_overdue = 0 AND promised_deadline < :t1 THEN 1"
      " ELSE 0 END, CASE WHEN statutory_overdue = 0 AND statutory_deadline < :t2 THEN 1 ELSE 0"
      " END FROM applications WHERE open = 1 AND state IN ('accepted', 'reviewing') AND"
      " ((promised_overdue = 0 AND promised_deadline <> '' AND promised_deadline < :t3) OR"
      " (statutory_overdue = 0 AND statutory_deadline <> '' AND statutory_deadline < :t4))"
      " ORDER BY zone_id, id",
      soci::into(zone_id), soci::into(id), soci::into(promised), soci::into(statutory),
      soci::use(day), soci::use(day), soci::use(day), soci::use(day));
  while (rows.next()) out.push_back({zone_id, id, promised != 0, statutory != 0});
  return out;
}

std::vector<ApplicationCounts> ApplicationRepo::counts(store::Tx& tx, ZoneId zone,
                                                       std::string_view by, std::string_view from,
                                                       std::string_view to) const {
  const auto key_of = [by](std::string_view day_column) -> std::string {
    if (by == "item") return "item_code";
    if (by == "department") return "department";
    return fmt::format("substr({}, 1, 7)", day_column);
  };
  std::vector<ApplicationCounts> out;
  std::vector<Param> params{Param(static_cast<long long>(zone)), Param(std::string(from) + "-01"),
                            Param(std::string(to) + "-31")};
  std::string key, name;
  long long received = 0;
  {
    auto rows = tx.query_with(
        fmt::format("SELECT {0}, {1}, COUNT(*) FROM applications WHERE zone_id = ? AND"
                    " submitted_on >= ? AND submitted_on <= ? GROUP BY {0} ORDER BY {0}",
                    key_of("submitted_on"),
                    by == "item" ? std::string("MAX(item_name)") : key_of("submitted_on")),
        params, soci::into(key), soci::into(name), soci::into(received));
    while (rows.next()) {
      ApplicationCounts c;
      c.key = key;
      c.label = name;
      c.received = received;
      out.push_back(std::move(c));
    }
  }
  long long finished = 0, on_promised = 0, on_statutory = 0, days = 0, in_zone = 0;
  auto rows = tx.query_with(
      fmt::format("SELECT {0}, {1}, COUNT(*), SUM(CASE WHEN on_time_promised = 1 THEN 1 ELSE 0"
                  " END), SUM(CASE WHEN on_time_statutory = 1 THEN 1 ELSE 0 END),"
                  " SUM(CASE WHEN working_days_taken > 0 THEN working_days_taken ELSE 0 END),"
                  " SUM(in_zone) FROM applications WHERE zone_id = ? AND finished_on >= ? AND"
                  " finished_on <= ? AND state = 'finished' GROUP BY {0} ORDER BY {0}",
                  key_of("finished_on"),
                  by == "item" ? std::string("MAX(item_name)") : key_of("finished_on")),
      params, soci::into(key), soci::into(name), soci::into(finished), soci::into(on_promised),
      soci::into(on_statutory), soci::into(days), soci::into(in_zone));
  while (rows.next()) {
    auto it = std::ranges::find(out, key, &ApplicationCounts::key);
    if (it == out.end()) {
      out.push_back({key, name});
      it = out.end() - 1;
    }
    it->finished = finished;
    it->on_time_promised = on_promised;
    it->on_time_statutory = on_statutory;
    it->working_days_total = days;
    it->in_zone = in_zone;
  }
  std::ranges::sort(out, {}, &ApplicationCounts::key);
  return out;
}

std::int64_t ApplicationRepo::version(store::Tx& tx, ZoneId zone) const {
  long long zone_id = zone, version = 0;
  tx.query_one("SELECT version FROM application_versions WHERE zone_id = :z", soci::use(zone_id),
               soci::into(version));
  return version;
}

void ApplicationRepo::bump_version(store::Tx& tx, ZoneId zone) const {
  long long zone_id = zone;
  tx.exec(
      "INSERT INTO application_versions (zone_id, version) VALUES (:z, 1) ON CONFLICT (zone_id)"
      " DO UPDATE SET version = application_versions.version + 1",
      soci::use(zone_id));
}

}  // namespace jingkai::approvals
