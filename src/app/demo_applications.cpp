#include "app/demo_applications.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <random>

namespace jingkai::app {
namespace {

constexpr EpochMs kHourMs = 3600LL * 1000;
constexpr EpochMs kDayMs = 24 * kHourMs;

// 09:00 China time on `day`, plus `minutes`.
EpochMs morning(Date day, int minutes = 0) {
  return EpochMs(day.time_since_epoch().count()) * kDayMs + kHourMs + EpochMs(minutes) * 60000;
}

enum class Step {
  start,
  accept,
  refuse,
  review,
  request_correction,
  resubmit,
  approve,
  reject,
  withdraw,
  finish
};

struct PlannedStep {
  EpochMs at = 0;
  int application = 0;  // index into the plans
  Step step = Step::start;
};

struct Plan {
  approvals::ServiceItem item;
  std::int64_t enterprise = 0;
  approvals::ApplicationId id = 0;  // once started
};

}  // namespace

Result<std::int64_t> build_demo_applications(
    App& app, const Actor& in_zone, SettableClock& clock, const DemoApplicationsShape& shape,
    const std::function<void(std::string_view)>& progress) {
  const EpochMs present = SystemClock().now_ms();
  auto calendar = app.calendar().current();
  if (!calendar) return std::unexpected(calendar.error());
  const WorkCalendar& days = **calendar;

  // The actors: the demo's officer, and an agent (代办员) who represents a score of firms.
  auto agent = app.accounts().add_user(
      in_zone, in_zone.zone_code,
      {"daiban", "演示代办员", std::string(kDemoPassword), {Role::enterprise_user}});
  if (!agent) return std::unexpected(agent.error());
  auto officer_user = app.accounts().find_zone_user(in_zone, kDemoOfficer);
  if (!officer_user) return std::unexpected(officer_user.error());
  const Actor applicant{
      agent->id, agent->name, in_zone.zone_id, in_zone.zone_code, {Role::enterprise_user}};
  const Actor officer{officer_user->id,
                      officer_user->name,
                      in_zone.zone_id,
                      in_zone.zone_code,
                      {Role::approval_officer}};

  enterprises::EnterpriseFilter by_name;
  by_name.sort = "-name";
  auto firms = app.enterprises().list(in_zone, by_name, PageRequest{1, shape.enterprises});
  if (!firms) return std::unexpected(firms.error());
  std::vector<std::int64_t> represented;
  for (const auto& firm : firms->items) {
    if (auto granted = app.representatives().grant(in_zone, firm.id, agent->name); !granted) {
      return std::unexpected(granted.error());
    }
    represented.push_back(firm.id);
  }
  approvals::CatalogueFilter published;
  auto items = app.catalogue().list(in_zone, published, PageRequest{1, PageRequest::kMaxPageSize});
  if (!items) return std::unexpected(items.error());
  if (represented.empty() || items->items.empty()) return 0;

  // Plan every application's steps on working days, deterministically.
  std::mt19937 random(20261127);
  auto chance = [&](int percent) { return int(random() % 100) < percent; };
  auto pick = [&](int low, int high) { return low + int(random() % unsigned(high - low + 1)); };
  auto working_after = [&](Date from, int n) -> std::optional<Date> {
    auto day = days.add_working_days(from, n);
    return day ? std::optional<Date>(*day) : std::nullopt;
  };
  const Date today = china_date(present);
  const Date first =
      std::chrono::sys_days(std::chrono::year_month_day(today) - std::chrono::months(shape.months));
  std::vector<Plan> plans;
  std::vector<PlannedStep> steps;
  for (Date day = first; day <= today; day += std::chrono::days(1)) {
    auto working = days.is_working_day(day);
    if (!working || !*working) continue;
    const int started = pick(0, 2 * shape.per_month / 21);
    for (int n = 0; n < started; ++n) {
      const int index = int(plans.size());
      const auto& item = items->items[random() % items->items.size()];
      plans.push_back({item, represented[random() % represented.size()], 0});
      int minute = pick(0, 420);
      steps.push_back({morning(day, minute), index, Step::start});
      if (chance(3)) {
        steps.push_back({morning(day, minute + 30), index, Step::refuse});
        continue;
      }
      steps.push_back({morning(day, minute + 30), index, Step::accept});
      // Of the last three weeks' applications half are still under review today: the queue
      // has work in it, some of it due soon and some already late.
      if (today - day <= std::chrono::days(21) && chance(50)) {
        if (auto review_day = working_after(day, 1)) {
          steps.push_back({morning(*review_day, 10), index, Step::review});
        }
        continue;
      }
      // Most are decided within the promise, some late, a few past the statutory limit.
      const int promised = item.promised_days, statutory = std::max(item.statutory_days, 1);
      int taken = chance(88)   ? pick(0, promised)
                  : chance(80) ? pick(std::min(promised + 1, statutory), statutory)
                               : statutory + pick(1, 3);
      auto review_day = working_after(day, std::min(1, std::max(taken, 0)));
      if (!review_day) continue;
      steps.push_back({morning(*review_day, 10), index, Step::review});
      Date decision_base = *review_day;
      if (chance(12)) {
        auto answered = working_after(*review_day, pick(1, 5));
        if (!answered) continue;
        steps.push_back({morning(*review_day, 20), index, Step::request_correction});
        steps.push_back({morning(*answered, 15), index, Step::resubmit});
        decision_base = *answered;  // the paused days do not count
      }
      if (chance(2)) {
        steps.push_back({morning(decision_base, 60), index, Step::withdraw});
        continue;
      }
      auto decided = working_after(decision_base, std::max(0, taken - 1));
      if (!decided) continue;
      steps.push_back({morning(*decided, 120), index, chance(6) ? Step::reject : Step::approve});
      steps.push_back({morning(*decided, 180), index, Step::finish});
    }
  }
  // Each application's steps in the order planned, a minute apart at least.
  {
    std::vector<EpochMs> last(plans.size(), 0);
    for (PlannedStep& s : steps) {
      s.at = std::max(s.at, last[s.application] + 60000);
      last[s.application] = s.at;
    }
  }
  std::ranges::stable_sort(steps, {}, [](const PlannedStep& s) { return s.at; });

  const std::string pdf = "%PDF-1.4\n% jingkai demo material\n";
  std::int64_t made = 0;
  std::size_t done = 0;
  std::vector<bool> stopped(plans.size(), false);
  for (const PlannedStep& s : steps) {
    if (++done % 500 == 0 && progress) {
      progress(fmt::format("service centre: {} of {} steps", done, steps.size()));
    }
    if (s.at > present || stopped[s.application]) continue;
    clock.set_now_ms(s.at);
    Plan& plan = plans[s.application];
    using approvals::Action;
    Result<approvals::ApplicationView> result = std::unexpected(Error::internal("no step"));
    auto act = [&](const Actor& actor, Action action, approvals::ActionInput input = {}) {
      return app.applications().act(actor, plan.id, action, input);
    };
    switch (s.step) {
      case Step::start: {
        result = app.applications().create(
            applicant, {plan.item.code, plan.enterprise, "李明", "0575-87000000", ""});
        if (!result) break;
        plan.id = result->summary.application.id;
        ++made;
        for (const auto& material : plan.item.materials) {
          if (!material.condition.empty()) continue;
          auto file = app.applications().add_file(
              applicant, plan.id,
              {approvals::FileKind::material, material.name, "扫描件.pdf", pdf});
          if (!file) return std::unexpected(file.error());
        }
        result = act(applicant, Action::submit);
        break;
      }
      case Step::accept:
        result = act(officer, Action::accept);
        break;
      case Step::refuse:
        result = act(officer, Action::refuse, {"申请事项不属于本中心受理范围"});
        break;
      case Step::review:
        result = act(officer, Action::review);
        break;
      case Step::request_correction:
        result = act(officer, Action::request_correction,
                     {"申请材料不齐全", {"补充提交加盖公章的申请书原件"}});
        break;
      case Step::resubmit:
        result = act(applicant, Action::resubmit);
        break;
      case Step::withdraw:
        result = act(applicant, Action::withdraw, {"项目计划调整"});
        break;
      case Step::approve:
        result = act(officer, Action::approve, {"符合法定条件"});
        break;
      case Step::reject:
        result = act(officer, Action::reject, {"不符合法定条件"});
        break;
      case Step::finish: {
        auto file = app.applications().add_file(
            officer, plan.id, {approvals::FileKind::result, "", "决定书.pdf", pdf + "result"});
        if (!file) return std::unexpected(file.error());
        approvals::ActionInput input;
        input.in_zone = chance(93);
        result = act(officer, Action::finish, input);
        break;
      }
    }
    // A step the calendar cannot serve (a deadline beyond its years) ends that application
    // where it stands, as it would at the window.
    if (!result) {
      if (result.error().code != "calendar_year_missing") return std::unexpected(result.error());
      stopped[s.application] = true;
    }
  }
  clock.set_now_ms(SystemClock().now_ms());
  return made;
}

}  // namespace jingkai::app
