// applications_seed: a zone with N applications (办件) in the states a service centre's
// database holds after two years of work, for the officers' queue under wrk (bench/approvals).
//
//   applications_seed DB ZONE N ENTERPRISES APPLICANT
//
// The zone must exist, with its service-item catalogue imported (`jingkai catalogue import`)
// and the enterprise user APPLICANT added; the seeder creates ENTERPRISES firms through
// EnterpriseService::create_all, then the applications.
//
// For speed the applications bypass ApplicationService: each is built the way the service's
// workflow would have left it (submit, accept, correction and resubmission, extension,
// decision, finish) and written with approvals::ApplicationRepo::insert, 10,000 to a
// transaction; the repo gives each its id, number, `open` and queue order. Its deadlines,
// paused days and finishing outcome come from approvals::compute_deadlines,
// paused_working_days and finishing_outcome on the calendar the service uses (the shipped
// data/holidays-cn.txt plus any imported years). What is not written: timelines, audit
// entries and files (nothing the queue reads). The zone's data version is bumped once at
// the end so that cached list totals are recounted.
//
// The mix, relative to today (the system clock, China time) — deterministic for a given day:
//   ~90.5 % finished over the past two years (85 % of them within the promised limit, 10 %
//           within the statutory one, 5 % late), 1 in 8 after a correction, 1 in 50 extended;
//   0.5 % decided (awaiting the result document), 0.5 % refused, 1 % withdrawn, 0.3 % drafts;
//   ~7 % open: 1 % submitted (waiting to be accepted), 1 % correcting (clock paused), 5.2 %
//           accepted or under review with deadlines around today (about one in ten red, past
//           the promised deadline; the rest yellow or green).
// An application whose deadline would fall in a year the calendar lacks cannot be accepted
// (the service refuses with calendar_year_missing): it stays submitted, and is counted.
#include <fmt/format.h>

#include <chrono>
#include <iostream>
#include <map>

#include "app/app.hpp"
#include "app/cli_support.hpp"
#include "core/uscc.hpp"
#include "modules/approvals/application_repo.hpp"
#include "modules/approvals/deadlines.hpp"
#include "seed_support.hpp"

using namespace jingkai;
using namespace jingkai::approvals;
using std::chrono::days;

