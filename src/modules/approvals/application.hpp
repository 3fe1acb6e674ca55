// Applications (办件): an enterprise's request for one service item, from the draft the
// applicant fills in to the finished result, with the clocks that bound how long it takes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/actor.hpp"
#include "core/clock.hpp"
#include "core/date.hpp"

namespace jingkai::approvals {

using ApplicationId = std::int64_t;
using ApplicationFileId = std::int64_t;

// Where an application stands. Open ones (submitted … correcting) sit in the officers' queue.
enum class ApplicationState {
  draft,       // 草稿: the applicant is filling it in
  submitted,   // 待受理: waiting for the window to accept it
  accepted,    // 已受理: the clock runs from the day of acceptance
  reviewing,   // 审查中
  correcting,  // 补正中: the applicant must correct; the clock stands still
  decided,     // 已决定: approved or rejected, the result document to follow
  finished,    // 已办结
  refused,     // 不予受理
  withdrawn,   // 已撤回
};
std::string_view to_string(ApplicationState state);
std::string_view to_label(ApplicationState state);  // 草稿, 待受理, …
std::optional<ApplicationState> parse_application_state(std::string_view text);
bool is_open(ApplicationState state);

enum class Decision { none, approved, rejected };  // 准予 / 不予 (许可, 登记, …)
std::string_view to_string(Decision decision);
std::optional<Decision> parse_decision(std::string_view text);

// The one request for corrections the law allows (一次性告知): everything at once.
struct Correction {
  EpochMs requested_at = 0;
  Date requested_on;
  std::vector<std::string> items;  // what to correct or add, one entry each
  std::string reason;
  std::optional<Date> resubmitted_on;
  ApplicationState resume_state = ApplicationState::accepted;  // where resubmission returns
};

// An extension of the time limit (延期), approved by the department's head.
struct Extension {
  int days = 0;  // working days
  std::string reason;
  std::string approver;
  Date granted_on;
};

struct Application {
  ApplicationId id = 0;
  std::string number;  // 申请编号, e.g. 20260928000042
  // The item as it was when the application started: a later change to the catalogue does
  // not move the clocks of applications under way.
  std::string item_code;
  std::string item_name;
  std::string category;
  std::string department;
  int statutory_days = 0;  // 法定时限, working days
  int promised_days = 0;   // 承诺时限, working days
  std::int64_t enterprise_id = 0;
  std::string enterprise_name;
  UserId applicant_id = 0;
  std::string applicant_name;
  std::string contact_name;
  std::string contact_phone;
  std::string note;

  ApplicationState state = ApplicationState::draft;
  Decision decision = Decision::none;
  std::string decision_reason;
  std::string refusal_reason;
  EpochMs created_at = 0;
  EpochMs submitted_at = 0;  // 0 until submitted
  EpochMs updated_at = 0;
  std::optional<Date> submitted_on;
  std::optional<Date> accepted_on;
  std::optional<Date> finished_on;
  std::optional<Correction> correction;
  std::optional<Extension> extension;

  // The clock (see deadlines.hpp). Deadlines are absent before acceptance and while the
  // clock stands still for a correction.
  int paused_days = 0;  // working days the clock stood still
  std::optional<Date> promised_deadline;
  std::optional<Date> statutory_deadline;
  bool promised_overdue = false;  // marked by the sweep, or found at finishing
  bool statutory_overdue = false;

  // Set at finishing: whether it was handled entirely inside the zone (全程区内办结), and
  // how it went against the limits.
  bool in_zone = true;
  std::optional<int> working_days_taken;
  std::optional<bool> on_time_promised;
  std::optional<bool> on_time_statutory;
};

// A file of an application: a material the applicant hands in, or the result document the
// officer issues. The bytes live in the file store under their SHA-256.
enum class FileKind { material, result };
std::string_view to_string(FileKind kind);
std::optional<FileKind> parse_file_kind(std::string_view text);

struct ApplicationFile {
  ApplicationFileId id = 0;
  ApplicationId application_id = 0;
  FileKind kind = FileKind::material;
  std::string material;  // which material of the item (申请材料名称); empty for results
  std::string file_name;
  std::string content_type;
  std::int64_t size = 0;
  std::string sha256;
  EpochMs uploaded_at = 0;
  UserId uploader_id = 0;
  std::string uploaded_by;
};

// One step of an application's timeline, as the applicant sees it.
struct ApplicationEvent {
  EpochMs at = 0;
  std::string action;  // an Action's name, or "create", "overdue_promised", …
  std::string actor;
  std::string from;  // states, as to_string() writes them; empty when unchanged
  std::string to;
  std::string reason;
  std::string details;  // JSON, e.g. the correction's items or the extension
};

}  // namespace jingkai::approvals
