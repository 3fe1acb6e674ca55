// The workflow of an application: which action may be taken by whom from which state, and
// where it leads. Pure rules, no I/O: the service applies them, the tests spell them out.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "modules/approvals/application.hpp"

namespace jingkai::approvals {

enum class Action {
  submit,              // applicant: draft → submitted
  resubmit,            // applicant: correcting → the state the correction interrupted
  withdraw,            // applicant: submitted, accepted, reviewing, correcting → withdrawn
  accept,              // officer 受理: submitted → accepted
  refuse,              // officer 不予受理: submitted → refused
  request_correction,  // officer 补正: accepted, reviewing → correcting (once)
  review,              // officer 审查: accepted → reviewing
  extend,              // officer 延期: accepted, reviewing, correcting (once), state unchanged
  approve,             // officer 决定 准予: reviewing → decided
  reject,              // officer 决定 不予: reviewing → decided
  finish,              // officer 办结: decided → finished
};
inline constexpr Action kAllActions[] = {
    Action::submit, Action::resubmit, Action::withdraw,
    Action::accept, Action::refuse,   Action::request_correction,
    Action::review, Action::extend,   Action::approve,
    Action::reject, Action::finish,
};
std::string_view to_string(Action action);
std::string_view to_label(Action action);  // 提交, 受理, 要求补正, …
std::optional<Action> parse_action(std::string_view text);

// Who takes an action: the enterprise's applicant or the service centre's officer.
enum class Party { applicant, officer };
Party party_of(Action action);

// Whether a reason must come with the action (refusals, rejections, withdrawals, …).
bool needs_reason(Action action);

// The state `action` leads to from where `application` stands. Errors (kind conflict):
// transition_not_allowed naming both, correction_already_requested,
// extension_already_granted.
Result<ApplicationState> next_state(const Application& application, Action action);

// The actions `party` may take now, in kAllActions order.
std::vector<Action> available_actions(const Application& application, Party party);

// Files: applicants add and remove materials in a draft or under correction; officers add
// result documents once decided.
bool takes_files(ApplicationState state, FileKind kind);

// The longest extension of a time limit the law allows (《行政许可法》第四十二条: ten
// days with the approval of the head of the body), in working days.
inline constexpr int kMaxExtensionDays = 10;

}  // namespace jingkai::approvals
