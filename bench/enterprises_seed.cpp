// enterprises_seed: the data bench/enterprises measures on, made through the product's own
// services so that every row passed the same checks a user's would.
//
//   enterprises_seed registry DB ZONE N        N enterprises (and 6 chains) in the zone
//   enterprises_seed reports  DB ZONE N FIRST MONTHS
//                                              MONTHS reports per enterprise from FIRST (YYYY-MM),
//                                              saved by EnterpriseService::save_reports
//   enterprises_seed csv FILE N FIRST MONTHS   the same reports as a CSV for `jingkai import
//                                              reports` (no database)
//
// Deterministic: enterprise i has the same credit code, flags and figures in every run.
#include <fmt/format.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>

#include "app/app.hpp"
#include "app/cli_support.hpp"
#include "core/uscc.hpp"
#include "seed_support.hpp"

using namespace jingkai;

namespace {

// The credit codes of this seeder's firms: the series 91330681MB….
std::vector<std::string> codes(int n) { return bench::credit_codes("91330681MB", n); }

using bench::mix;

// A year's revenue in yuan: one firm in four is above scale (20 million and more).
double annual_revenue(int i) {
  const double u = double(mix(std::uint64_t(i) * 7 + 1) % 1000000) / 1e6;
  return i % 4 == 0 ? 2.5e7 + u * 5e8 : 1e6 + u * 1.5e7;
}

enterprises::MonthlyFigures figures(int i, Period p) {
  const double noise = 0.9 + double(mix(std::uint64_t(i) * 1000 + p.index()) % 2000) / 10000.0;
  const double revenue = annual_revenue(i) / 12.0 * noise;
  enterprises::MonthlyFigures f;
  f.revenue_fen = std::llround(revenue * 100);
  f.output_fen = std::llround(revenue * 1.02 * 100);
  f.value_added_fen = std::llround(revenue * 0.27 * 100);
  f.profit_fen = std::llround(revenue * (i % 10 == 0 ? -0.01 : 0.07) * 100);
  f.tax_fen = std::llround(revenue * 0.04 * 100);
  f.employees = 5 + std::int64_t(annual_revenue(i) / 1e6);
  f.energy_kgce = std::llround(revenue * 0.03);
  return f;
}

Period parse(const char* text) {
  auto p = parse_period(text, "period");
  if (!p) {
    std::cerr << "enterprises_seed: bad period " << text << "\n";
    std::exit(2);
  }
  return *p;
}

int fail(const Error& error) {
  std::cerr << "enterprises_seed: " << error.message << "\n";
  return 1;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: enterprises_seed registry|reports|csv ...\n";
    return 2;
  }
  const std::string_view mode = argv[1];
  if (mode == "csv" && argc == 6) {
    const int n = std::atoi(argv[3]);
    const Period first = parse(argv[4]);
    const int months = std::atoi(argv[5]);
    const auto all = codes(n);
    std::FILE* out = std::fopen(argv[2], "wb");
    if (!out) return 1;
    std::fputs("uscc,period,output,value_added,revenue,profit,tax,employees,energy_tce\n", out);
    for (int m = 0; m < months; ++m) {
      const Period p = first.plus_months(m);
      const std::string period = format_period(p);
      for (int i = 0; i < n; ++i) {
        const auto f = figures(i, p);
        std::fputs(
            fmt::format("{},{},{},{},{},{},{},{},{}\n", all[i], period,
                        format_decimal(f.output_fen, 2), format_decimal(f.value_added_fen, 2),
                        format_decimal(f.revenue_fen, 2), format_decimal(f.profit_fen, 2),
                        format_decimal(f.tax_fen, 2), f.employees, format_decimal(f.energy_kgce, 3))
                .c_str(),
            out);
      }
    }
    return std::fclose(out) == 0 ? 0 : 1;
  }
  if ((mode != "registry" || argc != 5) && (mode != "reports" || argc != 7)) {
    std::cerr << "usage: enterprises_seed registry DB ZONE N | reports DB ZONE N FIRST MONTHS |"
                 " csv FILE N FIRST MONTHS\n";
    return 2;
  }
  SystemClock clock;
  app::DataOptions data;
  data.db = argv[2];
  auto opened = app::open_app(data, clock);
  if (!opened) return fail(opened.error());
  app::App& app = **opened;
  auto actor = app::console_actor_in(app, argv[3]);
  if (!actor) return fail(actor.error());
  const int n = std::atoi(argv[4]);
  const auto all = codes(n);
  const auto start = std::chrono::steady_clock::now();

  if (mode == "registry") {
    const std::pair<std::string_view, std::string_view> kChains[] = {
        {"smart-vision", "智能视觉"},      {"new-materials", "新材料"},
        {"life-health", "生命健康"},       {"aerospace", "航空航天"},
        {"digital-equipment", "数字装备"}, {"new-energy", "新能源"}};
    std::vector<enterprises::ChainId> chains;
    for (const auto& [code, name] : kChains) {
      auto added = app.enterprises().add_chain(*actor, {0, std::string(code), std::string(name)});
      if (!added) return fail(added.error());
      chains.push_back(added->id);
    }
    const std::string industry = app.industries().find("3919") ? "3919" : "39";
    const Date today = app.enterprises().today();
    const int year = int(std::chrono::year_month_day{today}.year());
    std::vector<enterprises::EnterpriseDraft> drafts(n);
    for (int i = 0; i < n; ++i) {
      auto& d = drafts[i];
      d.uscc = all[i];
      d.name = fmt::format("基准{}制造有限公司", i);
      d.legal_representative = "张建国";
      d.address = fmt::format("浙江省诸暨市经济开发区基准路{}号", i + 1);
      d.division_code = "330681";
      d.industry_code = industry;
      // Six firms in seven belong to a chain.
      if (i % 7 != 6) d.chain_id = chains[i % 7];
      // One in three is high-tech.
      if (i % 3 == 0) {
        d.high_tech_certificate = fmt::format("GR{}330{:05}", year - 1, i % 100000);
        d.high_tech_expires_on = Date(std::chrono::year(year + 2) / 12 / 1);
      }
      if (i % 1000 == 7) {
        d.listed_exchange = "SSE";
        d.listed_ticker = fmt::format("603{:03}", i / 1000 % 1000);
      }
      d.land_area_centimu = 100 * (5 + i % 200);
      d.founded_on = Date(std::chrono::year(2000 + i % 20) / 3 / 1);
    }
    auto created = app.enterprises().create_all(*actor, drafts);
    if (!created) return fail(created.error());
    std::cout << fmt::format("{} enterprises in {:.1f} s\n", *created, seconds_since(start));
    return 0;
  }

  const Period first = parse(argv[5]);
  const int months = std::atoi(argv[6]);
  std::int64_t saved_rows = 0;
  // A year of months at a time, to bound the memory the lines take.
  for (int m0 = 0; m0 < months; m0 += 12) {
    std::vector<enterprises::ReportLine> lines;
    lines.reserve(std::size_t(n) * 12);
    for (int m = m0; m < std::min(months, m0 + 12); ++m) {
      const Period p = first.plus_months(m);
      for (int i = 0; i < n; ++i) lines.push_back({all[i], p, figures(i, p)});
    }
    auto saved = app.enterprises().save_reports(*actor, lines, "enterprises_seed");
    if (!saved) return fail(saved.error());
    saved_rows += saved->inserted + saved->updated;
  }
  std::cout << fmt::format("{} reports in {:.1f} s\n", saved_rows, seconds_since(start));
  return 0;
}
