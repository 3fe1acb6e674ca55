#include "app/demo_applications.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <random>
#include <string>
#include <vector>

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

// The demo's dice: one seeded series, so that the demo is the same on every run.
class Dice {
 public:
  std::uint32_t roll() { return random_(); }
  bool chance(int percent) { return int(random_() % 100) < percent; }
  int pick(int low, int high) { return low + int(random_() % unsigned(high - low + 1)); }

 private:
  std::mt19937 random_{20261127};
};

// Who applies and who decides, for which firms, and for which items.
struct Cast {
  Actor applicant;
  Actor officer;
  std::vector<std::int64_t> represented;  // the firms the applicant acts for
  std::vector<approvals::ServiceItem> items;
};

// The demo's agent (代办员), who represents a score of firms, and its officer.
Result<Cast> cast_demo(App& app, const Actor& in_zone, const DemoApplicationsShape& shape) {
  auto agent = TRY(app.accounts().add_user(
      in_zone, in_zone.zone_code,
      {"daiban", "演示代办员", std::string(kDemoPassword), {Role::enterprise_user}}));
  auto officer_user = TRY(app.accounts().find_zone_user(in_zone, kDemoOfficer));
  Cast cast{{agent.id, agent.name, in_zone.zone_id, in_zone.zone_code, {Role::enterprise_user}},
            {officer_user.id,
             officer_user.name,
             in_zone.zone_id,
             in_zone.zone_code,
             {Role::approval_officer}},
            {},
            {}};

  enterprises::EnterpriseFilter by_name;
  by_name.sort = "-name";
  auto firms = TRY(app.enterprises().list(in_zone, by_name, PageRequest{1, shape.enterprises}));
  for (const auto& firm : firms.items) {
    TRY(app.representatives().grant(in_zone, firm.id, agent.name));
    cast.represented.push_back(firm.id);
  }
  approvals::CatalogueFilter published;
  auto items =
      TRY(app.catalogue().list(in_zone, published, PageRequest{1, PageRequest::kMaxPageSize}));
  cast.items = std::move(items.items);
  return cast;
}

// Every application's steps, planned on working days.
struct Schedule {
  std::vector<Plan> plans;
  std::vector<PlannedStep> steps;  // in time order
};

// Plans the steps of one application started on `day`; `recent`: in the last three weeks.
void plan_application(Schedule& schedule, const Cast& cast, const WorkCalendar& days, Dice& dice,
                      Date day, bool recent) {
  auto working_after = [&](Date from, int n) -> std::optional<Date> {
    auto next = days.add_working_days(from, n);
    return next ? std::optional<Date>(*next) : std::nullopt;
  };
  auto& steps = schedule.steps;
  const int index = int(schedule.plans.size());
  const auto& item = cast.items[dice.roll() % cast.items.size()];
  schedule.plans.push_back({item, cast.represented[dice.roll() % cast.represented.size()], 0});
  int minute = dice.pick(0, 420);
  steps.push_back({morning(day, minute), index, Step::start});
  if (dice.chance(3)) {
    steps.push_back({morning(day, minute + 30), index, Step::refuse});
    return;
  }
  steps.push_back({morning(day, minute + 30), index, Step::accept});
  // Of the last three weeks' applications half are still under review today: the queue
  // has work in it, some of it due soon and some already late.
  if (recent && dice.chance(50)) {
    if (auto review_day = working_after(day, 1)) {
      steps.push_back({morning(*review_day, 10), index, Step::review});
    }
    return;
  }
  // Most are decided within the promise, some late, a few past the statutory limit.
  const int promised = item.promised_days, statutory = std::max(item.statutory_days, 1);
  int taken = dice.chance(88)   ? dice.pick(0, promised)
              : dice.chance(80) ? dice.pick(std::min(promised + 1, statutory), statutory)
                                : statutory + dice.pick(1, 3);
  auto review_day = working_after(day, std::min(1, std::max(taken, 0)));
  if (!review_day) return;
  steps.push_back({morning(*review_day, 10), index, Step::review});
  Date decision_base = *review_day;
  if (dice.chance(12)) {
    auto answered = working_after(*review_day, dice.pick(1, 5));
    if (!answered) return;
    steps.push_back({morning(*review_day, 20), index, Step::request_correction});
    steps.push_back({morning(*answered, 15), index, Step::resubmit});
    decision_base = *answered;  // the paused days do not count
  }
  if (dice.chance(2)) {
    steps.push_back({morning(decision_base, 60), index, Step::withdraw});
    return;
  }
  auto decided = working_after(decision_base, std::max(0, taken - 1));
  if (!decided) return;
  steps.push_back({morning(*decided, 120), index, dice.chance(6) ? Step::reject : Step::approve});
  steps.push_back({morning(*decided, 180), index, Step::finish});
}

