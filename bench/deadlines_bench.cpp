// deadlines_bench: the clocks of 1,000,000 applications — approvals::paused_working_days for
// those that went through a correction (补正), then approvals::compute_deadlines (promised
// and statutory) — on the calendar the product ships (data/holidays-cn.txt). The baseline,
// in the same run, is the straightforward way: stepping one day at a time and asking
// is_working_day of each (WorkCalendar's own algorithm before it kept per-year counts).
// Prints each rate (applications per second of processor time) and its ratio to the
// baseline after Google Benchmark's table.
//
// Before measuring, every application's result (and a sweep of edge cases around the
// calendar's first and last declared days, where the errors are) is checked to be identical
// between the two ways, errors included; the program exits 1 on any difference.
//
//   deadlines_bench [--applications=N] [Google Benchmark flags]
#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <vector>

#include "core/work_calendar.hpp"
#include "modules/approvals/deadlines.hpp"

using namespace jingkai;
using std::chrono::days;

namespace {

int g_applications = 1'000'000;

const WorkCalendar& shipped() {
  static const WorkCalendar calendar = [] {
    std::ifstream in(JINGKAI_DEFAULT_DATA_DIR "/holidays-cn.txt");
    std::stringstream text;
    text << in.rdbuf();
    auto parsed = WorkCalendar::parse(text.str());
    if (!parsed) {
      std::fprintf(stderr, "deadlines_bench: %s\n", parsed.error().message.c_str());
      std::exit(2);
    }
    return *parsed;
  }();
  return calendar;
}

// --- the baseline: one day at a time -------------------------------------------------------

Result<Date> stepping_add(const WorkCalendar& calendar, Date from, int count) {
  if (count < 0) {
    return std::unexpected(Error::invalid("negative_days", "工作日数不能为负", "days"));
  }
  Date day = from;
  for (int left = count; left > 0;) {
    day += days(1);
    auto working = calendar.is_working_day(day);
    if (!working) return std::unexpected(working.error());
    if (*working) --left;
  }
  return day;
}

Result<int> stepping_between(const WorkCalendar& calendar, Date from, Date to) {
  int count = 0;
  for (Date day = from + days(1); day <= to; day += days(1)) {
    auto working = calendar.is_working_day(day);
    if (!working) return std::unexpected(working.error());
    if (*working) ++count;
  }
  return count;
}

Result<approvals::Deadlines> stepping_deadlines(const WorkCalendar& calendar, Date accepted_on,
                                                int promised_days, int statutory_days,
                                                int paused_days, int extension_days) {
  const int added = paused_days + extension_days;
  auto promised = stepping_add(calendar, accepted_on, promised_days + added);
  if (!promised) return std::unexpected(promised.error());
  auto statutory = stepping_add(calendar, accepted_on, statutory_days + added);
  if (!statutory) return std::unexpected(statutory.error());
  return approvals::Deadlines{*promised, *statutory};
}

// --- the applications ----------------------------------------------------------------------

struct Synthetic {
  Date accepted_on;
  int promised_days = 0;
  int statutory_days = 0;
  int extension_days = 0;
  bool corrected = false;
  Date requested_on;  // the correction: requested, then resubmitted
  Date resubmitted_on;
};

std::uint64_t mix(std::uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb93e3cb1d2f9ULL;
  x ^= x >> 33;
  return x;
}

// Accepted on any day from 2024-01-01 to 2026-07-31 (weekends too: some windows open on
// make-up Saturdays), so that the latest deadline (60 + 20 paused + 10 extended working
// days) still falls in 2026, the last year the shipped calendar declares. Limits 0–60
// working days, the statutory one never shorter than the promised one; one in five went
// through a correction of 1–28 days, one in twenty was extended by 1–10 working days.
const std::vector<Synthetic>& applications() {
  static const std::vector<Synthetic> all = [] {
    const Date first = *parse_date("2024-01-01");
    const int span = (*parse_date("2026-07-31") - first).count() + 1;
    std::vector<Synthetic> out(static_cast<std::size_t>(g_applications));
    for (std::size_t i = 0; i < out.size(); ++i) {
      const std::uint64_t r = mix(i + 1);
      Synthetic& a = out[i];
      a.accepted_on = first + days(int(r % std::uint64_t(span)));
      a.promised_days = int((r >> 16) % 61);
      a.statutory_days = a.promised_days + int((r >> 24) % std::uint64_t(61 - a.promised_days));
      a.extension_days = (r >> 32) % 20 == 0 ? 1 + int((r >> 40) % 10) : 0;
      a.corrected = (r >> 44) % 5 == 0;
      if (a.corrected) {
        a.requested_on = a.accepted_on + days(1 + int((r >> 48) % 10));
        a.resubmitted_on = a.requested_on + days(1 + int((r >> 52) % 28));
      }
    }
    return out;
  }();
  return all;
}

// One application's clock the product's way, folded into a checksum.
std::int64_t clock_of(const WorkCalendar& calendar, const Synthetic& a) {
  int paused = 0;
  if (a.corrected) {
    auto p = approvals::paused_working_days(calendar, a.requested_on, a.resubmitted_on);
    if (!p) return -1;
    paused = *p;
  }
  auto d = approvals::compute_deadlines(calendar, a.accepted_on, a.promised_days, a.statutory_days,
                                        paused, a.extension_days);
  if (!d) return -1;
  return d->promised.time_since_epoch().count() + d->statutory.time_since_epoch().count() + paused;
}

std::int64_t stepping_clock_of(const WorkCalendar& calendar, const Synthetic& a) {
  int paused = 0;
  if (a.corrected) {
    auto p = stepping_between(calendar, a.requested_on, a.resubmitted_on);
    if (!p) return -1;
    paused = *p;
  }
  auto d = stepping_deadlines(calendar, a.accepted_on, a.promised_days, a.statutory_days, paused,
                              a.extension_days);
  if (!d) return -1;
  return d->promised.time_since_epoch().count() + d->statutory.time_since_epoch().count() + paused;
}

// --- the check: the same answers, errors included ------------------------------------------

template <typename T>
bool same(const Result<T>& a, const Result<T>& b) {
  if (a.has_value() != b.has_value()) return false;
  if (a) return *a == *b;
  return a.error().code == b.error().code && a.error().message == b.error().message &&
         a.error().field == b.error().field && a.error().kind == b.error().kind;
}

template <typename T>
std::string show(const Result<T>& r) {
  if (!r) return "error " + r.error().code + ": " + r.error().message;
  if constexpr (std::is_same_v<T, Date>) {
    return format_date(*r);
  } else {
    return std::to_string(*r);
  }
}

bool check(const WorkCalendar& calendar) {
  std::int64_t cases = 0;
  int failures = 0;
  auto fail = [&](std::string what) {
    if (++failures <= 10) std::fprintf(stderr, "deadlines_bench: differs: %s\n", what.c_str());
  };
  for (const Synthetic& a : applications()) {
    ++cases;
    if (a.corrected) {
      auto fast = calendar.working_days_between(a.requested_on, a.resubmitted_on);
      auto slow = stepping_between(calendar, a.requested_on, a.resubmitted_on);
      if (!same(fast, slow)) {
        fail(fmt::format("between {} {}: {} vs {}", format_date(a.requested_on),
                         format_date(a.resubmitted_on), show(fast), show(slow)));
      }
    }
    for (int n : {a.promised_days, a.statutory_days + a.extension_days + 20}) {
      auto fast = calendar.add_working_days(a.accepted_on, n);
      auto slow = stepping_add(calendar, a.accepted_on, n);
      if (!same(fast, slow)) {
        fail(fmt::format("add {} {}: {} vs {}", format_date(a.accepted_on), n, show(fast),
                         show(slow)));
      }
    }
  }
  // Around the ends of the declared years (2024–2026 shipped), where the answers turn into
  // errors: every day from a week before the first to a week after the last, every count
  // 0–300, every distance 0–400 days (and backwards).
  const std::vector<int> years = calendar.years();
  const Date start = *parse_date(fmt::format("{}-12-24", years.front() - 1));
  const Date stop = *parse_date(fmt::format("{}-01-08", years.back() + 1));
  for (Date from = start; from <= stop; from += days(1)) {
    for (int n = -1; n <= 300; ++n) {
      ++cases;
      auto fast = calendar.add_working_days(from, n);
      auto slow = stepping_add(calendar, from, n);
      if (!same(fast, slow)) {
        fail(fmt::format("add {} {}: {} vs {}", format_date(from), n, show(fast), show(slow)));
      }
    }
    for (int distance = -3; distance <= 400; distance += (distance < 40 ? 1 : 7)) {
      ++cases;
      const Date to = from + days(distance);
      auto fast = calendar.working_days_between(from, to);
      auto slow = stepping_between(calendar, from, to);
      if (!same(fast, slow)) {
        fail(fmt::format("between {} {}: {} vs {}", format_date(from), format_date(to), show(fast),
                         show(slow)));
      }
    }
  }
  // is_working_day against the declared exceptions and the weekly rhythm is
  // tests/core/work_calendar_test.cpp's business; here only that it answers for every day.
  std::printf("checked %lld cases against day-by-day stepping: %d differ\n",
              static_cast<long long>(cases), failures);
  return failures == 0;
}

// --- the benchmarks ------------------------------------------------------------------------

void BM_SteppingBaseline(benchmark::State& state) {
  const WorkCalendar& calendar = shipped();
  const auto& all = applications();
  for (auto _ : state) {
    std::int64_t sum = 0;
    for (const Synthetic& a : all) sum += stepping_clock_of(calendar, a);
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(all.size()));
}

void BM_ComputeDeadlines(benchmark::State& state) {
  const WorkCalendar& calendar = shipped();
  const auto& all = applications();
  for (auto _ : state) {
    std::int64_t sum = 0;
    for (const Synthetic& a : all) sum += clock_of(calendar, a);
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(all.size()));
}

// Rates by processor time (Google Benchmark's default): the machine is shared, and one
// thread's processor time is what the work costs; the table shows wall time beside it.
BENCHMARK(BM_SteppingBaseline)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ComputeDeadlines)->Unit(benchmark::kMillisecond);

class RateReporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    ConsoleReporter::ReportRuns(runs);
    for (const auto& run : runs) {
      if (run.run_type != Run::RT_Iteration) continue;
      auto it = run.counters.find("items_per_second");
      if (it != run.counters.end()) rates[run.benchmark_name()] = it->second.value;
    }
  }
  std::map<std::string, double> rates;
};

}  // namespace

int main(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    if (std::strncmp(argv[i], "--applications=", 15) == 0) {
      g_applications = std::atoi(argv[i] + 15);
      for (int j = i; j + 1 < argc; ++j) argv[j] = argv[j + 1];
      --argc;
      --i;
    }
  }
  benchmark::Initialize(&argc, argv);
  const WorkCalendar& calendar = shipped();
  {
    std::int64_t corrected = 0, extended = 0, failed = 0;
    for (const Synthetic& a : applications()) {
      corrected += a.corrected;
      extended += a.extension_days > 0;
      failed += clock_of(calendar, a) < 0;
    }
    std::printf("%d applications: %lld corrected, %lld extended, %lld without a deadline\n",
                g_applications, static_cast<long long>(corrected), static_cast<long long>(extended),
                static_cast<long long>(failed));
  }
  if (!check(calendar)) return 1;
  RateReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  const double baseline = reporter.rates["BM_SteppingBaseline"];
  std::printf("\n");
  for (const auto& [name, rate] : reporter.rates) {
    if (rate <= 0) continue;
    std::printf("%-34s %12.0f applications/s  %8.1f ns each  ratio to stepping %.2f\n",
                name.c_str(), rate, 1e9 / rate, baseline > 0 ? rate / baseline : 0.0);
  }
  benchmark::Shutdown();
  return 0;
}