namespace {

constexpr int kBatch = 10'000;

// The credit codes of this seeder's firms: the series 91330681MC… (bench/enterprises uses MB…: the
// two can share a database).
std::vector<std::string> codes(int n) { return bench::credit_codes("91330681MC", n); }

using bench::mix;

// A stream of pseudo-random numbers for one application.
struct Dice {
  std::uint64_t state;
  std::uint64_t next() { return mix(state++); }
  int below(int n) { return n <= 0 ? 0 : int(next() % std::uint64_t(n)); }
  bool one_in(int n) { return below(n) == 0; }
};

int fail(const Error& error) {
  std::cerr << "applications_seed: " << error.message << "\n";
  return 1;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Milliseconds since the epoch at `seconds` past midnight of `day`, China time (UTC+8).
EpochMs at(Date day, int seconds) {
  return (EpochMs(day.time_since_epoch().count()) * 86400 + seconds - 8 * 3600) * 1000;
}
EpochMs office_hours(Date day, Dice& dice) { return at(day, 8 * 3600 + dice.below(9 * 3600)); }

struct Firm {
  std::int64_t id;
  std::string name;
};

class Seeder {
 public:
  Seeder(const WorkCalendar& calendar, Date today, std::vector<ServiceItem> items,
         std::vector<Firm> firms, accounts::ZoneUser applicant)
      : calendar_(calendar),
        today_(today),
        items_(std::move(items)),
        firms_(std::move(firms)),
        applicant_(std::move(applicant)) {}

  // Application i, as the workflow would have left it.
  Application make(std::int64_t i) {
    Dice dice{std::uint64_t(i) * 0x9E3779B97F4A7C15ULL + 1};
    Application a;
    const ServiceItem& item = items_[std::size_t(dice.below(int(items_.size())))];
    const Firm& firm = firms_[std::size_t(dice.below(int(firms_.size())))];
    a.item_code = item.code;
    a.item_name = item.name;
    a.category = item.category;
    a.department = item.department;
    a.statutory_days = item.statutory_days;
    a.promised_days = item.promised_days;
    a.enterprise_id = firm.id;
    a.enterprise_name = firm.name;
    a.applicant_id = applicant_.id;
    a.applicant_name = applicant_.display_name.empty() ? applicant_.name : applicant_.display_name;
    static constexpr std::string_view kContacts[] = {"王丽", "陈伟", "李娜", "张磊", "刘洋",
                                                     "杨帆", "赵静", "黄强", "周敏", "吴昊"};
    a.contact_name = std::string(kContacts[dice.below(10)]);
    a.contact_phone = fmt::format("13{:09d}", dice.below(1'000'000'000));
    if (dice.one_in(4)) a.note = "请尽快办理，谢谢。";

    const int u = dice.below(10000);
    if (u < 100) {
      submitted(a, dice, today_ - days(dice.below(4)));
    } else if (u < 200) {
      correcting(a, dice);
    } else if (u < 720) {
      running(a, dice, u < 460 ? ApplicationState::accepted : ApplicationState::reviewing);
    } else if (u < 770) {
      decided(a, dice);
    } else if (u < 820) {
      submitted(a, dice, past_day(dice));
      a.state = ApplicationState::refused;
      a.refusal_reason = "不属于本中心受理范围 (not handled by this centre)";
      a.updated_at = a.submitted_at + 3600'000LL * (1 + dice.below(48));
    } else if (u < 920) {
      submitted(a, dice, past_day(dice));
      a.state = ApplicationState::withdrawn;
      a.updated_at = a.submitted_at + 3600'000LL * (1 + dice.below(24));
    } else if (u < 950) {
      const Date created = today_ - days(dice.below(60));
      a.created_at = a.updated_at = office_hours(created, dice);  // a draft
    } else {
      finished(a, dice);
    }
    ++by_state_[std::string(to_string(a.state))];
    return a;
  }

  const std::map<std::string, std::int64_t>& by_state() const { return by_state_; }
  std::int64_t not_acceptable() const { return not_acceptable_; }

 private:
  // The service refuses to accept when a deadline falls outside the calendar: left submitted.
  void refused_acceptance() { ++not_acceptable_; }

  Date past_day(Dice& dice) { return today_ - days(10 + dice.below(720)); }

  // The latest working day on or before `day`, then `back` working days before it.
  Date working_day_back(Date day, int back) {
    while (!calendar_.is_working_day(day).value_or(true)) day -= days(1);
    while (back > 0) {
      day -= days(1);
      if (calendar_.is_working_day(day).value_or(true)) --back;
    }
    return day;
  }
  Date next_working_day(Date day) { return calendar_.add_working_days(day, 1).value_or(day); }

  void submitted(Application& a, Dice& dice, Date on) {
    const Date created = on - days(dice.one_in(3) ? 1 : 0);
    a.created_at = office_hours(created, dice);
    a.submitted_on = on;
    a.submitted_at = std::max(a.created_at + 60'000, office_hours(on, dice));
    a.updated_at = a.submitted_at;
    a.state = ApplicationState::submitted;
  }

  // Accepted on `accepted_on` (a working day at or after submission): both deadlines set,
  // or false when they fall where the calendar has no data (the service refuses then).
  bool accept(Application& a, Dice& dice, Date accepted_on) {
    submitted(a, dice, accepted_on - days(dice.one_in(2) ? 0 : 1 + dice.below(3)));
    auto deadlines =
        compute_deadlines(calendar_, accepted_on, a.promised_days, a.statutory_days, 0, 0);
    if (!deadlines) return false;
    a.state = ApplicationState::accepted;
    a.accepted_on = accepted_on;
    a.promised_deadline = deadlines->promised;
    a.statutory_deadline = deadlines->statutory;
    a.updated_at = office_hours(accepted_on, dice);
    return true;
  }

  // Sets both deadlines from the record as the service does; whether each has passed as the
  // daily sweep leaves it.
  bool set_deadlines(Application& a) {
    auto deadlines = compute_deadlines(calendar_, a);
    if (!deadlines) return false;
    a.promised_deadline = deadlines->promised;
    a.statutory_deadline = deadlines->statutory;
    a.promised_overdue = today_ > deadlines->promised;
    a.statutory_overdue = today_ > deadlines->statutory;
    return true;
  }

  static Correction correction(Date requested_on, EpochMs at, ApplicationState resume) {
    return Correction{at,
                      requested_on,
                      {"营业执照副本复印件加盖公章", "法定代表人身份证明"},
                      "材料不齐全 (materials incomplete)",
                      std::nullopt,
                      resume};
  }

  // A correction requested `after` working days after acceptance and answered `took`
  // calendar days later (on or before `latest`): the paused days added to the clock.
  void corrected(Application& a, Dice& dice, int after, int took, Date latest) {
    const Date requested = calendar_.add_working_days(*a.accepted_on, after).value_or(latest);
    if (requested >= latest) return;
    Correction c =
        correction(requested, office_hours(requested, dice),
                   dice.one_in(2) ? ApplicationState::accepted : ApplicationState::reviewing);
    const Date answered = std::min(latest, requested + days(took));
    auto paused = paused_working_days(calendar_, requested, answered);
    if (!paused) return;
    c.resubmitted_on = answered;
    a.correction = std::move(c);
    a.paused_days += *paused;
  }

  void extended(Application& a, Dice& dice, Date latest) {
    const Date granted = std::min(latest, *a.accepted_on + days(1 + dice.below(10)));
    a.extension = Extension{1 + dice.below(10), "需现场核查 (an on-site inspection is needed)",
                            "周建华", granted};
  }

  // Accepted or under review, with deadlines around today.
  void running(Application& a, Dice& dice, ApplicationState state) {
    // One in ten already past the promised deadline by 1–5 working days; the rest due from
    // the last working day (yellow, or red on a weekend) to the full limit ahead (green).
    const int back =
        dice.one_in(10) ? a.promised_days + 1 + dice.below(5) : dice.below(a.promised_days + 1);
    const Date accepted_on = working_day_back(today_, back);
    if (!accept(a, dice, accepted_on)) return refused_acceptance();
    if (dice.one_in(5) && accepted_on + days(2) < today_) {
      corrected(a, dice, 1 + dice.below(3), 1 + dice.below(10), today_);
    }
    if (dice.one_in(30)) extended(a, dice, today_);
    if (!set_deadlines(a)) {
      // Moved past the calendar's last year: as if the correction or extension never was.
      a.correction.reset();
      a.extension.reset();
      a.paused_days = 0;
      set_deadlines(a);
    }
    a.state = state;
  }

  // Correcting: the clock stands still, the deadlines are cleared until resubmission.
  void correcting(Application& a, Dice& dice) {
    const Date accepted_on = working_day_back(today_, 1 + dice.below(a.promised_days + 6));
    if (!accept(a, dice, accepted_on)) return refused_acceptance();
    const Date requested =
        std::min(working_day_back(today_, 0),
                 calendar_.add_working_days(accepted_on, 1 + dice.below(3)).value_or(today_));
    a.correction =
        correction(requested, office_hours(requested, dice),
                   dice.one_in(2) ? ApplicationState::accepted : ApplicationState::reviewing);
    a.promised_deadline.reset();
    a.statutory_deadline.reset();
    a.state = ApplicationState::correcting;
    a.updated_at = a.correction->requested_at;
  }

  // Decided in the last weeks, waiting for the result document.
  void decided(Application& a, Dice& dice) {
    const Date accepted_on = working_day_back(today_, 1 + dice.below(15));
    if (!accept(a, dice, accepted_on)) return refused_acceptance();
    set_deadlines(a);
    a.state = ApplicationState::decided;
    a.decision = dice.one_in(20) ? Decision::rejected : Decision::approved;
    a.decision_reason =
        a.decision == Decision::approved ? "符合法定条件，准予许可" : "不符合法定条件";
    a.updated_at = office_hours(working_day_back(today_, 0), dice);
  }

  void finished(Application& a, Dice& dice) {
    Date submitted_on = past_day(dice);
    Date accepted_on = calendar_.is_working_day(submitted_on).value_or(false) && dice.one_in(2)
                           ? submitted_on
                           : next_working_day(submitted_on);
    if (!accept(a, dice, accepted_on)) {
      // Finished by now, so accepted early enough for its deadlines to fall in the calendar.
      submitted_on -= days(91);
      accepted_on = next_working_day(submitted_on);
      if (!accept(a, dice, accepted_on)) return refused_acceptance();
    }
    a.submitted_on = submitted_on;
    a.created_at = office_hours(submitted_on, dice) - 600'000;
    a.submitted_at = a.created_at + 300'000;
    if (dice.one_in(8)) corrected(a, dice, 1 + dice.below(3), 1 + dice.below(14), today_);
    if (dice.one_in(50)) extended(a, dice, today_);
    if (!set_deadlines(a)) {
      a.correction.reset();
      a.extension.reset();
      a.paused_days = 0;
      set_deadlines(a);
    }
    // Working days the officers took: mostly within the promised limit.
    const int limit = a.promised_days + (a.extension ? a.extension->days : 0);
    const int statutory = a.statutory_days + (a.extension ? a.extension->days : 0);
    const int roll = dice.below(100);
    const int taken = roll < 85   ? dice.below(limit + 1)
                      : roll < 95 ? limit + 1 + dice.below(std::max(1, statutory - limit))
                                  : statutory + 1 + dice.below(5);
    Date finished_on =
        calendar_.add_working_days(accepted_on, taken + a.paused_days).value_or(today_);
    finished_on = std::min(finished_on, working_day_back(today_, 0));
    auto outcome = finishing_outcome(calendar_, a, finished_on);
    if (!outcome) return;
    a.state = ApplicationState::finished;
    a.decision = dice.one_in(25) ? Decision::rejected : Decision::approved;
    a.decision_reason =
        a.decision == Decision::approved ? "符合法定条件，准予许可" : "不符合法定条件";
    a.finished_on = finished_on;
    a.in_zone = !dice.one_in(30);
    a.working_days_taken = outcome->working_days_taken;
    a.on_time_promised = outcome->on_time_promised;
    a.on_time_statutory = outcome->on_time_statutory;
    a.promised_overdue = !outcome->on_time_promised;
    a.statutory_overdue = !outcome->on_time_statutory;
    a.updated_at = office_hours(finished_on, dice);
  }

  const WorkCalendar& calendar_;
  Date today_;
  std::vector<ServiceItem> items_;
  std::vector<Firm> firms_;
  accounts::ZoneUser applicant_;
  std::map<std::string, std::int64_t> by_state_;
  std::int64_t not_acceptable_ = 0;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 6) {
    std::cerr << "usage: applications_seed DB ZONE N ENTERPRISES APPLICANT\n";
    return 2;
  }
  SystemClock clock;
  app::DataOptions data;
  data.db = argv[1];
  auto opened = app::open_app(data, clock);
  if (!opened) return fail(opened.error());
  app::App& app = **opened;
  auto actor = app::console_actor_in(app, argv[2]);
  if (!actor) return fail(actor.error());
  const std::int64_t n = std::atoll(argv[3]);
  const int enterprises = std::atoi(argv[4]);
  const auto start = std::chrono::steady_clock::now();

  auto applicant = app.accounts().find_zone_user(*actor, argv[5]);
  if (!applicant) return fail(applicant.error());

  std::vector<ServiceItem> items;
  for (PageRequest page{1, PageRequest::kMaxPageSize};; ++page.page) {
    auto batch = app.catalogue().list(*actor, {}, page);
    if (!batch) return fail(batch.error());
    for (auto& item : batch->items) {
      if (item.published) items.push_back(std::move(item));
    }
    if (page.page * page.page_size >= batch->total) break;
  }
  if (items.empty()) {
    std::cerr << "applications_seed: the zone's catalogue is empty (jingkai catalogue import)\n";
    return 1;
  }

  const auto all = codes(enterprises);
  std::vector<enterprises::EnterpriseDraft> drafts(static_cast<std::size_t>(enterprises));
  for (int i = 0; i < enterprises; ++i) {
    auto& d = drafts[std::size_t(i)];
    d.uscc = all[std::size_t(i)];
    d.name = fmt::format("诸暨基准{}科技有限公司", i);
    d.legal_representative = "张建国";
    d.address = fmt::format("浙江省诸暨市经济开发区办件路{}号", i + 1);
    d.division_code = "330681";
    d.industry_code = app.industries().find("3919") ? "3919" : "39";
    d.land_area_centimu = 100 * (5 + i % 200);
    d.founded_on = Date(std::chrono::year(2000 + i % 20) / 3 / 1);
  }
  auto created = app.enterprises().create_all(*actor, drafts);
  if (!created) return fail(created.error());
  std::vector<Firm> firms;
  for (PageRequest page{1, PageRequest::kMaxPageSize};; ++page.page) {
    enterprises::EnterpriseFilter filter;
    filter.query = "诸暨基准";
    auto batch = app.enterprises().list(*actor, filter, page);
    if (!batch) return fail(batch.error());
    for (auto& e : batch->items) firms.push_back({e.id, e.name});
    if (page.page * page.page_size >= batch->total) break;
  }
  std::cout << fmt::format("{} items, {} enterprises ({:.1f} s)\n", items.size(), firms.size(),
                           seconds_since(start));

  auto calendar = app.calendar().current();
  if (!calendar) return fail(calendar.error());
  const Date today = app.applications().today();
  Seeder seeder(**calendar, today, std::move(items), std::move(firms), *applicant);
  const ApplicationRepo repo;
  for (std::int64_t first = 0; first < n; first += kBatch) {
    std::vector<Application> batch;
    batch.reserve(kBatch);
    for (std::int64_t i = first; i < std::min(n, first + kBatch); ++i) {
      batch.push_back(seeder.make(i));
    }
    auto written = app.db().write([&](store::Tx& tx) -> Status {
      for (Application& a : batch) repo.insert(tx, actor->zone_id, a);
      return {};
    });
    if (!written) return fail(written.error());
  }
  auto bumped = app.db().write([&](store::Tx& tx) -> Status {
    repo.bump_version(tx, actor->zone_id);
    return {};
  });
  if (!bumped) return fail(bumped.error());
  std::cout << fmt::format("{} applications on {} in {:.1f} s:", n, format_date(today),
                           seconds_since(start));
  for (const auto& [state, count] : seeder.by_state()) {
    std::cout << fmt::format(" {} {}", state, count);
  }
  std::cout << fmt::format(" ({} left submitted: a deadline past the calendar's last year)\n",
                           seeder.not_acceptable());
  return 0;
}