// The applications started on the working days of the months up to `today`.
Schedule plan_applications(const Cast& cast, const WorkCalendar& days, Dice& dice,
                           const DemoApplicationsShape& shape, Date today) {
  Schedule schedule;
  const Date first =
      std::chrono::sys_days(std::chrono::year_month_day(today) - std::chrono::months(shape.months));
  for (Date day = first; day <= today; day += std::chrono::days(1)) {
    auto working = days.is_working_day(day);
    if (!working || !*working) continue;
    const int started = dice.pick(0, 2 * shape.per_month / 21);
    for (int n = 0; n < started; ++n) {
      plan_application(schedule, cast, days, dice, day, today - day <= std::chrono::days(21));
    }
  }
  // Each application's steps in the order planned, a minute apart at least.
  {
    std::vector<EpochMs> last(schedule.plans.size(), 0);
    for (PlannedStep& s : schedule.steps) {
      s.at = std::max(s.at, last[s.application] + 60000);
      last[s.application] = s.at;
    }
  }
  std::ranges::stable_sort(schedule.steps, {}, [](const PlannedStep& s) { return s.at; });
  return schedule;
}

const std::string kPdf = "%PDF-1.4\n% jingkai demo material\ntrailer <<>>\n%%EOF\n";

// An application started and submitted with its unconditional materials.
Result<approvals::ApplicationView> start_application(App& app, const Cast& cast, Plan& plan) {
  auto created = app.applications().create(
      cast.applicant, {plan.item.code, plan.enterprise, "李明", "0575-87000000", ""});
  if (!created) return created;
  plan.id = created->summary.application.id;
  for (const auto& material : plan.item.materials) {
    if (!material.condition.empty()) continue;
    TRY(app.applications().add_file(
        cast.applicant, plan.id,
        {approvals::FileKind::material, material.name, "扫描件.pdf", kPdf}));
  }
  return app.applications().act(cast.applicant, plan.id, approvals::Action::submit, {});
}

// The application finished with its decision's file; mostly in the zone.
Result<approvals::ApplicationView> finish_application(App& app, const Cast& cast, const Plan& plan,
                                                      Dice& dice) {
  TRY(app.applications().add_file(
      cast.officer, plan.id, {approvals::FileKind::result, "", "决定书.pdf", kPdf + "result"}));
  approvals::ActionInput input;
  input.in_zone = dice.chance(93);
  return app.applications().act(cast.officer, plan.id, approvals::Action::finish, input);
}

// Takes one planned step through the product's workflow.
Result<approvals::ApplicationView> take_step(App& app, const Cast& cast, Plan& plan, Step step,
                                             Dice& dice) {
  using approvals::Action;
  auto act = [&](const Actor& actor, Action action, approvals::ActionInput input = {}) {
    return app.applications().act(actor, plan.id, action, input);
  };
  switch (step) {
    case Step::start:
      return start_application(app, cast, plan);
    case Step::accept:
      return act(cast.officer, Action::accept);
    case Step::refuse:
      return act(cast.officer, Action::refuse, {"申请事项不属于本中心受理范围"});
    case Step::review:
      return act(cast.officer, Action::review);
    case Step::request_correction:
      return act(cast.officer, Action::request_correction,
                 {"申请材料不齐全", {"补充提交加盖公章的申请书原件"}});
    case Step::resubmit:
      return act(cast.applicant, Action::resubmit);
    case Step::withdraw:
      return act(cast.applicant, Action::withdraw, {"项目计划调整"});
    case Step::approve:
      return act(cast.officer, Action::approve, {"符合法定条件"});
    case Step::reject:
      return act(cast.officer, Action::reject, {"不符合法定条件"});
    case Step::finish:
      return finish_application(app, cast, plan, dice);
  }
  return std::unexpected(Error::internal("no step"));
}

}  // namespace

Result<std::int64_t> build_demo_applications(
    App& app, const Actor& in_zone, SettableClock& clock, const DemoApplicationsShape& shape,
    const std::function<void(std::string_view)>& progress) {
  // The clock's present, which `demo --today` may have moved from the system's.
  const EpochMs present = clock.now_ms();
  const EpochMs system_at_start = SystemClock().now_ms();
  auto calendar = TRY(app.calendar().current());
  auto cast = TRY(cast_demo(app, in_zone, shape));
  if (cast.represented.empty() || cast.items.empty()) return 0;
  Dice dice;
  Schedule schedule = plan_applications(cast, *calendar, dice, shape, china_date(present));

  std::int64_t made = 0;
  std::size_t done = 0;
  std::vector<bool> stopped(schedule.plans.size(), false);
  for (const PlannedStep& s : schedule.steps) {
    if (++done % 500 == 0 && progress) {
      progress(fmt::format("service centre: {} of {} steps", done, schedule.steps.size()));
    }
    if (s.at > present || stopped[s.application]) continue;
    clock.set_now_ms(s.at);
    Plan& plan = schedule.plans[s.application];
    auto result = take_step(app, cast, plan, s.step, dice);
    if (s.step == Step::start && plan.id != 0) ++made;
    // A step the calendar cannot serve (a deadline beyond its years) ends that application
    // where it stands, as it would at the window.
    if (!result) {
      if (result.error().code != "calendar_year_missing") return std::unexpected(result.error());
      stopped[s.application] = true;
    }
  }
  clock.set_now_ms(present + (SystemClock().now_ms() - system_at_start));
  return made;
}

}  // namespace jingkai::app
