#include "modules/approvals/application.hpp"

namespace jingkai::approvals {
namespace {

struct StateName {
  ApplicationState state;
  std::string_view name;
  std::string_view label;
};
constexpr StateName kStates[] = {
    {ApplicationState::draft, "draft", "草稿"},
    {ApplicationState::submitted, "submitted", "待受理"},
    {ApplicationState::accepted, "accepted", "已受理"},
    {ApplicationState::reviewing, "reviewing", "审查中"},
    {ApplicationState::correcting, "correcting", "补正中"},
    {ApplicationState::decided, "decided", "已决定"},
    {ApplicationState::finished, "finished", "已办结"},
    {ApplicationState::refused, "refused", "不予受理"},
    {ApplicationState::withdrawn, "withdrawn", "已撤回"},
};

}  // namespace

std::string_view to_string(ApplicationState state) {
  for (const auto& s : kStates) {
    if (s.state == state) return s.name;
  }
  return "?";
}

std::string_view to_label(ApplicationState state) {
  for (const auto& s : kStates) {
    if (s.state == state) return s.label;
  }
  return "?";
}

std::optional<ApplicationState> parse_application_state(std::string_view text) {
  for (const auto& s : kStates) {
    if (s.name == text) return s.state;
  }
  return std::nullopt;
}

bool is_open(ApplicationState state) {
  return state == ApplicationState::submitted || state == ApplicationState::accepted ||
         state == ApplicationState::reviewing || state == ApplicationState::correcting;
}

std::string_view to_string(Decision decision) {
  switch (decision) {
    case Decision::none:
      return "";
    case Decision::approved:
      return "approved";
    case Decision::rejected:
      return "rejected";
  }
  return "";
}

std::optional<Decision> parse_decision(std::string_view text) {
  if (text.empty()) return Decision::none;
  if (text == "approved") return Decision::approved;
  if (text == "rejected") return Decision::rejected;
  return std::nullopt;
}

std::string_view to_string(FileKind kind) {
  return kind == FileKind::result ? "result" : "material";
}

std::optional<FileKind> parse_file_kind(std::string_view text) {
  if (text == "material") return FileKind::material;
  if (text == "result") return FileKind::result;
  return std::nullopt;
}

}  // namespace jingkai::approvals
