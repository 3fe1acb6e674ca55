#include "modules/approvals/workflow.hpp"

#include <fmt/format.h>

namespace jingkai::approvals {
namespace {

Error not_allowed(Action action, ApplicationState state) {
  return Error::conflict(
      "transition_not_allowed",
      fmt::format("办件处于「{}」, 不能{} (action {} is not allowed from state {})",
                  to_label(state), to_label(action), to_string(action), to_string(state)),
      "action");
}

}  // namespace

std::string_view to_string(Action action) {
  switch (action) {
    case Action::submit:
      return "submit";
    case Action::resubmit:
      return "resubmit";
    case Action::withdraw:
      return "withdraw";
    case Action::accept:
      return "accept";
    case Action::refuse:
      return "refuse";
    case Action::request_correction:
      return "request_correction";
    case Action::review:
      return "review";
    case Action::extend:
      return "extend";
    case Action::approve:
      return "approve";
    case Action::reject:
      return "reject";
    case Action::finish:
      return "finish";
  }
  return "?";
}

std::string_view to_label(Action action) {
  switch (action) {
    case Action::submit:
      return "提交";
    case Action::resubmit:
      return "补正后重新提交";
    case Action::withdraw:
      return "撤回";
    case Action::accept:
      return "受理";
    case Action::refuse:
      return "不予受理";
    case Action::request_correction:
      return "要求补正";
    case Action::review:
      return "开始审查";
    case Action::extend:
      return "延期";
    case Action::approve:
      return "作出准予决定";
    case Action::reject:
      return "作出不予决定";
    case Action::finish:
      return "办结";
  }
  return "?";
}

std::optional<Action> parse_action(std::string_view text) {
  for (Action action : kAllActions) {
    if (to_string(action) == text) return action;
  }
  return std::nullopt;
}

Party party_of(Action action) {
  switch (action) {
    case Action::submit:
    case Action::resubmit:
    case Action::withdraw:
      return Party::applicant;
    default:
      return Party::officer;
  }
}

bool needs_reason(Action action) {
  switch (action) {
    case Action::withdraw:
    case Action::refuse:
    case Action::request_correction:
    case Action::extend:
    case Action::reject:
      return true;
    default:
      return false;
  }
}

Result<ApplicationState> next_state(const Application& application, Action action) {
  using enum ApplicationState;
  const ApplicationState state = application.state;
  switch (action) {
    case Action::submit:
      if (state == draft) return submitted;
      break;
    case Action::resubmit:
      if (state == correcting && application.correction)
        return application.correction->resume_state;
      break;
    case Action::withdraw:
      if (state == submitted || state == accepted || state == reviewing || state == correcting) {
        return withdrawn;
      }
      break;
    case Action::accept:
      if (state == submitted) return accepted;
      break;
    case Action::refuse:
      if (state == submitted) return refused;
      break;
    case Action::request_correction:
      if (state == accepted || state == reviewing) {
        if (application.correction) {
          return std::unexpected(Error::conflict(
              "correction_already_requested",
              "补正只能一次性告知, 本件已要求过补正 (corrections may be requested once, listing "
              "everything at once)",
              "action"));
        }
        return correcting;
      }
      break;
    case Action::review:
      if (state == accepted) return reviewing;
      break;
    case Action::extend:
      if (state == accepted || state == reviewing || state == correcting) {
        if (application.extension) {
          return std::unexpected(
              Error::conflict("extension_already_granted",
                              "本件已延期一次 (the time limit was extended already)", "action"));
        }
        return state;
      }
      break;
    case Action::approve:
    case Action::reject:
      if (state == reviewing) return decided;
      break;
    case Action::finish:
      if (state == decided) return finished;
      break;
  }
  return std::unexpected(not_allowed(action, state));
}

std::vector<Action> available_actions(const Application& application, Party party) {
  std::vector<Action> actions;
  for (Action action : kAllActions) {
    if (party_of(action) == party && next_state(application, action)) actions.push_back(action);
  }
  return actions;
}

bool takes_files(ApplicationState state, FileKind kind) {
  if (kind == FileKind::result) return state == ApplicationState::decided;
  return state == ApplicationState::draft || state == ApplicationState::correcting;
}

}  // namespace jingkai::approvals
